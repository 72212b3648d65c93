package main

// Tests against the real upstream specs in ../shared: the full Batch spec
// of two api-versions proven by their own examples, and the 30 reference
// ARM specs of other services. They build and test what armgen writes in
// a throwaway module, with the go command.

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/armgen/armgen/internal/testutil"
)

// tempModule makes a module directory for generated packages.
func tempModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/gen\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// goCmd runs the go command in dir and returns its combined output.
func goCmd(t *testing.T, dir string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-buildvcs=false")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// armgen runs armgen in-process and fails the test on exit status != 0.
func armgen(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
		t.Fatalf("armgen %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
	return stderr.String()
}

// The full Batch spec, each api-version: the package and its fakes build,
// vet, and its example tests (one per x-ms-examples file present) pass;
// for 2024-02-01, a program written against the fakes' contract only
// (testdata/fakecontract) runs.
func TestBatchSpecsWithExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short: it builds and tests two generated packages with the go command")
	}
	for _, version := range []string{"2024-02-01", "2023-11-01"} {
		t.Run(version, func(t *testing.T) {
			spec := testutil.BatchSpec(t, version)
			mod := tempModule(t)
			out := filepath.Join(mod, "batch")
			warnings := armgen(t, "-examples", "-fakes", "-spec", spec, "-out", out, "-package", "batch")
			contract := version == "2024-02-01"
			if contract {
				copyFile(t, filepath.Join("testdata", "fakecontract", "main.go"), filepath.Join(mod, "fakecontract", "main.go"))
			}
			files, err := filepath.Glob(filepath.Join(filepath.Dir(spec), "examples", "*.json"))
			if err != nil || len(files) == 0 {
				t.Fatalf("no example files next to %s", spec)
			}
			src, err := os.ReadFile(filepath.Join(out, "examples_test.go"))
			if err != nil {
				t.Fatal(err)
			}
			tests := regexp.MustCompile(`(?m)^func TestExample`).FindAll(src, -1)
			// Every example file present is referenced and tested; the
			// spec also references files left out of the copy, which are
			// reported and skipped.
			for _, f := range files {
				if !bytes.Contains(src, []byte("("+filepath.Base(f)+")")) {
					t.Errorf("example %s has no test", filepath.Base(f))
				}
			}
			for _, line := range strings.Split(warnings, "\n") {
				if line != "" && !strings.Contains(line, "cannot be read") {
					t.Errorf("unexpected warning: %s", line)
				}
			}
			if msg, err := goCmd(t, mod, "vet", "./..."); err != nil {
				t.Fatalf("go vet: %v\n%s", err, msg)
			}
			msg, err := goCmd(t, mod, "test", "-count=1", "-v", "./...")
			if err != nil {
				t.Fatalf("go test: %v\n%s", err, msg)
			}
			passed := len(regexp.MustCompile(`(?m)^--- PASS: TestExample`).FindAllString(msg, -1))
			t.Logf("api-version %s: %d example files, %d example tests, %d passed (with %d response subtests)",
				version, len(files), len(tests), passed, strings.Count(msg, "    --- PASS: TestExample"))
			if passed != len(tests) {
				t.Errorf("%d of %d example tests passed", passed, len(tests))
			}
			if contract {
				msg, err := goCmd(t, mod, "run", "./fakecontract")
				if err != nil {
					t.Fatalf("the program against the fakes' contract: %v\n%s", err, msg)
				}
				t.Log("fakecontract: " + strings.TrimSpace(msg))
			}
		})
	}
}

// copyFile copies a file, making the directories it goes in.
func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// sanitize makes a package name of a spec file name.
func sanitize(name string, i int) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSuffix(name, filepath.Ext(name))) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String() + "n" + string(rune('a'+i/26)) + string(rune('a'+i%26))
}
