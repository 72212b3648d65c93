package pageablelongrunning_test

import (
	"context"
	"iter"
	"slices"
	"testing"
	"time"

	pageablelongrunning "github.com/armgen/armgen/golden/testdata/pageable-long-running/want"
	"github.com/armgen/armgen/golden/testdata/pageable-long-running/want/fake"
)

// A long-running operation that ends with a list: the poller's result is
// the first page, and the pager walks on through the fake's next links.
func TestLongRunningListAgainstFake(t *testing.T) {
	page := func(values ...string) pageablelongrunning.PagingGetMultiplePagesLROResponse {
		return pageablelongrunning.PagingGetMultiplePagesLROResponse{ProductResult: pageablelongrunning.ProductResult{Values: values}}
	}
	srv := &fake.Server{Polls: 1, Paging: &fake.PagingServer{
		BeginGetMultiplePagesLRO: func(ctx context.Context, options *pageablelongrunning.PagingGetMultiplePagesLROOptions) iter.Seq2[pageablelongrunning.PagingGetMultiplePagesLROResponse, error] {
			return func(yield func(pageablelongrunning.PagingGetMultiplePagesLROResponse, error) bool) {
				_ = yield(page("a", "b"), nil) && yield(page("c"), nil) && yield(page("d"), nil)
			}
		},
	}}
	c := pageablelongrunning.NewClient(fake.NewDoer(srv), nil).Paging()
	poller, err := c.BeginGetMultiplePagesLRO(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	first, err := poller.PollUntilDone(context.Background(), time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for v, err := range c.NewGetMultiplePagesLROPager(first, nil).All(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, v)
	}
	if !slices.Equal(all, []string{"a", "b", "c", "d"}) {
		t.Errorf("walked %v", all)
	}
}
