package paging_test

import (
	"context"
	"errors"
	"iter"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/armgen/armgen/golden/testdata/paging/want"
	"github.com/armgen/armgen/golden/testdata/paging/want/fake"
)

// vms is a page of VMs of the given names.
func vms(names ...string) paging.VirtualMachinesListResponse {
	var page paging.VirtualMachinesListResponse
	for _, n := range names {
		page.Value = append(page.Value, paging.VM{Name: paging.Ptr(n)})
	}
	return page
}

// The generated pager walks the pages a fake func returns, page by page,
// through the next links the fake hands out; the options arrive as sent.
func TestPagerAgainstFake(t *testing.T) {
	var filters []string
	srv := &fake.Server{VirtualMachines: &fake.VirtualMachinesServer{
		NewListPager: func(ctx context.Context, options *paging.VirtualMachinesListOptions) iter.Seq2[paging.VirtualMachinesListResponse, error] {
			filters = append(filters, *options.Filter)
			return func(yield func(paging.VirtualMachinesListResponse, error) bool) {
				_ = yield(vms("a", "b"), nil) && yield(vms(), nil) && yield(vms("c"), nil)
			}
		},
	}}
	c := paging.NewClient(fake.NewDoer(srv), nil)
	pager := c.VirtualMachines().NewListPager(&paging.VirtualMachinesListOptions{Filter: paging.Ptr("name eq 'a'")})
	var names []string
	pages := 0
	for pager.More() {
		page, err := pager.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, vm := range page.Value {
			names = append(names, *vm.Name)
		}
	}
	if strings.Join(names, ",") != "a,b,c" || pages != 3 || !slices.Equal(filters, []string{"name eq 'a'"}) {
		t.Errorf("%d pages of %v; the func saw filters %q", pages, names, filters)
	}
}

// A list whose next link is odata.nextLink and items are "items"; an
// error in the middle of a list comes back as *ResponseError where it
// comes, after the pages before it. (The spec documents no error model:
// the message is in the body, as ARM writes it.)
func TestPagerErrorAgainstFake(t *testing.T) {
	srv := &fake.Server{Disks: &fake.DisksServer{
		NewListPager: func(ctx context.Context, options *paging.DisksListOptions) iter.Seq2[paging.DisksListResponse, error] {
			return func(yield func(paging.DisksListResponse, error) bool) {
				if !yield(paging.DisksListResponse{DiskList: paging.DiskList{Items: []string{"d1", "d2"}}}, nil) {
					return
				}
				yield(paging.DisksListResponse{}, &paging.ResponseError{StatusCode: 403, Code: "AuthorizationFailed", Message: "no"})
			}
		},
	}}
	c := paging.NewClient(fake.NewDoer(srv), nil)
	var disks []string
	var err error
	for d, e := range c.Disks().NewListPager(nil).All(context.Background()) {
		if e != nil {
			err = e
			break
		}
		disks = append(disks, d)
	}
	var re *paging.ResponseError
	if !errors.As(err, &re) || re.StatusCode != 403 || re.Code != "AuthorizationFailed" || string(re.RawBody) != `{"error":{"code":"AuthorizationFailed","message":"no"}}` {
		t.Fatalf("after %v: %v", disks, err)
	}
	if !slices.Equal(disks, []string{"d1", "d2"}) {
		t.Errorf("disks before the error: %v", disks)
	}
}

// A list that comes in one page, through an httptest.Server: the fake
// Server is an http.Handler.
func TestOnePageAgainstFakeHandler(t *testing.T) {
	var vmArg string
	srv := &fake.Server{VirtualMachines: &fake.VirtualMachinesServer{
		NewListSizesPager: func(ctx context.Context, vm string, options *paging.VirtualMachinesListSizesOptions) iter.Seq2[paging.VirtualMachinesListSizesResponse, error] {
			vmArg = vm
			return func(yield func(paging.VirtualMachinesListSizesResponse, error) bool) {
				yield(paging.VirtualMachinesListSizesResponse{SizeList: paging.SizeList{Value: []string{"small", "large"}}}, nil)
			}
		},
	}}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	c := paging.NewClient(hs.Client(), &paging.ClientOptions{Endpoint: hs.URL})
	var sizes []string
	for size, err := range c.VirtualMachines().NewListSizesPager("vm 1/a", nil).All(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, size)
	}
	if vmArg != "vm 1/a" || !slices.Equal(sizes, []string{"small", "large"}) {
		t.Errorf("vm %q, sizes %v", vmArg, sizes)
	}
	// An operation without a func is 501, and says which.
	_, err := c.Disks().NewListPager(nil).NextPage(context.Background())
	var re *paging.ResponseError
	if !errors.As(err, &re) || re.StatusCode != 501 || !strings.Contains(string(re.RawBody), "fake: Server.Disks.NewListPager is nil: set it to serve Disks_List") {
		t.Errorf("a nil func: %v", err)
	}
}
