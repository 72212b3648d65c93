package parser

import (
	"cmp"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi2"

	"github.com/armgen/armgen/internal/benchinput"
	"github.com/armgen/armgen/internal/testutil"
)

// The limit on kin-openapi's reading is far above every real spec: each
// reference spec (the 30 ARM specs, both Batch versions) reads less than
// a tenth of it in all, and so does each file under ../shared/specs
// (common-types included) decoded whole as an input.
func TestDecodeCostOfReferenceSpecs(t *testing.T) {
	specs := testutil.Specs(t)
	limit := int64(DefaultLimits.MaxDecodeBytes)
	type measured struct {
		name string
		read int64
	}
	var parsed, files []measured
	roots, err := benchinput.Roots(specs, filepath.Join(testutil.Shared(t), "specs", "visible-arm-roots.txt"))
	if err != nil {
		t.Fatal(err)
	}
	roots = append(roots, testutil.BatchSpec(t, "2024-02-01"), testutil.BatchSpec(t, "2023-11-01"))
	for _, root := range roots {
		l := newLoader(Options{}, root)
		b := newBuilder(l)
		f := l.load(root, true, "")
		if l.diags.HasErrors() {
			t.Fatalf("%s: %v", root, l.diags.Sort())
		}
		b.build([]*file{f})
		if l.meter.refused || l.meter.read == 0 {
			t.Fatalf("%s: refused %v after reading %d bytes", root, l.meter.refused, l.meter.read)
		}
		parsed = append(parsed, measured{root, l.meter.read})
	}
	err = filepath.WalkDir(filepath.Join(specs, "specification"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") || strings.Contains(p, "/examples/") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		tree, errs := parseJSON(trimBOM(data), DefaultLimits)
		if len(errs) > 0 || tree == nil || tree.kind != kindObject {
			t.Fatalf("%s: %v", p, errs)
		}
		read := documentCost(tree).read
		for _, section := range sections {
			plan := sectionPlans()[section]
			sn := tree.get(section)
			for i := range sn.keysOrNil() {
				read += costOf(sn.vals[i], plan).read
			}
		}
		files = append(files, measured{p, read})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, list := range []struct {
		what string
		m    []measured
	}{{"specs parsed", parsed}, {"files decoded whole", files}} {
		slices.SortFunc(list.m, func(a, b measured) int { return cmp.Compare(b.read, a.read) })
		for _, m := range list.m[:min(5, len(list.m))] {
			t.Logf("%s: %s reads %s (a %.0fth of the limit)", list.what, strings.TrimPrefix(m.name, specs+"/"), sizeText64(m.read), float64(limit)/float64(m.read))
		}
		if top := list.m[0]; top.read*10 > limit {
			t.Errorf("%s reads %s, more than a tenth of the limit of %s", top.name, sizeText64(top.read), sizeText64(limit))
		}
	}
	t.Logf("%d specs parsed, %d files decoded whole", len(parsed), len(files))
}

// The cost follows kin-openapi's types: an object is read once more for
// each type that decodes itself, which kin-openapi's SchemaRef and Schema
// both do; what it keeps as plain values (extensions, unknown keywords,
// examples) is read only with the object around it.
func TestDecodeCostFollowsKinTypes(t *testing.T) {
	const inner = `{"description":"some text"}`
	n := int64(len(inner))
	wrap := func(before, after string) (string, int64) {
		s := before + inner + after
		return s, int64(len(s))
	}
	not, notSize := wrap(`{"not":`, `}`)
	notCase, _ := wrap(`{"Not":`, `}`)
	ext, extSize := wrap(`{"x-not":`, `}`)
	unknown, unknownSize := wrap(`{"nope":`, `}`)
	example, exampleSize := wrap(`{"example":{"not":`, `}}`)
	props, propsSize := wrap(`{"properties":{"a":`, `}}`)
	ap, apSize := wrap(`{"additionalProperties":{"oneOf":[`, `]}}`)
	apOwn := apSize - int64(len(`{"additionalProperties":}`))
	for _, tc := range []struct {
		name  string
		json  string
		read  int64
		depth int
	}{
		// Not a Swagger 2.0 keyword, but a field of kin-openapi's Schema.
		{"not", not, notSize + 2*n, 2},
		// encoding/json matches a field whatever the case of its name.
		{"Not", notCase, notSize + 2*n, 2},
		{"extension", ext, extSize, 1},
		{"unknown keyword", unknown, unknownSize, 1},
		{"example", example, exampleSize, 1},
		{"properties", props, propsSize + 2*n, 2},
		// additionalProperties is an OpenAPI 3 schema: read by its own
		// type, its SchemaRef and Schema, and oneOf is a field of that.
		{"additionalProperties", ap, apSize + 3*apOwn + 2*n, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tree, errs := parseJSON([]byte(tc.json), DefaultLimits)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			// As a definition's schema is decoded: its SchemaRef reads it too.
			top := int64(len(tc.json))
			c := costOf(tree, planFor[openapi2.SchemaRef]())
			if c.read != tc.read+top || c.depth != tc.depth || c.size != top {
				t.Errorf("read %d, depth %d, size %d; want %d, %d, %d", c.read, c.depth, c.size, tc.read+top, tc.depth, top)
			}
		})
	}
}

// What the builder has kin-openapi decode later counts too: a nested
// additionalProperties schema is decoded again apart (as the Swagger 2.0
// schema it is), each time with all it holds, and a file reached through
// a $ref has its definitions decoded when used.
func TestDecodeLimitCountsLaterDecoding(t *testing.T) {
	leaf := `{"type": "string", "description": "` + strings.Repeat("x", 1024) + `"}`
	chain := specHead + `"definitions": {"D": {"type": "object", "properties": {"m": ` +
		strings.Repeat(`{"type": "object", "additionalProperties": `, 12) + leaf + strings.Repeat("}", 12) + "}}}}"
	ref := map[string]string{
		"spec.json":  specHead + `"definitions": {"D": {"type": "object", "properties": {"big": {"$ref": "other.json#/definitions/Big"}}}}}`,
		"other.json": `{"definitions": {"Big": ` + strings.Repeat(`{"type": "object", "properties": {"a": `, 40) + leaf + strings.Repeat("}}", 40) + "}}",
	}
	for _, tc := range []struct {
		name  string
		files map[string]string
		limit int
		at    string
	}{
		{"additionalProperties", map[string]string{"spec.json": chain}, 128 << 10,
			"spec.json#/definitions/D/properties/m/additionalProperties/additionalProperties"},
		{"referenced file", ref, 64 << 10, "other.json#/definitions/Big: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if api, diags := Parse([]string{"spec.json"}, Options{ReadFile: memFS(tc.files)}); api == nil {
				t.Fatalf("the spec fails within the default limit:\n%v", diags)
			}
			l := newLoader(Options{ReadFile: memFS(tc.files), Limits: Limits{MaxDecodeBytes: tc.limit}}, "spec.json")
			l.load("spec.json", true, "")
			if l.diags.HasErrors() || l.meter.read == 0 || l.meter.read > int64(tc.limit) {
				t.Fatalf("the input file alone should fit: %d bytes read, %v", l.meter.read, l.diags)
			}
			api, diags := Parse([]string{"spec.json"}, Options{ReadFile: memFS(tc.files), Limits: Limits{MaxDecodeBytes: tc.limit}})
			if api != nil || len(diags) != 1 || !strings.HasPrefix(diags[0].String(), tc.at) ||
				!strings.Contains(diags[0].Message, "decoding this takes kin-openapi through") {
				t.Errorf("got %v, want one error at %s", diags, tc.at)
			}
		})
	}
}

// A schema nested deep enough to take kin-openapi seconds is refused at
// the default limit before it is decoded.
func TestDecodeLimitDefault(t *testing.T) {
	spec := specHead + `"definitions": {"D": ` + strings.Repeat(`{"type": "object", "properties": {"a": `, 70) +
		`{"type": "string", "description": "` + strings.Repeat("x", 1<<20) + `"}` + strings.Repeat("}}", 70) + "}}"
	api, diags := Parse([]string{"spec.json"}, Options{ReadFile: memFS(map[string]string{"spec.json": spec})})
	want := "spec.json#/definitions/D: decoding this takes kin-openapi through 142.2 MiB of JSON, more than the 128 MiB allowed for a spec: " +
		"it reads an object's text once for each object it is nested in, and this is 1 MiB nested 71 deep — nest less: give the nested schemas definitions of their own and $ref them"
	if api != nil || len(diags) != 1 || diags[0].String() != want {
		t.Errorf("got %v, want\n%s", diags, want)
	}
}

// The size the cost is counted in is that of the JSON kin-openapi is
// given, strings with no escapes aside.
func TestDecodeCostSize(t *testing.T) {
	for _, s := range []string{`{}`, `[]`, `{"a":[]}`, `{"a":{},"b":[1,true,null,"x"],"c":{"d":-1.5e3}}`, `[[],[{}]]`} {
		tree, errs := parseJSON([]byte(s), DefaultLimits)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		if c := costOf(tree, planFor[openapi2.Schema]()); c.size != int64(len(tree.appendJSON(nil))) {
			t.Errorf("%s: size %d, want %d", s, c.size, len(tree.appendJSON(nil)))
		}
	}
}
