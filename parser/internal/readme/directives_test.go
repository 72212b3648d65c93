package readme

import (
	"slices"
	"testing"
)

func TestRenameStatements(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []renameStatement
	}{
		{`$["x-ms-client-name"] = "username"`, []renameStatement{{name: "username"}}},
		{`$['x-ms-client-name'] = 'username';`, []renameStatement{{name: "username"}}},
		{"$[\"items_count\"][\"x-ms-client-name\"] = \"item_count\";\n$.created[\"x-ms-client-name\"] = \"createdAt\";",
			[]renameStatement{{path: []string{"items_count"}, name: "item_count"}, {path: []string{"created"}, name: "createdAt"}}},
		{`$.items["x-ms-enum"].name = "SettingFields"`, []renameStatement{{path: []string{"items"}, name: "SettingFields", enum: true}}},
		{`$["x-ms-enum"]["name"] = "Kind"`, []renameStatement{{name: "Kind", enum: true}}},
	} {
		got, ok := renameStatements(tc.text)
		if !ok || !slices.EqualFunc(got, tc.want, func(a, b renameStatement) bool {
			return a.name == b.name && a.enum == b.enum && slices.Equal(a.path, b.path)
		}) {
			t.Errorf("%q: %+v %v, want %+v", tc.text, got, ok, tc.want)
		}
	}
	for _, text := range []string{
		`$["x-ms-client-name"] = "a"; $.type = "string"`,
		`$.description = "x"`,
		`delete $.properties.x`,
		`$["x-ms-client-name"] = someVariable`,
		``,
	} {
		if got, ok := renameStatements(text); ok {
			t.Errorf("%q is read as renames: %+v", text, got)
		}
	}
}

func TestJSONPathTokens(t *testing.T) {
	for path, want := range map[string][]string{
		"$.definitions.Pool.properties.vmSize":        {"definitions", "Pool", "properties", "vmSize"},
		`$.paths["/things/{name}"].get.parameters[0]`: {"paths", "/things/{name}", "get", "parameters", "0"},
		`$.definitions['A.B']`:                        {"definitions", "A.B"},
		"$":                                           nil,
	} {
		if got, ok := jsonPathTokens(path); !ok || !slices.Equal(got, want) {
			t.Errorf("%q: %q %v, want %q", path, got, ok, want)
		}
	}
	for _, path := range []string{"$..properties", "$.definitions.*", "definitions.A", "$.paths[?(@.x)]"} {
		if got, ok := jsonPathTokens(path); ok {
			t.Errorf("%q is read as %q", path, got)
		}
	}
}
