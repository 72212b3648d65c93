package parser

import (
	"slices"
	"strings"

	"github.com/armgen/armgen/ir"
)

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
