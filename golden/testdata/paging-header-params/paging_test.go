// Package paging_test checks that every page carries the list operation's
// header parameters.
package paging_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	paging "github.com/armgen/armgen/golden/testdata/paging-header-params/want"
)

func TestEveryPageCarriesTheHeaderParameters(t *testing.T) {
	var srv *httptest.Server
	var got []string
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, fmt.Sprintf("%s|%s|%s|%s", r.Header.Get("tenant"), r.Header.Get("client-request-id"), r.Header.Get("maxresults"), r.URL.RawQuery))
		switch r.URL.Query().Get("page") {
		case "":
			fmt.Fprintf(w, `{"value":["a"],"nextLink":"%s/jobs?page=2"}`, srv.URL)
		default:
			fmt.Fprint(w, `{"value":["b"]}`)
		}
	}))
	defer srv.Close()
	c := paging.NewClient(srv.Client(), &paging.ClientOptions{Endpoint: srv.URL}).Jobs()
	opts := &paging.JobsListOptions{ClientRequestID: paging.Ptr("id-1"), Maxresults: paging.Ptr[int32](1), Filter: paging.Ptr("x")}
	var items []string
	for item, err := range c.NewListPager("t1", opts).All(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, item)
	}
	// The query is the link's: the filter is not added again.
	want := []string{"t1|id-1|1|%24filter=x", "t1|id-1|1|page=2"}
	if strings.Join(items, ",") != "a,b" || strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("items %v, requests %q; want a,b and %q", items, got, want)
	}

	// The next-request builder alone does the same, options or not.
	req, err := c.NewListNextRequest(context.Background(), srv.URL+"/jobs?page=2", "t2", nil)
	if err != nil {
		t.Fatal(err)
	}
	if req.Header.Get("tenant") != "t2" || req.Header.Get("client-request-id") != "" || req.URL.RawQuery != "page=2" {
		t.Errorf("next request %s with headers %v", req.URL, req.Header)
	}
}
