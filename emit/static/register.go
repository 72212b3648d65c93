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
	"net/url"
	"strings"
	"time"
)

// Azure Resource Manager refuses a request for a resource provider the
// subscription is not registered with (409, MissingSubscriptionRegistration).
// As the Azure SDK's ARM clients do, the client then registers it (POST
// …/providers/{namespace}/register), waits until ARM says Registered, and
// sends the request once more.

// providersAPIVersion is the api-version of Microsoft.Resources'
// providers operations the client uses to register one.
const providersAPIVersion = "2019-05-01"

// providerOf reads the subscription and the resource provider namespace
// of an ARM request from its path, escaped as sent: the segment after
// subscriptions and the one after the last providers. ns is "" when the
// path is not a subscription's provider's.
func providerOf(u *url.URL) (sub, ns string) {
	segs := strings.Split(u.EscapedPath(), "/")
	for i := 0; i+1 < len(segs); i++ {
		switch {
		case sub == "" && strings.EqualFold(segs[i], "subscriptions"):
			sub = segs[i+1]
		case sub != "" && strings.EqualFold(segs[i], "providers") && segs[i+1] != "":
			ns = segs[i+1]
		}
	}
	if sub == "" {
		return "", ""
	}
	return sub, ns
}

// missingRegistration reports whether a 409 says the subscription is not
// registered with the provider. It reads the body, and puts it back for
// the operation's parser.
func missingRegistration(resp *http.Response) bool {
	const code = "MissingSubscriptionRegistration"
	body := readBody(resp)
	resp.Body = io.NopCloser(bytes.NewReader(body))
	if strings.EqualFold(resp.Header.Get("x-ms-error-code"), code) {
		return true
	}
	var e struct {
		Error struct {
			Code string `json:"code"`
		} `json:"error"`
	}
	return json.Unmarshal(body, &e) == nil && strings.EqualFold(e.Error.Code, code)
}

// registerProvider registers the subscription with the provider ns and
// waits until it is Registered, polling every registerDelay for at most
// registerTimeout (counted in polls, not by the clock).
func (p *pipeline) registerProvider(ctx context.Context, u *url.URL, sub, ns string) error {
	provider := u.Scheme + "://" + u.Host + "/subscriptions/" + sub + "/providers/" + ns
	state, err := p.providerState(ctx, http.MethodPost, provider+"/register?api-version="+providersAPIVersion)
	for polls := 0; err == nil && !strings.EqualFold(state, "Registered"); polls++ {
		if time.Duration(polls+1)*p.registerDelay > p.registerTimeout {
			return fmt.Errorf("registering %s: still %s after %s", ns, state, p.registerTimeout)
		}
		if err := p.sleep(ctx, p.registerDelay); err != nil {
			return err
		}
		state, err = p.providerState(ctx, http.MethodGet, provider+"?api-version="+providersAPIVersion)
	}
	return err
}

// providerState sends a request about a provider and reads its
// registrationState.
func (p *pipeline) providerState(ctx context.Context, method, u string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, method, u, nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("Accept", "application/json")
	p.identify(req)
	resp, err := p.send(req, false)
	if err != nil {
		return "", err
	}
	body := readBody(resp)
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("%s %s: %s: %s", method, redactURL(req.URL), resp.Status, truncate(string(body), 200))
	}
	var provider struct {
		RegistrationState string `json:"registrationState"`
	}
	if err := json.Unmarshal(body, &provider); err != nil {
		return "", fmt.Errorf("%s %s: %w", method, redactURL(req.URL), err)
	}
	if provider.RegistrationState == "" {
		return "", errors.New(method + " " + redactURL(req.URL) + ": no registrationState in the answer")
	}
	return provider.RegistrationState, nil
}

// logRegistration says how registering a provider went.
func (p *pipeline) logRegistration(ctx context.Context, ns string, err error) {
	if p.logger == nil {
		return
	}
	if err != nil {
		p.logger.LogAttrs(ctx, slog.LevelWarn, "registering resource provider failed", slog.String("namespace", ns), slog.String("error", err.Error()))
		return
	}
	p.logger.LogAttrs(ctx, slog.LevelInfo, "registered resource provider", slog.String("namespace", ns))
}
