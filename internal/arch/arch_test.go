// Package arch_test keeps armgen's pipeline one-way: the parser alone
// knows JSON specs and kin-openapi, the IR knows only the standard
// library, and the emitter knows nothing of specs or the parser.
package arch_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

const module = "github.com/armgen/armgen"

func TestPipelineIsOneWay(t *testing.T) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedImports | packages.NeedDeps, Dir: "../.."},
		module+"/ir", module+"/parser", module+"/emit", module+"/emit/naming", module+"/emit/static", module+"/emit/static/fake", module+"/spec", module+"/diff", module+"/cmd/armgen",
		module+"/internal/outdir")
	if err != nil {
		t.Fatal(err)
	}
	deps := map[string]map[string]bool{}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Fatalf("%s: %v", p.PkgPath, p.Errors)
		}
		all := map[string]bool{}
		var visit func(*packages.Package)
		visit = func(q *packages.Package) {
			// The import's own path: the standard library's vendored
			// packages are "vendor/golang.org/x/…" there.
			for _, imp := range q.Imports {
				if !all[imp.PkgPath] {
					all[imp.PkgPath] = true
					visit(imp)
				}
			}
		}
		visit(p)
		deps[p.PkgPath] = all
	}
	std := func(path string) bool { return !strings.Contains(strings.SplitN(path, "/", 2)[0], ".") }
	for path := range deps[module+"/ir"] {
		if !std(path) {
			t.Errorf("ir imports %s: it may use the standard library only", path)
		}
	}
	for _, pkg := range []string{"/emit", "/emit/naming", "/emit/static"} {
		for path := range deps[module+pkg] {
			switch {
			case strings.HasPrefix(path, "github.com/getkin/"), strings.HasPrefix(path, "go.yaml.in/"):
				t.Errorf("%s depends on %s: only the parser reads specs", pkg[1:], path)
			case path == module+"/parser":
				t.Errorf("%s depends on the parser", pkg[1:])
			}
		}
	}
	for _, pkg := range []string{"/emit/static", "/emit/static/fake"} {
		for path := range deps[module+pkg] {
			if !std(path) {
				t.Errorf("%s imports %s: generated packages must need the standard library only", pkg[1:], path)
			}
		}
	}
	for path := range deps[module+"/parser"] {
		if strings.HasPrefix(path, module+"/emit") || strings.HasPrefix(path, "github.com/dave/jennifer") {
			t.Errorf("the parser depends on %s: it must know nothing about Go output", path)
		}
	}
	// diff compares IRs and names them with emit/naming: it neither reads
	// specs nor writes Go.
	for path := range deps[module+"/diff"] {
		switch {
		case path == module+"/parser", strings.HasPrefix(path, "github.com/getkin/"), strings.HasPrefix(path, "go.yaml.in/"):
			t.Errorf("diff depends on %s: it compares IRs, only the parser reads specs", path)
		case path == module+"/emit", strings.HasPrefix(path, "github.com/dave/jennifer"):
			t.Errorf("diff depends on %s: it needs Go names (emit/naming), not Go output", path)
		}
	}
	if !deps[module+"/diff"][module+"/emit/naming"] {
		t.Error("diff does not take its Go names from emit/naming")
	}
	// outdir writes whatever files it is given: it knows names and bytes,
	// not how they were made.
	for path := range deps[module+"/internal/outdir"] {
		if strings.HasPrefix(path, module+"/") {
			t.Errorf("internal/outdir depends on %s: it writes files and needs none of the pipeline", path)
		}
	}
	if !deps[module+"/parser"]["github.com/getkin/kin-openapi/openapi2"] {
		t.Error("the parser does not read specs with kin-openapi's openapi2 types")
	}
}
