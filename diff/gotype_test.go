package diff

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/armgen/armgen/emit"
	"github.com/armgen/armgen/emit/naming"
	"github.com/armgen/armgen/internal/testutil"
	"github.com/armgen/armgen/ir"
	armparser "github.com/armgen/armgen/parser"
	"github.com/armgen/armgen/spec"
)

// TestGoTypesMatchEmit holds diff's Go types to what emit writes: for
// every struct field of a model and every options field, the type the
// report would name is the type in the generated code.
func TestGoTypesMatchEmit(t *testing.T) {
	t.Run("default spec", func(t *testing.T) {
		api, diags := armparser.Parse([]string{spec.Default}, armparser.Options{
			ReadFile: func(name string) ([]byte, error) { return fs.ReadFile(spec.FS, name) }})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		checkGoTypes(t, api)
	})
	t.Run("golden enums", func(t *testing.T) {
		dir := filepath.Join(testutil.Root(), "golden", "enums")
		api, diags := armparser.Parse([]string{"spec.json"}, armparser.Options{
			ReadFile: func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, name)) }})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		checkGoTypes(t, api)
	})
	t.Run("Batch 2024-02-01", func(t *testing.T) {
		api, diags := armparser.Parse([]string{testutil.BatchSpec(t, "2024-02-01")}, armparser.Options{})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		checkGoTypes(t, api)
	})
}

func checkGoTypes(t *testing.T, api *ir.API) {
	t.Helper()
	files, diags := emit.Generate(api, emit.Options{Package: "client"})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	// Every struct type's fields as written, by type and field name.
	fset := token.NewFileSet()
	written := map[string]map[string]string{}
	for _, f := range files {
		if !strings.HasSuffix(f.Name, ".go") {
			continue
		}
		file, err := parser.ParseFile(fset, f.Name, f.Content, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return false
			}
			fields := map[string]string{}
			for _, fld := range st.Fields.List {
				var b bytes.Buffer
				printer.Fprint(&b, fset, fld.Type)
				for _, name := range fld.Names {
					fields[name.Name] = b.String()
				}
			}
			written[ts.Name.Name] = fields
			return false
		})
	}
	names, _ := naming.Assign(api, "client")
	s := newSide(api, names)
	checked := 0
	for _, m := range api.Models {
		fields := written[names.Type(m)]
		if fields == nil {
			t.Errorf("no struct %s in the generated code", names.Type(m))
			continue
		}
		for _, p := range m.Properties {
			field := names.Field(p)
			if got, want := s.fieldType(p.Type), fields[field]; got != want {
				t.Errorf("%s.%s: diff says %s, emit wrote %s", names.Type(m), field, got, want)
			}
			checked++
		}
	}
	for _, op := range api.Operations {
		o := names.Op(op)
		fields := written[o.Options]
		for _, p := range op.Params {
			if roleOf(p) != roleOption {
				continue
			}
			if got, want := s.optionType(p), fields[names.Param(p).Field]; got != want {
				t.Errorf("%s.%s: diff says %s, emit wrote %s", o.Options, names.Param(p).Field, got, want)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no fields checked")
	}
}
