package main

import (
	"context"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"

	"github.com/armgen/armgen/generated/batch"
)

// fakeCredential stands in for an azidentity credential.
type fakeCredential struct{ asked []policy.TokenRequestOptions }

func (f *fakeCredential) GetToken(_ context.Context, o policy.TokenRequestOptions) (azcore.AccessToken, error) {
	f.asked = append(f.asked, o)
	tok := "t0ken"
	if o.Claims != "" {
		tok = "t0ken-with-claims"
	}
	return azcore.AccessToken{Token: tok, ExpiresOn: time.Now().Add(time.Hour)}, nil
}

// The credential's token reaches the service as a bearer token, for the
// endpoint's scope; a claims challenge gets a token that meets it.
func TestTokenHook(t *testing.T) {
	var auth []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth = append(auth, r.Header.Get("Authorization"))
		if len(auth) == 1 {
			w.Header().Set("WWW-Authenticate", `Bearer error="insufficient_claims", claims="`+base64.StdEncoding.EncodeToString([]byte(`{"access_token":{}}`))+`"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Write([]byte(`{"id":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/acct"}`))
	}))
	defer srv.Close()
	cred := &fakeCredential{}
	c := batch.NewClient("s", srv.Client(), &batch.ClientOptions{Endpoint: srv.URL, Token: tokenHook(cred)})
	if _, err := c.BatchAccount().Update(context.Background(), "rg", "acct", batch.BatchAccountUpdateParameters{}, nil); err != nil {
		t.Fatal(err)
	}
	if strings.Join(auth, ",") != "Bearer t0ken,Bearer t0ken-with-claims" {
		t.Errorf("Authorization = %q", auth)
	}
	if len(cred.asked) != 2 || cred.asked[0].Scopes[0] != srv.URL+"/.default" || cred.asked[1].Claims != `{"access_token":{}}` || !cred.asked[0].EnableCAE {
		t.Errorf("asked %+v", cred.asked)
	}
}

type doerFunc func(*http.Request) (*http.Response, error)

func (f doerFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }

// With the default endpoint the scope is Azure Resource Manager's.
func TestDefaultScope(t *testing.T) {
	cred := &fakeCredential{}
	d := doerFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(`{}`)), Request: r}, nil
	})
	c := batch.NewClient("s", d, &batch.ClientOptions{Token: tokenHook(cred)})
	if _, err := c.BatchAccount().Update(context.Background(), "rg", "acct", batch.BatchAccountUpdateParameters{}, nil); err != nil {
		t.Fatal(err)
	}
	if len(cred.asked) != 1 || len(cred.asked[0].Scopes) != 1 || cred.asked[0].Scopes[0] != "https://management.azure.com/.default" {
		t.Errorf("asked %+v", cred.asked)
	}
}
