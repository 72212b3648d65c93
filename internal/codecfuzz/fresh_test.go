package codecfuzz_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/armgen/armgen/emit"
	"github.com/armgen/armgen/internal/outdir"
	"github.com/armgen/armgen/parser"
)

// current is what the generator writes from spec.json today: the fuzz
// targets must test this generator, not an older one.
func TestCurrentIsFresh(t *testing.T) {
	api, diags := parser.Parse([]string{"spec.json"}, parser.Options{ReadFile: os.ReadFile})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	files, diags := emit.Generate(api, emit.Options{Package: "current", Sources: []string{"spec.json"}})
	if diags.HasErrors() || len(diags) > 0 {
		t.Fatal(diags)
	}
	var out []outdir.File
	for _, f := range files {
		out = append(out, outdir.File{Name: f.Name, Content: f.Content})
	}
	plan, err := outdir.Compare(filepath.Join("current"), emit.Header, out)
	if err != nil {
		t.Fatal(err)
	}
	if !plan.Empty() {
		t.Errorf("internal/codecfuzz/current is stale; run make generate:\n%s", plan.Describe())
	}
}
