package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/armgen/armgen/emit/naming"
	"github.com/armgen/armgen/ir"
)

// Go types of IR types are decided in naming (naming.GoType), with the
// names, and spelled there (GoType.Split); here they only become
// jennifer code, which imports the package of a qualified name.

// jenType writes a Go type.
func jenType(t naming.GoType) *jen.Statement {
	ops, leaf := t.Split()
	if ops == "" {
		return jen.Qual(leaf.Pkg, leaf.Name)
	}
	return jen.Op(ops).Qual(leaf.Pkg, leaf.Name)
}

// fieldType is the Go type of a model field or response header.
func (g *gen) fieldType(t *ir.Type) jen.Code { return jenType(g.names.FieldType(t)) }

// elemType is the Go type of an array element or map value.
func (g *gen) elemType(t *ir.Type, inMap bool) jen.Code {
	return jenType(g.names.ElemType(t, inMap))
}

// valueType is the Go type holding a value of t, without optionality.
func (g *gen) valueType(t *ir.Type) jen.Code { return jenType(g.names.ValueType(t)) }

// argType is the Go type of a required argument.
func (g *gen) argType(p *ir.Parameter) jen.Code { return jenType(g.names.ArgType(p.Type)) }

// isPointerField reports whether fieldType(t) is a pointer.
func (g *gen) isPointerField(t *ir.Type) bool { return g.names.FieldType(t).IsPointer() }

// iface returns the interface name when t is a polymorphic model.
func (g *gen) iface(t *ir.Type) string {
	if !g.names.Polymorphic(t) {
		return ""
	}
	return g.names.Interface(g.names.Model(t.Ref))
}

// leafOf returns the innermost type of arrays and maps.
func leafOf(t *ir.Type) *ir.Type {
	for t.Kind == ir.KindArray || t.Kind == ir.KindMap {
		t = t.Elem
	}
	return t
}

// codecLeaf returns the static leaf codec the values of a body or header
// of type t need (see the static shaped.go), or nil when they need none.
func (g *gen) codecLeaf(t *ir.Type) jen.Code {
	leaf := leafOf(t)
	if leaf.Kind == ir.KindModel {
		if iface := g.iface(leaf); iface != "" {
			return jen.Id("polymorphic").Call(jen.Id(readerOf(iface)))
		}
		return nil
	}
	switch leaf.Kind {
	case ir.KindDateTime:
		return jen.Id("dateTimeLeaf")
	case ir.KindDate:
		return jen.Id("dateLeaf")
	case ir.KindDateTimeRFC1123:
		return jen.Id("rfc1123Leaf")
	case ir.KindUnixTime:
		return jen.Id("unixTimeLeaf")
	case ir.KindBase64URL:
		return jen.Id("base64URLLeaf")
	}
	return nil
}

// unmarshalerOf names the function that decodes a family's interface.
func unmarshalerOf(iface string) string { return naming.Unmarshaler(iface) }

// literal writes a spec default (JSON text) as a Go value of t's value type.
func (g *gen) literal(t *ir.Type, text string) jen.Code {
	switch t.Kind {
	case ir.KindEnum:
		e := g.names.Enum(t.Ref)
		for _, v := range e.Values {
			if v.Value == text {
				return jen.Id(g.names.Const(v))
			}
		}
		return jen.Id(g.names.Type(e)).Call(enumLiteral(e.Base, text))
	case ir.KindString, ir.KindDuration, ir.KindTime:
		return enumLiteral(ir.KindString, text)
	case ir.KindBool:
		return jen.Lit(text == "true")
	}
	// Numbers keep their JSON text, which is a valid Go literal.
	return jen.Op(text)
}

// keyed writes a composite literal's keyed elements in the order given,
// the struct's, one to a line when there are several; jen.Dict would sort
// them by key.
func keyed(pairs ...jen.Code) []jen.Code {
	if len(pairs) < 2 {
		return pairs
	}
	return lines(pairs)
}

// kv is one keyed element: key: value.
func kv(key string, value jen.Code) jen.Code { return jen.Id(key).Op(":").Add(value) }

// lines puts a composite literal's elements one to a line.
func lines(items []jen.Code) []jen.Code {
	if len(items) == 0 {
		return nil
	}
	out := make([]jen.Code, 0, len(items)+1)
	for _, it := range items {
		out = append(out, jen.Line().Add(it))
	}
	return append(out, jen.Line())
}
