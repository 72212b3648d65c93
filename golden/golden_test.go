// Package golden_test regenerates every case under golden/ in memory and
// compares the result with the files checked in.
//
// A case is a directory holding one or more spec files (JSON or YAML; all
// of them together form the API, in name order) and either want/, the Go
// files armgen must write (with warnings.txt when it warns), or
// stderr.txt, the diagnostics it must print when the spec is refused. An optional args.txt holds one flag per line
// (-examples). Run `go test ./golden -update` (make golden) to rewrite
// want/ and stderr.txt from the current generator, then review the diff.
// want/ packages are ordinary packages of this module, so `go vet ./...`
// type-checks them.
package golden_test

import (
	"bytes"
	"flag"
	"go/format"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/armgen/armgen/emit"
	"github.com/armgen/armgen/parser"
)

var update = flag.Bool("update", false, "rewrite the expected files from the current generator")

func TestGolden(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	cases := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		cases++
		dir := e.Name()
		t.Run(dir, func(t *testing.T) {
			t.Parallel()
			runCase(t, dir)
		})
	}
	if cases == 0 {
		t.Fatal("no golden cases")
	}
}

func runCase(t *testing.T, dir string) {
	specs, examples := caseInputs(t, dir)
	readFile := func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, filepath.FromSlash(name))) }
	pkg := packageName(dir)
	var stderr bytes.Buffer
	var files []emit.File
	api, diags := parser.Parse(specs, parser.Options{ReadFile: readFile, Examples: examples})
	if api != nil {
		var emitDiags = diags
		files, emitDiags = emit.Generate(api, emit.Options{Package: pkg, Sources: specs, Examples: examples})
		diags = append(diags, emitDiags...).Sort()
	}
	for _, d := range diags {
		stderr.WriteString(d.String() + "\n")
	}
	failed := diags.HasErrors() || files == nil

	stderrFile := filepath.Join(dir, "stderr.txt")
	wantDir := filepath.Join(dir, "want")
	if *update {
		writeExpected(t, dir, failed, stderr.Bytes(), files)
		return
	}
	wantStderr, err := os.ReadFile(stderrFile)
	switch {
	case failed && err != nil:
		t.Fatalf("generation failed, and the case has no stderr.txt:\n%s", stderr.String())
	case failed:
		if diff := cmp.Diff(string(wantStderr), stderr.String()); diff != "" {
			t.Errorf("diagnostics differ (-want +got):\n%s", diff)
		}
		return
	case err == nil:
		t.Fatalf("generation succeeded, but the case expects it to fail with:\n%s", wantStderr)
	}
	// Warnings of a case that generates are pinned too, in warnings.txt.
	wantWarnings, _ := os.ReadFile(filepath.Join(dir, "warnings.txt"))
	if diff := cmp.Diff(string(wantWarnings), stderr.String()); diff != "" {
		t.Errorf("warnings differ from warnings.txt (-want +got):\n%s", diff)
	}
	want := map[string]string{}
	entries, err := os.ReadDir(wantDir)
	if err != nil {
		t.Fatalf("no want/ directory (run go test ./golden -update): %v", err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(wantDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		want[e.Name()] = string(b)
	}
	got := map[string]string{}
	for _, f := range files {
		got[f.Name] = string(f.Content)
		if formatted, err := format.Source(f.Content); err != nil || !bytes.Equal(formatted, f.Content) {
			t.Errorf("%s is not gofmt-clean (err %v)", f.Name, err)
		}
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
}

// caseInputs lists a case's spec files and reads its args.txt.
func caseInputs(t *testing.T, dir string) (specs []string, examples bool) {
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
	if args, err := os.ReadFile(filepath.Join(dir, "args.txt")); err == nil {
		for _, a := range strings.Fields(string(args)) {
			switch a {
			case "-examples":
				examples = true
			default:
				t.Fatalf("args.txt: unknown flag %q", a)
			}
		}
	}
	if len(specs) == 0 {
		t.Fatalf("%s has no spec file", dir)
	}
	return specs, examples
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
		if err := os.WriteFile(filepath.Join(wantDir, f.Name), f.Content, 0o644); err != nil {
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
