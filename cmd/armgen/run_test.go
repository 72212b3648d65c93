package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/armgen/armgen/emit"
)

func runArmgen(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

// snapshot reads every file of a directory, to compare before and after.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(b)
	}
	return files
}

func TestDefaultSpecGenerates(t *testing.T) {
	out := filepath.Join(t.TempDir(), "batch")
	if code, _, stderr := runArmgen("-out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files := snapshot(t, out)
	if !strings.Contains(files["client.go"], "package batch") || !strings.Contains(files["batch_account_client.go"], "func (c BatchAccountClient) Update(") {
		t.Errorf("unexpected output: %v", keys(files))
	}
	// The package name comes from the directory; -package overrides it.
	out2 := filepath.Join(t.TempDir(), "Other-Dir")
	if code, _, stderr := runArmgen("-out", out2, "-package", "mybatch"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(out2, "client.go")); !bytes.Contains(b, []byte("package mybatch\n")) {
		t.Error("-package was not used")
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},                                // no -out
		{"-out"},                          // flag without value
		{"-bogus", "-out", "x"},           // unknown flag
		{"-out", "x", "stray"},            // stray argument
		{"-out", "x", "-package", "9bad"}, // not a package name
	} {
		if code, _, stderr := runArmgen(args...); code != 2 || stderr == "" {
			t.Errorf("armgen %q: exit %d, stderr %q; want 2 and a message", args, code, stderr)
		}
	}
	if code, _, _ := runArmgen("-h"); code != 0 {
		t.Errorf("-h: exit %d", code)
	}
}

func TestCheck(t *testing.T) {
	out := filepath.Join(t.TempDir(), "batch")
	code, stdout, _ := runArmgen("-out", out, "-check")
	if code != 1 || !strings.Contains(stdout, "missing") {
		t.Errorf("-check on an empty directory: exit %d, %q", code, stdout)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("-check wrote the directory")
	}
	runArmgen("-out", out)
	if code, stdout, stderr := runArmgen("-out", out, "-check"); code != 0 || stdout != "" {
		t.Errorf("-check on fresh output: exit %d, %q %q", code, stdout, stderr)
	}
	// A generated file edited by hand is stale; -check shows the change
	// and leaves it alone.
	path := filepath.Join(out, "client.go")
	b, _ := os.ReadFile(path)
	edited := strings.Replace(string(b), "is where the spec says", "was edited", 1)
	os.WriteFile(path, []byte(edited), 0o644)
	code, stdout, _ = runArmgen("-out", out, "-check")
	if code != 1 || !strings.Contains(stdout, "client.go: stale") || !strings.Contains(stdout, "-// DefaultEndpoint was edited") {
		t.Errorf("-check on stale output: exit %d\n%s", code, stdout)
	}
	if now, _ := os.ReadFile(path); string(now) != edited {
		t.Error("-check changed the file")
	}
	// Generating again repairs it.
	if code, _, _ := runArmgen("-out", out); code != 0 {
		t.Fatal("regenerating failed")
	}
	if now, _ := os.ReadFile(path); string(now) != string(b) {
		t.Error("regenerating did not restore client.go")
	}
}

// armgen writes only what changed, removes generated files it no longer
// writes, and never touches files it did not generate.
func TestOutputOwnership(t *testing.T) {
	out := filepath.Join(t.TempDir(), "batch")
	runArmgen("-out", out)
	mine := filepath.Join(out, "mine.go")
	os.WriteFile(mine, []byte("package batch\n\n// Written by hand.\n"), 0o644)
	stale := filepath.Join(out, "old_client.go")
	os.WriteFile(stale, []byte(emit.Header+"\n\npackage batch\n"), 0o644)
	notGo := filepath.Join(out, "notes.txt")
	os.WriteFile(notGo, []byte(emit.Header+"\n"), 0o644)
	before, _ := os.Stat(filepath.Join(out, "models.go"))

	if code, _, stderr := runArmgen("-out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a generated file no longer written was kept")
	}
	if _, err := os.Stat(mine); err != nil {
		t.Error("a hand-written file was removed")
	}
	if _, err := os.Stat(notGo); err != nil {
		t.Error("a non-Go file was removed")
	}
	after, _ := os.Stat(filepath.Join(out, "models.go"))
	if !after.ModTime().Equal(before.ModTime()) {
		t.Error("an unchanged file was rewritten")
	}

	// A hand-written file where armgen wants to write is an error, and
	// nothing is written.
	os.Remove(filepath.Join(out, "models.go"))
	os.WriteFile(filepath.Join(out, "models.go"), []byte("package batch\n"), 0o644)
	snap := snapshot(t, out)
	code, _, stderr := runArmgen("-out", out)
	if code != 1 || !strings.Contains(stderr, "not generated by armgen") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if diff := diffSnapshots(snap, snapshot(t, out)); diff != "" {
		t.Errorf("the directory changed: %s", diff)
	}
}

func diffSnapshots(a, b map[string]string) string {
	for k, v := range a {
		if b[k] != v {
			return k + " changed"
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			return k + " appeared"
		}
	}
	return ""
}

// Bad input: exit 1, one located line per problem, nothing written.
func TestBadSpecLeavesOutputAlone(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "bad.json")
	os.WriteFile(spec, []byte(`{"swagger":"2.0","info":{"title":"t","version":"1"},"paths":{},
"definitions":{"A":{"type":"object","properties":{"b":{"$ref":"#/definitions/B"}}}}}`), 0o644)
	out := filepath.Join(dir, "out")
	runArmgen("-out", out) // something to keep
	snap := snapshot(t, out)
	code, stdout, stderr := runArmgen("-spec", spec, "-out", out)
	if code != 1 || stdout != "" {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	want := filepath.ToSlash(spec) + `#/definitions/A/properties/b/$ref: reference "#/definitions/B" points to nothing` + "\n"
	if stderr != want {
		t.Errorf("stderr\n got %q\nwant %q", stderr, want)
	}
	if diff := diffSnapshots(snap, snapshot(t, out)); diff != "" {
		t.Errorf("the output directory changed: %s", diff)
	}
}

func TestStrictTurnsWarningsIntoErrors(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "warn.json")
	os.WriteFile(spec, []byte(`{"swagger":"2.0","info":{"title":"t","version":"1"},"paths":{},
"definitions":{"A":{"type":"object","readonly":true,"properties":{"b":{"type":"string"}}}}}`), 0o644)
	code, _, stderr := runArmgen("-spec", spec, "-out", filepath.Join(dir, "a"))
	if code != 0 || !strings.Contains(stderr, `warning: unknown keyword "readonly" in a schema is ignored — did you mean "readOnly"?`) {
		t.Errorf("exit %d: %s", code, stderr)
	}
	code, _, stderr = runArmgen("-strict", "-spec", spec, "-out", filepath.Join(dir, "b"))
	if code != 1 || strings.Contains(stderr, "warning:") {
		t.Errorf("-strict: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "b")); err == nil {
		t.Error("-strict failure wrote output")
	}
}

// inputSize adds up the spec files that exist (the embedded default spec
// is no file), for main's choice of garbage collector setting.
func TestInputSize(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	os.WriteFile(a, make([]byte, 1000), 0o644)
	os.WriteFile(b, make([]byte, 234), 0o644)
	if got := inputSize([]string{filepath.ToSlash(a), filepath.ToSlash(b), "spec/embedded.json"}); got != 1234 {
		t.Errorf("inputSize = %d, want 1234", got)
	}
}
