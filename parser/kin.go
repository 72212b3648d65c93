package parser

import (
	"encoding/json"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/getkin/kin-openapi/openapi2"

	"github.com/armgen/armgen/ir"
)

// Reading with kin-openapi.
//
// Every spec file whose tree passes the keyword checks is decoded by
// kin-openapi into its openapi2 types, with kin-openapi's own decoding
// (encoding/json and the types' UnmarshalJSON methods), from the JSON of
// the tree (kinJSON). Its sections, the definitions, parameters,
// responses and paths, are most of a document: kin-openapi decodes the
// document without them, and each of their members apart. An input
// file's members are all decoded at once, in parallel, since all of them
// become the API; of a file reached only through $refs (common-types, a
// neighbouring service's file), whose definitions the API uses a few of,
// each is decoded when the builder first reaches it (file.definition,
// file.parameter, file.response, file.pathItems). kin-openapi's decoding
// reads an object's text once for its fields and once more for its
// extensions, nested objects included: a document decoded in one piece
// would be read over again as a whole, and on one core.
//
// A few parts of a file are not typed as Swagger 2.0 in the document:
// x-ms-paths (an extension, which kin-openapi keeps as plain maps),
// additionalProperties (which it types as an OpenAPI 3 schema), and
// whatever a $ref may point to elsewhere. kin-openapi decodes each such
// part from its JSON when the builder first reads it.
//
// What kin-openapi would read is worked out from the tree before anything
// is decoded, and bounded (decodecost.go): its cost grows with nesting as
// well as size.

// caseKey is a key of an object node that differs only in case from a
// field of kin-openapi's types ("Properties"). encoding/json matches
// struct fields whatever their case, so kin-openapi would read it as the
// field, where armgen (as AutoRest) ignores it, as an unknown keyword.
type caseKey struct {
	n   *node
	key string
}

// kinFields are the JSON names of the fields of the types kin-openapi
// decodes a Swagger 2.0 document into, as their tags spell them.
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

// kinJSON is a node of f written as JSON for kin-openapi: for a YAML file
// too, so that kin-openapi reads the document the tree holds (aliases and
// merge keys resolved as armgen resolves them), and leaving out the keys
// it must not read (caseKey). size is about its length (decodeCost.size),
// so that the text is written into one buffer rather than grown.
func (f *file) kinJSON(n *node, size int64) []byte {
	b := make([]byte, 0, size+size/16)
	if len(f.caseKeys) == 0 {
		return n.appendJSON(b)
	}
	return n.appendJSONDropping(b, f.dropped())
}

// dropped is f.caseKeys by node.
func (f *file) dropped() map[*node]map[string]bool {
	if f.drop == nil {
		f.drop = map[*node]map[string]bool{}
		for _, c := range f.caseKeys {
			if f.drop[c.n] == nil {
				f.drop[c.n] = map[string]bool{}
			}
			f.drop[c.n][c.key] = true
		}
	}
	return f.drop
}

// decodeDocument reads a whole file with kin-openapi.
func decodeDocument(data []byte) (*openapi2.T, error) {
	doc, err := readAs[openapi2.T](data)
	if err != nil {
		return nil, err
	}
	return doc.(*openapi2.T), nil
}

// sections are what is decoded apart, member by member.
var sections = []string{"definitions", "parameters", "responses", "paths", "x-ms-paths"}

// decode reads f with kin-openapi: the document without its sections,
// and, for an input file, every member of its sections (in parallel). An
// error is kin-openapi's about the document; those about members are in
// f.diags.
func (f *file) decode() (*openapi2.T, error) {
	drop := map[*node]map[string]bool{}
	for n, keys := range f.dropped() {
		drop[n] = keys
	}
	root := map[string]bool{}
	for k := range drop[f.tree] {
		root[k] = true
	}
	for _, k := range sections {
		root[k] = true
	}
	drop[f.tree] = root
	if !f.meter.charge(documentCost(f.tree), func() ir.Pointer { return f.ptr() }, &f.diags) {
		return nil, nil // f.diags says why
	}
	doc, err := decodeDocument(f.tree.appendJSONDropping(nil, drop))
	if err != nil || !f.input {
		return doc, err
	}
	type member struct {
		n      *node
		tokens []string
		read   func([]byte) (any, error)
		plan   *kinPlan
		cost   decodeCost
		v      any
	}
	var members []member
	for _, section := range sections {
		sn := f.tree.get(section)
		for i, k := range sn.keysOrNil() {
			n := sn.vals[i]
			if n.kind != kindObject {
				continue
			}
			read := readAs[openapi2.PathItem]
			switch section {
			case "definitions":
				read = readAs[openapi2.SchemaRef]
				if n.get("$ref") == nil {
					read = readSchemaRef
				}
			case "parameters":
				read = readAs[openapi2.Parameter]
			case "responses":
				read = readAs[openapi2.Response]
			}
			members = append(members, member{n: n, tokens: []string{section, k}, read: read, plan: sectionPlans()[section]})
		}
	}
	// What kin-openapi would read is worked out first, then it reads all
	// or nothing; f is only read meanwhile.
	inParallel(len(members), func(i int) { members[i].cost = costOf(members[i].n, members[i].plan) })
	costs := make([]decodeCost, len(members))
	for i, m := range members {
		costs[i] = m.cost
	}
	if !f.meter.chargeAll(costs, func(i int) ir.Pointer { return f.ptr(members[i].tokens...) }, &f.diags) {
		return nil, nil // f.diags says why
	}
	inParallel(len(members), func(i int) {
		m := &members[i]
		v, err := m.read(f.kinJSON(m.n, m.cost.size))
		if err != nil {
			v = err
		}
		m.v = v
	})
	for _, m := range members {
		f.keepPart(m.n, m.tokens, m.v)
	}
	return doc, nil
}

// inParallel calls fn(i) for i from 0 to n on every core, each worker
// taking the next i.
func inParallel(n int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				fn(i)
			}
		})
	}
	wg.Wait()
}

// readAs decodes data as a T with kin-openapi. Its types decode
// themselves, and their UnmarshalJSON is called as json.Unmarshal would,
// less the pass json.Unmarshal makes first over the whole text to check
// that it is JSON: it is, written from the tree.
func readAs[T any](data []byte) (any, error) {
	v := new(T)
	var err error
	if u, ok := any(v).(json.Unmarshaler); ok {
		err = u.UnmarshalJSON(data)
	} else {
		err = json.Unmarshal(data, v)
	}
	if err != nil {
		return nil, err
	}
	return v, nil
}

// readSchemaRef decodes a schema with no $ref into the SchemaRef
// kin-openapi makes of it, its Value. SchemaRef's own decoding would read
// the text once more first, looking for the $ref.
func readSchemaRef(data []byte) (any, error) {
	s, err := readAs[openapi2.Schema](data)
	if err != nil {
		return nil, err
	}
	return &openapi2.SchemaRef{Value: s.(*openapi2.Schema)}, nil
}

// keepPart caches what kin-openapi read of node n, written at tokens, or
// says in a diagnostic why it could not read it.
func (f *file) keepPart(n *node, tokens []string, v any) {
	if err, ok := v.(error); ok {
		// The keyword checks should have caught what kin-openapi rejects;
		// say what it said.
		f.diags.Add(f.ptr(tokens...), "cannot decode: %v", err)
	}
	if f.parts == nil {
		f.parts = map[*node]any{}
	}
	f.parts[n] = v
}

// definition is kin-openapi's reading of the definition name of f, nil
// when f has none of that name or kin-openapi cannot read it (which a
// diagnostic then says). The document does not hold it: it is decoded
// apart.
func (f *file) definition(name string) *openapi2.SchemaRef {
	return sectionPart[openapi2.SchemaRef](f, "definitions", name)
}

// parameter is kin-openapi's reading of the shared parameter name of f.
func (f *file) parameter(name string) *openapi2.Parameter {
	return sectionPart[openapi2.Parameter](f, "parameters", name)
}

// response is kin-openapi's reading of the shared response name of f.
func (f *file) response(name string) *openapi2.Response {
	return sectionPart[openapi2.Response](f, "responses", name)
}

func sectionPart[T any](f *file, section, name string) *T {
	n := f.tree.get(section).get(name)
	if n == nil || n.kind != kindObject {
		return nil
	}
	return decodePart[T](f, n, []string{section, name})
}

// decodePart returns kin-openapi's reading of node n of f, written at
// tokens, as a T (one of its openapi2 types), decoding it on first use.
// When kin-openapi cannot read it, a diagnostic says so (once) and it
// returns nil.
func decodePart[T any](f *file, n *node, tokens []string) *T {
	switch v := f.parts[n].(type) {
	case *T:
		return v
	case error:
		return nil
	}
	cost := costOf(n, planFor[T]())
	if !f.meter.charge(cost, func() ir.Pointer { return f.ptr(tokens...) }, &f.diags) {
		if f.parts == nil {
			f.parts = map[*node]any{}
		}
		f.parts[n] = errRefused
		return nil
	}
	v, err := readAs[T](f.kinJSON(n, cost.size))
	if err != nil {
		f.keepPart(n, tokens, err)
		return nil
	}
	f.keepPart(n, tokens, v)
	return v.(*T)
}

// schemaFor returns kin-openapi's reading of a schema node, written at
// tokens, that the typed document does not hold at hand; an empty schema
// for a node that is no schema (which the keyword checks have reported)
// or that kin-openapi cannot read (which decodePart has).
func (f *file) schemaFor(n *node, tokens []string) *openapi2.Schema {
	if n.kind == kindObject {
		if s := decodePart[openapi2.Schema](f, n, tokens); s != nil {
			return s
		}
	}
	return new(openapi2.Schema)
}

// schemaRefFor returns kin-openapi's reading of a $ref node, written at
// tokens: the reference and the extensions beside it.
func (f *file) schemaRefFor(n *node, tokens []string) *openapi2.SchemaRef {
	if n.kind == kindObject {
		if sr := decodePart[openapi2.SchemaRef](f, n, tokens); sr != nil {
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
