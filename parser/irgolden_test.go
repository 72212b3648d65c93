package parser

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/armgen/armgen/internal/testutil"
	"github.com/armgen/armgen/ir"
)

var update = flag.Bool("update", false, "rewrite testdata/ir from the current parser")

// TestIRGolden pins what the parser reads from each golden spec
// (golden/testdata/<case>), without going through Go: the IR, dumped as
// JSON, is testdata/ir/<case>.json. A case the parser refuses has none
// (its stderr.txt pins why). `go test ./parser -run IRGolden -update`
// (make golden) rewrites them; review the diff.
func TestIRGolden(t *testing.T) {
	root := filepath.Join(testutil.Root(), "golden", "testdata")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join("testdata", "ir")
	if *update {
		if err := os.RemoveAll(want); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(want, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cases, parsed := 0, 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		cases++
		dir := filepath.Join(root, e.Name())
		golden := filepath.Join(want, e.Name()+".json")
		t.Run(e.Name(), func(t *testing.T) {
			api := parseCase(t, dir)
			if api == nil {
				if _, err := os.Stat(golden); err == nil {
					t.Errorf("the parser refuses the case, but %s exists (run go test ./parser -run IRGolden -update)", golden)
				}
				return
			}
			parsed++
			got := dumpIR(t, api)
			abs, err := filepath.Abs(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, local := range []string{abs, filepath.ToSlash(abs), testutil.Root(), os.TempDir()} {
				if bytes.Contains(got, []byte(local)) {
					t.Errorf("the dump holds the machine's path %s", local)
				}
			}
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			w, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./parser -run IRGolden -update)", err)
			}
			if diff := cmp.Diff(string(w), string(got)); diff != "" {
				t.Errorf("the IR differs from %s (-want +got):\n%s", golden, diff)
			}
		})
	}
	// Every file of testdata/ir is a case's.
	files, _ := os.ReadDir(want)
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(root, strings.TrimSuffix(f.Name(), ".json"))); err != nil {
			t.Errorf("%s is the IR of no golden case", filepath.Join(want, f.Name()))
		}
	}
	if cases < 20 || parsed < cases*2/3 {
		t.Errorf("%d golden cases, %d parsed", cases, parsed)
	}
}

// parseCase reads a golden case as the golden test does: its spec files
// in name order (or its readme's), with examples when its args.txt says
// -examples. Nil when the parser refuses it.
func parseCase(t *testing.T, dir string) *ir.API {
	t.Helper()
	readFile := func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, filepath.FromSlash(name))) }
	opts := Options{ReadFile: readFile}
	if args, err := os.ReadFile(filepath.Join(dir, "args.txt")); err == nil {
		opts.Examples = slices.Contains(strings.Fields(string(args)), "-examples")
	}
	var specs []string
	if _, err := os.Stat(filepath.Join(dir, "readme.md")); err == nil {
		r, diags := ReadReadme("readme.md", "", opts)
		if diags.HasErrors() {
			return nil
		}
		specs = r.Files
	} else {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if ext := path.Ext(e.Name()); !e.IsDir() && (ext == ".json" || ext == ".yaml" || ext == ".yml") {
				specs = append(specs, e.Name())
			}
		}
		slices.Sort(specs)
	}
	api, diags := Parse(specs, opts)
	if diags.HasErrors() {
		return nil
	}
	return api
}

// dumpIR writes an API as indented JSON: struct fields in the order ir
// declares them, zero values left out, kinds and usages by name, and any
// value whose JSON fits in a line on one line.
func dumpIR(t *testing.T, api *ir.API) []byte {
	var b bytes.Buffer
	d := dumper{t: t}
	d.pretty(&b, reflect.ValueOf(api), "")
	b.WriteByte('\n')
	return b.Bytes()
}

type dumper struct{ t *testing.T }

const lineWidth = 100

var (
	kindType  = reflect.TypeFor[ir.Kind]()
	usageType = reflect.TypeFor[ir.Usage]()
)

// pretty writes v, on one line when it fits, else a member to a line.
func (d dumper) pretty(b *bytes.Buffer, v reflect.Value, indent string) {
	for v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	var line bytes.Buffer
	d.compact(&line, v)
	if line.Len()+len(indent) <= lineWidth || (v.Kind() != reflect.Struct && v.Kind() != reflect.Slice) {
		b.Write(line.Bytes())
		return
	}
	in := indent + "  "
	if v.Kind() == reflect.Slice {
		b.WriteString("[\n")
		for i := range v.Len() {
			b.WriteString(in)
			d.pretty(b, v.Index(i), in)
			if i < v.Len()-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "]")
		return
	}
	b.WriteString("{\n")
	fields := d.fields(v)
	for i, f := range fields {
		b.WriteString(in + quoteJSON(f.name) + ": ")
		d.pretty(b, f.v, in)
		if i < len(fields)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(indent + "}")
}

type dumpField struct {
	name string
	v    reflect.Value
}

// fields are a struct's fields that are not zero, in order.
func (d dumper) fields(v reflect.Value) []dumpField {
	var out []dumpField
	for i := range v.NumField() {
		if f := v.Field(i); v.Type().Field(i).IsExported() && !f.IsZero() {
			out = append(out, dumpField{v.Type().Field(i).Name, f})
		}
	}
	return out
}

// compact writes v on one line.
func (d dumper) compact(b *bytes.Buffer, v reflect.Value) {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			b.WriteString("null")
			return
		}
		v = v.Elem()
	}
	switch {
	case v.Type() == kindType:
		b.WriteString(quoteJSON(v.Interface().(ir.Kind).String()))
		return
	case v.Type() == usageType:
		var names []string
		for bit, name := range map[ir.Usage]string{ir.UsageInput: "input", ir.UsageOutput: "output", ir.UsageError: "error"} {
			if v.Interface().(ir.Usage)&bit != 0 {
				names = append(names, name)
			}
		}
		slices.Sort(names)
		b.WriteString(quoteJSON(strings.Join(names, ",")))
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		b.WriteByte('{')
		for i, f := range d.fields(v) {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(quoteJSON(f.name) + ": ")
			d.compact(b, f.v)
		}
		b.WriteByte('}')
	case reflect.Slice:
		b.WriteByte('[')
		for i := range v.Len() {
			if i > 0 {
				b.WriteString(", ")
			}
			d.compact(b, v.Index(i))
		}
		b.WriteByte(']')
	case reflect.String:
		b.WriteString(quoteJSON(v.String()))
	case reflect.Bool, reflect.Int, reflect.Int64, reflect.Uint8, reflect.Float64:
		out, err := json.Marshal(v.Interface())
		if err != nil {
			d.t.Fatal(err)
		}
		b.Write(out)
	default:
		d.t.Fatalf("the IR dump does not know %s values", v.Type())
	}
}

// quoteJSON writes a string as JSON does, without escaping HTML.
func quoteJSON(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		panic(fmt.Sprint(err))
	}
	return strings.TrimSuffix(b.String(), "\n")
}
