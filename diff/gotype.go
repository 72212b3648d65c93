package diff

import "github.com/armgen/armgen/ir"

// The Go types the report names are the ones emit writes: both ask
// emit/naming, which decides them once (naming.GoType).

func (s *side) fieldType(t *ir.Type) string { return s.names.FieldType(t).String() }

func (s *side) elemType(t *ir.Type, inMap bool) string { return s.names.ElemType(t, inMap).String() }

func (s *side) valueType(t *ir.Type) string { return s.names.ValueType(t).String() }

func (s *side) argType(p *ir.Parameter) string { return s.names.ArgType(p.Type).String() }

func (s *side) optionType(p *ir.Parameter) string { return s.names.OptionType(p.Type).String() }

// iface returns the interface name when t is a polymorphic model.
func (s *side) iface(t *ir.Type) string {
	if !s.names.Polymorphic(t) {
		return ""
	}
	return s.names.Interface(s.names.Model(t.Ref))
}

// sameWire reports whether two types are the same on the wire: the same
// shape, formats and referenced keys.
func sameWire(a, b *ir.Type) bool { return a.Equal(b) }
