package emit

import (
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/armgen/armgen/emit/gocode"

	"github.com/armgen/armgen/emit/naming"
	"github.com/armgen/armgen/ir"
)

// groupFile writes one operation group's client and its operations.
func (g *gen) groupFile(w *goSrc, grp *naming.Group) {
	w.doc("// " + grp.Type + " calls the " + grp.Name + " operations. Get one from " + g.names.Fixed("Client") + "." + grp.Accessor + ".")
	w.structType(grp.Type, []spec{{cells: []string{"client", "*" + g.names.Fixed("Client")}}})
	g.operationsOf(w, grp)
}

// operationsOf writes the operations of a group, in IR order.
func (g *gen) operationsOf(w *goSrc, grp *naming.Group) {
	for _, op := range g.byGroup[grp] {
		g.at(w.name, op.Pointer)
		g.operation(w, g.newOpGen(op, g.names.Op(op)))
	}
}

// opGen is what the generators of one operation share.
type opGen struct {
	op    *ir.Operation
	names *naming.Op
	// recv is the method receiver; client reaches the *Client from it.
	recv   gocode.Code
	client func() *gocode.Statement
	// required are the parameters callers pass as arguments, optional
	// those in the options struct.
	required, optional []*ir.Parameter
	// success are the responses that are not errors; body is the Go type
	// of their (first) body, nil when none has one.
	success []*ir.Response
	body    *ir.Type
	// own holds the success responses whose body has another schema
	// than body's, by the response field that holds it.
	own map[*ir.Response]string
	// headers of all success responses, by wire name, first wins.
	headers []*ir.Header
}

func (g *gen) newOpGen(op *ir.Operation, o *naming.Op) *opGen {
	og := &opGen{op: op, names: o}
	if o.Group.Accessor == "" {
		og.recv = gocode.Id("c").Op("*").Id(g.names.Fixed("Client"))
		og.client = func() *gocode.Statement { return gocode.Id("c") }
	} else {
		og.recv = gocode.Id("c").Id(o.Group.Type)
		og.client = func() *gocode.Statement { return gocode.Id("c").Dot("client") }
	}
	for _, p := range op.Params {
		switch {
		case p.Client || p.APIVersion || p.Const != "":
		case p.Required:
			og.required = append(og.required, p)
		default:
			og.optional = append(og.optional, p)
		}
	}
	for _, r := range op.Responses {
		if r.Error {
			continue
		}
		og.success = append(og.success, r)
		switch {
		case r.Type != nil && og.body == nil:
			og.body = r.Type
		case r.Type == nil || r.Type.Equal(og.body):
		case g.names.BodyField(r) != "" && r.Type.Kind != ir.KindStream && g.codeLeaf(r.Type) == nil && g.iface(r.Type) == "" &&
			og.body.Kind != ir.KindStream:
			// A body of another schema has a field of its own.
			if og.own == nil {
				og.own = map[*ir.Response]string{}
			}
			og.own[r] = g.names.BodyField(r)
		default:
			g.warn(r.Pointer, "the %d response's schema differs from the other success responses'; armgen decodes it into the first one's type", r.Status)
		}
		for _, h := range r.Headers {
			if !slices.ContainsFunc(og.headers, func(x *ir.Header) bool { return strings.EqualFold(x.Name, h.Name) }) {
				og.headers = append(og.headers, h)
			}
		}
	}
	return og
}

// operation writes the options and response types, the request builder,
// the response parser and the method that does both.
func (g *gen) operation(w *goSrc, og *opGen) {
	g.optionsType(w, og)
	g.responseType(w, og)
	g.requestBuilder(w, og)
	g.responseParser(w, og)
	switch {
	case og.op.LongRunning != nil:
		g.pollerMethods(w, og)
		if og.op.Pageable != nil {
			if og.names.NextRequest != "" {
				g.nextRequestBuilder(w, og)
			}
			g.pagerMethod(w, og)
		}
	case og.op.Pageable != nil:
		if og.names.NextRequest != "" {
			g.nextRequestBuilder(w, og)
		}
		g.pagerMethod(w, og)
	default:
		g.sendMethod(w, og)
	}
}

// argList is ctx, the required parameters and options, as declared.
func (g *gen) argList(og *opGen) []gocode.Code {
	args := []gocode.Code{gocode.Id("ctx").Qual("context", "Context")}
	for _, p := range og.required {
		args = append(args, gocode.Id(g.names.Param(p).Arg).Add(g.argType(p)))
	}
	return append(args, gocode.Id("options").Op("*").Id(og.names.Options))
}

// callArgs passes the arguments of argList on.
func (g *gen) callArgs(og *opGen) []gocode.Code {
	args := []gocode.Code{gocode.Id("ctx")}
	for _, p := range og.required {
		args = append(args, gocode.Id(g.names.Param(p).Arg))
	}
	return append(args, gocode.Id("options"))
}

// argType is the Go type of a required argument.
func (g *gen) argType(p *ir.Parameter) gocode.Code { return codeType(g.names.ArgType(p.Type)) }

// optionsType writes <Group><Op>Options, the optional parameters.
func (g *gen) optionsType(w *goSrc, og *opGen) {
	var fields []spec
	for _, p := range og.optional {
		fields = append(fields, spec{doc: paramDoc(p), cells: []string{g.names.Param(p).Field, w.typ(g.names.OptionType(p.Type))}})
	}
	text := og.names.Options + " holds the optional parameters of " + og.op.ID + "; nil means none."
	if len(fields) == 0 {
		text = og.names.Options + " is reserved for optional parameters of " + og.op.ID + " that a later api-version may add; pass nil."
	}
	w.docText(text)
	w.structType(og.names.Options, fields)
}

func paramDoc(p *ir.Parameter) []string {
	text := p.Description
	if p.Default != "" {
		text += "\nThe service's default: " + p.Default + "."
	}
	return commentLines(text)
}

// responseType writes <Group><Op>Response: the decoded body (a model
// embedded, so its fields read directly; any other type as Value) and the
// documented response headers.
func (g *gen) responseType(w *goSrc, og *opGen) {
	var fields []spec
	if og.body != nil {
		if og.body.Kind == ir.KindModel && g.iface(og.body) == "" {
			fields = append(fields, spec{cells: []string{g.names.Type(g.names.Model(og.body.Ref))}})
		} else {
			fields = append(fields, spec{doc: []string{"// Value is the response body."}, cells: []string{"Value", w.typ(g.names.ValueType(og.body))}})
		}
	}
	for _, field := range ownFields(og) {
		var statuses []string
		var typ *ir.Type
		for _, r := range og.success {
			if og.own[r] == field {
				statuses, typ = append(statuses, strconv.Itoa(r.Status)), r.Type
			}
		}
		fields = append(fields, spec{doc: commentLines(field + " is the body of a " + strings.Join(statuses, " or ") + " response, nil after another status."),
			cells: []string{field, w.typ(g.names.FieldType(typ))}})
	}
	for _, h := range og.headers {
		fields = append(fields, spec{doc: commentLines(firstNonEmpty(h.Description, "The "+h.Name+" header.")),
			cells: []string{g.names.HeaderField(h), w.typ(g.names.FieldType(h.Type))}})
	}
	if og.op.Method == http.MethodHead {
		fields = append(fields, spec{doc: []string{"// Success is true for a 2xx status and false for a documented 404."}, cells: []string{"Success", "bool"}})
	}
	w.doc("// " + og.names.Response + " is what " + og.op.ID + " returns.")
	w.structType(og.names.Response, fields)
}

// endpoint is the expression of a request's endpoint, with the statements
// that compute it: the client's, or, under x-ms-parameterized-host, the
// host template filled in from the parameters unless the caller set an
// Endpoint.
func (g *gen) endpoint(og *opGen) (stmts []gocode.Code, expr gocode.Code) {
	if g.api.HostTemplate == "" {
		return nil, og.client().Dot("endpoint")
	}
	// endpoint := c.client.endpoint; if endpoint == "" { endpoint = "https://" + account + c.client.host }
	var host *gocode.Statement
	add := func(c gocode.Code) {
		if host == nil {
			host = gocode.Add(c)
		} else {
			host = host.Op("+").Add(c)
		}
	}
	if g.hostScheme() {
		add(og.client().Dot("scheme"))
		add(gocode.Lit("://"))
	}
	last := 0
	t := g.api.HostTemplate
	for _, m := range templatePart.FindAllStringSubmatchIndex(t, -1) {
		if m[0] > last {
			add(gocode.Lit(t[last:m[0]]))
		}
		name := t[m[2]:m[3]]
		for _, p := range g.api.HostParams {
			if p.Name == name {
				add(g.toString(p.Type, g.paramValue(og, p, true), ""))
			}
		}
		last = m[1]
	}
	if last < len(t) {
		add(gocode.Lit(t[last:]))
	}
	stmts = []gocode.Code{
		gocode.Id("endpoint").Op(":=").Add(og.client().Dot("endpoint")),
		gocode.If(gocode.Id("endpoint").Op("==").Lit("")).Block(gocode.Id("endpoint").Op("=").Add(host)),
	}
	return stmts, gocode.Id("endpoint")
}

// templatePart matches {name} in a path template.
var templatePart = regexp.MustCompile(`\{([^{}]+)\}`)

// requestBuilder writes New<Op>Request: it checks the arguments against the
// spec's constraints, then builds the URL, query, headers and body.
func (g *gen) requestBuilder(w *goSrc, og *opGen) {
	op := og.op
	var body []gocode.Code
	body = append(body, gocode.If(gocode.Id("options").Op("==").Nil()).Block(
		gocode.Id("options").Op("=").Op("&").Id(og.names.Options).Values()))

	// Checks first: nothing is built from an invalid argument. The spec's
	// constraints are checked when the caller asks (see paramCheck).
	var constraints []gocode.Code
	for _, p := range op.Params {
		if p.APIVersion || p.Const != "" {
			continue
		}
		if check := g.paramCheck(og, p, false); check != nil {
			body = append(body, check)
		}
		if check := g.paramCheck(og, p, true); check != nil {
			constraints = append(constraints, check)
		}
	}
	if len(constraints) > 0 {
		body = append(body, gocode.If(og.client().Dot("checkConstraints")).Block(constraints...))
	}

	// urlPath := "/subscriptions/" + url.PathEscape(c.client.subscriptionID) + …
	var pathExpr *gocode.Statement
	appendPart := func(c gocode.Code) {
		if pathExpr == nil {
			pathExpr = gocode.Add(c)
		} else {
			pathExpr = pathExpr.Op("+").Add(c)
		}
	}
	template := g.api.BasePath + op.Path
	last := 0
	for _, m := range templatePart.FindAllStringSubmatchIndex(template, -1) {
		if m[0] > last {
			appendPart(gocode.Lit(template[last:m[0]]))
		}
		name := template[m[2]:m[3]]
		p := op.Param(ir.InPath, name)
		if p == nil {
			appendPart(gocode.Lit(template[m[0]:m[1]]))
		} else {
			value := g.paramText(og, p)
			if !p.SkipURLEncoding {
				value = gocode.Qual("net/url", "PathEscape").Call(value)
			}
			appendPart(value)
		}
		last = m[1]
	}
	if last < len(template) {
		appendPart(gocode.Lit(template[last:]))
	}
	body = append(body, gocode.Id("urlPath").Op(":=").Add(pathExpr))

	// Query parameters, sorted by Encode.
	body = append(body, gocode.Id("query").Op(":=").Qual("net/url", "Values").Values())
	for _, p := range op.Params {
		if p.In != ir.InQuery || p.SkipURLEncoding {
			continue
		}
		body = append(body, g.setParam(og, p, func(v gocode.Code) gocode.Code {
			return gocode.Id("query").Dot("Add").Call(gocode.Lit(p.Name), v)
		})...)
	}

	// The body, if any.
	var bodyExpr gocode.Code = gocode.Nil()
	contentType := ""
	var contentTypeExpr gocode.Code
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
			bodyExpr = gocode.Qual("encoding/json", "RawMessage").Call(gocode.Lit(bp.Const))
		case bp.Required && g.codeLeaf(bp.Type) == nil:
			bodyExpr = gocode.Id(g.names.Param(bp).Arg)
		default:
			// var body any; if … { body = … }
			body = append(body, gocode.Var().Id("body").Any())
			value := gocode.Id(g.names.Param(bp).Arg)
			cond := gocode.True()
			if !bp.Required {
				value = gocode.Id("options").Dot(g.names.Param(bp).Field)
				cond = gocode.Id("options").Dot(g.names.Param(bp).Field).Op("!=").Nil()
			}
			assign := gocode.Id("body").Op("=").Add(value)
			if leaf := g.codeLeaf(bp.Type); leaf != nil {
				// Formats encoding/json does not write (date, unixtime…) go
				// through the same codec as model fields.
				assign = gocode.List(gocode.Id("body"), gocode.Err()).Op("=").Id("encodeShaped").Call(gocode.Op("&").Add(value), leaf)
			}
			stmts := []gocode.Code{gocode.Var().Err().Error(), assign}
			if g.codeLeaf(bp.Type) == nil {
				stmts = stmts[1:]
			} else {
				stmts = append(stmts, gocode.If(gocode.Err().Op("!=").Nil()).Block(gocode.Return(gocode.Nil(), gocode.Err())))
			}
			body = append(body, gocode.If(cond).Block(stmts...))
			bodyExpr = gocode.Id("body")
		}
	}
	if contentTypeExpr == nil {
		contentTypeExpr = gocode.Lit(contentType)
	}
	endpointStmts, endpoint := g.endpoint(og)
	body = append(body, endpointStmts...)
	body = append(body,
		gocode.List(gocode.Id("req"), gocode.Err()).Op(":=").Id("newRequest").Call(gocode.Id("ctx"), gocode.Lit(op.Method),
			endpoint, gocode.Id("urlPath"), gocode.Id("query"), bodyExpr, contentTypeExpr),
		gocode.If(gocode.Err().Op("!=").Nil()).Block(gocode.Return(gocode.Nil(), gocode.Err())),
	)
	if accept := pickAccept(op.Produces, og.body != nil || op.Default != nil); accept != "" {
		body = append(body, gocode.Id("req").Dot("Header").Dot("Set").Call(gocode.Lit("Accept"), gocode.Lit(accept)))
	}
	for _, p := range op.Params {
		if p.In != ir.InQuery || !p.SkipURLEncoding {
			continue
		}
		// x-ms-skip-url-encoding: the value is sent as it is, after the
		// encoded ones.
		body = append(body, g.setParam(og, p, func(v gocode.Code) gocode.Code {
			return gocode.Id("appendRawQuery").Call(gocode.Id("req").Dot("URL"), gocode.Lit(p.Name), v)
		})...)
	}
	body = append(body, g.setHeaders(og)...)
	body = append(body, gocode.Return(gocode.Id("req"), gocode.Nil()))

	text := og.names.Request + " builds the " + op.Method + " request of " + op.ID + ", after checking the arguments."
	w.docText(text)
	w.decl(gocode.Func().Params(og.recv).Id(og.names.Request).Params(g.argList(og)...).Params(gocode.Op("*").Qual("net/http", "Request"), gocode.Error()).Block(body...))
}

// setHeaders writes the statements that set the operation's header
// parameters on req.
func (g *gen) setHeaders(og *opGen) []gocode.Code {
	var stmts []gocode.Code
	for _, p := range og.op.Params {
		if p.In != ir.InHeader {
			continue
		}
		stmts = append(stmts, g.setParam(og, p, func(v gocode.Code) gocode.Code {
			return gocode.Id("req").Dot("Header").Dot("Set").Call(gocode.Lit(p.Name), v)
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
func (g *gen) formBody(og *opGen, form []*ir.Parameter) (stmts []gocode.Code, bodyExpr gocode.Code, contentType string, contentTypeExpr gocode.Code) {
	if !g.multipartForm(og.op) {
		// form := url.Values{}; form.Add("name", value)…
		stmts = append(stmts, gocode.Id("form").Op(":=").Qual("net/url", "Values").Values())
		for _, p := range form {
			stmts = append(stmts, g.setParam(og, p, func(v gocode.Code) gocode.Code {
				return gocode.Id("form").Dot("Add").Call(gocode.Lit(p.Name), v)
			})...)
		}
		return stmts, gocode.Qual("strings", "NewReader").Call(gocode.Id("form").Dot("Encode").Call()), "application/x-www-form-urlencoded", nil
	}
	// form := newMultipartForm(); form.field(…); form.file(…)
	// body, contentType, err := form.close()
	stmts = append(stmts, gocode.Id("form").Op(":=").Id("newMultipartForm").Call())
	for _, p := range form {
		if p.Type.Kind != ir.KindStream {
			stmts = append(stmts, g.setParam(og, p, func(v gocode.Code) gocode.Code {
				return gocode.Id("form").Dot("field").Call(gocode.Lit(p.Name), v)
			})...)
			continue
		}
		add := gocode.Id("form").Dot("file").Call(gocode.Lit(p.Name), g.paramValue(og, p, false))
		if set := g.isSet(og, p); set != nil {
			add = gocode.If(set).Block(add)
		}
		stmts = append(stmts, add)
	}
	stmts = append(stmts,
		gocode.List(gocode.Id("body"), gocode.Id("contentType"), gocode.Err()).Op(":=").Id("form").Dot("close").Call(),
		gocode.If(gocode.Err().Op("!=").Nil()).Block(gocode.Return(gocode.Nil(), gocode.Err())),
	)
	return stmts, gocode.Id("body"), "", gocode.Id("contentType")
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
func (g *gen) paramValue(og *opGen, p *ir.Parameter, deref bool) *gocode.Statement {
	names := g.names.Param(p)
	switch {
	case p.APIVersion:
		return gocode.Id(g.names.Fixed("APIVersion"))
	case p.Client:
		v := og.client().Dot(names.Arg)
		if deref && g.unsetClientParam(p) && isPointerField(g, p.Type) {
			return gocode.Op("*").Add(v)
		}
		return v
	case p.Required:
		return gocode.Id(names.Arg)
	}
	v := gocode.Id("options").Dot(names.Field)
	if deref && isPointerField(g, p.Type) {
		return gocode.Op("*").Add(v)
	}
	return v
}

// paramText is the Go expression of a path, query or header parameter's
// value as text, in the spec's format. A constant is written as the spec
// writes it: a string's text, a number's or boolean's JSON.
func (g *gen) paramText(og *opGen, p *ir.Parameter) gocode.Code {
	if p.Const != "" {
		return gocode.Lit(constText(p.Const))
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
func (g *gen) setParam(og *opGen, p *ir.Parameter, add func(v gocode.Code) gocode.Code) []gocode.Code {
	var stmts []gocode.Code
	if p.Type.Kind == ir.KindArray && p.CollectionFormat == "multi" {
		// for _, v := range values { query.Add(name, format(v)) }
		stmts = []gocode.Code{gocode.For(gocode.List(gocode.Id("_"), gocode.Id("v")).Op(":=").Range().Add(g.paramValue(og, p, true))).Block(
			add(g.toString(derefElem(p.Type.Elem), elemDeref(p.Type.Elem), "")),
		)}
	} else if p.Type.Kind == ir.KindMap && p.HeaderPrefix != "" {
		stmts = []gocode.Code{gocode.For(gocode.List(gocode.Id("k"), gocode.Id("v")).Op(":=").Range().Add(g.paramValue(og, p, true))).Block(
			gocode.Id("req").Dot("Header").Dot("Set").Call(gocode.Lit(p.HeaderPrefix).Op("+").Id("k"), g.toString(p.Type.Elem, gocode.Id("v"), "")),
		)}
	} else {
		stmts = []gocode.Code{add(g.paramText(og, p))}
	}
	if set := g.isSet(og, p); set != nil {
		return []gocode.Code{gocode.If(set).Block(stmts...)}
	}
	return stmts
}

// isSet is the condition under which an optional parameter is sent (set
// in the options, or in the client), or nil for one always sent.
func (g *gen) isSet(og *opGen, p *ir.Parameter) gocode.Code {
	switch {
	case g.unsetClientParam(p):
		return og.client().Dot(g.names.Param(p).Arg).Op("!=").Nil()
	case p.Required || p.APIVersion || p.Const != "" || p.Client:
		return nil
	}
	return gocode.Id("options").Dot(g.names.Param(p).Field).Op("!=").Nil()
}

// toString writes a value as URL or header text, in the spec's format.
func (g *gen) toString(t *ir.Type, v gocode.Code, collectionFormat string) gocode.Code {
	switch t.Kind {
	case ir.KindString, ir.KindDuration, ir.KindTime:
		return v
	case ir.KindEnum:
		e := g.names.Enum(t.Ref)
		return g.toString(&ir.Type{Kind: e.Base}, gocode.Add(g.codeValueType(&ir.Type{Kind: e.Base})).Call(v), "")
	case ir.KindBool:
		return gocode.Qual("strconv", "FormatBool").Call(v)
	case ir.KindInt32:
		return gocode.Qual("strconv", "FormatInt").Call(gocode.Int64().Call(v), gocode.Lit(10))
	case ir.KindInt64:
		return gocode.Qual("strconv", "FormatInt").Call(v, gocode.Lit(10))
	case ir.KindFloat32:
		return gocode.Qual("strconv", "FormatFloat").Call(gocode.Float64().Call(v), gocode.LitByte('g'), gocode.Lit(-1), gocode.Lit(32))
	case ir.KindFloat64:
		return gocode.Qual("strconv", "FormatFloat").Call(v, gocode.LitByte('g'), gocode.Lit(-1), gocode.Lit(64))
	case ir.KindBytes:
		return gocode.Qual("encoding/base64", "StdEncoding").Dot("EncodeToString").Call(v)
	case ir.KindBase64URL:
		return gocode.Id("formatBase64URL").Call(v)
	case ir.KindDateTime:
		return gocode.Id("formatDateTime").Call(v)
	case ir.KindDate:
		return gocode.Id("formatDate").Call(v)
	case ir.KindDateTimeRFC1123:
		return gocode.Id("formatRFC1123").Call(v)
	case ir.KindUnixTime:
		return gocode.Id("formatUnixTime").Call(v)
	case ir.KindArray:
		// joinValues(values, ",", func(v T) string { return format(v) })
		sep := map[string]string{"ssv": " ", "tsv": "\t", "pipes": "|"}[collectionFormat]
		if sep == "" {
			sep = ","
		}
		return gocode.Id("joinValues").Call(v, gocode.Lit(sep), gocode.Func().Params(gocode.Id("v").Add(g.codeElemType(t.Elem, false))).String().Block(
			gocode.Return(g.toString(derefElem(t.Elem), elemDeref(t.Elem), "")),
		))
	}
	return gocode.Qual("fmt", "Sprint").Call(v)
}

// derefElem and elemDeref let toString read nullable (pointer) elements.
func derefElem(t *ir.Type) *ir.Type { c := *t; c.Nullable = false; return &c }

func elemDeref(t *ir.Type) gocode.Code {
	if t.Nullable {
		return gocode.Id("deref").Call(gocode.Id("v"))
	}
	return gocode.Id("v")
}

// responseParser writes Parse<Op>Response: the documented success statuses
// decode into the response type, anything else becomes the typed error.
func (g *gen) responseParser(w *goSrc, og *opGen) {
	op := og.op
	result := og.names.Response
	var cases []gocode.Code
	target := gocode.Op("&").Id("result").Dot("Value")
	if og.body != nil && og.body.Kind == ir.KindModel && g.iface(og.body) == "" {
		target = gocode.Op("&").Id("result").Dot(g.names.Type(g.names.Model(og.body.Ref)))
	}
	var decode []gocode.Code
	switch {
	case og.body == nil:
	case og.body.Kind == ir.KindStream:
		// The caller reads and closes the body.
		decode = []gocode.Code{gocode.Id("result").Dot("Value").Op("=").Id("resp").Dot("Body")}
	case g.codeLeaf(og.body) != nil:
		decode = []gocode.Code{gocode.If(gocode.Err().Op(":=").Id("decodeShaped").Call(gocode.Id("resp"), target, g.codeLeaf(og.body)), gocode.Err().Op("!=").Nil()).Block(
			gocode.Return(gocode.Id("result"), gocode.Err()))}
	default:
		decode = []gocode.Code{gocode.If(gocode.Err().Op(":=").Id("decodeJSON").Call(gocode.Id("resp"), target), gocode.Err().Op("!=").Nil()).Block(
			gocode.Return(gocode.Id("result"), gocode.Err()))}
	}
	// Statuses documented with a body decode it; those without (202
	// Accepted, 204 No Content…) leave the result empty.
	var withBody, without []gocode.Code
	for _, r := range og.success {
		switch {
		case og.own[r] != "":
		case r.Type != nil && og.body != nil:
			withBody = append(withBody, gocode.Lit(r.Status))
		default:
			without = append(without, gocode.Lit(r.Status))
		}
	}
	var head []gocode.Code
	if op.Method == http.MethodHead {
		head = []gocode.Code{gocode.Id("result").Dot("Success").Op("=").Id("resp").Dot("StatusCode").Op("<").Lit(300)}
	}
	if len(withBody) > 0 {
		cases = append(cases, gocode.Case(withBody...).Block(append(decode, head...)...))
	}
	// Bodies of another schema go to their own field.
	for _, field := range ownFields(og) {
		var statuses []gocode.Code
		for _, r := range og.success {
			if og.own[r] == field {
				statuses = append(statuses, gocode.Lit(r.Status))
			}
		}
		cases = append(cases, gocode.Case(statuses...).Block(gocode.If(gocode.Err().Op(":=").Id("decodeJSON").Call(gocode.Id("resp"),
			gocode.Op("&").Id("result").Dot(field)), gocode.Err().Op("!=").Nil()).Block(gocode.Return(gocode.Id("result"), gocode.Err()))))
	}
	if len(without) > 0 {
		cases = append(cases, gocode.Case(without...).Block(append([]gocode.Code{gocode.Id("drain").Call(gocode.Id("resp"))}, head...)...))
	}
	for _, r := range op.Responses {
		if r.Error {
			cases = append(cases, gocode.Case(gocode.Lit(r.Status)).Block(gocode.Return(gocode.Id("result"), g.errorFor(r))))
		}
	}
	cases = append(cases, gocode.Default().Block(gocode.Return(gocode.Id("result"), g.errorFor(op.Default))))

	body := []gocode.Code{gocode.Var().Id("result").Id(result)}
	switch {
	case len(og.success) > 0:
		body = append(body, gocode.Switch(gocode.Id("resp").Dot("StatusCode")).Block(cases...))
		for _, h := range og.headers {
			body = append(body, g.readHeader(h)...)
		}
		body = append(body, gocode.Return(gocode.Id("result"), gocode.Nil()))
	case len(cases) > 1:
		// Every status is an error: the switch is the end, or vet finds
		// the code after it unreachable.
		body = append(body, gocode.Switch(gocode.Id("resp").Dot("StatusCode")).Block(cases...))
	default:
		body = append(body, gocode.Return(gocode.Id("result"), g.errorFor(op.Default)))
	}
	w.docText(og.names.Parse + " reads the response to a " + og.names.Request + " request and closes its body (a stream body excepted). " +
		"A status the spec does not list as a success is returned as *" + g.names.Fixed("ResponseError") + ".")
	w.decl(gocode.Func().Params(og.recv).Id(og.names.Parse).Params(gocode.Id("resp").Op("*").Qual("net/http", "Response")).Params(gocode.Id(result), gocode.Error()).Block(body...))
}

// readHeader writes the statements that copy a response header into the
// result, in the header's format.
func (g *gen) readHeader(h *ir.Header) []gocode.Code {
	field := gocode.Id("result").Dot(g.names.HeaderField(h))
	get := gocode.Id("resp").Dot("Header").Dot("Get").Call(gocode.Lit(h.Name))
	var parse gocode.Code
	switch h.Type.Kind {
	case ir.KindString, ir.KindDuration, ir.KindTime:
		return []gocode.Code{gocode.If(gocode.Id("v").Op(":=").Add(get), gocode.Id("v").Op("!=").Lit("")).Block(field.Op("=").Op("&").Id("v"))}
	case ir.KindEnum:
		e := g.names.Enum(h.Type.Ref)
		if e.Base != ir.KindString {
			parse = gocode.Id("parseHeader").Call(gocode.Id("v"), gocode.Id(g.names.Type(e)).Call(gocode.Lit(0)))
			break
		}
		return []gocode.Code{gocode.If(gocode.Id("v").Op(":=").Add(get), gocode.Id("v").Op("!=").Lit("")).Block(
			field.Op("=").Id(g.names.Fixed("Ptr")).Call(gocode.Id(g.names.Type(e)).Call(gocode.Id("v"))))}
	case ir.KindBool:
		parse = gocode.Id("parseHeader").Call(gocode.Id("v"), gocode.False())
	case ir.KindInt32:
		parse = gocode.Id("parseHeader").Call(gocode.Id("v"), gocode.Int32().Call(gocode.Lit(0)))
	case ir.KindInt64:
		parse = gocode.Id("parseHeader").Call(gocode.Id("v"), gocode.Int64().Call(gocode.Lit(0)))
	case ir.KindFloat32:
		parse = gocode.Id("parseHeader").Call(gocode.Id("v"), gocode.Float32().Call(gocode.Lit(0)))
	case ir.KindFloat64:
		parse = gocode.Id("parseHeader").Call(gocode.Id("v"), gocode.Float64().Call(gocode.Lit(0)))
	case ir.KindDateTime, ir.KindDate, ir.KindDateTimeRFC1123, ir.KindUnixTime:
		parse = gocode.Id("parseTimeHeader").Call(gocode.Id("v"), g.codeLeaf(h.Type))
	case ir.KindBytes:
		parse = gocode.Id("parseBytesHeader").Call(gocode.Id("v"))
	default:
		return nil
	}
	// if v := resp.Header.Get("…"); v != "" { if x, ok := parse(v); ok { result.F = &x } }
	value := gocode.Op("&").Id("x")
	if !isPointerField(g, h.Type) {
		value = gocode.Id("x") // []byte
	}
	return []gocode.Code{gocode.If(gocode.Id("v").Op(":=").Add(get), gocode.Id("v").Op("!=").Lit("")).Block(
		gocode.If(gocode.List(gocode.Id("x"), gocode.Id("ok")).Op(":=").Add(parse), gocode.Id("ok")).Block(field.Op("=").Add(value)),
	)}
}

// opDoc documents the method that calls an operation, from the spec.
func opDoc(name string, op *ir.Operation, fallback string) []string {
	docs := commentLines(docText(name, firstNonEmpty(op.Description, op.Summary)))
	if len(docs) == 0 {
		docs = commentLines(fallback)
	}
	if op.Deprecated {
		docs = append(docs, "//", "// Deprecated: the spec marks this operation deprecated.")
	}
	return docs
}

// sendMethod writes <Op>: build, send through the client's Doer, parse.
func (g *gen) sendMethod(w *goSrc, og *opGen) {
	op := og.op
	w.doc(opDoc(og.names.Method, op, og.names.Method+" calls "+op.ID+".")...)
	result := og.names.Response
	w.decl(gocode.Func().Params(og.recv).Id(og.names.Method).Params(g.argList(og)...).Params(gocode.Id(result), gocode.Error()).Block(
		gocode.List(gocode.Id("req"), gocode.Err()).Op(":=").Id("c").Dot(og.names.Request).Call(g.callArgs(og)...),
		gocode.If(gocode.Err().Op("!=").Nil()).Block(gocode.Return(gocode.Id(result).Values(), gocode.Err())),
		gocode.List(gocode.Id("resp"), gocode.Err()).Op(":=").Id("send").Call(og.client().Dot("doer"), gocode.Id("req")),
		gocode.If(gocode.Err().Op("!=").Nil()).Block(gocode.Return(gocode.Id(result).Values(), gocode.Err())),
		gocode.Return(gocode.Id("c").Dot(og.names.Parse).Call(gocode.Id("resp"))),
	))
}

// ownFields lists the fields of og.own once each, in response order.
func ownFields(og *opGen) []string {
	var fields []string
	for _, r := range og.success {
		if f := og.own[r]; f != "" && !slices.Contains(fields, f) {
			fields = append(fields, f)
		}
	}
	return fields
}
