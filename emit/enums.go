package emit

import (
	"encoding/json"

	"github.com/dave/jennifer/jen"

	"github.com/armgen/armgen/ir"
)

// enumsJob writes enums.go: a named type per enum, a constant per value
// and a function listing the values. The type is the spec's base type, so
// a value the service adds later still decodes; whether the spec calls
// the enum open (modelAsString) or closed is said in its documentation.
func (g *gen) enumsJob() job {
	enums := g.api.Enums
	return g.split("enums.go", len(enums), func(f *jen.File, key string, lo, hi int) {
		for _, e := range enums[lo:hi] {
			g.at(key, e.Pointer)
			g.enum(f, e)
		}
	})
}

func (g *gen) enum(f *jen.File, e *ir.Enum) {
	name := g.names.Type(e)
	list := "The list is closed: the service sends only the values listed here."
	if e.Open {
		list = "The list is open: the service may send values not listed here."
	}
	text := described(name, e.Description)
	switch {
	case text != "":
		text += "\n\n" + list
	case !sameName(name, e.Name):
		// No description, but a Go name that is not the spec's.
		text = name + " is the " + e.Name + " enum of the spec.\n\n" + list
	case e.Open:
		text = name + " is an open list: the service may send values not listed here."
	default:
		text = name + " is a closed list: the service sends only the values listed here."
	}
	f.Add(g.doc(text))
	f.Type().Id(name).Add(g.valueType(&ir.Type{Kind: e.Base}))
	f.Line()

	if len(e.Values) > 0 {
		consts := make([]jen.Code, 0, 2*len(e.Values))
		for _, v := range e.Values {
			c := g.names.Const(v)
			if v.Description != "" {
				consts = append(consts, g.doc(c+" - "+v.Description))
			}
			consts = append(consts, jen.Id(c).Id(name).Op("=").Add(enumLiteral(e.Base, v.Value)))
		}
		f.Const().Defs(consts...)
		f.Line()
	}

	fn := g.names.PossibleValues(e)
	values := make([]jen.Code, len(e.Values))
	for i, v := range e.Values {
		values[i] = jen.Id(g.names.Const(v))
	}
	f.Comment("// " + fn + " returns the values of " + name + " the spec lists.")
	f.Func().Id(fn).Params().Index().Id(name).Block(jen.Return(jen.Index().Id(name).Values(lines(values)...)))
	f.Line()
}

// enumLiteral writes a value's JSON text as a Go constant of the base kind.
func enumLiteral(base ir.Kind, text string) jen.Code {
	switch base {
	case ir.KindString:
		var s string
		if json.Unmarshal([]byte(text), &s) != nil {
			s = text
		}
		return jen.Lit(s)
	case ir.KindBool:
		return jen.Lit(text == "true")
	}
	// Numbers keep their JSON text, which is a valid Go literal.
	return jen.Op(text)
}
