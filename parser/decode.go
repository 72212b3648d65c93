package parser

import (
	"encoding/json"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi3"
)

// Decoding into kin-openapi's types, from the node tree.
//
// kin-openapi's UnmarshalJSON methods decode each object twice (once into
// the struct, once into a map for its extensions), and encoding/json
// re-scans a value for every nested UnmarshalJSON: a schema nested d deep
// is read about 2^d times over, and the whole document costs tens of
// milliseconds per 100 KB. The tree is already parsed, so the decoder here
// fills the same types from it in one pass.
//
// It yields exactly what json.Unmarshal into kin's types yields; a test
// holds it to that on every reference spec. Where exactness would need
// more than a plain reading (kin's private fields, encoding/json's
// case-insensitive key matching, nulls, values of a kind kin would reject,
// numbers that are no float64) it does not guess: small parts kin-openapi
// decodes itself, and anything else sends the whole document down
// encoding/json, so odd input still gets kin-openapi's own reading and
// error messages.

// decodeDocument reads a document's tree into kin-openapi's typed form.
func decodeDocument(tree *node) (*openapi2.T, error) {
	d := &decoder{ok: true}
	if doc := d.document(tree); d.ok {
		return doc, nil
	}
	doc := new(openapi2.T)
	if err := json.Unmarshal(tree.appendJSON(nil), doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// decodeNode decodes one node into v (a pointer to one of kin-openapi's
// types) as json.Unmarshal of its JSON would.
func decodeNode[T any](n *node, v *T, fast func(*decoder, *node) *T) error {
	d := &decoder{ok: true}
	if r := fast(d, n); d.ok && r != nil {
		*v = *r
		return nil
	}
	return json.Unmarshal(n.appendJSON(nil), v)
}

func decodeSchema(n *node, s *openapi2.Schema) error {
	return decodeNode(n, s, (*decoder).schema)
}

func decodeParameter(n *node, p *openapi2.Parameter) error {
	return decodeNode(n, p, (*decoder).parameter)
}

func decodeOperation(n *node, op *openapi2.Operation) error {
	return decodeNode(n, op, (*decoder).operation)
}

// decoder holds whether the reading is still exact; once it is not, the
// rest is skipped and the caller falls back on encoding/json.
type decoder struct{ ok bool }

// viaJSON lets encoding/json and kin-openapi decode a (small) part.
func (d *decoder) viaJSON(n *node, v any) {
	if d.ok && json.Unmarshal(n.appendJSON(nil), v) != nil {
		d.ok = false
	}
}

// object reports whether n is an object; anything else (null included) is
// left to encoding/json.
func (d *decoder) object(n *node) bool {
	if d.ok && n.kind != kindObject {
		d.ok = false
	}
	return d.ok
}

// unknown handles a key that is no field of the type: encoding/json would
// still match it to a field whose name differs only in case.
func (d *decoder) unknown(key string, fields map[string]bool) {
	if strings.HasPrefix(key, "x-") {
		return // no field name starts with x-
	}
	for f := range fields {
		if strings.EqualFold(f, key) {
			d.ok = false
			return
		}
	}
}

// extension adds an extension value, as encoding/json decodes it into any.
func (d *decoder) extension(ext *map[string]any, key string, v *node) {
	val := d.any(v)
	if *ext == nil {
		*ext = map[string]any{}
	}
	(*ext)[key] = val
}

func (d *decoder) str(n *node) string {
	if n.kind != kindString {
		d.ok = false
	}
	return n.str
}

func (d *decoder) boolean(n *node) bool {
	if n.kind != kindBool {
		d.ok = false
	}
	return n.str == "true"
}

func (d *decoder) strings(n *node) []string {
	if n.kind != kindArray {
		d.ok = false
		return nil
	}
	out := make([]string, len(n.vals))
	for i, v := range n.vals {
		out[i] = d.str(v)
	}
	return out
}

func (d *decoder) float(n *node) *float64 {
	if n.kind != kindNumber {
		d.ok = false
		return nil
	}
	f, err := strconv.ParseFloat(n.str, 64)
	if err != nil {
		d.ok = false
	}
	return &f
}

func (d *decoder) uint(n *node) uint64 {
	if n.kind != kindNumber {
		d.ok = false
		return 0
	}
	u, err := strconv.ParseUint(n.str, 10, 64)
	if err != nil {
		d.ok = false
	}
	return u
}

func (d *decoder) uintPtr(n *node) *uint64 {
	u := d.uint(n)
	return &u
}

// any is a value as encoding/json decodes it into an interface.
func (d *decoder) any(n *node) any {
	switch n.kind {
	case kindNull:
		return nil
	case kindBool:
		return n.str == "true"
	case kindNumber:
		f, err := strconv.ParseFloat(n.str, 64)
		if err != nil {
			d.ok = false
		}
		return f
	case kindString:
		return n.str
	case kindArray:
		out := make([]any, len(n.vals))
		for i, v := range n.vals {
			out[i] = d.any(v)
		}
		return out
	default:
		out := make(map[string]any, len(n.keys))
		for i, k := range n.keys {
			out[k] = d.any(n.vals[i])
		}
		return out
	}
}

func (d *decoder) anys(n *node) []any {
	if n.kind != kindArray {
		d.ok = false
		return nil
	}
	return d.any(n).([]any)
}

func (d *decoder) types(n *node) *openapi3.Types {
	var t openapi3.Types
	switch n.kind {
	case kindString:
		t = openapi3.Types{n.str}
	case kindArray:
		t = d.strings(n)
	default:
		d.ok = false
	}
	return &t
}

// Field names of kin-openapi's types, as their json tags spell them.
var (
	schemaFields = set("allOf", "not", "type", "title", "format", "description", "enum", "default", "example",
		"externalDocs", "uniqueItems", "exclusiveMinimum", "exclusiveMaximum", "readOnly", "writeOnly",
		"allowEmptyValue", "deprecated", "xml", "minimum", "maximum", "multipleOf", "minLength", "maxLength",
		"pattern", "minItems", "maxItems", "items", "required", "properties", "minProperties", "maxProperties",
		"additionalProperties", "discriminator")
	// schemaDropped are keys kin-openapi removes from a schema's
	// extensions although the schema has no field for them.
	schemaDropped  = set("oneOf", "anyOf", "nullable")
	parameterField = set("$ref", "in", "name", "description", "collectionFormat", "type", "format", "pattern",
		"allowEmptyValue", "required", "uniqueItems", "exclusiveMinimum", "exclusiveMaximum", "schema", "items",
		"enum", "multipleOf", "minimum", "maximum", "maxLength", "maxItems", "minLength", "minItems", "default")
	responseFields  = set("$ref", "description", "schema", "headers", "examples")
	operationFields = set("summary", "description", "deprecated", "externalDocs", "tags", "operationId",
		"parameters", "responses", "consumes", "produces", "schemes", "security")
	pathItemFields = set("$ref", "delete", "get", "head", "options", "patch", "post", "put", "parameters")
	documentFields = set("swagger", "info", "externalDocs", "schemes", "consumes", "produces", "host", "basePath",
		"paths", "definitions", "parameters", "responses", "securityDefinitions", "security", "tags")
	refFields = set("$ref")
)

func set(keys ...string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}

func (d *decoder) document(n *node) *openapi2.T {
	if !d.object(n) {
		return nil
	}
	doc := new(openapi2.T)
	for i, k := range n.keys {
		v := n.vals[i]
		switch k {
		case "swagger":
			doc.Swagger = d.str(v)
		case "info":
			if d.object(v) {
				d.viaJSON(v, &doc.Info)
			}
		case "externalDocs":
			if d.object(v) {
				d.viaJSON(v, &doc.ExternalDocs)
			}
		case "schemes":
			doc.Schemes = d.strings(v)
		case "consumes":
			doc.Consumes = d.strings(v)
		case "produces":
			doc.Produces = d.strings(v)
		case "host":
			doc.Host = d.str(v)
		case "basePath":
			doc.BasePath = d.str(v)
		case "paths":
			if d.object(v) {
				doc.Paths = make(map[string]*openapi2.PathItem, len(v.keys))
				for j, p := range v.keys {
					doc.Paths[p] = d.pathItem(v.vals[j])
				}
			}
		case "definitions":
			if d.object(v) {
				doc.Definitions = d.definitions(v)
			}
		case "parameters":
			if d.object(v) {
				doc.Parameters = make(map[string]*openapi2.Parameter, len(v.keys))
				for j, name := range v.keys {
					doc.Parameters[name] = d.parameter(v.vals[j])
				}
			}
		case "responses":
			if d.object(v) {
				doc.Responses = make(map[string]*openapi2.Response, len(v.keys))
				for j, name := range v.keys {
					doc.Responses[name] = d.response(v.vals[j])
				}
			}
		case "securityDefinitions":
			if d.object(v) {
				d.viaJSON(v, &doc.SecurityDefinitions)
			}
		case "security":
			if v.kind == kindArray {
				d.viaJSON(v, &doc.Security)
			} else {
				d.ok = false
			}
		case "tags":
			if v.kind == kindArray {
				d.viaJSON(v, &doc.Tags)
			} else {
				d.ok = false
			}
		default:
			d.unknown(k, documentFields)
			d.extension(&doc.Extensions, k, v)
		}
		if !d.ok {
			return nil
		}
	}
	return doc
}

// simpleSchema reads the shapes additionalProperties nearly always has, a
// reference alone, or a type with a format or a description, as
// kin-openapi reads them into
// an OpenAPI 3 schema; nil for any other, which kin-openapi decodes itself
// (through encoding/json twice over: a tenth of a large spec's reading).
func simpleSchema(n *node) *openapi3.SchemaRef {
	if len(n.keys) == 1 && n.keys[0] == "$ref" && n.vals[0].kind == kindString && n.vals[0].str != "" {
		return &openapi3.SchemaRef{Ref: n.vals[0].str}
	}
	s := new(openapi3.Schema)
	for i, k := range n.keys {
		v := n.vals[i]
		if v.kind != kindString {
			return nil
		}
		switch k {
		case "type":
			s.Type = &openapi3.Types{v.str}
		case "format":
			s.Format = v.str
		case "description":
			s.Description = v.str
		default:
			return nil
		}
	}
	return &openapi3.SchemaRef{Value: s}
}

// definitions decodes the definitions, in parallel when there are many:
// they are most of a large spec. Each part has its own decoder; the
// reading is exact only if every part's is.
func (d *decoder) definitions(n *node) map[string]*openapi2.SchemaRef {
	refs := make([]*openapi2.SchemaRef, len(n.vals))
	parts := min(runtime.GOMAXPROCS(0), len(n.vals)/500+1)
	ok := make([]bool, parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := p*len(n.vals)/parts, (p+1)*len(n.vals)/parts
		wg.Go(func() {
			pd := &decoder{ok: true}
			for j := lo; j < hi && pd.ok; j++ {
				refs[j] = pd.schemaRef(n.vals[j])
			}
			ok[p] = pd.ok
		})
	}
	wg.Wait()
	if slices.Contains(ok, false) {
		d.ok = false
		return nil
	}
	defs := make(map[string]*openapi2.SchemaRef, len(n.keys))
	for j, name := range n.keys {
		defs[name] = refs[j]
	}
	return defs
}

func (d *decoder) pathItem(n *node) *openapi2.PathItem {
	if !d.object(n) {
		return nil
	}
	p := new(openapi2.PathItem)
	for i, k := range n.keys {
		v := n.vals[i]
		switch k {
		case "$ref":
			p.Ref = d.str(v)
		case "delete":
			p.Delete = d.operation(v)
		case "get":
			p.Get = d.operation(v)
		case "head":
			p.Head = d.operation(v)
		case "options":
			p.Options = d.operation(v)
		case "patch":
			p.Patch = d.operation(v)
		case "post":
			p.Post = d.operation(v)
		case "put":
			p.Put = d.operation(v)
		case "parameters":
			p.Parameters = d.parameters(v)
		default:
			d.unknown(k, pathItemFields)
			d.extension(&p.Extensions, k, v)
		}
		if !d.ok {
			return nil
		}
	}
	return p
}

func (d *decoder) operation(n *node) *openapi2.Operation {
	if !d.object(n) {
		return nil
	}
	op := new(openapi2.Operation)
	for i, k := range n.keys {
		v := n.vals[i]
		switch k {
		case "summary":
			op.Summary = d.str(v)
		case "description":
			op.Description = d.str(v)
		case "deprecated":
			op.Deprecated = d.boolean(v)
		case "externalDocs":
			if d.object(v) {
				d.viaJSON(v, &op.ExternalDocs)
			}
		case "tags":
			op.Tags = d.strings(v)
		case "operationId":
			op.OperationID = d.str(v)
		case "parameters":
			op.Parameters = d.parameters(v)
		case "responses":
			op.Responses = d.responses(v)
		case "consumes":
			op.Consumes = d.strings(v)
		case "produces":
			op.Produces = d.strings(v)
		case "schemes":
			op.Schemes = d.strings(v)
		case "security":
			if v.kind == kindArray {
				d.viaJSON(v, &op.Security)
			} else {
				d.ok = false
			}
		default:
			d.unknown(k, operationFields)
			d.extension(&op.Extensions, k, v)
		}
		if !d.ok {
			return nil
		}
	}
	return op
}

func (d *decoder) parameters(n *node) openapi2.Parameters {
	if n.kind != kindArray {
		d.ok = false
		return nil
	}
	out := make(openapi2.Parameters, len(n.vals))
	for i, v := range n.vals {
		out[i] = d.parameter(v)
	}
	return out
}

func (d *decoder) parameter(n *node) *openapi2.Parameter {
	if !d.object(n) {
		return nil
	}
	p := new(openapi2.Parameter)
	for i, k := range n.keys {
		v := n.vals[i]
		switch k {
		case "$ref":
			p.Ref = d.str(v)
		case "in":
			p.In = d.str(v)
		case "name":
			p.Name = d.str(v)
		case "description":
			p.Description = d.str(v)
		case "collectionFormat":
			p.CollectionFormat = d.str(v)
		case "type":
			p.Type = d.types(v)
		case "format":
			p.Format = d.str(v)
		case "pattern":
			p.Pattern = d.str(v)
		case "allowEmptyValue":
			p.AllowEmptyValue = d.boolean(v)
		case "required":
			p.Required = d.boolean(v)
		case "uniqueItems":
			p.UniqueItems = d.boolean(v)
		case "exclusiveMinimum":
			p.ExclusiveMin = d.boolean(v)
		case "exclusiveMaximum":
			p.ExclusiveMax = d.boolean(v)
		case "schema":
			p.Schema = d.schemaRef(v)
		case "items":
			p.Items = d.schemaRef(v)
		case "enum":
			p.Enum = d.anys(v)
		case "multipleOf":
			p.MultipleOf = d.float(v)
		case "minimum":
			p.Minimum = d.float(v)
		case "maximum":
			p.Maximum = d.float(v)
		case "maxLength":
			p.MaxLength = d.uintPtr(v)
		case "maxItems":
			p.MaxItems = d.uintPtr(v)
		case "minLength":
			p.MinLength = d.uint(v)
		case "minItems":
			p.MinItems = d.uint(v)
		case "default":
			p.Default = d.any(v)
		default:
			d.unknown(k, parameterField)
			d.extension(&p.Extensions, k, v)
		}
		if !d.ok {
			return nil
		}
	}
	return p
}

func (d *decoder) responses(n *node) *openapi2.Responses {
	if !d.object(n) {
		return nil
	}
	rs := openapi2.NewResponsesWithCapacity(len(n.keys))
	for i, k := range n.keys {
		v := n.vals[i]
		if strings.HasPrefix(k, "x-") {
			d.extension(&rs.Extensions, k, v)
			continue
		}
		rs.Set(k, d.response(v))
		if !d.ok {
			return nil
		}
	}
	return rs
}

func (d *decoder) response(n *node) *openapi2.Response {
	if !d.object(n) {
		return nil
	}
	r := new(openapi2.Response)
	for i, k := range n.keys {
		v := n.vals[i]
		switch k {
		case "$ref":
			r.Ref = d.str(v)
		case "description":
			r.Description = d.str(v)
		case "schema":
			r.Schema = d.schemaRef(v)
		case "headers":
			if d.object(v) {
				r.Headers = make(map[string]*openapi2.Header, len(v.keys))
				for j, name := range v.keys {
					if p := d.parameter(v.vals[j]); p != nil {
						r.Headers[name] = &openapi2.Header{Parameter: *p}
					}
				}
			}
		case "examples":
			if d.object(v) {
				r.Examples = d.any(v).(map[string]any)
			}
		default:
			d.unknown(k, responseFields)
			d.extension(&r.Extensions, k, v)
		}
		if !d.ok {
			return nil
		}
	}
	return r
}

// schemaRef reads a schema or a reference to one.
func (d *decoder) schemaRef(n *node) *openapi2.SchemaRef {
	if !d.object(n) {
		return nil
	}
	// Not n.get: definitions are decoded in parallel, and get builds an
	// index on a large object the first time (YAML aliases share nodes).
	var ref *node
	for i, k := range n.keys {
		if k == "$ref" {
			ref = n.vals[i]
			break
		}
	}
	if ref == nil {
		for _, k := range n.keys {
			if strings.EqualFold(k, "$ref") {
				d.ok = false // encoding/json would read it as the reference
				return nil
			}
		}
		return &openapi2.SchemaRef{Value: d.schema(n)}
	}
	if ref.kind != kindString || ref.str == "" {
		d.ok = false
		return nil
	}
	if len(n.keys) == 1 {
		return &openapi2.SchemaRef{Ref: ref.str}
	}
	// kin-openapi records the keywords beside a $ref in a field of its
	// own; let it read this (small) object.
	r := new(openapi2.SchemaRef)
	d.viaJSON(n, r)
	return r
}

func (d *decoder) schema(n *node) *openapi2.Schema {
	if !d.object(n) {
		return nil
	}
	s := new(openapi2.Schema)
	for i, k := range n.keys {
		v := n.vals[i]
		switch k {
		case "allOf":
			if v.kind != kindArray {
				d.ok = false
				break
			}
			s.AllOf = make(openapi2.SchemaRefs, len(v.vals))
			for j, e := range v.vals {
				s.AllOf[j] = d.schemaRef(e)
			}
		case "not":
			s.Not = d.schemaRef(v)
		case "type":
			s.Type = d.types(v)
		case "title":
			s.Title = d.str(v)
		case "format":
			s.Format = d.str(v)
		case "description":
			s.Description = d.str(v)
		case "enum":
			s.Enum = d.anys(v)
		case "default":
			s.Default = d.any(v)
		case "example":
			s.Example = d.any(v)
		case "externalDocs":
			if d.object(v) {
				d.viaJSON(v, &s.ExternalDocs)
			}
		case "uniqueItems":
			s.UniqueItems = d.boolean(v)
		case "exclusiveMinimum":
			s.ExclusiveMin = d.boolean(v)
		case "exclusiveMaximum":
			s.ExclusiveMax = d.boolean(v)
		case "readOnly":
			s.ReadOnly = d.boolean(v)
		case "writeOnly":
			s.WriteOnly = d.boolean(v)
		case "allowEmptyValue":
			s.AllowEmptyValue = d.boolean(v)
		case "deprecated":
			s.Deprecated = d.boolean(v)
		case "xml":
			if d.object(v) {
				d.viaJSON(v, &s.XML)
			}
		case "minimum":
			s.Min = d.float(v)
		case "maximum":
			s.Max = d.float(v)
		case "multipleOf":
			s.MultipleOf = d.float(v)
		case "minLength":
			s.MinLength = d.uint(v)
		case "maxLength":
			s.MaxLength = d.uintPtr(v)
		case "pattern":
			s.Pattern = d.str(v)
		case "minItems":
			s.MinItems = d.uint(v)
		case "maxItems":
			s.MaxItems = d.uintPtr(v)
		case "items":
			s.Items = d.schemaRef(v)
		case "required":
			s.Required = d.strings(v)
		case "properties":
			if d.object(v) {
				s.Properties = make(openapi2.Schemas, len(v.keys))
				for j, name := range v.keys {
					s.Properties[name] = d.schemaRef(v.vals[j])
				}
			}
		case "minProperties":
			s.MinProps = d.uint(v)
		case "maxProperties":
			s.MaxProps = d.uintPtr(v)
		case "additionalProperties":
			switch {
			case v.kind == kindBool:
				has := v.str == "true"
				s.AdditionalProperties.Has = &has
			case v.kind != kindObject:
				d.ok = false
			default:
				if ref := simpleSchema(v); ref != nil {
					s.AdditionalProperties.Schema = ref
				} else {
					d.viaJSON(v, &s.AdditionalProperties)
				}
			}
		case "discriminator":
			s.Discriminator = d.str(v)
		default:
			if schemaDropped[k] {
				d.any(v) // kin-openapi still decodes it
				break
			}
			d.unknown(k, schemaFields)
			d.extension(&s.Extensions, k, v)
		}
		if !d.ok {
			return nil
		}
	}
	return s
}
