//go:build conformance

package tests

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/armgen/armgen/conformance/gen/constants"
	"github.com/armgen/armgen/conformance/gen/validation"
)

func TestValidationConstants(t *testing.T) {
	c := validation.NewClient("12-34-5678", "subscription", nil, &validation.ClientOptions{Endpoint: server})
	// The path's only value is fixed by the spec: no argument, always sent.
	t.Run("ConstantsInPath", func(t *testing.T) { call(c.GetWithConstantInPath(ctx, nil)).ok(t) })
	// Required properties the spec fixes to one value are sent without
	// being set, in nested models too; the server echoes the body.
	t.Run("ConstantsInBody", func(t *testing.T) {
		body := validation.Product{Child: &validation.ChildProduct{}, ConstChild: &validation.ConstantProduct{}}
		r := call(c.PostWithConstantInBody(ctx, &validation.PostWithConstantInBodyOptions{Body: &body})).ok(t)
		equal(t, *r.ConstString, "constant")
		equal(t, *r.ConstInt, 0)
		equal(t, *r.Child.ConstProperty, "constant")
		equal(t, *r.ConstChild.ConstProperty, "constant")
		equal(t, *r.ConstChild.ConstProperty2, "constant2")
	})
}

// refuse is a Doer for clients that must not send anything: the checks
// of the arguments come first. It fails the test that owns it.
type refuse struct{ t *testing.T }

func (r refuse) Do(req *http.Request) (*http.Response, error) {
	r.t.Errorf("the client sent %s %s, want it refused before sending", req.Method, req.URL)
	return nil, errors.New("sent")
}

// refusedFor insists err is a refusal naming the value.
func refusedFor(t *testing.T, err error, name string) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), name) {
		t.Fatalf("error %v, want a refusal naming %s", err, name)
	}
}

// TestValidationRefused runs validation.json's client-side checks (the
// server has no scenario for them: a conforming client never sends these
// requests), which ClientOptions.CheckConstraints turns on: each invalid
// argument is refused, naming the parameter.
func TestValidationRefused(t *testing.T) {
	client := func(t *testing.T) *validation.Client {
		return validation.NewClient("12-34-5678", "subscription", refuse{t}, &validation.ClientOptions{Endpoint: server, CheckConstraints: true})
	}
	for name, tc := range map[string]struct {
		rg   string
		id   int64
		want string
	}{
		"resourceGroupName too short": {"1", 100, "resourceGroupName"},
		"resourceGroupName too long":  {"1234567890A", 100, "resourceGroupName"},
		"resourceGroupName pattern":   {"!@#$", 100, "resourceGroupName"},
		"id above maximum":            {"123", 1001, "id"},
		"id below minimum":            {"123", 0, "id"},
		"id not a multiple of 10":     {"123", 105, "id"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := client(t).ValidationOfMethodParameters(ctx, tc.rg, tc.id, nil)
			refusedFor(t, err, tc.want)
		})
	}
	t.Run("apiVersion pattern", func(t *testing.T) {
		c := validation.NewClient("1.0", "subscription", refuse{t}, &validation.ClientOptions{Endpoint: server, CheckConstraints: true})
		_, err := c.ValidationOfMethodParameters(ctx, "123", 150, nil)
		refusedFor(t, err, "apiVersion")
	})
	body := func(edit func(*validation.Product)) *validation.ValidationOfBodyOptions {
		p := validation.Product{Child: &validation.ChildProduct{}, ConstChild: &validation.ConstantProduct{}}
		edit(&p)
		return &validation.ValidationOfBodyOptions{Body: &p}
	}
	for name, tc := range map[string]struct {
		edit func(*validation.Product)
		want string
	}{
		"capacity exclusive minimum": {func(p *validation.Product) { p.Capacity = validation.Ptr[int64](0) }, "capacity"},
		"capacity exclusive maximum": {func(p *validation.Product) { p.Capacity = validation.Ptr[int64](100) }, "capacity"},
		"display_names max items": {func(p *validation.Product) {
			p.DisplayNames = []string{"a", "b", "c", "d", "e", "f", "g"}
		}, "display_names"},
		"display_names unique items": {func(p *validation.Product) { p.DisplayNames = []string{"a", "a"} }, "display_names"},
		"image pattern":              {func(p *validation.Product) { p.Image = validation.Ptr("image") }, "image"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := client(t).ValidationOfBody(ctx, "123", 150, body(tc.edit))
			refusedFor(t, err, tc.want)
		})
	}
}

func TestConstants(t *testing.T) {
	c := constants.NewClient(nil, &constants.ClientOptions{Endpoint: server}).Contants()
	// Client parameters the spec fixes (path, query and header) are sent
	// without being set.
	t.Run("ConstantClientProperties", func(t *testing.T) { call(c.PutClientConstants(ctx, nil)).ok(t) })
}
