package diff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/armgen/armgen/internal/testutil"
	"github.com/armgen/armgen/parser"
)

// batchReport compares the upstream Batch specs 2023-11-01 and 2024-02-01.
func batchReport(t *testing.T) (r *Report, oldFile, newFile string) {
	return batchReportOf(t, "2023-11-01", "2024-02-01")
}

func batchReportOf(t *testing.T, oldVersion, newVersion string) (r *Report, oldFile, newFile string) {
	t.Helper()
	oldFile = filepath.ToSlash(testutil.BatchSpec(t, oldVersion))
	newFile = filepath.ToSlash(testutil.BatchSpec(t, newVersion))
	o, diags := parser.Parse([]string{oldFile}, parser.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	n, diags := parser.Parse([]string{newFile}, parser.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	r, diags = Compare(o, n)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return r, oldFile, newFile
}

// TestBatchMarkdown checks the changelog of the Batch bump against the
// file checked in (go test ./diff -update rewrites it).
func TestBatchMarkdown(t *testing.T) {
	r, _, _ := batchReport(t)
	var b bytes.Buffer
	if err := r.Markdown(&b); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, filepath.Join("testdata", "batch-2023-11-01-to-2024-02-01.md"), b.Bytes())
}

// TestBatchCoversSpecDiff computes, from the two Batch documents decoded
// as plain JSON (not with armgen's parser), the definitions and
// properties added and removed and the enum values added, and checks that
// the report has each, at the right pointer, with a sensible breaking flag;
// and that the report adds or removes nothing else. The bump backwards
// (2024-02-01 to 2023-11-01) checks removals the same way.
func TestBatchCoversSpecDiff(t *testing.T) {
	for _, versions := range [][2]string{{"2023-11-01", "2024-02-01"}, {"2024-02-01", "2023-11-01"}} {
		t.Run(versions[0]+"-to-"+versions[1], func(t *testing.T) {
			r, oldFile, newFile := batchReportOf(t, versions[0], versions[1])
			checkCoverage(t, r, oldFile, newFile)
		})
	}
}

func checkCoverage(t *testing.T, r *Report, oldFile, newFile string) {
	oldDoc, newDoc := readJSON(t, oldFile), readJSON(t, newFile)
	oldDefs, newDefs := object(oldDoc["definitions"]), object(newDoc["definitions"])

	type want struct {
		kind     Kind
		pointer  string
		breaking bool
	}
	var wants []want
	for name, def := range newDefs {
		if oldDefs[name] == nil {
			wants = append(wants, want{Added, newFile + "#/definitions/" + name, false})
			for prop := range object(object(def)["properties"]) {
				wants = append(wants, want{Added, newFile + "#/definitions/" + name + "/properties/" + prop, false})
			}
		}
	}
	for name, def := range oldDefs {
		if newDefs[name] == nil {
			wants = append(wants, want{Removed, oldFile + "#/definitions/" + name, true})
			for prop := range object(object(def)["properties"]) {
				wants = append(wants, want{Removed, oldFile + "#/definitions/" + name + "/properties/" + prop, true})
			}
		}
	}
	for name, def := range newDefs {
		if oldDefs[name] == nil {
			continue
		}
		oldProps, newProps := object(object(oldDefs[name])["properties"]), object(object(def)["properties"])
		var required []string
		for _, r := range list(object(def)["required"]) {
			if s, ok := r.(string); ok {
				required = append(required, s)
			}
		}
		for prop, schema := range newProps {
			if oldProps[prop] == nil {
				readOnly := object(schema)["readOnly"] == true
				if slices.Contains(required, prop) && !readOnly {
					continue // its flag depends on where the model travels; the golden cases cover it
				}
				wants = append(wants, want{Added, newFile + "#/definitions/" + name + "/properties/" + prop, false})
			}
		}
		for prop := range oldProps {
			if newProps[prop] == nil {
				wants = append(wants, want{Removed, oldFile + "#/definitions/" + name + "/properties/" + prop, true})
			}
		}
	}
	// Enum values: by x-ms-enum name where there is one (one Go type may
	// be listed at several places), else by place.
	oldEnums, newEnums := enumsOf(oldDoc), enumsOf(newDoc)
	enumValuesAdded := 0
	for key, ne := range newEnums {
		oe := oldEnums[key]
		for _, v := range ne.values {
			if oe != nil && slices.Contains(oe.values, v) {
				continue
			}
			enumValuesAdded++
			var places []string
			for _, p := range ne.places {
				if i := slices.Index(p.values, v); i >= 0 {
					places = append(places, newFile+"#"+p.pointer+"/enum/"+fmt.Sprint(i))
				}
			}
			if !slices.ContainsFunc(r.Changes, func(c Change) bool {
				return c.Kind == Added && c.Element == Value && !c.Breaking && slices.Contains(places, string(c.Pointer))
			}) {
				t.Errorf("enum %s: value %s added, not reported as added at any of %q", key, v, places)
			}
		}
	}

	if len(wants) == 0 {
		t.Fatal("the specs differ in no definition or property: the test reads them wrong")
	}
	found := map[string]bool{}
	for _, w := range wants {
		i := slices.IndexFunc(r.Changes, func(c Change) bool {
			return c.Kind == w.kind && string(c.Pointer) == w.pointer && (c.Element == Model || c.Element == Enum || c.Element == Property)
		})
		if i < 0 {
			t.Errorf("%s %s: not in the report", w.kind, w.pointer)
			continue
		}
		found[w.pointer] = true
		if c := r.Changes[i]; c.Breaking != w.breaking {
			t.Errorf("%s %s: breaking = %v, want %v (%s)", w.kind, w.pointer, c.Breaking, w.breaking, c.Reason)
		}
	}
	// Nothing else is added or removed, but for inline objects (part of
	// the property that holds them) and required properties skipped above.
	for _, c := range r.Changes {
		if c.Kind == Changed || c.Element == Value || found[string(c.Pointer)] {
			continue
		}
		frag := fragment(c.Pointer)
		if strings.Count(frag, "/properties/") > 1 || c.Element == Enum && strings.Contains(frag, "/properties/") {
			continue
		}
		t.Errorf("the report has %s %s %s, which the specs do not show: %s", c.Kind, c.Element, c.Pointer, c.Message)
	}
	t.Logf("%d definitions and properties, %d enum values added or removed; %d changes reported", len(wants), enumValuesAdded, len(r.Changes))
}

func readJSON(t *testing.T, file string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func object(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

// enumPlace is one "enum" keyword of a document.
type enumPlace struct {
	pointer string // of the schema holding it
	values  []string
}

type enumInfo struct {
	values []string // JSON texts, first seen first
	places []enumPlace
}

// enumsOf finds every enum under definitions, keyed by x-ms-enum name or
// else by place.
func enumsOf(doc map[string]any) map[string]*enumInfo {
	out := map[string]*enumInfo{}
	var walk func(pointer string, v any)
	walk = func(pointer string, v any) {
		switch v := v.(type) {
		case map[string]any:
			if values, ok := v["enum"].([]any); ok {
				key := pointer
				if name, ok := object(v["x-ms-enum"])["name"].(string); ok {
					key = "x-ms-enum " + name
				}
				place := enumPlace{pointer: pointer}
				for _, x := range values {
					text, _ := json.Marshal(x)
					place.values = append(place.values, string(text))
				}
				e := out[key]
				if e == nil {
					e = &enumInfo{}
					out[key] = e
				}
				e.places = append(e.places, place)
				for _, val := range place.values {
					if !slices.Contains(e.values, val) {
						e.values = append(e.values, val)
					}
				}
			}
			for k, x := range v {
				if k != "enum" && k != "x-ms-enum" && k != "example" && k != "default" {
					walk(pointer+"/"+strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1"), x)
				}
			}
		case []any:
			for i, x := range v {
				walk(fmt.Sprintf("%s/%d", pointer, i), x)
			}
		}
	}
	walk("/definitions", doc["definitions"])
	return out
}
