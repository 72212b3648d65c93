package static

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

type doerFunc func(*http.Request) (*http.Response, error)

func (f doerFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }

// testPipeline is a pipeline that records the waits between tries
// instead of sleeping them.
func testPipeline(doer interface {
	Do(*http.Request) (*http.Response, error)
}, o pipelineOptions) (*pipeline, *[]time.Duration) {
	if o.pkg == "" {
		o.pkg, o.apiVersion = "pkg", "2024-02-01"
	}
	p := newPipeline(doer, o)
	waits := &[]time.Duration{}
	p.sleep = func(ctx context.Context, d time.Duration) error {
		*waits = append(*waits, d)
		return ctx.Err()
	}
	return p, waits
}

// answer is one scripted response.
type answer struct {
	status int
	header map[string]string
	body   string
}

// received is what a scripted server was sent.
type received struct {
	method, path string
	header       http.Header
	body         []byte
}

// scripted serves the answers in turn (the last one again once they run
// out) and records every request.
type scripted struct {
	*httptest.Server
	mu   sync.Mutex
	got  []received
	next []answer
}

func newScripted(t *testing.T, answers ...answer) *scripted {
	s := &scripted{next: answers}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.got = append(s.got, received{r.Method, r.URL.Path, r.Header.Clone(), body})
		a := s.next[0]
		if len(s.next) > 1 {
			s.next = s.next[1:]
		}
		s.mu.Unlock()
		for k, v := range a.header {
			w.Header().Set(k, v)
		}
		w.WriteHeader(a.status)
		io.WriteString(w, a.body)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *scripted) received() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.got...)
}

func (s *scripted) request(t *testing.T, ctx context.Context, method string, body any) *http.Request {
	t.Helper()
	req, err := newRequest(ctx, method, s.URL, "/subscriptions/sub1/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/a", url.Values{"api-version": {"2024-02-01"}}, body, "application/json")
	if err != nil {
		t.Fatal(err)
	}
	return req
}

func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// 429 with each form of Retry-After: the client waits what the service
// asks, then tries again.
func TestRetry429EachRetryAfterForm(t *testing.T) {
	for _, tc := range []struct {
		name, value string
		min, max    time.Duration
	}{
		{"Retry-After", "3", 3 * time.Second, 3 * time.Second},
		{"Retry-After", time.Now().Add(5 * time.Second).UTC().Format(http.TimeFormat), 3 * time.Second, 5 * time.Second},
		{"retry-after-ms", "1500", 1500 * time.Millisecond, 1500 * time.Millisecond},
		{"x-ms-retry-after-ms", "2500", 2500 * time.Millisecond, 2500 * time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newScripted(t, answer{status: 429, header: map[string]string{tc.name: tc.value}}, answer{status: 200, body: "ok"})
			p, waits := testPipeline(srv.Client(), pipelineOptions{retry: RetryOptions{RetryDelay: time.Millisecond}})
			resp, err := p.Do(srv.request(t, context.Background(), "GET", nil))
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != 200 || readAll(t, resp) != "ok" {
				t.Errorf("final status %d", resp.StatusCode)
			}
			if n := len(srv.received()); n != 2 {
				t.Errorf("%d tries, want 2", n)
			}
			if len(*waits) != 1 || (*waits)[0] < tc.min || (*waits)[0] > tc.max {
				t.Errorf("waits %v, want one within [%v, %v]", *waits, tc.min, tc.max)
			}
		})
	}
}

// A PUT, PATCH or POST body goes out byte for byte the same on every try,
// as does a body the caller gave as a seekable stream.
func TestRetryReplaysBody(t *testing.T) {
	type product struct {
		Name string            `json:"name"`
		Tags map[string]string `json:"tags"`
	}
	want, _ := json.Marshal(product{"ü-1", map[string]string{"b": "2", "a": "1"}})
	for _, tc := range []struct {
		method string
		body   func() any
		want   string
	}{
		{"PUT", func() any { return product{"ü-1", map[string]string{"b": "2", "a": "1"}} }, string(want)},
		{"PATCH", func() any { return product{"ü-1", map[string]string{"b": "2", "a": "1"}} }, string(want)},
		{"POST", func() any { return product{"ü-1", map[string]string{"b": "2", "a": "1"}} }, string(want)},
		// A stream NewRequest does not know: replayed by seeking.
		{"PUT", func() any { return struct{ io.ReadSeeker }{strings.NewReader("raw bytes\x00\xff")} }, "raw bytes\x00\xff"},
	} {
		t.Run(tc.method, func(t *testing.T) {
			// A Doer that is not an http.Client (which rewinds a body it
			// has read itself) reads what the pipeline gives it.
			var read []string
			p, _ := testPipeline(doerFunc(func(r *http.Request) (*http.Response, error) {
				b, err := io.ReadAll(r.Body)
				r.Body.Close()
				read = append(read, string(b))
				status := 503
				if len(read) == 3 || err != nil {
					status = 200
				}
				return &http.Response{StatusCode: status, Header: http.Header{}, Body: http.NoBody, Request: r}, err
			}), pipelineOptions{})
			if _, err := p.Do(newScripted(t, answer{status: 200}).request(t, context.Background(), tc.method, tc.body())); err != nil {
				t.Fatal(err)
			}
			if len(read) != 3 || read[0] != tc.want || read[1] != tc.want || read[2] != tc.want {
				t.Errorf("the Doer read %q", read)
			}

			srv := newScripted(t, answer{status: 503}, answer{status: 500}, answer{status: 200})
			p, _ = testPipeline(srv.Client(), pipelineOptions{})
			resp, err := p.Do(srv.request(t, context.Background(), tc.method, tc.body()))
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			got := srv.received()
			if len(got) != 3 {
				t.Fatalf("%d tries, want 3", len(got))
			}
			for i, r := range got {
				if r.method != tc.method || string(r.body) != tc.want {
					t.Errorf("try %d: %s %q, want %s %q", i+1, r.method, r.body, tc.method, tc.want)
				}
			}
		})
	}
}

// A body that cannot be read again is sent once: the answer, retryable
// or not, is the result.
func TestUnreplayableBodyIsNotRetried(t *testing.T) {
	srv := newScripted(t, answer{status: 503, body: "busy"}, answer{status: 200})
	p, _ := testPipeline(srv.Client(), pipelineOptions{})
	resp, err := p.Do(srv.request(t, context.Background(), "PUT", struct{ io.Reader }{strings.NewReader("once")}))
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 503 || triesOf(resp) != 1 || readAll(t, resp) != "busy" {
		t.Errorf("got %d after %d tries", resp.StatusCode, triesOf(resp))
	}
	if n := len(srv.received()); n != 1 {
		t.Errorf("%d tries, want 1", n)
	}
}

func TestNoRetryOnClientErrors(t *testing.T) {
	for _, status := range []int{400, 401, 403, 404, 409, 412, 501} {
		srv := newScripted(t, answer{status: status, body: "no"}, answer{status: 200})
		p, waits := testPipeline(srv.Client(), pipelineOptions{})
		resp, err := p.Do(srv.request(t, context.Background(), "GET", nil))
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != status || triesOf(resp) != 1 || readAll(t, resp) != "no" {
			t.Errorf("%d: got %d after %d tries", status, resp.StatusCode, triesOf(resp))
		}
		if n := len(srv.received()); n != 1 || len(*waits) != 0 {
			t.Errorf("%d: %d tries, waits %v", status, n, *waits)
		}
	}
}

// After the last retry the result is the last response, counting the
// tries; the waits between are the default backoff.
func TestRetriesRunOut(t *testing.T) {
	var answers []answer
	for i := 1; i <= 5; i++ {
		answers = append(answers, answer{status: 503, body: fmt.Sprintf("try %d", i)})
	}
	srv := newScripted(t, answers...)
	p, waits := testPipeline(srv.Client(), pipelineOptions{})
	resp, err := p.Do(srv.request(t, context.Background(), "GET", nil))
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 503 || triesOf(resp) != 4 {
		t.Errorf("got %d after %d tries, want 503 after 4", resp.StatusCode, triesOf(resp))
	}
	if body := readAll(t, resp); body != "try 4" {
		t.Errorf("body %q, want the last try's", body)
	}
	if len(*waits) != 3 {
		t.Fatalf("waits %v, want 3", *waits)
	}
	for i, d := range *waits {
		base := 800 * time.Millisecond << i
		if d < base*8/10 || d > base*12/10 {
			t.Errorf("wait %d = %v, want %v ±20%%", i+1, d, base)
		}
	}
}

func TestRetriesOff(t *testing.T) {
	srv := newScripted(t, answer{status: 503}, answer{status: 200})
	p, _ := testPipeline(srv.Client(), pipelineOptions{retry: RetryOptions{MaxRetries: -1}})
	resp, err := p.Do(srv.request(t, context.Background(), "GET", nil))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 503 || triesOf(resp) != 1 || len(srv.received()) != 1 {
		t.Errorf("got %d after %d tries, %d sent", resp.StatusCode, triesOf(resp), len(srv.received()))
	}
}

var errReset = errors.New("connection reset by peer")

func TestTransportErrorsAreRetried(t *testing.T) {
	calls, failures := 0, 2
	p, _ := testPipeline(doerFunc(func(r *http.Request) (*http.Response, error) {
		calls++
		if calls <= failures {
			return nil, errReset
		}
		return &http.Response{StatusCode: 200, Header: http.Header{}, Body: http.NoBody, Request: r}, nil
	}), pipelineOptions{})
	req, _ := http.NewRequest("GET", "https://h.example/x", nil)
	if _, err := p.Do(req); err != nil || calls != 3 {
		t.Fatalf("err %v after %d calls", err, calls)
	}

	calls, failures = 0, 10
	_, err := p.Do(req)
	if !errors.Is(err, errReset) || !strings.Contains(err.Error(), "4 tries") {
		t.Errorf("err = %v, want the transport error after 4 tries", err)
	}
	if calls != 4 {
		t.Errorf("%d calls, want 4", calls)
	}
}

// A context cancelled while the client waits to retry ends the wait at
// once; a transport error the context caused is not retried.
func TestContextCancelStopsRetrying(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	p := newPipeline(doerFunc(func(r *http.Request) (*http.Response, error) {
		calls++
		cancel() // during the try: the wait comes next
		return &http.Response{StatusCode: 503, Status: "503 Service Unavailable", Header: http.Header{}, Body: http.NoBody, Request: r}, nil
	}), pipelineOptions{retry: RetryOptions{RetryDelay: time.Hour, MaxRetryDelay: time.Hour}})
	req, _ := http.NewRequestWithContext(ctx, "GET", "https://h.example/x", nil)
	_, err := p.Do(req) // would wait an hour were the context ignored
	if !errors.Is(err, context.Canceled) || calls != 1 {
		t.Errorf("err = %v after %d calls, want context.Canceled after 1", err, calls)
	}

	ctx, cancel = context.WithCancel(context.Background())
	calls = 0
	p, waits := testPipeline(doerFunc(func(r *http.Request) (*http.Response, error) {
		calls++
		cancel()
		return nil, r.Context().Err()
	}), pipelineOptions{})
	req, _ = http.NewRequestWithContext(ctx, "GET", "https://h.example/x", nil)
	if _, err := p.Do(req); !errors.Is(err, context.Canceled) || calls != 1 || len(*waits) != 0 {
		t.Errorf("err = %v after %d calls and waits %v, want context.Canceled after 1 and no wait", err, calls, *waits)
	}
}

// A try that outlives TryTimeout is abandoned and tried again.
func TestTryTimeout(t *testing.T) {
	var mu sync.Mutex
	tries := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		tries++
		first := tries == 1
		mu.Unlock()
		if first {
			<-r.Context().Done() // never answers: the client gives up
			return
		}
		io.WriteString(w, "ok")
	}))
	defer srv.Close()
	p, _ := testPipeline(srv.Client(), pipelineOptions{retry: RetryOptions{TryTimeout: 100 * time.Millisecond}})
	// Without the try timeout the request would end with this context.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL, nil)
	resp, err := p.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if body := readAll(t, resp); body != "ok" {
		t.Errorf("body %q", body)
	}
	mu.Lock()
	defer mu.Unlock()
	if tries != 2 {
		t.Errorf("%d tries, want 2", tries)
	}
}

// Each logical request has its own x-ms-client-request-id, the same on
// every try. The User-Agent names the package, its api-version and Go,
// after the application's prefix. A caller's own of either is kept.
func TestRequestIdentity(t *testing.T) {
	srv := newScripted(t, answer{status: 503}, answer{status: 200}, answer{status: 200})
	p, _ := testPipeline(srv.Client(), pipelineOptions{pkg: "batch", apiVersion: "2024-02-01", applicationID: "myapp/1.0"})
	for range 2 {
		resp, err := p.Do(srv.request(t, context.Background(), "GET", nil))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	req := srv.request(t, context.Background(), "GET", nil)
	req.Header.Set("x-ms-client-request-id", "mine")
	req.Header.Set("User-Agent", "caller/2")
	resp, err := p.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()

	got := srv.received()
	if len(got) != 4 {
		t.Fatalf("%d requests, want 4", len(got))
	}
	id := func(i int) string { return got[i].header.Get("x-ms-client-request-id") }
	if len(id(0)) != 36 || id(0) != id(1) {
		t.Errorf("request ids of the two tries: %q, %q", id(0), id(1))
	}
	if id(2) == id(0) || len(id(2)) != 36 {
		t.Errorf("the next request reuses the id %q", id(2))
	}
	if id(3) != "mine" {
		t.Errorf("the caller's request id became %q", id(3))
	}
	ua := "myapp/1.0 armgen/batch 2024-02-01 Go/" + strings.TrimPrefix(runtime.Version(), "go")
	for i, want := range []string{ua, ua, ua, "caller/2"} {
		if got := got[i].header.Values("User-Agent"); len(got) != 1 || got[0] != want {
			t.Errorf("request %d: User-Agent %q, want %q", i+1, got, want)
		}
	}
}

// An http.Client with a cookie jar adds its cookies to the headers of the
// request it is given: each retry sends them once, not once per try.
func TestRetryWithCookieJar(t *testing.T) {
	var cookies []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cookies = append(cookies, strings.Join(r.Header.Values("Cookie"), "|"))
		if len(cookies) < 3 {
			http.SetCookie(w, &http.Cookie{Name: "try", Value: strconv.Itoa(len(cookies))})
			w.WriteHeader(500)
		}
	}))
	defer srv.Close()
	for _, mine := range []string{"", "mine=m"} {
		cookies = nil
		jar, _ := cookiejar.New(nil)
		u, _ := url.Parse(srv.URL)
		jar.SetCookies(u, []*http.Cookie{{Name: "session", Value: "s"}})
		p, _ := testPipeline(&http.Client{Jar: jar}, pipelineOptions{})
		req, _ := http.NewRequest("GET", srv.URL, nil)
		prefix := "session=s"
		if mine != "" {
			req.Header.Set("Cookie", mine)
			prefix = mine + "; " + prefix
		}
		resp, err := p.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if want := []string{prefix, prefix + "; try=1", prefix + "; try=2"}; strings.Join(cookies, ",") != strings.Join(want, ",") {
			t.Errorf("cookies sent %q, want %q", cookies, want)
		}
	}
}

// One record per try, with what to know and nothing secret: query
// values redacted but for the allow-list, no token, no body.
func TestLogging(t *testing.T) {
	srv := newScripted(t, answer{status: 503, header: map[string]string{"x-ms-request-id": "srv-1"}, body: "service-secret"}, answer{status: 200, body: "response-secret"})
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	p, _ := testPipeline(srv.Client(), pipelineOptions{logger: logger, endpoint: srv.URL, retry: RetryOptions{RetryDelay: time.Millisecond},
		token: func(context.Context, []string, string) (string, time.Time, error) {
			return "token-secret", time.Now().Add(time.Hour), nil
		}})
	req, err := newRequest(context.Background(), "PUT", srv.URL, "/things/1", url.Values{"api-version": {"2024-02-01"}, "sig": {"sig-secret"}, "$filter": {"x eq 1"}},
		map[string]string{"password": "body-secret"}, "application/json")
	if err != nil {
		t.Fatal(err)
	}
	resp, err := p.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	readAll(t, resp)

	out := buf.String()
	for _, secret := range []string{"secret", "Bearer", "Authorization"} {
		if strings.Contains(out, secret) {
			t.Errorf("the log shows %q:\n%s", secret, out)
		}
	}
	var records []map[string]any
	for line := range strings.Lines(out) {
		var r map[string]any
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		records = append(records, r)
	}
	if len(records) != 2 {
		t.Fatalf("%d records, want one per try:\n%s", len(records), out)
	}
	first, second := records[0], records[1]
	id := req.Header.Get("x-ms-client-request-id")
	for k, want := range map[string]any{"level": "WARN", "method": "PUT", "try": 1.0, "status": 503.0, "request_id": "srv-1",
		"client_request_id": id, "retry_reason": "503 Service Unavailable"} {
		if first[k] != want {
			t.Errorf("first record %s = %v, want %v", k, first[k], want)
		}
	}
	if u, _ := first["url"].(string); !strings.Contains(u, "api-version=2024-02-01") || !strings.Contains(u, "%24filter=x+eq+1") || !strings.Contains(u, "sig=REDACTED") {
		t.Errorf("url %q", u)
	}
	if _, ok := first["retry_in"]; !ok {
		t.Error("the first record does not say how long the client waits")
	}
	if _, ok := first["duration"]; !ok {
		t.Error("no duration")
	}
	for k, want := range map[string]any{"level": "INFO", "try": 2.0, "status": 200.0, "client_request_id": id} {
		if second[k] != want {
			t.Errorf("second record %s = %v, want %v", k, second[k], want)
		}
	}
	if _, ok := second["retry_reason"]; ok {
		t.Error("the last try says it is retried")
	}
}

// Without a Doer, the client has timeouts and TLS 1.2 at least, unlike
// http.DefaultClient.
func TestDefaultDoer(t *testing.T) {
	p := newPipeline(nil, pipelineOptions{})
	c, ok := p.next.(*http.Client)
	if !ok || c == http.DefaultClient || c != defaultDoer() {
		t.Fatalf("the default Doer is %T %p", p.next, p.next)
	}
	tr, ok := c.Transport.(*http.Transport)
	if !ok {
		t.Fatalf("transport %T", c.Transport)
	}
	if tr.TLSHandshakeTimeout <= 0 || tr.ResponseHeaderTimeout <= 0 || tr.TLSClientConfig == nil || tr.TLSClientConfig.MinVersion < 0x0303 || tr.Proxy == nil {
		t.Errorf("transport %+v", tr)
	}
}

// A Doer's response without a body is an empty body, retried and counted
// like any other.
func TestNilResponseBody(t *testing.T) {
	calls := 0
	p, _ := testPipeline(doerFunc(func(r *http.Request) (*http.Response, error) {
		calls++
		return &http.Response{StatusCode: 503, Header: http.Header{}, Request: r}, nil
	}), pipelineOptions{})
	req, _ := http.NewRequest("GET", "https://h.example/x", nil)
	resp, err := p.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if body := readAll(t, resp); body != "" || triesOf(resp) != 4 || calls != 4 {
		t.Errorf("body %q after %d tries, %d calls", body, triesOf(resp), calls)
	}
}
