package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/armgen/armgen/internal/testutil"
)

func diffCase(name, file string) string {
	return filepath.Join(testutil.Root(), "diff", "testdata", name, file)
}

// The markdown of the Batch bump, from the two spec files and from the
// readme's two tags, is the changelog checked in under diff/testdata.
func TestDiffBatchMarkdown(t *testing.T) {
	want, err := os.ReadFile(filepath.Join(testutil.Root(), "diff", "testdata", "batch-2023-11-01-to-2024-02-01.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := batchReadme(t)
	for _, args := range [][]string{
		{testutil.BatchSpec(t, "2023-11-01"), testutil.BatchSpec(t, "2024-02-01")},
		{readme + "#package-2023-11", readme},
		{readme + "#package-2023-11", readme + "#package-2024-02"},
	} {
		code, stdout, stderr := runArmgen(append([]string{"diff", "-format", "markdown", "-fail-on-breaking"}, args...)...)
		if code != exitOK || stderr != "" {
			t.Errorf("%q: exit %d, stderr:\n%s", args, code, stderr)
		}
		if diff := cmp.Diff(string(want), stdout); diff != "" {
			t.Errorf("%q: markdown differs (-want +got):\n%s", args, diff)
		}
	}
}

// Backwards the bump removes what it added: breaking, exit 3 with
// -fail-on-breaking, 0 without.
func TestDiffFailOnBreaking(t *testing.T) {
	oldSpec, newSpec := testutil.BatchSpec(t, "2024-02-01"), testutil.BatchSpec(t, "2023-11-01")
	code, stdout, stderr := runArmgen("diff", "-fail-on-breaking", oldSpec, newSpec)
	if code != exitBreaking || !strings.Contains(stdout, "Struct `UpgradePolicy` has been removed") || stderr != "armgen diff: 6 breaking changes\n" {
		t.Errorf("exit %d, stderr %q, stdout:\n%s", code, stderr, stdout)
	}
	if code, _, stderr := runArmgen("diff", oldSpec, newSpec); code != exitOK {
		t.Errorf("without -fail-on-breaking: exit %d\n%s", code, stderr)
	}
}

// JSON is the full list of changes, each with kind, pointer, Go
// identifier, breaking, reason and message.
func TestDiffJSON(t *testing.T) {
	code, stdout, stderr := runArmgen("diff", "-format", "json", diffCase("removed-field", "old.json"), diffCase("removed-field", "new.json"))
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	var changes []map[string]any
	if err := json.Unmarshal([]byte(stdout), &changes); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	var removed map[string]any
	for _, c := range changes {
		if c["kind"] == "removed" {
			removed = c
		}
	}
	want := map[string]any{
		"kind": "removed", "element": "property", "go": "Widget.Color", "breaking": true,
		"pointer": filepath.ToSlash(diffCase("removed-field", "old.json")) + "#/definitions/Widget/properties/color",
		"reason":  "code that uses the field no longer compiles (a value the service still sends lands in Extra)",
		"message": "Field `Color` of struct `Widget` has been removed (property \"color\")",
	}
	if diff := cmp.Diff(want, removed); diff != "" {
		t.Errorf("the removed field (-want +got):\n%s", diff)
	}
}

func TestDiffText(t *testing.T) {
	code, stdout, stderr := runArmgen("diff", "-fail-on-breaking", diffCase("removed-field", "old.json"), diffCase("removed-field", "new.json"))
	if code != exitBreaking || stderr != "armgen diff: 1 breaking changes\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{
		"api-version 2024-01-01 → 2024-06-01: 1 breaking, 0 added, 1 other\n",
		"Breaking changes\n  - Field `Color` of struct `Widget` has been removed (property \"color\")\n      why: ",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the text report lacks %q:\n%s", want, stdout)
		}
	}
}

func TestDiffBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"swagger": "2.0", "info": {"title": "x", "version": "1"}, "paths": {}, "definitions": {"A": {"type": "object", "properties": {"b": {"$ref": "#/definitions/B"}}}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	good := diffCase("removed-field", "new.json")
	missing := filepath.Join(dir, "missing.json")
	readme := filepath.Join(dir, "readme.md")
	if err := os.WriteFile(readme, []byte("```yaml $(tag) == 'a'\ninput-file: a.json\n```\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	slash := filepath.ToSlash
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{good, bad}, []string{slash(bad) + "#/definitions/A/properties/b", "armgen diff: nothing compared"}},
		{[]string{bad, good}, []string{slash(bad) + "#/definitions/A/properties/b", "armgen diff: nothing compared"}},
		// A side that parses but cannot be named in Go, as generation would refuse it.
		{[]string{good, filepath.Join(testutil.Root(), "golden", "testdata", "name-collision", "spec.json")},
			[]string{"#/definitions/Settings/properties/vmID: properties \"vmId\" and \"vmID\" of Settings both become the Go field VMID", "armgen diff: nothing compared"}},
		{[]string{missing, good}, []string{slash(missing) + ": cannot read the spec: no such file"}},
		{[]string{readme + "#b", good}, []string{slash(readme) + `: no yaml block applies to tag "b"`}},
		{[]string{readme + "#a", good}, []string{slash(readme) + `#L2: input-file a.json of tag "a"`}},
	} {
		code, stdout, stderr := runArmgen(append([]string{"diff"}, tc.args...)...)
		if code != exitInput || stdout != "" {
			t.Errorf("%q: exit %d, stdout %q", tc.args, code, stdout)
		}
		for _, w := range tc.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("%q: stderr lacks %q:\n%s", tc.args, w, stderr)
			}
		}
	}
}

func TestDiffUsage(t *testing.T) {
	old, new := diffCase("removed-field", "old.json"), diffCase("removed-field", "new.json")
	for _, args := range [][]string{
		{"diff", old},
		{"diff", old, new, "-format", "json"}, // flags come first
		{"diff", "-format", "yaml", old, new},
		{"diff", "-nope", old, new},
	} {
		if code, _, stderr := runArmgen(args...); code != exitUsage || !strings.Contains(stderr, "usage: armgen diff") {
			t.Errorf("%q: exit %d, stderr:\n%s", args, code, stderr)
		}
	}
}

// armgen diff names both sides with the renames generation uses: from
// -rename, a renames file, and each readme side's directives.
func TestDiffRenames(t *testing.T) {
	old, new := diffCase("removed-field", "old.json"), diffCase("removed-field", "new.json")
	file := filepath.Join(t.TempDir(), "renames.txt")
	if err := os.WriteFile(file, []byte("# the struct\n#/definitions/Widget=Gadget\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runArmgen("diff", "-renames", file, "-rename", "#/definitions/Widget/properties/color=Colour", old, new)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "Field `Colour` of struct `Gadget` has been removed") {
		t.Errorf("the renames are not applied:\n%s", stdout)
	}
	if code, _, stderr := runArmgen("diff", "-rename", "Widget", old, new); code != exitUsage || !strings.Contains(stderr, "POINTER=GoName") {
		t.Errorf("a rename without =: exit %d, stderr:\n%s", code, stderr)
	}
}
