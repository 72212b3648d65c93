package diff

import "github.com/armgen/armgen/ir"

// The Go types the report names are the ones emit writes: both ask
// emit/naming, which decides them once (naming.GoType); the emitter's
// TestGoViewIsTheCode holds its code to them.

func (s *side) fieldType(t *ir.Type) string { return s.names.FieldType(t).String() }

func (s *side) valueType(t *ir.Type) string { return s.names.ValueType(t).String() }

func (s *side) argType(p *ir.Parameter) string { return s.names.ArgType(p.Type).String() }

func (s *side) optionType(p *ir.Parameter) string { return s.names.OptionType(p.Type).String() }

// sameWire reports whether two types are the same on the wire: the same
// shape, formats and referenced keys.
func sameWire(a, b *ir.Type) bool { return a.Equal(b) }
