package parser

import (
	"bytes"
	"encoding/json"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/armgen/armgen/internal/testutil"
)

// fuzzLimits keep each fuzz input cheap; the limits themselves are tested
// elsewhere.
var fuzzLimits = Limits{MaxFileBytes: 4 << 20, MaxDepth: 64, MaxRefDepth: 16, MaxFiles: 8, MaxNodes: 200_000, MaxDeclarations: 2_000}

// FuzzReadSpec feeds bytes to the spec reader: the JSON scanner and the
// YAML reader must never panic, and what the JSON scanner accepts must be
// JSON that encoding/json reads the same way.
func FuzzReadSpec(f *testing.F) {
	for _, s := range testutil.ReadSeeds(f) {
		f.Add(s.Data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tree, errs := parseJSON(data, fuzzLimits)
		checkSyntaxErrors(t, data, errs)
		if tree != nil && len(errs) == 0 {
			// Accepted: valid JSON, UTF-8, and equal in meaning to the input.
			if !json.Valid(data) || !utf8.Valid(data) {
				t.Fatalf("the scanner accepted what encoding/json rejects: %q", data)
			}
			var want, got any
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(tree.appendJSON(nil), &got); err != nil {
				t.Fatalf("the node tree does not write back as JSON: %v", err)
			}
			if !reflect.DeepEqual(want, got) {
				t.Fatalf("the node tree differs from the input:\n in: %s\nout: %s", data, tree.appendJSON(nil))
			}
		}
		if tree == nil && len(errs) == 0 {
			t.Fatal("no tree and no error")
		}
		ytree, yerrs := parseYAML(data, fuzzLimits)
		checkSyntaxErrors(t, data, yerrs)
		if ytree == nil && len(yerrs) == 0 {
			t.Fatal("YAML: no tree and no error")
		}
		if ytree != nil {
			_ = ytree.appendJSON(nil)
		}
		// The whole reader, through Parse, with the file's kind guessed.
		for _, name := range []string{"spec.json", "spec.yaml"} {
			_, diags := Parse([]string{name}, Options{ReadFile: memFS(map[string]string{name: string(data)}), Limits: fuzzLimits})
			for _, d := range diags {
				if !strings.HasPrefix(string(d.Pointer), name) || strings.Contains(d.Message, "internal error") {
					t.Fatalf("bad diagnostic: %s", d)
				}
			}
		}
	})
}

var pointerSyntax = regexp.MustCompile(`^(/([^~/]|~[01])*)*$`)

// checkSyntaxErrors holds located errors to their promise: a well-formed
// pointer, and a line and column inside the input.
func checkSyntaxErrors(t *testing.T, data []byte, errs []syntaxError) {
	t.Helper()
	lines := bytes.Count(data, []byte{'\n'}) + 1
	for _, e := range errs {
		if !pointerSyntax.MatchString(e.pointer) {
			t.Fatalf("malformed pointer %q in %q", e.pointer, e.msg)
		}
		if e.line < 0 || e.line > lines || e.col < 0 || e.msg == "" {
			t.Fatalf("error outside the input (%d lines): line %d, column %d: %q", lines, e.line, e.col, e.msg)
		}
	}
}

// FuzzResolve feeds $ref strings and referenced files to the reference
// resolver. Whatever they are, resolving must not panic, a target must be
// where its tokens say and inside the spec root, and every diagnostic
// must point into the spec's files.
func FuzzResolve(f *testing.F) {
	const common = `{"swagger": "2.0", "info": {"title": "C", "version": "1"}, "paths": {},
		"definitions": {"Part": {"type": "object", "properties": {"name": {"type": "string"}}},
			"Alias": {"$ref": "#/definitions/Part"}, "Loop": {"$ref": "#/definitions/Loop"},
			"a/b": {"type": "string"}, "Up": {"$ref": "../outside.json#/x"}}}`
	refs := map[string]bool{}
	refPattern := regexp.MustCompile(`"\$ref"\s*:\s*"((?:[^"\\]|\\.)*)"`)
	for _, s := range testutil.ReadSeeds(f) {
		for _, m := range refPattern.FindAllSubmatch(s.Data, -1) {
			refs[string(m[1])] = true
		}
		if len(s.Data) < 64<<10 {
			f.Add(string(s.Data), "common.json#/definitions/Part")
		}
	}
	for _, r := range []string{"", "#", "common.json", "common.json#", "#/definitions/Thing", "common.json#/definitions/Alias",
		"common.json#/definitions/Loop", "common.json#/definitions/a~1b", "common.json#/definitions/Up", "sub/../common.json#/definitions/Part",
		"/etc/passwd", "https://example.com/x.json", "common.json#/definitions/%41lias", "common.json#definitions"} {
		refs[r] = true
	}
	// One $ref of each shape (the real specs hold thousands that differ
	// only in the name at the end), so that the seeds stay quick to run.
	sorted := make([]string, 0, len(refs))
	for r := range refs {
		sorted = append(sorted, r)
	}
	slices.Sort(sorted)
	shapes := map[string]bool{}
	lastName := regexp.MustCompile(`[A-Za-z0-9_.-]+$`)
	for _, r := range sorted {
		shape := lastName.ReplaceAllString(r, "N")
		if !shapes[shape] {
			shapes[shape] = true
			f.Add(common, r)
		}
	}
	f.Fuzz(func(t *testing.T, commonJSON, ref string) {
		refJSON, _ := json.Marshal(ref)
		files := map[string]string{
			"dir/spec.json": `{"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": {},
				"definitions": {"Thing": {"type": "object", "properties": {"x": {"$ref": ` + string(refJSON) + `}}},
				"Direct": {"$ref": ` + string(refJSON) + `}}}`,
			"dir/common.json":    commonJSON,
			"dir/sub/other.json": `{"definitions": {"X": {"$ref": "../common.json#/definitions/Part"}}}`,
			"outside.json":       `{"x": {"type": "string"}}`,
		}
		opts := Options{ReadFile: memFS(files), Root: "dir", Limits: fuzzLimits}

		l := newLoader(opts, "dir/spec.json")
		b := newBuilder(l)
		spec := l.load("dir/spec.json", true, "")
		if spec.tree == nil {
			t.Fatalf("the fixed spec does not load: %v", l.diags)
		}
		at := []string{"definitions", "Thing", "properties", "x"}
		if tg, ok := b.resolve(spec, at, ref); ok {
			if !l.within(tg.f.name) {
				t.Fatalf("%q resolved outside the root, to %s", ref, tg.f.name)
			}
			if tg.f.tree.lookup(tg.tokens) != tg.n {
				t.Fatalf("%q resolved to a node its tokens %q do not name", ref, tg.tokens)
			}
		}
		b.follow(siteAt(spec, at, spec.tree.lookup(at)))

		_, diags := Parse([]string{"dir/spec.json"}, opts)
		for _, d := range diags {
			if !strings.HasPrefix(string(d.Pointer), "dir/") || strings.Contains(d.Message, "internal error") {
				t.Fatalf("bad diagnostic: %s", d)
			}
		}
	})
}
