package emit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"strings"
	"testing"

	"github.com/armgen/armgen/ir"
)

// Every name emit/static/fake declares is one the generated package may
// not be imported by in the fake package.
func TestFakeReservedNames(t *testing.T) {
	entries, err := staticFakeFS.ReadDir("static/fake")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		src, _ := staticFakeFS.ReadFile(path.Join("static/fake", e.Name()))
		f, err := parser.ParseFile(fset, e.Name(), src, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			var names []string
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					names = append(names, d.Name.Name)
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						names = append(names, s.Name.Name)
					case *ast.ValueSpec:
						for _, n := range s.Names {
							names = append(names, n.Name)
						}
					}
				}
			}
			for _, name := range names {
				if !fakeReserved[name] {
					t.Errorf("emit/static/fake/%s declares %s, which fakeReserved lacks", e.Name(), name)
				}
			}
		}
	}
	for pkg, want := range map[string]string{"batch": "batch", "reply": "replyapi", "routes": "routesapi", "http": "httpapi", "res": "resapi"} {
		if got := fakeImportName(pkg); got != want {
			t.Errorf("fakeImportName(%s) = %s, want %s", pkg, got, want)
		}
	}
}

// An operation group or ungrouped operation that would be a field the fake
// Server keeps for itself is an error with -fakes, and only then.
func TestFakeServerMembers(t *testing.T) {
	op := func(id, group, name, pointer string) *ir.Operation {
		return &ir.Operation{ID: id, Group: group, Name: name, Method: "GET", Path: "/" + name, PathParts: ir.Template{{Text: "/" + name}}, Pointer: ir.Pointer(pointer),
			Responses: []*ir.Response{{Status: 204}}}
	}
	api := &ir.API{Title: "T", Files: []string{"spec.json"}, Operations: []*ir.Operation{
		op("Polls_Get", "Polls", "Get", "spec.json#/paths/~1a/get"),
		op("ServeHTTP", "", "ServeHTTP", "spec.json#/paths/~1b/get"),
	}}
	if _, diags := Generate(api, Options{Package: "things"}); diags.HasErrors() {
		t.Fatalf("without fakes: %v", diags)
	}
	files, diags := Generate(api, Options{Package: "things", Fakes: true, ImportPath: "example.com/things"})
	want := "spec.json#/paths/~1a/get: the operation group Polls would be the fake Server's field Polls, which the fake keeps for itself — -rename #/operationGroups/Polls=Name\n" +
		"spec.json#/paths/~1b/get: the operation ServeHTTP would be the fake Server's field ServeHTTP, which the fake keeps for itself — -rename it"
	if files != nil || diags.Error() != want {
		t.Errorf("%d files, diagnostics:\n%s\nwant:\n%s", len(files), diags.Error(), want)
	}
	if _, diags := Generate(api, Options{Package: "things", Fakes: true}); !strings.Contains(diags.Error(), "internal error: fakes need the import path") {
		t.Errorf("fakes without an import path: %v", diags)
	}
}
