package parser

import (
	"slices"

	"github.com/armgen/armgen/ir"
)

// constants reads single-value enums the way AutoRest does: a closed enum
// (no x-ms-enum, or modelAsString false) with one value is a constant, not
// a type. Where a value must be present (a required parameter or model
// property) it becomes that value, which the client sends itself; where the
// service sends it (a response body or header) it is the plain type. An
// optional parameter or property keeps its enum: the caller chooses
// whether to send the value.
//
// It runs once every use of every enum is known, since uses of one named
// enum merge their values; enums no longer used anywhere are dropped.
func (b *builder) constants() {
	converted := map[string]bool{}
	// constant returns the plain type and the value of a constant enum type.
	constant := func(t *ir.Type) (*ir.Type, string, bool) {
		if t == nil || t.Kind != ir.KindEnum {
			return nil, "", false
		}
		e := b.enums[t.Ref]
		if e == nil || e.Open || len(e.Values) != 1 {
			return nil, "", false
		}
		converted[e.Key] = true
		plain := &ir.Type{Kind: e.Base, Format: e.Format, Nullable: t.Nullable}
		if e.Base == ir.KindString {
			plain = primitive("string", e.Format)
			plain.Nullable = t.Nullable
		}
		return plain, e.Values[0].Value, true
	}
	params := func(ps []*ir.Parameter) {
		for _, p := range ps {
			if !p.Required {
				continue
			}
			if plain, v, ok := constant(p.Type); ok {
				p.Type, p.Const = plain, v
			}
		}
	}
	for _, op := range b.api.Operations {
		params(op.Params)
		for _, r := range append(slices.Clone(op.Responses), op.Default) {
			if r == nil {
				continue
			}
			if plain, _, ok := constant(r.Type); ok {
				r.Type = plain
			}
			for _, h := range r.Headers {
				if plain, _, ok := constant(h.Type); ok {
					h.Type = plain
				}
			}
		}
	}
	params(b.api.HostParams)
	for _, m := range b.api.Models {
		for _, p := range m.Properties {
			if !p.Required || p.Discriminator {
				continue
			}
			if plain, v, ok := constant(p.Type); ok {
				p.Type, p.Const = plain, v
			}
		}
	}
	if len(converted) == 0 {
		return
	}
	used := map[string]bool{}
	var use func(t *ir.Type)
	use = func(t *ir.Type) {
		for ; t != nil; t = t.Elem {
			if t.Kind == ir.KindEnum {
				used[t.Ref] = true
			}
		}
	}
	for _, op := range b.api.Operations {
		for _, p := range op.Params {
			use(p.Type)
		}
		for _, r := range append(slices.Clone(op.Responses), op.Default) {
			if r == nil {
				continue
			}
			use(r.Type)
			for _, h := range r.Headers {
				use(h.Type)
			}
		}
	}
	for _, p := range append(slices.Clone(b.api.HostParams), b.api.ClientParams...) {
		use(p.Type)
	}
	for _, m := range b.api.Models {
		for _, p := range m.Properties {
			use(p.Type)
		}
		use(m.AdditionalProperties)
	}
	b.api.Enums = slices.DeleteFunc(b.api.Enums, func(e *ir.Enum) bool {
		if converted[e.Key] && !used[e.Key] {
			delete(b.enums, e.Key)
			return true
		}
		return false
	})
}
