// Package arch_test keeps armgen's pipeline one-way: the parser alone
// knows JSON specs and kin-openapi, the IR knows only the standard
// library, and the emitter knows nothing of specs or the parser.
//
// The rules are stated below over package patterns; what each package
// imports and depends on comes from go list -deps ./..., so that a new
// package is checked without being listed, and one that no layer claims
// fails until it is given a place.
package arch_test

import (
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/armgen/armgen"

// layers are the places a package of the module can be in; every package
// must be in one.
var layers = []string{
	"ir", "spec", "parser/...", "emit/...", "diff", "cmd/...",
	"internal/...", "bench/...", "conformance/...", "golden/...", "generated/...",
}

// stdlibOnly packages may depend on the standard library alone: the IR,
// and the code every generated package is or carries.
var stdlibOnly = []string{"ir", "spec", "emit/static", "emit/static/fake", "generated/...", "golden/.../want"}

// forbidden says what packages may not depend on, directly or not.
var forbidden = []struct {
	from, why string
	not       []string
}{
	{"parser/...", "the parser knows nothing about Go output",
		[]string{"emit/...", "diff", "cmd/...", "github.com/dave/jennifer/..."}},
	{"emit/...", "only the parser reads specs",
		[]string{"parser/...", "github.com/getkin/...", "go.yaml.in/..."}},
	{"diff", "diff compares IRs and needs Go names (emit/naming), not specs or Go output",
		[]string{"parser/...", "github.com/getkin/...", "go.yaml.in/...", "emit", "emit/static/...", "github.com/dave/jennifer/..."}},
	{"ir", "the IR is the parser's output and the emitter's input", []string{"parser/...", "emit/...", "diff"}},
	{"internal/outdir", "outdir writes whatever files it is given: it knows names and bytes, not how they were made",
		[]string{"ir", "parser/...", "emit/...", "diff", "cmd/..."}},
}

// importedOnlyBy says which packages may import a library themselves:
// kin-openapi's types stay inside the parser (bench/ drives other
// generators with it, outside armgen), jennifer inside the emitter.
var importedOnlyBy = []struct {
	lib string
	by  []string
}{
	{"github.com/getkin/...", []string{"parser/...", "bench/..."}},
	{"go.yaml.in/...", []string{"parser/..."}},
	{"github.com/dave/jennifer/...", []string{"emit/..."}},
}

// required are dependencies the design rests on.
var required = []struct{ from, on, why string }{
	{"parser", "github.com/getkin/kin-openapi/openapi2", "the parser reads specs with kin-openapi's openapi2 types"},
	{"diff", "emit/naming", "diff takes its Go names from emit/naming"},
}

type pkg struct {
	ImportPath string
	Standard   bool
	Imports    []string
	Deps       []string
}

// match reports whether an import path matches a pattern: a module-relative
// path or a full one, "/..." matching the path and everything below it,
// and "..." inside a pattern any one element ("golden/.../want").
func match(pattern, path string) bool {
	pattern = full(pattern)
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return path == base || strings.HasPrefix(path, base+"/")
	}
	if before, after, ok := strings.Cut(pattern, "/.../"); ok {
		rest, found := strings.CutPrefix(path, before+"/")
		return found && strings.HasSuffix(rest, "/"+after) && rest != "/"+after
	}
	return path == pattern
}

// full makes a module-relative path a full one.
func full(path string) string {
	if strings.Contains(strings.SplitN(path, "/", 2)[0], ".") {
		return path
	}
	return module + "/" + path
}

func matchAny(patterns []string, path string) bool {
	for _, p := range patterns {
		if match(p, path) {
			return true
		}
	}
	return false
}

// list runs go list -deps on the module's packages.
func list(t *testing.T) (own []*pkg, byPath map[string]*pkg) {
	cmd := exec.Command("go", "list", "-deps", "-json=ImportPath,Standard,Imports,Deps", "./...")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("go list: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("go list: %v", err)
	}
	byPath = map[string]*pkg{}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		p := new(pkg)
		if err := dec.Decode(p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		byPath[p.ImportPath] = p
		if p.ImportPath == module || strings.HasPrefix(p.ImportPath, module+"/") {
			own = append(own, p)
		}
	}
	return own, byPath
}

func TestPipelineIsOneWay(t *testing.T) {
	own, byPath := list(t)
	if len(own) < 20 {
		t.Fatalf("go list found %d packages of the module", len(own))
	}
	rel := func(path string) string { return strings.TrimPrefix(path, module+"/") }
	std := func(path string) bool { return byPath[path] != nil && byPath[path].Standard }
	for _, p := range own {
		if !matchAny(layers, p.ImportPath) {
			t.Errorf("%s is in no layer: give it one in internal/arch", rel(p.ImportPath))
		}
		if matchAny(stdlibOnly, p.ImportPath) {
			for _, d := range p.Deps {
				// A generated fake package imports the package it fakes.
				generated := match("generated/...", p.ImportPath) && match("generated/...", d)
				if !std(d) && !generated {
					t.Errorf("%s depends on %s: it may use the standard library only", rel(p.ImportPath), d)
				}
			}
		}
		for _, r := range forbidden {
			if !match(r.from, p.ImportPath) {
				continue
			}
			for _, d := range p.Deps {
				if matchAny(r.not, d) {
					t.Errorf("%s depends on %s: %s", rel(p.ImportPath), rel(d), r.why)
				}
			}
		}
		for _, r := range importedOnlyBy {
			for _, imp := range p.Imports {
				if match(r.lib, imp) && !matchAny(r.by, p.ImportPath) {
					t.Errorf("%s imports %s, which only %s may import", rel(p.ImportPath), imp, strings.Join(r.by, ", "))
				}
			}
		}
	}
	for _, r := range required {
		if p := byPath[full(r.from)]; p == nil || !slices.Contains(p.Deps, full(r.on)) {
			t.Errorf("%s does not depend on %s: %s", r.from, r.on, r.why)
		}
	}
}

// The patterns mean what the rules above take them to mean.
func TestMatch(t *testing.T) {
	for _, tc := range []struct {
		pattern, path string
		want          bool
	}{
		{"ir", module + "/ir", true},
		{"ir", module + "/internal/crash", false},
		{"emit/...", module + "/emit", true},
		{"emit/...", module + "/emit/naming", true},
		{"emit/...", module + "/emitter", false},
		{"golden/.../want", module + "/golden/models/want", true},
		{"golden/.../want", module + "/golden/models", false},
		{"golden/.../want", module + "/golden/want", false},
		{"github.com/getkin/...", "github.com/getkin/kin-openapi/openapi2", true},
		{"github.com/getkin/...", "github.com/getkinx/y", false},
	} {
		if got := match(tc.pattern, tc.path); got != tc.want {
			t.Errorf("match(%q, %q) = %v, want %v", tc.pattern, tc.path, got, tc.want)
		}
	}
}
