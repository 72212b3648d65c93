//go:build conformance

package tests

import (
	"net/http"
	"sync"
)

// A Doer a user might put around http.Client: armgen's clients send every
// try of every request through the caller's Doer (retrying themselves).

// recorder is a Doer that remembers the requests it sent, for the
// scenarios whose point is what goes on the wire after the first request
// (later pages, polls, retries).
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
