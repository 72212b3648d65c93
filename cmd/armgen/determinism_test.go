package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/armgen/armgen/emit"
	"github.com/armgen/armgen/internal/synth"
	"github.com/armgen/armgen/internal/testutil"
	"github.com/armgen/armgen/parser"
)

// digest sums every file of a directory and its subdirectories (the fake
// package), names and contents, in name order.
func digest(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	files := 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), len(b))
		h.Write(b)
		files++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x (%d files)", h.Sum(nil), files)
}

// TestDeterminism generates the full Batch spec (with its examples and
// fakes) 20 times, each with a different GOMAXPROCS, from a different working
// directory, naming the spec by an absolute or a relative path: every run
// must write byte-identical files. (make test also runs the tests in
// shuffled order.)
func TestDeterminism(t *testing.T) {
	spec, err := filepath.Abs(testutil.BatchSpec(t, "2024-02-01"))
	if err != nil {
		t.Fatal(err)
	}
	want := ""
	for i := range 20 {
		procs := 1 + i%(2*runtime.NumCPU()+1)
		testutil.SetGOMAXPROCS(t, procs)
		cwd := filepath.Join(t.TempDir(), fmt.Sprint("cwd", i), "deeper")
		if err := os.MkdirAll(cwd, 0o755); err != nil {
			t.Fatal(err)
		}
		t.Chdir(cwd)
		specArg := spec
		if i%2 == 1 {
			if specArg, err = filepath.Rel(cwd, spec); err != nil {
				t.Fatal(err)
			}
		}
		out := filepath.Join(t.TempDir(), "batch")
		var stderr bytes.Buffer
		if code := run(context.Background(), []string{"-examples", "-fakes", "-import-path", "example.com/batch", "-spec", specArg, "-out", out, "-package", "batch"}, &bytes.Buffer{}, &stderr); code != exitOK {
			t.Fatalf("run %d (GOMAXPROCS %d, spec %s): exit %d\n%s", i, procs, specArg, code, stderr.String())
		}
		got := digest(t, out)
		if want == "" {
			want = got
		} else if got != want {
			t.Fatalf("run %d (GOMAXPROCS %d, spec %s) wrote %s; run 0 wrote %s", i, procs, specArg, got, want)
		}
	}
}

// TestConcurrentGenerations runs the library API — parser.Parse and
// emit.Generate — on several specs at once, twice each, in one process:
// every generation must equal the same spec generated alone. make test
// runs it under the race detector.
func TestConcurrentGenerations(t *testing.T) {
	specs := []string{
		filepath.Join(testutil.Root(), "golden", "testdata", "polymorphism", "spec.json"),
		filepath.Join(testutil.Root(), "golden", "testdata", "paging", "spec.json"),
		filepath.Join(testutil.Root(), "golden", "testdata", "lro", "spec.json"),
		filepath.Join("testdata", "good", "recursive-model", "spec.json"),
	}
	gen := func(spec string) []emit.File {
		api, diags := parser.Parse([]string{filepath.ToSlash(spec)}, parser.Options{})
		if api == nil {
			t.Errorf("%s: %v", spec, diags)
			return nil
		}
		files, diags := emit.Generate(api, emit.Options{Package: "things", Sources: []string{filepath.Base(spec)}})
		if diags.HasErrors() {
			t.Errorf("%s: %v", spec, diags)
		}
		return files
	}
	alone := make([][]emit.File, len(specs))
	for i, s := range specs {
		alone[i] = gen(s)
	}
	var wg sync.WaitGroup
	for round := range 2 {
		for i, s := range specs {
			wg.Go(func() {
				got := gen(s)
				if len(got) != len(alone[i]) {
					t.Errorf("round %d, %s: %d files at once, %d alone", round, s, len(got), len(alone[i]))
					return
				}
				for j := range got {
					if got[j].Name != alone[i][j].Name || !bytes.Equal(got[j].Content, alone[i][j].Content) {
						t.Errorf("round %d, %s: %s differs when generated alongside others", round, s, got[j].Name)
					}
				}
			})
		}
	}
	wg.Wait()
}

// TestParallelPartsDeterminism: a spec large enough that models.go is
// written in parts, in parallel, generates the same bytes whatever the
// number of parts (GOMAXPROCS). make test runs it under the race detector
// too.
func TestParallelPartsDeterminism(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short: it generates a spec of 1,500 definitions four times")
	}
	data := synth.Spec(1500)
	opts := parser.Options{ReadFile: func(string) ([]byte, error) { return data, nil }}
	var want []emit.File
	for _, procs := range []int{1, 2, 3, 5} {
		testutil.SetGOMAXPROCS(t, procs)
		files, diags := generate([]string{synth.Name}, opts, "synth", false, nil)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		if want == nil {
			want = files
			continue
		}
		if len(files) != len(want) {
			t.Fatalf("GOMAXPROCS %d: %d files, %d with 1", procs, len(files), len(want))
		}
		for i := range files {
			if files[i].Name != want[i].Name || !bytes.Equal(files[i].Content, want[i].Content) {
				t.Fatalf("GOMAXPROCS %d: %s differs from GOMAXPROCS 1's", procs, files[i].Name)
			}
		}
	}
}
