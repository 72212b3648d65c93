package static

import (
	"context"
	"crypto/tls"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"time"
)

// pipeline is what a Client sends every request through, plain calls,
// pages and polls alike: it gives the request its identity (a client
// request id, the User-Agent), authorizes each try, retries what is worth
// retrying, registers a missing resource provider, and logs each try.
// It is a Doer around the caller's Doer (or a safe default client).
type pipeline struct {
	next interface {
		Do(*http.Request) (*http.Response, error)
	}
	retry retryPolicy
	// userAgent is the User-Agent header, shared by every request (never
	// changed in place).
	userAgent []string
	// scope is the token scope, "" when it depends on the request's host
	// (no endpoint: a parameterized host).
	scope  string
	tokens *tokenCache // nil: no Authorization
	logger *slog.Logger
	// register is true when a 409 MissingSubscriptionRegistration
	// registers the resource provider, polling every registerDelay for
	// at most registerTimeout.
	register                       bool
	registerDelay, registerTimeout time.Duration
	// sleep waits between tries (a test's records the waits instead).
	sleep func(context.Context, time.Duration) error
}

// pipelineOptions are what a generated NewClient passes on from its
// ClientOptions.
type pipelineOptions struct {
	pkg, apiVersion string
	endpoint        string
	applicationID   string
	retry           RetryOptions
	token           func(ctx context.Context, scopes []string, claims string) (string, time.Time, error)
	logger          *slog.Logger
	noRegistration  bool
}

func newPipeline(doer interface {
	Do(*http.Request) (*http.Response, error)
}, o pipelineOptions) *pipeline {
	if doer == nil {
		doer = defaultDoer()
	}
	ua := "armgen/" + o.pkg + " " + o.apiVersion + " Go/" + strings.TrimPrefix(runtime.Version(), "go")
	if o.applicationID != "" {
		ua = o.applicationID + " " + ua
	}
	p := &pipeline{
		next:            doer,
		retry:           newRetryPolicy(o.retry),
		userAgent:       []string{ua},
		logger:          o.logger,
		register:        !o.noRegistration,
		registerDelay:   15 * time.Second,
		registerTimeout: 5 * time.Minute,
		sleep:           sleep,
	}
	if o.token != nil {
		p.tokens = newTokenCache(o.token)
		if u, err := url.Parse(o.endpoint); err == nil && u.Host != "" {
			p.scope = scopeFor(u)
		}
	}
	return p
}

// Do sends a request: one logical request, however many tries it takes.
func (p *pipeline) Do(req *http.Request) (*http.Response, error) {
	p.identify(req)
	return p.send(req, p.register)
}

// Canonical header keys, to read and set headers without canonicalizing.
const (
	headerClientRequestID = "X-Ms-Client-Request-Id"
	headerUserAgent       = "User-Agent"
)

// identify gives a request its x-ms-client-request-id and its User-Agent,
// the same on every try, unless the caller set them (a header parameter
// of the spec, say): what the caller sets goes on the wire as it is.
func (p *pipeline) identify(req *http.Request) {
	h := req.Header
	if h == nil {
		h = http.Header{}
		req.Header = h
	}
	if id := h[headerClientRequestID]; len(id) == 0 || id[0] == "" {
		h[headerClientRequestID] = []string{newRequestID()}
	}
	if ua := h[headerUserAgent]; len(ua) == 0 || ua[0] == "" {
		h[headerUserAgent] = p.userAgent
	}
}

// newRequestID is a random (version 4) UUID.
func newRequestID() string {
	const hexDigits = "0123456789abcdef"
	var b [16]byte
	hi, lo := rand.Uint64(), rand.Uint64()
	for i := range 8 {
		b[i], b[8+i] = byte(hi>>(8*i)), byte(lo>>(8*i))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	var s [36]byte
	j := 0
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			s[j] = '-'
			j++
		}
		s[j], s[j+1] = hexDigits[c>>4], hexDigits[c&0xf]
		j += 2
	}
	return string(s[:])
}

// send tries a request until it succeeds, fails for good or runs out of
// retries. Besides the retries of RetryOptions, a 401 with a claims
// challenge is tried once more with a token that meets it, and (when
// mayRegister) a 409 MissingSubscriptionRegistration once more after
// registering the resource provider. The result is the last response
// (marked with the number of tries when it is an error) or the last
// transport error.
func (p *pipeline) send(req *http.Request, mayRegister bool) (*http.Response, error) {
	ctx := req.Context()
	canReplay := replayable(req)
	// http.Client adds its cookie jar's cookies to the request's headers:
	// each retry starts from the caller's.
	cookies, hadCookies := req.Header["Cookie"]
	var retries int
	var challenged, registered bool
	for try := 1; ; try++ {
		r := req
		if try > 1 {
			var err error
			if r, err = again(req); err != nil {
				return nil, transportError(fmt.Errorf("%s %s: reading the request body again: %w", req.Method, redactURL(req.URL), err), try-1)
			}
			r.Header = req.Header.Clone()
			delete(r.Header, "Cookie")
			if hadCookies {
				r.Header["Cookie"] = cookies
			}
		}
		if p.tokens != nil {
			if err := p.authorize(r, ""); err != nil {
				return nil, err
			}
		}
		var start time.Time
		if p.logger != nil {
			start = time.Now()
		}
		resp, err := p.try(r)
		if err == nil && canReplay {
			switch {
			case resp.StatusCode == http.StatusUnauthorized && p.tokens != nil && !challenged:
				if claims := claimsChallenge(resp.Header); claims != "" {
					challenged = true
					p.logTry(ctx, r, try, start, resp, nil, 0, "claims challenge")
					drain(resp)
					if err := p.authorize(r, claims); err != nil {
						return nil, err
					}
					continue
				}
			case resp.StatusCode == http.StatusConflict && mayRegister && !registered:
				if sub, ns := providerOf(r.URL); ns != "" && missingRegistration(resp) {
					registered = true
					err := p.registerProvider(ctx, r.URL, sub, ns)
					p.logRegistration(ctx, ns, err)
					if err == nil {
						p.logTry(ctx, r, try, start, resp, nil, 0, "registered "+ns)
						drain(resp)
						continue
					}
				}
			}
		}
		retry, reason := p.shouldRetry(ctx, resp, err)
		if !retry || retries >= p.retry.maxRetries || !canReplay {
			p.logTry(ctx, r, try, start, resp, err, 0, "")
			if err != nil {
				return nil, transportError(err, try)
			}
			if resp.StatusCode >= 300 {
				markTries(resp, try)
			}
			return resp, nil
		}
		retries++
		wait := p.retry.wait(retries, resp)
		p.logTry(ctx, r, try, start, resp, err, wait, reason)
		if resp != nil {
			drain(resp)
		}
		if err := p.sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("%s %s: %w while waiting to retry after %s", req.Method, redactURL(req.URL), err, reason)
		}
	}
}

// try sends one try through the next Doer, within the try timeout.
func (p *pipeline) try(r *http.Request) (*http.Response, error) {
	if p.retry.tryTimeout <= 0 {
		return send(p.next, r)
	}
	ctx, cancel := context.WithTimeout(r.Context(), p.retry.tryTimeout)
	resp, err := send(p.next, r.WithContext(ctx))
	if err != nil {
		cancel()
		return nil, err
	}
	// The timeout covers reading the body: closing it ends the try.
	resp.Body = &triedBody{ReadCloser: resp.Body, cancel: cancel}
	return resp, nil
}

// shouldRetry reports whether a try's outcome is worth another try, and
// why. Transport errors are, unless the caller's context is done.
func (p *pipeline) shouldRetry(ctx context.Context, resp *http.Response, err error) (bool, string) {
	switch {
	case err != nil:
		return ctx.Err() == nil, err.Error()
	case p.retry.retryStatus(resp.StatusCode):
		return true, resp.Status
	}
	return false, ""
}

// logTry writes one record per try: Info, or Warn for a try that failed
// (a transport error or a status of 400 or more). The URL's query values
// are redacted but for an allow-list; neither the Authorization header
// nor any body is logged.
func (p *pipeline) logTry(ctx context.Context, r *http.Request, try int, start time.Time, resp *http.Response, err error, wait time.Duration, reason string) {
	if p.logger == nil {
		return
	}
	level := slog.LevelInfo
	if err != nil || resp.StatusCode >= 400 {
		level = slog.LevelWarn
	}
	if !p.logger.Enabled(ctx, level) {
		return
	}
	attrs := make([]slog.Attr, 0, 10)
	attrs = append(attrs, slog.String("method", r.Method), slog.String("url", redactURL(r.URL)), slog.Int("try", try))
	if resp != nil {
		attrs = append(attrs, slog.Int("status", resp.StatusCode))
	}
	attrs = append(attrs, slog.Duration("duration", time.Since(start)), slog.String("client_request_id", r.Header.Get(headerClientRequestID)))
	if resp != nil {
		if id := resp.Header.Get("x-ms-request-id"); id != "" {
			attrs = append(attrs, slog.String("request_id", id))
		}
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	if reason != "" {
		attrs = append(attrs, slog.Duration("retry_in", wait), slog.String("retry_reason", reason))
	}
	p.logger.LogAttrs(ctx, level, "http request", attrs...)
}

// loggedQuery are the query parameters whose values are logged; the
// values of others (tokens, signatures, secrets a spec puts in the query)
// are not.
var loggedQuery = []string{"api-version", "$top", "$skip", "$filter", "$select", "$expand", "$orderby", "$count", "$apply", "$search", "timeout"}

// redactURL is a URL for a log: user info dropped, query values
// replaced by REDACTED unless allowed.
func redactURL(u *url.URL) string {
	c := *u
	c.User, c.Fragment, c.RawFragment = nil, "", ""
	if c.RawQuery != "" {
		parts := strings.Split(c.RawQuery, "&")
		for i, part := range parts {
			key, _, _ := strings.Cut(part, "=")
			name, err := url.QueryUnescape(key)
			allowed := false
			for _, q := range loggedQuery {
				allowed = allowed || err == nil && strings.EqualFold(name, q)
			}
			if !allowed {
				parts[i] = key + "=REDACTED"
			}
		}
		c.RawQuery = strings.Join(parts, "&")
	}
	return c.String()
}

// defaultHTTP is the client of Clients given no Doer, shared so that
// they share connections.
var defaultHTTP struct {
	once   sync.Once
	client *http.Client
}

// defaultDoer is a client with the timeouts http.DefaultClient lacks: a
// connection that cannot be made, a TLS handshake that stalls or a
// service that never answers fail the try (which is retried) instead of
// hanging it.
func defaultDoer() *http.Client {
	defaultHTTP.once.Do(func() {
		defaultHTTP.client = &http.Client{Transport: newTransport(30*time.Second, 10*time.Second, 2*time.Minute)}
	})
	return defaultHTTP.client
}

// newTransport is the Azure SDK's default transport, with a bound on the
// wait for a response's headers too; TLS 1.2 at least.
func newTransport(dial, handshake, responseHeader time.Duration) *http.Transport {
	return &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: dial, KeepAlive: 30 * time.Second}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   10,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   handshake,
		ResponseHeaderTimeout: responseHeader,
		ExpectContinueTimeout: time.Second,
		TLSClientConfig:       &tls.Config{MinVersion: tls.VersionTLS12},
	}
}
