package emit

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/armgen/armgen/emit/naming"
	"github.com/armgen/armgen/ir"
)

// groupFile writes one operation group's client and its operations.
func (g *gen) groupFile(f *jen.File, file string, grp *naming.Group) {
	f.Comment("// " + grp.Type + " calls the " + inLine(grp.Name) + " operations. Get one from " + g.names.Fixed().Client + "." + grp.Accessor + ".")
	f.Type().Id(grp.Type).Struct(jen.Id("client").Op("*").Id(g.names.Fixed().Client))
	f.Line()
	g.operationsOf(f, file, grp)
}

// operationsOf writes the operations of a group, in IR order.
func (g *gen) operationsOf(f *jen.File, file string, grp *naming.Group) {
	for _, op := range g.byGroup[grp] {
		g.at(file, op.Pointer)
		g.operation(f, g.newOpGen(op, g.names.Op(op)))
	}
}

// opGen is what the generators of one operation share: the operation,
// its Go API (naming.Op), and how its methods reach the client.
type opGen struct {
	op    *ir.Operation
	names *naming.Op
	// recv is the method receiver; client reaches the *Client from it.
	recv   jen.Code
	client func() *jen.Statement
}

func (g *gen) newOpGen(op *ir.Operation, o *naming.Op) *opGen {
	og := &opGen{op: op, names: o}
	if o.Group.Accessor == "" {
		og.recv = jen.Id("c").Op("*").Id(g.names.Fixed().Client)
		og.client = func() *jen.Statement { return jen.Id("c") }
	} else {
		og.recv = jen.Id("c").Id(o.Group.Type)
		og.client = func() *jen.Statement { return jen.Id("c").Dot("client") }
	}
	return og
}

// operation writes the options and response types, the request builder,
// the response parser and the method that does both.
func (g *gen) operation(f *jen.File, og *opGen) {
	g.optionsType(f, og)
	g.responseType(f, og)
	g.requestBuilder(f, og)
	g.responseParser(f, og)
	switch {
	case og.op.LongRunning != nil:
		g.pollerMethods(f, og)
		if og.op.Pageable != nil {
			if og.names.NextRequest != "" {
				g.nextRequestBuilder(f, og)
			}
			g.pagerMethod(f, og)
		}
	case og.op.Pageable != nil:
		if og.names.NextRequest != "" {
			g.nextRequestBuilder(f, og)
		}
		g.pagerMethod(f, og)
	default:
		g.sendMethod(f, og)
	}
}

// argList is ctx, the required parameters and options, as declared.
func (g *gen) argList(og *opGen) []jen.Code {
	args := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	for _, p := range og.names.Args {
		args = append(args, jen.Id(g.names.Param(p).Arg).Add(g.argType(p)))
	}
	return append(args, jen.Id("options").Op("*").Id(og.names.Options))
}

// callArgs passes the arguments of argList on.
func (g *gen) callArgs(og *opGen) []jen.Code {
	args := []jen.Code{jen.Id("ctx")}
	for _, p := range og.names.Args {
		args = append(args, jen.Id(g.names.Param(p).Arg))
	}
	return append(args, jen.Id("options"))
}

// optionsType writes <Group><Op>Options, the optional parameters.
func (g *gen) optionsType(f *jen.File, og *opGen) {
	var fields []jen.Code
	for _, p := range og.names.Optional {
		fields = append(fields, g.doc(paramDoc(p)), jen.Id(g.names.Param(p).Field).Add(jenType(g.names.OptionType(p.Type))))
	}
	text := og.names.Options + " holds the optional parameters of " + og.op.ID + "; nil means none."
	if len(fields) == 0 {
		text = og.names.Options + " is reserved for optional parameters of " + og.op.ID + " that a later api-version may add; pass nil."
	}
	f.Add(g.doc(text))
	f.Type().Id(og.names.Options).Struct(fields...)
	f.Line()
}

func paramDoc(p *ir.Parameter) string {
	text := p.Description
	if p.Default != "" {
		text += "\nThe service's default: " + p.Default + "."
	}
	return text
}

// responseType writes <Group><Op>Response: the decoded body (a model
// embedded, so its fields read directly; any other type as Value) and the
// documented response headers.
func (g *gen) responseType(f *jen.File, og *opGen) {
	var fields []jen.Code
	if og.names.Body != nil {
		if og.names.Embeds {
			fields = append(fields, jen.Id(g.names.Type(g.names.Model(og.names.Body.Ref))))
		} else {
			fields = append(fields, jen.Comment("// Value is the response body."), jen.Id("Value").Add(g.valueType(og.names.Body)))
		}
	}
	for _, field := range og.names.OwnFields() {
		var statuses []string
		var typ *ir.Type
		for _, r := range og.names.Success {
			if og.names.Own[r] == field {
				statuses, typ = append(statuses, strconv.Itoa(r.Status)), r.Type
			}
		}
		fields = append(fields, g.doc(field+" is the body of a "+strings.Join(statuses, " or ")+" response, nil after another status."),
			jen.Id(field).Add(g.fieldType(typ)))
	}
	for _, h := range og.names.Headers {
		fields = append(fields, g.doc(firstNonEmpty(h.Description, "The "+h.Name+" header.")),
			jen.Id(g.names.HeaderField(h)).Add(g.fieldType(h.Type)))
	}
	if og.op.Method == http.MethodHead {
		fields = append(fields, jen.Comment("// Success is true for a 2xx status and false for a documented 404."), jen.Id("Success").Bool())
	}
	f.Comment("// " + og.names.Response + " is what " + inLine(og.op.ID) + " returns.")
	f.Type().Id(og.names.Response).Struct(fields...)
	f.Line()
}

// opDoc is the text documenting the method that calls an operation,
// from the spec; more, when given, follows it.
func opDoc(name string, op *ir.Operation, fallback string, more ...string) string {
	text := firstNonEmpty(described(name, firstNonEmpty(op.Description, op.Summary)), fallback)
	for _, m := range more {
		text += "\n" + m
	}
	if op.Deprecated {
		text += "\n\nDeprecated: the spec marks this operation deprecated."
	}
	return text
}

// sendMethod writes <Op>: build, send through the client's Doer, parse.
func (g *gen) sendMethod(f *jen.File, og *opGen) {
	op := og.op
	f.Add(g.doc(opDoc(og.names.Method, op, og.names.Method+" calls "+op.ID+".")))
	result := og.names.Response
	f.Func().Params(og.recv).Id(og.names.Method).Params(g.argList(og)...).Params(jen.Id(result), jen.Error()).Block(
		jen.List(jen.Id("req"), jen.Err()).Op(":=").Id("c").Dot(og.names.Request).Call(g.callArgs(og)...),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id(result).Values(), jen.Err())),
		jen.List(jen.Id("resp"), jen.Err()).Op(":=").Id("send").Call(og.client().Dot("doer"), jen.Id("req")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id(result).Values(), jen.Err())),
		jen.Return(jen.Id("c").Dot(og.names.Parse).Call(jen.Id("resp"))),
	)
	f.Line()
}
