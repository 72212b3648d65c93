package emit

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/armgen/armgen/internal/testutil"
	"github.com/armgen/armgen/ir"
)

// A generator that panics (here on an IR property without a type, which
// the parser never builds) runs on its own goroutine; Generate must still
// return, with an internal error at the model being written, and no files.
func TestGenerateTurnsPanicsIntoDiagnostics(t *testing.T) {
	for _, many := range []int{0, 2000} {
		t.Run(fmt.Sprint(many, " more models"), func(t *testing.T) { testPanic(t, many) })
	}
}

// testPanic has many more models before the broken one: a large spec's
// models are written in parts, on goroutines of their own.
func testPanic(t *testing.T, many int) {
	testutil.SetGOMAXPROCS(t, 4)
	api := &ir.API{
		Title: "T",
		Files: []string{"spec.json"},
		Models: []*ir.Model{
			{Key: "Good", Name: "Good", Pointer: "spec.json#/definitions/Good",
				Properties: []*ir.Property{{Name: "name", Type: &ir.Type{Kind: ir.KindString}, Pointer: "spec.json#/definitions/Good/properties/name"}}},
			{Key: "Broken", Name: "Broken", Pointer: "spec.json#/definitions/Broken",
				Properties: []*ir.Property{{Name: "name", Pointer: "spec.json#/definitions/Broken/properties/name"}}},
		},
	}
	for i := range many {
		api.Models = append(api.Models, &ir.Model{Key: fmt.Sprint("A", i), Name: fmt.Sprint("A", i), Pointer: ir.Pointer(fmt.Sprint("spec.json#/definitions/A", i))})
	}
	slices.SortFunc(api.Models, func(a, b *ir.Model) int { return strings.Compare(a.Key, b.Key) })
	files, diags := Generate(api, Options{Package: "things"})
	if files != nil {
		t.Errorf("Generate returned %d files after a panic", len(files))
	}
	if !diags.HasErrors() {
		t.Fatal("no error")
	}
	got := diags.Error()
	if !strings.Contains(got, "spec.json#/definitions/Broken: internal error: runtime error: invalid memory address or nil pointer dereference (at ") {
		t.Errorf("the internal error does not name the model and the panic site:\n%s", got)
	}
}

// A panic while an operation's code is written names the operation.
func TestGeneratePanicInOperation(t *testing.T) {
	api := &ir.API{
		Title: "T",
		Files: []string{"spec.json"},
		Operations: []*ir.Operation{{
			ID: "Things_Get", Group: "Things", Name: "Get", Method: "GET", Path: "/things", PathParts: ir.Template{{Text: "/things"}},
			Pointer: "spec.json#/paths/~1things/get",
			// A query parameter of an enum the API does not have: the
			// parser never builds one.
			Params: []*ir.Parameter{{Name: "kind", In: ir.InQuery, Required: true, Type: &ir.Type{Kind: ir.KindEnum, Ref: "Missing"},
				Pointer: "spec.json#/paths/~1things/get/parameters/0"}},
			Responses: []*ir.Response{{Status: 200, Pointer: "spec.json#/paths/~1things/get/responses/200"}},
		}},
	}
	files, diags := Generate(api, Options{Package: "things"})
	if files != nil || !diags.HasErrors() {
		t.Fatalf("files %d, diagnostics %v", len(files), diags)
	}
	if got := diags.Error(); !strings.Contains(got, "spec.json#/paths/~1things/get: internal error: ") {
		t.Errorf("the internal error does not name the operation:\n%s", got)
	}
}
