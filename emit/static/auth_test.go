package static

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// tokenHook is a ClientOptions.Token that counts its calls and hands out
// tok-1, tok-2…, valid for an hour.
type tokenHook struct {
	mu     sync.Mutex
	calls  int
	scopes [][]string
	claims []string
	ttl    time.Duration
	now    func() time.Time // time.Now when nil
}

func (h *tokenHook) get(_ context.Context, scopes []string, claims string) (string, time.Time, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.calls++
	h.scopes = append(h.scopes, scopes)
	h.claims = append(h.claims, claims)
	ttl := h.ttl
	if ttl == 0 {
		ttl = time.Hour
	}
	now := time.Now
	if h.now != nil {
		now = h.now
	}
	return fmt.Sprintf("tok-%d", h.calls), now().Add(ttl), nil
}

// The token is fetched once, then set on every try of every request.
func TestTokenCachedAndSetOnEveryTry(t *testing.T) {
	srv := newScripted(t, answer{status: 503}, answer{status: 200})
	hook := &tokenHook{}
	p, _ := testPipeline(srv.Client(), pipelineOptions{endpoint: srv.URL, token: hook.get})
	for range 2 {
		resp, err := p.Do(srv.request(t, context.Background(), "PUT", map[string]int{"a": 1}))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	got := srv.received()
	if len(got) != 3 {
		t.Fatalf("%d tries, want 3", len(got))
	}
	for i, r := range got {
		if a := r.header.Get("Authorization"); a != "Bearer tok-1" {
			t.Errorf("try %d: Authorization %q", i+1, a)
		}
	}
	if hook.calls != 1 || len(hook.scopes[0]) != 1 || hook.scopes[0][0] != srv.URL+"/.default" {
		t.Errorf("%d token calls, scopes %v", hook.calls, hook.scopes)
	}
}

// A token is replaced shortly before it expires, not after.
func TestTokenRefreshedBeforeExpiry(t *testing.T) {
	now := time.Now()
	hook := &tokenHook{now: func() time.Time { return now }}
	c := newTokenCache(hook.get)
	c.now = hook.now
	ctx := context.Background()
	for _, step := range []struct {
		after time.Duration
		want  string
	}{
		{0, "Bearer tok-1"},
		{30 * time.Minute, "Bearer tok-1"},
		{54 * time.Minute, "Bearer tok-1"},
		{56 * time.Minute, "Bearer tok-2"}, // within 5 minutes of its hour
		{60 * time.Minute, "Bearer tok-2"},
	} {
		now = time.Now().Add(step.after)
		h, err := c.authorization(ctx, "s", "")
		if err != nil || h[0] != step.want {
			t.Errorf("after %v: %v, %v; want %s", step.after, h, err, step.want)
		}
	}
	// A token that lives under the margin is fetched for every request:
	// never sent expired.
	short := &tokenHook{ttl: time.Minute}
	c = newTokenCache(short.get)
	for range 3 {
		c.authorization(ctx, "s", "")
	}
	if short.calls != 3 {
		t.Errorf("%d calls for a token about to expire, want 3", short.calls)
	}
}

// Many requests at once: one fetch, which all of them wait for.
func TestTokenFetchedOnceConcurrently(t *testing.T) {
	var calls atomic.Int32
	release := make(chan struct{})
	c := newTokenCache(func(ctx context.Context, _ []string, _ string) (string, time.Time, error) {
		calls.Add(1)
		<-release
		return "t", time.Now().Add(time.Hour), nil
	})
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h, err := c.authorization(context.Background(), "s", "")
			if err == nil && h[0] != "Bearer t" {
				err = fmt.Errorf("header %v", h)
			}
			errs <- err
		}()
	}
	time.Sleep(10 * time.Millisecond) // let them queue; the result holds either way
	close(release)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("%d fetches, want 1", n)
	}
}

func TestTokenErrorIsReturned(t *testing.T) {
	errDenied := errors.New("denied")
	calls := 0
	p, _ := testPipeline(doerFunc(func(*http.Request) (*http.Response, error) {
		calls++
		return nil, errors.New("sent")
	}), pipelineOptions{endpoint: "https://management.azure.com", token: func(context.Context, []string, string) (string, time.Time, error) {
		return "", time.Time{}, errDenied
	}})
	req, _ := http.NewRequest("GET", "https://management.azure.com/subscriptions", nil)
	if _, err := p.Do(req); !errors.Is(err, errDenied) || calls != 0 {
		t.Errorf("err = %v after %d sends", err, calls)
	}
}

// A 401 with a claims challenge gets one new token meeting the claims,
// and the request one more try; a 401 without one is the answer.
func TestClaimsChallenge(t *testing.T) {
	const claims = `{"access_token":{"nbf":{"essential":true,"value":"1726258122"}}}`
	challenge := `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="` +
		base64.StdEncoding.EncodeToString([]byte(claims)) + `"`
	var bodies []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b := make([]byte, 100)
		n, _ := r.Body.Read(b)
		bodies = append(bodies, string(b[:n]))
		if r.Header.Get("Authorization") != "Bearer tok-2" {
			w.Header().Set("WWW-Authenticate", challenge)
			w.WriteHeader(401)
		}
	}))
	defer srv.Close()
	hook := &tokenHook{}
	p, _ := testPipeline(srv.Client(), pipelineOptions{endpoint: srv.URL, token: hook.get})
	req, _ := newRequest(context.Background(), "PUT", srv.URL, "/x", nil, map[string]int{"n": 1}, "application/json")
	resp, err := p.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || hook.calls != 2 || hook.claims[0] != "" || hook.claims[1] != claims {
		t.Errorf("status %d; %d token calls with claims %q", resp.StatusCode, hook.calls, hook.claims)
	}
	if len(bodies) != 2 || bodies[0] != `{"n":1}` || bodies[1] != bodies[0] {
		t.Errorf("bodies %q", bodies)
	}

	// Challenged again with the new token: one refresh per request.
	srvCalls := len(bodies)
	p.tokens.byScope = map[string]*cachedToken{} // the next token is tok-3
	req, _ = http.NewRequest("GET", srv.URL+"/x", nil)
	resp, err = p.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 || triesOf(resp) != 2 || len(bodies)-srvCalls != 2 {
		t.Errorf("status %d after %d tries, %d sent", resp.StatusCode, triesOf(resp), len(bodies)-srvCalls)
	}

	// Without claims, a 401 is the answer.
	srv401 := newScripted(t, answer{status: 401, header: map[string]string{"WWW-Authenticate": `Bearer realm="x"`}}, answer{status: 200})
	p, _ = testPipeline(srv401.Client(), pipelineOptions{endpoint: srv401.URL, token: (&tokenHook{}).get})
	resp, err = p.Do(srv401.request(t, context.Background(), "GET", nil))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 || len(srv401.received()) != 1 {
		t.Errorf("status %d after %d tries", resp.StatusCode, len(srv401.received()))
	}
}

func TestClaimsChallengeParsing(t *testing.T) {
	enc := base64.RawURLEncoding.EncodeToString([]byte(`{"a":"b?"}`))
	for _, tc := range []struct{ header, want string }{
		{`Bearer realm="", error="insufficient_claims", claims="` + base64.StdEncoding.EncodeToString([]byte(`{"x":1}`)) + `"`, `{"x":1}`},
		{`Bearer error="insufficient_claims", CLAIMS="` + enc + `"`, `{"a":"b?"}`},
		{`Bearer realm="x"`, ""},
		{`Bearer claims=""`, ""},
		{`Bearer claims="not base64!"`, ""},
	} {
		h := http.Header{"Www-Authenticate": {tc.header}}
		if got := claimsChallenge(h); got != tc.want {
			t.Errorf("claimsChallenge(%s) = %q, want %q", tc.header, got, tc.want)
		}
	}
}

// A token never goes over plain http to anything but a loopback address.
func TestTokenNeverOverPlainHTTP(t *testing.T) {
	for _, tc := range []struct {
		url  string
		sent bool
	}{
		{"http://management.azure.com/x", false},
		{"http://10.0.0.1/x", false},
		{"http://localhost:8080/x", true},
		{"http://127.0.0.1/x", true},
		{"http://[::1]:99/x", true},
		{"https://management.azure.com/x", true},
	} {
		sent := false
		p, _ := testPipeline(doerFunc(func(r *http.Request) (*http.Response, error) {
			sent = r.Header.Get("Authorization") != ""
			return &http.Response{StatusCode: 200, Header: http.Header{}, Body: http.NoBody}, nil
		}), pipelineOptions{token: (&tokenHook{}).get})
		req, _ := http.NewRequest("GET", tc.url, nil)
		_, err := p.Do(req)
		if sent != tc.sent || (err == nil) != tc.sent {
			t.Errorf("%s: token sent %v, err %v", tc.url, sent, err)
		}
		if err != nil && !strings.Contains(err.Error(), "https") {
			t.Errorf("%s: err = %v", tc.url, err)
		}
	}
}

// The scope is the endpoint's origin and /.default, so a sovereign cloud
// gets its own; without an endpoint, the request's host.
func TestTokenScope(t *testing.T) {
	ok := doerFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 200, Header: http.Header{}, Body: http.NoBody}, nil
	})
	for _, tc := range []struct{ endpoint, url, want string }{
		{"https://management.azure.com", "https://management.azure.com/x", "https://management.azure.com/.default"},
		{"https://management.chinacloudapi.cn/", "https://management.chinacloudapi.cn/x", "https://management.chinacloudapi.cn/.default"},
		{"https://management.usgovcloudapi.net", "https://management.usgovcloudapi.net/x", "https://management.usgovcloudapi.net/.default"},
		{"", "https://acct.westus.batch.azure.com/jobs", "https://acct.westus.batch.azure.com/.default"},
	} {
		hook := &tokenHook{}
		p, _ := testPipeline(ok, pipelineOptions{endpoint: tc.endpoint, token: hook.get})
		req, _ := http.NewRequest("GET", tc.url, nil)
		if _, err := p.Do(req); err != nil {
			t.Fatal(err)
		}
		if len(hook.scopes) != 1 || len(hook.scopes[0]) != 1 || hook.scopes[0][0] != tc.want {
			t.Errorf("endpoint %q: scopes %v, want %s", tc.endpoint, hook.scopes, tc.want)
		}
	}
}
