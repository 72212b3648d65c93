// Command azure updates a real Batch account with the package armgen
// generated (generated/batch), authenticating with azidentity: the
// generated code needs nothing but a Doer, and this is how a Doer gets
// Azure tokens. It lives in its own module so that neither armgen nor the
// generated package depends on the Azure SDK.
//
//	go run . -subscription SUB -resource-group RG -account NAME -tag env=dev
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"

	"github.com/armgen/armgen/generated/batch"
)

// scope is the Azure Resource Manager audience.
const scope = "https://management.azure.com/.default"

// tokenDoer adds a bearer token from an azidentity credential to every
// request, then sends it with an ordinary http.Client.
type tokenDoer struct {
	cred azcore.TokenCredential
	next batch.Doer
}

func (d tokenDoer) Do(req *http.Request) (*http.Response, error) {
	tok, err := d.cred.GetToken(req.Context(), policy.TokenRequestOptions{Scopes: []string{scope}})
	if err != nil {
		return nil, fmt.Errorf("getting a token: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+tok.Token)
	return d.next.Do(req)
}

func main() {
	sub := flag.String("subscription", os.Getenv("AZURE_SUBSCRIPTION_ID"), "subscription ID")
	rg := flag.String("resource-group", "", "resource group of the Batch account")
	account := flag.String("account", "", "Batch account name")
	tag := flag.String("tag", "", "a tag to set, as key=value")
	flag.Parse()
	if *sub == "" || *rg == "" || *account == "" {
		flag.Usage()
		os.Exit(2)
	}
	cred, err := azidentity.NewDefaultAzureCredential(nil)
	if err != nil {
		log.Fatal(err)
	}
	client := batch.NewClient(*sub, tokenDoer{cred: cred, next: http.DefaultClient}, nil)
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
