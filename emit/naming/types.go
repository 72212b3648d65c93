package naming

import (
	"slices"
	"strings"

	"github.com/armgen/armgen/ir"
)

// Type names of models and enums: the spec's (definitions, x-ms-enum
// names; collide.go settles those that meet), and those armgen derives for
// inline schemas and polymorphic families.

// inlineName builds a type name from a path of spec names
// ("Pool.properties.scaleSettings" → PoolPropertiesScaleSettings).
func inlineName(path string) string {
	var b strings.Builder
	for _, part := range strings.Split(path, ".") {
		b.WriteString(Exported(part))
	}
	return b.String()
}

// derivedTypes names inline models and enums, and polymorphic interfaces.
func (n *Names) derivedTypes(api *ir.API) {
	for _, m := range api.Models {
		if mn := n.models[m]; mn.typ == "" && m.Inline {
			mn.typ = n.derive(inlineName(m.Name), string(m.Pointer))
		}
	}
	for _, e := range api.Enums {
		if en := n.enums[e]; en.typ == "" && !e.Named && !isDefinition(e.Pointer) {
			en.typ = n.derive(inlineName(e.Name), string(e.Pointer))
		}
	}
	for _, m := range api.Models {
		if mn := n.models[m]; m.Discriminator != "" && mn.typ != "" {
			mn.iface = n.derive(mn.typ+"Classification", string(m.Pointer))
		}
	}
}

// Interface returns the interface a polymorphic base's family implements.
func (n *Names) Interface(m *ir.Model) string {
	if mn := n.models[m]; mn != nil {
		return mn.iface
	}
	return ""
}

// Getter returns the method by which a family member returns its base part.
func (n *Names) Getter(base *ir.Model) string { return "Get" + n.Type(base) }

// Unmarshaler names the function that decodes a polymorphic family's
// interface iface, picking the concrete type.
func Unmarshaler(iface string) string { return "unmarshal" + iface }

// Reader names the function that reads a polymorphic family's interface
// value from the package's JSON reader.
func Reader(iface string) string { return "read" + iface }

// FakeDecoder names the function of a fake package that decodes a
// polymorphic family's interface from a request body.
func FakeDecoder(iface string) string { return "decode" + iface }

// familyBases lists the polymorphic bases m belongs to (itself included
// when it is one), nearest first.
func familyBases(api *ir.API, m *ir.Model) []*ir.Model {
	var out []*ir.Model
	if m.Discriminator != "" {
		out = append(out, m)
	}
	for key, depth := m.Base, 0; key != "" && depth < 64; depth++ {
		b := api.ModelByKey(key)
		if b == nil || slices.Contains(out, b) {
			break
		}
		out = append(out, b)
		key = b.Base
	}
	return out
}

// FamilyBases is familyBases for emitters.
func FamilyBases(api *ir.API, m *ir.Model) []*ir.Model { return familyBases(api, m) }
