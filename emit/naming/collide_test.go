package naming

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/armgen/armgen/ir"
)

// collisionAPI is an API whose definitions want the same Go names from
// several files: spec.json (given), other.json, and two common-types
// versions.
func collisionAPI(extra ...*ir.Model) *ir.API {
	def := func(file, name string) *ir.Model {
		return &ir.Model{Key: file + ":" + name, Name: name, Pointer: ir.Pointer(file + "#/definitions/" + name)}
	}
	v3 := "common-types/resource-management/v3/types.json"
	v5 := "common-types/resource-management/v5/types.json"
	api := &ir.API{
		Files:  []string{"spec.json", v3, v5, "other.json"},
		Inputs: 1,
		Models: append([]*ir.Model{
			def(v5, "ErrorResponse"), def("spec.json", "ErrorResponse"), def(v3, "ErrorResponse"),
			def(v5, "ErrorDetail"), def(v3, "ErrorDetail"),
			def("other.json", "Operation"), def(v3, "Operation"),
			def("spec.json", "IpRule"), def("spec.json", "IPRule"),
		}, extra...),
		Enums: []*ir.Enum{
			{Key: "Category", Name: "Category", Named: true, Base: ir.KindString, Pointer: "spec.json#/definitions/Alert/properties/category"},
		},
	}
	api.Models = append(api.Models, def("spec.json", "Category"))
	slices.SortFunc(api.Models, func(a, b *ir.Model) int { return strings.Compare(a.Key, b.Key) })
	return api
}

// typeNames maps each model's and enum's pointer to its Go name.
func typeNames(t *testing.T, api *ir.API, renames ...ir.Rename) (map[ir.Pointer]string, ir.Diagnostics) {
	t.Helper()
	n, diags := Assign(api, "p", renames...)
	out := map[ir.Pointer]string{}
	for _, m := range api.Models {
		out[m.Pointer] = n.Type(m)
	}
	for _, e := range api.Enums {
		out[e.Pointer+"/x-ms-enum"] = n.Type(e)
	}
	return out, diags
}

func TestCollisionsSettled(t *testing.T) {
	got, diags := typeNames(t, collisionAPI())
	if diags.HasErrors() {
		t.Fatalf("collisions refused:\n%s", diags.Error())
	}
	want := map[ir.Pointer]string{
		"spec.json#/definitions/ErrorResponse":                                      "ErrorResponse", // the spec given keeps it
		"common-types/resource-management/v3/types.json#/definitions/ErrorResponse": "ErrorResponseV3",
		"common-types/resource-management/v5/types.json#/definitions/ErrorResponse": "ErrorResponseV5",
		"common-types/resource-management/v3/types.json#/definitions/ErrorDetail":   "ErrorDetail", // the older version keeps it
		"common-types/resource-management/v5/types.json#/definitions/ErrorDetail":   "ErrorDetailV5",
		"other.json#/definitions/Operation":                                         "Operation", // not common-types
		"common-types/resource-management/v3/types.json#/definitions/Operation":     "OperationV3",
		"spec.json#/definitions/IPRule":                                             "IPRule", // the Go name exactly
		"spec.json#/definitions/IpRule":                                             "IPRule2",
		"spec.json#/definitions/Category":                                           "Category", // a definition before a property's enum
		"spec.json#/definitions/Alert/properties/category/x-ms-enum":                "AlertCategory",
	}
	for p, name := range want {
		if got[p] != name {
			t.Errorf("%s is %s, want %s", p, got[p], name)
		}
	}
	// Each fallback is a warning naming both pointers and both names.
	warnings := 0
	for _, d := range diags {
		if d.Severity != ir.Warning || !strings.Contains(d.Message, "which keeps it") {
			continue
		}
		warnings++
		if !strings.Contains(d.Message, got[d.Pointer]) && !strings.Contains(d.Message, got[d.Pointer+"/x-ms-enum"]) {
			t.Errorf("the warning does not name the chosen name: %s", d)
		}
	}
	if warnings != 6 {
		t.Errorf("%d collision warnings, want 6:\n%s", warnings, diags.Error())
	}
}

// Adding definitions that want none of the names renames nothing, in
// whatever file they are; so does a definition whose name is a fallback
// taken already, which is numbered itself.
func TestCollisionsStable(t *testing.T) {
	before, _ := typeNames(t, collisionAPI())
	after, _ := typeNames(t, collisionAPI(
		&ir.Model{Key: "a", Name: "Aardvark", Pointer: "common-types/resource-management/v2/types.json#/definitions/Aardvark"},
		&ir.Model{Key: "z", Name: "Zebra", Pointer: "spec.json#/definitions/Zebra"},
		&ir.Model{Key: "e", Name: "ErrorResponse", Pointer: "common-types/resource-management/v6/types.json#/definitions/ErrorResponse"},
	))
	for p, name := range before {
		if after[p] != name {
			t.Errorf("%s was %s, is now %s", p, name, after[p])
		}
	}
	if n := after["common-types/resource-management/v6/types.json#/definitions/ErrorResponse"]; n != "ErrorResponseV6" {
		t.Errorf("the new version's ErrorResponse is %s, want ErrorResponseV6", n)
	}
}

// Names do not depend on the order of the API's slices.
func TestCollisionsOrderFree(t *testing.T) {
	api := collisionAPI()
	want, _ := typeNames(t, api)
	slices.Reverse(api.Models)
	got, _ := typeNames(t, api)
	if !maps.Equal(got, want) {
		t.Errorf("names changed with the order of models:\n got %v\nwant %v", got, want)
	}
}

func TestRenames(t *testing.T) {
	api := collisionAPI()
	api.Models = append(api.Models, &ir.Model{Key: "Thing", Name: "Thing", Pointer: "spec.json#/definitions/Thing",
		Properties: []*ir.Property{{Name: "userName", Type: &ir.Type{Kind: ir.KindString}, Pointer: "spec.json#/definitions/Thing/properties/userName"}}})
	slices.SortFunc(api.Models, func(a, b *ir.Model) int { return strings.Compare(a.Key, b.Key) })
	api.Operations = []*ir.Operation{{ID: "Things_List", Group: "Things", Name: "List", Method: "GET", Path: "/things", PathParts: ir.Template{{Text: "/things"}}, Pointer: "spec.json#/paths/~1things/get"}}
	renames := []ir.Rename{
		{Target: "v5/types.json#/definitions/ErrorResponse", Name: "CommonError", GoName: true, From: "-rename"},
		{Target: "#/definitions/IpRule", Name: "ip_rule_old", From: "readme.md#L3"},
		{Target: "#/definitions/Thing/properties/userName", Name: "username", From: "readme.md#L4"},
		{Target: "#/paths/~1things/get", Name: "ListAll", GoName: true, From: "-rename"},
		{Target: "#/operationGroups/Things", Name: "Stuff", GoName: true, From: "-rename"},
		{Target: "#/definitions/Nothing", Name: "X", GoName: true, From: "renames.txt#L1"},
		{Target: "#/definitions/ErrorDetail", Name: "Detail", GoName: true, From: "renames.txt#L2"},
		{Target: "#/definitions/Category", Name: "not exported", GoName: true, From: "renames.txt#L3"},
	}
	n, diags := Assign(api, "p", renames...)
	model := func(p ir.Pointer) *ir.Model {
		for _, m := range api.Models {
			if m.Pointer == p {
				return m
			}
		}
		t.Fatalf("no model at %s", p)
		return nil
	}
	if got := n.Type(model("common-types/resource-management/v5/types.json#/definitions/ErrorResponse")); got != "CommonError" {
		t.Errorf("renamed ErrorResponse is %s", got)
	}
	if got := n.Type(model("spec.json#/definitions/IpRule")); got != "IPRuleOld" {
		t.Errorf("IpRule renamed by a readme is %s, want IPRuleOld", got)
	}
	thing := model("spec.json#/definitions/Thing")
	if got := n.Field(thing.Properties[0]); got != "Username" {
		t.Errorf("the renamed field is %s", got)
	}
	if o := n.Op(api.Operations[0]); o == nil || o.Method != "ListAll" || o.Group.Accessor != "Stuff" || o.Group.Type != "StuffClient" {
		t.Errorf("the renamed operation is %+v", o)
	}
	var lines []string
	for _, d := range diags {
		if strings.HasPrefix(string(d.Pointer), "renames.txt") {
			lines = append(lines, d.String())
		}
	}
	want := []string{
		"renames.txt#L1: warning: the rename of #/definitions/Nothing matches nothing in the spec; it is ignored — name a definition, property, enum, enum value, operation, or #/operationGroups/Group",
		"renames.txt#L2: the rename of #/definitions/ErrorDetail matches both common-types/resource-management/v3/types.json#/definitions/ErrorDetail and common-types/resource-management/v5/types.json#/definitions/ErrorDetail — put the file in the pointer, as in types.json#/definitions/Name",
		`renames.txt#L3: cannot rename #/definitions/Category to "not exported": it is not an exported Go identifier`,
	}
	if !slices.Equal(lines, want) {
		t.Errorf("rename diagnostics:\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// Enum values that become one constant are numbered after the first, with
// a warning for each; one renamed is out of the collision, without one.
func TestEnumValuesCollide(t *testing.T) {
	values := func() []*ir.EnumValue {
		var out []*ir.EnumValue
		for i, v := range []string{`"on"`, `"On"`, `"on_"`, `"off"`} {
			out = append(out, &ir.EnumValue{Value: v, Pointer: ir.Pointer(fmt.Sprint("spec.json#/definitions/Mode/enum/", i))})
		}
		return out
	}
	mode := func() *ir.API {
		return &ir.API{Title: "T", Version: "1", Files: []string{"spec.json"}, Enums: []*ir.Enum{
			{Key: "Mode", Name: "Mode", Named: true, Base: ir.KindString, Values: values(), Pointer: "spec.json#/definitions/Mode"}}}
	}
	for _, tc := range []struct {
		renames  []ir.Rename
		consts   []string
		warnings int
	}{
		{nil, []string{"ModeOn", "ModeOn2", "ModeOn3", "ModeOff"}, 2},
		{[]ir.Rename{{Target: "#/definitions/Mode/enum/1", Name: "ModeUpper", GoName: true, From: "-rename"}},
			[]string{"ModeOn", "ModeUpper", "ModeOn2", "ModeOff"}, 1},
	} {
		api := mode()
		n, diags := Assign(api, "p", tc.renames...)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		var got []string
		for _, v := range api.Enums[0].Values {
			got = append(got, n.Const(v))
		}
		warnings := 0
		for _, d := range diags {
			if d.Severity == ir.Warning && strings.Contains(d.Message, "both become the Go constant ModeOn") {
				warnings++
			}
		}
		if !slices.Equal(got, tc.consts) || warnings != tc.warnings {
			t.Errorf("renames %v: constants %q with %d warnings, want %q with %d\n%s", tc.renames, got, warnings, tc.consts, tc.warnings, diags)
		}
	}
}
