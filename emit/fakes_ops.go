package emit

import (
	"net/http"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/armgen/armgen/emit/naming"
	"github.com/armgen/armgen/ir"
)

// The fake's part per operation: a route, a method of its server that
// reads a request into the func's arguments and answers with what the
// func returns, and a function that makes a result the service's answer.

// fakeOperationsOf writes the serve methods and encoders of a group's
// operations, in IR order.
func (g *gen) fakeOperationsOf(f *jen.File, file string, grp *naming.Group) {
	for _, op := range g.byGroup[grp] {
		g.at(file, op.Pointer)
		og := g.newOpGen(op, g.names.Op(op))
		g.fakeServe(f, og)
		g.fakeEncode(f, og)
	}
}

// fakeRecv is the receiver of an operation's serve method: the server
// of its group, or Server for an ungrouped one.
func fakeRecv(og *opGen) (recv jen.Code, field string) {
	if og.names.Group.Accessor == "" {
		return jen.Id("s").Op("*").Id("Server"), "Server." + fakeField(og.names)
	}
	return jen.Id("s").Op("*").Id(fakeServerType(og.names.Group)), "Server." + og.names.Group.Accessor + "." + fakeField(og.names)
}

func fakeServeName(og *opGen) string { return "serve" + og.names.Method }

func fakeEncoder(og *opGen) string { return "encode" + og.names.Response }

// fakeRoutes writes the route table: every operation, with its method,
// path template and the server method that serves it.
func (g *gen) fakeRoutes(f *jen.File) {
	var routes []jen.Code
	for _, op := range g.api.Operations {
		o := g.names.Op(op)
		if o == nil {
			continue
		}
		og := g.newOpGen(op, o)
		server := jen.Id("s")
		if o.Group.Accessor != "" {
			server = jen.Id("s").Dot(o.Group.Accessor)
		}
		fields := []jen.Code{
			kv("method", jen.Lit(op.Method)),
			kv("path", jen.Lit(g.fakeTemplate(op))),
		}
		if host := g.fakeHost(op); host != "" {
			fields = append(fields, kv("host", jen.Lit(host)))
		}
		fields = append(fields, kv("op", jen.Lit(op.ID)))
		all, byStatus := g.fakeErrorShapes(op)
		fields = append(fields, kv("errors", jen.Lit(all)))
		if len(byStatus) > 0 {
			dict := jen.Dict{}
			for status, shape := range byStatus {
				dict[jen.Lit(status)] = jen.Lit(shape)
			}
			fields = append(fields, kv("statusErrors", jen.Map(jen.Int()).String().Values(dict)))
		}
		fields = append(fields,
			kv("serve", jen.Func().Params(jen.Id("s").Op("*").Id("Server"), jen.Id("r").Op("*").Id("request")).Block(
				server.Dot(fakeServeName(og)).Call(jen.Id("r")))),
		)
		routes = append(routes, jen.Values(keyed(fields...)...))
	}
	f.Comment("// routes are the operations of package " + g.opts.Package + ".")
	f.Var().Id("routes").Op("=").Id("newRouter").Call(jen.Lit(g.opts.Package), jen.Id("errorOf"),
		jen.Index().Id("route").Types(jen.Id("Server")).Values(lines(routes)...).Op("..."))
	f.Line()
}

// fakeTemplate is an operation's path as the fake matches it: base path
// and path, with {+name} for a parameter sent as it is and a constant
// parameter's value in place.
func (g *gen) fakeTemplate(op *ir.Operation) string {
	var b strings.Builder
	for _, part := range op.PathParts.WithPrefix(g.api.BasePath) {
		if part.Param == "" {
			b.WriteString(part.Text)
			continue
		}
		switch p := op.Param(ir.InPath, part.Param); {
		case p == nil:
			// The client sends the braces as they are, escaped.
			b.WriteString("%7B" + part.Param + "%7D")
		case p.Const != "":
			b.WriteString(constText(p.Const))
		case p.SkipURLEncoding:
			b.WriteString("{+" + part.Param + "}")
		default:
			b.WriteString(part.String())
		}
	}
	return b.String()
}

// fakeHost is the host template an operation's route matches to read the
// host parameters it takes as arguments; "" when it takes none.
func (g *gen) fakeHost(op *ir.Operation) string {
	for _, p := range op.Params {
		if p.In == ir.InHost && naming.RoleOf(p).PerCall() {
			host := g.api.HostTemplate
			if _, rest, ok := strings.Cut(host, "://"); ok {
				host = rest
			}
			host, _, _ = strings.Cut(host, "/")
			return host
		}
	}
	return ""
}

// fakeErrorShapes say where the operation's error models hold code and
// message (see emit/static/fake's route.errors): for its default error,
// and for the statuses whose error model is another.
func (g *gen) fakeErrorShapes(op *ir.Operation) (all string, byStatus map[int]string) {
	r := op.Default
	if r == nil {
		for _, e := range op.Responses {
			if e.Error {
				r = e
				break
			}
		}
	}
	all = g.fakeErrorShape(r)
	for _, e := range op.Responses {
		if shape := g.fakeErrorShape(e); e.Error && e.Status != 0 && shape != all {
			if byStatus == nil {
				byStatus = map[int]string{}
			}
			byStatus[e.Status] = shape
		}
	}
	return all, byStatus
}

// fakeErrorShape says where an error response's model holds code and
// message: ARM's "error" when it has none the fake can fill.
func (g *gen) fakeErrorShape(r *ir.Response) string {
	switch {
	case isTextError(r):
		return "text"
	case r == nil || r.Type == nil || r.Type.Kind != ir.KindModel || g.iface(r.Type) != "":
		return "error"
	}
	path, inner := g.errorShape(g.names.Model(r.Type.Ref))
	switch {
	case inner == nil:
		return "error"
	case len(path) == 0:
		return ""
	}
	return path[0].Name
}

// fakeServe writes the method that serves an operation: it reads the
// request into the arguments, calls the func and answers.
func (g *gen) fakeServe(f *jen.File, og *opGen) {
	op := og.op
	recv, field := fakeRecv(og)
	fn := fakeField(og.names)
	body := []jen.Code{
		jen.If(jen.Id("s").Op("==").Nil().Op("||").Id("s").Dot(fn).Op("==").Nil()).Block(
			jen.Id("r").Dot("notImplemented").Call(jen.Lit(field)),
			jen.Return(),
		),
	}
	// The arguments go into fields of in, whose names cannot meet the
	// method's own.
	var args []jen.Code
	for _, p := range og.names.Args {
		args = append(args, jen.Id(g.names.Param(p).Arg).Add(g.fakeType(g.names.ArgType(p.Type))))
	}
	if len(args) > 0 {
		body = append(body, jen.Var().Id("in").Struct(args...))
	}
	if len(og.names.Optional) > 0 {
		body = append(body, jen.Var().Id("opts").Add(g.pkg(og.names.Options)))
	}
	reads := 0
	for _, p := range op.Params {
		if read := g.fakeRead(og, p); read != nil {
			body = append(body, read)
			reads++
		}
	}
	if reads > 0 {
		body = append(body, jen.If(jen.Id("r").Dot("failed").Call()).Block(jen.Return()))
	}

	call := []jen.Code{jen.Id("r").Dot("ctx")}
	for _, p := range og.names.Args {
		call = append(call, jen.Id("in").Dot(g.names.Param(p).Arg))
	}
	if len(og.names.Optional) > 0 {
		call = append(call, jen.Id("orNil").Call(jen.Op("&").Id("opts")))
	} else {
		call = append(call, jen.Nil())
	}
	result := jen.Id("s").Dot(fn).Call(call...)
	encode := jen.Id(fakeEncoder(og))
	style, finalVia := g.fakeStyle(op), ""
	if op.LongRunning != nil {
		finalVia = op.LongRunning.FinalStateVia
	}
	switch {
	case op.Pageable != nil:
		next := g.fakeNextLink(og)
		if op.LongRunning != nil {
			body = append(body, jen.Id("serveLongRunningPages").Call(jen.Id("r"), jen.Lit(style), jen.Lit(finalVia), result, next, encode))
		} else {
			body = append(body, jen.Id("servePages").Call(jen.Id("r"), result, next, encode))
		}
	case op.LongRunning != nil:
		body = append(body,
			jen.List(jen.Id("res"), jen.Err()).Op(":=").Add(result),
			jen.Var().Id("result").Op("*").Id("reply"),
			jen.If(jen.Err().Op("==").Nil()).Block(jen.Id("result").Op("=").Add(encode).Call(jen.Id("res"))),
			jen.Id("r").Dot("longRunning").Call(jen.Lit(style), jen.Lit(finalVia), jen.Id("result"), jen.Err()),
		)
	default:
		body = append(body,
			jen.List(jen.Id("res"), jen.Err()).Op(":=").Add(result),
			jen.If(jen.Id("r").Dot("fail").Call(jen.Err())).Block(jen.Return()),
			jen.Id("r").Dot("respond").Call(encode.Call(jen.Id("res"))),
		)
	}
	f.Add(g.doc(fakeServeName(og) + " serves " + op.ID + " with " + fn + "."))
	f.Func().Params(recv).Id(fakeServeName(og)).Params(jen.Id("r").Op("*").Id("request")).Block(body...)
	f.Line()
}

// fakeRead is the statement that reads a parameter into the func's
// arguments or options, nil for one the func does not take.
func (g *gen) fakeRead(og *opGen, p *ir.Parameter) jen.Code {
	names := g.names.Param(p)
	if !names.Role.PerCall() {
		return nil
	}
	dst := jen.Op("&").Id("opts").Dot(names.Field)
	if p.Required {
		dst = jen.Op("&").Id("in").Dot(names.Arg)
	}
	switch {
	case p.In == ir.InBody && p.Type.Kind == ir.KindStream:
		return jen.Id("r").Dot("stream").Call(dst, jen.Lit(p.Required))
	case p.In == ir.InBody && g.fakeLeaf(p.Type, true) != nil:
		return jen.Id("r").Dot("shapedBody").Call(dst, g.fakeLeaf(p.Type, true), jen.Lit(p.Required))
	case p.In == ir.InBody:
		return jen.Id("r").Dot("jsonBody").Call(dst, jen.Lit(p.Required))
	case p.In == ir.InFormData && p.Type.Kind == ir.KindStream:
		return jen.Id("r").Dot("file").Call(jen.Lit(p.Name), dst, jen.Lit(p.Required))
	}
	name, in := p.Name, string(p.In)
	if in == string(ir.InFormData) {
		in = "form"
	}
	if p.HeaderPrefix != "" {
		name = p.HeaderPrefix
	}
	method := "opt"
	if p.Required {
		method = "arg"
	}
	return jen.Id("r").Dot(method).Call(jen.Lit(in), jen.Lit(name), dst, jen.Lit(fakeFormat(p)))
}

// fakeFormat says how a parameter's text reads (see emit/static/fake's
// params.go): its collection format, and the encoding of its values.
func fakeFormat(p *ir.Parameter) string {
	var words []string
	if p.In == ir.InQuery && p.SkipURLEncoding {
		words = append(words, "raw")
	}
	if p.HeaderPrefix != "" {
		words = append(words, "prefix")
	}
	if p.Type.Kind == ir.KindArray && p.CollectionFormat != "" && p.CollectionFormat != "csv" {
		words = append(words, p.CollectionFormat)
	}
	if w := textFormat(leafOf(p.Type)); w != "" {
		words = append(words, w)
	}
	return strings.Join(words, " ")
}

// textFormat names the encoding of a value as text, "" for the default.
func textFormat(t *ir.Type) string {
	switch t.Kind {
	case ir.KindDate:
		return "date"
	case ir.KindDateTimeRFC1123:
		return "rfc1123"
	case ir.KindUnixTime:
		return "unixtime"
	case ir.KindBase64URL:
		return "base64url"
	}
	return ""
}

// fakeLeaf is the codec of a body whose innermost values encoding/json
// does not read or write as the spec has them (naming.Codec), nil for
// none. Writing a polymorphic value needs none: it writes itself.
func (g *gen) fakeLeaf(t *ir.Type, reading bool) jen.Code {
	switch c := g.names.Codec(t); c {
	case naming.CodecNone:
		return nil
	case naming.CodecFamily:
		if !reading {
			return nil
		}
		return jen.Id("family").Call(jen.Id(naming.FakeDecoder(g.iface(leafOf(t)))))
	default:
		return jen.Id(leafCodecs[c])
	}
}

// fakeStyle is how the fake follows a long-running operation, as the
// spec says the service does: a status monitor (Azure-AsyncOperation)
// when its final-state-via or its documented headers name one, Location
// when they name that, else the resource's own provisioningState for a
// PUT or PATCH, and Location for the others.
func (g *gen) fakeStyle(op *ir.Operation) string {
	if op.LongRunning == nil {
		return ""
	}
	var async, location bool
	for _, r := range op.Responses {
		for _, h := range r.Headers {
			switch strings.ToLower(h.Name) {
			case "azure-asyncoperation", "operation-location":
				async = true
			case "location":
				location = true
			}
		}
	}
	switch via := op.LongRunning.FinalStateVia; {
	case via == "azure-async-operation" || via == "operation-location" || async:
		return "async"
	case via == "location" || location:
		return "location"
	case op.Method == http.MethodPut || op.Method == http.MethodPatch:
		return "body"
	}
	return "location"
}

// fakeNextLink is the function that sets a page's next link, nil when
// the list comes in one page.
func (g *gen) fakeNextLink(og *opGen) jen.Code {
	_, nextProp := pagingProps(g.names.Model(og.names.Body.Ref), og.op.Pageable)
	if nextProp == nil {
		return jen.Nil()
	}
	field := jen.Id("p").Dot(g.names.Field(nextProp))
	value := jen.Id("linkOf").Call(jen.Id("link"))
	if !g.isPointerField(nextProp.Type) {
		value = jen.Id("link")
	}
	return jen.Func().Params(jen.Id("p").Op("*").Add(g.pkg(og.names.Response)), jen.Id("link").String()).Block(field.Op("=").Add(value))
}

// fakeEncode writes the function that makes an operation's result the
// service's answer: the status the spec documents for what the result
// holds, its body and its headers.
func (g *gen) fakeEncode(f *jen.File, og *opGen) {
	res := jen.Id("res")
	var body []jen.Code
	main, without := 0, 0
	for _, r := range og.names.Success {
		switch {
		case og.names.Own[r] != "":
		case r.Type != nil && og.names.Body != nil:
			if main == 0 {
				main = r.Status
			}
		case without == 0 && (og.op.Method != http.MethodHead || r.Status < 300):
			without = r.Status
		}
	}
	if main == 0 {
		main = without
	}
	if main == 0 {
		main = http.StatusOK
	}
	body = append(body, jen.Id("p").Op(":=").Id("newReply").Call(jen.Lit(main)))

	// The body the response embeds or holds in Value.
	var write []jen.Code
	if og.names.Body != nil {
		value := res.Clone().Dot("Value")
		if og.names.Embeds {
			value = res.Clone().Dot(g.names.Type(g.names.Model(og.names.Body.Ref)))
		}
		var set jen.Code
		switch {
		case og.names.Body.Kind == ir.KindStream:
			set = jen.Id("p").Dot("stream").Call(value, jen.Lit(firstNonEmpty(pickAccept(og.op.Produces, false), "application/octet-stream")))
		case g.fakeLeaf(og.names.Body, false) != nil:
			set = jen.Id("p").Dot("shaped").Call(value, g.fakeLeaf(og.names.Body, false))
		default:
			set = jen.Id("p").Dot("json").Call(value)
		}
		write = []jen.Code{set}
		if without != 0 && without != main {
			// A result without a body is the status documented without one.
			write = []jen.Code{jen.If(jen.Id("isZero").Call(value)).Block(
				jen.Id("p").Dot("status").Op("=").Lit(without),
			).Else().Block(set)}
		}
	}
	// Bodies of another schema, with their own statuses.
	if fields := og.names.OwnFields(); len(fields) > 0 {
		var cases []jen.Code
		for _, field := range fields {
			status := 0
			for _, r := range og.names.Success {
				if og.names.Own[r] == field && status == 0 {
					status = r.Status
				}
			}
			cases = append(cases, jen.Case(res.Clone().Dot(field).Op("!=").Nil()).Block(
				jen.Id("p").Dot("status").Op("=").Lit(status),
				jen.Id("p").Dot("json").Call(res.Clone().Dot(field)),
			))
		}
		if len(write) > 0 {
			cases = append(cases, jen.Default().Block(write...))
		}
		write = []jen.Code{jen.Switch().Block(cases...)}
	}
	body = append(body, write...)
	for _, h := range og.names.Headers {
		body = append(body, jen.Id("p").Dot("text").Call(jen.Lit(h.Name), res.Clone().Dot(g.names.HeaderField(h)), jen.Lit(textFormat(leafOf(h.Type)))))
	}
	if og.op.Method == http.MethodHead {
		for _, r := range og.names.Success {
			if r.Status == http.StatusNotFound {
				body = append(body, jen.If(jen.Op("!").Add(res.Clone().Dot("Success"))).Block(jen.Id("p").Dot("status").Op("=").Lit(http.StatusNotFound)))
			}
		}
	}
	body = append(body, jen.Return(jen.Id("p")))
	f.Add(g.doc(fakeEncoder(og) + " answers with a result of " + og.op.ID + " as the service does."))
	f.Func().Id(fakeEncoder(og)).Params(jen.Id("res").Add(g.pkg(og.names.Response))).Op("*").Id("reply").Block(body...)
	f.Line()
}
