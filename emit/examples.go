package emit

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/armgen/armgen/ir"
)

// examplesFile writes examples_test.go: a test per x-ms-examples entry.
// Each builds the example's request with the generated builder, sends it to
// an httptest server that checks method, path, query, headers and body
// against the example and answers with the example's response, then
// decodes it with the generated parser and checks that encoding it again
// gives the example's body back. It is how a spec's own examples prove
// the package at the wire.
func (g *gen) examplesFile(f *jen.File) {
	for _, op := range g.api.Operations {
		o := g.names.Op(op)
		if o == nil {
			continue
		}
		og := g.newOpGen(op, o)
		for _, ex := range op.Examples {
			if ex.Loaded {
				g.exampleTest(f, og, ex)
			}
		}
	}
}

// exampleText returns a parameter's JSON value in an example, or "".
func exampleText(ex *ir.Example, name string) string {
	for _, v := range ex.Params {
		if v.Name == name {
			return v.JSON
		}
	}
	return ""
}

// plainText renders an example's JSON value the way the request builder
// writes it into a URL or header.
func plainText(t *ir.Type, text string, collectionFormat string) string {
	var v any
	if json.Unmarshal([]byte(text), &v) != nil {
		return text
	}
	switch x := v.(type) {
	case string:
		return x
	case []any:
		sep := map[string]string{"ssv": " ", "tsv": "\t", "pipes": "|"}[collectionFormat]
		if sep == "" {
			sep = ","
		}
		parts := make([]string, len(x))
		for i, e := range x {
			b, _ := json.Marshal(e)
			parts[i] = plainText(t, string(b), "")
		}
		return strings.Join(parts, sep)
	case nil:
		return ""
	}
	return strings.TrimSpace(text)
}

func (g *gen) exampleTest(f *jen.File, og *opGen, ex *ir.Example) {
	op := og.op
	skip := func(why string) { g.warn(ex.Pointer, "example %q is not tested: %s", ex.Name, why) }

	// The request the example describes.
	path := g.api.BasePath + op.Path
	for _, m := range templatePart.FindAllStringSubmatch(path, -1) {
		p := op.Param(ir.InPath, m[1])
		if p == nil {
			continue
		}
		text := exampleText(ex, p.Name)
		if text == "" && p.Const != "" {
			text = p.Const
		}
		if text == "" {
			skip("it gives no value for path parameter " + p.Name)
			return
		}
		value := plainText(p.Type, text, p.CollectionFormat)
		if !p.SkipURLEncoding {
			value = url.PathEscape(value)
		}
		path = strings.Replace(path, m[0], value, 1)
	}
	query := jen.Dict{}
	header := jen.Dict{}
	for _, p := range op.Params {
		text := exampleText(ex, p.Name)
		switch {
		case p.APIVersion && p.Const == "":
			text = strconv.Quote(g.api.Version)
		case p.Const != "":
			text = p.Const
		}
		if text == "" || (p.In != ir.InQuery && p.In != ir.InHeader) {
			continue
		}
		value := plainText(p.Type, text, p.CollectionFormat)
		if p.Type.Kind == ir.KindArray && p.CollectionFormat == "multi" {
			value = plainText(p.Type, text, "")
			value, _, _ = strings.Cut(value, ",")
		}
		if p.In == ir.InQuery {
			query[jen.Lit(p.Name)] = jen.Lit(value)
		} else {
			header[jen.Lit(p.Name)] = jen.Lit(value)
		}
	}
	call := []jen.Code{
		kv("method", jen.Lit(op.Method)),
		kv("path", jen.Lit(path)),
		kv("query", jen.Map(jen.String()).String().Values(query)),
	}
	if len(header) > 0 {
		call = append(call, kv("header", jen.Map(jen.String()).String().Values(header)))
	}
	if bp := op.Body(); bp != nil {
		text := exampleText(ex, bp.Name)
		switch {
		case bp.Type.Kind == ir.KindStream:
			skip("its body is a stream")
			return
		case text == "" && bp.Required:
			skip("it gives no value for the required body " + bp.Name)
			return
		case text != "":
			call = append(call, kv("body", jen.Lit(text)))
		}
	}

	// The arguments, decoded from the example's values as a user would
	// write them.
	var setup []jen.Code
	var clientArgs []jen.Code
	for _, p := range g.clientParams() {
		if !p.Required || p.Default != "" {
			continue
		}
		text := exampleText(ex, p.Name)
		if text == "" {
			if slicesContains(op.Params, p) && p.In == ir.InPath {
				skip("it gives no value for path parameter " + p.Name)
				return
			}
			text = zeroJSON(p.Type) // the operation does not use it
		}
		arg := g.names.Param(p).Arg
		setup = append(setup, g.decodeExample(jen.Id(arg), p.Type, text, true)...)
		clientArgs = append(clientArgs, jen.Id(arg))
	}
	clientArgs = append(clientArgs, jen.Id("srv").Dot("Client").Call(),
		jen.Op("&").Id(g.names.Fixed("ClientOptions")).Values(kv("Endpoint", jen.Id("srv").Dot("URL"))))
	args := []jen.Code{jen.Qual("context", "Background").Call()}
	for _, p := range og.required {
		text := exampleText(ex, p.Name)
		if text == "" {
			skip("it gives no value for required parameter " + p.Name)
			return
		}
		arg := g.names.Param(p).Arg
		setup = append(setup, g.decodeExample(jen.Id(arg), p.Type, text, true)...)
		args = append(args, jen.Id(arg))
	}
	setup = append(setup, jen.Id("options").Op(":=").Op("&").Id(og.names.Options).Values())
	for _, p := range og.optional {
		if text := exampleText(ex, p.Name); text != "" {
			setup = append(setup, g.decodeExample(jen.Id("options").Dot(g.names.Param(p).Field), p.Type, text, false)...)
		}
	}
	args = append(args, jen.Id("options"))

	client := jen.Id("c")
	if og.names.Group.Accessor != "" {
		client = jen.Id("c").Dot(og.names.Group.Accessor).Call()
	}
	// run := func(t *testing.T, call exampleCall) { … }
	run := []jen.Code{
		jen.Id("srv").Op(":=").Id("exampleServer").Call(jen.Id("t"), jen.Id("call")),
	}
	run = append(run, setup...)
	run = append(run,
		jen.Id("c").Op(":=").Id(g.names.Fixed("NewClient")).Call(clientArgs...),
		jen.List(jen.Id("req"), jen.Err()).Op(":=").Add(client.Clone().Dot(og.names.Request).Call(args...)),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
		jen.List(jen.Id("resp"), jen.Err()).Op(":=").Id("srv").Dot("Client").Call().Dot("Do").Call(jen.Id("req")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
		jen.List(jen.Id("result"), jen.Err()).Op(":=").Add(client.Clone().Dot(og.names.Parse).Call(jen.Id("resp"))),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
	)
	if og.body != nil && og.body.Kind != ir.KindStream {
		target := jen.Op("&").Id("result").Dot("Value")
		var leaf jen.Code = jen.Nil()
		if og.body.Kind == ir.KindModel && g.iface(og.body) == "" {
			target = jen.Op("&").Id("result").Dot(g.names.Type(g.names.Model(og.body.Ref)))
		} else if l := g.codecLeaf(og.body); l != nil && g.iface(og.body) == "" {
			leaf = jen.Id(g.names.Fixed("Ptr")).Call(l)
		}
		var check jen.Code = jen.Id("checkReply").Call(jen.Id("t"), jen.Id("call").Dot("reply"), target, leaf)
		if fields := ownFields(og); len(fields) > 0 {
			// A body of another schema is in its own field.
			var cases []jen.Code
			for _, field := range fields {
				var statuses []jen.Code
				for _, r := range og.success {
					if og.own[r] == field {
						statuses = append(statuses, jen.Lit(r.Status))
					}
				}
				cases = append(cases, jen.Case(statuses...).Block(
					jen.Id("checkReply").Call(jen.Id("t"), jen.Id("call").Dot("reply"), jen.Id("result").Dot(field), jen.Nil())))
			}
			check = jen.Switch(jen.Id("call").Dot("status")).Block(append(cases, jen.Default().Block(check))...)
		}
		run = append(run, jen.If(jen.Id("call").Dot("reply").Op("!=").Lit("")).Block(check))
	} else {
		run = append(run, jen.Id("_").Op("=").Id("result"))
	}

	var cases []jen.Code
	for _, r := range ex.Responses {
		documented := false
		for _, s := range og.success {
			if s.Status == r.Status {
				documented = true
			}
		}
		if !documented {
			g.warn(ex.Pointer, "example %q answers %d, which %s does not document as a success; that response is not tested", ex.Name, r.Status, op.ID)
			continue
		}
		reply := jen.Dict{}
		for _, h := range r.Headers {
			reply[jen.Lit(h.Name)] = jen.Lit(h.JSON)
		}
		body := r.Body
		if !g.statusHasBody(og, r.Status) {
			body = ""
		}
		cases = append(cases, jen.Id("t").Dot("Run").Call(jen.Lit(strconv.Itoa(r.Status)), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
			jen.Id("call").Op(":=").Id("call"),
			jen.List(jen.Id("call").Dot("status"), jen.Id("call").Dot("response"), jen.Id("call").Dot("reply")).Op("=").
				List(jen.Lit(r.Status), jen.Map(jen.String()).String().Values(reply), jen.Lit(body)),
			jen.Id("run").Call(jen.Id("t"), jen.Id("call")),
		)))
	}
	if len(cases) == 0 {
		skip("it has no response the operation documents as a success")
		return
	}
	name := g.names.ExampleTest(ex)
	f.Comment("// " + name + " replays the example " + strconv.Quote(ex.Name) + " of " + op.ID + " (" + ex.File[strings.LastIndex(ex.File, "/")+1:] + ").")
	body := []jen.Code{
		jen.Id("call").Op(":=").Id("exampleCall").Values(keyed(call...)...),
		jen.Id("run").Op(":=").Func().Params(jen.Id("t").Op("*").Qual("testing", "T"), jen.Id("call").Id("exampleCall")).Block(run...),
	}
	body = append(body, cases...)
	f.Func().Id(name).Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(body...)
	f.Line()
}

// statusHasBody reports whether the spec documents a body for a status.
func (g *gen) statusHasBody(og *opGen, status int) bool {
	for _, r := range og.success {
		if r.Status == status {
			return r.Type != nil && og.body != nil
		}
	}
	return false
}

// decodeExample writes the statements that set target from an example's
// JSON value: declared (var x T) when declare is set.
func (g *gen) decodeExample(target *jen.Statement, t *ir.Type, text string, declare bool) []jen.Code {
	var out []jen.Code
	if iface := g.iface(t); iface != "" {
		// v, err := unmarshalFishClassification([]byte(`…`))
		decl := jen.Op("=")
		if declare {
			decl = jen.Op(":=")
		}
		return append(out,
			jen.List(target, jen.Err()).Add(decl).Id(unmarshalerOf(iface)).Call(jen.Index().Byte().Call(jen.Lit(text))),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
		)
	}
	if declare {
		typ := g.valueType(t)
		if t.Kind == ir.KindStream {
			typ = jen.Qual("io", "Reader")
		}
		out = append(out, jen.Var().Add(target.Clone()).Add(typ))
	}
	if leaf := g.codecLeaf(t); leaf != nil {
		return append(out, jen.Id("exampleShaped").Call(jen.Id("t"), jen.Lit(text), jen.Op("&").Add(target.Clone()), leaf))
	}
	return append(out, jen.Id("exampleValue").Call(jen.Id("t"), jen.Lit(text), jen.Op("&").Add(target.Clone())))
}

func slicesContains(ps []*ir.Parameter, p *ir.Parameter) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

// zeroJSON is a JSON value of t's zero, for a client parameter an
// operation does not use.
func zeroJSON(t *ir.Type) string {
	switch t.Kind {
	case ir.KindBool:
		return "false"
	case ir.KindInt32, ir.KindInt64, ir.KindFloat32, ir.KindFloat64:
		return "0"
	case ir.KindArray:
		return "[]"
	case ir.KindMap, ir.KindModel:
		return "{}"
	}
	return `""`
}
