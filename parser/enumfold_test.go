package parser

import "testing"

// A service's copy of an enum named like common-types' one but for case
// is the same enum when its values are; with other values it stays apart
// (naming settles the names).
func TestEnumsFoldedByName(t *testing.T) {
	spec := `{"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {},
	  "definitions": {
	    "A": {"type": "object", "properties": {
	      "by": {"type": "string", "enum": ["User", "Key"], "x-ms-enum": {"name": "createdByType", "modelAsString": true}},
	      "same": {"type": "string", "enum": ["Key", "User"], "x-ms-enum": {"name": "CreatedByType", "modelAsString": true}},
	      "other": {"type": "string", "enum": ["User", "App"], "x-ms-enum": {"name": "CREATEDBYTYPE", "modelAsString": true}}
	    }}
	  }}`
	api, diags := Parse([]string{"spec.json"}, Options{ReadFile: memFS(map[string]string{"spec.json": spec})})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if len(api.Enums) != 2 {
		t.Fatalf("%d enums, want 2 (the same values merged, others apart)", len(api.Enums))
	}
	props := api.ModelByKey("A").Properties
	if props[0].Type.Ref != props[1].Type.Ref || props[0].Type.Ref == props[2].Type.Ref {
		t.Errorf("enum refs: %q %q %q", props[0].Type.Ref, props[1].Type.Ref, props[2].Type.Ref)
	}
}
