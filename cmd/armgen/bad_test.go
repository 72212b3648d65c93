package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/armgen/armgen/emit"
	"github.com/armgen/armgen/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite testdata/bad/*/*/stderr.txt from the current armgen")

// badClasses are the defect classes of the bad-input corpus; each must keep
// at least minCases cases, so that a class cannot quietly shrink away.
var badClasses = []string{
	"encoding",   // empty, not JSON/YAML, truncated, bad UTF-8, duplicate keys, depth, alias bombs
	"files",      // spec files that cannot be read
	"keywords",   // a known keyword of the wrong JSON type
	"names",      // operationIds, definitions, properties, enum values that collide in Go
	"operations", // parameters against the path template, bodies, paging, LRO
	"refs",       // dangling, malformed, external, remote, escaping, cyclic references
	"semantics",  // enum, default, discriminator and allOf consistency
	"version",    // not Swagger 2.0
	"warnings",   // harmless problems: printed, exit 0; errors under -strict
}

const minCases = 3

// TestBadSpecs runs armgen in-process on every case of testdata/bad: a
// directory holding a spec (spec.json or spec.yaml, with any files it
// refers to), stderr.txt (what armgen must print) and optionally args.txt
// (arguments, "$CASE" standing for the case directory; without -spec in
// it the case's spec is passed). Each case must exit 1, print exactly
// stderr.txt, write nothing to stdout, and leave a populated output
// directory byte-identical. `go test ./cmd/armgen -run BadSpecs -update`
// rewrites stderr.txt; review the diff.
func TestBadSpecs(t *testing.T) {
	classes, err := os.ReadDir(filepath.Join("testdata", "bad"))
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, class := range classes {
		if !class.IsDir() {
			continue
		}
		found = append(found, class.Name())
		cases, err := os.ReadDir(filepath.Join("testdata", "bad", class.Name()))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, c := range cases {
			if !c.IsDir() {
				continue
			}
			n++
			dir := path.Join("testdata", "bad", class.Name(), c.Name())
			t.Run(class.Name()+"/"+c.Name(), func(t *testing.T) {
				t.Parallel()
				runBadCase(t, dir)
			})
		}
		if n < minCases {
			t.Errorf("class %s has %d cases; it needs at least %d", class.Name(), n, minCases)
		}
	}
	if diff := cmp.Diff(badClasses, found); diff != "" {
		t.Errorf("the classes under testdata/bad differ from badClasses (-want +got):\n%s", diff)
	}
}

func runBadCase(t *testing.T, dir string) {
	args := caseArgs(t, dir)
	out := populatedOutDir(t)
	before := testutil.TreeSnapshot(t, out)

	var stdout, stderr bytes.Buffer
	code := run(context.Background(), append(args, "-out", out, "-package", "things"), &stdout, &stderr)

	if code != exitInput {
		t.Errorf("exit status %d, want %d; stderr:\n%s", code, exitInput, stderr.String())
	}
	if stdout.Len() > 0 {
		t.Errorf("stdout is not empty:\n%s", stdout.String())
	}
	if diff := cmp.Diff(before, testutil.TreeSnapshot(t, out)); diff != "" {
		t.Errorf("the output directory changed (-before +after):\n%s", diff)
	}
	checkLines(t, dir, stderr.String())

	golden := filepath.Join(dir, "stderr.txt")
	if *update {
		if err := os.WriteFile(golden, stderr.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/armgen -run BadSpecs -update); stderr was:\n%s", err, stderr.String())
	}
	if diff := cmp.Diff(string(want), stderr.String()); diff != "" {
		t.Errorf("stderr differs from %s (-want +got):\n%s", golden, diff)
	}

	// A warnings case is refused only because of -strict: without it the
	// same spec generates, and the warnings are still printed.
	if slices.Contains(args, "-strict") {
		var stderr bytes.Buffer
		lenient := slices.DeleteFunc(slices.Clone(args), func(a string) bool { return a == "-strict" })
		code := run(context.Background(), append(lenient, "-out", t.TempDir(), "-package", "things"), &bytes.Buffer{}, &stderr)
		if code != exitOK || !strings.Contains(stderr.String(), ": warning: ") {
			t.Errorf("without -strict: exit status %d, want 0 with warnings; stderr:\n%s", code, stderr.String())
		}
	}
}

// caseArgs reads args.txt, or passes the case's spec.
func caseArgs(t *testing.T, dir string) []string {
	var args []string
	if b, err := os.ReadFile(filepath.Join(dir, "args.txt")); err == nil {
		for _, a := range strings.Fields(string(b)) {
			args = append(args, strings.ReplaceAll(a, "$CASE", dir))
		}
	}
	if slices.Contains(args, "-spec") {
		return args
	}
	var specs []string
	for _, name := range []string{"spec.json", "spec.yaml"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			specs = append(specs, "-spec", path.Join(dir, name))
		}
	}
	if len(specs) == 0 {
		t.Fatalf("%s has neither spec.json, spec.yaml nor -spec in args.txt", dir)
	}
	return append(specs, args...)
}

// checkLines holds every line of stderr to the form users rely on: it
// begins with a location inside the case, and nothing is a stack trace.
func checkLines(t *testing.T, dir, stderr string) {
	t.Helper()
	if stderr == "" {
		t.Fatal("nothing on stderr")
	}
	for _, line := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
		loc, msg, ok := strings.Cut(line, ": ")
		if !ok || !strings.HasPrefix(loc, dir+"/") || msg == "" {
			t.Errorf("line is not %q: %q", dir+"/FILE#/POINTER: MESSAGE", line)
		}
		if strings.Contains(line, "internal error") || strings.Contains(line, "goroutine ") {
			t.Errorf("armgen failed instead of reporting the defect: %q", line)
		}
	}
}

// populatedOutDir makes an output directory as users have one: armgen's
// older files, hand-written files beside them, and things that are not Go.
func populatedOutDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"client.go":         emit.Header + "\n\npackage things\n\n// An older generation.\n",
		"gone_client.go":    emit.Header + "\n\npackage things\n\n// A group the spec no longer has.\n",
		"custom.go":         "package things\n\n// Hand-written next to the generated code.\nfunc Custom() {}\n",
		"custom_test.go":    "package things\n",
		"README.md":         "# things\n",
		"testdata/seed.txt": "seed\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestGoodSpecs runs armgen on each case of testdata/good: specs close to
// the bad ones that must still generate (a recursive model is not a
// cycle), into a directory already holding hand-written files, and the
// result must type-check.
func TestGoodSpecs(t *testing.T) {
	cases, err := os.ReadDir(filepath.Join("testdata", "good"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		dir := path.Join("testdata", "good", c.Name())
		t.Run(c.Name(), func(t *testing.T) {
			t.Parallel()
			out := populatedOutDir(t)
			// The older generated files would not compile beside the new.
			for _, name := range []string{"client.go", "gone_client.go"} {
				if err := os.Remove(filepath.Join(out, name)); err != nil {
					t.Fatal(err)
				}
			}
			var stderr bytes.Buffer
			code := run(context.Background(), append(caseArgs(t, dir), "-out", out, "-package", "things"), &bytes.Buffer{}, &stderr)
			if code != exitOK {
				t.Fatalf("exit status %d; stderr:\n%s", code, stderr.String())
			}
			if b, err := os.ReadFile(filepath.Join(out, "custom.go")); err != nil || !strings.Contains(string(b), "Hand-written") {
				t.Errorf("the hand-written file was touched: %v %q", err, b)
			}
			if testing.Short() {
				t.Skip("generated; the type check (of the standard library's source too) is skipped with -short")
			}
			typeCheck(t, out)
		})
	}
}
