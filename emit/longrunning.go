package emit

import (
	"slices"
	"strings"

	"github.com/armgen/armgen/emit/gocode"

	"github.com/armgen/armgen/ir"
)

// Pagers and pollers. Their machinery is generic static code (Pager and
// Poller in emit/static); per operation the emitter writes a type alias
// with the operation's name and the methods that make one.

// pagerMethod writes New<Op>Pager and the <Group><Op>Pager alias. The
// pager of a long-running operation starts from the first page, the
// poller's result, and takes the arguments of Begin<Op> for later pages.
func (g *gen) pagerMethod(w *goSrc, og *opGen) {
	op, names := og.op, og.names
	result := names.Response
	lro := op.LongRunning != nil
	body := g.names.Model(og.body.Ref)
	itemProp, nextProp := pagingProps(body, op.Pageable)
	itemType := g.codeElemType(itemProp.Type.Elem, false)

	w.doc("// " + names.Pager + " walks the pages of " + op.ID + ".")
	w.decl(gocode.Type().Id(names.Pager).Op("=").Id(g.names.Fixed("Pager")).Types(gocode.Id(result), itemType))

	var params []gocode.Code
	if lro {
		params = append(params, gocode.Id("first").Id(result))
	}
	for _, p := range og.required {
		params = append(params, gocode.Id(g.names.Param(p).Arg).Add(g.argType(p)))
	}
	params = append(params, gocode.Id("options").Op("*").Id(names.Options))

	// The first page comes from the operation's own request (or is the
	// poller's result), later ones from the next link.
	var nextReq gocode.Code
	if names.NextRequest != "" {
		_, headers := g.nextHeaderArgs(og)
		nextReq = gocode.Id("c").Dot(names.NextRequest).Call(append([]gocode.Code{gocode.Id("ctx"), gocode.Id("nextLink")}, headers...)...)
	} else {
		nextReq = g.nextOperationCall(og)
	}
	var fetch gocode.Code
	if lro {
		fetch = gocode.Func().Params(gocode.Id("ctx").Qual("context", "Context"), gocode.Id("nextLink").String()).Params(gocode.Id(result), gocode.Error()).Block(
			gocode.If(gocode.Id("nextLink").Op("==").Lit("")).Block(gocode.Return(gocode.Id("first"), gocode.Nil())),
			gocode.List(gocode.Id("req"), gocode.Err()).Op(":=").Add(nextReq),
			gocode.If(gocode.Err().Op("!=").Nil()).Block(gocode.Return(gocode.Id(result).Values(), gocode.Err())),
			gocode.List(gocode.Id("resp"), gocode.Err()).Op(":=").Id("send").Call(og.client().Dot("doer"), gocode.Id("req")),
			gocode.If(gocode.Err().Op("!=").Nil()).Block(gocode.Return(gocode.Id(result).Values(), gocode.Err())),
			gocode.Return(g.finalParse(og, gocode.Id("resp"))),
		)
	} else {
		fetch = gocode.Func().Params(gocode.Id("ctx").Qual("context", "Context"), gocode.Id("nextLink").String()).Params(gocode.Id(result), gocode.Error()).Block(
			gocode.Var().Id("req").Op("*").Qual("net/http", "Request"),
			gocode.Var().Err().Error(),
			gocode.If(gocode.Id("nextLink").Op("==").Lit("")).Block(
				gocode.List(gocode.Id("req"), gocode.Err()).Op("=").Id("c").Dot(names.Request).Call(g.callArgs(og)...),
			).Else().Block(
				gocode.List(gocode.Id("req"), gocode.Err()).Op("=").Add(nextReq),
			),
			gocode.If(gocode.Err().Op("!=").Nil()).Block(gocode.Return(gocode.Id(result).Values(), gocode.Err())),
			gocode.List(gocode.Id("resp"), gocode.Err()).Op(":=").Id("send").Call(og.client().Dot("doer"), gocode.Id("req")),
			gocode.If(gocode.Err().Op("!=").Nil()).Block(gocode.Return(gocode.Id(result).Values(), gocode.Err())),
			gocode.Return(gocode.Id("c").Dot(names.Parse).Call(gocode.Id("resp"))),
		)
	}
	var nextLink gocode.Code = gocode.Nil()
	if nextProp != nil {
		// func(p Result) string { return deref(p.NextLink) }
		field := gocode.Id("p").Dot(g.names.Field(nextProp))
		var value gocode.Code = gocode.Id("deref").Call(field)
		if !isPointerField(g, nextProp.Type) {
			value = field
		}
		nextLink = gocode.Func().Params(gocode.Id("p").Id(result)).String().Block(gocode.Return(value))
	}
	items := gocode.Func().Params(gocode.Id("p").Id(result)).Index().Add(itemType).Block(
		gocode.Return(gocode.Id("p").Dot(g.names.Field(itemProp))),
	)
	text := "one page"
	if nextProp != nil {
		text = "pages linked by " + nextProp.Name
	}
	if lro {
		w.docText(names.NewPager + " walks the list that " + op.ID + " ends with. first is the result of the poller " +
			names.Begin + " returned (PollUntilDone), the first page; the other arguments are those given to " + names.Begin +
			". The list comes in " + text + "; the pager yields first and fetches the others as you walk it.")
	} else {
		w.doc(opDoc(names.NewPager, op, names.NewPager+" lists "+op.ID+".")...)
		w.docText("The list comes in " + text + "; the pager fetches them as you walk it (the arguments are checked at the first fetch).")
	}
	w.decl(gocode.Func().Params(og.recv).Id(names.NewPager).Params(params...).Op("*").Id(names.Pager).Block(
		gocode.Return(gocode.Id("newPager").Call(fetch, nextLink, items)),
	))
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
func (g *gen) nextRequestBuilder(w *goSrc, og *opGen) {
	names := og.names
	w.docText(names.NextRequest + " builds the request for a later page of " + og.op.ID + " from the page's next link" + nextLinkNote(og.op) + ".")
	body, endpoint := g.endpoint(og)
	body = append(body,
		gocode.List(gocode.Id("u"), gocode.Err()).Op(":=").Id("nextLinkURL").Call(endpoint, gocode.Id("nextLink")),
		gocode.If(gocode.Err().Op("!=").Nil()).Block(gocode.Return(gocode.Nil(), gocode.Err())),
	)
	// The link is the service's, the api-version the client's.
	for _, p := range og.op.Params {
		if p.APIVersion && p.In == ir.InQuery {
			body = append(body, gocode.Id("u").Op("=").Id("withQueryValue").Call(gocode.Id("u"), gocode.Lit(p.Name),
				g.toString(p.Type, g.paramValue(og, p, true), p.CollectionFormat)))
		}
	}
	body = append(body,
		gocode.List(gocode.Id("req"), gocode.Err()).Op(":=").Qual("net/http", "NewRequestWithContext").Call(gocode.Id("ctx"), gocode.Qual("net/http", "MethodGet"), gocode.Id("u"), gocode.Nil()),
		gocode.If(gocode.Err().Op("!=").Nil()).Block(gocode.Return(gocode.Nil(), gocode.Err())),
	)
	if accept := pickAccept(og.op.Produces, true); accept != "" {
		body = append(body, gocode.Id("req").Dot("Header").Dot("Set").Call(gocode.Lit("Accept"), gocode.Lit(accept)))
	}
	params := []gocode.Code{gocode.Id("ctx").Qual("context", "Context"), gocode.Id("nextLink").String()}
	if headers, _ := g.nextHeaderArgs(og); headers != nil {
		params = append(params, headers...)
		body = append([]gocode.Code{gocode.If(gocode.Id("options").Op("==").Nil()).Block(
			gocode.Id("options").Op("=").Op("&").Id(names.Options).Values())}, body...)
	}
	body = append(body, g.setHeaders(og)...)
	body = append(body, gocode.Return(gocode.Id("req"), gocode.Nil()))
	w.decl(gocode.Func().Params(og.recv).Id(names.NextRequest).Params(params...).
		Params(gocode.Op("*").Qual("net/http", "Request"), gocode.Error()).Block(body...))
}

// nextOperationCall calls the request builder of the operation the spec
// names for later pages (x-ms-pageable operationName): the next link goes
// to its parameter that the list operation lacks, the others are passed on.
func (g *gen) nextOperationCall(og *opGen) gocode.Code {
	next := g.byID[og.op.Pageable.NextOperation]
	nextNames := g.names.Op(next)
	args := []gocode.Code{gocode.Id("ctx")}
	for _, p := range next.Params {
		if p.Client || p.APIVersion || p.Const != "" || !p.Required {
			continue
		}
		if mine := og.op.Param(p.In, p.Name); mine != nil && mine.Required && !mine.Client {
			args = append(args, gocode.Id(g.names.Param(mine).Arg))
		} else {
			args = append(args, gocode.Id("nextLink"))
		}
	}
	args = append(args, gocode.Nil())
	return gocode.Id("c").Dot(nextNames.Request).Call(args...)
}

// pollerMethods writes Begin<Op>, Resume<Op> and the <Group><Op>Poller alias.
func (g *gen) pollerMethods(w *goSrc, og *opGen) {
	op, names := og.op, og.names
	result := names.Response
	w.doc("// " + names.Poller + " follows " + op.ID + " to its end.")
	w.decl(gocode.Type().Id(names.Poller).Op("=").Id(g.names.Fixed("Poller")).Types(gocode.Id(result)))

	parse := gocode.Func().Params(gocode.Id("resp").Op("*").Qual("net/http", "Response")).Params(gocode.Id(result), gocode.Error()).Block(
		gocode.Return(g.finalParse(og, gocode.Id("resp"))),
	)
	fail := gocode.Func().Params(gocode.Id("resp").Op("*").Qual("net/http", "Response")).Error().Block(gocode.Return(g.errorFor(op.Default)))

	w.doc(opDoc(names.Begin, op, names.Begin+" starts "+op.ID+".")...)
	w.docText(op.ID + " is long-running: " + names.Begin + " sends the request and returns a poller that follows the operation; " +
		"call PollUntilDone for the result. An error response to the request itself is returned at once.")
	w.decl(gocode.Func().Params(og.recv).Id(names.Begin).Params(g.argList(og)...).Params(gocode.Op("*").Id(names.Poller), gocode.Error()).Block(
		gocode.List(gocode.Id("req"), gocode.Err()).Op(":=").Id("c").Dot(names.Request).Call(g.callArgs(og)...),
		gocode.If(gocode.Err().Op("!=").Nil()).Block(gocode.Return(gocode.Nil(), gocode.Err())),
		gocode.List(gocode.Id("resp"), gocode.Err()).Op(":=").Id("send").Call(og.client().Dot("doer"), gocode.Id("req")),
		gocode.If(gocode.Err().Op("!=").Nil()).Block(gocode.Return(gocode.Nil(), gocode.Err())),
		gocode.Return(gocode.Id("newPoller").Call(gocode.Id("req"), gocode.Id("resp"), og.client().Dot("doer"), gocode.Lit(op.LongRunning.FinalStateVia), parse, fail)),
	))

	w.doc("// " + names.Resume + " rebuilds a poller of " + op.ID + " from its ResumeToken, to follow the operation on.")
	w.decl(gocode.Func().Params(og.recv).Id(names.Resume).Params(gocode.Id("token").String()).Params(gocode.Op("*").Id(names.Poller), gocode.Error()).Block(
		gocode.Return(gocode.Id("resumePoller").Call(gocode.Id("token"), gocode.Lit(op.Method), og.client().Dot("doer"), parse, fail)),
	))
}

// nextHeaderArgs are the parameters (and the arguments that pass them on)
// that a next-request builder takes besides the link: the operation's
// header parameters, which a next link cannot carry and every page needs
// (a client request id, a page size), as the first request takes them:
// the required ones, then the options. nil when the operation has none
// the caller gives.
func (g *gen) nextHeaderArgs(og *opGen) (params, args []gocode.Code) {
	has := false
	for _, p := range og.op.Params {
		// Header parameters go with every page; the parts of a
		// parameterized host make the URL a relative link resolves against.
		if (p.In != ir.InHeader && p.In != ir.InHost) || p.Client || p.APIVersion || p.Const != "" {
			continue
		}
		has = true
		if p.Required {
			params = append(params, gocode.Id(g.names.Param(p).Arg).Add(g.argType(p)))
			args = append(args, gocode.Id(g.names.Param(p).Arg))
		}
	}
	if !has {
		return nil, nil
	}
	params = append(params, gocode.Id("options").Op("*").Id(og.names.Options))
	args = append(args, gocode.Id("options"))
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
func (g *gen) finalParse(og *opGen, resp gocode.Code) gocode.Code {
	var documented []gocode.Code
	for _, r := range og.success {
		documented = append(documented, gocode.Lit(r.Status))
	}
	return gocode.Id("c").Dot(og.names.Parse).Call(
		gocode.Id("finalStatus").Call(append([]gocode.Code{resp, gocode.Lit(finalBodyStatus(og.success))}, documented...)...))
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
