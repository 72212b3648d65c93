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

// TestGoTypesMatchEmit checks that the Go types the report names are the
// types in the generated code, in every place a type is written: both
// come from naming.GoType, and this proves the emitter uses it for model
// fields, options fields and arguments alike.
func TestGoTypesMatchEmit(t *testing.T) {
	total = 0
	t.Run("default spec", func(t *testing.T) {
		api, diags := armparser.Parse([]string{spec.Default}, armparser.Options{
			ReadFile: func(name string) ([]byte, error) { return fs.ReadFile(spec.FS, name) }})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		checkGoTypes(t, api)
	})
	// Every golden case that generates: all shapes of models, enums,
	// parameters, polymorphism, paging and long-running operations.
	cases, err := os.ReadDir(filepath.Join(testutil.Root(), "golden", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	generating := 0
	for _, c := range cases {
		dir := filepath.Join(testutil.Root(), "golden", "testdata", c.Name())
		if _, err := os.Stat(filepath.Join(dir, "want")); err != nil {
			continue
		}
		generating++
		t.Run("golden "+c.Name(), func(t *testing.T) {
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			var specs []string
			for _, e := range entries {
				if ext := filepath.Ext(e.Name()); !e.IsDir() && (ext == ".json" || ext == ".yaml" || ext == ".yml") {
					specs = append(specs, e.Name())
				}
			}
			api, diags := armparser.Parse(specs, armparser.Options{
				ReadFile: func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, filepath.FromSlash(name))) }})
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			checkGoTypes(t, api)
		})
	}
	if generating < 20 {
		t.Errorf("only %d golden cases found", generating)
	}
	t.Cleanup(func() {
		if total < 100 {
			t.Errorf("only %d types checked", total)
		}
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
	// Every struct type's fields as written, by type and field name, and
	// every method's parameters, by receiver type, method and parameter.
	fset := token.NewFileSet()
	written := map[string]map[string]string{}
	params := map[string]map[string]string{}
	typeText := func(e ast.Expr) string {
		var b bytes.Buffer
		printer.Fprint(&b, fset, e)
		return b.String()
	}
	for _, f := range files {
		if !strings.HasSuffix(f.Name, ".go") {
			continue
		}
		file, err := parser.ParseFile(fset, f.Name, f.Content, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if fd, ok := n.(*ast.FuncDecl); ok {
				if fd.Recv != nil {
					recv := strings.TrimPrefix(typeText(fd.Recv.List[0].Type), "*")
					ps := map[string]string{}
					for _, fld := range fd.Type.Params.List {
						for _, name := range fld.Names {
							ps[name.Name] = typeText(fld.Type)
						}
					}
					params[recv+"."+fd.Name.Name] = ps
				}
				return false
			}
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
				for _, name := range fld.Names {
					fields[name.Name] = typeText(fld.Type)
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
		args := params[o.Group.Type+"."+o.Request]
		if args == nil {
			t.Errorf("no method %s.%s in the generated code", o.Group.Type, o.Request)
		}
		for _, p := range op.Params {
			switch roleOf(p) {
			case roleOption:
				if got, want := s.optionType(p), fields[names.Param(p).Field]; got != want {
					t.Errorf("%s.%s: diff says %s, emit wrote %s", o.Options, names.Param(p).Field, got, want)
				}
			case roleArgument:
				if got, want := s.argType(p), args[names.Param(p).Arg]; got != want {
					t.Errorf("%s.%s argument %s: diff says %s, emit wrote %s", o.Group.Type, o.Request, names.Param(p).Arg, got, want)
				}
			default:
				continue
			}
			checked++
		}
	}
	total += checked
}

// total counts the types checked over all cases: the test must not pass by
// checking nothing.
var total int
