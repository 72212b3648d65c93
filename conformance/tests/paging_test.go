//go:build conformance

package tests

import (
	"iter"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/armgen/armgen/conformance/gen/paging"
)

// ids walks a pager's items and returns their ids, failing on an error.
func ids(t *testing.T, items iter.Seq2[paging.Product, error]) []int64 {
	t.Helper()
	var got []int64
	for p, err := range items {
		if err != nil {
			t.Fatalf("after %d items: %v", len(got), err)
		}
		if p.Properties == nil || p.Properties.ID == nil {
			t.Fatalf("item %d has no id: %+v", len(got), p)
		}
		got = append(got, *p.Properties.ID)
	}
	return got
}

// upTo is 1, 2, …, n.
func upTo(n int64) []int64 {
	s := make([]int64, n)
	for i := range s {
		s[i] = int64(i) + 1
	}
	return s
}

func equalIDs(t *testing.T, got, want []int64) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Fatalf("ids %v, want %v", got, want)
	}
}

func TestPaging(t *testing.T) {
	newClient := func(d Doer) paging.PagingClient {
		return paging.NewClient(d, &paging.ClientOptions{Endpoint: server, Retry: paging.RetryOptions{RetryDelay: time.Millisecond}}).Paging()
	}
	c := newClient(nil)

	// itemName defaults to "value".
	t.Run("PagingNoItemName", func(t *testing.T) {
		equalIDs(t, ids(t, c.NewGetNoItemNamePagesPager(nil).All(ctx)), []int64{1})
	})
	// nextLinkName null: one page, whatever the body holds (the server
	// sends a next link that would fail).
	t.Run("PagingNextLinkNameNull", func(t *testing.T) {
		p := c.NewGetNullNextLinkNamePagesPager(nil)
		page := call(p.NextPage(ctx)).ok(t)
		equal(t, len(page.Values), 1)
		equal(t, p.More(), false)
		equalIDs(t, ids(t, c.NewGetNullNextLinkNamePagesPager(nil).All(ctx)), []int64{1})
	})
	// An empty next link ends the list.
	t.Run("PagingEmptyNextLink", func(t *testing.T) {
		p := c.NewGetEmptyNextLinkNamePagesPager(nil)
		page := call(p.NextPage(ctx)).ok(t)
		equal(t, len(page.Value), 1)
		equal(t, p.More(), false)
	})
	t.Run("PagingSingle", func(t *testing.T) {
		equalIDs(t, ids(t, c.NewGetSinglePagesPager(nil).All(ctx)), []int64{1})
	})
	// A GET with a body: sent as the spec says.
	t.Run("PagingSingleWithBodyParams", func(t *testing.T) {
		p := c.NewGetSinglePagesWithBodyParamsPager(paging.BodyParam{Name: paging.Ptr("body")}, nil)
		equalIDs(t, ids(t, p.All(ctx)), []int64{1})
	})
	// A first page with no items but a (relative) next link goes on.
	t.Run("PagingFirstResponseEmpty", func(t *testing.T) {
		var sizes []int
		for page, err := range c.NewFirstResponseEmptyPager(nil).Pages(ctx) {
			if err != nil {
				t.Fatal(err)
			}
			sizes = append(sizes, len(page.Value))
		}
		equal(t, slices.Equal(sizes, []int{0, 1}), true)
	})
	// Ten pages; the operation's header parameters go with every page,
	// not only the first.
	t.Run("PagingMultiple", func(t *testing.T) {
		rec := record(nil)
		opts := &paging.PagingGetMultiplePagesOptions{ClientRequestID: paging.Ptr("client-id"), Maxresults: paging.Ptr[int32](1)}
		equalIDs(t, ids(t, newClient(rec).NewGetMultiplePagesPager(opts).All(ctx)), upTo(10))
		reqs := rec.requests()
		equal(t, len(reqs), 10)
		for i, r := range reqs {
			if r.Header.Get("client-request-id") != "client-id" || r.Header.Get("maxresults") != "1" {
				t.Errorf("page %d (%s) went without the operation's headers: %v", i+1, r.URL, r.Header)
			}
		}
	})
	// x-ms-pageable operationName: later pages come from the operation the
	// spec names, with its own (constant) query parameter and not the
	// first operation's required one.
	t.Run("PagingMultipleWithQueryParameters", func(t *testing.T) {
		equalIDs(t, ids(t, c.NewGetWithQueryParamsPager(100, nil).All(ctx)), []int64{1, 2})
	})
	// The next link repeats the first request's $filter: it is followed as
	// it is, the parameter not added again.
	t.Run("PagingDuplicateParameters", func(t *testing.T) {
		rec := record(nil)
		p := newClient(rec).NewDuplicateParamsPager(&paging.PagingDuplicateParamsOptions{Filter: paging.Ptr("foo")})
		equalIDs(t, ids(t, p.All(ctx)), []int64{1})
		reqs := rec.requests()
		equal(t, len(reqs), 2)
		equal(t, reqs[0].URL.Query().Get("$filter"), "foo")
		equal(t, strings.Join(reqs[1].URL.Query()["$filter"], ","), "serviceReturned")
	})
	t.Run("PagingOdataMultiple", func(t *testing.T) {
		equalIDs(t, ids(t, c.NewGetODataMultiplePagesPager(nil).All(ctx)), upTo(10))
	})
	t.Run("PagingMultiplePath", func(t *testing.T) {
		got := ids(t, c.NewGetMultiplePagesWithOffsetPager(100, nil).All(ctx))
		want := []int64{1}
		for i := int64(2); i <= 10; i++ {
			want = append(want, 100+i)
		}
		equalIDs(t, got, want)
	})
	// The server fails the first try of a page with a 500; the client
	// tries the page again.
	t.Run("PagingMultipleRetryFirst", func(t *testing.T) {
		r := record(cookieClient(t))
		equalIDs(t, ids(t, newClient(r).NewGetMultiplePagesRetryFirstPager(nil).All(ctx)), upTo(10))
		equal(t, len(r.requests()), 11)
	})
	t.Run("PagingMultipleRetrySecond", func(t *testing.T) {
		r := record(cookieClient(t))
		got := ids(t, newClient(r).NewGetMultiplePagesRetrySecondPager(nil).All(ctx))
		equalIDs(t, got, []int64{1, 1, 3, 4, 5, 6, 7, 8, 9, 10})
		equal(t, len(r.requests()), 11)
	})
	t.Run("PagingSingleFailure", func(t *testing.T) {
		p := c.NewGetSinglePagesFailurePager(nil)
		err := call(p.NextPage(ctx)).failed(t)
		equal(t, responseError[paging.ResponseError](t, err).StatusCode, 400)
	})
	// A failing second page: the first page's items come, then the error,
	// once, and the walk ends.
	t.Run("PagingMultipleFailure", func(t *testing.T) {
		var got []int64
		var errs []error
		for item, err := range c.NewGetMultiplePagesFailurePager(nil).All(ctx) {
			if err != nil {
				errs = append(errs, err)
				continue
			}
			got = append(got, *item.Properties.ID)
		}
		equalIDs(t, got, []int64{1})
		equal(t, len(errs), 1)
		equal(t, responseError[paging.ResponseError](t, errs[0]).StatusCode, 400)
	})
	// A next link that is no URL: the second page fails, it is not
	// silently the end of the list.
	t.Run("PagingMultipleFailureUri", func(t *testing.T) {
		p := c.NewGetMultiplePagesFailureURIPager(nil)
		page := call(p.NextPage(ctx)).ok(t)
		equal(t, *page.NextLink, "*&*#&$")
		equal(t, p.More(), true)
		call(p.NextPage(ctx)).failed(t)
	})
	// odata.nextLink is a fragment ("next?page=2") that the next operation
	// (x-ms-paths) puts into its own path, with the tenant and api_version
	// of the first call.
	t.Run("PagingFragment", func(t *testing.T) {
		got := ids(t, c.NewGetMultiplePagesFragmentNextLinkPager("1.6", "test_user", nil).All(ctx))
		equalIDs(t, got, upTo(10))
		// The same with x-ms-parameter-grouping on the parameters, which
		// armgen passes one by one (the server counts no scenario for it).
		got = ids(t, c.NewGetMultiplePagesFragmentWithGroupingNextLinkPager("1.6", "test_user", nil).All(ctx))
		equalIDs(t, got, upTo(10))
	})
	// Items under an x-ms-client-name'd property.
	t.Run("PagingReturnModelWithXMSClientName", func(t *testing.T) {
		p := c.NewGetPagingModelWithItemNameWithXMSClientNamePager(nil)
		page := call(p.NextPage(ctx)).ok(t)
		equal(t, len(page.Indexes), 1)
		equal(t, *page.Indexes[0].Properties.ID, 1)
	})
	// The next page is fetched with the client's api-version, added to
	// the next link…
	t.Run("PagingWithApiVersionAppend", func(t *testing.T) {
		rec := record(nil)
		equalIDs(t, ids(t, newClient(rec).NewAppendAPIVersionPager(nil).All(ctx)), []int64{1})
		reqs := rec.requests()
		equal(t, len(reqs), 2)
		q := reqs[1].URL.Query()
		equal(t, strings.Join(q["api-version"], ","), paging.APIVersion)
		equal(t, q.Get("$skiptoken"), "bar")
	})
	// …or replacing the one the link carries, whatever its case; the rest
	// of the link is kept as sent.
	t.Run("PagingWithApiVersionReplace", func(t *testing.T) {
		rec := record(nil)
		equalIDs(t, ids(t, newClient(rec).NewReplaceAPIVersionPager(nil).All(ctx)), []int64{1})
		reqs := rec.requests()
		equal(t, len(reqs), 2)
		var versions []string
		for k, v := range reqs[1].URL.Query() {
			if strings.EqualFold(k, "api-version") {
				versions = append(versions, v...)
			}
		}
		equal(t, strings.Join(versions, ","), paging.APIVersion)
		equal(t, strings.Contains(reqs[1].URL.RawQuery, "startTime=1/1/1970%2012%3A00%3A00%20AM%20%2B00%3A00"), true)
	})
	// A long-running operation whose result is a list: the poller's result
	// is the first page, and a pager walks on from it.
	t.Run("PagingMultipleLRO", func(t *testing.T) {
		poller := call(c.BeginGetMultiplePagesLRO(ctx, nil)).ok(t)
		first := call(poller.PollUntilDone(ctx, time.Millisecond)).ok(t)
		equalIDs(t, ids(t, c.NewGetMultiplePagesLROPager(first, nil).All(ctx)), upTo(10))
	})
}
