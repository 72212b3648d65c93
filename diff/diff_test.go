package diff

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/armgen/armgen/parser"
)

var update = flag.Bool("update", false, "rewrite the expected reports in testdata from the current code")

// TestGolden compares two small hand-written specs per case under
// testdata/ and checks the report in all three formats against want.txt,
// want.json and want.md (go test ./diff -update rewrites them).
func TestGolden(t *testing.T) {
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	cases := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		cases++
		dir := filepath.Join("testdata", e.Name())
		t.Run(e.Name(), func(t *testing.T) {
			r := compareFiles(t, dir, "old.json", "new.json")
			for _, f := range []struct {
				file  string
				write func(*bytes.Buffer) error
			}{
				{"want.txt", func(b *bytes.Buffer) error { return r.Text(b) }},
				{"want.json", func(b *bytes.Buffer) error { return r.JSON(b) }},
				{"want.md", func(b *bytes.Buffer) error { return r.Markdown(b) }},
			} {
				var got bytes.Buffer
				if err := f.write(&got); err != nil {
					t.Fatal(err)
				}
				checkGolden(t, filepath.Join(dir, f.file), got.Bytes())
			}
		})
	}
	if cases == 0 {
		t.Fatal("no cases in testdata")
	}
}

// compareFiles parses two specs of a directory (named relative to it, so
// that pointers read "old.json#/...") and compares them.
func compareFiles(t *testing.T, dir, old, new string) *Report {
	t.Helper()
	opts := parser.Options{ReadFile: func(name string) ([]byte, error) {
		return os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	}}
	o, diags := parser.Parse([]string{old}, opts)
	if diags.HasErrors() {
		t.Fatalf("%s: %v", old, diags)
	}
	n, diags := parser.Parse([]string{new}, opts)
	if diags.HasErrors() {
		t.Fatalf("%s: %v", new, diags)
	}
	r, diags := Compare(o, n)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return r
}

func checkGolden(t *testing.T, file string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./diff -update)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", file, diff)
	}
}
