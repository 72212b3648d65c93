package synth_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/armgen/armgen/emit"
	"github.com/armgen/armgen/internal/synth"
	"github.com/armgen/armgen/ir"
	"github.com/armgen/armgen/parser"
)

func parse(t *testing.T, n int) (*ir.API, ir.Diagnostics) {
	t.Helper()
	data := synth.Spec(n)
	return parser.Parse([]string{synth.Name}, parser.Options{ReadFile: func(name string) ([]byte, error) {
		if name != synth.Name {
			t.Fatalf("the synthetic spec refers to another file: %s", name)
		}
		return data, nil
	}})
}

func TestDeterministic(t *testing.T) {
	a, b := synth.Spec(100), synth.Spec(100)
	if !bytes.Equal(a, b) {
		t.Fatal("two specs of the same size differ")
	}
	if bytes.Equal(a, synth.Spec(101)) {
		t.Fatal("specs of different sizes are the same")
	}
}

// The specs are what the package says: n definitions besides CloudError,
// n/4 operations, half pageable and half long-running, all of which armgen
// reads without a single warning.
func TestShape(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 4, 7, 10, 41, 100} {
		var doc struct {
			Definitions map[string]json.RawMessage
		}
		if err := json.Unmarshal(synth.Spec(n), &doc); err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		if got := len(doc.Definitions) - 2; got != n {
			t.Errorf("n=%d: %d definitions besides CloudError and CloudErrorBody", n, got)
		}
		api, diags := parse(t, n)
		if len(diags) > 0 {
			t.Fatalf("n=%d: %v", n, diags)
		}
		pageable, lro := 0, 0
		for _, op := range api.Operations {
			if op.Pageable != nil {
				pageable++
			}
			if op.LongRunning != nil {
				lro++
			}
		}
		if len(api.Operations) != n/4 || pageable+lro != n/4 || n >= 8 && (pageable == 0 || lro == 0) {
			t.Errorf("n=%d: %d operations, %d pageable, %d long-running; want %d, both kinds", n, len(api.Operations), pageable, lro, n/4)
		}
		if n >= 4 && len(api.Enums) < n/4 {
			t.Errorf("n=%d: only %d enums", n, len(api.Enums))
		}
		if _, diags := emit.Generate(api, emit.Options{Package: "synth"}); len(diags) > 0 {
			t.Fatalf("n=%d: %v", n, diags)
		}
	}
}

// What armgen generates from a synthetic spec compiles and passes vet.
func TestGeneratedCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a package with the go command")
	}
	api, diags := parse(t, 41)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	files, diags := emit.Generate(api, emit.Options{Package: "synth", Sources: []string{synth.Name}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/synth\n\ngo 1.26\n")
	for _, f := range files {
		write(f.Name, string(f.Content))
	}
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet: %v\n%s", err, out)
	}
}
