package parser

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"

	"github.com/armgen/armgen/ir"
)

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
		if other, ok := b.keys[m.Name]; ok && other != s.n && b.models[other].sameSchema(s.s) {
			st := b.models[other]
			b.models[s.n] = st
			return st.m
		}
	}
	m.Key = b.modelKey(m.Name)
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

// modelKey makes a unique Key: the name, numbered (Name#2, Name#3…)
// when another model has it, as when two files define the same name
// differently.
func (b *builder) modelKey(name string) string {
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

// sameSchema reports whether st's schema and s are the same on the wire:
// documentation is ignored, and references compare by the name they end
// in, since the same definition is spelled differently from two files.
// They are compared as kin-openapi writes its reading of them back as
// JSON; only definitions that share a name are compared. The first
// definition of a name is compared with every later one, and writing a
// schema back costs about what decoding it did: its wire form is made
// once, so that a large schema is not written again for each of many
// files that define its name.
func (st *modelState) sameSchema(s *openapi2.Schema) bool {
	if st.wire == nil {
		v, err := wireForm(st.site.s)
		st.wire = &wired{v, err}
	}
	vb, err := wireForm(s)
	return st.wire.err == nil && err == nil && sameWire(st.wire.v, vb, 0)
}

// wired is a schema's wire form (wireForm), or why it has none.
type wired struct {
	v   any
	err error
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
