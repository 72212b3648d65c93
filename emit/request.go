package emit

import (
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/armgen/armgen/ir"
)

// Request builders: New<Op>Request checks the arguments and builds the
// request, its path, query, headers and body.

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
