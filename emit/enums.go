package emit

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/armgen/armgen/ir"
)

// enumsFile writes a named type per enum, a constant per value and a
// function listing the values. The type is the spec's base type, so a
// value the service adds later still decodes; whether the spec calls the
// enum open (modelAsString) or closed is said in its documentation.
//
// The file is written as text (see goSrc).
func (g *gen) enumsFile() ([]byte, error) {
	w := newGoSrc()
	for _, e := range g.api.Enums {
		g.at("enums.go", e.Pointer)
		g.enum(w, e)
	}
	return w.file(g), nil
}

func (g *gen) enum(w *goSrc, e *ir.Enum) {
	name := g.names.Type(e)
	docs := commentLines(docText(name, e.Description))
	if len(docs) == 0 {
		docs = commentLines(name + " is the " + e.Name + " enum of the API.")
	}
	if e.Open {
		docs = append(docs, "//", "// The list is open: the service may send values not listed here.")
	} else {
		docs = append(docs, "//", "// The list is closed: the service sends only the values listed here.")
	}
	w.comment("", docs)
	w.str("type ", name, " ", w.typ(g.names.ValueType(&ir.Type{Kind: e.Base})), "\n\n")

	if len(e.Values) > 0 {
		consts := make([]spec, len(e.Values))
		for i, v := range e.Values {
			c := g.names.Const(v)
			consts[i].cells = []string{c, name, "= " + enumLiteralText(e.Base, v.Value)}
			if v.Description != "" {
				consts[i].doc = commentLines(c + " - " + v.Description)
			}
		}
		w.str("const (\n")
		w.specs("\t", consts)
		w.str(")\n\n")
	}

	fn := g.names.PossibleValues(e)
	w.comment("", []string{"// " + fn + " returns the values of " + name + " the spec lists."})
	w.str("func ", fn, "() []", name, " {\n\treturn []", name, "{")
	for _, v := range e.Values {
		w.str("\n\t\t", g.names.Const(v), ",")
	}
	if len(e.Values) > 0 {
		w.str("\n\t")
	}
	w.str("}\n}\n\n")
}

// enumLiteralText is enumLiteral as Go source, as gofmt writes it.
func enumLiteralText(base ir.Kind, text string) string {
	switch base {
	case ir.KindString:
		var s string
		if json.Unmarshal([]byte(text), &s) != nil {
			s = text
		}
		return strconv.Quote(s)
	case ir.KindBool:
		return strconv.FormatBool(text == "true")
	}
	// Numbers keep their JSON text, which is a valid Go literal; gofmt
	// writes an exponent's E in lower case.
	return strings.ReplaceAll(text, "E", "e")
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
