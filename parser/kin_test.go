package parser

import (
	"strings"
	"testing"

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
