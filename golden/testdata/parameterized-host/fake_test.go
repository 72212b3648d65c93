package parameterizedhost_test

import (
	"context"
	"iter"
	"testing"

	"github.com/armgen/armgen/golden/testdata/parameterized-host/want"
	"github.com/armgen/armgen/golden/testdata/parameterized-host/want/fake"
)

// A part of the host that a method takes as an argument reaches the func,
// for every page of a list too.
func TestHostArgumentsAgainstFake(t *testing.T) {
	var accounts []string
	srv := &fake.Server{Items: &fake.ItemsServer{
		Get: func(ctx context.Context, id string, accountName string, options *parameterizedhost.ItemsGetOptions) (parameterizedhost.ItemsGetResponse, error) {
			accounts = append(accounts, accountName)
			return parameterizedhost.ItemsGetResponse{Item: parameterizedhost.Item{ID: &id}}, nil
		},
		NewListPager: func(ctx context.Context, accountName string, options *parameterizedhost.ItemsListOptions) iter.Seq2[parameterizedhost.ItemsListResponse, error] {
			accounts = append(accounts, accountName)
			return func(yield func(parameterizedhost.ItemsListResponse, error) bool) {
				for _, id := range []string{"1", "2"} {
					if !yield(parameterizedhost.ItemsListResponse{ItemList: parameterizedhost.ItemList{Value: []parameterizedhost.Item{{ID: &id}}}}, nil) {
						return
					}
				}
			}
		},
	}}
	c := parameterizedhost.NewClient("westus", fake.NewDoer(srv), nil).Items()
	res, err := c.Get(context.Background(), "i1", "acct", nil)
	if err != nil || *res.ID != "i1" {
		t.Fatalf("Get: %+v, %v", res, err)
	}
	var ids []string
	for item, err := range c.NewListPager("other", nil).All(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, *item.ID)
	}
	if len(ids) != 2 || len(accounts) != 2 || accounts[0] != "acct" || accounts[1] != "other" {
		t.Errorf("items %v; the funcs saw the accounts %v", ids, accounts)
	}
}
