package parser

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi2"

	"github.com/armgen/armgen/internal/benchinput"
	"github.com/armgen/armgen/internal/testutil"
	"github.com/armgen/armgen/ir"
)

// Keys that differ only in case from a field of kin-openapi's types
// ("Properties", "Enum") are unknown keywords to armgen, which ignores
// them with a warning, while encoding/json would read them as the fields.
// kin-openapi is not shown them, so that its reading, which the IR is built
// from, is the one the warning describes.
func TestKeysInOtherCaseAreIgnored(t *testing.T) {
	spec := `{"swagger": "2.0", "info": {"title": "T", "version": "1"},
	  "paths": {"/b": {"get": {"operationId": "B_Get", "Parameters": [{"name": "x", "in": "query", "type": "string"}],
	    "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/B"}}}}}},
	  "definitions": {
	    "A": {"type": "object", "Properties": {"x": {"type": "string"}}},
	    "B": {"type": "object", "properties": {"id": {"type": "string", "Enum": ["a"]},
	      "list": {"type": "array", "items": {"type": "object", "Properties": {"y": {"type": "string"}}}}}, "Required": ["id"]},
	    "C": {"type": "object", "AllOf": [{"$ref": "#/definitions/B"}], "properties": {"c": {"type": "integer"}}}}}`
	api, diags := Parse([]string{"spec.json"}, Options{ReadFile: memFS(map[string]string{"spec.json": spec})})
	if api == nil || diags.HasErrors() {
		t.Fatalf("the spec does not parse: %v", diags)
	}
	for _, key := range []string{"Parameters", "Properties", "Enum", "Required", "AllOf"} {
		if !strings.Contains(diags.Error(), `unknown keyword "`+key+`"`) {
			t.Errorf("no warning for %s:\n%v", key, diags)
		}
	}
	models := map[string]*ir.Model{}
	for _, m := range api.Models {
		models[m.Name] = m
	}
	if models["A"] != nil {
		t.Error("A, with Properties only, is a model")
	}
	b, c := models["B"], models["C"]
	if b == nil || c == nil {
		t.Fatalf("models %v", api.Models)
	}
	if id := b.Properties[0]; id.Type.Kind != ir.KindString || id.Required {
		t.Errorf("B.id is %s, required %v: the Enum and Required beside it were read", id.Type, id.Required)
	}
	if list := b.Properties[1]; list.Type.Elem.Kind != ir.KindAny {
		t.Errorf("B.list's items are %s, not any: their Properties were read", list.Type.Elem)
	}
	if len(c.Parents) != 0 || len(c.Properties) != 1 {
		t.Errorf("C has parents %v and %d properties: its AllOf was read", c.Parents, len(c.Properties))
	}
	if op := api.Operations[0]; len(op.Params) != 0 {
		t.Errorf("B_Get has parameters %v: its Parameters were read", op.Params)
	}
}

// A file is decoded without its sections, and each of their members
// apart (all at once in parallel for an input file, when reached for
// another): what kin-openapi reads of the parts is what it reads of the
// whole document.
func TestPartsReadAsTheWhole(t *testing.T) {
	in := benchinput.Largest(t)
	Parse(in.Files, Options{ReadFile: in.ReadFile, Root: in.Root}) // reads every file
	names := in.Read()
	common, _ := filepath.Glob(filepath.Join(testutil.Specs(t), "specification", "common-types", "resource-management", "*", "*.json"))
	for _, c := range common {
		names = append(names, filepath.ToSlash(c))
	}
	if len(names) < 20 {
		t.Fatalf("%d files", len(names))
	}
	read := func(name string) ([]byte, error) {
		if data, err := in.ReadFile(name); err == nil {
			return data, nil
		}
		return os.ReadFile(name)
	}
	compared := 0
	for i, name := range names {
		input := i%2 == 0
		l := newLoader(Options{ReadFile: read}, name)
		f := l.load(name, input, "")
		if f.doc == nil {
			t.Fatalf("%s: %v", name, l.diags)
		}
		if input && len(f.parts) == 0 {
			t.Errorf("%s: an input's members were not read at once", name)
		}
		data, _ := read(name)
		whole, err := decodeDocument(trimBOM(data))
		if err != nil {
			t.Fatal(err)
		}
		items := map[string]*openapi2.PathItem{}
		for _, p := range f.pathItems() {
			items[p.path] = p.item
		}
		for _, section := range []string{"definitions", "parameters", "responses", "paths"} {
			for _, key := range f.tree.get(section).keysOrNil() {
				var got, want any
				switch section {
				case "definitions":
					got, want = f.definition(key), whole.Definitions[key]
				case "parameters":
					got, want = f.parameter(key), whole.Parameters[key]
				case "responses":
					got, want = f.response(key), whole.Responses[key]
				case "paths":
					got, want = items[key], whole.Paths[key]
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s#/%s/%s: read apart, it is not what kin-openapi reads of the whole", name, section, key)
				}
				compared++
			}
		}
		// The rest of the document is as kin-openapi reads it whole.
		shell := *whole
		shell.Definitions, shell.Parameters, shell.Responses, shell.Paths = nil, nil, nil, nil
		delete(shell.Extensions, "x-ms-paths")
		if len(shell.Extensions) == 0 {
			shell.Extensions = nil
		}
		if !reflect.DeepEqual(f.doc, &shell) {
			t.Errorf("%s: the document without its sections is not what kin-openapi reads of the whole", name)
		}
	}
	t.Logf("%d files, %d definitions, parameters and responses", len(names), compared)
}

// What kin-openapi cannot read in a file reached through $refs is an
// error where it is used, and nothing where it is not; in an input file,
// it is an error.
func TestPartsKinCannotRead(t *testing.T) {
	common := `{"definitions": {"Used": {"type": "object", "properties": {"n": {"type": "number", "maximum": 1e400}}},
	  "Unused": {"type": "number", "maximum": 1e400}, "Fine": {"type": "string"}}}`
	for _, tc := range []struct{ ref, want string }{
		{"common.json#/definitions/Fine", ""},
		{"common.json#/definitions/Used", "common.json#/definitions/Used: cannot decode: json: cannot unmarshal number 1e400"},
		{"", "spec.json#/definitions/Thing: cannot decode: json: cannot unmarshal number -1e999"},
	} {
		spec := specHead + `"definitions": {"Thing": {"type": "object", "properties": {"x": {"$ref": "` + tc.ref + `"}}}}}`
		if tc.ref == "" {
			spec = specHead + `"definitions": {"Thing": {"type": "object", "properties": {"x": {"type": "integer", "minimum": -1e999}}}}}`
		}
		api, diags := Parse([]string{"spec.json"}, Options{ReadFile: memFS(map[string]string{"spec.json": spec, "common.json": common})})
		switch {
		case tc.want == "" && (api == nil || len(diags) > 0):
			t.Errorf("%s: %v", tc.ref, diags)
		case tc.want != "" && (api != nil || !strings.HasPrefix(diags.Error(), tc.want)):
			t.Errorf("%s: got %v, want an error beginning %s", tc.ref, diags, tc.want)
		}
	}
}
