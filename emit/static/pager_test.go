package static

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

type page struct {
	Value    []string `json:"value"`
	NextLink *string  `json:"nextLink"`
}

// listServer serves pages[i] at /list?page=i, linking each to the next;
// relative and absolute links both occur in the wild.
func listServer(t *testing.T, pages [][]string, absolute bool) (*httptest.Server, *int) {
	calls := 0
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		i := 0
		fmt.Sscan(r.URL.Query().Get("page"), &i)
		p := page{Value: pages[i]}
		if i+1 < len(pages) {
			link := fmt.Sprintf("/list?page=%d", i+1)
			if absolute {
				link = srv.URL + link
			}
			p.NextLink = &link
		}
		json.NewEncoder(w).Encode(p)
	}))
	t.Cleanup(srv.Close)
	return srv, &calls
}

func pagerFor(srv *httptest.Server) *Pager[page, string] {
	return newPager(func(ctx context.Context, nextLink string) (page, error) {
		u := srv.URL + "/list?page=0"
		if nextLink != "" {
			var err error
			if u, err = nextLinkURL(srv.URL, nextLink); err != nil {
				return page{}, err
			}
		}
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		resp, err := send(http.DefaultClient, req)
		if err != nil {
			return page{}, err
		}
		if resp.StatusCode != 200 {
			readBody(resp)
			return page{}, fmt.Errorf("status %d", resp.StatusCode)
		}
		var p page
		return p, decodeJSON(resp, &p)
	}, func(p page) string { return deref(p.NextLink) }, func(p page) []string { return p.Value })
}

func TestPagerWalksAllPages(t *testing.T) {
	for _, absolute := range []bool{false, true} {
		srv, calls := listServer(t, [][]string{{"a", "b"}, {}, {"c"}}, absolute)
		var got []string
		for item, err := range pagerFor(srv).All(context.Background()) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, item)
		}
		if strings.Join(got, ",") != "a,b,c" || *calls != 3 {
			t.Errorf("absolute=%v: items %v after %d calls; want a,b,c (an empty page in the middle) after 3", absolute, got, *calls)
		}
	}
}

func TestPagerPageByPage(t *testing.T) {
	srv, _ := listServer(t, [][]string{{"a"}, {"b"}}, true)
	p := pagerFor(srv)
	var pages int
	for p.More() {
		pg, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		pages++
		if len(pg.Value) != 1 {
			t.Errorf("page %d = %v", pages, pg.Value)
		}
	}
	if pages != 2 {
		t.Errorf("%d pages, want 2", pages)
	}
	if _, err := p.NextPage(context.Background()); err == nil {
		t.Error("NextPage after the last page should fail")
	}
}

// One page, no next link (x-ms-pageable nextLinkName: null).
func TestPagerSinglePage(t *testing.T) {
	srv, calls := listServer(t, [][]string{{"only"}}, false)
	n := 0
	for _, err := range pagerFor(srv).All(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 1 || *calls != 1 {
		t.Errorf("%d items in %d calls", n, *calls)
	}
}

func TestPagerStopsAtError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("page") == "1" {
			http.Error(w, "boom", http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, `{"value":["a"],"nextLink":"/list?page=1"}`)
	}))
	defer srv.Close()
	var items []string
	var errs []error
	for item, err := range pagerFor(srv).All(context.Background()) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		items = append(items, item)
	}
	if len(items) != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "500") {
		t.Errorf("items %v, errors %v", items, errs)
	}
}

func TestPagerBreakStopsFetching(t *testing.T) {
	srv, calls := listServer(t, [][]string{{"a", "b"}, {"c"}}, false)
	for item, err := range pagerFor(srv).All(context.Background()) {
		if err != nil || item == "a" {
			break
		}
	}
	if *calls != 1 {
		t.Errorf("%d calls after breaking on the first item", *calls)
	}
}

func TestNextLinkURL(t *testing.T) {
	for _, tc := range []struct{ endpoint, link, want string }{
		{"https://management.azure.com", "https://other.example/x?$skiptoken=a", "https://other.example/x?$skiptoken=a"},
		{"https://management.azure.com/", "/subscriptions/s/x?api-version=1", "https://management.azure.com/subscriptions/s/x?api-version=1"},
		{"http://127.0.0.1:3000/base", "next?p=2", "http://127.0.0.1:3000/base/next?p=2"},
	} {
		got, err := nextLinkURL(tc.endpoint, tc.link)
		if err != nil || got != tc.want {
			t.Errorf("nextLinkURL(%q, %q) = %q, %v; want %q", tc.endpoint, tc.link, got, err, tc.want)
		}
	}
}

func TestWithQueryValue(t *testing.T) {
	for _, tc := range []struct{ link, want string }{
		{"https://h/x", "https://h/x?api-version=2024-01-01"},
		{"https://h/x?%24skiptoken=bar", "https://h/x?%24skiptoken=bar&api-version=2024-01-01"},
		// Another version, in another case, goes; the rest stays as sent.
		{"https://h/x?Api-Version=notMe&%24skiptoken=bar&startTime=1/1/1970%2012%3A00%3A00%20AM", "https://h/x?%24skiptoken=bar&startTime=1/1/1970%2012%3A00%3A00%20AM&api-version=2024-01-01"},
		{"https://h/x?api-version=1&api%2Dversion=2&a=b#frag", "https://h/x?a=b&api-version=2024-01-01#frag"},
		{"https://h/x?&&a&", "https://h/x?a&api-version=2024-01-01"},
	} {
		if got := withQueryValue(tc.link, "api-version", "2024-01-01"); got != tc.want {
			t.Errorf("withQueryValue(%q) = %q, want %q", tc.link, got, tc.want)
		}
	}
	if got := withQueryValue("http://h/%zz", "api-version", "1"); got != "http://h/%zz" {
		t.Errorf("a link that does not parse is left as it is, got %q", got)
	}
}
