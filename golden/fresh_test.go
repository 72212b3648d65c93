package golden_test

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"testing"

	"github.com/armgen/armgen/emit"
	"github.com/armgen/armgen/internal/outdir"
	"github.com/armgen/armgen/parser"
	"github.com/armgen/armgen/spec"
)

// generated/batch is the biggest golden: it must be what the generator
// writes for the default spec today, fakes included (generate.go asks for
// them), without asking git.
func TestGeneratedBatchIsFresh(t *testing.T) {
	api, diags := parser.Parse([]string{spec.Default}, parser.Options{
		ReadFile: func(name string) ([]byte, error) { return fs.ReadFile(spec.FS, name) },
	})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	files, diags := emit.Generate(api, emit.Options{Package: "batch", Sources: []string{spec.Default},
		Fakes: true, ImportPath: "github.com/armgen/armgen/generated/batch"})
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
	for _, sub := range []string{"", "fake"} {
		entries, _ := os.ReadDir(filepath.Join(dir, sub))
		for _, e := range entries {
			name := path.Join(sub, e.Name())
			b, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
			if outdir.Generated(b, emit.Header) && !hasFile(files, name) {
				t.Errorf("%s carries armgen's header but is not generated any more", name)
			}
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
