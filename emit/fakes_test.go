package emit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"strings"
	"testing"
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
