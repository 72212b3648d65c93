package parser

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi2"

	"github.com/armgen/armgen/internal/synth"
	"github.com/armgen/armgen/internal/testutil"
)

// kinDecode is what the decoder must match: encoding/json into
// kin-openapi's types, from the node's JSON.
func kinDecode[T any](n *node) (*T, error) {
	v := new(T)
	if err := json.Unmarshal(n.appendJSON(nil), v); err != nil {
		return nil, err
	}
	return v, nil
}

// sameDecoding decodes n both ways and reports any difference.
func sameDecoding[T any](t *testing.T, where string, n *node, decode func(*node, *T) error) {
	t.Helper()
	want, wantErr := kinDecode[T](n)
	got := new(T)
	gotErr := decode(n, got)
	switch {
	case (wantErr == nil) != (gotErr == nil):
		t.Errorf("%s: kin-openapi says %v, the decoder %v", where, wantErr, gotErr)
	case wantErr != nil:
		if wantErr.Error() != gotErr.Error() {
			t.Errorf("%s: errors differ:\nkin-openapi: %v\ndecoder:     %v", where, wantErr, gotErr)
		}
	case !reflect.DeepEqual(want, got):
		w, _ := json.Marshal(want)
		g, _ := json.Marshal(got)
		t.Errorf("%s: decodings differ\nkin-openapi: %.2000s\ndecoder:     %.2000s", where, w, g)
	}
}

func decodeDocumentInto(n *node, doc *openapi2.T) error {
	d, err := decodeDocument(n)
	if err != nil {
		return err
	}
	*doc = *d
	return nil
}

// checkFile compares the decodings of a whole file and of each of its
// definitions, parameters and operations.
func checkFile(t *testing.T, name string, data []byte) {
	t.Helper()
	tree, errs := parseTree(name, data)
	if tree == nil || len(errs) > 0 {
		return // not something the parser would decode
	}
	sameDecoding(t, name, tree, decodeDocumentInto)
	for i, def := range tree.get("definitions").valsOrObject() {
		sameDecoding(t, name+"#/definitions/"+tree.get("definitions").keys[i], def, decodeSchema)
	}
	for i, p := range tree.get("parameters").valsOrObject() {
		sameDecoding(t, name+"#/parameters/"+tree.get("parameters").keys[i], p, decodeParameter)
	}
	for _, section := range []string{"paths", "x-ms-paths"} {
		paths := tree.get(section)
		for i, item := range paths.valsOrObject() {
			for _, m := range methods {
				if op := item.get(m); op != nil {
					sameDecoding(t, fmt.Sprintf("%s#/%s/%s/%s", name, section, paths.keys[i], m), op, decodeOperation)
				}
			}
		}
	}
}

func (n *node) valsOrObject() []*node {
	if n == nil || n.kind != kindObject {
		return nil
	}
	return n.vals
}

// Every JSON file of the reference specs (Swagger documents, examples,
// whatever is there), the golden cases, the default spec and a synthetic
// spec decode to exactly what kin-openapi makes of them, errors included.
func TestDecodeMatchesKin(t *testing.T) {
	var files []string
	root := filepath.Join(testutil.Root())
	for _, dir := range []string{filepath.Join(root, "golden"), filepath.Join(root, "spec"), filepath.Join(testutil.Shared(t), "specs")} {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".json") || strings.HasSuffix(p, ".yaml")) {
				files = append(files, p)
			}
			return nil
		})
	}
	if len(files) < 100 {
		t.Fatalf("only %d files found", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkFile(t, f, trimBOM(data))
	}
	checkFile(t, synth.Name, synth.Spec(41))
}

// The reference specs take the fast path: none of them needs encoding/json
// (which would be correct, only slow).
func TestDecodeFastPath(t *testing.T) {
	specs := testutil.Specs(t)
	var files []string
	filepath.WalkDir(specs, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") && !strings.Contains(p, string(filepath.Separator)+"examples"+string(filepath.Separator)) {
			files = append(files, p)
		}
		return nil
	})
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tree, errs := parseJSON(trimBOM(data), DefaultLimits)
		if tree == nil || len(errs) > 0 {
			continue
		}
		d := &decoder{ok: true}
		if d.document(tree); !d.ok {
			t.Errorf("%s: decoded by encoding/json, not from the tree", f)
		}
	}
}

// Odd documents: the decoder must agree with kin-openapi on each, whether
// by its own reading or by handing the document to encoding/json.
func TestDecodeOddDocuments(t *testing.T) {
	for i, doc := range []string{
		`{}`,
		`{"swagger":"2.0","info":{"title":"t","version":"1"},"paths":{},"definitions":{},"parameters":{},"responses":{}}`,
		// Keys encoding/json matches whatever their case.
		`{"definitions":{"A":{"Type":"object","Description":"d"}}}`,
		`{"definitions":{"A":{"$Ref":"#/definitions/B"}}}`,
		`{"Swagger":"2.0","Paths":{}}`,
		`{"paths":{"/a":{"GET":{"operationId":"x"}}}}`,
		`{"parameters":{"p":{"Name":"n","in":"query"}}}`,
		// Nulls.
		`{"definitions":{"A":null}}`,
		`{"definitions":{"A":{"type":null,"description":null,"default":null,"example":null,"enum":null,"items":null}}}`,
		`{"definitions":{"A":{"required":["a",null],"allOf":[null]}}}`,
		`{"info":null,"paths":null}`,
		`{"paths":{"/a":{"get":{"responses":{"200":null,"x-a":null}}}}}`,
		// Wrong kinds, which kin-openapi rejects.
		`{"definitions":{"A":{"type":5}}}`,
		`{"definitions":{"A":{"minLength":1.5}}}`,
		`{"definitions":{"A":{"minLength":-1}}}`,
		`{"definitions":{"A":{"maxLength":"3"}}}`,
		`{"definitions":{"A":{"readOnly":"true"}}}`,
		`{"definitions":{"A":{"properties":[]}}}`,
		`{"definitions":{"A":{"x-big":1e400}}}`,
		`{"definitions":{"A":{"nullable":1e400}}}`,
		`{"definitions":{"A":{"maximum":1e400}}}`,
		`{"definitions":{"A":true}}`,
		`{"paths":{"/a":{"get":{"parameters":{}}}}}`,
		`{"security":{}}`,
		// References.
		`{"definitions":{"A":{"$ref":""}}}`,
		`{"definitions":{"A":{"$ref":5}}}`,
		`{"definitions":{"A":{"$ref":"#/definitions/B","description":"beside","x-ms-client-flatten":true}}}`,
		`{"definitions":{"A":{"properties":{"b":{"$ref":"#/definitions/B","readOnly":true}}}}}`,
		// Everything kin-openapi reads.
		`{"swagger":"2.0","info":{"title":"t","version":"1","x-i":1,"contact":{"name":"c"}},"externalDocs":{"url":"https://x"},
		  "schemes":["https"],"consumes":[],"produces":["application/json"],"host":"h","basePath":"/b",
		  "securityDefinitions":{"s":{"type":"oauth2","flow":"implicit","scopes":{"a":"b"}}},"security":[{"s":["a"]}],
		  "tags":[{"name":"t"}],"x-ms-paths":{"/p?x":{"get":{"operationId":"A_B"}}},"x-top":[1,"a",null,{"b":[]}],"other":true,
		  "paths":{"/a/{b}":{"$ref":"x","parameters":[{"$ref":"#/parameters/P"},{"name":"b","in":"path","required":true,"type":"string"}],
		    "x-pi":1,"summary":"oas3",
		    "put":{"summary":"s","description":"d","deprecated":true,"externalDocs":{"url":"u"},"tags":["a"],"operationId":"A_Put",
		      "consumes":["c"],"produces":["p"],"schemes":["http"],"security":[],"x-ms-long-running-operation":true,
		      "parameters":[{"name":"body","in":"body","schema":{"$ref":"#/definitions/A"},"x-ms-client-flatten":true}],
		      "responses":{"200":{"description":"ok","schema":{"type":"array","items":{"$ref":"#/definitions/A"}},
		        "headers":{"ETag":{"type":"string","description":"e","x-h":1}},"examples":{"application/json":{"a":1}},"x-r":2},
		        "default":{"$ref":"#/responses/E"},"x-rs":true}}}},
		  "parameters":{"P":{"name":"p","in":"query","description":"d","collectionFormat":"csv","type":"array","format":"f",
		    "pattern":"^a$","allowEmptyValue":true,"required":false,"uniqueItems":true,"exclusiveMinimum":true,"exclusiveMaximum":false,
		    "items":{"type":"string","enum":["a","b"]},"enum":[["a"]],"multipleOf":2,"minimum":-1.5,"maximum":1e3,"maxLength":5,
		    "maxItems":6,"minLength":1,"minItems":2,"default":["a"],"x-ms-parameter-location":"method","x-ms-skip-url-encoding":true}},
		  "responses":{"E":{"description":"error","schema":{"$ref":"#/definitions/E"}}},
		  "definitions":{"A":{"allOf":[{"$ref":"#/definitions/B"},{"properties":{"c":{"type":"string"}}}],"not":{"type":"string"},
		    "type":["object","null"],"title":"t","format":"f","description":"d","enum":[1,"a",true,null,{"x":[]}],"default":{"a":1},
		    "example":[1],"externalDocs":{"url":"u"},"uniqueItems":false,"exclusiveMinimum":false,"exclusiveMaximum":true,"readOnly":true,
		    "writeOnly":false,"allowEmptyValue":false,"deprecated":true,"xml":{"name":"x"},"minimum":0,"maximum":10,"multipleOf":0.5,
		    "minLength":0,"maxLength":0,"pattern":"p","minItems":1,"maxItems":9,"items":{"type":"integer"},"required":[],
		    "properties":{},"minProperties":1,"maxProperties":2,"additionalProperties":{"type":"string","x-a":1},"discriminator":"k",
		    "oneOf":[{"type":"string"}],"anyOf":[],"nullable":true,"x-ms-enum":{"name":"E","modelAsString":true},"unknownKeyword":1},
		    "B":{"additionalProperties":true},"C":{"additionalProperties":false},"D":{"additionalProperties":{}},
		    "E":{"type":"object","additionalProperties":{"$ref":"#/definitions/A"}}}}`,
		`{"definitions":{"F":{"additionalProperties":null}}}`,
		// additionalProperties in the shapes read without kin-openapi, and next to them.
		`{"definitions":{"H":{"additionalProperties":{"type":"string","format":"date-time","description":"d"}},
		  "I":{"additionalProperties":{"$ref":"#/definitions/H"}},"J":{"additionalProperties":{"type":["string"]}},
		  "K":{"additionalProperties":{"$ref":""}},"L":{"additionalProperties":{"type":"string","readOnly":true}},
		  "M":{"additionalProperties":{"$ref":"#/definitions/H","description":"beside"}},"N":{"additionalProperties":{"format":5}}}}`,
		`{"definitions":{"G":{"additionalProperties":"yes"}}}`,
	} {
		tree, errs := parseJSON([]byte(doc), DefaultLimits)
		if len(errs) > 0 {
			t.Fatalf("case %d: %v", i, errs[0].msg)
		}
		checkFile(t, fmt.Sprintf("case %d", i), []byte(doc))
		if i == 1 || strings.Contains(doc, "unknownKeyword") {
			// These the decoder reads itself.
			if d := (&decoder{ok: true}); d.document(tree) == nil || !d.ok {
				t.Errorf("case %d: decoded by encoding/json, not from the tree", i)
			}
		}
	}
}

// Definitions of a large spec are decoded in parts, in parallel: the
// result is still kin-openapi's, and an odd definition in any part sends
// the whole document to encoding/json, as it would in one part.
func TestDecodeManyDefinitions(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	many := func(odd int) string {
		var defs []string
		for i := range 1500 {
			def := fmt.Sprintf(`"D%d":{"type":"object","properties":{"a":{"type":"string"},"b":{"$ref":"#/definitions/D%d"}},"additionalProperties":{"type":"integer"}}`, i, (i+1)%1500)
			if i == odd {
				def = fmt.Sprintf(`"D%d":{"Type":"object"}`, i) // matched by encoding/json whatever its case
			}
			defs = append(defs, def)
		}
		return `{"swagger":"2.0","definitions":{` + strings.Join(defs, ",") + `}}`
	}
	for _, odd := range []int{-1, 3, 1499} {
		doc := many(odd)
		tree, errs := parseJSON([]byte(doc), DefaultLimits)
		if len(errs) > 0 {
			t.Fatal(errs[0].msg)
		}
		sameDecoding(t, fmt.Sprintf("odd %d", odd), tree, decodeDocumentInto)
		d := &decoder{ok: true}
		d.document(tree)
		if d.ok != (odd < 0) {
			t.Errorf("odd definition %d: read from the tree %v, want %v", odd, d.ok, odd < 0)
		}
	}
}
