// Package paging_test walks the generated pagers against a test server.
package paging_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/armgen/armgen/golden/testdata/paging/want"
)

func TestVirtualMachinesPager(t *testing.T) {
	var srv *httptest.Server
	var queries []string
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		queries = append(queries, r.URL.RawQuery)
		switch r.URL.Query().Get("page") {
		case "":
			// An absolute next link, the way ARM sends it.
			fmt.Fprintf(w, `{"value":[{"name":"a"},{"name":"b"}],"nextLink":"%s/vms?page=2&%%24filter=x"}`, srv.URL)
		case "2":
			fmt.Fprint(w, `{"value":[],"nextLink":"/vms?page=3"}`)
		case "3":
			fmt.Fprint(w, `{"value":[{"name":"c"}]}`)
		}
	}))
	defer srv.Close()
	c := paging.NewClient(srv.Client(), &paging.ClientOptions{Endpoint: srv.URL})
	var names []string
	for vm, err := range c.VirtualMachines().NewListPager(&paging.VirtualMachinesListOptions{Filter: paging.Ptr("x")}).All(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, *vm.Name)
	}
	if strings.Join(names, ",") != "a,b,c" {
		t.Errorf("items %v", names)
	}
	if len(queries) != 3 || queries[0] != "%24filter=x" {
		t.Errorf("queries %q: the first page carries the filter, later ones follow the links", queries)
	}
}

func TestSinglePageList(t *testing.T) {
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		fmt.Fprint(w, `{"value":["small","large"],"nextLink":"ignored: nextLinkName is null"}`)
	}))
	defer srv.Close()
	c := paging.NewClient(srv.Client(), &paging.ClientOptions{Endpoint: srv.URL})
	p := c.VirtualMachines().NewListSizesPager("vm1", nil)
	page, err := p.NextPage(context.Background())
	if err != nil || len(page.Value) != 2 || p.More() || calls != 1 {
		t.Errorf("page %v, err %v, more %v, calls %d", page.Value, err, p.More(), calls)
	}
}

func TestCustomItemAndLinkNames(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("p") == "" {
			fmt.Fprintf(w, `{"items":["d1"],"odata.nextLink":"%s/disks?p=2"}`, srv.URL)
			return
		}
		fmt.Fprint(w, `{"items":["d2"]}`)
	}))
	defer srv.Close()
	c := paging.NewClient(srv.Client(), &paging.ClientOptions{Endpoint: srv.URL})
	var got []string
	for page, err := range c.Disks().NewListPager(nil).Pages(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, page.Items...)
	}
	if strings.Join(got, ",") != "d1,d2" {
		t.Errorf("items %v", got)
	}
}

// A page is retried like any request; the error after the last try is
// typed and counts them.
func TestPagerErrorIsTyped(t *testing.T) {
	tries := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tries++
		http.Error(w, `{"error":{"code":"Throttled"}}`, http.StatusTooManyRequests)
	}))
	defer srv.Close()
	c := paging.NewClient(srv.Client(), &paging.ClientOptions{Endpoint: srv.URL, Retry: paging.RetryOptions{RetryDelay: time.Millisecond}})
	for _, err := range c.VirtualMachines().NewListPager(nil).All(context.Background()) {
		re, ok := err.(*paging.ResponseError)
		if !ok || re.StatusCode != 429 || re.Tries != 4 {
			t.Fatalf("err = %v", err)
		}
	}
	if tries != 4 {
		t.Errorf("%d tries, want 4", tries)
	}
}

// A page that fails once is tried again, and the walk goes on.
func TestPagerRetriesAPage(t *testing.T) {
	tries := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tries++
		switch {
		case tries == 2:
			w.WriteHeader(http.StatusServiceUnavailable)
		case r.URL.Query().Get("page") == "":
			fmt.Fprintf(w, `{"value":[{"name":"a"}],"nextLink":%q}`, "http://"+r.Host+"/next?page=2")
		default:
			fmt.Fprint(w, `{"value":[{"name":"b"}]}`)
		}
	}))
	defer srv.Close()
	c := paging.NewClient(srv.Client(), &paging.ClientOptions{Endpoint: srv.URL, Retry: paging.RetryOptions{RetryDelay: time.Millisecond}})
	var got []string
	for vm, err := range c.VirtualMachines().NewListPager(nil).All(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, *vm.Name)
	}
	if strings.Join(got, ",") != "a,b" || tries != 3 {
		t.Errorf("items %v after %d requests", got, tries)
	}
}
