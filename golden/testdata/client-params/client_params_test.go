// Package clientparams_test checks on the wire which client parameters a
// request carries.
package clientparams_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/armgen/armgen/golden/testdata/client-params/want"
)

func TestClientParameters(t *testing.T) {
	var query, trace string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		query, trace = r.URL.RawQuery, r.Header.Get("x-trace")
	}))
	defer srv.Close()

	// Unset, the optional ones without a default are not sent at all.
	c := clientparams.NewClient("west", srv.Client(), &clientparams.ClientOptions{Endpoint: srv.URL})
	if _, err := c.Items().List(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if query != "pageSize=10" || trace != "" {
		t.Errorf("query %q, x-trace %q: want only the default pageSize", query, trace)
	}

	// Set, they are; and the client keeps its own copy.
	tag := "blue"
	c = clientparams.NewClient("west", srv.Client(), &clientparams.ClientOptions{
		Endpoint: srv.URL, Tag: &tag, Limit: clientparams.Ptr[int32](0), XTrace: clientparams.Ptr(false), PageSize: clientparams.Ptr[int32](5),
	})
	tag = "changed later"
	if _, err := c.Items().List(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if query != "limit=0&pageSize=5&tag=blue" || trace != "false" {
		t.Errorf("query %q, x-trace %q", query, trace)
	}

	// A set value is checked like any other, when checks are on.
	c = clientparams.NewClient("west", srv.Client(), &clientparams.ClientOptions{Endpoint: srv.URL, Tag: clientparams.Ptr("x"), CheckConstraints: true})
	if _, err := c.Items().List(context.Background(), nil); err == nil {
		t.Error("a tag shorter than minLength was sent")
	}
	c = clientparams.NewClient("west", srv.Client(), &clientparams.ClientOptions{Endpoint: srv.URL, Tag: clientparams.Ptr("x")})
	if _, err := c.Items().List(context.Background(), nil); err != nil || query != "pageSize=10&tag=x" {
		t.Errorf("unchecked, a short tag: %v, query %q", err, query)
	}
}
