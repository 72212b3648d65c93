package emit

import (
	"net/http"

	"github.com/dave/jennifer/jen"

	"github.com/armgen/armgen/ir"
)

// responseParser writes Parse<Op>Response: the documented success statuses
// decode into the response type, anything else becomes the typed error.
func (g *gen) responseParser(f *jen.File, og *opGen) {
	op := og.op
	result := og.names.Response
	var cases []jen.Code
	target := jen.Op("&").Id("result").Dot("Value")
	if og.names.Embeds {
		target = jen.Op("&").Id("result").Dot(g.names.Type(g.names.Model(og.names.Body.Ref)))
	}
	var decode []jen.Code
	switch {
	case og.names.Body == nil:
	case og.names.Body.Kind == ir.KindStream:
		// The caller reads and closes the body.
		decode = []jen.Code{jen.Id("result").Dot("Value").Op("=").Id("resp").Dot("Body")}
	case g.codecLeaf(og.names.Body) != nil:
		decode = []jen.Code{jen.If(jen.Err().Op(":=").Id("decodeShaped").Call(jen.Id("resp"), target, g.codecLeaf(og.names.Body)), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Id("result"), jen.Err()))}
	default:
		decode = []jen.Code{jen.If(jen.Err().Op(":=").Id("decodeJSON").Call(jen.Id("resp"), target), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Id("result"), jen.Err()))}
	}
	// Statuses documented with a body decode it; those without (202
	// Accepted, 204 No Content…) leave the result empty.
	var withBody, without []jen.Code
	for _, r := range og.names.Success {
		switch {
		case og.names.Own[r] != "":
		case r.Type != nil && og.names.Body != nil:
			withBody = append(withBody, jen.Lit(r.Status))
		default:
			without = append(without, jen.Lit(r.Status))
		}
	}
	var head []jen.Code
	if op.Method == http.MethodHead {
		head = []jen.Code{jen.Id("result").Dot("Success").Op("=").Id("resp").Dot("StatusCode").Op("<").Lit(300)}
	}
	if len(withBody) > 0 {
		cases = append(cases, jen.Case(withBody...).Block(append(decode, head...)...))
	}
	// Bodies of another schema go to their own field.
	for _, field := range og.names.OwnFields() {
		var statuses []jen.Code
		for _, r := range og.names.Success {
			if og.names.Own[r] == field {
				statuses = append(statuses, jen.Lit(r.Status))
			}
		}
		cases = append(cases, jen.Case(statuses...).Block(jen.If(jen.Err().Op(":=").Id("decodeJSON").Call(jen.Id("resp"),
			jen.Op("&").Id("result").Dot(field)), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("result"), jen.Err()))))
	}
	if len(without) > 0 {
		cases = append(cases, jen.Case(without...).Block(append([]jen.Code{jen.Id("drain").Call(jen.Id("resp"))}, head...)...))
	}
	for _, r := range op.Responses {
		if r.Error {
			cases = append(cases, jen.Case(jen.Lit(r.Status)).Block(jen.Return(jen.Id("result"), g.errorFor(r))))
		}
	}
	cases = append(cases, jen.Default().Block(jen.Return(jen.Id("result"), g.errorFor(op.Default))))

	body := []jen.Code{jen.Var().Id("result").Id(result)}
	switch {
	case len(og.names.Success) > 0:
		body = append(body, jen.Switch(jen.Id("resp").Dot("StatusCode")).Block(cases...))
		for _, h := range og.names.Headers {
			body = append(body, g.readHeader(h)...)
		}
		body = append(body, jen.Return(jen.Id("result"), jen.Nil()))
	case len(cases) > 1:
		// Every status is an error: the switch is the end, or vet finds
		// the code after it unreachable.
		body = append(body, jen.Switch(jen.Id("resp").Dot("StatusCode")).Block(cases...))
	default:
		body = append(body, jen.Return(jen.Id("result"), g.errorFor(op.Default)))
	}
	f.Add(g.doc(og.names.Parse + " reads the response to a " + og.names.Request + " request and closes its body (a stream body excepted). " +
		"A status the spec does not list as a success is returned as *" + g.names.Fixed().ResponseError + "."))
	f.Func().Params(og.recv).Id(og.names.Parse).Params(jen.Id("resp").Op("*").Qual("net/http", "Response")).Params(jen.Id(result), jen.Error()).Block(body...)
	f.Line()
}

// readHeader writes the statements that copy a response header into the
// result, in the header's format.
func (g *gen) readHeader(h *ir.Header) []jen.Code {
	field := jen.Id("result").Dot(g.names.HeaderField(h))
	get := jen.Id("resp").Dot("Header").Dot("Get").Call(jen.Lit(h.Name))
	var parse jen.Code
	switch h.Type.Kind {
	case ir.KindString, ir.KindDuration, ir.KindTime:
		return []jen.Code{jen.If(jen.Id("v").Op(":=").Add(get), jen.Id("v").Op("!=").Lit("")).Block(field.Op("=").Op("&").Id("v"))}
	case ir.KindEnum:
		e := g.names.Enum(h.Type.Ref)
		if e.Base != ir.KindString {
			parse = jen.Id("parseHeader").Call(jen.Id("v"), jen.Id(g.names.Type(e)).Call(jen.Lit(0)))
			break
		}
		return []jen.Code{jen.If(jen.Id("v").Op(":=").Add(get), jen.Id("v").Op("!=").Lit("")).Block(
			field.Op("=").Id(g.names.Fixed().Ptr).Call(jen.Id(g.names.Type(e)).Call(jen.Id("v"))))}
	case ir.KindBool:
		parse = jen.Id("parseHeader").Call(jen.Id("v"), jen.False())
	case ir.KindInt32:
		parse = jen.Id("parseHeader").Call(jen.Id("v"), jen.Int32().Call(jen.Lit(0)))
	case ir.KindInt64:
		parse = jen.Id("parseHeader").Call(jen.Id("v"), jen.Int64().Call(jen.Lit(0)))
	case ir.KindFloat32:
		parse = jen.Id("parseHeader").Call(jen.Id("v"), jen.Float32().Call(jen.Lit(0)))
	case ir.KindFloat64:
		parse = jen.Id("parseHeader").Call(jen.Id("v"), jen.Float64().Call(jen.Lit(0)))
	case ir.KindDateTime, ir.KindDate, ir.KindDateTimeRFC1123, ir.KindUnixTime:
		parse = jen.Id("parseTimeHeader").Call(jen.Id("v"), g.codecLeaf(h.Type))
	case ir.KindBytes:
		parse = jen.Id("parseBytesHeader").Call(jen.Id("v"))
	default:
		return nil
	}
	// if v := resp.Header.Get("…"); v != "" { if x, ok := parse(v); ok { result.F = &x } }
	value := jen.Op("&").Id("x")
	if !g.isPointerField(h.Type) {
		value = jen.Id("x") // []byte
	}
	return []jen.Code{jen.If(jen.Id("v").Op(":=").Add(get), jen.Id("v").Op("!=").Lit("")).Block(
		jen.If(jen.List(jen.Id("x"), jen.Id("ok")).Op(":=").Add(parse), jen.Id("ok")).Block(field.Op("=").Add(value)),
	)}
}
