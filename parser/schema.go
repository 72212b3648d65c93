package parser

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"

	"github.com/armgen/armgen/ir"
)

// builder turns loaded files into the IR.
type builder struct {
	l     *loader
	api   *ir.API
	diags ir.Diagnostics
	// models and enums by the node that defines them, so each schema
	// becomes one IR node however many places use it.
	models map[*node]*modelState
	keys   map[string]*node // model Key → defining node
	enums  map[string]*ir.Enum
	// enumIndex finds an enum's values by their JSON text.
	enumIndex map[*ir.Enum]map[string]int
	// enumAt remembers which node first defined an enum Key, for messages.
	enumAt map[string]ir.Pointer
	// enumFold finds named enums by their name in lower case (enumfold.go).
	enumFold map[string][]*ir.Enum
	// chained marks the nodes $ref chains have passed through after their
	// start: an alias definition already walked needs no walk of its own.
	chained map[*node]bool
	// cur is the schema or operation being read, for the report of a panic.
	cur site
	// depth counts the models being filled, one inside another (a
	// property's type is filled while its model is); past maxFillDepth
	// a model waits in pending, so that a long chain of definitions
	// cannot overflow the stack. allOfDepth counts allOf parents.
	depth, allOfDepth int
	pending           []*modelState
	clientParams      map[string]*ir.Parameter
	// opIDs are the operationIds taken, in lower case (tolerate.go).
	opIDs map[string]bool
	// hostArgs are the method-level parameters of x-ms-parameterized-host,
	// added to every operation (last when positionInOperation says so).
	hostArgs     []*ir.Parameter
	hostArgsLast bool
}

type modelState struct {
	m    *ir.Model
	site site
	// filling is set while the model's allOf parents are being read: a
	// model that reaches itself through allOf is a cycle.
	filling bool
	done    bool
	// own properties' required names, kept for children.
	required []string
	// discriminator as declared on this model, if any.
	discriminator string
	// discriminatorValue as written (x-ms-discriminator-value), if any.
	discriminatorValue string
}

func newBuilder(l *loader) *builder {
	return &builder{
		l:            l,
		api:          &ir.API{UseSchemePrefix: true},
		models:       map[*node]*modelState{},
		keys:         map[string]*node{},
		enums:        map[string]*ir.Enum{},
		enumAt:       map[string]ir.Pointer{},
		enumIndex:    map[*ir.Enum]map[string]int{},
		clientParams: map[string]*ir.Parameter{},
		chained:      map[*node]bool{},
	}
}

// site is a schema where it is written: its location (the file, the
// tokens of its pointer and its node in the tree, which keeps the order of
// its keys) and kin-openapi's reading of it, which is what the IR is made
// of. A $ref site has no schema of its own: kin-openapi's reading of it
// holds the extensions beside the reference.
type site struct {
	f      *file
	tokens []string
	n      *node
	s      *openapi2.Schema    // nil for a $ref
	sr     *openapi2.SchemaRef // nil when read without a typed parent
	ref    string
}

// isRef reports whether the site is a $ref, even one whose value is empty
// (which resolve reports): such a site has no schema of its own.
func (s site) isRef() bool {
	return s.ref != "" || s.n != nil && s.n.get("$ref") != nil
}

func (s site) ptr(extra ...string) ir.Pointer {
	return s.f.ptr2(s.tokens, extra)
}

// child is the site of a schema inside s, at node n, which kin-openapi
// read as sr (nil when its reading is not at hand: it is decoded then).
// References are resolved on the tree (kin-openapi does not resolve
// Swagger 2.0's), so the node says whether the site is a $ref.
func (s site) child(n *node, sr *openapi2.SchemaRef, tokens ...string) site {
	c := site{f: s.f, tokens: append(slices.Clone(s.tokens), tokens...), n: n, sr: sr}
	switch {
	case n == nil:
	case n.get("$ref") != nil:
		c.ref = n.get("$ref").text()
	case sr != nil && sr.Value != nil:
		c.s = sr.Value
	default:
		c.s = s.f.schemaFor(n)
	}
	return c
}

// ext returns the site's extensions; for a $ref, those beside it, which
// describe this use of the schema it names.
func (s site) ext() map[string]any {
	if s.isRef() {
		if s.sr == nil {
			return s.f.schemaRefFor(s.n).Extensions
		}
		return s.sr.Extensions
	}
	if s.s == nil {
		return nil
	}
	return s.s.Extensions
}

// siteAt makes a site for a node of f read without a typed parent.
func siteAt(f *file, tokens []string, n *node) site {
	return site{f: f}.child(n, nil, tokens...)
}

// definitionSite returns the site of a definition, using the typed document.
func definitionSite(f *file, name string) site {
	n := f.tree.get("definitions").get(name)
	var sr *openapi2.SchemaRef
	if f.doc != nil {
		sr = f.doc.Definitions[name]
	}
	return site{f: f}.child(n, sr, "definitions", name)
}

// follow resolves a site's $ref chain to the schema it names. A chain that
// comes back to itself, or is longer than the limit, is an error.
func (b *builder) follow(s site) (site, bool) {
	var seen []*node
	var chain []ir.Pointer
	for s.isRef() {
		if s.ref == "" {
			s.ref = s.n.get("$ref").text()
		}
		if i := slices.Index(seen, s.n); i >= 0 {
			b.diags = append(b.diags, cycleDiagnostic(chain[i:]))
			return site{}, false
		}
		if len(seen) > 0 {
			b.chained[s.n] = true
		}
		seen = append(seen, s.n)
		chain = append(chain, s.ptr())
		if len(seen) > b.l.opts.Limits.MaxRefDepth {
			b.diags = append(b.diags, ir.Diagnostic{Pointer: chain[0] + "/$ref",
				Message: "more than " + itoa(b.l.opts.Limits.MaxRefDepth) + " $refs in a row from here without reaching a schema",
				Hint:    "refer to the schema directly"})
			return site{}, false
		}
		t, ok := b.resolve(s.f, s.tokens, s.ref)
		if !ok {
			return site{}, false
		}
		if len(t.tokens) == 2 && t.tokens[0] == "definitions" {
			s = definitionSite(t.f, t.tokens[1])
		} else {
			s = siteAt(t.f, t.tokens, t.n)
		}
	}
	if s.n == nil {
		return site{}, false
	}
	if s.n.kind != kindObject {
		b.diags.Add(s.ptr(), "a schema must be an object, not %s", article(s.n.kind))
		return site{}, false
	}
	return s, true
}

// isDefinition reports whether a resolved site is a definition of its file.
func (s site) isDefinition() bool {
	return len(s.tokens) == 2 && s.tokens[0] == "definitions"
}

// modelLike reports whether a schema is an object with structure of its
// own, which the IR makes a Model; other objects are maps or any.
func modelLike(s *openapi2.Schema) bool {
	return s.Properties != nil || s.AllOf != nil || s.Discriminator != ""
}

// hasAdditional reports whether a schema says anything of
// additionalProperties.
func hasAdditional(s *openapi2.Schema) bool {
	return s.AdditionalProperties.Has != nil || s.AdditionalProperties.Schema != nil
}

// typeOf is the heart of the schema reading: the IR type of the schema at
// s. hint names where the schema is, for the names of inline models and
// enums ("Pool.properties.scaleSettings").
func (b *builder) typeOf(s site, hint string) *ir.Type {
	b.cur = s
	r, ok := b.follow(s)
	if !ok {
		return &ir.Type{Kind: ir.KindAny}
	}
	if r.isDefinition() {
		hint = r.tokens[1]
	}
	if member, ok := b.primitiveAllOf(r); ok {
		b.diags.Warn(r.ptr("allOf"), "allOf holds %s, not an object; armgen reads the schema as that type", typeArticle(firstTypeOf(b, member)))
		return b.typeOf(member, hint)
	}
	n, sch := r.n, r.s
	if sch.Enum != nil && len(sch.Enum) == 0 {
		b.diags.Warn(r.ptr("enum"), "the enum lists no value; armgen reads the schema as a plain %s", firstOf(schemaType(sch), "value"))
	}
	typ := schemaType(sch)
	format := sch.Format
	// x-nullable may stand beside a $ref ("items": {"$ref": …, "x-nullable":
	// true}): it is the referring schema's say, as well as the definition's.
	nullable := extBool(sch.Extensions, "x-nullable") || s.n != nil && extBool(s.ext(), "x-nullable")
	if len(sch.Enum) > 0 && typ != "array" && typ != "object" {
		if en := b.enum(r, hint); en != nil {
			return &ir.Type{Kind: ir.KindEnum, Ref: en.Key, Format: format, Nullable: nullable}
		}
	}
	switch typ {
	case "", "object":
		if format == "file" && !modelLike(sch) {
			// AutoRest's binary body: {"type": "object", "format": "file"}.
			return &ir.Type{Kind: ir.KindStream, Format: format, Nullable: nullable}
		}
		if modelLike(sch) {
			m := b.model(r, hint)
			return &ir.Type{Kind: ir.KindModel, Ref: m.Key, Nullable: nullable}
		}
		if hasAdditional(sch) {
			return &ir.Type{Kind: ir.KindMap, Elem: b.additional(r, hint), Nullable: nullable}
		}
		if typ == "" && sch.Items != nil {
			b.diags.Warn(r.ptr(), `a schema with "items" but no "type"; read as an array`)
			return &ir.Type{Kind: ir.KindArray, Elem: b.typeOf(r.child(n.get("items"), sch.Items, "items"), hint+".item"), Nullable: nullable}
		}
		return &ir.Type{Kind: ir.KindAny, Nullable: nullable}
	case "array":
		if sch.Items == nil {
			b.diags = append(b.diags, ir.Diagnostic{Pointer: r.ptr(), Message: `an array schema needs "items"`,
				Hint: `add "items": {} to allow any element`})
			return &ir.Type{Kind: ir.KindArray, Elem: &ir.Type{Kind: ir.KindAny}}
		}
		return &ir.Type{Kind: ir.KindArray, Elem: b.typeOf(r.child(n.get("items"), sch.Items, "items"), hint+".item"), Nullable: nullable}
	case "string", "integer", "number", "boolean", "file":
		t := primitive(typ, format)
		if t == nil {
			b.diags.Warn(r.ptr("format"), "unknown format %q for type %s; read as plain %s", format, typ, typ)
			t = primitive(typ, "")
		}
		t.Nullable = nullable
		return t
	default:
		b.diags = append(b.diags, ir.Diagnostic{Pointer: r.ptr("type"), Message: "unknown type " + quote(typ),
			Hint: "Swagger 2.0 types are string, number, integer, boolean, array, object and file"})
		return &ir.Type{Kind: ir.KindAny}
	}
}

// additional is the element type of additionalProperties. kin-openapi
// reads it as an OpenAPI 3 schema; it is read again as the Swagger 2.0
// schema it is.
func (b *builder) additional(s site, hint string) *ir.Type {
	ap := s.s.AdditionalProperties
	if ap.Schema == nil {
		if ap.Has != nil && !*ap.Has {
			return nil
		}
		return &ir.Type{Kind: ir.KindAny}
	}
	return b.typeOf(s.child(s.n.get("additionalProperties"), nil, "additionalProperties"), hint+".value")
}

// primitive maps a Swagger type and format to a Kind; nil for a format
// the type does not have. Unknown formats on strings are documentation
// (uuid, arm-id, password…), so strings accept any.
func primitive(typ, format string) *ir.Type {
	t := &ir.Type{Format: format}
	switch typ {
	case "boolean":
		t.Kind = ir.KindBool
	case "file":
		t.Kind = ir.KindStream
	case "integer":
		switch format {
		case "int32":
			t.Kind = ir.KindInt32
		case "int64", "":
			t.Kind = ir.KindInt64
		case "unixtime":
			t.Kind = ir.KindUnixTime
		default:
			return nil
		}
	case "number":
		switch format {
		case "float":
			t.Kind = ir.KindFloat32
		case "double", "decimal", "":
			t.Kind = ir.KindFloat64
		case "int32":
			t.Kind = ir.KindInt32
		case "int64":
			t.Kind = ir.KindInt64
		default:
			return nil
		}
	default:
		t.Kind = ir.KindString
		switch strings.ToLower(format) {
		case "byte":
			t.Kind = ir.KindBytes
		case "base64url":
			t.Kind = ir.KindBase64URL
		case "date":
			t.Kind = ir.KindDate
		case "date-time":
			t.Kind = ir.KindDateTime
		case "date-time-rfc1123":
			t.Kind = ir.KindDateTimeRFC1123
		case "duration":
			t.Kind = ir.KindDuration
		case "time":
			t.Kind = ir.KindTime
		case "binary", "file":
			t.Kind = ir.KindStream
		}
	}
	return t
}

// model returns the Model for an object schema, building it on first use.
func (b *builder) model(s site, hint string) *ir.Model {
	if st, ok := b.models[s.n]; ok {
		return st.m
	}
	m := &ir.Model{Name: hint, Pointer: s.ptr(), Inline: !s.isDefinition()}
	if s.isDefinition() {
		m.Name = s.tokens[1]
		// Specs split over files often carry copies of one definition
		// (an ErrorResponse in each file): the same schema under the same
		// name is one model. A different one is a collision naming reports.
		if other, ok := b.keys[m.Name]; ok && other != s.n && sameSchema(b.models[other].site.s, s.s) {
			st := b.models[other]
			b.models[s.n] = st
			return st.m
		}
	}
	m.Key = b.modelKey(m.Name, s)
	st := &modelState{m: m, site: s}
	b.models[s.n] = st
	b.keys[m.Key] = s.n
	b.api.Models = append(b.api.Models, m)
	if b.depth >= maxFillDepth {
		b.pending = append(b.pending, st)
		return m
	}
	b.fillNested(st)
	return m
}

// maxFillDepth is how many models are filled one inside another before
// the next waits; far deeper than real specs nest, so their order of
// reading is unchanged.
const maxFillDepth = 200

func (b *builder) fillNested(st *modelState) {
	b.depth++
	b.fill(st)
	b.depth--
}

// fillPending fills the models that waited, and those they reach.
func (b *builder) fillPending() {
	for len(b.pending) > 0 {
		st := b.pending[0]
		b.pending = b.pending[1:]
		if !st.done && !st.filling {
			b.fillNested(st)
		}
	}
}

// modelKey makes a unique Key: the name, or the name with the defining
// file's base name when two files define the same name differently.
func (b *builder) modelKey(name string, s site) string {
	key := name
	for i := 2; ; i++ {
		if _, taken := b.keys[key]; !taken {
			return key
		}
		key = name + "#" + strconv.Itoa(i)
	}
}

// fill reads a model's properties, inheriting from allOf parents.
func (b *builder) fill(st *modelState) {
	st.filling = true
	defer func() { st.filling, st.done = false, true }()
	s, m, sch := st.site, st.m, st.site.s
	m.ClientName = extString(sch.Extensions, "x-ms-client-name")
	m.Title = sch.Title
	m.Description = sch.Description
	m.AzureResource = extBool(sch.Extensions, "x-ms-azure-resource")
	m.External = extBool(sch.Extensions, "x-ms-external")
	st.discriminator = sch.Discriminator
	st.discriminatorValue = extString(sch.Extensions, "x-ms-discriminator-value")
	st.required = slices.Clone(sch.Required)

	var props []*ir.Property
	var index map[string]int // props by name, once there are many
	if len(sch.AllOf) > 0 {
		parts := s.n.get("allOf")
		for i, sr := range sch.AllOf {
			ps := s.child(parts.vals[i], sr, "allOf", strconv.Itoa(i))
			r, ok := b.follow(ps)
			if !ok {
				continue
			}
			if pst, seen := b.models[r.n]; seen && pst.filling {
				b.diags = append(b.diags, ir.Diagnostic{Pointer: ps.ptr(),
					Message: "allOf cycle: " + m.Name + " inherits from itself through " + pst.m.Name,
					Hint:    "a model may refer to itself through a property, but not through allOf"})
				continue
			}
			if t := schemaType(r.s); !modelLike(r.s) && t != "object" && t != "" {
				b.diags.Add(ps.ptr(), "allOf member is %s, not an object", typeArticle(t))
				continue
			}
			if ps.ref == "" && !r.isDefinition() {
				// An inline allOf member adds its properties to this model.
				props = b.mergeProps(props, b.ownProperties(r, m.Name), m.Name, &index)
				st.required = append(st.required, r.s.Required...)
				if hasAdditional(r.s) && m.AdditionalProperties == nil {
					m.AdditionalProperties = b.additional(r, m.Name)
				}
				continue
			}
			parent := b.model(r, r.tokens[len(r.tokens)-1])
			if pst := b.models[r.n]; !pst.done && !pst.filling {
				// A parent that waited is needed now: its properties are
				// inherited. Only allOf nesting deepens the stack here.
				if b.allOfDepth >= b.l.opts.Limits.MaxRefDepth {
					b.diags = append(b.diags, ir.Diagnostic{Pointer: ps.ptr(),
						Message: "allOf inheritance is deeper than " + itoa(b.l.opts.Limits.MaxRefDepth) + " models",
						Hint:    "this is far deeper than any real API; is the spec generated?"})
					continue
				}
				b.allOfDepth++
				b.fillNested(pst)
				b.allOfDepth--
			}
			m.Parents = append(m.Parents, parent.Key)
			inherited := make([]*ir.Property, len(parent.Properties))
			for j, p := range parent.Properties {
				c := *p
				inherited[j] = &c
			}
			props = b.mergeProps(props, inherited, m.Name, &index)
			if m.AdditionalProperties == nil {
				m.AdditionalProperties = parent.AdditionalProperties
			}
		}
	}
	props = b.mergeProps(props, b.ownProperties(s, m.Name), m.Name, &index)
	if len(st.required) > 0 {
		// By map: a hostile model can list 100,000 properties.
		required := make(map[string]bool, len(st.required))
		for _, r := range st.required {
			required[r] = true
		}
		defined := make(map[string]bool, len(props))
		for _, p := range props {
			defined[p.Name] = true
			if required[p.Name] {
				p.Required = true
			}
		}
		for _, r := range st.required {
			if !defined[r] {
				b.diags.Warn(s.ptr("required"), "required property %q is not defined", r)
			}
		}
	}
	if hasAdditional(sch) {
		m.AdditionalProperties = b.additional(s, m.Name)
	}
	m.Properties = props
}

// mergeProps appends props to list; a property already there (inherited)
// is replaced in place by the later definition, which must agree in type.
//
// index, kept by the caller across calls, finds properties in list by name
// once there are many, so that a hostile model (100,000 properties or
// allOf members) cannot make merging quadratic; a few are found by scanning.
func (b *builder) mergeProps(list, props []*ir.Property, model string, indexp *map[string]int) []*ir.Property {
	index := *indexp
	if index == nil && len(list)+len(props) > 32 {
		index = make(map[string]int, len(list)+len(props))
		for i, q := range list {
			index[q.Name] = i
		}
		*indexp = index
	}
	for _, p := range props {
		i := -1
		if index != nil {
			if j, ok := index[p.Name]; ok {
				i = j
			}
		} else {
			i = slices.IndexFunc(list, func(q *ir.Property) bool { return q.Name == p.Name })
		}
		if i < 0 {
			if index != nil {
				index[p.Name] = len(list)
			}
			list = append(list, p)
			continue
		}
		if old := list[i]; !old.Type.Equal(p.Type) && !compatible(old.Type, p.Type) {
			d := ir.Diagnostic{Pointer: p.Pointer,
				Message: "property " + quote(p.Name) + " of " + model + " is " + p.Type.String() +
					" here but " + old.Type.String() + " at " + string(old.Pointer),
				Hint: "allOf members must agree on a property's type"}
			if twoModels(old.Type, p.Type) {
				// Two copies of a model from two files: the model's own
				// declaration (the later) is what it reads and writes.
				d.Severity, d.Hint = ir.Warning, ""
				d.Message = "property " + quote(p.Name) + " of " + model + " is " + b.modelsText(p.Type) +
					" here but " + b.modelsText(old.Type) + " at " + string(old.Pointer) + "; armgen uses this one"
			}
			b.diags = append(b.diags, d)
		}
		list[i] = p
	}
	return list
}

// compatible allows a child to narrow a parent's property: a string may
// become an enum, and an object may become a model.
func compatible(parent, child *ir.Type) bool {
	switch {
	case parent.Kind == ir.KindString && child.Kind == ir.KindEnum:
		return true
	case parent.Kind == ir.KindAny:
		return true
	}
	return false
}

// ownProperties reads the properties a schema declares, in spec order
// (kin-openapi keeps them in a map: the tree gives the order).
func (b *builder) ownProperties(s site, model string) []*ir.Property {
	if len(s.s.Properties) == 0 {
		return nil
	}
	propsNode := s.n.get("properties")
	var out []*ir.Property
	for i, name := range propsNode.keys {
		pn := propsNode.vals[i]
		ps := s.child(pn, s.s.Properties[name], "properties", name)
		ext := ps.ext()
		p := &ir.Property{
			Name:       name,
			ClientName: extString(ext, "x-ms-client-name"),
			Pointer:    ps.ptr(),
			Flatten:    extBool(ext, "x-ms-client-flatten"),
			Mutability: extStrings(ext, "x-ms-mutability"),
		}
		p.Type = b.typeOf(ps, model+"."+name)
		r, ok := b.follow(ps)
		if !ok {
			// Reported already; read what the property itself says.
			r = site{f: ps.f, tokens: ps.tokens, n: pn, s: new(openapi2.Schema)}
		}
		// Keywords beside a $ref describe this use of the schema and win
		// over the ones of the schema it names. kin-openapi keeps only the
		// extensions among them, so the others are read from the tree.
		if ps.ref != "" {
			p.ReadOnly = pn.get("readOnly").isTrue()
			p.Description = pn.get("description").text()
			p.Title = pn.get("title").text()
			p.Secret = extBool(ext, "x-ms-secret")
		}
		p.ReadOnly = p.ReadOnly || r.s.ReadOnly
		p.Secret = p.Secret || extBool(r.s.Extensions, "x-ms-secret")
		if p.Description == "" && (ps.ref == "" || p.Type.Kind != ir.KindModel) {
			// A model's own description documents the type, not the field.
			p.Description = r.s.Description
		}
		if p.Title == "" && ps.ref == "" {
			p.Title = r.s.Title
		}
		// A default beside a $ref is this use's, and wins; one that does
		// not have the schema's type is dropped (checkDefault warns).
		if ps.ref != "" {
			p.Default = defaultText(pn.get("default"), schemaType(r.s))
		}
		if p.Default == "" {
			p.Default = defaultText(r.n.get("default"), schemaType(r.s))
		}
		if p.ClientName == "" {
			p.ClientName = extString(r.s.Extensions, "x-ms-client-name")
		}
		p.Constraints = constraints(r.s)
		out = append(out, p)
	}
	return out
}

// constraints reads a schema's validation keywords.
func constraints(s *openapi2.Schema) ir.Constraints {
	c := ir.Constraints{
		Pattern:          s.Pattern,
		Minimum:          s.Min,
		Maximum:          s.Max,
		ExclusiveMinimum: s.ExclusiveMin,
		ExclusiveMaximum: s.ExclusiveMax,
		MultipleOf:       s.MultipleOf,
		UniqueItems:      s.UniqueItems,
		MaxLength:        count(s.MaxLength),
		MaxItems:         count(s.MaxItems),
	}
	// kin-openapi reads an absent minimum length as 0, which constrains nothing.
	if s.MinLength > 0 {
		c.MinLength = count(&s.MinLength)
	}
	if s.MinItems > 0 {
		c.MinItems = count(&s.MinItems)
	}
	return c
}

func count(v *uint64) *int64 {
	if v == nil {
		return nil
	}
	i := int64(min(*v, 1<<62))
	return &i
}

// schemaType is a schema's single type, "" when it has none.
func schemaType(s *openapi2.Schema) string {
	if s == nil || s.Type == nil || len(*s.Type) == 0 {
		return ""
	}
	return (*s.Type)[0]
}

// definition makes sure a definition of an input file is in the API.
func (b *builder) definition(f *file, name string) {
	s := definitionSite(f, name)
	b.cur = s
	if s.isRef() {
		// An alias of another schema has nothing of its own, but must lead
		// somewhere even when nothing uses it.
		if !b.chained[s.n] {
			b.follow(s)
		}
		return
	}
	if s.n.kind != kindObject {
		return
	}
	if _, ok := b.primitiveAllOf(s); ok {
		b.typeOf(s, name) // not a model: read for its warnings and enums
		return
	}
	switch {
	case modelLike(s.s):
		b.model(s, name)
	case s.s.Enum != nil:
		b.typeOf(s, name)
	}
}

// enum returns the Enum for a schema with an enum keyword, merging uses of
// one x-ms-enum name.
func (b *builder) enum(s site, hint string) *ir.Enum {
	xe := extObject(s.s.Extensions, "x-ms-enum")
	name, _ := xe["name"].(string)
	e := &ir.Enum{
		Key:         name,
		Name:        name,
		Named:       name != "",
		Description: firstOf(s.s.Description, s.s.Title),
		Open:        xe["modelAsString"] == true,
		Format:      s.s.Format,
		Pointer:     s.ptr(),
	}
	if !e.Named {
		e.Name, e.Key = hint, hint
		if s.isDefinition() {
			e.Name, e.Key = s.tokens[1], s.tokens[1]
		}
	}
	switch schemaType(s.s) {
	case "integer":
		e.Base = ir.KindInt64
		if e.Format == "int32" {
			e.Base = ir.KindInt32
		}
	case "number":
		e.Base = ir.KindFloat64
		if e.Format == "float" {
			e.Base = ir.KindFloat32
		}
	case "boolean":
		e.Base = ir.KindBool
	case "string", "":
		e.Base = ir.KindString
	default:
		return nil
	}
	// x-ms-enum's values describe the enum's values: matched by value.
	described := map[string]map[string]any{}
	vals, _ := xe["values"].([]any)
	for _, v := range vals {
		d, _ := v.(map[string]any)
		if val, ok := d["value"]; ok {
			described[valueKey(val)] = d
			if str, ok := val.(string); ok {
				if number := intEnumValue(e.Base, str); number != "" {
					described[number] = d // "12" for 12, as the value is read
				}
			}
		}
	}
	// The IR keeps each value's JSON text as written, which only the tree
	// has: kin-openapi decodes numbers to float64.
	written := s.n.get("enum")
	index := map[string]int{} // value → position in e.Values
	for i, v := range s.s.Enum {
		if v == nil {
			continue // null in an enum says the value is nullable, not a member
		}
		lit := written.vals[i]
		text, key := string(lit.appendJSON(nil)), valueKey(v)
		if str, ok := v.(string); ok && intEnumValue(e.Base, str) != "" {
			number := intEnumValue(e.Base, str)
			b.diags.Warn(s.ptr("enum", strconv.Itoa(i)), "enum value %s is a string, not %s; armgen reads it as %s",
				text, typeArticle(swaggerType(&ir.Type{Kind: e.Base})), number)
			text, key = number, number
		} else if !valueFits(e.Base, lit) {
			b.diags = append(b.diags, ir.Diagnostic{Pointer: s.ptr("enum", strconv.Itoa(i)),
				Message: "enum value " + text + " is not " + typeArticle(swaggerType(&ir.Type{Kind: e.Base})),
				Hint:    "enum values must match the schema's type"})
			continue
		}
		ev := &ir.EnumValue{Value: text, Pointer: s.ptr("enum", strconv.Itoa(i))}
		if d := described[key]; d != nil {
			ev.Name, _ = d["name"].(string)
			ev.Description, _ = d["description"].(string)
		}
		if _, dup := index[text]; dup {
			b.diags.Warn(ev.Pointer, "enum value %s is listed twice", text)
			continue
		}
		index[text] = len(e.Values)
		e.Values = append(e.Values, ev)
	}
	if old, ok := b.enums[e.Key]; ok {
		if !e.Named && old.Pointer != e.Pointer {
			// Two unnamed enums with the same hint: keep them apart.
			for i := 2; ; i++ {
				k := e.Key + "#" + strconv.Itoa(i)
				if _, taken := b.enums[k]; !taken {
					e.Key = k
					break
				}
			}
		} else {
			b.mergeEnum(old, e)
			return old
		}
	} else if old := b.foldedEnum(e); old != nil {
		b.mergeEnum(old, e)
		return old
	}
	b.enums[e.Key] = e
	b.enumIndex[e] = index
	b.enumAt[e.Key] = e.Pointer
	b.api.Enums = append(b.api.Enums, e)
	return e
}

// mergeEnum folds another use of a named enum into the first one. Azure
// specs repeat x-ms-enum inline wherever a property uses it; the copies
// usually agree, and when they do not the union is what the service can send.
func (b *builder) mergeEnum(into, e *ir.Enum) {
	if into.Pointer == e.Pointer {
		return
	}
	if into.Base != e.Base {
		b.diags.Add(e.Pointer, "x-ms-enum %q is a %s here but a %s at %s", e.Name, e.Base, into.Base, into.Pointer)
		return
	}
	added := false
	index := b.enumIndex[into]
	if index == nil {
		index = make(map[string]int, len(into.Values))
		for i, v := range into.Values {
			index[v.Value] = i
		}
		b.enumIndex[into] = index
	}
	for _, v := range e.Values {
		if i, ok := index[v.Value]; ok {
			if into.Values[i].Description == "" {
				into.Values[i].Description = v.Description
			}
			if into.Values[i].Name == "" {
				into.Values[i].Name = v.Name
			}
			continue
		}
		index[v.Value] = len(into.Values)
		into.Values = append(into.Values, v)
		added = true
	}
	if added {
		b.diags.Warn(e.Pointer, "x-ms-enum %q has values here that %s lacks; armgen uses their union", e.Name, into.Pointer)
	}
	if into.Open != e.Open {
		b.diags.Warn(e.Pointer, "x-ms-enum %q is modelAsString: %v here but %v at %s; armgen treats it as open",
			e.Name, e.Open, into.Open, into.Pointer)
		into.Open = true
	}
	if into.Description == "" {
		into.Description = e.Description
	}
}

// valueKey identifies a value kin-openapi decoded, whatever its JSON text.
func valueKey(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// valueFits reports whether an enum value matches the enum's base kind.
func valueFits(base ir.Kind, v *node) bool {
	switch base {
	case ir.KindString:
		return v.kind == kindString
	case ir.KindBool:
		return v.kind == kindBool
	case ir.KindInt32, ir.KindInt64:
		if v.kind != kindNumber {
			return false
		}
		_, err := strconv.ParseInt(v.str, 10, 64)
		return err == nil
	default:
		return v.kind == kindNumber
	}
}

// polymorphism links discriminated models once all models exist: each base
// lists its descendants, each descendant names its nearest base.
func (b *builder) polymorphism() {
	states := make([]*modelState, 0, len(b.models))
	for _, st := range b.models {
		states = append(states, st)
	}
	slices.SortFunc(states, func(x, y *modelState) int { return strings.Compare(x.m.Key, y.m.Key) })
	byKey := make(map[string]*modelState, len(states))
	for _, st := range states {
		byKey[st.m.Key] = st
	}
	// discriminatorOf finds the discriminator a model declares or inherits.
	var discriminatorOf func(st *modelState, depth int) string
	discriminatorOf = func(st *modelState, depth int) string {
		if st.discriminator != "" || depth > 64 {
			return st.discriminator
		}
		for _, p := range st.m.Parents {
			if d := discriminatorOf(byKey[p], depth+1); d != "" {
				return d
			}
		}
		return ""
	}
	var ancestors func(st *modelState, visit func(*modelState), depth int)
	ancestors = func(st *modelState, visit func(*modelState), depth int) {
		if depth > 64 {
			return
		}
		for _, p := range st.m.Parents {
			visit(byKey[p])
			ancestors(byKey[p], visit, depth+1)
		}
	}
	for _, st := range states {
		if st.m.Parents == nil || discriminatorOf(st, 0) == "" {
			continue
		}
		ancestors(st, func(a *modelState) {
			if discriminatorOf(a, 0) != "" && !slices.Contains(a.m.Children, st.m.Key) {
				a.m.Children = append(a.m.Children, st.m.Key)
			}
		}, 0)
	}
	for _, st := range states {
		m := st.m
		d := discriminatorOf(st, 0)
		if d == "" {
			continue
		}
		if len(m.Children) > 0 || st.discriminator != "" {
			m.Discriminator = d
			slices.Sort(m.Children)
			b.checkDiscriminator(st, d)
		}
		if m.Parents != nil {
			m.DiscriminatorValue = st.discriminatorValue
			if m.DiscriminatorValue == "" {
				m.DiscriminatorValue = m.Name
			}
			for _, p := range m.Parents {
				if pm := byKey[p].m; discriminatorOf(byKey[p], 0) != "" {
					m.Base = nearestBase(byKey, pm)
					break
				}
			}
		} else if st.discriminatorValue != "" {
			m.DiscriminatorValue = st.discriminatorValue
		}
		for _, p := range m.Properties {
			if p.Name == d {
				p.Discriminator = true
				p.Required = true // checkDiscriminator warns when the spec does not say so
			}
		}
	}
}

// nearestBase returns the Key of the closest model, from m up, that
// others derive from.
func nearestBase(byKey map[string]*modelState, m *ir.Model) string {
	for depth := 0; depth < 64; depth++ {
		if len(m.Children) > 0 || byKey[m.Key].discriminator != "" {
			return m.Key
		}
		if len(m.Parents) == 0 {
			return m.Key
		}
		m = byKey[m.Parents[0]].m
	}
	return m.Key
}

// checkDiscriminator insists the discriminator is a required string.
func (b *builder) checkDiscriminator(st *modelState, d string) {
	if st.discriminator == "" {
		return // checked where declared
	}
	i := slices.IndexFunc(st.m.Properties, func(p *ir.Property) bool { return p.Name == d })
	if i < 0 {
		b.diags = append(b.diags, ir.Diagnostic{Pointer: st.site.ptr("discriminator"),
			Message: "discriminator " + quote(d) + " is not a property of " + st.m.Name,
			Hint:    "define it under properties, as a required string"})
		return
	}
	p := st.m.Properties[i]
	if p.Type.Kind != ir.KindString && p.Type.Kind != ir.KindEnum {
		b.diags = append(b.diags, ir.Diagnostic{Pointer: p.Pointer,
			Message: "discriminator " + quote(d) + " must be a string, not " + typeArticle(swaggerType(p.Type))})
	}
	if !p.Required {
		// Every value of the family carries it: it is read as required.
		b.diags = append(b.diags, ir.Diagnostic{Pointer: st.site.ptr("discriminator"), Severity: ir.Warning,
			Message: "discriminator " + quote(d) + " is not listed in required; armgen treats it as required",
			Hint:    "Swagger 2.0 requires the discriminator property to be required"})
	}
}

// usage marks each model with where it travels, following properties.
func (b *builder) usage() {
	index := make(map[string]*ir.Model, len(b.api.Models))
	for _, m := range b.api.Models {
		index[m.Key] = m
	}
	// mark walks with a stack of its own rather than recursion: a chain of
	// models can be as long as the spec has definitions.
	mark := func(t *ir.Type, u ir.Usage) {
		stack := []*ir.Type{t}
		for len(stack) > 0 {
			t := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for t != nil && (t.Kind == ir.KindArray || t.Kind == ir.KindMap) {
				t = t.Elem
			}
			if t == nil || t.Kind != ir.KindModel {
				continue
			}
			m := index[t.Ref]
			if m == nil || m.Usage&u == u {
				continue
			}
			m.Usage |= u
			for _, c := range slices.Backward(m.Children) {
				stack = append(stack, &ir.Type{Kind: ir.KindModel, Ref: c})
			}
			if m.AdditionalProperties != nil {
				stack = append(stack, m.AdditionalProperties)
			}
			for _, p := range slices.Backward(m.Properties) {
				stack = append(stack, p.Type)
			}
		}
	}
	for _, op := range b.api.Operations {
		if body := op.Body(); body != nil {
			mark(body.Type, ir.UsageInput)
		}
		for _, r := range op.Responses {
			u := ir.UsageOutput
			if r.Error {
				u = ir.UsageError
			}
			mark(r.Type, u)
		}
		if op.Default != nil {
			mark(op.Default.Type, ir.UsageError)
		}
	}
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// sameSchema reports whether two schemas are the same on the wire:
// documentation is ignored, and references compare by the name they end
// in, since the same definition is spelled differently from two files.
// They are compared as kin-openapi writes its reading of them back as
// JSON; only definitions that share a name are compared.
func sameSchema(a, b *openapi2.Schema) bool {
	va, errA := wireForm(a)
	vb, errB := wireForm(b)
	return errA == nil && errB == nil && sameWire(va, vb, 0)
}

func wireForm(s *openapi2.Schema) (any, error) {
	data, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	var v any
	err = json.Unmarshal(data, &v)
	return v, err
}

func sameWire(a, b any, depth int) bool {
	if depth > 64 {
		return false
	}
	switch a := a.(type) {
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok {
			return false
		}
		docs := func(k string) bool {
			return k == "description" || k == "title" || k == "example" || k == "x-ms-examples"
		}
		count := 0
		for k, va := range a {
			if docs(k) {
				continue
			}
			count++
			vb, ok := b[k]
			switch {
			case !ok:
				return false
			case k == "$ref":
				ra, _ := va.(string)
				rb, _ := vb.(string)
				if refName(ra) != refName(rb) {
					return false
				}
			case !sameWire(va, vb, depth+1):
				return false
			}
		}
		for k := range b {
			if !docs(k) {
				count--
			}
		}
		return count == 0
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !sameWire(a[i], b[i], depth+1) {
				return false
			}
		}
		return true
	}
	return a == b // scalars: string, float64, bool, nil
}

// refName is the last token of a reference: "x.json#/definitions/A" → "A".
func refName(ref string) string {
	return ref[strings.LastIndex(ref, "/")+1:]
}
