package parser

import (
	"encoding/json"

	"github.com/getkin/kin-openapi/openapi2"
)

// Reading with kin-openapi.
//
// Every spec file whose tree passes the keyword checks is decoded by
// kin-openapi into its openapi2 types, with kin-openapi's own decoding
// (encoding/json and the types' UnmarshalJSON methods): a JSON file from
// its bytes, a YAML file from its tree written as JSON, so that kin-openapi
// reads the document the tree holds (aliases and merge keys resolved as
// armgen resolves them).
//
// A few parts of a file are not typed as Swagger 2.0 in the document:
// x-ms-paths (an extension, which kin-openapi keeps as plain maps),
// additionalProperties (which it types as an OpenAPI 3 schema), and
// whatever a $ref may point to outside definitions, parameters and
// responses. kin-openapi decodes each such part from its JSON when the
// builder first reads it.

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
	if err := json.Unmarshal(n.appendJSON(nil), v); err != nil {
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
