package fake

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// lroServer is a testServer whose Create ends with w (or err) after polls
// polls, followed in style.
func lroServer(style, via string, polls int, w widget, err error) *testServer {
	return &testServer{style: style, via: via, Polls: polls, Create: func(ctx context.Context, name string, in widget) (widget, error) {
		return w, err
	}}
}

func named(name, state string) widget {
	w := widget{Name: &name}
	if state != "" {
		w.Properties = &widgetProps{ProvisioningState: &state}
	}
	return w
}

// exchange is one request and its answer, as a test expects it: status,
// body (a prefix when it ends with "…") and headers.
type exchange struct {
	method, url string
	status      int
	body        string
	header      map[string]string
}

func (x exchange) check(t *testing.T, s *testServer) {
	t.Helper()
	status, body, header := call(t, s, x.method, x.url, `{"name":"w"}`)
	want, prefix := strings.CutSuffix(x.body, "…")
	if status != x.status || body != want && !(prefix && strings.HasPrefix(body, want)) {
		t.Errorf("%s %s: %d %s, want %d %s", x.method, x.url, status, body, x.status, x.body)
	}
	for k, v := range x.header {
		if header.Get(k) != v {
			t.Errorf("%s %s: %s is %q, want %q", x.method, x.url, k, header.Get(k), v)
		}
	}
}

const (
	widgetURL = host + "/widgets/w"
	monitor   = host + "/armgen-fake/operations/1"
	results   = host + "/armgen-fake/results/1"
)

var soonHeader = map[string]string{"Retry-After-Ms": "1"}

func TestLongRunningStyles(t *testing.T) {
	conflict := &widgetError{StatusCode: 409, Code: "Conflict", Message: "in use"}
	for _, tc := range []struct {
		name   string
		s      *testServer
		script []exchange
	}{
		{"async, the result at the resource", lroServer("async", "", 2, named("w", "Succeeded"), nil), []exchange{
			{"PUT", widgetURL, 201, "", map[string]string{"Azure-AsyncOperation": monitor, "Location": "", "Retry-After-Ms": "1"}},
			{"GET", monitor, 200, `{"status":"InProgress"}`, soonHeader},
			{"GET", monitor, 200, `{"status":"InProgress"}`, soonHeader},
			{"GET", monitor, 200, `{"status":"Succeeded"}`, nil},
			{"GET", widgetURL, 200, `{"name":"w","properties":{"provisioningState":"Succeeded"}}`, map[string]string{"ETag": "W/1"}},
			// Then the resource is the Get operation's again.
			{"GET", widgetURL, 501, `{"error":{"code":"NotImplemented","message":"fake: Server.Get is nil: set it to serve Widgets_Get"}}`, nil},
		}},
		{"async, the result at the monitor", lroServer("async", "azure-async-operation", 0, named("w", ""), nil), []exchange{
			{"PUT", widgetURL, 201, "", map[string]string{"Azure-AsyncOperation": monitor}},
			{"GET", monitor, 200, `{"name":"w","status":"Succeeded"}`, map[string]string{"ETag": "W/1"}},
			{"GET", monitor, 404, `{"error":{"code":"NotFound"…`, nil},
		}},
		{"async, the result at Location", lroServer("async", "location", 0, named("w", ""), nil), []exchange{
			{"PUT", widgetURL, 201, "", map[string]string{"Azure-AsyncOperation": monitor, "Location": results}},
			{"GET", monitor, 200, `{"status":"Succeeded"}`, nil},
			{"GET", results, 200, `{"name":"w"}`, nil},
			{"GET", results, 404, `{"error":{"code":"NotFound"…`, nil},
		}},
		{"async, with Operation-Location", lroServer("async", "operation-location", 0, named("w", ""), nil), []exchange{
			{"PUT", widgetURL, 201, "", map[string]string{"Operation-Location": monitor, "Azure-AsyncOperation": ""}},
		}},
		{"async, failed", lroServer("async", "", 1, widget{}, conflict), []exchange{
			{"PUT", widgetURL, 201, "", nil},
			{"GET", monitor, 200, `{"status":"InProgress"}`, nil},
			{"GET", monitor, 200, `{"error":{"code":"Conflict","message":"in use"},"status":"Failed"}`, map[string]string{"x-ms-error-code": "Conflict"}},
		}},
		{"location", lroServer("location", "", 1, named("w", ""), nil), []exchange{
			{"PUT", widgetURL, 202, "", map[string]string{"Location": results, "Retry-After-Ms": "1"}},
			{"GET", results, 202, "", map[string]string{"Location": results, "Retry-After-Ms": "1"}},
			{"GET", results, 200, `{"name":"w"}`, nil},
		}},
		{"location, the result at the resource", lroServer("location", "original-uri", 0, named("w", ""), nil), []exchange{
			{"PUT", widgetURL, 202, "", map[string]string{"Location": results}},
			{"GET", results, 200, `{"name":"w"}`, nil},
			{"GET", widgetURL, 200, `{"name":"w"}`, nil},
		}},
		{"location, failed", lroServer("location", "", 0, widget{}, conflict), []exchange{
			{"PUT", widgetURL, 202, "", nil},
			{"GET", results, 409, `{"error":{"code":"Conflict","message":"in use"}}`, nil},
			{"GET", results, 409, `{"error":{"code":"Conflict","message":"in use"}}`, nil}, // again, for a retry
		}},
		{"provisioningState", lroServer("body", "", 1, named("w", "Creating"), nil), []exchange{
			{"PUT", widgetURL, 201, `{"name":"w","properties":{"provisioningState":"Creating"}}`, soonHeader},
			{"GET", widgetURL, 200, `{"name":"w","properties":{"provisioningState":"Creating"}}`, soonHeader},
			{"GET", widgetURL, 200, `{"name":"w","properties":{"provisioningState":"Succeeded"}}`, map[string]string{"ETag": "W/1"}},
		}},
		{"provisioningState, no state in the result", lroServer("body", "", 0, named("w", ""), nil), []exchange{
			{"PUT", widgetURL, 201, `{"name":"w","properties":{"provisioningState":"Creating"}}`, nil},
			{"GET", widgetURL, 200, `{"name":"w"}`, nil},
		}},
		{"provisioningState, failed", lroServer("body", "", 0, widget{}, conflict), []exchange{
			{"PUT", widgetURL, 201, `{"properties":{"provisioningState":"Creating"}}`, nil},
			{"GET", widgetURL, 409, `{"error":{"code":"Conflict","message":"in use"}}`, nil},
		}},
		{"refused", lroServer("async", "", 0, widget{}, fmt.Errorf("wrapped: %w", Refused(conflict))), []exchange{
			{"PUT", widgetURL, 409, `{"error":{"code":"Conflict","message":"in use"}}`, nil},
			{"GET", monitor, 404, `{"error":{"code":"NotFound"…`, nil},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, x := range tc.script {
				x.check(t, tc.s)
			}
		})
	}
	boom := errors.New("connection reset")
	if _, err := callErr(lroServer("async", "", 0, widget{}, boom), "PUT", widgetURL, `{}`); !errors.Is(err, boom) {
		t.Errorf("a plain error: Do returns %v", err)
	}
}

func TestResultAt(t *testing.T) {
	// The poller's rules (emit/static poller.go finalURL), by style,
	// method and final-state-via.
	for _, tc := range []struct{ style, method, via, want string }{
		{"body", "PUT", "", "original"},
		{"location", "POST", "", "poll"},
		{"location", "POST", "original-uri", "original"},
		{"async", "PUT", "", "original"},
		{"async", "PATCH", "", "original"},
		{"async", "POST", "", "location"},
		{"async", "DELETE", "", "monitor"},
		{"async", "PUT", "azure-async-operation", "monitor"},
		{"async", "POST", "operation-location", "monitor"},
		{"async", "DELETE", "location", "location"},
		{"async", "POST", "original-uri", "original"},
	} {
		if got := resultAt(tc.style, tc.method, tc.via); got != tc.want {
			t.Errorf("resultAt(%s, %s, %q) = %s, want %s", tc.style, tc.method, tc.via, got, tc.want)
		}
	}
}

func TestWithProvisioningState(t *testing.T) {
	for in, want := range map[string]string{
		``:                                  `{"properties":{"provisioningState":"Creating"}}`,
		`{"provisioningState":"Succeeded"}`: `{"provisioningState":"Creating"}`,
		`{"properties":{"size":1}}`:         `{"properties":{"provisioningState":"Creating","size":1}}`,
		`[1]`:                               `{"properties":{"provisioningState":"Creating"}}`,
	} {
		if got := string(withProvisioningState([]byte(in), "Creating")); got != want {
			t.Errorf("withProvisioningState(%s) = %s, want %s", in, got, want)
		}
	}
}
