package parser

import (
	"encoding/json"
	"reflect"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi2"
)

// Reading with kin-openapi.
//
// Every spec file whose tree passes the keyword checks is decoded by
// kin-openapi into its openapi2 types, with kin-openapi's own decoding
// (encoding/json and the types' UnmarshalJSON methods; kinInput says from
// what).
//
// A few parts of a file are not typed as Swagger 2.0 in the document:
// x-ms-paths (an extension, which kin-openapi keeps as plain maps),
// additionalProperties (which it types as an OpenAPI 3 schema), and
// whatever a $ref may point to outside definitions, parameters and
// responses. kin-openapi decodes each such part from its JSON when the
// builder first reads it.

// caseKey is a key of an object node that differs only in case from a
// field of kin-openapi's types ("Properties"). encoding/json matches
// struct fields whatever their case, so kin-openapi would read it as the
// field, where armgen (as AutoRest) ignores it, as an unknown keyword.
type caseKey struct {
	n   *node
	key string
}

// kinFields are the JSON names of the fields of kin-openapi's Swagger 2.0
// types, as their tags spell them.
var kinFields = sync.OnceValue(func() map[string]bool {
	fields := map[string]bool{}
	var visit func(t reflect.Type)
	seen := map[reflect.Type]bool{}
	visit = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for f := range t.Fields() {
			if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
				fields[name] = true
			}
			if f.IsExported() {
				visit(f.Type)
			}
		}
	}
	visit(reflect.TypeFor[openapi2.T]())
	return fields
})

// kinFieldInCase reports whether key differs only in case from the name
// of a field of kin-openapi's types (and is not one).
func kinFieldInCase(key string) bool {
	fields := kinFields()
	if fields[key] {
		return false
	}
	for name := range fields {
		if strings.EqualFold(name, key) {
			return true
		}
	}
	return false
}

// kinInput is what kin-openapi decodes of a file read from data: the
// bytes of a JSON file as they are; the tree written as JSON for a YAML
// file, so that kin-openapi reads the document the tree holds (aliases and
// merge keys resolved as armgen resolves them), or for a file with keys
// it must not read.
func (f *file) kinInput(data []byte, yamlFile bool) []byte {
	if len(f.caseKeys) == 0 && !yamlFile {
		return data
	}
	return f.kinJSON(f.tree)
}

// kinJSON is a node of f written as JSON for kin-openapi.
func (f *file) kinJSON(n *node) []byte {
	if len(f.caseKeys) == 0 {
		return n.appendJSON(nil)
	}
	if f.drop == nil {
		f.drop = map[*node]map[string]bool{}
		for _, c := range f.caseKeys {
			if f.drop[c.n] == nil {
				f.drop[c.n] = map[string]bool{}
			}
			f.drop[c.n][c.key] = true
		}
	}
	return n.appendJSONDropping(nil, f.drop)
}

// decodeDocument reads a whole file with kin-openapi.
func decodeDocument(data []byte) (*openapi2.T, error) {
	doc := new(openapi2.T)
	if err := json.Unmarshal(data, doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// decodePart returns kin-openapi's reading of one node of f as a T (one of
// its openapi2 types), decoding it on first use. An error is returned
// each time it is asked for.
func decodePart[T any](f *file, n *node) (*T, error) {
	if v, ok := f.parts[n].(*T); ok {
		return v, nil
	}
	v := new(T)
	if err := json.Unmarshal(f.kinJSON(n), v); err != nil {
		return nil, err
	}
	if f.parts == nil {
		f.parts = map[*node]any{}
	}
	f.parts[n] = v
	return v, nil
}

// schemaFor returns kin-openapi's reading of a schema node the typed
// document does not hold at hand; an empty schema for a node that is no
// schema (which the keyword checks have reported).
func (f *file) schemaFor(n *node) *openapi2.Schema {
	if n.kind != kindObject {
		return new(openapi2.Schema)
	}
	s, err := decodePart[openapi2.Schema](f, n)
	if err != nil {
		return new(openapi2.Schema)
	}
	return s
}

// schemaRefFor returns kin-openapi's reading of a $ref node: the reference
// and the extensions beside it.
func (f *file) schemaRefFor(n *node) *openapi2.SchemaRef {
	if n.kind == kindObject {
		if sr, err := decodePart[openapi2.SchemaRef](f, n); err == nil {
			return sr
		}
	}
	return new(openapi2.SchemaRef)
}

// Extension values, as kin-openapi keeps them: decoded by encoding/json
// into any. The keyword checks have made sure of the types armgen reads.

func extString(ext map[string]any, key string) string {
	s, _ := ext[key].(string)
	return s
}

func extBool(ext map[string]any, key string) bool {
	b, _ := ext[key].(bool)
	return b
}

func extObject(ext map[string]any, key string) map[string]any {
	m, _ := ext[key].(map[string]any)
	return m
}

// extStrings is an array of strings, leaving out what is not a string.
func extStrings(ext map[string]any, key string) []string {
	list, ok := ext[key].([]any)
	if !ok {
		return nil
	}
	out := make([]string, 0, len(list))
	for _, v := range list {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
