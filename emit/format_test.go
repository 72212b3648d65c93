package emit

import (
	"bytes"
	"go/format"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/armgen/armgen/internal/benchinput"
	"github.com/armgen/armgen/internal/testutil"
	"github.com/armgen/armgen/parser"
)

// An awkward spec: fields with and without docs and names of every
// length (gofmt aligns runs of them), descriptions that go/doc/comment
// rewrites (lists, code blocks, headings), every kind of field, a
// polymorphic family, additional properties, and enums of every base with
// odd values.
const awkwardSpec = `{
  "swagger": "2.0",
  "info": {"title": "Awkward", "version": "2024-01-01"},
  "paths": {},
  "definitions": {
    "Shapes": {
      "type": "object",
      "description": "Shapes is a model.\nIts fields:\n- one\n- two\n\n1. first\n2. second\n\n    indented code\n\tand a tab\n# Not a heading\nhttps://example.com/a_b and *bold* ` + "`code`" + ` */ end",
      "properties": {
        "a": {"type": "string"},
        "longerName": {"type": "integer", "format": "int32"},
        "x": {"type": "string", "format": "date-time"},
        "documented": {"type": "boolean", "description": "Documented.\n\n\n\nAfter blank lines.\n\nOld Style Heading\n\nText."},
        "b": {"type": "array", "items": {"type": "string", "format": "date"}},
        "aVeryVeryVeryVeryVeryVeryVeryLongPropertyNameIndeed": {"type": "object"},
        "größe": {"type": "number", "format": "float"},
        "c": {"type": "object", "additionalProperties": {"$ref": "#/definitions/Animal"}},
        "bytes": {"type": "string", "format": "byte"},
        "url": {"type": "string", "format": "base64url"},
        "when": {"type": "integer", "format": "unixtime", "description": "` + "A word longer than a line: " + "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz" + `"},
        "pet": {"$ref": "#/definitions/Animal"},
        "pets": {"type": "array", "items": {"$ref": "#/definitions/Animal"}},
        "kind": {"$ref": "#/definitions/Kind"},
        "n": {"$ref": "#/definitions/Numbers"},
        "z": {"type": "string", "x-nullable": true}
      },
      "additionalProperties": {"type": "integer"}
    },
    "Empty": {"type": "object", "properties": {}},
    "Animal": {
      "type": "object",
      "discriminator": "kind",
      "required": ["kind"],
      "properties": {"kind": {"type": "string"}, "name": {"type": "string", "description": "The name."}}
    },
    "Dog": {
      "x-ms-discriminator-value": "dog",
      "allOf": [{"$ref": "#/definitions/Animal"}],
      "properties": {"bark": {"type": "boolean"}, "b": {"type": "integer"}}
    },
    "Puppy": {"allOf": [{"$ref": "#/definitions/Dog"}], "properties": {"age": {"type": "integer"}}},
    "Kind": {
      "type": "string",
      "enum": ["a\"quote", "back\\slash", "uni·code", "new\nline", "", "x"],
      "x-ms-enum": {"name": "Kind", "modelAsString": true, "values": [{"value": "x", "description": "- a list\n- in a value"}]}
    },
    "Numbers": {"type": "number", "enum": [1.5, -2, 1E3, 2.5e-3, 10]},
    "Ints": {"type": "integer", "format": "int32", "enum": [1, -7, 300000]},
    "Flags": {"type": "boolean", "enum": [true, false]}
  }
}`

func gofmtFixedPoint(t *testing.T, name string, files []File) {
	t.Helper()
	n := 0
	for _, f := range files {
		n++
		formatted, err := format.Source(f.Content)
		if err != nil {
			t.Errorf("%s %s: %v", name, f.Name, err)
			continue
		}
		if !bytes.Equal(formatted, f.Content) {
			t.Errorf("%s %s is not what gofmt writes:\n%s", name, f.Name, firstDifference(f.Content, formatted))
		}
	}
	if n == 0 {
		t.Errorf("%s: no models.go or enums.go", name)
	}
}

func firstDifference(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return "line " + strconv.Itoa(i+1) + ":\n written: " + g[i] + "\n   gofmt: " + w[i]
		}
	}
	return "lengths differ"
}

// Every file is what gofmt writes, its doc comments laid out as
// go/doc/comment does.
func TestFilesAreFormatted(t *testing.T) {
	api, diags := parser.Parse([]string{"awkward.json"}, parser.Options{ReadFile: func(string) ([]byte, error) { return []byte(awkwardSpec), nil }})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	files, diags := Generate(api, Options{Package: "awkward", Sources: []string{"awkward.json"}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	gofmtFixedPoint(t, "awkward", files)
	// The spec exercises what it should.
	for _, f := range files {
		switch f.Name {
		case "models.go":
			// gofmt rewrites the field's doc comment as go/doc/comment
			// does (jennifer writes it at column 1, where gofmt reads it as
			// a doc comment): one blank line, and a heading.
			for _, want := range []string{"\tA          *string\n", "\t// Documented.\n\t//\n\t// After blank lines.\n\t//\n\t// # Old Style Heading\n",
				"\tB                                                   []time.Time\n", "func unmarshalAnimalClassification(", "import (\n"} {
				if !strings.Contains(string(f.Content), want) {
					t.Errorf("models.go lacks %q", want)
				}
			}
		case "enums.go":
			for _, want := range []string{`"a\"quote"`, "= 1e3", "= true"} {
				if !strings.Contains(string(f.Content), want) {
					t.Errorf("enums.go lacks %q", want)
				}
			}
		}
	}
}

// So are those of the reference specs and synthetic ones.
func TestFilesAreFormattedForReferenceSpecs(t *testing.T) {
	var inputs []benchinput.Input
	roots, err := benchinput.Roots(testutil.Specs(t), filepath.Join(testutil.Shared(t), "specs", "visible-arm-roots.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range roots {
		inputs = append(inputs, benchinput.File(r))
	}
	inputs = append(inputs, benchinput.Batch(t), benchinput.Default(), benchinput.Synthetic(41))
	for _, in := range inputs {
		api, diags := parser.Parse(in.Files, parser.Options{ReadFile: in.ReadFile, Root: in.Root})
		if diags.HasErrors() {
			t.Errorf("%s: %v", in.Files[0], diags[0])
			continue
		}
		files, diags := Generate(api, Options{Package: "p"})
		if diags.HasErrors() {
			t.Errorf("%s: %v", in.Files[0], diags[0])
			continue
		}
		gofmtFixedPoint(t, in.Files[0], files)
	}
}

// A short single-spaced text is one comment line, as wrapping makes it:
// commentLines takes it as it is.
func TestCommentLinesShortcut(t *testing.T) {
	texts := []string{"a", "Two words.", strings.Repeat("x", 100), strings.Repeat("x", 101), "a  b", "a\tb", "a\nb",
		"größe", "a\u00a0b", "ends with space ", strings.Repeat("word ", 20) + "end", "x\x01y", "del\x7f"}
	texts = append(texts, defaultDescriptions(t)...)
	short := 0
	for _, text := range texts {
		trimmed := strings.TrimSpace(commentSafe(text))
		if trimmed == "" {
			continue
		}
		if len(trimmed) <= 100 && singleSpaced(trimmed) {
			short++
		}
		if got, want := commentLines(text), wrap(trimmed); !slices.Equal(got, want) {
			t.Errorf("%q: commentLines %q, wrap %q", text, got, want)
		}
	}
	if short < len(texts)/4 {
		t.Errorf("only %d of %d texts take the shortcut", short, len(texts))
	}
}

// defaultDescriptions are the descriptions of the embedded default spec
// (the Batch Update operation), which every checkout has.
func defaultDescriptions(t *testing.T) []string {
	in := benchinput.Default()
	api, diags := parser.Parse(in.Files, parser.Options{ReadFile: in.ReadFile, Root: in.Root})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var texts []string
	for _, m := range api.Models {
		texts = append(texts, m.Description)
		for _, p := range m.Properties {
			texts = append(texts, p.Description)
		}
	}
	for _, op := range api.Operations {
		texts = append(texts, op.Description, op.Summary)
	}
	return texts
}

// models.go and enums.go made in parts and joined are what gofmt makes of
// the whole files.
func TestFilesInPartsAreTheWholeFiles(t *testing.T) {
	in := benchinput.Synthetic(5 * perPart)
	api, diags := parser.Parse(in.Files, parser.Options{ReadFile: in.ReadFile, Root: in.Root})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	t.Logf("%d models, %d enums", len(api.Models), len(api.Enums))
	if len(api.Models) <= 2*perPart || len(api.Enums) <= 2*perPart {
		t.Fatalf("%d models, %d enums: too few to make models.go and enums.go in parts", len(api.Models), len(api.Enums))
	}
	opts := Options{Package: "p", Sources: []string{"synth.json"}}
	parted, diags := Generate(api, opts)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	opts.unformatted = true // rendered whole, then formatted here
	whole, diags := Generate(api, opts)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, name := range []string{"models.go", "enums.go"} {
		i := slices.IndexFunc(whole, func(f File) bool { return f.Name == name })
		j := slices.IndexFunc(parted, func(f File) bool { return f.Name == name })
		want, err := format.Source(whole[i].Content)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(parted[j].Content, want) {
			t.Errorf("%s in parts differs from the whole file formatted:\n%s", name, firstDifference(parted[j].Content, want))
		}
	}
}
