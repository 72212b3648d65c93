package emit

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/armgen/armgen/emit/naming"
	"github.com/armgen/armgen/ir"
	"github.com/armgen/armgen/parser"
	"github.com/armgen/armgen/spec"
)

// exportedDecls lists the exported package-level names a Go file declares.
func exportedDecls(t *testing.T, name string, src []byte) []string {
	t.Helper()
	f, err := goparser.ParseFile(token.NewFileSet(), name, src, goparser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	add := func(id *ast.Ident) {
		if id.IsExported() {
			out = append(out, id.Name)
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				add(d.Name)
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					add(s.Name)
				case *ast.ValueSpec:
					for _, id := range s.Names {
						add(id)
					}
				}
			}
		}
	}
	return out
}

// The static names of naming.Fixed are the exported names of emit/static,
// which every package carries: all of them, and no other.
func TestFixedStaticNamesAreEmitStatic(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("static", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var exported []string
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") || filepath.Base(file) == "examples.go" {
			continue // examples.go is test code in a package
		}
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		exported = append(exported, exportedDecls(t, file, src)...)
	}
	slices.Sort(exported)
	want := naming.FixedNames("static")
	slices.Sort(want)
	if !slices.Equal(exported, want) {
		t.Errorf("emit/static exports %q; naming.Fixed's static names are %q", exported, want)
	}
}

// The declared names of naming.Fixed are what the emitter declares in
// every package besides the spec's: a package of the default spec
// declares each, under the name Fixed gives it, and each Fixed name is
// its field's name when the spec takes none.
func TestFixedDeclaredNamesAreDeclared(t *testing.T) {
	api, diags := parser.Parse([]string{spec.Default}, parser.Options{
		ReadFile: func(name string) ([]byte, error) { return fs.ReadFile(spec.FS, name) }})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	files, diags := Generate(api, Options{Package: "batch"})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	declared := map[string]bool{}
	for _, f := range files {
		if !f.Static {
			for _, name := range exportedDecls(t, f.Name, f.Content) {
				declared[name] = true
			}
		}
	}
	names, _ := naming.Assign(api, "batch")
	fixed := reflect.ValueOf(names.Fixed())
	for _, field := range naming.FixedNames("declared") {
		if got := fixed.FieldByName(field).String(); got != field {
			t.Errorf("Fixed().%s = %q", field, got)
		}
		if !declared[field] {
			t.Errorf("the package does not declare %s", field)
		}
	}
	for _, field := range naming.FixedNames("static") {
		if got := fixed.FieldByName(field).String(); got != field {
			t.Errorf("Fixed().%s = %q", field, got)
		}
	}
}

// A spec's names come first: a model named like a declared name leaves it
// numbered, and one named like a static name takes the suffix Model; the
// package declares the numbered names.
func TestFixedNamesYieldToTheSpec(t *testing.T) {
	api := &ir.API{Title: "T", Version: "1", Files: []string{"spec.json"}, Models: []*ir.Model{
		{Key: "Client", Name: "Client", Pointer: "spec.json#/definitions/Client"},
		{Key: "Pager", Name: "Pager", Pointer: "spec.json#/definitions/Pager"},
		{Key: "ResponseError", Name: "ResponseError", Pointer: "spec.json#/definitions/ResponseError"},
	}}
	names, diags := naming.Assign(api, "t")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	fixed := names.Fixed()
	if fixed.Client != "Client2" || fixed.ResponseError != "ResponseError2" || fixed.Pager != "Pager" || fixed.NewClient != "NewClient" {
		t.Errorf("Fixed() = %+v", fixed)
	}
	if got := names.Type(api.Models[1]); got != "PagerModel" {
		t.Errorf("the model Pager is %s", got)
	}
	files, diags := Generate(api, Options{Package: "t"})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	declared := map[string]bool{}
	for _, f := range files {
		if !f.Static {
			for _, name := range exportedDecls(t, f.Name, f.Content) {
				declared[name] = true
			}
		}
	}
	for _, name := range []string{"Client", "Client2", "ResponseError", "ResponseError2", "PagerModel", "NewClient"} {
		if !declared[name] {
			t.Errorf("the package does not declare %s", name)
		}
	}
}

// naming.ClientFields and naming.ClientOptionFields are the fields the
// Client and ClientOptions have of their own: in a package whose client
// holds parameters named like each of them (and a host with a scheme), the
// fields that are no parameter's are exactly those.
func TestClientOwnFieldsAreNamings(t *testing.T) {
	file := filepath.Join("..", "golden", "testdata", "client-param-names", "spec.json")
	api, diags := parser.Parse([]string{file}, parser.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	files, diags := Generate(api, Options{Package: "t"})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	names, _ := naming.Assign(api, "t")
	params := map[string]bool{}
	for _, p := range slices.Concat(api.ClientParams, api.HostParams) {
		params[names.Param(p).Arg], params[names.Param(p).Field] = true, true
	}
	own := map[string][]string{}
	for _, f := range files {
		if f.Name != "client.go" {
			continue
		}
		parsed, err := goparser.ParseFile(token.NewFileSet(), f.Name, f.Content, goparser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(parsed, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			if st, ok := ts.Type.(*ast.StructType); ok {
				for _, field := range st.Fields.List {
					for _, id := range field.Names {
						if !params[id.Name] {
							own[ts.Name.Name] = append(own[ts.Name.Name], id.Name)
						}
					}
				}
			}
			return false
		})
	}
	for typ, want := range map[string][]string{"Client": naming.ClientFields, "ClientOptions": naming.ClientOptionFields} {
		got := slices.Sorted(slices.Values(own[typ]))
		if !slices.Equal(got, slices.Sorted(slices.Values(want))) {
			t.Errorf("%s has the fields %q of its own; naming lists %q", typ, got, want)
		}
	}
}
