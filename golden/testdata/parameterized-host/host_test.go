// Package parameterizedhost_test checks that requests go to the host the
// x-ms-parameterized-host template makes, page after page.
package parameterizedhost_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	parameterizedhost "github.com/armgen/armgen/golden/testdata/parameterized-host/want"
)

// doer answers every request itself, recording the URLs.
type doer struct{ urls []string }

func (d *doer) Do(req *http.Request) (*http.Response, error) {
	d.urls = append(d.urls, req.URL.String())
	body := `{"value":[{"id":"a"}],"nextLink":"/items?page=2"}`
	if strings.Contains(req.URL.RawQuery, "page=2") {
		body = `{"value":[{"id":"b"}]}`
	}
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(body)), Request: req}, nil
}

func TestHostFromTemplate(t *testing.T) {
	d := &doer{}
	c := parameterizedhost.NewClient("westus", d, nil)
	if _, err := c.Items().Get(context.Background(), "x", "acct", nil); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for item, err := range c.Items().NewListPager("acct", nil).All(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, *item.ID)
	}
	want := []string{
		"https://acct.westus.contoso.net/items/x",
		"https://acct.westus.contoso.net/items",
		"https://acct.westus.contoso.net/items?page=2", // a relative next link resolves against the host
	}
	if strings.Join(d.urls, " ") != strings.Join(want, " ") || strings.Join(ids, ",") != "a,b" {
		t.Errorf("urls %q, items %v", d.urls, ids)
	}
	if _, err := c.Items().Get(context.Background(), "x", "", nil); err == nil {
		t.Error("an empty host part must be refused")
	}
}

func TestSchemeAndSuffixOptions(t *testing.T) {
	d := &doer{}
	c := parameterizedhost.NewClient("local", d, &parameterizedhost.ClientOptions{Scheme: "http", Suffix: parameterizedhost.Ptr(":3000")})
	if _, err := c.Items().Get(context.Background(), "x", "acct", nil); err != nil {
		t.Fatal(err)
	}
	if d.urls[0] != "http://acct.local:3000/items/x" {
		t.Errorf("url %s", d.urls[0])
	}
	// An Endpoint replaces the template altogether.
	c = parameterizedhost.NewClient("local", d, &parameterizedhost.ClientOptions{Endpoint: "http://127.0.0.1:9"})
	c.Items().Get(context.Background(), "x", "acct", nil)
	if d.urls[1] != "http://127.0.0.1:9/items/x" {
		t.Errorf("url %s", d.urls[1])
	}
}
