// Command fakecontract uses the fake package of the full Batch spec
// (armgen -fakes) the way a downstream test does, through nothing but its
// contract: fake.Server, the func fields of fake.<Group>Server,
// fake.NewDoer, and *batch.ResponseError from a func. It calls Update,
// walks a pager and follows pollers, with no network: the default HTTP
// transport fails if anything reaches it. TestBatchSpecsWithExamples
// copies it beside the generated package and runs it.
package main

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"os"
	"slices"
	"time"

	"example.com/gen/batch"
	"example.com/gen/batch/fake"
)

type noNetwork struct{}

func (noNetwork) RoundTrip(req *http.Request) (*http.Response, error) {
	fmt.Fprintln(os.Stderr, "the network was used:", req.Method, req.URL)
	os.Exit(1)
	return nil, nil
}

func check(ok bool, format string, args ...any) {
	if !ok {
		fmt.Fprintf(os.Stderr, "FAIL: "+format+"\n", args...)
		os.Exit(1)
	}
}

func account(name string) batch.BatchAccount {
	return batch.BatchAccount{Name: batch.Ptr(name), Location: batch.Ptr("westus")}
}

func main() {
	http.DefaultTransport = noNetwork{}
	ctx := context.Background()
	var updated batch.BatchAccountUpdateParameters
	srv := &fake.Server{Polls: 2, BatchAccount: &fake.BatchAccountServer{
		Update: func(ctx context.Context, resourceGroupName string, accountName string, parameters batch.BatchAccountUpdateParameters, options *batch.BatchAccountUpdateOptions) (batch.BatchAccountUpdateResponse, error) {
			if accountName == "missing" {
				return batch.BatchAccountUpdateResponse{}, &batch.ResponseError{StatusCode: 404, Code: "ResourceNotFound", Message: "no account " + accountName}
			}
			updated = parameters
			a := account(accountName)
			a.Tags = parameters.Tags
			a.ID = batch.Ptr("/subscriptions/sub1/resourceGroups/" + resourceGroupName + "/providers/Microsoft.Batch/batchAccounts/" + accountName)
			return batch.BatchAccountUpdateResponse{BatchAccount: a}, nil
		},
		NewListByResourceGroupPager: func(ctx context.Context, resourceGroupName string, options *batch.BatchAccountListByResourceGroupOptions) iter.Seq2[batch.BatchAccountListByResourceGroupResponse, error] {
			return func(yield func(batch.BatchAccountListByResourceGroupResponse, error) bool) {
				for _, names := range [][]string{{"a", "b"}, {"c"}, {"d", "e"}} {
					var page batch.BatchAccountListByResourceGroupResponse
					for _, n := range names {
						page.Value = append(page.Value, account(resourceGroupName+"-"+n))
					}
					if !yield(page, nil) {
						return
					}
				}
			}
		},
		BeginCreate: func(ctx context.Context, resourceGroupName string, accountName string, parameters batch.BatchAccountCreateParameters, options *batch.BatchAccountCreateOptions) (batch.BatchAccountCreateResponse, error) {
			a := account(accountName)
			a.Location = parameters.Location
			return batch.BatchAccountCreateResponse{BatchAccount: a}, nil
		},
		BeginDelete: func(ctx context.Context, resourceGroupName string, accountName string, options *batch.BatchAccountDeleteOptions) (batch.BatchAccountDeleteResponse, error) {
			return batch.BatchAccountDeleteResponse{}, &batch.ResponseError{StatusCode: 409, Code: "AccountInUse", Message: "pools remain"}
		},
	}}
	client := batch.NewClient("sub1", fake.NewDoer(srv), nil)
	accounts := client.BatchAccount()

	// Update: the arguments arrive, the result comes back.
	res, err := accounts.Update(ctx, "rg1", "acct1", batch.BatchAccountUpdateParameters{Tags: map[string]string{"env": "dev"}}, nil)
	check(err == nil, "Update: %v", err)
	check(updated.Tags["env"] == "dev" && *res.Name == "acct1" && res.Tags["env"] == "dev" && *res.ID == "/subscriptions/sub1/resourceGroups/rg1/providers/Microsoft.Batch/batchAccounts/acct1",
		"Update: the func got %+v, returned %+v", updated, res)
	_, err = accounts.Update(ctx, "rg1", "missing", batch.BatchAccountUpdateParameters{}, nil)
	var re *batch.ResponseError
	check(errors.As(err, &re) && re.StatusCode == 404 && re.Code == "ResourceNotFound" && re.Message == "no account missing", "Update of a missing account: %v", err)

	// A pager sees every page.
	pager := accounts.NewListByResourceGroupPager("rg1", nil)
	var names []string
	pages := 0
	for page, err := range pager.Pages(ctx) {
		check(err == nil, "pager: %v", err)
		pages++
		for _, a := range page.Value {
			names = append(names, *a.Name)
		}
	}
	check(pages == 3 && slices.Equal(names, []string{"rg1-a", "rg1-b", "rg1-c", "rg1-d", "rg1-e"}), "pager: %d pages of %v", pages, names)

	// A poller finishes, also when rebuilt from its resume token; a
	// failed operation ends in *ResponseError.
	poller, err := accounts.BeginCreate(ctx, "rg1", "acct2", batch.BatchAccountCreateParameters{Location: batch.Ptr("eastus")}, nil)
	check(err == nil, "BeginCreate: %v", err)
	check(poller.Poll(ctx) == nil && !poller.Done(), "BeginCreate: the first poll ends it")
	token, err := poller.ResumeToken()
	check(err == nil, "ResumeToken: %v", err)
	resumed, err := accounts.ResumeCreate(token)
	check(err == nil, "ResumeCreate: %v", err)
	created, err := resumed.PollUntilDone(ctx, time.Millisecond)
	check(err == nil && *created.Name == "acct2" && *created.Location == "eastus", "BeginCreate: %+v, %v", created, err)
	deleting, err := accounts.BeginDelete(ctx, "rg1", "acct2", nil)
	check(err == nil, "BeginDelete: %v", err)
	_, err = deleting.PollUntilDone(ctx, time.Millisecond)
	check(errors.As(err, &re) && re.Code == "AccountInUse" && re.Message == "pools remain", "BeginDelete: %v", err)

	// An operation without a func answers 501, naming it.
	_, err = client.Pool().Get(ctx, "rg1", "acct1", "pool1", nil)
	check(errors.As(err, &re) && re.StatusCode == 501, "Pool.Get without a func: %v", err)

	fmt.Printf("Update, a pager of %d pages and %d accounts, pollers of BeginCreate (resumed) and BeginDelete (failed): no network\n", pages, len(names))
}
