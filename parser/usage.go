package parser

import (
	"slices"

	"github.com/armgen/armgen/ir"
)

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
