// Package pageablelongrunning_test walks the list a long-running
// operation ends with.
package pageablelongrunning_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	pageablelongrunning "github.com/armgen/armgen/golden/testdata/pageable-long-running/want"
)

func TestPagerWalksOnFromThePollersResult(t *testing.T) {
	var srv *httptest.Server
	var requests []string
	mux := http.NewServeMux()
	mux.HandleFunc("POST /paging/multiple/lro", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Azure-AsyncOperation", srv.URL+"/status")
		w.Header().Set("Location", srv.URL+"/list")
		w.WriteHeader(http.StatusAccepted)
		fmt.Fprint(w, `{"values":[]}`)
	})
	mux.HandleFunc("GET /status", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"status":"Succeeded"}`)
	})
	mux.HandleFunc("GET /list", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("page") {
		case "":
			fmt.Fprintf(w, `{"values":["a","b"],"nextLink":"%s/list?page=2"}`, srv.URL)
		case "2":
			fmt.Fprint(w, `{"values":["c"],"nextLink":"/list?page=3"}`)
		default:
			fmt.Fprint(w, `{"values":["d"]}`)
		}
	})
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests = append(requests, r.Method+" "+r.URL.RequestURI())
		mux.ServeHTTP(w, r)
	}))
	defer srv.Close()
	ctx := context.Background()
	c := pageablelongrunning.NewClient(srv.Client(), &pageablelongrunning.ClientOptions{Endpoint: srv.URL}).Paging()
	poller, err := c.BeginGetMultiplePagesLRO(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	first, err := poller.PollUntilDone(ctx, time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	// The poller's result, the first page, is not fetched again; the pages
	// it links to (with a 200, where the operation documents a 202) are.
	var items []string
	for item, err := range c.NewGetMultiplePagesLROPager(first, nil).All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, item)
	}
	want := "POST /paging/multiple/lro,GET /status,GET /list,GET /list?page=2,GET /list?page=3"
	if strings.Join(items, ",") != "a,b,c,d" || strings.Join(requests, ",") != want {
		t.Errorf("items %v after %q; want a,b,c,d after %q", items, requests, want)
	}
}
