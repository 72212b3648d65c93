package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/armgen/armgen/ir"
)

// Go types of IR types. A field of scalar, enum or model type is a pointer,
// so that nil means "not set" and a request carries only what the caller
// set; arrays and maps are nil when not set. Inside arrays elements are
// values (pointers when the spec marks them x-nullable); map values that
// are models are pointers, so that a nil entry sends JSON null, which ARM
// reads as "remove this key" (user-assigned identities). A polymorphic
// model is its family's interface, never a pointer to an interface.

// fieldType is the Go type of a model field or optional parameter.
func (g *gen) fieldType(t *ir.Type) jen.Code {
	switch t.Kind {
	case ir.KindArray, ir.KindMap, ir.KindAny, ir.KindBytes, ir.KindBase64URL:
		return g.valueType(t)
	case ir.KindModel:
		if iface := g.iface(t); iface != "" {
			return jen.Id(iface)
		}
	case ir.KindStream:
		return g.valueType(t)
	}
	return jen.Op("*").Add(g.valueType(t))
}

// elemType is the Go type of an array element or map value.
func (g *gen) elemType(t *ir.Type, inMap bool) jen.Code {
	if t.Nullable && t.Kind != ir.KindAny && g.iface(t) == "" {
		return g.fieldType(t)
	}
	if inMap && t.Kind == ir.KindModel && g.iface(t) == "" {
		return jen.Op("*").Add(g.valueType(t))
	}
	return g.valueType(t)
}

// valueType is the Go type holding a value of t, without optionality.
func (g *gen) valueType(t *ir.Type) jen.Code {
	switch t.Kind {
	case ir.KindBool:
		return jen.Bool()
	case ir.KindInt32:
		return jen.Int32()
	case ir.KindInt64:
		return jen.Int64()
	case ir.KindFloat32:
		return jen.Float32()
	case ir.KindFloat64:
		return jen.Float64()
	case ir.KindString, ir.KindDuration, ir.KindTime:
		return jen.String()
	case ir.KindBytes, ir.KindBase64URL:
		return jen.Index().Byte()
	case ir.KindDate, ir.KindDateTime, ir.KindDateTimeRFC1123, ir.KindUnixTime:
		return jen.Qual("time", "Time")
	case ir.KindStream:
		return jen.Qual("io", "ReadCloser")
	case ir.KindArray:
		return jen.Index().Add(g.elemType(t.Elem, false))
	case ir.KindMap:
		return jen.Map(jen.String()).Add(g.elemType(t.Elem, true))
	case ir.KindModel:
		if iface := g.iface(t); iface != "" {
			return jen.Id(iface)
		}
		return jen.Id(g.names.Type(g.models[t.Ref]))
	case ir.KindEnum:
		return jen.Id(g.names.Type(g.enums[t.Ref]))
	}
	return jen.Any()
}

// iface returns the interface name when t is a polymorphic model.
func (g *gen) iface(t *ir.Type) string {
	if t.Kind != ir.KindModel {
		return ""
	}
	m := g.models[t.Ref]
	if m == nil || m.Discriminator == "" {
		return ""
	}
	return g.names.Interface(m)
}

// leafOf returns the innermost type of arrays and maps.
func leafOf(t *ir.Type) *ir.Type {
	for t.Kind == ir.KindArray || t.Kind == ir.KindMap {
		t = t.Elem
	}
	return t
}

// codecLeaf returns the static leaf codec a type's values need beyond
// encoding/json, or nil.
func (g *gen) codecLeaf(t *ir.Type) jen.Code {
	leaf := leafOf(t)
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
	case ir.KindModel:
		if iface := g.iface(leaf); iface != "" {
			return jen.Id("polymorphic").Call(jen.Id(unmarshalerOf(iface)))
		}
	}
	return nil
}

// unmarshalerOf names the function that decodes a family's interface.
func unmarshalerOf(iface string) string { return "unmarshal" + iface }

// doc renders a description as doc comment lines in the style of the
// Azure SDK for Go, "Name - Description", wrapped for reading. Every line
// is written as a line comment, so no text in a description can end the
// comment or the file.
func doc(name, text string) []jen.Code {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	if name != "" {
		text = name + " - " + text
	}
	return comment(text)
}

// addLines adds comment lines to a file one by one: added together they
// would share a line.
func addLines(f *jen.File, lines []jen.Code) {
	for _, l := range lines {
		f.Add(l)
	}
}

// comment wraps text into line comments at about 100 columns, keeping the
// spec's own line breaks.
func comment(text string) []jen.Code {
	lines := commentLines(text)
	out := make([]jen.Code, len(lines))
	for i, l := range lines {
		out[i] = jen.Comment(l)
	}
	return out
}

// commentLines renders text as "// " lines. Each starts with "//", which
// tells jennifer to write it verbatim.
func commentLines(text string) []string {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	var out []string
	for _, para := range strings.Split(strings.TrimSpace(text), "\n") {
		para = strings.TrimRight(para, " \t\r")
		if para == "" {
			out = append(out, "//")
			continue
		}
		line := ""
		for _, w := range strings.Fields(para) {
			if line != "" && len(line)+1+len(w) > 100 {
				out = append(out, "// "+line)
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += w
		}
		if line != "" {
			out = append(out, "// "+line)
		}
	}
	return out
}

// literal writes a spec default (JSON text) as a Go value of t's value type.
func (g *gen) literal(t *ir.Type, text string) jen.Code {
	switch t.Kind {
	case ir.KindEnum:
		e := g.enums[t.Ref]
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
	case ir.KindInt32, ir.KindInt64, ir.KindFloat32, ir.KindFloat64:
		return jen.Op(text)
	}
	return jen.Op(text)
}
