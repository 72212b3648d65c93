// Command azure updates a real Batch account with the package armgen
// generated (generated/batch), authenticating with azidentity: the
// generated client takes a token hook (ClientOptions.Token), and an
// azidentity credential adapts to it in a few lines. It lives in its own
// module so that neither armgen nor the generated package depends on the
// Azure SDK.
//
//	go run . -subscription SUB -resource-group RG -account NAME -tag env=dev
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"

	"github.com/armgen/armgen/generated/batch"
)

// tokenHook adapts an azidentity credential (any azcore.TokenCredential)
// to ClientOptions.Token. The client asks for the scope of its endpoint
// and passes on the claims of a claims challenge; EnableCAE tells Entra ID
// that the client handles those.
func tokenHook(cred azcore.TokenCredential) func(context.Context, []string, string) (string, time.Time, error) {
	return func(ctx context.Context, scopes []string, claims string) (string, time.Time, error) {
		tok, err := cred.GetToken(ctx, policy.TokenRequestOptions{Scopes: scopes, Claims: claims, EnableCAE: true})
		return tok.Token, tok.ExpiresOn, err
	}
}

func main() {
	sub := flag.String("subscription", os.Getenv("AZURE_SUBSCRIPTION_ID"), "subscription ID")
	rg := flag.String("resource-group", "", "resource group of the Batch account")
	account := flag.String("account", "", "Batch account name")
	tag := flag.String("tag", "", "a tag to set, as key=value")
	verbose := flag.Bool("v", false, "log each request")
	flag.Parse()
	if *sub == "" || *rg == "" || *account == "" {
		flag.Usage()
		os.Exit(2)
	}
	cred, err := azidentity.NewDefaultAzureCredential(nil)
	if err != nil {
		log.Fatal(err)
	}
	options := &batch.ClientOptions{Token: tokenHook(cred), ApplicationID: "armgen-example"}
	if *verbose {
		options.Logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	// A nil Doer: the client's own http.Client, with timeouts; retries,
	// request ids and provider registration come with the client.
	client := batch.NewClient(*sub, nil, options)
	var params batch.BatchAccountUpdateParameters
	if k, v, ok := strings.Cut(*tag, "="); ok {
		params.Tags = map[string]string{k: v}
	}
	acct, err := client.BatchAccount().Update(context.Background(), *rg, *account, params, nil)
	if err != nil {
		log.Fatal(err) // a *batch.ResponseError says what the service said
	}
	fmt.Printf("%s: %s, tags %v\n", *acct.ID, *acct.Properties.ProvisioningState, acct.Tags)
}
