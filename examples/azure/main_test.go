package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"

	"github.com/armgen/armgen/generated/batch"
)

type fakeCredential struct{ scopes []string }

func (f *fakeCredential) GetToken(_ context.Context, o policy.TokenRequestOptions) (azcore.AccessToken, error) {
	f.scopes = o.Scopes
	return azcore.AccessToken{Token: "t0ken", ExpiresOn: time.Now().Add(time.Hour)}, nil
}

// The token reaches the service as a bearer token, for the ARM scope.
func TestTokenDoer(t *testing.T) {
	var auth string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth = r.Header.Get("Authorization")
		w.Write([]byte(`{"id":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/acct"}`))
	}))
	defer srv.Close()
	cred := &fakeCredential{}
	c := batch.NewClient("s", tokenDoer{cred: cred, next: srv.Client()}, &batch.ClientOptions{Endpoint: srv.URL})
	if _, err := c.BatchAccount().Update(context.Background(), "rg", "acct", batch.BatchAccountUpdateParameters{}, nil); err != nil {
		t.Fatal(err)
	}
	if auth != "Bearer t0ken" {
		t.Errorf("Authorization = %q", auth)
	}
	if len(cred.scopes) != 1 || cred.scopes[0] != scope {
		t.Errorf("scopes = %v", cred.scopes)
	}
}
