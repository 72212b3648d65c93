package golden_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/armgen/armgen/emit"
	"github.com/armgen/armgen/internal/outdir"
	"github.com/armgen/armgen/parser"
	"github.com/armgen/armgen/spec"
)

// generated/batch is the biggest golden: it must be what the generator
// writes for the default spec today, without asking git.
func TestGeneratedBatchIsFresh(t *testing.T) {
	api, diags := parser.Parse([]string{spec.Default}, parser.Options{
		ReadFile: func(name string) ([]byte, error) { return fs.ReadFile(spec.FS, name) },
	})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	files, diags := emit.Generate(api, emit.Options{Package: "batch", Sources: []string{spec.Default}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	dir := filepath.Join("..", "generated", "batch")
	var out []outdir.File
	for _, f := range files {
		out = append(out, outdir.File{Name: f.Name, Content: f.Content})
	}
	plan, err := outdir.Compare(dir, emit.Header, out)
	if err != nil {
		t.Fatal(err)
	}
	if !plan.Empty() {
		t.Errorf("generated/batch is stale; run make generate:\n%s", plan.Describe())
	}
	// And every generated file there is one the generator writes.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		if outdir.Generated(b, emit.Header) && !hasFile(files, e.Name()) {
			t.Errorf("%s carries armgen's header but is not generated any more", e.Name())
		}
	}
}

func hasFile(files []emit.File, name string) bool {
	for _, f := range files {
		if f.Name == name {
			return true
		}
	}
	return false
}
