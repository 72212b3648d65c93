// Package paging_test follows next links with the client's api-version.
package paging_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	paging "github.com/armgen/armgen/golden/testdata/paging-api-version/want"
)

func TestNextLinkGetsTheClientsAPIVersion(t *testing.T) {
	var srv *httptest.Server
	var queries []string
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		queries = append(queries, r.URL.RawQuery)
		switch r.URL.Query().Get("page") {
		case "":
			// A link with another version, in another case.
			fmt.Fprintf(w, `{"value":["a"],"nextLink":"%s/vms?Api-Version=2020-01-01&page=2&%%24skiptoken=x%%2Fy"}`, srv.URL)
		case "2":
			// A link with none.
			fmt.Fprint(w, `{"value":["b"],"nextLink":"/vms?page=3"}`)
		default:
			fmt.Fprint(w, `{"value":["c"]}`)
		}
	}))
	defer srv.Close()
	c := paging.NewClient(srv.Client(), &paging.ClientOptions{Endpoint: srv.URL})
	var items []string
	for item, err := range c.VirtualMachines().NewListPager(nil).All(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, item)
	}
	want := []string{
		"api-version=2024-09-01",
		"page=2&%24skiptoken=x%2Fy&api-version=2024-09-01",
		"page=3&api-version=2024-09-01",
	}
	if strings.Join(items, ",") != "a,b,c" || strings.Join(queries, " ") != strings.Join(want, " ") {
		t.Errorf("items %v, queries %q; want a,b,c and %q", items, queries, want)
	}
}
