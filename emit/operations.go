package emit

import (
	"encoding/json"
	"net/http"
	"slices"
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

// endpoint is the expression of a request's endpoint, with the statements
// that compute it: the client's, or, under x-ms-parameterized-host, the
// host template filled in from the parameters unless the caller set an
// Endpoint.
func (g *gen) endpoint(og *opGen) (stmts []jen.Code, expr jen.Code) {
	if g.api.HostTemplate == "" {
		return nil, og.client().Dot("endpoint")
	}
	// endpoint := c.client.endpoint; if endpoint == "" { endpoint = "https://" + account + c.client.host }
	var host *jen.Statement
	add := func(c jen.Code) {
		if host == nil {
			host = jen.Add(c)
		} else {
			host = host.Op("+").Add(c)
		}
	}
	if g.hostScheme() {
		add(og.client().Dot("scheme"))
		add(jen.Lit("://"))
	}
	for _, part := range g.api.HostParts {
		if part.Param == "" {
			add(jen.Lit(part.Text))
			continue
		}
		for _, p := range g.api.HostParams {
			if p.Name == part.Param {
				add(g.toString(p.Type, g.paramValue(og, p, true), ""))
			}
		}
	}
	stmts = []jen.Code{
		jen.Id("endpoint").Op(":=").Add(og.client().Dot("endpoint")),
		jen.If(jen.Id("endpoint").Op("==").Lit("")).Block(jen.Id("endpoint").Op("=").Add(host)),
	}
	return stmts, jen.Id("endpoint")
}

// requestBuilder writes New<Op>Request: it checks the arguments against the
// spec's constraints, then builds the URL, query, headers and body.
func (g *gen) requestBuilder(f *jen.File, og *opGen) {
	op := og.op
	var body []jen.Code
	if g.readsOptions(og) {
		body = append(body, noNilOptions(og))
	}

	// Checks first: nothing is built from an invalid argument. The spec's
	// constraints are checked when the caller asks (see paramCheck).
	var constraints []jen.Code
	for _, p := range op.Params {
		if p.APIVersion || p.Const != "" {
			continue
		}
		body = append(body, g.paramCheck(og, p, false)...)
		constraints = append(constraints, g.paramCheck(og, p, true)...)
	}
	if len(constraints) > 0 {
		body = append(body, jen.If(og.client().Dot("checkConstraints")).Block(constraints...))
	}

	// urlPath := "/subscriptions/" + url.PathEscape(c.client.subscriptionID) + …
	var pathExpr *jen.Statement
	appendPart := func(c jen.Code) {
		if pathExpr == nil {
			pathExpr = jen.Add(c)
		} else {
			pathExpr = pathExpr.Op("+").Add(c)
		}
	}
	for _, part := range op.PathParts.WithPrefix(g.api.BasePath) {
		p := op.Param(ir.InPath, part.Param)
		if part.Param == "" || p == nil {
			appendPart(jen.Lit(part.String()))
			continue
		}
		value := g.paramText(og, p)
		if !p.SkipURLEncoding {
			value = jen.Qual("net/url", "PathEscape").Call(value)
		}
		appendPart(value)
	}
	if pathExpr == nil {
		pathExpr = jen.Lit("")
	}
	body = append(body, jen.Id("urlPath").Op(":=").Add(pathExpr))

	// Query parameters, sorted by Encode; nil when there are none.
	query, hasQuery := jen.Nil(), false
	for _, p := range op.Params {
		if p.In != ir.InQuery || p.SkipURLEncoding {
			continue
		}
		if !hasQuery {
			body = append(body, jen.Id("query").Op(":=").Qual("net/url", "Values").Values())
			query, hasQuery = jen.Id("query"), true
		}
		body = append(body, g.setParam(og, p, func(v jen.Code) jen.Code {
			return jen.Id("query").Dot("Add").Call(jen.Lit(p.Name), v)
		})...)
	}

	// The body, if any.
	var bodyExpr jen.Code = jen.Nil()
	contentType := ""
	var contentTypeExpr jen.Code
	if form := g.formParams(op); len(form) > 0 {
		stmts, expr, ct, ctExpr := g.formBody(og, form)
		body = append(body, stmts...)
		bodyExpr, contentType, contentTypeExpr = expr, ct, ctExpr
	}
	if bp := op.Body(); bp != nil {
		contentType = pickContentType(op.Consumes)
		switch {
		case bp.Const != "":
			// A body the spec fixes (a single-value enum) is not an argument:
			// its JSON is the spec's.
			bodyExpr = jen.Qual("encoding/json", "RawMessage").Call(jen.Lit(bp.Const))
		case bp.Required && g.codecLeaf(bp.Type) == nil:
			bodyExpr = jen.Id(g.names.Param(bp).Arg)
		default:
			// var body any; if … { body = … }
			body = append(body, jen.Var().Id("body").Any())
			value := jen.Id(g.names.Param(bp).Arg)
			cond := jen.True()
			if !bp.Required {
				value = jen.Id("options").Dot(g.names.Param(bp).Field)
				cond = jen.Id("options").Dot(g.names.Param(bp).Field).Op("!=").Nil()
			}
			assign := jen.Id("body").Op("=").Add(value)
			if leaf := g.codecLeaf(bp.Type); leaf != nil {
				// Formats encoding/json does not write (date, unixtime…) go
				// through the same codec as model fields.
				assign = jen.List(jen.Id("body"), jen.Err()).Op("=").Id("encodeShaped").Call(jen.Op("&").Add(value), leaf)
			}
			stmts := []jen.Code{jen.Var().Err().Error(), assign}
			if g.codecLeaf(bp.Type) == nil {
				stmts = stmts[1:]
			} else {
				stmts = append(stmts, jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())))
			}
			body = append(body, jen.If(cond).Block(stmts...))
			bodyExpr = jen.Id("body")
		}
	}
	if contentTypeExpr == nil {
		contentTypeExpr = jen.Lit(contentType)
	}
	endpointStmts, endpoint := g.endpoint(og)
	body = append(body, endpointStmts...)
	body = append(body,
		jen.List(jen.Id("req"), jen.Err()).Op(":=").Id("newRequest").Call(jen.Id("ctx"), jen.Lit(op.Method),
			endpoint, jen.Id("urlPath"), query, bodyExpr, contentTypeExpr),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
	)
	if accept := pickAccept(op.Produces, og.names.Body != nil || op.Default != nil); accept != "" {
		body = append(body, jen.Id("req").Dot("Header").Dot("Set").Call(jen.Lit("Accept"), jen.Lit(accept)))
	}
	for _, p := range op.Params {
		if p.In != ir.InQuery || !p.SkipURLEncoding {
			continue
		}
		// x-ms-skip-url-encoding: the value is sent as it is, after the
		// encoded ones.
		body = append(body, g.setParam(og, p, func(v jen.Code) jen.Code {
			return jen.Id("appendRawQuery").Call(jen.Id("req").Dot("URL"), jen.Lit(p.Name), v)
		})...)
	}
	body = append(body, g.setHeaders(og)...)
	body = append(body, jen.Return(jen.Id("req"), jen.Nil()))

	f.Add(g.doc(og.names.Request + " builds the " + op.Method + " request of " + op.ID + ", after checking the arguments."))
	f.Func().Params(og.recv).Id(og.names.Request).Params(g.argList(og)...).Params(jen.Op("*").Qual("net/http", "Request"), jen.Error()).Block(body...)
	f.Line()
}

// readsOptions reports whether the code of an operation reads its options
// struct: when it has optional parameters in one of the places given, or
// in any place without.
func (g *gen) readsOptions(og *opGen, in ...ir.Location) bool {
	return slices.ContainsFunc(og.names.Optional, func(p *ir.Parameter) bool { return len(in) == 0 || slices.Contains(in, p.In) })
}

// noNilOptions makes nil options an empty struct, before code that reads it.
func noNilOptions(og *opGen) jen.Code {
	return jen.If(jen.Id("options").Op("==").Nil()).Block(jen.Id("options").Op("=").Op("&").Id(og.names.Options).Values())
}

// setHeaders writes the statements that set the operation's header
// parameters on req.
func (g *gen) setHeaders(og *opGen) []jen.Code {
	var stmts []jen.Code
	for _, p := range og.op.Params {
		if p.In != ir.InHeader {
			continue
		}
		stmts = append(stmts, g.setParam(og, p, func(v jen.Code) jen.Code {
			return jen.Id("req").Dot("Header").Dot("Set").Call(jen.Lit(p.Name), v)
		})...)
	}
	return stmts
}

// formParams are an operation's formData parameters, in spec order.
func (g *gen) formParams(op *ir.Operation) []*ir.Parameter {
	var out []*ir.Parameter
	for _, p := range op.Params {
		if p.In == ir.InFormData {
			out = append(out, p)
		}
	}
	return out
}

// multipartForm reports whether an operation sends its form parameters as
// multipart/form-data: when it consumes that, or uploads a file.
func (g *gen) multipartForm(op *ir.Operation) bool {
	form := g.formParams(op)
	if len(form) == 0 {
		return false
	}
	multipart := slices.Contains(op.Consumes, "multipart/form-data")
	for _, p := range form {
		multipart = multipart || p.Type.Kind == ir.KindStream
	}
	return multipart
}

// formBody writes the statements that build a form body: multipart when
// the operation consumes multipart/form-data or uploads a file, else
// application/x-www-form-urlencoded. It returns them with the body
// expression and its content type, as a literal or, for multipart (whose
// boundary is chosen at run time), an expression.
func (g *gen) formBody(og *opGen, form []*ir.Parameter) (stmts []jen.Code, bodyExpr jen.Code, contentType string, contentTypeExpr jen.Code) {
	if !g.multipartForm(og.op) {
		// form := url.Values{}; form.Add("name", value)…
		stmts = append(stmts, jen.Id("form").Op(":=").Qual("net/url", "Values").Values())
		for _, p := range form {
			stmts = append(stmts, g.setParam(og, p, func(v jen.Code) jen.Code {
				return jen.Id("form").Dot("Add").Call(jen.Lit(p.Name), v)
			})...)
		}
		return stmts, jen.Qual("strings", "NewReader").Call(jen.Id("form").Dot("Encode").Call()), "application/x-www-form-urlencoded", nil
	}
	// form := newMultipartForm(); form.field(…); form.file(…)
	// body, contentType, err := form.close()
	stmts = append(stmts, jen.Id("form").Op(":=").Id("newMultipartForm").Call())
	for _, p := range form {
		if p.Type.Kind != ir.KindStream {
			stmts = append(stmts, g.setParam(og, p, func(v jen.Code) jen.Code {
				return jen.Id("form").Dot("field").Call(jen.Lit(p.Name), v)
			})...)
			continue
		}
		add := jen.Id("form").Dot("file").Call(jen.Lit(p.Name), g.paramValue(og, p, false))
		if set := g.isSet(og, p); set != nil {
			add = jen.If(set).Block(add)
		}
		stmts = append(stmts, add)
	}
	stmts = append(stmts,
		jen.List(jen.Id("body"), jen.Id("contentType"), jen.Err()).Op(":=").Id("form").Dot("close").Call(),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
	)
	return stmts, jen.Id("body"), "", jen.Id("contentType")
}

// pickContentType prefers JSON among the types an operation consumes.
func pickContentType(consumes []string) string {
	for _, c := range consumes {
		if strings.Contains(c, "json") {
			return c
		}
	}
	if len(consumes) > 0 {
		return consumes[0]
	}
	return "application/json"
}

// pickAccept prefers JSON among the types an operation produces.
func pickAccept(produces []string, hasBody bool) string {
	for _, p := range produces {
		if strings.Contains(p, "json") {
			return p
		}
	}
	if len(produces) > 0 {
		return strings.Join(produces, ", ")
	}
	if hasBody {
		return "application/json"
	}
	return ""
}

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
	case p.Required || p.APIVersion || p.Const != "" || p.Client:
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
