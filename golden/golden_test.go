// Package golden_test regenerates every case under golden/testdata in
// memory, compares the result with the files checked in, and builds, vets
// and tests each generated package.
//
// A case is a directory of testdata holding one or more spec files (JSON or
// YAML; all of them together form the API, in name order), or an AutoRest
// readme.md naming them (its default tag, with its directives), and either
// want/, the files armgen must write that depend on the spec (with
// warnings.txt when it warns), or stderr.txt, the diagnostics it must print
// when the spec is refused. An optional args.txt holds flags, one per
// line: -examples, -fakes, -rename POINTER=GoName, -renames FILE. With
// -fakes, want/fake/ holds the fake package, which imports want/. Test
// files beside the specs (package <case>_test, importing the case's want/
// package, and want/fake) test the generated code at run time.
//
// want/ leaves out the fixed helper files every package carries
// (armgen_*.go, emit/static's own code with the package renamed, and in
// want/fake emit/static/fake's): TestStaticFilesAreEmitStatic checks those
// once. A want/ package does not
// build without them, which is why the cases live in testdata, out of
// reach of `go build ./...` and `go vet ./...`: TestGolden builds, vets and
// tests them itself, with the helpers armgen writes laid over each want/
// (the go command's -overlay).
//
// Run `go test ./golden -update` (make golden) to rewrite want/ and
// stderr.txt from the current generator, then review the diff.
package golden_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"go/format"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"github.com/armgen/armgen/emit"
	"github.com/armgen/armgen/ir"
	"github.com/armgen/armgen/parser"
)

var update = flag.Bool("update", false, "rewrite the expected files from the current generator")

// cases is where the cases live.
const cases = "testdata"

func TestGolden(t *testing.T) {
	dirs := caseDirs(t)
	var built []builtCase
	for _, dir := range dirs {
		t.Run(dir, func(t *testing.T) {
			if c := runCase(t, dir); c != nil {
				built = append(built, *c)
			}
		})
	}
	if len(built) > 0 {
		buildCases(t, built)
	}
}

// caseDirs lists the cases.
func caseDirs(t *testing.T) []string {
	entries, err := os.ReadDir(cases)
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, e.Name())
		}
	}
	if len(dirs) == 0 {
		t.Fatal("no golden cases")
	}
	return dirs
}

// builtCase is a case that generates: its directory and the helper files
// armgen writes beside want/'s (and want/fake's, named fake/…).
type builtCase struct {
	dir     string
	helpers []emit.File
	fakes   bool
}

// modulePath is the import path of golden/testdata, whose cases' want/
// packages a fake package imports.
const modulePath = "github.com/armgen/armgen/golden/testdata"

// generate runs the parser and the emitter on a case, as armgen would.
func generate(t *testing.T, dir string) ([]emit.File, []byte, bool) {
	readFile := func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, filepath.FromSlash(name))) }
	specs, flags, renames, diags := caseInputs(t, dir, readFile)
	examples := flags["-examples"]
	var stderr bytes.Buffer
	var files []emit.File
	if !diags.HasErrors() {
		api, parseDiags := parser.Parse(specs, parser.Options{ReadFile: readFile, Examples: examples})
		diags = append(diags, parseDiags...)
		if api != nil {
			var emitDiags ir.Diagnostics
			files, emitDiags = emit.Generate(api, emit.Options{
				Package: packageName(filepath.Base(dir)), Sources: specs, Examples: examples, Renames: renames,
				Fakes: flags["-fakes"], ImportPath: modulePath + "/" + filepath.Base(dir) + "/want",
			})
			diags = append(diags, emitDiags...)
		}
	}
	diags = diags.Sort()
	for _, d := range diags {
		stderr.WriteString(d.String() + "\n")
	}
	return files, stderr.Bytes(), diags.HasErrors() || files == nil
}

// runCase checks one case, and returns it when it generates a package.
func runCase(t *testing.T, name string) *builtCase {
	dir := filepath.Join(cases, name)
	files, stderr, failed := generate(t, dir)
	var own, helpers []emit.File
	for _, f := range files {
		if f.Static {
			helpers = append(helpers, f)
		} else {
			own = append(own, f)
		}
	}
	fakes := slices.ContainsFunc(files, func(f emit.File) bool { return strings.HasPrefix(f.Name, "fake/") })
	if *update {
		writeExpected(t, dir, failed, stderr, own)
		if failed {
			return nil
		}
		return &builtCase{dir: name, helpers: helpers, fakes: fakes}
	}
	wantStderr, err := os.ReadFile(filepath.Join(dir, "stderr.txt"))
	switch {
	case failed && err != nil:
		t.Fatalf("generation failed, and the case has no stderr.txt:\n%s", stderr)
	case failed:
		if diff := cmp.Diff(string(wantStderr), string(stderr)); diff != "" {
			t.Errorf("diagnostics differ (-want +got):\n%s", diff)
		}
		return nil
	case err == nil:
		t.Fatalf("generation succeeded, but the case expects it to fail with:\n%s", wantStderr)
	}
	// Warnings of a case that generates are pinned too, in warnings.txt.
	wantWarnings, _ := os.ReadFile(filepath.Join(dir, "warnings.txt"))
	if diff := cmp.Diff(string(wantWarnings), string(stderr)); diff != "" {
		t.Errorf("warnings differ from warnings.txt (-want +got):\n%s", diff)
	}
	want := readWant(t, filepath.Join(dir, "want"), "")
	if want == nil {
		t.Fatalf("no want/ directory (run go test ./golden -update)")
	}
	got := map[string]string{}
	for _, f := range files {
		if formatted, err := format.Source(f.Content); err != nil || !bytes.Equal(formatted, f.Content) {
			t.Errorf("%s is not gofmt-clean (err %v)", f.Name, err)
		}
		// Invisible characters of a spec (a byte-order mark, zero-width
		// spaces, controls) never reach the source as they are: comments
		// drop them, literals escape them.
		for i, r := range string(f.Content) {
			if r != '\t' && r != '\n' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r)) {
				t.Errorf("%s holds %U at byte %d", f.Name, r, i)
				break
			}
		}
		if f.Static {
			if _, ok := want[f.Name]; ok {
				t.Errorf("want/%s is a copy of a fixed helper, which want/ leaves out (run go test ./golden -update)", f.Name)
				delete(want, f.Name)
			}
			continue
		}
		got[f.Name] = string(f.Content)
	}
	for name := range want {
		if _, ok := got[name]; !ok {
			t.Errorf("want/%s is no longer generated", name)
		}
	}
	for name, content := range got {
		w, ok := want[name]
		if !ok {
			t.Errorf("%s is generated but missing from want/", name)
			continue
		}
		if diff := cmp.Diff(w, content); diff != "" {
			t.Errorf("%s differs (-want +got):\n%s", name, diff)
		}
	}
	return &builtCase{dir: name, helpers: helpers, fakes: fakes}
}

// readWant reads the files of a want/ directory by name, those of its
// fake/ as fake/…; nil when there is none.
func readWant(t *testing.T, dir, prefix string) map[string]string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	want := map[string]string{}
	for _, e := range entries {
		if e.IsDir() {
			for name, content := range readWant(t, filepath.Join(dir, e.Name()), prefix+e.Name()+"/") {
				want[name] = content
			}
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		want[prefix+e.Name()] = string(b)
	}
	return want
}

// buildCases builds, vets and tests the packages of the cases that
// generate, with the helper files laid over each want/ directory, and the
// test packages beside them.
func buildCases(t *testing.T, built []builtCase) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to build the golden packages: %v", err)
	}
	tmp := t.TempDir()
	replace := map[string]string{}
	var pkgs []string
	for _, c := range built {
		want, err := filepath.Abs(filepath.Join(cases, c.dir, "want"))
		if err != nil {
			t.Fatal(err)
		}
		if len(c.helpers) == 0 {
			t.Errorf("%s: no helper files", c.dir)
		}
		for _, h := range c.helpers {
			laid := filepath.Join(tmp, c.dir+"-"+strings.ReplaceAll(h.Name, "/", "-"))
			if err := os.WriteFile(laid, h.Content, 0o644); err != nil {
				t.Fatal(err)
			}
			replace[filepath.Join(want, filepath.FromSlash(h.Name))] = laid
		}
		pkgs = append(pkgs, "./"+path.Join(cases, c.dir, "want"))
		if c.fakes {
			pkgs = append(pkgs, "./"+path.Join(cases, c.dir, "want", "fake"))
		}
		if tests, _ := filepath.Glob(filepath.Join(cases, c.dir, "*_test.go")); len(tests) > 0 {
			pkgs = append(pkgs, "./"+path.Join(cases, c.dir))
		}
	}
	overlay, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		t.Fatal(err)
	}
	overlayFile := filepath.Join(tmp, "overlay.json")
	if err := os.WriteFile(overlayFile, overlay, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		append([]string{"vet", "-overlay", overlayFile}, pkgs...),
		// go test builds every package named, those without tests too.
		append([]string{"test", "-overlay", overlayFile, "-vet=off"}, pkgs...),
	} {
		cmd := exec.Command(goTool, args...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("go %s on the golden packages: %v\n%s", args[0], err, failures(out))
		}
	}
}

// failures drops the lines of go test's output about packages that
// passed or have no tests.
func failures(out []byte) string {
	var b strings.Builder
	for line := range strings.Lines(string(out)) {
		if !strings.HasPrefix(line, "ok  \t") && !strings.HasPrefix(line, "?   \t") {
			b.WriteString(line)
		}
	}
	return b.String()
}

// TestStaticFilesAreEmitStatic checks the helper files every case gets
// once, in place of a copy in each want/: each is the file of emit/static
// it is named after, with armgen's header and the package renamed, and
// every helper of emit/static is written by some case.
func TestStaticFilesAreEmitStatic(t *testing.T) {
	seen := map[string]bool{}
	for _, dir := range caseDirs(t) {
		files, _, failed := generate(t, filepath.Join(cases, dir))
		if failed {
			continue
		}
		for _, f := range files {
			if !f.Static {
				continue
			}
			// A fake package's helpers keep their package clause.
			staticDir, clause, pkg := "static", "package static\n", packageName(dir)
			name, fake := strings.CutPrefix(f.Name, "fake/")
			if fake {
				staticDir, clause, pkg = "static/fake", "package fake\n", "fake"
			}
			source := strings.TrimPrefix(name, "armgen_")
			if source == "examples_test.go" {
				source = "examples.go" // test code in the package: only its tests use it
			}
			seen[path.Join(staticDir, source)] = true
			src, err := os.ReadFile(filepath.Join("..", "emit", filepath.FromSlash(staticDir), source))
			if err != nil {
				t.Errorf("%s: %s is not a file of emit/%s: %v", dir, f.Name, staticDir, err)
				continue
			}
			body, ok := bytes.CutPrefix(src, []byte(clause))
			if !ok {
				t.Fatalf("emit/%s/%s does not begin with its package clause", staticDir, source)
			}
			want := emit.Header + "\n\npackage " + pkg + "\n" + string(body)
			if diff := cmp.Diff(want, string(f.Content)); diff != "" {
				t.Errorf("%s: %s is not emit/%s/%s (-want +got):\n%s", dir, f.Name, staticDir, source, diff)
			}
		}
	}
	for _, staticDir := range []string{"static", "static/fake"} {
		entries, err := os.ReadDir(filepath.Join("..", "emit", filepath.FromSlash(staticDir)))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if name := e.Name(); !e.IsDir() && name != "doc.go" && !strings.HasSuffix(name, "_test.go") && !seen[path.Join(staticDir, name)] {
				t.Errorf("no golden case gets emit/%s/%s", staticDir, name)
			}
		}
	}
}

// caseInputs lists a case's spec files (or its readme's) and reads its
// args.txt: the flags set (-examples, -fakes) and the renames.
func caseInputs(t *testing.T, dir string, readFile func(string) ([]byte, error)) (specs []string, flags map[string]bool, renames []ir.Rename, diags ir.Diagnostics) {
	flags = map[string]bool{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		switch path.Ext(e.Name()) {
		case ".json", ".yaml", ".yml":
			if !e.IsDir() {
				specs = append(specs, e.Name())
			}
		}
	}
	slices.Sort(specs)
	if _, err := os.Stat(filepath.Join(dir, "readme.md")); err == nil {
		r, readmeDiags := parser.ReadReadme("readme.md", "", parser.Options{ReadFile: readFile})
		diags = append(diags, readmeDiags...)
		if r == nil {
			return nil, flags, nil, diags
		}
		specs, renames = r.Files, r.Renames
	}
	if args, err := os.ReadFile(filepath.Join(dir, "args.txt")); err == nil {
		fields := strings.Fields(string(args))
		for i := 0; i < len(fields); i++ {
			switch a := fields[i]; {
			case a == "-examples" || a == "-fakes":
				flags[a] = true
			case (a == "-rename" || a == "-renames") && i+1 < len(fields):
				i++
				if a == "-renames" {
					more, moreDiags := parser.ReadRenames(fields[i], parser.Options{ReadFile: readFile})
					renames, diags = append(renames, more...), append(diags, moreDiags...)
					continue
				}
				r, err := parser.ParseRename(fields[i], ir.Pointer("-rename "+fields[i]))
				if err != nil {
					t.Fatalf("args.txt: %v", err)
				}
				renames = append(renames, r)
			default:
				t.Fatalf("args.txt: unknown flag %q", a)
			}
		}
	}
	if len(specs) == 0 {
		t.Fatalf("%s has no spec file", dir)
	}
	return specs, flags, renames, diags
}

// writeExpected rewrites want/ and stderr.txt; a stale one of the two is
// removed, so a case is either positive or negative.
func writeExpected(t *testing.T, dir string, failed bool, stderr []byte, files []emit.File) {
	wantDir := filepath.Join(dir, "want")
	stderrFile := filepath.Join(dir, "stderr.txt")
	if err := os.RemoveAll(wantDir); err != nil {
		t.Fatal(err)
	}
	if failed {
		if err := os.WriteFile(stderrFile, stderr, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	_ = os.Remove(stderrFile)
	warnings := filepath.Join(dir, "warnings.txt")
	if len(stderr) > 0 {
		if err := os.WriteFile(warnings, stderr, 0o644); err != nil {
			t.Fatal(err)
		}
	} else {
		_ = os.Remove(warnings)
	}
	if err := os.MkdirAll(wantDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		name := filepath.Join(wantDir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// packageName makes a Go package name of a case directory: letters and
// digits only ("closed-enums" → closedenums).
func packageName(dir string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(dir) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' && b.Len() > 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}
