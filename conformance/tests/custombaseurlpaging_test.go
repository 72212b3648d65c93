//go:build conformance

package tests

import (
	"net/url"
	"testing"

	"github.com/armgen/armgen/conformance/gen/custombaseurlpaging"
)

// custom-baseUrl-paging.json: the host is the template {accountName}{host}
// (x-ms-parameterized-host); the account is an argument of each call, the
// host part the client's, and next links are relative to the host.
func TestCustomBaseURLPaging(t *testing.T) {
	u, err := url.Parse(server)
	if err != nil {
		t.Fatal(err)
	}
	// 127.0.0.1:PORT made of the account "127.0.0.1" and the host ":PORT".
	account, host := u.Hostname(), ":"+u.Port()
	c := custombaseurlpaging.NewClient(nil, &custombaseurlpaging.ClientOptions{Scheme: u.Scheme, Host: &host}).Paging()
	names := func(t *testing.T, pager *custombaseurlpaging.PagingGetPagesPartialURLPager) []string {
		t.Helper()
		var got []string
		for p, err := range pager.All(ctx) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, *p.Properties.Name)
		}
		return got
	}
	t.Run("PagingCustomUrlPartialNextLink", func(t *testing.T) {
		equal(t, len(names(t, c.NewGetPagesPartialURLPager(account, nil))), 2)
	})
	t.Run("PagingCustomUrlPartialOperationNextLink", func(t *testing.T) {
		n := 0
		for _, err := range c.NewGetPagesPartialURLOperationPager(account, nil).All(ctx) {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		equal(t, n, 2)
	})
}
