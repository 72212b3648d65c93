package main

import (
	"bytes"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/armgen/armgen/emit"
	"github.com/armgen/armgen/internal/testutil"
	specparser "github.com/armgen/armgen/parser"
)

// FuzzPipeline feeds bytes to the whole of armgen, as a spec file beside
// the real Batch spec (so that relative $refs reach real files): it must
// end in Go files (the fake package's too) or in error diagnostics, never
// a panic or an internal error; the files must be gofmt-clean Go with
// armgen's header, and the same input must generate the same files again.
func FuzzPipeline(f *testing.F) {
	dir := filepath.ToSlash(filepath.Dir(testutil.BatchSpec(f, "2024-02-01")))
	for _, s := range testutil.ReadSeeds(f) {
		f.Add(s.Data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		name := path.Join(dir, "fuzzspec") // no extension: JSON or YAML by content
		opts := specparser.Options{
			ReadFile: func(n string) ([]byte, error) {
				if n == name {
					return data, nil
				}
				return os.ReadFile(filepath.FromSlash(n))
			},
			Limits: specparser.Limits{MaxFileBytes: 4 << 20, MaxDepth: 64, MaxRefDepth: 16, MaxFiles: 16, MaxNodes: 200_000, MaxDeclarations: 2_000},
		}
		eo := emit.Options{Package: "fuzzed", Fakes: true, ImportPath: "example.com/fuzzed"}
		files, diags := generateWith([]string{name}, opts, eo)
		for _, d := range diags {
			if strings.Contains(d.Message, "internal error") {
				t.Fatalf("%s", d)
			}
		}
		if diags.HasErrors() {
			if files != nil {
				t.Fatal("files and errors together")
			}
			return
		}
		if len(files) == 0 {
			t.Fatal("no files and no error")
		}
		fset := token.NewFileSet()
		for _, file := range files {
			if !bytes.HasPrefix(file.Content, []byte(emit.Header+"\n")) {
				t.Fatalf("%s lacks armgen's header", file.Name)
			}
			if _, err := parser.ParseFile(fset, file.Name, file.Content, parser.SkipObjectResolution); err != nil {
				t.Fatalf("%s is not Go: %v", file.Name, err)
			}
			// Most files are written as gofmt lays them out, not by gofmt.
			if formatted, err := format.Source(file.Content); err != nil || !bytes.Equal(formatted, file.Content) {
				t.Fatalf("%s is not what gofmt writes (%v)", file.Name, err)
			}
		}
		again, _ := generateWith([]string{name}, opts, eo)
		if len(again) != len(files) {
			t.Fatalf("a second run made %d files, the first %d", len(again), len(files))
		}
		for i := range files {
			if files[i].Name != again[i].Name || !bytes.Equal(files[i].Content, again[i].Content) {
				t.Fatalf("a second run made %s differently", files[i].Name)
			}
		}
	})
}
