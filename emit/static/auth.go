package static

import (
	"context"
	"encoding/base64"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// tokenRefreshMargin is how long before its expiry a token is replaced.
const tokenRefreshMargin = 5 * time.Minute

// tokenCache holds the bearer tokens the caller's hook (ClientOptions.
// Token) gave, one per scope, until shortly before they expire. One
// goroutine fetches a token at a time per scope; the others wait for it,
// or go on with the old token while it is still valid.
type tokenCache struct {
	get func(ctx context.Context, scopes []string, claims string) (string, time.Time, error)
	now func() time.Time
	mu  sync.Mutex
	// byScope holds the tokens; guarded by mu.
	byScope map[string]*cachedToken
}

type cachedToken struct {
	header  []string // "Bearer <token>", never changed in place
	expires time.Time
	// fetching is closed when the fetch under way ends; nil when none is.
	fetching chan struct{}
	err      error // of the last fetch
}

func newTokenCache(get func(ctx context.Context, scopes []string, claims string) (string, time.Time, error)) *tokenCache {
	return &tokenCache{get: get, now: time.Now, byScope: map[string]*cachedToken{}}
}

// authorization returns the Authorization header for scope: the cached
// token, or a new one when it is about to expire or claims (a claims
// challenge, decoded) ask for one that meets them.
func (c *tokenCache) authorization(ctx context.Context, scope, claims string) ([]string, error) {
	c.mu.Lock()
	t := c.byScope[scope]
	if t == nil {
		t = &cachedToken{}
		c.byScope[scope] = t
	}
	for {
		now := c.now()
		valid := t.header != nil && now.Before(t.expires)
		if claims == "" && valid && now.Before(t.expires.Add(-tokenRefreshMargin)) {
			h := t.header
			c.mu.Unlock()
			return h, nil
		}
		if t.fetching == nil {
			break
		}
		if claims == "" && valid {
			// Another goroutine is getting the next token; this one is
			// good for a while yet.
			h := t.header
			c.mu.Unlock()
			return h, nil
		}
		wait := t.fetching
		c.mu.Unlock()
		select {
		case <-wait:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		c.mu.Lock()
		if claims == "" && t.err != nil {
			err := t.err
			c.mu.Unlock()
			return nil, err
		}
	}
	done := make(chan struct{})
	t.fetching = done
	c.mu.Unlock()

	token, expires, err := c.get(ctx, []string{scope}, claims)
	if err == nil && token == "" {
		err = fmt.Errorf("the token hook returned an empty token")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	t.fetching, t.err = nil, err
	close(done)
	if err != nil {
		return nil, err
	}
	t.header, t.expires = []string{"Bearer " + token}, expires
	return t.header, nil
}

// authorize sets a try's Authorization header, asking for a token that
// meets claims when they are not "". A token is only ever sent over https,
// or to a loopback address (a local test server).
func (p *pipeline) authorize(r *http.Request, claims string) error {
	if r.URL.Scheme != "https" && !loopback(r.URL.Hostname()) {
		return fmt.Errorf("%s %s: a bearer token is sent over https only, or to a loopback address", r.Method, redactURL(r.URL))
	}
	scope := p.scope
	if scope == "" {
		scope = scopeFor(r.URL)
	}
	h, err := p.tokens.authorization(r.Context(), scope, claims)
	if err != nil {
		return fmt.Errorf("%s %s: getting a token for %s: %w", r.Method, redactURL(r.URL), scope, err)
	}
	r.Header["Authorization"] = h
	return nil
}

// scopeFor is the token scope of a service: its origin and /.default
// (https://management.azure.com/.default for Azure Resource Manager, and
// so for each sovereign cloud's own).
func scopeFor(u *url.URL) string {
	return u.Scheme + "://" + u.Host + "/.default"
}

func loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// claimsChallenge reads the claims of a WWW-Authenticate Bearer challenge
// (Continuous Access Evaluation: error="insufficient_claims",
// claims="<base64 JSON>"), decoded; "" when there is none.
func claimsChallenge(h http.Header) string {
	for _, v := range h.Values("WWW-Authenticate") {
		_, rest, ok := cutFold(v, `claims="`)
		if !ok {
			continue
		}
		enc, _, ok := strings.Cut(rest, `"`)
		if !ok || enc == "" {
			continue
		}
		for _, e := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
			if b, err := e.DecodeString(enc); err == nil {
				return string(b)
			}
		}
	}
	return ""
}

// cutFold is strings.Cut, ignoring case in sep.
func cutFold(s, sep string) (before, after string, found bool) {
	for i := 0; i+len(sep) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sep)], sep) {
			return s[:i], s[i+len(sep):], true
		}
	}
	return s, "", false
}
