package main

import (
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/armgen/armgen/internal/testutil"
)

// Every golden case that generates with warnings (warnings.txt) is refused
// under -strict: exit 1, each warning printed as an error, the output
// directory untouched.
func TestStrictRefusesWarnings(t *testing.T) {
	root := filepath.Join(testutil.Root(), "golden", "testdata")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	cases := 0
	for _, e := range entries {
		dir := filepath.Join(root, e.Name())
		warnings, err := os.ReadFile(filepath.Join(dir, "warnings.txt"))
		if !e.IsDir() || err != nil {
			continue
		}
		cases++
		t.Run(e.Name(), func(t *testing.T) {
			args := goldenArgs(t, dir)
			out := populatedOutDir(t)
			before := testutil.TreeSnapshot(t, out)
			code, stdout, stderr := runArmgen(append(args, "-strict", "-out", out, "-package", "things")...)
			if code != exitInput || stdout != "" {
				t.Errorf("exit %d, stdout %q; want 1", code, stdout)
			}
			if diff := cmp.Diff(before, testutil.TreeSnapshot(t, out)); diff != "" {
				t.Errorf("the output directory changed (-before +after):\n%s", diff)
			}
			lines := strings.Count(string(warnings), "\n")
			if got := strings.Count(stderr, "\n"); got != lines || strings.Contains(stderr, "warning: ") {
				t.Errorf("stderr has %d lines, want the %d warnings as errors:\n%s", got, lines, stderr)
			}
		})
	}
	if cases < 5 {
		t.Errorf("only %d golden cases warn", cases)
	}
}

// goldenArgs are the armgen arguments of a golden case: its specs (or
// readme) and args.txt, with paths made the case's.
func goldenArgs(t *testing.T, dir string) []string {
	var args []string
	if _, err := os.Stat(filepath.Join(dir, "readme.md")); err == nil {
		args = append(args, "-readme", filepath.Join(dir, "readme.md"))
	} else {
		entries, _ := os.ReadDir(dir)
		var specs []string
		for _, e := range entries {
			if ext := path.Ext(e.Name()); !e.IsDir() && (ext == ".json" || ext == ".yaml" || ext == ".yml") {
				specs = append(specs, e.Name())
			}
		}
		slices.Sort(specs)
		for _, s := range specs {
			args = append(args, "-spec", filepath.Join(dir, s))
		}
	}
	if b, err := os.ReadFile(filepath.Join(dir, "args.txt")); err == nil {
		fields := strings.Fields(string(b))
		for i := 0; i < len(fields); i++ {
			args = append(args, fields[i])
			if fields[i] == "-renames" && i+1 < len(fields) {
				i++
				args = append(args, filepath.Join(dir, fields[i]))
			}
		}
	}
	return args
}
