package static

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Poller follows a long-running operation (x-ms-long-running-operation)
// to its end, the way Azure Resource Manager reports progress: through
// the Azure-AsyncOperation (or Operation-Location) status monitor, through
// Location, or through the resource's own provisioningState. T is the
// operation's response type.
//
// PollUntilDone does everything; Poll, Done and Result take it a step at a
// time. ResumeToken saves a poller to continue later, even in another
// process (see the operation's Resume method). Cancelling the context
// stops polling, not the operation.
type Poller[T any] struct {
	op    *longRunning
	parse func(*http.Response) (T, error)
}

// longRunning is the part of a Poller that does not depend on T. A
// package has an instance of Poller per long-running operation, each
// compiled on its own: what is here is compiled once.
type longRunning struct {
	doer interface {
		Do(*http.Request) (*http.Response, error)
	}
	fail  func(*http.Response) error
	state pollState
	// last is the latest response that may hold the result: the monitor's
	// or the resource's. It is not part of the resume token.
	last       *savedResponse
	retryAfter time.Duration
	err        error
}

// pollState is what a resume token holds.
type pollState struct {
	Method   string `json:"method"`
	URL      string `json:"url"`
	Kind     string `json:"kind"` // "async", "location", "body" or "none"
	Done     bool   `json:"done,omitempty"`
	Poll     string `json:"poll,omitempty"`
	Location string `json:"location,omitempty"`
	FinalVia string `json:"finalStateVia,omitempty"`
}

// savedResponse keeps a response whose body was read, to parse it later.
type savedResponse struct {
	resp  *http.Response
	body  []byte
	tries int
}

func save(resp *http.Response) *savedResponse {
	return &savedResponse{resp: resp, tries: triesOf(resp), body: readBody(resp)}
}

// response gives a fresh copy whose body can be read again.
func (s *savedResponse) response() *http.Response {
	r := *s.resp
	r.Body = io.NopCloser(bytes.NewReader(s.body))
	if s.tries > 0 {
		markTries(&r, s.tries)
	}
	return &r
}

// newPoller starts following an operation from its request and first
// response. parse
// is the operation's response parser, fail builds its error from a
// response, finalVia is the spec's final-state-via ("" for the default).
func newPoller[T any](req *http.Request, resp *http.Response, doer interface {
	Do(*http.Request) (*http.Response, error)
}, finalVia string, parse func(*http.Response) (T, error), fail func(*http.Response) error) (*Poller[T], error) {
	first := save(resp)
	if resp.StatusCode >= 300 {
		_, err := parse(first.response())
		if err == nil {
			err = fail(first.response())
		}
		return nil, err
	}
	return &Poller[T]{op: startLongRunning(req, first, doer, finalVia, fail), parse: parse}, nil
}

// startLongRunning decides, from the first (successful) response, how to
// follow the operation.
func startLongRunning(req *http.Request, first *savedResponse, doer interface {
	Do(*http.Request) (*http.Response, error)
}, finalVia string, fail func(*http.Response) error) *longRunning {
	resp := first.resp
	p := &longRunning{doer: doer, fail: fail, last: first}
	p.state = pollState{Method: req.Method, URL: req.URL.String(), FinalVia: finalVia}
	p.state.Location = resolveURL(p.state.URL, resp.Header.Get("Location"))
	putOrPatch := p.state.Method == http.MethodPut || p.state.Method == http.MethodPatch
	state := provisioningState(first.body)
	switch {
	case putOrPatch && (resp.StatusCode == http.StatusOK || resp.StatusCode == http.StatusCreated) && state != "" && terminal(state):
		// The resource says it is done: monitor headers that came
		// with it have nothing left to report.
		p.state.Kind, p.state.Done = "none", true
		if failed(state) {
			p.err = p.fail(first.response())
		}
	case resp.Header.Get("Azure-AsyncOperation") != "":
		p.state.Kind, p.state.Poll = "async", resolveURL(p.state.URL, resp.Header.Get("Azure-AsyncOperation"))
	case resp.Header.Get("Operation-Location") != "":
		p.state.Kind, p.state.Poll = "async", resolveURL(p.state.URL, resp.Header.Get("Operation-Location"))
	case p.state.Location != "":
		p.state.Kind, p.state.Poll = "location", p.state.Location
	case putOrPatch && (resp.StatusCode == http.StatusAccepted || !terminal(state) ||
		resp.StatusCode == http.StatusCreated && state == ""):
		// Accepted, or created without a state (yet): the resource
		// itself will tell.
		p.state.Kind, p.state.Poll = "body", p.state.URL
	case resp.StatusCode == http.StatusAccepted:
		p.state.Kind, p.state.Done = "none", true
		p.err = fmt.Errorf("%s %s: the service accepted the operation (202) but sent no Azure-AsyncOperation, Operation-Location or Location header to follow it by", req.Method, p.state.URL)
	default:
		p.state.Kind, p.state.Done = "none", true
		if failed(state) {
			p.err = p.fail(first.response())
		}
	}
	p.retryAfter = retryAfter(resp)
	return p
}

// resumePoller rebuilds a poller from a token, for an operation of method.
func resumePoller[T any](token, method string, doer interface {
	Do(*http.Request) (*http.Response, error)
}, parse func(*http.Response) (T, error), fail func(*http.Response) error) (*Poller[T], error) {
	op, err := resumeLongRunning(token, method, doer, fail)
	if err != nil {
		return nil, err
	}
	return &Poller[T]{op: op, parse: parse}, nil
}

func resumeLongRunning(token, method string, doer interface {
	Do(*http.Request) (*http.Response, error)
}, fail func(*http.Response) error) (*longRunning, error) {
	var s pollState
	if err := json.Unmarshal([]byte(token), &s); err != nil {
		return nil, fmt.Errorf("not a resume token: %w", err)
	}
	switch {
	case s.Method != method:
		return nil, fmt.Errorf("the resume token is for a %s operation, not %s", s.Method, method)
	case s.Kind != "async" && s.Kind != "location" && s.Kind != "body" && s.Kind != "none", s.URL == "":
		return nil, errors.New("the resume token is incomplete")
	}
	return &longRunning{doer: doer, fail: fail, state: s}, nil
}

// ResumeToken saves the poller's progress as text.
func (p *Poller[T]) ResumeToken() (string, error) {
	b, err := json.Marshal(p.op.state)
	return string(b), err
}

// Done reports whether the operation has ended, well or not.
func (p *Poller[T]) Done() bool {
	return p.op.state.Done
}

// Poll asks the service once how the operation is going.
func (p *Poller[T]) Poll(ctx context.Context) error {
	return p.op.poll(ctx)
}

func (p *longRunning) poll(ctx context.Context) error {
	if p.state.Done {
		return nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.state.Poll, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := send(p.doer, req)
	if err != nil {
		return err
	}
	p.retryAfter = retryAfter(resp)
	got := save(resp)
	switch p.state.Kind {
	case "async":
		if resp.StatusCode >= 300 {
			return p.end(p.fail(got.response()))
		}
		var status struct {
			Status string `json:"status"`
		}
		if err := json.Unmarshal(got.body, &status); err != nil || status.Status == "" {
			return p.end(fmt.Errorf("the operation status at %s has no status: %s", p.state.Poll, truncate(string(got.body), 200)))
		}
		p.last = got
		switch {
		case failed(status.Status):
			return p.end(p.fail(got.response()))
		case terminal(status.Status):
			return p.end(nil)
		}
	case "location":
		switch {
		case resp.StatusCode == http.StatusAccepted:
			// Still running; the service may say where to ask next.
			if next := resp.Header.Get("Location"); next != "" {
				p.state.Poll = resolveURL(p.state.Poll, next)
			}
			return nil
		case resp.StatusCode >= 300:
			return p.end(p.fail(got.response()))
		}
		// The answer is the result. A provisioningState in it (a
		// DELETE's resource) has the last word on how it ended.
		p.last = got
		return p.settle(got)
	case "body":
		if resp.StatusCode >= 300 {
			return p.end(p.fail(got.response()))
		}
		p.last = got
		if resp.StatusCode != http.StatusNoContent && noBody(got.body) {
			return p.end(fmt.Errorf("the resource at %s came back (%d) with no body, so the operation's state is unknown", p.state.Poll, resp.StatusCode))
		}
		if resp.StatusCode == http.StatusNoContent {
			return p.end(nil)
		}
		return p.settle(got)
	}
	return nil
}

// settle ends the operation when the provisioningState of the resource
// in got says it is over; otherwise polling goes on.
func (p *longRunning) settle(got *savedResponse) error {
	switch state := provisioningState(got.body); {
	case failed(state):
		return p.end(p.fail(got.response()))
	case terminal(state):
		return p.end(nil)
	}
	return nil
}

// end records that the operation is over, failed when err is not nil.
func (p *longRunning) end(err error) error {
	p.state.Done = true
	p.err = err
	return err
}

// Result returns the operation's outcome once Done: its result, read from
// where the spec's final-state-via says, or its error.
func (p *Poller[T]) Result(ctx context.Context) (T, error) {
	resp, err := p.op.result(ctx)
	if err != nil || resp == nil {
		var zero T
		return zero, err
	}
	return p.parse(resp)
}

// result is the response that holds the operation's result, nil (and no
// error) for none.
func (p *longRunning) result(ctx context.Context) (*http.Response, error) {
	if !p.state.Done {
		return nil, errors.New("the operation is still running")
	}
	if p.err != nil {
		return nil, p.err
	}
	final := p.finalURL()
	if final == p.state.Poll && p.last != nil {
		final = "" // the last poll fetched it already
	}
	if final == "" {
		if p.last == nil {
			return nil, nil // resumed after the end: nothing kept
		}
		return p.last.response(), nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, final, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	return send(p.doer, req)
}

// finalURL is where the result is fetched from once the operation
// succeeded; "" means the last response holds it. Polling Location or the
// resource itself ends with the result; a status monitor does not, and
// the result is then where final-state-via says, or by ARM's rules: the
// resource of a PUT or PATCH, the Location of a POST, nothing for a
// DELETE.
func (p *longRunning) finalURL() string {
	s := p.state
	switch {
	case s.Kind == "none":
		return "" // the first response was the end
	case s.Kind != "async":
		if s.FinalVia == "original-uri" {
			return s.URL
		}
		return ""
	}
	switch s.FinalVia {
	case "original-uri":
		return s.URL
	case "location":
		return s.Location
	case "azure-async-operation", "operation-location":
		return ""
	}
	switch s.Method {
	case http.MethodPut, http.MethodPatch:
		return s.URL
	case http.MethodPost:
		return s.Location
	}
	return ""
}

// PollUntilDone polls until the operation ends and returns its result.
// It waits frequency between polls (30 seconds when zero), or what the
// service asks for in Retry-After.
func (p *Poller[T]) PollUntilDone(ctx context.Context, frequency time.Duration) (T, error) {
	if err := p.op.pollUntilDone(ctx, frequency); err != nil {
		var zero T
		return zero, err
	}
	return p.Result(ctx)
}

func (p *longRunning) pollUntilDone(ctx context.Context, frequency time.Duration) error {
	if frequency <= 0 {
		frequency = 30 * time.Second
	}
	for !p.state.Done {
		delay := frequency
		if p.retryAfter > 0 {
			delay = p.retryAfter
		}
		timer := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			timer.Stop()
			return ctx.Err()
		case <-timer.C:
		}
		if err := p.poll(ctx); err != nil {
			return err
		}
	}
	return nil
}

// provisioningState reads properties.provisioningState (or a top-level
// provisioningState) from a resource body; "" when there is none.
func provisioningState(body []byte) string {
	var r struct {
		ProvisioningState string `json:"provisioningState"`
		Properties        struct {
			ProvisioningState string `json:"provisioningState"`
		} `json:"properties"`
	}
	if json.Unmarshal(body, &r) != nil {
		return ""
	}
	if r.Properties.ProvisioningState != "" {
		return r.Properties.ProvisioningState
	}
	return r.ProvisioningState
}

// terminal reports whether a status ends the operation; a resource with no
// provisioningState ("") is as done as it will get.
func terminal(status string) bool {
	switch strings.ToLower(status) {
	case "", "succeeded", "failed", "canceled", "cancelled":
		return true
	}
	return false
}

func failed(status string) bool {
	switch strings.ToLower(status) {
	case "failed", "canceled", "cancelled":
		return true
	}
	return false
}

// resolveURL resolves a header URL against the request's.
func resolveURL(base, ref string) string {
	if ref == "" {
		return ""
	}
	b, err := url.Parse(base)
	if err != nil {
		return ref
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return b.ResolveReference(r).String()
}

// finalStatus lets an operation's parser read the final response of a
// long-running operation: the service may end it with a 2xx status the
// spec documents only for the first response (or not at all), and the
// body is the result all the same. It presents such a response under
// status, the documented status whose body the parser reads; a response
// with status or one of the other documented ones is left as it is.
func finalStatus(resp *http.Response, status int, others ...int) *http.Response {
	if resp.StatusCode < 200 || resp.StatusCode >= 300 || resp.StatusCode == status {
		return resp
	}
	for _, d := range others {
		if resp.StatusCode == d {
			return resp
		}
	}
	r := *resp
	r.StatusCode = status
	return &r
}
