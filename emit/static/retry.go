package static

import (
	"context"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// RetryOptions say how a client sends a request again after a throttled
// or failed try. The zero value is the Azure SDK's policy: up to 3
// retries, waiting 800 ms, then twice as long each time (with jitter, at
// most 60 s), or longer when the service asks for it in Retry-After; the
// statuses 408, 429, 500, 502, 503 and 504 and transport errors are
// retried, a cancelled or expired context never is.
type RetryOptions struct {
	// MaxRetries is how many times a request is sent again after its first
	// try: 3 when zero. A negative value turns retries off.
	MaxRetries int
	// TryTimeout bounds each try, reading the response body included; a
	// try that runs out is retried. Zero means no bound but the context's.
	TryTimeout time.Duration
	// RetryDelay is the wait before the first retry, doubled for each one
	// after (±20% jitter): 800 ms when zero.
	RetryDelay time.Duration
	// MaxRetryDelay caps the doubled wait: 60 s when zero. A Retry-After
	// the service sends is honoured even when longer.
	MaxRetryDelay time.Duration
	// StatusCodes are the statuses retried: 408, 429, 500, 502, 503 and
	// 504 when nil. An empty, non-nil slice retries no status.
	StatusCodes []int
}

// retryPolicy is RetryOptions with the defaults filled in.
type retryPolicy struct {
	maxRetries int
	tryTimeout time.Duration
	delay      time.Duration
	maxDelay   time.Duration
	statuses   []int
}

var defaultRetryStatuses = []int{
	http.StatusRequestTimeout, http.StatusTooManyRequests, http.StatusInternalServerError,
	http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout,
}

func newRetryPolicy(o RetryOptions) retryPolicy {
	p := retryPolicy{maxRetries: o.MaxRetries, tryTimeout: o.TryTimeout, delay: o.RetryDelay, maxDelay: o.MaxRetryDelay, statuses: o.StatusCodes}
	switch {
	case p.maxRetries == 0:
		p.maxRetries = 3
	case p.maxRetries < 0:
		p.maxRetries = 0
	}
	if p.delay <= 0 {
		p.delay = 800 * time.Millisecond
	}
	if p.maxDelay <= 0 {
		p.maxDelay = 60 * time.Second
	}
	if p.statuses == nil {
		p.statuses = defaultRetryStatuses
	}
	return p
}

// retryStatus reports whether a response of this status is tried again.
func (p *retryPolicy) retryStatus(status int) bool {
	for _, s := range p.statuses {
		if s == status {
			return true
		}
	}
	return false
}

// backoff is the wait before retry number n (1 for the first): the delay
// doubled n-1 times, ±20%, capped.
func (p *retryPolicy) backoff(n int) time.Duration {
	d := p.maxDelay
	if shift := n - 1; shift < 32 && p.delay<<shift > 0 && p.delay<<shift < p.maxDelay {
		d = p.delay << shift
	}
	d = time.Duration(float64(d) * (0.8 + 0.4*rand.Float64()))
	return min(d, p.maxDelay)
}

// wait is how long to wait before retry n after resp (nil after a
// transport error): the backoff, or the service's Retry-After when that
// is longer. A shorter Retry-After does not shorten the backoff: clients
// that obey a short one verbatim retry in bursts while the service is
// throttling.
func (p *retryPolicy) wait(n int, resp *http.Response) time.Duration {
	d := p.backoff(n)
	if resp != nil {
		d = max(d, retryAfter(resp))
	}
	return d
}

// retryAfter reads how long the service asks the client to wait:
// x-ms-retry-after-ms or retry-after-ms (milliseconds), else Retry-After
// (seconds, or an HTTP date). 0 when it asks nothing.
func retryAfter(resp *http.Response) time.Duration {
	for _, name := range [...]string{"X-Ms-Retry-After-Ms", "Retry-After-Ms"} {
		if v := resp.Header[name]; len(v) > 0 {
			if ms, err := strconv.ParseFloat(strings.TrimSpace(v[0]), 64); err == nil && ms > 0 && ms < 1e12 {
				return time.Duration(ms * float64(time.Millisecond))
			}
		}
	}
	v := resp.Header.Get("Retry-After")
	if v == "" {
		return 0
	}
	if secs, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
		if secs <= 0 || secs > 1e6 {
			return 0
		}
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0)
	}
	return 0
}

// sleep waits d, or until ctx is done (its error).
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// replayable reports whether a request can be sent again: it has no body,
// or one it can make afresh (GetBody, which http.NewRequest sets for the
// bodies the client builds).
func replayable(req *http.Request) bool {
	return req.Body == nil || req.Body == http.NoBody || req.GetBody != nil
}

// again returns a copy of req to send once more, with a fresh body.
func again(req *http.Request) (*http.Request, error) {
	r := *req
	if req.GetBody != nil && req.Body != nil && req.Body != http.NoBody {
		body, err := req.GetBody()
		if err != nil {
			return nil, err
		}
		r.Body = body
	}
	return &r, nil
}

// seekBody lets a body the caller gave as an io.ReadSeeker (a file, say)
// be sent again: each try reads it from where it stood when the request
// was built. The transport closes each try's body, so it gets one that
// does not close the caller's reader, which stays the caller's to close.
func seekBody(req *http.Request, s io.ReadSeeker) {
	start, err := s.Seek(0, io.SeekCurrent)
	if err != nil {
		return // not seekable after all: sent once, not retried
	}
	req.Body = io.NopCloser(s)
	req.GetBody = func() (io.ReadCloser, error) {
		if _, err := s.Seek(start, io.SeekStart); err != nil {
			return nil, err
		}
		return io.NopCloser(s), nil
	}
}

// triedBody is the body of a response that ends a request the client
// tried more than once or that failed, counting the tries for
// ResponseError; it also ends a try's own timeout when closed.
type triedBody struct {
	io.ReadCloser
	tries  int
	cancel context.CancelFunc
}

func (b *triedBody) Close() error {
	err := b.ReadCloser.Close()
	if b.cancel != nil {
		b.cancel()
	}
	return err
}

// triesOf is how many tries the client made for the request resp answers;
// 0 when it did not come through a client.
func triesOf(resp *http.Response) int {
	if b, ok := resp.Body.(*triedBody); ok {
		return b.tries
	}
	return 0
}

// markTries records the number of tries on a response that is about to
// become an error.
func markTries(resp *http.Response, tries int) {
	if b, ok := resp.Body.(*triedBody); ok {
		b.tries = tries
		return
	}
	resp.Body = &triedBody{ReadCloser: resp.Body, tries: tries}
}

// errTries annotates the transport error that ended a request with the
// number of tries, keeping it for errors.Is and errors.As.
type errTries struct {
	err   error
	tries int
}

func (e *errTries) Error() string {
	return e.err.Error() + " (after " + strconv.Itoa(e.tries) + " tries)"
}
func (e *errTries) Unwrap() error { return e.err }

// transportError wraps err with the number of tries when there were
// several.
func transportError(err error, tries int) error {
	if tries <= 1 {
		return err
	}
	return &errTries{err: err, tries: tries}
}
