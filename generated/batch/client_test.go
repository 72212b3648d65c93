package batch

// These tests prove that a generated client sends its requests the way
// production needs: retried, identified, logged, authorized, with the
// resource provider registered, through a safe default transport. The
// behaviour itself is tested in depth where it lives (emit/static); here,
// that ClientOptions reach it.

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// wire is a test service: it records each request and answers from a
// function of the request number (1 for the first).
type wire struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []*http.Request
	body [][]byte
}

func newWire(t *testing.T, answer func(n int, w http.ResponseWriter, r *http.Request)) *wire {
	s := &wire{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.reqs = append(s.reqs, r)
		s.body = append(s.body, b)
		n := len(s.reqs)
		s.mu.Unlock()
		answer(n, w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *wire) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.reqs)
}

// requests are the requests received so far, with their bodies.
func (s *wire) requests() ([]*http.Request, [][]byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*http.Request(nil), s.reqs...), append([][]byte(nil), s.body...)
}

const accountJSON = `{"name":"sampleacct"}`

func update(c *Client) (BatchAccountUpdateResponse, error) {
	return c.BatchAccount().Update(context.Background(), "rg", "sampleacct", BatchAccountUpdateParameters{Tags: map[string]string{"env": "dev"}}, nil)
}

// Retries are on by default: a 503 and a 429 then a 200 is a success, the
// PATCH body sent the same each time under one client request id.
func TestUpdateIsRetried(t *testing.T) {
	srv := newWire(t, func(n int, w http.ResponseWriter, r *http.Request) {
		switch n {
		case 1:
			w.WriteHeader(http.StatusServiceUnavailable)
		case 2:
			w.Header().Set("retry-after-ms", "1")
			w.WriteHeader(http.StatusTooManyRequests)
		default:
			io.WriteString(w, accountJSON)
		}
	})
	c := NewClient("subid", srv.Client(), &ClientOptions{Endpoint: srv.URL, Retry: RetryOptions{RetryDelay: time.Millisecond}})
	resp, err := update(c)
	if err != nil {
		t.Fatal(err)
	}
	if *resp.Name != "sampleacct" || srv.count() != 3 {
		t.Fatalf("%+v after %d requests", resp, srv.count())
	}
	reqs, bodies := srv.requests()
	id := reqs[0].Header.Get("x-ms-client-request-id")
	for i, r := range reqs {
		if string(bodies[i]) != `{"tags":{"env":"dev"}}` || r.Method != "PATCH" {
			t.Errorf("try %d: %s %s", i+1, r.Method, bodies[i])
		}
		if got := r.Header.Get("x-ms-client-request-id"); got != id || len(id) != 36 {
			t.Errorf("try %d: request id %q, first %q", i+1, got, id)
		}
		if ua := r.Header.Get("User-Agent"); ua != "armgen/batch 2024-02-01 Go/"+strings.TrimPrefix(runtime.Version(), "go") {
			t.Errorf("User-Agent %q", ua)
		}
	}
	if _, err := update(c); err != nil {
		t.Fatal(err)
	}
	if reqs, _ = srv.requests(); reqs[3].Header.Get("x-ms-client-request-id") == id {
		t.Error("the next request has the same request id")
	}
}

func TestRetryOptions(t *testing.T) {
	fail := func(n int, w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusInternalServerError) }
	for _, tc := range []struct {
		name  string
		retry RetryOptions
		tries int
	}{
		{"off", RetryOptions{MaxRetries: -1}, 1},
		{"one", RetryOptions{MaxRetries: 1, RetryDelay: time.Millisecond}, 2},
		{"not this status", RetryOptions{StatusCodes: []int{503}}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newWire(t, fail)
			c := NewClient("subid", srv.Client(), &ClientOptions{Endpoint: srv.URL, Retry: tc.retry})
			_, err := update(c)
			var re *ResponseError
			if !errors.As(err, &re) || re.StatusCode != 500 || re.Tries != tc.tries || srv.count() != tc.tries {
				t.Errorf("err %v after %d requests, want %d", err, srv.count(), tc.tries)
			}
		})
	}
}

// A context cancelled while the client waits to retry ends the call.
func TestCancelWhileWaiting(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	d := &recorder{answer: func(*http.Request) *http.Response {
		cancel()
		return &http.Response{StatusCode: 503, Header: http.Header{}, Body: http.NoBody}
	}}
	c := NewClient("subid", d, &ClientOptions{Retry: RetryOptions{RetryDelay: time.Hour}})
	_, err := c.BatchAccount().Update(ctx, "rg", "sampleacct", BatchAccountUpdateParameters{}, nil)
	if !errors.Is(err, context.Canceled) || len(d.requests) != 1 {
		t.Errorf("err %v after %d requests", err, len(d.requests))
	}
}

func TestApplicationID(t *testing.T) {
	srv := newWire(t, func(n int, w http.ResponseWriter, r *http.Request) { io.WriteString(w, accountJSON) })
	c := NewClient("subid", srv.Client(), &ClientOptions{Endpoint: srv.URL, ApplicationID: "inventory/2.1"})
	if _, err := update(c); err != nil {
		t.Fatal(err)
	}
	reqs, _ := srv.requests()
	if ua := reqs[0].Header.Get("User-Agent"); !strings.HasPrefix(ua, "inventory/2.1 armgen/batch 2024-02-01 Go/") {
		t.Errorf("User-Agent %q", ua)
	}
}

func TestLogger(t *testing.T) {
	srv := newWire(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if n == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, accountJSON)
	})
	var buf bytes.Buffer
	c := NewClient("subid", srv.Client(), &ClientOptions{Endpoint: srv.URL, Retry: RetryOptions{RetryDelay: time.Millisecond},
		Logger: slog.New(slog.NewTextHandler(&buf, nil)),
		Token: func(context.Context, []string, string) (string, time.Time, error) {
			return "secret-token", time.Now().Add(time.Hour), nil
		}})
	if _, err := update(c); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "status=503") || !strings.Contains(lines[0], "retry_reason=") ||
		!strings.Contains(lines[1], "try=2") || !strings.Contains(lines[1], "api-version=2024-02-01") {
		t.Errorf("log:\n%s", buf.String())
	}
	if strings.Contains(buf.String(), "secret-token") || strings.Contains(buf.String(), "env") {
		t.Errorf("the log shows the token or the body:\n%s", buf.String())
	}
}

// The token hook's token goes on every request, fetched once for the
// endpoint's scope, and again when a 401 challenges its claims.
func TestTokenHook(t *testing.T) {
	srv := newWire(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if n == 2 {
			w.Header().Set("WWW-Authenticate", `Bearer error="insufficient_claims", claims="`+base64.StdEncoding.EncodeToString([]byte(`{"c":1}`))+`"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		io.WriteString(w, accountJSON)
	})
	var scopes, claims []string
	c := NewClient("subid", srv.Client(), &ClientOptions{Endpoint: srv.URL,
		Token: func(_ context.Context, s []string, cl string) (string, time.Time, error) {
			scopes, claims = append(scopes, s...), append(claims, cl)
			return "tok" + cl, time.Now().Add(time.Hour), nil
		}})
	for range 2 {
		if _, err := update(c); err != nil {
			t.Fatal(err)
		}
	}
	var auth []string
	reqs, _ := srv.requests()
	for _, r := range reqs {
		auth = append(auth, r.Header.Get("Authorization"))
	}
	if strings.Join(auth, "|") != `Bearer tok|Bearer tok|Bearer tok{"c":1}` {
		t.Errorf("Authorization headers %q", auth)
	}
	if len(scopes) != 2 || scopes[0] != srv.URL+"/.default" || claims[1] != `{"c":1}` {
		t.Errorf("token asked for %q with claims %q", scopes, claims)
	}
}

func TestTokenNeverOverHTTP(t *testing.T) {
	d := &recorder{}
	c := NewClient("subid", d, &ClientOptions{Endpoint: "http://management.example.com",
		Token: func(context.Context, []string, string) (string, time.Time, error) {
			return "t", time.Now().Add(time.Hour), nil
		}})
	if _, err := update(c); err == nil || len(d.requests) != 0 {
		t.Errorf("err %v, %d requests sent", err, len(d.requests))
	}
}

// A 409 MissingSubscriptionRegistration registers Microsoft.Batch, then
// the update goes through; turned off, the 409 is the answer.
func TestRegistration(t *testing.T) {
	for _, off := range []bool{false, true} {
		registered := false
		srv := newWire(t, func(n int, w http.ResponseWriter, r *http.Request) {
			switch {
			case r.Method == "POST" && r.URL.Path == "/subscriptions/subid/providers/Microsoft.Batch/register":
				registered = true
				io.WriteString(w, `{"registrationState":"Registered"}`)
			case !registered:
				w.WriteHeader(http.StatusConflict)
				io.WriteString(w, `{"error":{"code":"MissingSubscriptionRegistration","message":"not registered"}}`)
			default:
				io.WriteString(w, accountJSON)
			}
		})
		c := NewClient("subid", srv.Client(), &ClientOptions{Endpoint: srv.URL, DisableRegistration: off})
		_, err := update(c)
		var re *ResponseError
		switch {
		case !off && (err != nil || srv.count() != 3):
			t.Errorf("registering: err %v after %d requests", err, srv.count())
		case off && (!errors.As(err, &re) || re.Code != "MissingSubscriptionRegistration" || srv.count() != 1):
			t.Errorf("registration off: err %v after %d requests", err, srv.count())
		}
	}
}

// Without a Doer the client does not use http.DefaultClient, which has no
// timeouts.
func TestDefaultTransport(t *testing.T) {
	c := NewClient("subid", nil, nil)
	hc, ok := c.doer.next.(*http.Client)
	if !ok || hc == http.DefaultClient {
		t.Fatalf("Doer %T", c.doer.next)
	}
	tr, ok := hc.Transport.(*http.Transport)
	if !ok || tr.ResponseHeaderTimeout == 0 || tr.TLSHandshakeTimeout == 0 || tr.TLSClientConfig.MinVersion < 0x0303 {
		t.Errorf("transport %+v", hc.Transport)
	}
}
