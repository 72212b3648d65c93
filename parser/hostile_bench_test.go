package parser

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkHostileShapes parses specs built to make careless code
// quadratic: one model with 20,000 properties (all required), an enum of
// 20,000 values, a model with 5,000 allOf parents, 20,000 uses of one
// x-ms-enum, 100,000 duplicate keys, and a schema nested 60 deep in
// others. Compare the sizes (-benchtime 1x at two sizes): time should grow
// in step with them (for the nested schema, with its size times its depth).
// Then the costliest to decode that Limits.MaxDecodeBytes lets through: a
// schema of 1 MiB nested 62 deep (126 MiB read), and one of 256 KiB nested
// 17 deep in additionalProperties, each of which the builder has decoded
// again with all it holds (120 MiB). Last, 500 files that each define D,
// the first one large: time should grow with the files, not their square.
func BenchmarkHostileShapes(b *testing.B) {
	const n = 20_000
	list := func(n int, f func(i int) string) string {
		parts := make([]string, n)
		for i := range parts {
			parts[i] = f(i)
		}
		return strings.Join(parts, ", ")
	}
	shapes := []struct{ name, defs string }{
		{"wide-model", `"Wide": {"type": "object", "required": [` + list(n, func(i int) string { return fmt.Sprintf(`"p%d"`, i) }) +
			`], "properties": {` + list(n, func(i int) string { return fmt.Sprintf(`"p%d": {"type": "string"}`, i) }) + `}}`},
		{"wide-enum", `"E": {"type": "string", "enum": [` + list(n, func(i int) string { return fmt.Sprintf(`"v%d"`, i) }) + `]}`},
		{"many-allof", list(n/4, func(i int) string {
			return fmt.Sprintf(`"P%d": {"type": "object", "properties": {"p%d": {"type": "string"}}}`, i, i)
		}) +
			`, "M": {"type": "object", "allOf": [` + list(n/4, func(i int) string { return fmt.Sprintf(`{"$ref": "#/definitions/P%d"}`, i) }) + `]}`},
		{"shared-enum", `"M": {"type": "object", "properties": {` + list(n, func(i int) string {
			return fmt.Sprintf(`"p%d": {"type": "string", "enum": ["a", "x%d"], "x-ms-enum": {"name": "Shared", "modelAsString": true}}`, i, i)
		}) + `}}`},
		{"duplicate-keys", `"D": {"type": "object", "x-d": {` + list(5*n, func(i int) string { return fmt.Sprintf(`"k": %d`, i) }) + `}}`},
		// kin-openapi's decoding reads a schema's text once for each schema
		// it is nested in: this is where its cost shows.
		{"deep-schemas", `"D": ` + strings.Repeat(`{"type": "object", "properties": {"a": `, 60) +
			`{"type": "string", "description": "` + strings.Repeat("x", 256<<10) + `"}` + strings.Repeat("}}", 60)},
		{"deep-schemas-at-limit", `"D": ` + strings.Repeat(`{"type": "object", "properties": {"a": `, 62) +
			`{"type": "string", "description": "` + strings.Repeat("x", 1<<20) + `"}` + strings.Repeat("}}", 62)},
		{"nested-additional-at-limit", `"D": {"type": "object", "properties": {"m": ` +
			strings.Repeat(`{"type": "object", "additionalProperties": `, 17) +
			`{"type": "string", "description": "` + strings.Repeat("x", 256<<10) + `"}` + strings.Repeat("}", 17) + "}}"},
	}
	// 500 files define D, each referred to from the spec; the first is
	// large and nested, and every other is compared with it (sameSchema).
	sameName := map[string]string{}
	var refs []string
	for i := range 500 {
		d := `{"type": "object", "properties": {"b": {"type": "string"}}}`
		if i == 0 {
			d = strings.Repeat(`{"type": "object", "properties": {"a": `, 30) +
				`{"type": "string", "description": "` + strings.Repeat("x", 64<<10) + `"}` + strings.Repeat("}}", 30)
		}
		sameName[fmt.Sprintf("f%d.json", i)] = `{"definitions": {"D": ` + d + "}}"
		refs = append(refs, fmt.Sprintf(`"p%d": {"$ref": "f%d.json#/definitions/D"}`, i, i))
	}
	shapes = append(shapes, struct{ name, defs string }{"one-name-500-files",
		`"M": {"type": "object", "properties": {` + strings.Join(refs, ", ") + "}}"})
	for _, s := range shapes {
		spec := specHead + `"definitions": {` + s.defs + "}}"
		all := map[string]string{"spec.json": spec}
		if s.name == "one-name-500-files" {
			for name, f := range sameName {
				all[name] = f
			}
		}
		files := memFS(all)
		b.Run(s.name, func(b *testing.B) {
			b.SetBytes(int64(len(spec)))
			for b.Loop() {
				api, diags := Parse([]string{"spec.json"}, Options{ReadFile: files})
				if api == nil && strings.HasSuffix(s.name, "-at-limit") {
					b.Fatal(diags)
				}
			}
		})
	}
}
