package emit

import (
	"encoding/json"

	"github.com/dave/jennifer/jen"

	"github.com/armgen/armgen/emit/naming"
	"github.com/armgen/armgen/ir"
)

// The values of parameters in the code that sends them: as Go
// expressions, and as the text a URL or header carries.

// paramValue is the Go expression of a parameter's value: an argument, a
// client field, or (optional) the dereferenced options field.
func (g *gen) paramValue(og *opGen, p *ir.Parameter, deref bool) *jen.Statement {
	names := g.names.Param(p)
	switch {
	case p.APIVersion:
		return jen.Id(g.names.Fixed().APIVersion)
	case p.Client:
		v := og.client().Dot(names.Arg)
		if deref && g.unsetClientParam(p) && g.isPointerField(p.Type) {
			return jen.Op("*").Add(v)
		}
		return v
	case p.Required:
		return jen.Id(names.Arg)
	}
	v := jen.Id("options").Dot(names.Field)
	if deref && g.isPointerField(p.Type) {
		return jen.Op("*").Add(v)
	}
	return v
}

// paramText is the Go expression of a path, query or header parameter's
// value as text, in the spec's format. A constant is written as the spec
// writes it: a string's text, a number's or boolean's JSON.
func (g *gen) paramText(og *opGen, p *ir.Parameter) jen.Code {
	if p.Const != "" {
		return jen.Lit(constText(p.Const))
	}
	return g.toString(p.Type, g.paramValue(og, p, true), p.CollectionFormat)
}

// constText is the text of a constant given as JSON: a string unquoted,
// anything else as written.
func constText(value string) string {
	var s string
	if json.Unmarshal([]byte(value), &s) == nil {
		return s
	}
	return value
}

// isPointerField reports whether fieldType(t) is a pointer.
func isPointerField(g *gen, t *ir.Type) bool { return g.names.FieldType(t).IsPointer() }

// setParam writes the statements that add a query or header parameter:
// always when it is required, when set when it is optional.
func (g *gen) setParam(og *opGen, p *ir.Parameter, add func(v jen.Code) jen.Code) []jen.Code {
	var stmts []jen.Code
	if p.Type.Kind == ir.KindArray && p.CollectionFormat == "multi" {
		// for _, v := range values { query.Add(name, format(v)) }
		stmts = []jen.Code{jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Add(g.paramValue(og, p, true))).Block(
			add(g.toString(derefElem(p.Type.Elem), elemDeref(p.Type.Elem), "")),
		)}
	} else if p.Type.Kind == ir.KindMap && p.HeaderPrefix != "" {
		stmts = []jen.Code{jen.For(jen.List(jen.Id("k"), jen.Id("v")).Op(":=").Range().Add(g.paramValue(og, p, true))).Block(
			jen.Id("req").Dot("Header").Dot("Set").Call(jen.Lit(p.HeaderPrefix).Op("+").Id("k"), g.toString(p.Type.Elem, jen.Id("v"), "")),
		)}
	} else {
		stmts = []jen.Code{add(g.paramText(og, p))}
	}
	if set := g.isSet(og, p); set != nil {
		return []jen.Code{jen.If(set).Block(stmts...)}
	}
	return stmts
}

// isSet is the condition under which an optional parameter is sent (set
// in the options, or in the client), or nil for one always sent.
func (g *gen) isSet(og *opGen, p *ir.Parameter) jen.Code {
	switch {
	case g.unsetClientParam(p):
		return og.client().Dot(g.names.Param(p).Arg).Op("!=").Nil()
	case g.names.Param(p).Role != naming.RoleOption:
		return nil
	}
	return jen.Id("options").Dot(g.names.Param(p).Field).Op("!=").Nil()
}

// toString writes a value as URL or header text, in the spec's format.
func (g *gen) toString(t *ir.Type, v jen.Code, collectionFormat string) jen.Code {
	switch t.Kind {
	case ir.KindString, ir.KindDuration, ir.KindTime:
		return v
	case ir.KindEnum:
		e := g.names.Enum(t.Ref)
		return g.toString(&ir.Type{Kind: e.Base}, jen.Add(g.valueType(&ir.Type{Kind: e.Base})).Call(v), "")
	case ir.KindBool:
		return jen.Qual("strconv", "FormatBool").Call(v)
	case ir.KindInt32:
		return jen.Qual("strconv", "FormatInt").Call(jen.Int64().Call(v), jen.Lit(10))
	case ir.KindInt64:
		return jen.Qual("strconv", "FormatInt").Call(v, jen.Lit(10))
	case ir.KindFloat32:
		return jen.Qual("strconv", "FormatFloat").Call(jen.Float64().Call(v), jen.LitByte('g'), jen.Lit(-1), jen.Lit(32))
	case ir.KindFloat64:
		return jen.Qual("strconv", "FormatFloat").Call(v, jen.LitByte('g'), jen.Lit(-1), jen.Lit(64))
	case ir.KindBytes:
		return jen.Qual("encoding/base64", "StdEncoding").Dot("EncodeToString").Call(v)
	case ir.KindBase64URL:
		return jen.Id("formatBase64URL").Call(v)
	case ir.KindDateTime:
		return jen.Id("formatDateTime").Call(v)
	case ir.KindDate:
		return jen.Id("formatDate").Call(v)
	case ir.KindDateTimeRFC1123:
		return jen.Id("formatRFC1123").Call(v)
	case ir.KindUnixTime:
		return jen.Id("formatUnixTime").Call(v)
	case ir.KindArray:
		// joinValues(values, ",", func(v T) string { return format(v) })
		sep := map[string]string{"ssv": " ", "tsv": "\t", "pipes": "|"}[collectionFormat]
		if sep == "" {
			sep = ","
		}
		return jen.Id("joinValues").Call(v, jen.Lit(sep), jen.Func().Params(jen.Id("v").Add(g.elemType(t.Elem, false))).String().Block(
			jen.Return(g.toString(derefElem(t.Elem), elemDeref(t.Elem), "")),
		))
	}
	return jen.Qual("fmt", "Sprint").Call(v)
}

// derefElem and elemDeref let toString read nullable (pointer) elements.
func derefElem(t *ir.Type) *ir.Type { c := *t; c.Nullable = false; return &c }

func elemDeref(t *ir.Type) jen.Code {
	if t.Nullable {
		return jen.Id("deref").Call(jen.Id("v"))
	}
	return jen.Id("v")
}
