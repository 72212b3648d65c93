// Package clientparamnames_test checks that client parameters named like
// the Client's and ClientOptions' own fields reach the wire under their
// new names, and leave the client's own settings alone.
package clientparamnames_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/armgen/armgen/golden/testdata/client-param-names/want"
)

func TestClientParameterNames(t *testing.T) {
	var query, retry string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		query, retry = r.URL.RawQuery, r.Header.Get("retry")
	}))
	defer srv.Close()

	host := strings.TrimPrefix(srv.URL, "http://")
	c := clientparamnames.NewClient("d", host, "s", srv.Client(), &clientparamnames.ClientOptions{
		Scheme:      "http",
		LoggerParam: clientparamnames.Ptr("l"),
		RetryParam:  clientparamnames.Ptr[int32](3),
		// The client's own Retry: the parameter named retry is not it.
		Retry: clientparamnames.RetryOptions{MaxRetries: -1},
	})
	if _, err := c.Items().List(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if query != "doer=d&logger=l&scheme=s" || retry != "3" {
		t.Errorf("query %q, retry header %q", query, retry)
	}
}
