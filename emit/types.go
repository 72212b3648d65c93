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
	name := jen.Id(leaf.Name)
	if leaf.Pkg != "" {
		name = jen.Qual(leaf.Pkg, leaf.Name)
	}
	if ops == "" {
		return name
	}
	return jen.Op(ops).Add(name)
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

// codecLeaf returns the static leaf codec a type's values need beyond
// encoding/json (naming.Codec), or nil.
func (g *gen) codecLeaf(t *ir.Type) jen.Code {
	switch c := g.names.Codec(t); c {
	case naming.CodecNone:
		return nil
	case naming.CodecFamily:
		return jen.Id("polymorphic").Call(jen.Id(naming.Reader(g.iface(leafOf(t)))))
	default:
		return jen.Id(leafCodecs[c])
	}
}

// leafCodecs name the leaf codecs of emit/static (and emit/static/fake)
// by what they read and write.
var leafCodecs = map[naming.Codec]string{
	naming.CodecDateTime: "dateTimeLeaf", naming.CodecDate: "dateLeaf", naming.CodecRFC1123: "rfc1123Leaf",
	naming.CodecUnixTime: "unixTimeLeaf", naming.CodecBase64URL: "base64URLLeaf",
}

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
