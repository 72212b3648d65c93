// Package validation_test checks that, with CheckConstraints, invalid
// arguments are refused before any request is sent, with an error naming
// the value, and valid ones pass; without it, the service judges them.
package validation_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/armgen/armgen/golden/testdata/validation/want"
)

func TestRefusedBeforeSending(t *testing.T) {
	sent := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { sent++ }))
	defer srv.Close()
	c := validation.NewClient(srv.Client(), &validation.ClientOptions{Endpoint: srv.URL, CheckConstraints: true}).Products()
	ctx := context.Background()
	put := func(rg string, id int64, o *validation.ProductsPutOptions) error {
		_, err := c.Put(ctx, rg, id, o)
		return err
	}
	body := func(p validation.Product) *validation.ProductsPutOptions {
		return &validation.ProductsPutOptions{Body: &p}
	}
	child := func(n int32) validation.Child { return validation.Child{Count: &n} }
	for _, tc := range []struct {
		name string
		err  error
		want string // in the error: the value's path
	}{
		{"too short", put("ab", 100, nil), "resourceGroupName"},
		{"too long", put("abcdefghijk", 100, nil), "resourceGroupName"},
		{"pattern", put("!@#$", 100, nil), "resourceGroupName"},
		{"maximum", put("abc", 1010, nil), "id"},
		{"minimum", put("abc", 90, nil), "id"},
		{"multipleOf", put("abc", 105, nil), "id"},
		{"minItems", put("abc", 100, &validation.ProductsPutOptions{Tags: []string{}}), "tags"},
		{"uniqueItems", put("abc", 100, &validation.ProductsPutOptions{Tags: []string{"a", "a"}}), "tags"},
		{"exclusiveMinimum", put("abc", 100, body(validation.Product{Capacity: validation.Ptr[int64](0)})), "body.capacity"},
		{"exclusiveMaximum", put("abc", 100, body(validation.Product{Capacity: validation.Ptr[int64](100)})), "body.capacity"},
		{"maxItems", put("abc", 100, body(validation.Product{DisplayNames: strings.Split("abcdefg", "")})), "body.display_names"},
		{"unique property", put("abc", 100, body(validation.Product{DisplayNames: []string{"x", "x"}})), "body.display_names"},
		{"property pattern", put("abc", 100, body(validation.Product{Image: validation.Ptr("image")})), "body.image"},
		{"nested", put("abc", 100, body(validation.Product{Child: &validation.Child{Count: validation.Ptr[int32](6)}})), "body.child.count"},
		{"in an array", put("abc", 100, body(validation.Product{Children: []validation.Child{child(1), child(9)}})), "body.children[1].count"},
		{"in a map", put("abc", 100, body(validation.Product{ByName: map[string]*validation.Child{"a": nil, "b": validation.Ptr(child(9))}})), `body.byName["b"].count`},
		{"array body", func() error {
			_, err := c.Batch(ctx, []validation.Product{{}, {Capacity: validation.Ptr[int64](-1)}}, nil)
			return err
		}(), "products[1].capacity"},
	} {
		if tc.err == nil || !strings.Contains(tc.err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one about %s", tc.name, tc.err, tc.want)
		}
	}
	if sent != 0 {
		t.Errorf("%d requests sent, want none", sent)
	}

	// Valid values, and unset ones, pass.
	ok := validation.Product{
		Capacity: validation.Ptr[int64](50), DisplayNames: []string{"a", "b"}, Image: validation.Ptr("http://x"),
		Child: &validation.Child{Count: validation.Ptr[int32](5)}, Children: []validation.Child{child(0)},
		ByName: map[string]*validation.Child{"a": nil}, Plain: &validation.Plain{},
	}
	if err := put("abc", 1000, &validation.ProductsPutOptions{Tags: []string{"a", "b"}, Body: &ok}); err != nil {
		t.Error(err)
	}
	if err := put("abc", 100, body(validation.Product{})); err != nil {
		t.Error(err)
	}
	if _, err := c.Batch(ctx, nil, nil); err != nil {
		t.Error(err)
	}
	if sent != 3 {
		t.Errorf("%d requests sent, want 3", sent)
	}
}

// A read-only property is the service's: a value read back and sent again
// is not refused for it.
func TestReadOnlyNotChecked(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	c := validation.NewClient(srv.Client(), &validation.ClientOptions{Endpoint: srv.URL, CheckConstraints: true}).Products()
	p := validation.Product{ETag: validation.Ptr("longer than two")}
	if _, err := c.Put(context.Background(), "abc", 100, &validation.ProductsPutOptions{Body: &p}); err != nil {
		t.Error(err)
	}
}

// By default the spec's constraints are the service's to enforce: values
// that break them are sent; an empty path parameter never is.
func TestSentByDefault(t *testing.T) {
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { paths = append(paths, r.URL.EscapedPath()) }))
	defer srv.Close()
	c := validation.NewClient(srv.Client(), &validation.ClientOptions{Endpoint: srv.URL}).Products()
	ctx := context.Background()
	for _, tc := range []struct {
		rg string
		id int64
		o  *validation.ProductsPutOptions
	}{
		{"ab", 100, nil},
		{"!@#$", 1010, nil},
		{"abc", 105, &validation.ProductsPutOptions{Tags: []string{"a", "a"}}},
		{"abc", 100, &validation.ProductsPutOptions{Body: &validation.Product{Capacity: validation.Ptr[int64](0), Image: validation.Ptr("image")}}},
	} {
		if _, err := c.Put(ctx, tc.rg, tc.id, tc.o); err != nil {
			t.Errorf("%s %d: %v", tc.rg, tc.id, err)
		}
	}
	if len(paths) != 4 || !strings.Contains(paths[1], "/%21@%23$/") {
		t.Errorf("sent %q", paths)
	}
	if _, err := c.Put(ctx, "", 100, nil); err == nil || !strings.Contains(err.Error(), "resourceGroupName") || len(paths) != 4 {
		t.Errorf("an empty resource group: %v", err)
	}
}
