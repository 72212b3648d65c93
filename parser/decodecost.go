package parser

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/armgen/armgen/ir"
)

// What kin-openapi's decoding costs, and its bound.
//
// kin-openapi's types decode themselves (UnmarshalJSON) by having
// encoding/json read their text twice, into the struct and whole into a
// map for the extensions, and an object nested in one is read again by
// its own type: the text of an object is read once for each typed object
// it is in. Decoding costs the sum, over the typed objects, of the size of
// their text; for a schema nested d deep in others, about its size times
// d. Within the other limits that could take minutes (an 8 MiB schema
// nested 120 deep: 17 s). So before kin-openapi decodes anything, the
// loader's decodeMeter works out from the tree what it would read and
// refuses what would take the spec over Limits.MaxDecodeBytes. The cost
// follows kin-openapi's own types, found by reflection, rather than the
// Swagger 2.0 keywords: it types some keywords Swagger 2.0 has not, such
// as "not", and additionalProperties as an OpenAPI 3 schema, with all of
// its keywords.

// kinPlan is how kin-openapi decodes a value of one Go type.
type kinPlan struct {
	// reads is 1 for a type that decodes itself (UnmarshalJSON): its text
	// is read once more.
	reads int
	// same is the type a wrapper decodes the same text into (a SchemaRef's
	// Value), which reads it again.
	same *kinPlan
	// fields are an object's typed members (the struct's fields) by JSON
	// name; lower holds them by lower-case name, which encoding/json
	// matches too.
	fields, lower map[string]*kinPlan
	// elem is the plan of a map's values or a slice's elements.
	elem *kinPlan
}

var (
	unmarshaler = reflect.TypeFor[json.Unmarshaler]()
	// kinPlans are the plans of what the parser has kin-openapi decode.
	kinPlans = sync.OnceValue(func() map[reflect.Type]*kinPlan {
		plans := map[reflect.Type]*kinPlan{}
		for _, t := range []reflect.Type{
			reflect.TypeFor[openapi2.T](), reflect.TypeFor[openapi2.SchemaRef](),
			reflect.TypeFor[openapi2.Schema](), reflect.TypeFor[openapi2.Parameter](),
			reflect.TypeFor[openapi2.Response](), reflect.TypeFor[openapi2.PathItem](),
			reflect.TypeFor[parameterizedHost](),
		} {
			planOf(t, plans)
		}
		return plans
	})
)

// sectionPlans are the plans of the members of each section.
var sectionPlans = sync.OnceValue(func() map[string]*kinPlan {
	return map[string]*kinPlan{
		"definitions": planFor[openapi2.SchemaRef](), "parameters": planFor[openapi2.Parameter](),
		"responses": planFor[openapi2.Response](), "paths": planFor[openapi2.PathItem](),
		"x-ms-paths": planFor[openapi2.PathItem](),
	}
})

// planFor is the plan of T, one of the types the parser decodes.
func planFor[T any]() *kinPlan {
	return kinPlans()[reflect.TypeFor[T]()]
}

func planOf(t reflect.Type, plans map[reflect.Type]*kinPlan) *kinPlan {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if p, ok := plans[t]; ok {
		return p
	}
	p := &kinPlan{}
	plans[t] = p // before the fields: the types are recursive
	if reflect.PointerTo(t).Implements(unmarshaler) {
		p.reads = 1
	}
	switch t.Kind() {
	case reflect.Map, reflect.Slice, reflect.Array:
		p.elem = planOf(t.Elem(), plans)
	case reflect.Struct:
		// The types whose UnmarshalJSON does not decode into their fields.
		switch {
		case t == reflect.TypeFor[openapi2.Responses]():
			p.elem = planOf(reflect.TypeFor[openapi2.Response](), plans)
			return p
		case t == reflect.TypeFor[openapi3.AdditionalProperties]():
			p.same = planOf(reflect.TypeFor[openapi3.SchemaRef](), plans)
			return p
		}
		if v, ok := t.FieldByName("Value"); ok && p.reads == 1 {
			if _, ok := t.FieldByName("Ref"); ok {
				p.same = planOf(v.Type, plans) // a reference or its value
				return p
			}
		}
		p.fields, p.lower = map[string]*kinPlan{}, map[string]*kinPlan{}
		addFields(p, t, plans)
	}
	return p
}

// addFields adds the members of struct t to p as encoding/json decodes
// them: by tag or field name, an untagged embedded struct's as its own.
func addFields(p *kinPlan, t reflect.Type, plans map[reflect.Type]*kinPlan) {
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case name == "-":
			continue
		case f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct:
			addFields(p, f.Type, plans)
			continue
		case !f.IsExported():
			continue
		case name == "":
			name = f.Name
		}
		fp := planOf(f.Type, plans)
		p.fields[name] = fp
		p.lower[strings.ToLower(name)] = fp
	}
}

// field is the plan of member key of an object decoded by p, nil for one
// kin-openapi keeps as it is (extensions, unknown keys).
func (p *kinPlan) field(key string) *kinPlan {
	if p.fields == nil || strings.HasPrefix(key, "x-") {
		return nil
	}
	if fp, ok := p.fields[key]; ok {
		return fp
	}
	return p.lower[strings.ToLower(key)]
}

// decodeCost is what kin-openapi reads to decode a node.
type decodeCost struct {
	read  int64 // bytes read, an object's text once for each typed object it is in
	size  int64 // bytes of the node's JSON
	depth int   // typed objects nested, at most
}

// costOf works out what kin-openapi reads decoding n with plan p.
func costOf(n *node, p *kinPlan) decodeCost {
	var c decodeCost
	c.size = c.walk(n, p, 0)
	return c
}

// walk adds what decoding n with plan p at depth reads, and returns the
// size of n's JSON.
func (c *decodeCost) walk(n *node, p *kinPlan, depth int) int64 {
	reads := 0
	for p != nil && p.same != nil {
		reads += p.reads
		p = p.same
	}
	if p != nil {
		reads += p.reads
	}
	if reads > 0 && n.kind == kindObject {
		depth++
		c.depth = max(c.depth, depth)
	}
	var size int64
	switch n.kind {
	case kindObject:
		size = 1 + max(int64(len(n.keys)), 1) // braces and commas
		for i, k := range n.keys {
			var vp *kinPlan
			if p != nil {
				if p.elem != nil {
					vp = p.elem
				} else {
					vp = p.field(k)
				}
			}
			size += int64(len(k)) + 3 + c.walk(n.vals[i], vp, depth)
		}
	case kindArray:
		size = 1 + max(int64(len(n.vals)), 1) // brackets and commas
		var vp *kinPlan
		if p != nil {
			vp = p.elem
		}
		for _, v := range n.vals {
			size += c.walk(v, vp, depth)
		}
	case kindString:
		size = int64(len(n.str)) + 2
	default:
		size = int64(len(n.str))
	}
	c.read += int64(reads) * size
	return size
}

// documentCost is what kin-openapi reads to decode a file's document
// without its sections, which are decoded apart (kin.go).
func documentCost(root *node) decodeCost {
	shell := &node{kind: kindObject}
	for i, k := range root.keys {
		if !slices.Contains(sections, k) {
			shell.keys = append(shell.keys, k)
			shell.vals = append(shell.vals, root.vals[i])
		}
	}
	return costOf(shell, planFor[openapi2.T]())
}

// decodeMeter counts what kin-openapi reads for one Parse, against
// Limits.MaxDecodeBytes. Files share it; one goroutine uses it.
type decodeMeter struct {
	limit, read int64
	// refused is set once a decoding was refused: the spec is refused
	// then, and the decodings after are refused too, without a word.
	refused bool
}

// errRefused stands for a part whose decoding the meter refused.
var errRefused = errors.New("refused: kin-openapi would read too much")

// charge counts a decoding of cost c, of the part at(), and reports
// whether it may go ahead; if not, it says why in diags.
func (m *decodeMeter) charge(c decodeCost, at func() ir.Pointer, diags *ir.Diagnostics) bool {
	return m.chargeAll([]decodeCost{c}, func(int) ir.Pointer { return at() }, diags)
}

// chargeAll counts the decodings of several parts, all or none; when
// they do not fit, the diagnostic is at the costliest, the part at(i).
func (m *decodeMeter) chargeAll(costs []decodeCost, at func(i int) ir.Pointer, diags *ir.Diagnostics) bool {
	if m == nil {
		return true
	}
	var sum int64
	top := 0
	for i, c := range costs {
		sum += c.read
		if c.read > costs[top].read {
			top = i
		}
	}
	if !m.refused && sum <= m.limit-m.read {
		m.read += sum
		return true
	}
	if m.refused {
		return false
	}
	m.refused = true
	c := costs[top]
	msg := "decoding this takes kin-openapi through " + sizeText64(c.read) + " of JSON"
	if len(costs) > 1 {
		msg = "decoding the definitions, parameters, responses and paths of this file takes kin-openapi through " +
			sizeText64(sum) + " of JSON (this one, the costliest, " + sizeText64(c.read) + ")"
	}
	d := ir.Diagnostic{Pointer: at(top), Message: msg + ", more than the " + sizeText64(m.limit) + " allowed for a spec"}
	if c.read > 8*c.size {
		// Nesting, rather than size, makes it costly.
		d.Message += ": it reads an object's text once for each object it is nested in, and this is " +
			sizeText64(c.size) + " nested " + itoa(c.depth) + " deep"
		d.Hint = "nest less: give the nested schemas definitions of their own and $ref them"
	} else {
		d.Message += ": this is " + sizeText64(c.size) + " of JSON"
		d.Hint = "the largest real specs take it through about 1 MiB; a YAML alias is read wherever it stands"
	}
	*diags = append(*diags, d)
	return false
}

// sizeText64 renders a byte count for a message, to a tenth of its unit.
func sizeText64(n int64) string {
	for _, u := range []struct {
		size int64
		name string
	}{{1 << 30, "GiB"}, {1 << 20, "MiB"}, {1 << 10, "KiB"}} {
		if n >= u.size {
			tenths := (n*10 + u.size/2) / u.size
			s := strconv.FormatInt(tenths/10, 10)
			if tenths%10 != 0 {
				s += "." + strconv.FormatInt(tenths%10, 10)
			}
			return s + " " + u.name
		}
	}
	return strconv.FormatInt(n, 10) + " bytes"
}
