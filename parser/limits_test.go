package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/armgen/armgen/internal/testutil"
	"github.com/armgen/armgen/ir"
)

const specHead = `{"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": {}, `

// Each limit, set low, stops a spec that passes it with one clear error,
// and a spec just within it parses.
func TestLimits(t *testing.T) {
	nested := func(depth int) string {
		return specHead + `"x-deep": ` + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "}"
	}
	chain := func(n int) map[string]string {
		var defs []string
		for i := range n {
			defs = append(defs, fmt.Sprintf(`"A%d": {"$ref": "#/definitions/A%d"}`, i, i+1))
		}
		defs = append(defs, fmt.Sprintf(`"A%d": {"type": "string"}`, n))
		return map[string]string{"spec.json": specHead + `"definitions": {` + strings.Join(defs, ", ") + "}}"}
	}
	fileChain := func(n int) map[string]string {
		files := map[string]string{"spec.json": specHead + `"definitions": {"T": {"$ref": "f1.json#/definitions/T"}}}`}
		for i := 1; i < n; i++ {
			files[fmt.Sprintf("f%d.json", i)] = fmt.Sprintf(`{"definitions": {"T": {"$ref": "f%d.json#/definitions/T"}}}`, i+1)
		}
		files[fmt.Sprintf("f%d.json", n)] = `{"definitions": {"T": {"type": "string"}}}`
		return files
	}
	values := func(n int) string {
		return specHead + `"x-values": [` + strings.TrimSuffix(strings.Repeat("1,", n), ",") + "]}"
	}
	defs := func(n int) string {
		var ds []string
		for i := range n {
			ds = append(ds, fmt.Sprintf(`"M%d": {"type": "object", "properties": {"x": {"type": "string"}}}`, i))
		}
		return specHead + `"definitions": {` + strings.Join(ds, ", ") + "}}"
	}
	deep := func(depth int) string {
		return specHead + `"definitions": {"D": ` + strings.Repeat(`{"type": "object", "properties": {"a": `, depth) +
			`{"type": "string", "description": "` + strings.Repeat("x", 1024) + `"}` + strings.Repeat("}}", depth) + "}}"
	}
	one := func(s string) map[string]string { return map[string]string{"spec.json": s} }
	for _, tc := range []struct {
		name      string
		limits    Limits
		ok, fails map[string]string
		want      string
	}{
		{"file size", Limits{MaxFileBytes: 200},
			one(specHead + `"x-pad": "` + strings.Repeat("x", 100) + `"}`),
			one(specHead + `"x-pad": "` + strings.Repeat("x", 200) + `"}`),
			"spec.json: cannot read the spec: the file is larger than the limit of 200 bytes"},
		{"nesting depth", Limits{MaxDepth: 10}, one(nested(8)), one(nested(12)),
			"spec.json#/x-deep/0/0/0/0/0/0/0: line 1, column 93: nesting is deeper than 10 levels (3 levels below this value)"},
		{"reference depth", Limits{MaxRefDepth: 5}, chain(4), chain(6),
			"spec.json#/definitions/A0/$ref: more than 5 $refs in a row from here without reaching a schema"},
		{"files", Limits{MaxFiles: 4}, fileChain(3), fileChain(5),
			"f3.json#/definitions/T/$ref: more than 4 files are referenced"},
		{"values", Limits{MaxNodes: 100}, one(values(50)), one(values(150)),
			"spec.json#/x-values/93: line 1, column 272: more than 100 values"},
		{"declarations", Limits{MaxDeclarations: 20}, one(defs(20)), one(defs(21)),
			"spec.json#: the API has 21 definitions and operations, more than the limit of 20"},
		{"decoding", Limits{MaxDecodeBytes: 64 << 10}, one(deep(10)), one(deep(40)),
			"spec.json#/definitions/D: decoding this takes kin-openapi through 144.3 KiB of JSON, more than the 64 KiB allowed for a spec: " +
				"it reads an object's text once for each object it is nested in, and this is 2.5 KiB nested 41 deep — nest less"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if api, diags := Parse([]string{"spec.json"}, Options{ReadFile: memFS(tc.ok), Limits: tc.limits}); api == nil {
				t.Errorf("a spec within the limit fails:\n%v", diags)
			}
			api, diags := Parse([]string{"spec.json"}, Options{ReadFile: memFS(tc.fails), Limits: tc.limits})
			if api != nil || len(diags) != 1 || !strings.HasPrefix(diags[0].String(), tc.want) {
				t.Errorf("got %v, want one error beginning\n%s", diags, tc.want)
			}
		})
	}
}

// A file on disk larger than the limit is refused without being read.
func TestFileSizeLimitOnDisk(t *testing.T) {
	name := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(name, []byte(specHead+`"x": "`+strings.Repeat("x", 4096)+`"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, diags := Parse([]string{filepath.ToSlash(name)}, Options{Limits: Limits{MaxFileBytes: 4 << 10}})
	if len(diags) != 1 || !strings.HasSuffix(diags[0].Message, "larger than the limit of 4 KiB") {
		t.Errorf("got %v", diags)
	}
}

// A YAML alias bomb stops at MaxNodes however small the file.
func TestYAMLAliasBudgetRespectsMaxNodes(t *testing.T) {
	spec := "swagger: \"2.0\"\ninfo: {title: T, version: \"1\"}\npaths: {}\n" +
		"x-a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nx-b: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
	_, diags := Parse([]string{"spec.yaml"}, Options{ReadFile: memFS(map[string]string{"spec.yaml": spec}), Limits: Limits{MaxNodes: 50}})
	if len(diags) != 1 || diags[0].String() != "spec.yaml#/x-b/2: line 5, column 15: YAML alias *a expands to too many values (an alias bomb?)" {
		t.Errorf("got %v", diags)
	}
}

// A chain of definitions longer than the stack can hold, each referring
// to the next through a property, parses: models past a depth wait rather
// than nest. The stack is held to 16 MB here, so that 20,000 definitions
// prove what would otherwise take 700,000 (a fatal stack overflow, which
// no recover catches, ends the test binary).
func TestLongDefinitionChain(t *testing.T) {
	testutil.SetMaxStack(t, 16<<20)
	const n = 20_000
	var b strings.Builder
	b.WriteString(specHead + `"definitions": {`)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `"D%d": {"type": "object", "properties": {"next": {"$ref": "#/definitions/D%d"}, "up": {"$ref": "#/definitions/D%d"}}}`, i, (i+1)%n, max(i-1, 0))
	}
	b.WriteString("}}")
	api, diags := Parse([]string{"spec.json"}, Options{ReadFile: memFS(map[string]string{"spec.json": b.String()})})
	if api == nil {
		t.Fatalf("the chain does not parse: %v", diags)
	}
	if len(api.Models) != n {
		t.Fatalf("%d models, want %d", len(api.Models), n)
	}
	for _, m := range api.Models {
		if len(m.Properties) != 2 || m.Properties[0].Type.Kind != ir.KindModel {
			t.Fatalf("model %s was not filled: %+v", m.Name, m.Properties)
		}
	}
}

// Inheritance deeper than MaxRefDepth through allOf is refused, not
// recursed into without end.
func TestDeepAllOfChain(t *testing.T) {
	const n = 300
	var b strings.Builder
	b.WriteString(specHead + `"definitions": {`)
	for i := range n {
		fmt.Fprintf(&b, `"D%d": {"type": "object", "allOf": [{"$ref": "#/definitions/D%d"}], "properties": {"p%d": {"type": "string"}}}, `, i, i+1, i)
	}
	fmt.Fprintf(&b, `"D%d": {"type": "object", "properties": {"root": {"type": "string"}}}}}`, n)
	api, diags := Parse([]string{"spec.json"}, Options{ReadFile: memFS(map[string]string{"spec.json": b.String()}), Limits: Limits{MaxRefDepth: 64}})
	if api != nil {
		t.Fatal("a 300-deep allOf chain parsed")
	}
	if !strings.Contains(diags.Error(), "allOf inheritance is deeper than 64 models") {
		t.Errorf("got %v", diags)
	}
}
