package emit

import (
	"net/http"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/armgen/armgen/emit/naming"
	"github.com/armgen/armgen/ir"
)

// Pagers and pollers. Their machinery is generic static code (Pager and
// Poller in emit/static); per operation the emitter writes a type alias
// with the operation's name and the methods that make one.

// pagerMethod writes New<Op>Pager and the <Group><Op>Pager alias. The
// pager of a long-running operation starts from the first page, the
// poller's result, and takes the arguments of Begin<Op> for later pages.
func (g *gen) pagerMethod(f *jen.File, og *opGen) {
	op, names := og.op, og.names
	result := names.Response
	lro := op.LongRunning != nil
	body := g.names.Model(og.names.Body.Ref)
	itemProp, nextProp := pagingProps(body, op.Pageable)
	itemType := g.elemType(itemProp.Type.Elem, false)

	f.Comment("// " + names.Pager + " walks the pages of " + inLine(op.ID) + ".")
	f.Type().Id(names.Pager).Op("=").Id(g.names.Fixed().Pager).Types(jen.Id(result), itemType)
	f.Line()

	var params []jen.Code
	if lro {
		params = append(params, jen.Id("first").Id(result))
	}
	for _, p := range og.names.Args {
		params = append(params, jen.Id(g.names.Param(p).Arg).Add(g.argType(p)))
	}
	params = append(params, jen.Id("options").Op("*").Id(names.Options))

	// The first page comes from the operation's own request (or is the
	// poller's result), later ones from the next link.
	var nextReq jen.Code
	if names.NextRequest != "" {
		_, headers := g.nextHeaderArgs(og)
		nextReq = jen.Id("c").Dot(names.NextRequest).Call(append([]jen.Code{jen.Id("ctx"), jen.Id("nextLink")}, headers...)...)
	} else {
		nextReq = g.nextOperationCall(og)
	}
	var fetch jen.Code
	if lro {
		fetch = jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("nextLink").String()).Params(jen.Id(result), jen.Error()).Block(
			jen.If(jen.Id("nextLink").Op("==").Lit("")).Block(jen.Return(jen.Id("first"), jen.Nil())),
			jen.List(jen.Id("req"), jen.Err()).Op(":=").Add(nextReq),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id(result).Values(), jen.Err())),
			jen.List(jen.Id("resp"), jen.Err()).Op(":=").Id("send").Call(og.client().Dot("doer"), jen.Id("req")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id(result).Values(), jen.Err())),
			jen.Return(g.finalParse(og, jen.Id("resp"))),
		)
	} else {
		fetch = jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("nextLink").String()).Params(jen.Id(result), jen.Error()).Block(
			jen.Var().Id("req").Op("*").Qual("net/http", "Request"),
			jen.Var().Err().Error(),
			jen.If(jen.Id("nextLink").Op("==").Lit("")).Block(
				jen.List(jen.Id("req"), jen.Err()).Op("=").Id("c").Dot(names.Request).Call(g.callArgs(og)...),
			).Else().Block(
				jen.List(jen.Id("req"), jen.Err()).Op("=").Add(nextReq),
			),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id(result).Values(), jen.Err())),
			jen.List(jen.Id("resp"), jen.Err()).Op(":=").Id("send").Call(og.client().Dot("doer"), jen.Id("req")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id(result).Values(), jen.Err())),
			jen.Return(jen.Id("c").Dot(names.Parse).Call(jen.Id("resp"))),
		)
	}
	var nextLink jen.Code = jen.Nil()
	if nextProp != nil {
		// func(p Result) string { return deref(p.NextLink) }
		field := jen.Id("p").Dot(g.names.Field(nextProp))
		var value jen.Code = jen.Id("deref").Call(field)
		if !g.isPointerField(nextProp.Type) {
			value = field
		}
		nextLink = jen.Func().Params(jen.Id("p").Id(result)).String().Block(jen.Return(value))
	}
	items := jen.Func().Params(jen.Id("p").Id(result)).Index().Add(itemType).Block(
		jen.Return(jen.Id("p").Dot(g.names.Field(itemProp))),
	)
	text := "one page"
	if nextProp != nil {
		text = "pages linked by " + nextProp.Name
	}
	if lro {
		f.Add(g.doc(names.NewPager + " walks the list that " + op.ID + " ends with. first is the result of the poller " +
			names.Begin + " returned (PollUntilDone), the first page; the other arguments are those given to " + names.Begin +
			". The list comes in " + text + "; the pager yields first and fetches the others as you walk it."))
	} else {
		f.Add(g.doc(opDoc(names.NewPager, op, names.NewPager+" lists "+op.ID+".",
			"The list comes in "+text+"; the pager fetches them as you walk it (the arguments are checked at the first fetch).")))
	}
	f.Func().Params(og.recv).Id(names.NewPager).Params(params...).Op("*").Id(names.Pager).Block(
		jen.Return(jen.Id("newPager").Call(fetch, nextLink, items)),
	)
	f.Line()
}

// pagingProps finds the item array and next link properties of a page.
func pagingProps(m *ir.Model, p *ir.Paging) (items, next *ir.Property) {
	for _, prop := range m.Properties {
		switch prop.Name {
		case p.ItemName:
			items = prop
		case p.NextLinkName:
			if p.NextLinkName != "" {
				next = prop
			}
		}
	}
	return items, next
}

// nextRequestBuilder writes New<Op>NextRequest: a GET of the next link
// the service returned, resolved against the endpoint when relative, with
// the client's api-version in place of the one the link carries.
func (g *gen) nextRequestBuilder(f *jen.File, og *opGen) {
	names := og.names
	f.Add(g.doc(names.NextRequest + " builds the request for a later page of " + og.op.ID + " from the page's next link" + nextLinkNote(og.op) + "."))
	body, endpoint := g.endpoint(og)
	body = append(body,
		jen.List(jen.Id("u"), jen.Err()).Op(":=").Id("nextLinkURL").Call(endpoint, jen.Id("nextLink")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
	)
	// The link is the service's, the api-version the client's.
	for _, p := range og.op.Params {
		if p.APIVersion && p.In == ir.InQuery {
			body = append(body, jen.Id("u").Op("=").Id("withQueryValue").Call(jen.Id("u"), jen.Lit(p.Name),
				g.toString(p.Type, g.paramValue(og, p, true), p.CollectionFormat)))
		}
	}
	body = append(body,
		jen.List(jen.Id("req"), jen.Err()).Op(":=").Qual("net/http", "NewRequestWithContext").Call(jen.Id("ctx"), jen.Qual("net/http", "MethodGet"), jen.Id("u"), jen.Nil()),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
	)
	if accept := pickAccept(og.op.Produces, true); accept != "" {
		body = append(body, jen.Id("req").Dot("Header").Dot("Set").Call(jen.Lit("Accept"), jen.Lit(accept)))
	}
	params := []jen.Code{jen.Id("ctx").Qual("context", "Context"), jen.Id("nextLink").String()}
	if headers, _ := g.nextHeaderArgs(og); headers != nil {
		params = append(params, headers...)
		// The header parameters, and those of a parameterized host, come
		// from the options when optional.
		if g.readsOptions(og, ir.InHeader, ir.InHost) {
			body = append([]jen.Code{noNilOptions(og)}, body...)
		}
	}
	body = append(body, g.setHeaders(og)...)
	body = append(body, jen.Return(jen.Id("req"), jen.Nil()))
	f.Func().Params(og.recv).Id(names.NextRequest).Params(params...).
		Params(jen.Op("*").Qual("net/http", "Request"), jen.Error()).Block(body...)
	f.Line()
}

// nextOperationCall calls the request builder of the operation the spec
// names for later pages (x-ms-pageable operationName): the next link goes
// to its parameter that the list operation lacks, the others are passed on.
func (g *gen) nextOperationCall(og *opGen) jen.Code {
	next := g.byID[og.op.Pageable.NextOperation]
	nextNames := g.names.Op(next)
	args := []jen.Code{jen.Id("ctx")}
	for _, p := range next.Params {
		if naming.RoleOf(p) != naming.RoleArgument {
			continue
		}
		if mine := og.op.Param(p.In, p.Name); mine != nil && naming.RoleOf(mine) == naming.RoleArgument {
			args = append(args, jen.Id(g.names.Param(mine).Arg))
		} else {
			args = append(args, jen.Id("nextLink"))
		}
	}
	args = append(args, jen.Nil())
	return jen.Id("c").Dot(nextNames.Request).Call(args...)
}

// pollerMethods writes Begin<Op>, Resume<Op> and the <Group><Op>Poller alias.
func (g *gen) pollerMethods(f *jen.File, og *opGen) {
	op, names := og.op, og.names
	result := names.Response
	f.Comment("// " + names.Poller + " follows " + inLine(op.ID) + " to its end.")
	f.Type().Id(names.Poller).Op("=").Id(g.names.Fixed().Poller).Types(jen.Id(result))
	f.Line()

	parse := jen.Func().Params(jen.Id("resp").Op("*").Qual("net/http", "Response")).Params(jen.Id(result), jen.Error()).Block(
		jen.Return(g.finalParse(og, jen.Id("resp"))),
	)
	fail := jen.Func().Params(jen.Id("resp").Op("*").Qual("net/http", "Response")).Error().Block(jen.Return(g.errorFor(op.Default)))

	f.Add(g.doc(opDoc(names.Begin, op, names.Begin+" starts "+op.ID+".",
		op.ID+" is long-running: "+names.Begin+" sends the request and returns a poller that follows the operation; "+
			"call PollUntilDone for the result. An error response to the request itself is returned at once.")))
	f.Func().Params(og.recv).Id(names.Begin).Params(g.argList(og)...).Params(jen.Op("*").Id(names.Poller), jen.Error()).Block(
		jen.List(jen.Id("req"), jen.Err()).Op(":=").Id("c").Dot(names.Request).Call(g.callArgs(og)...),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.List(jen.Id("resp"), jen.Err()).Op(":=").Id("send").Call(og.client().Dot("doer"), jen.Id("req")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Id("newPoller").Call(jen.Id("req"), jen.Id("resp"), og.client().Dot("doer"), jen.Lit(op.LongRunning.FinalStateVia), parse, fail)),
	)
	f.Line()

	f.Comment("// " + names.Resume + " rebuilds a poller of " + inLine(op.ID) + " from its ResumeToken, to follow the operation on.")
	f.Func().Params(og.recv).Id(names.Resume).Params(jen.Id("token").String()).Params(jen.Op("*").Id(names.Poller), jen.Error()).Block(
		jen.Return(jen.Id("resumePoller").Call(jen.Id("token"), jen.Lit(op.Method), og.client().Dot("doer"), parse, fail)),
	)
	f.Line()
}

// nextHeaderArgs are the parameters (and the arguments that pass them on)
// that a next-request builder takes besides the link: the operation's
// header parameters, which a next link cannot carry and every page needs
// (a client request id, a page size), as the first request takes them:
// the required ones, then the options. nil when the operation has none
// the caller gives.
func (g *gen) nextHeaderArgs(og *opGen) (params, args []jen.Code) {
	has := false
	for _, p := range og.op.Params {
		// Header parameters go with every page; the parts of a
		// parameterized host make the URL a relative link resolves against.
		if (p.In != ir.InHeader && p.In != ir.InHost) || !naming.RoleOf(p).PerCall() {
			continue
		}
		has = true
		if p.Required {
			params = append(params, jen.Id(g.names.Param(p).Arg).Add(g.argType(p)))
			args = append(args, jen.Id(g.names.Param(p).Arg))
		}
	}
	if !has {
		return nil, nil
	}
	params = append(params, jen.Id("options").Op("*").Id(og.names.Options))
	args = append(args, jen.Id("options"))
	return params, args
}

// nextLinkNote completes the doc of a next-request builder.
func nextLinkNote(op *ir.Operation) string {
	var with []string
	for _, p := range op.Params {
		if p.APIVersion && p.In == ir.InQuery {
			with = append(with, "the client's "+p.Name+" in place of the link's")
		}
	}
	if slices.ContainsFunc(op.Params, func(p *ir.Parameter) bool { return p.In == ir.InHeader }) {
		with = append(with, "the operation's header parameters, which every page needs")
	}
	if len(with) == 0 {
		return ""
	}
	return ", with " + strings.Join(with, " and ")
}

// finalParse parses resp, a response to a long-running operation after
// the first: it may come with any 2xx status, and the parser reads it as
// the documented status that has the body.
func (g *gen) finalParse(og *opGen, resp jen.Code) jen.Code {
	status := finalBodyStatus(og.names.Success)
	args := []jen.Code{resp, statusCode(status)}
	for _, r := range og.names.Success {
		if r.Status != status {
			args = append(args, statusCode(r.Status))
		}
	}
	return jen.Id("c").Dot(og.names.Parse).Call(jen.Id("finalStatus").Call(args...))
}

// statusCode is an HTTP status by its name in net/http (http.StatusOK),
// for the success statuses it names.
func statusCode(status int) jen.Code {
	if name := successNames[status]; name != "" {
		return jen.Qual("net/http", name)
	}
	return jen.Lit(status)
}

var successNames = map[int]string{
	http.StatusOK:                   "StatusOK",
	http.StatusCreated:              "StatusCreated",
	http.StatusAccepted:             "StatusAccepted",
	http.StatusNonAuthoritativeInfo: "StatusNonAuthoritativeInfo",
	http.StatusNoContent:            "StatusNoContent",
	http.StatusResetContent:         "StatusResetContent",
	http.StatusPartialContent:       "StatusPartialContent",
	http.StatusMultiStatus:          "StatusMultiStatus",
	http.StatusAlreadyReported:      "StatusAlreadyReported",
	http.StatusIMUsed:               "StatusIMUsed",
}

// finalBodyStatus is the documented status an undocumented final status
// reads as: 200 when it has a body, else the first with one, else (no
// body documented at all) the first success, so that the response is
// accepted and its body left alone.
func finalBodyStatus(success []*ir.Response) int {
	for _, r := range success {
		if r.Status == 200 && r.Type != nil {
			return 200
		}
	}
	for _, r := range success {
		if r.Type != nil {
			return r.Status
		}
	}
	if len(success) > 0 {
		return success[0].Status
	}
	return 200
}
