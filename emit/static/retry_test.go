package static

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestRetryPolicyDefaults(t *testing.T) {
	p := newRetryPolicy(RetryOptions{})
	if p.maxRetries != 3 || p.delay != 800*time.Millisecond || p.maxDelay != 60*time.Second || p.tryTimeout != 0 {
		t.Errorf("defaults = %+v", p)
	}
	for _, s := range []int{408, 429, 500, 502, 503, 504} {
		if !p.retryStatus(s) {
			t.Errorf("status %d is not retried", s)
		}
	}
	for _, s := range []int{200, 400, 401, 403, 404, 409, 412, 501, 505} {
		if p.retryStatus(s) {
			t.Errorf("status %d is retried", s)
		}
	}
	if off := newRetryPolicy(RetryOptions{MaxRetries: -1}); off.maxRetries != 0 {
		t.Errorf("MaxRetries -1 gives %d retries", off.maxRetries)
	}
	if none := newRetryPolicy(RetryOptions{StatusCodes: []int{}}); none.retryStatus(503) {
		t.Error("an empty StatusCodes still retries 503")
	}
	if own := newRetryPolicy(RetryOptions{StatusCodes: []int{418}}); !own.retryStatus(418) || own.retryStatus(503) {
		t.Error("StatusCodes does not replace the default statuses")
	}
}

// The wait doubles from RetryDelay, within ±20%, up to MaxRetryDelay,
// and does not overflow however many retries.
func TestBackoff(t *testing.T) {
	p := newRetryPolicy(RetryOptions{})
	for n := 1; n <= 100; n++ {
		base := min(800*time.Millisecond<<min(n-1, 20), 60*time.Second)
		lo, hi := time.Duration(float64(base)*0.8), min(time.Duration(float64(base)*1.2), 60*time.Second)
		for range 20 {
			if d := p.backoff(n); d < lo || d > hi {
				t.Fatalf("backoff(%d) = %v, want within [%v, %v]", n, d, lo, hi)
			}
		}
	}
	// Jitter: the waits are not all the same.
	seen := map[time.Duration]bool{}
	for range 20 {
		seen[p.backoff(1)] = true
	}
	if len(seen) < 2 {
		t.Error("backoff has no jitter")
	}
}

func header(kv ...string) *http.Response {
	h := http.Header{}
	for i := 0; i < len(kv); i += 2 {
		h.Set(kv[i], kv[i+1])
	}
	return &http.Response{Header: h}
}

func TestRetryAfter(t *testing.T) {
	future := time.Now().Add(90 * time.Second).UTC().Format(http.TimeFormat)
	for _, tc := range []struct {
		resp     *http.Response
		min, max time.Duration
	}{
		{header(), 0, 0},
		{header("Retry-After", "7"), 7 * time.Second, 7 * time.Second},
		{header("Retry-After", " 2 "), 2 * time.Second, 2 * time.Second},
		{header("Retry-After", "0"), 0, 0},
		{header("Retry-After", "-3"), 0, 0},
		{header("Retry-After", "soon"), 0, 0},
		{header("Retry-After", future), 85 * time.Second, 90 * time.Second},
		{header("Retry-After", "Mon, 02 Jan 2006 15:04:05 GMT"), 0, 0}, // past
		{header("retry-after-ms", "250"), 250 * time.Millisecond, 250 * time.Millisecond},
		{header("x-ms-retry-after-ms", "1500"), 1500 * time.Millisecond, 1500 * time.Millisecond},
		// The milliseconds are exact: they win over Retry-After.
		{header("x-ms-retry-after-ms", "100", "Retry-After", "9"), 100 * time.Millisecond, 100 * time.Millisecond},
		{header("retry-after-ms", "bad", "Retry-After", "3"), 3 * time.Second, 3 * time.Second},
	} {
		if d := retryAfter(tc.resp); d < tc.min || d > tc.max {
			t.Errorf("retryAfter(%v) = %v, want within [%v, %v]", tc.resp.Header, d, tc.min, tc.max)
		}
	}
}

// A Retry-After shorter than the backoff does not shorten the wait; a
// longer one lengthens it, past MaxRetryDelay if need be.
func TestWaitHonoursLongerRetryAfterOnly(t *testing.T) {
	p := newRetryPolicy(RetryOptions{RetryDelay: 10 * time.Second, MaxRetryDelay: 20 * time.Second})
	if d := p.wait(1, header("Retry-After", "1")); d < 8*time.Second {
		t.Errorf("a 1s Retry-After shortened the 10s backoff to %v", d)
	}
	if d := p.wait(1, header("retry-after-ms", "1")); d < 8*time.Second {
		t.Errorf("a 1ms retry-after-ms shortened the 10s backoff to %v", d)
	}
	if d := p.wait(1, header("Retry-After", "30")); d != 30*time.Second {
		t.Errorf("a 30s Retry-After gave %v", d)
	}
	if d := p.wait(1, nil); d < 8*time.Second || d > 12*time.Second {
		t.Errorf("after a transport error the wait is %v", d)
	}
}

func TestRedactURL(t *testing.T) {
	req, _ := http.NewRequest("GET", "https://user:secret@h.example/p?api-version=2024-02-01&sig=abc%2Fdef&$filter=name+eq+%27x%27&$skipToken=tok&code=42#frag", nil)
	got := redactURL(req.URL)
	for _, want := range []string{"https://h.example/p?", "api-version=2024-02-01", "sig=REDACTED", "$filter=name+eq+%27x%27", "$skipToken=REDACTED", "code=REDACTED"} {
		if !strings.Contains(got, want) {
			t.Errorf("redactURL = %s, lacks %s", got, want)
		}
	}
	for _, secret := range []string{"secret", "user", "abc", "tok", "42", "frag"} {
		if strings.Contains(got, secret) {
			t.Errorf("redactURL = %s shows %q", got, secret)
		}
	}
	if req.URL.RawQuery == "" || req.URL.User == nil {
		t.Error("redactURL changed the request's URL")
	}
}

func TestNewRequestID(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		id := newRequestID()
		if len(id) != 36 || id[8] != '-' || id[13] != '-' || id[14] != '4' || id[18] != '-' || !strings.ContainsRune("89ab", rune(id[19])) || id[23] != '-' {
			t.Fatalf("%q is not a version 4 UUID", id)
		}
		if seen[id] {
			t.Fatalf("%s came twice", id)
		}
		seen[id] = true
	}
}
