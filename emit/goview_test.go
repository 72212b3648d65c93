package emit

import (
	"bytes"
	"go/ast"
	goparser "go/parser"
	"go/printer"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/armgen/armgen/emit/naming"
	"github.com/armgen/armgen/internal/testutil"
	"github.com/armgen/armgen/ir"
	"github.com/armgen/armgen/parser"
	"github.com/armgen/armgen/spec"
)

// TestGoViewIsTheCode holds the Go view of emit/naming, which `armgen
// diff` reports from, to the code the emitter writes from it, in every
// place the view says something: the Go type of each model field, each
// operation's method users call with its arguments in order, its options
// struct, and its response's body and header fields.
func TestGoViewIsTheCode(t *testing.T) {
	var total int
	t.Run("default spec", func(t *testing.T) {
		api, diags := parser.Parse([]string{spec.Default}, parser.Options{
			ReadFile: func(name string) ([]byte, error) { return fs.ReadFile(spec.FS, name) }})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		total += checkGoView(t, api)
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
			api, diags := parser.Parse(specs, parser.Options{
				ReadFile: func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, filepath.FromSlash(name))) }})
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			total += checkGoView(t, api)
		})
	}
	if generating < 20 {
		t.Errorf("only %d golden cases found", generating)
	}
	t.Run("Batch 2024-02-01", func(t *testing.T) {
		api, diags := parser.Parse([]string{testutil.BatchSpec(t, "2024-02-01")}, parser.Options{})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		total += checkGoView(t, api)
	})
	if total < 1000 {
		t.Errorf("only %d places checked", total)
	}
}

// field is a struct field or a parameter as written: its name ("" for an
// embedded field) and type.
type field struct{ name, typ string }

// written is what a generated package declares: each struct's fields and
// each method's parameters, in order, by type and by receiver.method.
type written struct {
	structs, methods map[string][]field
}

func readWritten(t *testing.T, files []File) written {
	t.Helper()
	fset := token.NewFileSet()
	w := written{structs: map[string][]field{}, methods: map[string][]field{}}
	text := func(e ast.Expr) string {
		var b bytes.Buffer
		printer.Fprint(&b, fset, e)
		return b.String()
	}
	fields := func(list *ast.FieldList) []field {
		var out []field
		for _, f := range list.List {
			if len(f.Names) == 0 {
				out = append(out, field{"", text(f.Type)})
			}
			for _, name := range f.Names {
				out = append(out, field{name.Name, text(f.Type)})
			}
		}
		return out
	}
	for _, f := range files {
		if !strings.HasSuffix(f.Name, ".go") || strings.HasPrefix(f.Name, "fake/") {
			continue
		}
		file, err := goparser.ParseFile(fset, f.Name, f.Content, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				if n.Recv != nil {
					recv := strings.TrimPrefix(text(n.Recv.List[0].Type), "*")
					w.methods[recv+"."+n.Name.Name] = fields(n.Type.Params)
				}
				return false
			case *ast.TypeSpec:
				if st, ok := n.Type.(*ast.StructType); ok {
					w.structs[n.Name.Name] = fields(st.Fields)
				}
				return false
			}
			return true
		})
	}
	return w
}

// fieldOf finds a field by name.
func fieldOf(fields []field, name string) (field, bool) {
	i := slices.IndexFunc(fields, func(f field) bool { return f.name == name })
	if i < 0 {
		return field{}, false
	}
	return fields[i], true
}

// checkGoView checks one API's view against its code and says how many
// places it checked.
func checkGoView(t *testing.T, api *ir.API) int {
	t.Helper()
	files, diags := Generate(api, Options{Package: "client"})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	w := readWritten(t, files)
	names, _ := naming.Assign(api, "client")
	checked := 0
	expect := func(what string, fields []field, name, typ string) {
		t.Helper()
		checked++
		got, ok := fieldOf(fields, name)
		switch {
		case !ok:
			t.Errorf("%s: no field %q in the code", what, name)
		case got.typ != typ:
			t.Errorf("%s: the view says %s, emit wrote %s", what, typ, got.typ)
		}
	}
	for _, m := range api.Models {
		fields, ok := w.structs[names.Type(m)]
		if !ok {
			t.Errorf("no struct %s in the code", names.Type(m))
			continue
		}
		for _, p := range m.Properties {
			expect(names.Type(m)+"."+names.Field(p), fields, names.Field(p), names.FieldType(p.Type).String())
		}
	}
	for _, op := range api.Operations {
		o := names.Op(op)
		// The method users call takes the context (a pager's calls take
		// it, not the pager), the arguments in order and the options.
		call := o.Group.Type + "." + o.Call
		params, ok := w.methods[call]
		if !ok {
			t.Errorf("%s: no method %s in the code", op.ID, call)
			continue
		}
		var want []field
		if o.Call != o.NewPager {
			want = append(want, field{"ctx", "context.Context"})
		}
		for _, p := range o.Args {
			want = append(want, field{names.Param(p).Arg, names.ArgType(p.Type).String()})
		}
		want = append(want, field{"options", "*" + o.Options})
		if !slices.Equal(params, want) {
			t.Errorf("%s: the view says %v, emit wrote %v", call, want, params)
		}
		checked++
		// The options struct holds the optional parameters, in order.
		var opts []field
		for _, p := range o.Optional {
			opts = append(opts, field{names.Param(p).Field, names.OptionType(p.Type).String()})
		}
		if got := w.structs[o.Options]; !slices.Equal(got, opts) {
			t.Errorf("%s: the view says %v, emit wrote %v", o.Options, opts, got)
		}
		checked++
		// The response embeds its body, or holds it in Value; bodies of
		// other schemas and headers have fields of their own.
		resp := w.structs[o.Response]
		switch {
		case o.Body == nil:
		case o.Embeds:
			expect(o.Response+" (embedded)", resp, "", names.ValueType(o.Body).String())
		default:
			expect(o.Response+".Value", resp, "Value", names.ValueType(o.Body).String())
		}
		for _, name := range o.OwnFields() {
			checked++
			if _, ok := fieldOf(resp, name); !ok {
				t.Errorf("%s: no field %s for a body of its own", o.Response, name)
			}
		}
		for _, h := range o.Headers {
			expect(o.Response+"."+names.HeaderField(h), resp, names.HeaderField(h), names.FieldType(h.Type).String())
		}
	}
	return checked
}
