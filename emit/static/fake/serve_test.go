package fake

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// What the emitter writes for a spec, written by hand for a small one: a
// Server with the funcs of a few operations, its route table, its error
// type and what reads it.

type widget struct {
	Name       *string      `json:"name,omitempty"`
	Size       *int32       `json:"size,omitempty"`
	Properties *widgetProps `json:"properties,omitempty"`
}

type widgetProps struct {
	ProvisioningState *string `json:"provisioningState,omitempty"`
}

type widgetPage struct {
	Value    []widget `json:"value"`
	NextLink *string  `json:"nextLink,omitempty"`
}

type widgetError struct {
	StatusCode    int
	Code, Message string
	RawBody       []byte
}

func (e *widgetError) Error() string { return e.Code + ": " + e.Message }

type getOptions struct {
	Tags  []string
	Since *time.Time
}

type testServer struct {
	Get    func(ctx context.Context, name string, options *getOptions) (widget, error)
	Delete func(ctx context.Context, name string) (widget, error)
	List   func(ctx context.Context) iter.Seq2[widgetPage, error]
	One    func(ctx context.Context) iter.Seq2[widgetPage, error]
	// Create is long-running, in the style its test sets.
	Create func(ctx context.Context, name string, w widget) (widget, error)
	Polls  int
	style  string
	via    string
	state  serverState
}

func (s *testServer) serve(req *http.Request, base string) (*reply, error) {
	return testRoutes.serve(s, &s.state, s.Polls, req, base)
}

func testErrorOf(err error) (*errorReply, bool) {
	var e *widgetError
	if !errors.As(err, &e) {
		return nil, false
	}
	return &errorReply{status: e.StatusCode, code: e.Code, message: e.Message, body: e.RawBody}, true
}

var testRoutes = newRouter("widgets", testErrorOf, []route[testServer]{
	{method: "GET", path: "/widgets/{name}", op: "Widgets_Get", errors: "error", serve: (*testServer).serveGet},
	{method: "GET", path: "/widgets/default", op: "Widgets_GetDefault", errors: "error", serve: func(s *testServer, r *request) {
		r.respond(newReply(http.StatusNoContent))
	}},
	{method: "DELETE", path: "/widgets/{name}", op: "Widgets_Delete", errors: "", statusErrors: map[int]string{400: "text"}, serve: (*testServer).serveDelete},
	{method: "POST", path: "/widgets/{name}?op=restart", op: "Widgets_Restart", errors: "text", serve: func(s *testServer, r *request) {
		r.misuse("restart %s", r.vars["name"])
	}},
	{method: "GET", path: "/café/%7Bx%7D/{name}", op: "Widgets_Odd", serve: func(s *testServer, r *request) {
		r.respond(newReply(http.StatusOK))
		r.out.body = []byte(r.vars["name"])
	}},
	{method: "GET", path: "/scopes/{+scope}/widgets", op: "Widgets_ListAtScope", serve: func(s *testServer, r *request) {
		r.respond(newReply(http.StatusOK))
		r.out.body = []byte(r.vars["scope"])
	}},
	{method: "GET", path: "/widgets", op: "Widgets_List", errors: "error", serve: func(s *testServer, r *request) {
		servePages(r, s.List(r.ctx), func(p *widgetPage, link string) { p.NextLink = linkOf(link) }, encodePage)
	}},
	{method: "GET", path: "/one", op: "Widgets_One", errors: "error", serve: func(s *testServer, r *request) {
		servePages(r, s.One(r.ctx), nil, encodePage)
	}},
	{method: "PUT", path: "/widgets/{name}", op: "Widgets_Create", errors: "error", serve: (*testServer).serveCreate},
}...)

func (s *testServer) serveGet(r *request) {
	if s.Get == nil {
		r.notImplemented("Server.Get")
		return
	}
	var in struct{ name string }
	var opts getOptions
	r.arg("path", "name", &in.name, "")
	r.opt("query", "tag", &opts.Tags, "multi")
	r.opt("query", "since", &opts.Since, "")
	if r.failed() {
		return
	}
	res, err := s.Get(r.ctx, in.name, orNil(&opts))
	if r.fail(err) {
		return
	}
	p := newReply(http.StatusOK)
	p.json(res)
	r.respond(p)
}

func (s *testServer) serveDelete(r *request) {
	var in struct{ name string }
	r.arg("path", "name", &in.name, "")
	if r.failed() {
		return
	}
	if _, err := s.Delete(r.ctx, in.name); r.fail(err) {
		return
	}
	r.respond(newReply(http.StatusNoContent))
}

func (s *testServer) serveCreate(r *request) {
	var in struct {
		name string
		w    widget
	}
	r.arg("path", "name", &in.name, "")
	r.jsonBody(&in.w, true)
	if r.failed() {
		return
	}
	res, err := s.Create(r.ctx, in.name, in.w)
	var result *reply
	if err == nil {
		result = newReply(http.StatusOK)
		result.json(res)
		result.text("ETag", "W/1", "")
	}
	r.longRunning(s.style, s.via, result, err)
}

func encodePage(p widgetPage) *reply {
	r := newReply(http.StatusOK)
	r.json(p)
	return r
}

// call sends a request to s through a Doer and returns the status, the
// body and the headers.
func call(t *testing.T, s *testServer, method, url, body string) (int, string, http.Header) {
	t.Helper()
	resp, err := callErr(s, method, url, body)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

func callErr(s *testServer, method, url, body string) (*http.Response, error) {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, r)
	if err != nil {
		return nil, err
	}
	return (&Doer{serve: s.serve}).Do(req)
}

const host = "https://example.com"

func TestRoutes(t *testing.T) {
	var got []string
	s := &testServer{Get: func(ctx context.Context, name string, o *getOptions) (widget, error) {
		got = append(got, fmt.Sprintf("%s %+v", name, o))
		return widget{Name: &name}, nil
	}}
	for _, tc := range []struct {
		method, path string
		status       int
		body         string
	}{
		{"GET", "/widgets/w1", 200, `{"name":"w1"}`},
		{"GET", "/WIDGETS/w1", 200, `{"name":"w1"}`}, // ARM paths are case-insensitive
		{"GET", "/widgets/a%2Fb%20c", 200, `{"name":"a/b c"}`},
		{"GET", "/widgets/default", 204, ``}, // the more literal template wins
		{"GET", "/scopes/subscriptions/s1/resourceGroups/g%201/widgets", 200, `subscriptions/s1/resourceGroups/g%201`},
		{"GET", "/caf%C3%A9/%7Bx%7D/n%2F1", 200, `n/1`}, // literals as the request escapes them
		{"GET", "/café/{x}/n1", 200, `n1`},
		{"GET", "/widgets/w1/nothing", 404, `{"error":{"code":"NotFound","message":"fake: no operation of package widgets serves GET /widgets/w1/nothing"}}`},
		{"PATCH", "/widgets/w1", 404, `{"error":{"code":"NotFound","message":"fake: no operation of package widgets serves PATCH /widgets/w1"}}`},
		{"POST", "/widgets/w1", 404, `{"error":{"code":"NotFound","message":"fake: no operation of package widgets serves POST /widgets/w1"}}`},
		{"POST", "/widgets/w1?op=restart&x=1", 501, `"fake: Widgets_Restart: restart w1"`},
	} {
		status, body, _ := call(t, s, tc.method, host+tc.path, "")
		if status != tc.status || body != tc.body {
			t.Errorf("%s %s: %d %s, want %d %s", tc.method, tc.path, status, body, tc.status, tc.body)
		}
	}
	if want := []string{"w1 <nil>", "w1 <nil>", "a/b c <nil>"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("the func got %q, want %q", got, want)
	}
}

func TestParameters(t *testing.T) {
	var got *getOptions
	s := &testServer{Get: func(ctx context.Context, name string, o *getOptions) (widget, error) {
		got = o
		return widget{}, nil
	}}
	status, _, _ := call(t, s, "GET", host+"/widgets/w?tag=a&tag=b%20c&since=2024-02-01T10:00:00.5%2B01:00", "")
	since := time.Date(2024, 2, 1, 9, 0, 0, 5e8, time.UTC)
	if status != 200 || got == nil || fmt.Sprint(got.Tags) != "[a b c]" || !got.Since.Equal(since) {
		t.Errorf("%d, options %+v", status, got)
	}
	status, body, _ := call(t, s, "GET", host+"/widgets/w?since=yesterday", "")
	if status != 400 || !strings.Contains(body, `fake: Widgets_Get: the query parameter since: parsing time`) {
		t.Errorf("a bad parameter: %d %s", status, body)
	}
	s.Get = nil
	status, body, _ = call(t, s, "GET", host+"/widgets/w", "")
	if want := `{"error":{"code":"NotImplemented","message":"fake: Server.Get is nil: set it to serve Widgets_Get"}}`; status != 501 || body != want {
		t.Errorf("a nil func: %d %s", status, body)
	}
}

func TestErrors(t *testing.T) {
	boom := errors.New("connection reset")
	var fail error
	s := &testServer{
		Get:    func(context.Context, string, *getOptions) (widget, error) { return widget{}, fail },
		Delete: func(context.Context, string) (widget, error) { return widget{}, fail },
	}
	for _, tc := range []struct {
		method string
		err    error
		status int
		body   string
	}{
		{"GET", &widgetError{StatusCode: 409, Code: "Conflict", Message: "in use"}, 409, `{"error":{"code":"Conflict","message":"in use"}}`},
		{"DELETE", &widgetError{StatusCode: 409, Code: "Conflict", Message: "in use"}, 409, `{"code":"Conflict","message":"in use"}`},
		{"DELETE", &widgetError{StatusCode: 400, Code: "Bad", Message: "a text error"}, 400, `"a text error"`},
		{"GET", fmt.Errorf("wrapped: %w", &widgetError{Code: "Oops"}), 500, `{"error":{"code":"Oops"}}`},
		{"GET", &widgetError{StatusCode: 400, RawBody: []byte("not json")}, 400, `not json`},
	} {
		fail = tc.err
		status, body, header := call(t, s, tc.method, host+"/widgets/w", "")
		if status != tc.status || body != tc.body {
			t.Errorf("%v: %d %s, want %d %s", tc.err, status, body, tc.status, tc.body)
		}
		var e *widgetError
		errors.As(tc.err, &e)
		if header.Get("x-ms-error-code") != e.Code {
			t.Errorf("%v: x-ms-error-code %q", tc.err, header.Get("x-ms-error-code"))
		}
	}
	fail = boom
	if _, err := callErr(s, "GET", host+"/widgets/w", ""); !errors.Is(err, boom) {
		t.Errorf("a plain error: Do returns %v", err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { serveHTTP(s.serve, w, r) }))
	defer srv.Close()
	if resp, err := srv.Client().Get(srv.URL + "/widgets/w"); err == nil {
		t.Errorf("over HTTP, a plain error answers %d; want the connection dropped", resp.StatusCode)
	}
	fail = &widgetError{StatusCode: 404, Code: "NotFound"}
	resp, err := srv.Client().Get(srv.URL + "/widgets/w")
	if err != nil || resp.StatusCode != 404 {
		t.Errorf("over HTTP: %v %v", resp, err)
	}
}

func TestRequestContext(t *testing.T) {
	called := false
	s := &testServer{Get: func(ctx context.Context, name string, o *getOptions) (widget, error) {
		called = true
		return widget{}, nil
	}}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", host+"/widgets/w", nil)
	if _, err := (&Doer{serve: s.serve}).Do(req); !errors.Is(err, context.Canceled) || called {
		t.Errorf("a cancelled request: %v, func called %v", err, called)
	}
}

// pages makes the iterator a list func returns: the pages, then err if
// not nil.
func pages(err error, ps ...widgetPage) iter.Seq2[widgetPage, error] {
	return func(yield func(widgetPage, error) bool) {
		for _, p := range ps {
			if !yield(p, nil) {
				return
			}
		}
		if err != nil {
			yield(widgetPage{}, err)
		}
	}
}

func page(names ...string) widgetPage {
	var p widgetPage
	for _, n := range names {
		p.Value = append(p.Value, widget{Name: &n})
	}
	return p
}

// walk follows a list's next links as a pager does, and returns the
// items, and the last status when it was no success.
func walk(t *testing.T, s *testServer, url string) (items []string, failed string) {
	for url != "" {
		status, body, _ := call(t, s, "GET", url, "")
		if status != 200 {
			return items, fmt.Sprint(status, " ", body)
		}
		var p widgetPage
		if err := json.Unmarshal([]byte(body), &p); err != nil {
			t.Fatal(err)
		}
		for _, w := range p.Value {
			items = append(items, *w.Name)
		}
		url = ""
		if p.NextLink != nil {
			url = *p.NextLink + "?api-version=1" // a pager adds its own
		}
	}
	return items, ""
}

func TestPages(t *testing.T) {
	s := &testServer{}
	link := "https://example.com/elsewhere"
	for _, tc := range []struct {
		name   string
		list   iter.Seq2[widgetPage, error]
		items  string
		failed string
	}{
		{"three pages", pages(nil, page("a", "b"), widgetPage{NextLink: &link}, page("c")), "[a b c]", ""},
		{"no pages", pages(nil), "[]", ""},
		{"nil", nil, "[]", ""},
		{"error after a page", pages(&widgetError{StatusCode: 429, Code: "Throttled"}, page("a")), "[a]", `429 {"error":{"code":"Throttled"}}`},
		{"error first", pages(&widgetError{StatusCode: 403, Code: "Forbidden"}), "[]", `403 {"error":{"code":"Forbidden"}}`},
	} {
		s.List = func(context.Context) iter.Seq2[widgetPage, error] { return tc.list }
		items, failed := walk(t, s, host+"/widgets")
		if fmt.Sprint(items) != tc.items || failed != tc.failed {
			t.Errorf("%s: %v %q, want %v %q", tc.name, items, failed, tc.items, tc.failed)
		}
	}
	// The error that ends a list answers again, for a retry.
	s.List = func(context.Context) iter.Seq2[widgetPage, error] {
		return pages(&widgetError{StatusCode: 503}, page("a"))
	}
	_, body, _ := call(t, s, "GET", host+"/widgets", "")
	var first widgetPage
	json.Unmarshal([]byte(body), &first)
	for range 2 {
		if status, _, _ := call(t, s, "GET", *first.NextLink, ""); status != 503 {
			t.Errorf("the failing page answers %d", status)
		}
	}
	// A walked list is forgotten.
	s.List = func(context.Context) iter.Seq2[widgetPage, error] { return pages(nil, page("a"), page("b")) }
	_, body, _ = call(t, s, "GET", host+"/widgets", "")
	json.Unmarshal([]byte(body), &first)
	walk(t, s, *first.NextLink)
	if status, _, _ := call(t, s, "GET", *first.NextLink, ""); status != 404 || len(s.state.pages) != 2 {
		t.Errorf("a walked list answers %d; %d lists kept (the two that end with an error)", status, len(s.state.pages))
	}
	// A list the spec says comes in one page.
	s.One = func(context.Context) iter.Seq2[widgetPage, error] { return pages(nil, page("a"), page("b")) }
	if status, body, _ := call(t, s, "GET", host+"/one", ""); status != 501 || !strings.Contains(body, "comes in one page") {
		t.Errorf("two pages of a one-page list: %d %s", status, body)
	}
	s.One = func(context.Context) iter.Seq2[widgetPage, error] { return pages(nil, page("a")) }
	if items, failed := walk(t, s, host+"/one"); fmt.Sprint(items) != "[a]" || failed != "" {
		t.Errorf("a one-page list: %v %s", items, failed)
	}
}
