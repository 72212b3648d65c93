package emit

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/armgen/armgen/emit/naming"
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
	file := ex.File[strings.LastIndex(ex.File, "/")+1:]
	check := &exampleCheck{api: g.api, request: true, polymorphic: func(t *ir.Type) bool { return g.iface(t) != "" }}
	// contradiction is the first place where the request the example
	// describes contradicts the spec: its test is generated skipped.
	contradiction := ""
	contradicts := func(problem string) {
		if contradiction == "" && problem != "" {
			contradiction = problem
		}
	}
	checkParam := func(p *ir.Parameter, text string, used bool) {
		v, err := decodeExampleJSON(text)
		if err != nil {
			return
		}
		at := "parameter " + p.Name
		if !used {
			check.request = false // decoded, but not sent
		}
		contradicts(check.value(at, p.Type, p.Constraints, v, false))
		check.request = true
		if s, ok := v.(string); ok && used && s == "" && p.Required && (p.In == ir.InPath || p.In == ir.InHost) {
			contradicts(at + `: "" is empty, and a required path parameter cannot be`)
		}
	}

	// The request the example describes. A path of x-ms-paths may carry a
	// query part (?op=Location) that every request sends.
	_, fixedQuery, _ := strings.Cut(g.api.BasePath+op.Path, "?")
	var built strings.Builder
	for _, part := range op.PathParts.WithPrefix(g.api.BasePath).Path() {
		p := op.Param(ir.InPath, part.Param)
		if part.Param == "" || p == nil {
			built.WriteString(part.String())
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
		built.WriteString(value)
	}
	path := built.String()
	if u, err := url.Parse(path); err == nil {
		path = u.EscapedPath() // as the request carries it: "%E2%80%8B" for a zero-width space
	}
	query := jen.Dict{}
	inQuery := map[string]bool{}
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
			inQuery[p.Name] = true
		} else {
			header[jen.Lit(p.Name)] = jen.Lit(value)
		}
	}
	for part := range strings.SplitSeq(fixedQuery, "&") {
		k, v, _ := strings.Cut(part, "=")
		k, err1 := url.QueryUnescape(k)
		v, err2 := url.QueryUnescape(v)
		if part == "" || err1 != nil || err2 != nil || inQuery[k] {
			continue
		}
		query[jen.Lit(k)] = jen.Lit(v)
		inQuery[k] = true
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
			if v, err := decodeExampleJSON(text); err == nil {
				// The request builder checks a body through its models'
				// check methods, not the body's own constraints.
				contradicts(check.value("$", bp.Type, ir.Constraints{}, v, false))
			}
			// Read-only properties in the example are the service's: the
			// request rightly leaves them out.
			call = append(call, kv("body", jen.Lit(stripReadOnly(g.api, bp.Type, text))))
		}
	}

	// The arguments, decoded from the example's values as a user would
	// write them, into variables of their own.
	locals := map[string]bool{}
	for _, name := range exampleLocals {
		locals[name] = true
	}
	local := func(arg string) string {
		name := arg
		for i := 2; locals[name]; i++ {
			name = arg + strconv.Itoa(i)
		}
		locals[name] = true
		return name
	}
	var setup []jen.Code
	var clientArgs []jen.Code
	for _, p := range g.clientParams() {
		if !p.Required || p.Default != "" {
			continue
		}
		used := slicesContains(op.Params, p)
		text := exampleText(ex, p.Name)
		if text == "" {
			if used && p.In == ir.InPath {
				skip("it gives no value for path parameter " + p.Name)
				return
			}
			text = zeroJSON(p.Type) // the operation does not use it
		} else {
			checkParam(p, text, used)
		}
		arg := local(g.names.Param(p).Arg)
		setup = append(setup, g.decodeExample(jen.Id(arg), p.Type, text, true)...)
		clientArgs = append(clientArgs, jen.Id(arg))
	}
	clientArgs = append(clientArgs, jen.Id("srv").Dot("Client").Call(),
		jen.Op("&").Id(g.names.Fixed().ClientOptions).Values(kv("Endpoint", jen.Id("srv").Dot("URL"))))
	args := []jen.Code{jen.Qual("context", "Background").Call()}
	for _, p := range og.names.Args {
		text := exampleText(ex, p.Name)
		if text == "" {
			skip("it gives no value for required parameter " + p.Name)
			return
		}
		if p.In != ir.InBody {
			checkParam(p, text, true)
		}
		arg := local(g.names.Param(p).Arg)
		setup = append(setup, g.decodeExample(jen.Id(arg), p.Type, text, true)...)
		args = append(args, jen.Id(arg))
	}
	setup = append(setup, jen.Id("options").Op(":=").Op("&").Id(og.names.Options).Values())
	for _, p := range og.names.Optional {
		if text := exampleText(ex, p.Name); text != "" {
			if p.In != ir.InBody {
				checkParam(p, text, true)
			}
			setup = append(setup, g.decodeExample(jen.Id("options").Dot(g.names.Param(p).Field), p.Type, text, false)...)
		}
	}
	args = append(args, jen.Id("options"))

	name := g.names.ExampleTest(ex)
	doc := "// " + name + " replays the example " + strconv.Quote(ex.Name) + " of " + inLine(op.ID) + " (" + inLine(file) + ")."
	if contradiction != "" {
		g.warn(ex.Pointer, "example %s at %s; its test is skipped", file, contradiction)
		f.Comment(doc)
		f.Func().Id(name).Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
			jen.Id("t").Dot("Skip").Call(jen.Lit(skipReason + contradiction)))
		f.Line()
		return
	}

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
		jen.Id("c").Op(":=").Id(g.names.Fixed().NewClient).Call(clientArgs...),
		jen.List(jen.Id("req"), jen.Err()).Op(":=").Add(client.Clone().Dot(og.names.Request).Call(args...)),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
		jen.List(jen.Id("resp"), jen.Err()).Op(":=").Id("srv").Dot("Client").Call().Dot("Do").Call(jen.Id("req")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
		jen.List(jen.Id("result"), jen.Err()).Op(":=").Add(client.Clone().Dot(og.names.Parse).Call(jen.Id("resp"))),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
	)
	if og.names.Body != nil && og.names.Body.Kind != ir.KindStream {
		target := jen.Op("&").Id("result").Dot("Value")
		var leaf jen.Code = jen.Nil()
		if og.names.Embeds {
			target = jen.Op("&").Id("result").Dot(g.names.Type(g.names.Model(og.names.Body.Ref)))
		} else if l := g.codecLeaf(og.names.Body); l != nil && g.iface(og.names.Body) == "" {
			leaf = jen.Id(g.names.Fixed().Ptr).Call(l)
		}
		var check jen.Code = jen.Id("checkReply").Call(jen.Id("t"), jen.Id("call").Dot("reply"), target, leaf)
		if fields := og.names.OwnFields(); len(fields) > 0 {
			// A body of another schema is in its own field.
			var cases []jen.Code
			for _, field := range fields {
				var statuses []jen.Code
				for _, r := range og.names.Success {
					if og.names.Own[r] == field {
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
	replayed := false // a response is replayed, not skipped
	var problems []string
	check.request = false
	for _, r := range ex.Responses {
		var documented *ir.Response
		for _, s := range og.names.Success {
			if s.Status == r.Status {
				documented = s
			}
		}
		if documented == nil {
			g.warn(ex.Pointer, "example %q answers %d, which %s does not document as a success; that response is not tested", ex.Name, r.Status, op.ID)
			continue
		}
		reply := jen.Dict{}
		for _, h := range r.Headers {
			reply[jen.Lit(h.Name)] = jen.Lit(h.JSON)
		}
		body := r.Body
		if !g.statusHasBody(og, r.Status) || noBodyStatus(r.Status) {
			// HTTP carries no body with 204 or 304, whatever the example says.
			body = ""
		}
		problem := ""
		if body != "" {
			decoded := og.names.Body
			if og.names.Own[documented] != "" {
				decoded = documented.Type
			}
			if v, err := decodeExampleJSON(body); err == nil {
				problem = check.value("response "+strconv.Itoa(r.Status)+" $", decoded, ir.Constraints{}, v, false)
			}
		}
		var sub []jen.Code
		if problem != "" {
			problems = append(problems, problem)
			sub = []jen.Code{jen.Id("t").Dot("Skip").Call(jen.Lit(skipReason + problem))}
		} else {
			replayed = true
			sub = []jen.Code{
				jen.Id("call").Op(":=").Id("call"),
				jen.List(jen.Id("call").Dot("status"), jen.Id("call").Dot("response"), jen.Id("call").Dot("reply")).Op("=").
					List(jen.Lit(r.Status), jen.Map(jen.String()).String().Values(reply), jen.Lit(body)),
				jen.Id("run").Call(jen.Id("t"), jen.Id("call")),
			}
		}
		cases = append(cases, jen.Id("t").Dot("Run").Call(jen.Lit(strconv.Itoa(r.Status)), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(sub...)))
	}
	if len(cases) == 0 {
		skip("it has no response the operation documents as a success")
		return
	}
	if !replayed {
		// Every response contradicts the spec: the whole test is skipped.
		g.warn(ex.Pointer, "example %s at %s; its test is skipped", file, problems[0])
		f.Comment(doc)
		f.Func().Id(name).Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
			jen.Id("t").Dot("Skip").Call(jen.Lit(skipReason + problems[0])))
		f.Line()
		return
	}
	for _, problem := range problems {
		g.warn(ex.Pointer, "example %s at %s; that response's test is skipped", file, problem)
	}
	f.Comment(doc)
	body := []jen.Code{
		jen.Id("call").Op(":=").Id("exampleCall").Values(keyed(call...)...),
		jen.Id("run").Op(":=").Func().Params(jen.Id("t").Op("*").Qual("testing", "T"), jen.Id("call").Id("exampleCall")).Block(run...),
	}
	body = append(body, cases...)
	f.Func().Id(name).Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(body...)
	f.Line()
}

// skipReason starts the message of a test skipped because its example
// contradicts the spec.
const skipReason = "the example contradicts the spec: "

// exampleLocals are the names an example test declares or uses besides
// the arguments, which an argument must not shadow.
var exampleLocals = []string{
	"t", "call", "run", "srv", "c", "req", "resp", "result", "err", "options", "testing", "context",
	"exampleCall", "exampleServer", "exampleValue", "exampleShaped", "checkReply", "polymorphic",
}

// noBodyStatus reports whether HTTP forbids a body with a status.
func noBodyStatus(status int) bool {
	return status == 204 || status == 304 || status >= 100 && status < 200
}

// statusHasBody reports whether the spec documents a body for a status.
func (g *gen) statusHasBody(og *opGen, status int) bool {
	for _, r := range og.names.Success {
		if r.Status == status {
			return r.Type != nil && og.names.Body != nil
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
			jen.List(target, jen.Err()).Add(decl).Id(naming.Unmarshaler(iface)).Call(jen.Index().Byte().Call(jen.Lit(text))),
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
