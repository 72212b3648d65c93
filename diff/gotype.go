package diff

import "github.com/armgen/armgen/ir"

// The Go types of IR types, as emit writes them (emit/types.go; the test
// TestGoTypesMatchEmit holds the two together): a field of scalar, enum
// or model type is a pointer; arrays, maps, bytes and any are not; array
// elements are values (pointers when x-nullable), map values that are
// models are pointers; a polymorphic model is its family's interface.

// fieldType is the Go type of a model field, optional parameter or
// response header.
func (s *side) fieldType(t *ir.Type) string {
	switch t.Kind {
	case ir.KindArray, ir.KindMap, ir.KindAny, ir.KindBytes, ir.KindBase64URL, ir.KindStream:
		return s.valueType(t)
	case ir.KindModel:
		if iface := s.iface(t); iface != "" {
			return iface
		}
	}
	return "*" + s.valueType(t)
}

// elemType is the Go type of an array element or map value.
func (s *side) elemType(t *ir.Type, inMap bool) string {
	if t.Nullable && t.Kind != ir.KindAny && s.iface(t) == "" {
		return s.fieldType(t)
	}
	if inMap && t.Kind == ir.KindModel && s.iface(t) == "" {
		return "*" + s.valueType(t)
	}
	return s.valueType(t)
}

// valueType is the Go type holding a value of t.
func (s *side) valueType(t *ir.Type) string {
	switch t.Kind {
	case ir.KindBool:
		return "bool"
	case ir.KindInt32:
		return "int32"
	case ir.KindInt64:
		return "int64"
	case ir.KindFloat32:
		return "float32"
	case ir.KindFloat64:
		return "float64"
	case ir.KindString, ir.KindDuration, ir.KindTime:
		return "string"
	case ir.KindBytes, ir.KindBase64URL:
		return "[]byte"
	case ir.KindDate, ir.KindDateTime, ir.KindDateTimeRFC1123, ir.KindUnixTime:
		return "time.Time"
	case ir.KindStream:
		return "io.ReadCloser"
	case ir.KindArray:
		return "[]" + s.elemType(t.Elem, false)
	case ir.KindMap:
		return "map[string]" + s.elemType(t.Elem, true)
	case ir.KindModel:
		if iface := s.iface(t); iface != "" {
			return iface
		}
		return s.names.Type(s.models[t.Ref])
	case ir.KindEnum:
		return s.names.Type(s.enums[t.Ref])
	}
	return "any"
}

// iface returns the interface name when t is a polymorphic model.
func (s *side) iface(t *ir.Type) string {
	if t.Kind != ir.KindModel {
		return ""
	}
	m := s.models[t.Ref]
	if m == nil || m.Discriminator == "" {
		return ""
	}
	return s.names.Interface(m)
}

// argType is the Go type of a required argument.
func (s *side) argType(p *ir.Parameter) string {
	if p.Type.Kind == ir.KindStream {
		return "io.Reader"
	}
	return s.valueType(p.Type)
}

// optionType is the Go type of an options field.
func (s *side) optionType(p *ir.Parameter) string {
	if p.Type.Kind == ir.KindStream {
		return "io.Reader"
	}
	return s.fieldType(p.Type)
}

// sameWire reports whether two types are the same on the wire: the same
// shape, formats and referenced keys.
func sameWire(a, b *ir.Type) bool { return a.Equal(b) }
