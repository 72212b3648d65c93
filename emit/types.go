package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/armgen/armgen/emit/gocode"
	"github.com/armgen/armgen/emit/naming"
	"github.com/armgen/armgen/ir"
)

// Go types of IR types are decided in naming (naming.GoType), with the
// names; here they only become jennifer or gocode code.

// jenType writes a Go type.
func jenType(t naming.GoType) jen.Code {
	switch t.Kind {
	case naming.GoPointer:
		return jen.Op("*").Add(jenType(*t.Elem))
	case naming.GoSlice:
		return jen.Index().Add(jenType(*t.Elem))
	case naming.GoMap:
		return jen.Map(jen.String()).Add(jenType(*t.Elem))
	}
	if t.Pkg != "" {
		return jen.Qual(t.Pkg, t.Name)
	}
	return jen.Id(t.Name)
}

// codeType is jenType for code written with gocode.
func codeType(t naming.GoType) *gocode.Statement {
	switch t.Kind {
	case naming.GoPointer:
		return gocode.Op("*").Add(codeType(*t.Elem))
	case naming.GoSlice:
		return gocode.Index().Add(codeType(*t.Elem))
	case naming.GoMap:
		return gocode.Map(gocode.String()).Add(codeType(*t.Elem))
	}
	if t.Pkg != "" {
		return gocode.Qual(t.Pkg, t.Name)
	}
	return gocode.Id(t.Name)
}

// codeElemType and codeValueType are elemType and valueType for gocode.
func (g *gen) codeElemType(t *ir.Type, inMap bool) gocode.Code {
	return codeType(g.names.ElemType(t, inMap))
}

func (g *gen) codeValueType(t *ir.Type) gocode.Code { return codeType(g.names.ValueType(t)) }

// codeLeaf is codecLeaf for gocode.
func (g *gen) codeLeaf(t *ir.Type) gocode.Code {
	if text := g.codecLeafText(t); text != "" {
		return gocode.Raw(text)
	}
	return nil
}

// fieldType is the Go type of a model field or response header.
func (g *gen) fieldType(t *ir.Type) jen.Code { return jenType(g.names.FieldType(t)) }

// elemType is the Go type of an array element or map value.
func (g *gen) elemType(t *ir.Type, inMap bool) jen.Code {
	return jenType(g.names.ElemType(t, inMap))
}

// valueType is the Go type holding a value of t, without optionality.
func (g *gen) valueType(t *ir.Type) jen.Code { return jenType(g.names.ValueType(t)) }

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
// encoding/json, or nil.
func (g *gen) codecLeaf(t *ir.Type) jen.Code {
	leaf := leafOf(t)
	if leaf.Kind == ir.KindModel {
		if iface := g.iface(leaf); iface != "" {
			return jen.Id("polymorphic").Call(jen.Id(unmarshalerOf(iface)))
		}
		return nil
	}
	if name := codecLeafName(leaf); name != "" {
		return jen.Id(name)
	}
	return nil
}

// codecLeafText is codecLeaf as Go source, "" for none.
func (g *gen) codecLeafText(t *ir.Type) string {
	leaf := leafOf(t)
	if leaf.Kind == ir.KindModel {
		if iface := g.iface(leaf); iface != "" {
			return "polymorphic(" + unmarshalerOf(iface) + ")"
		}
		return ""
	}
	return codecLeafName(leaf)
}

// codecLeafName names the static codec of a scalar leaf, "" for none.
func codecLeafName(leaf *ir.Type) string {
	switch leaf.Kind {
	case ir.KindDateTime:
		return "dateTimeLeaf"
	case ir.KindDate:
		return "dateLeaf"
	case ir.KindDateTimeRFC1123:
		return "rfc1123Leaf"
	case ir.KindUnixTime:
		return "unixTimeLeaf"
	case ir.KindBase64URL:
		return "base64URLLeaf"
	}
	return ""
}

// unmarshalerOf names the function that decodes a family's interface.
func unmarshalerOf(iface string) string { return naming.Unmarshaler(iface) }

// docText is the text doc comments: "Name - Description", or "" when
// there is no description.
func docText(name, text string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return ""
	}
	if name != "" {
		text = name + " - " + text
	}
	return text
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
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	if len(text) <= 100 && singleSpaced(text) {
		return []string{"// " + text} // one line, as wrap would make it
	}
	return wrap(text)
}

// wrap is commentLines for any trimmed, non-empty text.
func wrap(text string) []string {
	var out []string
	var line []byte // "// " and the words so far
	for para := range strings.SplitSeq(text, "\n") {
		para = strings.TrimRight(para, " \t\r")
		if para == "" {
			out = append(out, "//")
			continue
		}
		line = append(line[:0], "// "...)
		for w := range strings.FieldsSeq(para) {
			// A line holds 100 bytes of text besides "// ", or one word.
			if len(line) > 3 && len(line)-3+1+len(w) > 100 {
				out = append(out, string(line))
				line = append(line[:0], "// "...)
			}
			if len(line) > 3 {
				line = append(line, ' ')
			}
			line = append(line, w...)
		}
		if len(line) > 3 {
			out = append(out, string(line))
		}
	}
	return out
}

// singleSpaced reports whether ASCII text has its words apart by single
// spaces and nothing else: what wrapping would write back unchanged.
func singleSpaced(text string) bool {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c >= 0x80, c < ' ', c == 0x7f:
			return false // maybe a Unicode space, or a control character
		case c == ' ' && i > 0 && text[i-1] == ' ':
			return false
		}
	}
	return true
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
	case ir.KindInt32, ir.KindInt64, ir.KindFloat32, ir.KindFloat64:
		return jen.Op(text)
	}
	return jen.Op(text)
}
