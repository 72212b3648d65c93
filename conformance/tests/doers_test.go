//go:build conformance

package tests

import (
	"bytes"
	"io"
	"net/http"
	"net/http/cookiejar"
	"sync"
	"testing"
	"time"
)

// Doers a user might put around http.Client: armgen's clients send every
// request through the caller's Doer and never retry or record anything
// themselves.

// recorder is a Doer that remembers the requests it sent, for the
// scenarios whose point is what goes on the wire after the first request
// (later pages, polls).
type recorder struct {
	doer Doer
	mu   sync.Mutex
	reqs []*http.Request
}

// Doer is the interface every generated package declares.
type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

func record(d Doer) *recorder {
	if d == nil {
		d = http.DefaultClient
	}
	return &recorder{doer: d}
}

func (r *recorder) Do(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.reqs = append(r.reqs, req)
	r.mu.Unlock()
	return r.doer.Do(req)
}

// requests returns the requests sent so far.
func (r *recorder) requests() []*http.Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]*http.Request(nil), r.reqs...)
}

// retrier is the smallest retrying Doer: it sends a request again, up to
// tries times in all, while the answer is 408, 429 or 5xx (501 and 505
// excepted: retrying cannot help them), waiting wait in between. It keeps
// the server's cookies, as http.Client does with a Jar; the test server's
// retry scenarios track the first try with a cookie.
type retrier struct {
	client *http.Client
	tries  int
	wait   time.Duration
	mu     sync.Mutex
	sent   int
}

func newRetrier(t *testing.T) *retrier {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &retrier{client: &http.Client{Jar: jar}, tries: 3, wait: time.Millisecond}
}

func retryable(status int) bool {
	switch status {
	case http.StatusRequestTimeout, http.StatusTooManyRequests:
		return true
	case http.StatusNotImplemented, http.StatusHTTPVersionNotSupported:
		return false
	}
	return status >= 500
}

func (r *retrier) Do(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		var err error
		if body, err = io.ReadAll(req.Body); err != nil {
			return nil, err
		}
		req.Body.Close()
	}
	for try := 1; ; try++ {
		if body != nil {
			req.Body = io.NopCloser(bytes.NewReader(body))
		}
		r.mu.Lock()
		r.sent++
		r.mu.Unlock()
		resp, err := r.client.Do(req)
		if err != nil || try == r.tries || !retryable(resp.StatusCode) {
			return resp, err
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		select {
		case <-req.Context().Done():
			return nil, req.Context().Err()
		case <-time.After(r.wait):
		}
	}
}

// count is how many requests went out, retries included.
func (r *retrier) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.sent
}
