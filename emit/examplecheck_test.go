package emit

import (
	"strings"
	"testing"

	"github.com/armgen/armgen/ir"
)

// checkAPI has a model with one property of each kind the checks read,
// and a polymorphic family.
func checkAPI() *ir.API {
	prop := func(name string, t *ir.Type) *ir.Property { return &ir.Property{Name: name, Type: t} }
	minimum, maxLen := 1.0, int64(3)
	thing := &ir.Model{Key: "Thing", Name: "Thing", Properties: []*ir.Property{
		prop("flag", &ir.Type{Kind: ir.KindBool}),
		prop("count", &ir.Type{Kind: ir.KindInt32}),
		prop("when", &ir.Type{Kind: ir.KindDateTime}),
		prop("day", &ir.Type{Kind: ir.KindDate}),
		prop("blob", &ir.Type{Kind: ir.KindBytes}),
		prop("tags", &ir.Type{Kind: ir.KindMap, Elem: &ir.Type{Kind: ir.KindString}}),
		prop("list", &ir.Type{Kind: ir.KindArray, Elem: &ir.Type{Kind: ir.KindInt64}}),
		prop("color", &ir.Type{Kind: ir.KindEnum, Ref: "Color"}),
		{Name: "id", Type: &ir.Type{Kind: ir.KindString}, ReadOnly: true},
		{Name: "size", Type: &ir.Type{Kind: ir.KindInt64}, Constraints: ir.Constraints{Minimum: &minimum}},
		{Name: "code", Type: &ir.Type{Kind: ir.KindString}, Constraints: ir.Constraints{MaxLength: &maxLen}},
		prop("pet", &ir.Type{Kind: ir.KindModel, Ref: "Pet"}),
	}}
	pet := &ir.Model{Key: "Pet", Name: "Pet", Discriminator: "kind", Children: []string{"Dog"}, Properties: []*ir.Property{
		{Name: "kind", Type: &ir.Type{Kind: ir.KindString}, Discriminator: true, Required: true, ReadOnly: true},
	}}
	dog := &ir.Model{Key: "Dog", Name: "Dog", Base: "Pet", DiscriminatorValue: "dog", Properties: []*ir.Property{
		{Name: "kind", Type: &ir.Type{Kind: ir.KindString}, Discriminator: true, Required: true, ReadOnly: true},
		{Name: "barks", Type: &ir.Type{Kind: ir.KindBool}},
		{Name: "born", Type: &ir.Type{Kind: ir.KindDateTime}, ReadOnly: true},
	}}
	color := &ir.Enum{Key: "Color", Name: "Color", Base: ir.KindString, Values: []*ir.EnumValue{{Value: `"red"`}}}
	return &ir.API{Models: []*ir.Model{dog, pet, thing}, Enums: []*ir.Enum{color}}
}

func TestExampleCheck(t *testing.T) {
	api := checkAPI()
	thing := &ir.Type{Kind: ir.KindModel, Ref: "Thing"}
	for _, tc := range []struct {
		json    string
		request bool
		want    string // "" when the example agrees
	}{
		{`{"flag": true, "count": 3, "when": "2024-01-31T10:00:00.1234567Z", "day": "2024-01-31", "blob": "aGk=", "tags": {"a": "b"}, "list": [1, 2], "color": "blue", "unknown": [1]}`, false, ""},
		{`{"when": "2024-01-31 10:00:00", "flag": null}`, false, ""}, // a space for T, no zone; a property's null is kept
		{`{"flag": "true"}`, false, `$.flag: "true" is a string, the spec says boolean`},
		{`{"count": 1.5}`, false, `$.count: 1.5 is a number, the spec says integer`},
		{`{"count": 3000000000}`, false, `$.count: 3000000000 is out of the range of int32`},
		{`{"when": "2024-01-31"}`, false, `$.when: "2024-01-31" is not a date-time`},
		{`{"blob": "not base64!"}`, false, `$.blob: "not base64!" is not base64`},
		{`{"tags": []}`, false, `$.tags: [] is an array, the spec says object (a map)`},
		{`{"tags": {"a": null}}`, false, `$.tags.a: null, the spec says string (not x-nullable)`},
		{`{"list": [1, "2"]}`, false, `$.list[1]: "2" is a string, the spec says integer`},
		{`{"color": 1}`, false, `$.color: 1 is a number, the spec says string`},
		{`[]`, false, `$: [] is an array, the spec says object (Thing)`},
		// Constraints count in requests only, and read-only properties not.
		{`{"size": 0}`, false, ""},
		{`{"size": 0}`, true, `$.size: 0 is below the spec's minimum 1`},
		{`{"code": "long"}`, true, `$.code: "long" is longer than the spec's maxLength 3`},
		{`{"id": 5}`, true, ""},
		{`{"id": 5}`, false, `$.id: 5 is a number, the spec says string`},
		// A family member is checked as itself, found by its discriminator.
		{`{"pet": {"kind": "dog", "barks": "yes"}}`, false, `$.pet.barks: "yes" is a string, the spec says boolean`},
		{`{"pet": {"kind": "cat", "barks": "yes"}}`, false, ""},
	} {
		v, err := decodeExampleJSON(tc.json)
		if err != nil {
			t.Fatal(err)
		}
		x := &exampleCheck{api: api, request: tc.request, polymorphic: func(t *ir.Type) bool { return t.Ref == "Pet" }}
		got := x.value("$", thing, ir.Constraints{}, v, false)
		if tc.want == "" && got != "" || tc.want != "" && !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s (request %v): %q, want %q", tc.json, tc.request, got, tc.want)
		}
	}
}

// The request an example describes leaves read-only properties out, the
// discriminator excepted; an example without any is kept as written.
func TestStripReadOnly(t *testing.T) {
	api := checkAPI()
	thing := &ir.Type{Kind: ir.KindModel, Ref: "Thing"}
	for in, want := range map[string]string{
		`{"id": "x", "count": 1, "pet": {"kind": "dog", "born": "2020-01-01T00:00:00Z", "barks": true}}`: `{"count":1,"pet":{"barks":true,"kind":"dog"}}`,
		`{"count":  1, "note": "<b>"}`: `{"count":  1, "note": "<b>"}`,
	} {
		if got := stripReadOnly(api, thing, in); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
}
