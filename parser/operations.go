package parser

import (
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"

	"github.com/armgen/armgen/ir"
)

var methods = []string{"get", "put", "post", "patch", "delete", "head", "options"}

// operations reads the paths (and x-ms-paths) of an input file.
func (b *builder) operations(f *file) {
	for _, section := range []string{"paths", "x-ms-paths"} {
		paths := f.tree.get(section)
		if paths == nil {
			continue
		}
		for i, p := range paths.keys {
			item := paths.vals[i]
			if item.kind != kindObject {
				continue
			}
			if !strings.HasPrefix(p, "/") {
				b.diags = append(b.diags, ir.Diagnostic{Pointer: f.ptr(section, p),
					Message: "path " + quote(p) + " does not start with /"})
			}
			var typed *openapi2.PathItem
			if section == "paths" {
				typed = f.doc.Paths[p]
			}
			for _, method := range methods {
				if item.get(method) == nil {
					continue
				}
				b.operation(f, []string{section, p}, p, item, typed, method)
			}
		}
	}
}

// operation reads one method of one path.
func (b *builder) operation(f *file, at []string, template string, item *node, typed *openapi2.PathItem, method string) {
	n := item.get(method)
	var kop *openapi2.Operation
	if typed != nil {
		kop = typed.GetOperation(strings.ToUpper(method))
	}
	if kop == nil {
		// x-ms-paths are not part of kin-openapi's document.
		var err error
		if kop, err = decodePart[openapi2.Operation](f, n); err != nil {
			b.diags.Add(f.ptr(append(at, method)...), "cannot read the operation: %v", err)
			return
		}
	}
	opAt := append(slices.Clone(at), method)
	b.cur = site{f: f, tokens: opAt}
	op := &ir.Operation{
		ID:          kop.OperationID,
		Method:      strings.ToUpper(method),
		Path:        template,
		Summary:     kop.Summary,
		Description: kop.Description,
		Deprecated:  kop.Deprecated,
		Consumes:    slices.Clone(kop.Consumes),
		Produces:    slices.Clone(kop.Produces),
		Pointer:     f.ptr(opAt...),
	}
	if op.Consumes == nil {
		op.Consumes = slices.Clone(f.doc.Consumes)
	}
	if op.Produces == nil {
		op.Produces = slices.Clone(f.doc.Produces)
	}
	if op.ID == "" {
		op.ID = b.makeOperationID(op.Method, template)
		b.diags = append(b.diags, ir.Diagnostic{Pointer: op.Pointer, Severity: ir.Warning,
			Message: "operation has no operationId; armgen names it " + quote(op.ID) + " after its method and path",
			Hint:    "-rename " + string(op.Pointer) + "=Group_Name chooses another"})
	}
	op.Group, op.Name, _ = strings.Cut(op.ID, "_")
	if !strings.Contains(op.ID, "_") {
		op.Group, op.Name = "", op.ID
	}

	// Path-item parameters apply to every method; an operation's own
	// parameter of the same name and location replaces one.
	var params []*ir.Parameter
	for i, pn := range item.get("parameters").valsOrNil() {
		if p := b.parameter(f, append(slices.Clone(at), "parameters", strconv.Itoa(i)), pn, op.ID); p != nil {
			params = append(params, p)
		}
	}
	fromOp := map[string]ir.Pointer{}
	for i, pn := range n.get("parameters").valsOrNil() {
		p := b.parameter(f, append(slices.Clone(opAt), "parameters", strconv.Itoa(i)), pn, op.ID)
		if p == nil {
			continue
		}
		key := string(p.In) + ":" + p.Name
		if first, dup := fromOp[key]; dup {
			b.diags = append(b.diags, ir.Diagnostic{Pointer: f.ptr(append(slices.Clone(opAt), "parameters", strconv.Itoa(i))...),
				Message: "parameter " + quote(p.Name) + " in " + string(p.In) + " is listed twice",
				Hint:    "the first is " + string(first)})
			continue
		}
		fromOp[key] = f.ptr(append(slices.Clone(opAt), "parameters", strconv.Itoa(i))...)
		if j := slices.IndexFunc(params, func(q *ir.Parameter) bool { return q.Name == p.Name && q.In == p.In }); j >= 0 {
			params[j] = p
			continue
		}
		params = append(params, p)
	}
	// Method-level parts of a parameterized host are arguments of every
	// operation, first or last as the spec says.
	if len(b.hostArgs) > 0 {
		if b.hostArgsLast {
			params = append(params, b.hostArgs...)
		} else {
			params = append(slices.Clone(b.hostArgs), params...)
		}
	}
	op.Params = params
	b.checkParams(op, template)

	b.responses(f, opAt, n, op)
	b.extensions(f, opAt, n, op)
	b.api.Operations = append(b.api.Operations, op)
}

func (n *node) valsOrNil() []*node {
	if n == nil || n.kind != kindArray {
		return nil
	}
	return n.vals
}

var templateParam = regexp.MustCompile(`\{([^{}]+)\}`)

// checkParams matches the path template against path parameters.
func (b *builder) checkParams(op *ir.Operation, template string) {
	pathPart, _, _ := strings.Cut(template, "?")
	inTemplate := map[string]bool{}
	for _, m := range templateParam.FindAllStringSubmatch(pathPart, -1) {
		inTemplate[m[1]] = true
		if op.Param(ir.InPath, m[1]) == nil {
			b.diags = append(b.diags, ir.Diagnostic{Pointer: op.Pointer,
				Message: "path template parameter {" + m[1] + "} has no parameter with \"in\": \"path\"",
				Hint:    "declare it in the operation's or the path's parameters"})
		}
	}
	bodies := 0
	for _, p := range op.Params {
		switch p.In {
		case ir.InPath:
			if !inTemplate[p.Name] {
				b.diags = append(b.diags, ir.Diagnostic{Pointer: p.Pointer,
					Message: "path parameter " + quote(p.Name) + " is not in the path template " + quote(template)})
			}
			if !p.Required {
				b.diags = append(b.diags, ir.Diagnostic{Pointer: p.Pointer,
					Message: "path parameter " + quote(p.Name) + " must be required", Hint: `add "required": true`})
			}
		case ir.InBody:
			bodies++
			if bodies == 2 {
				b.diags = append(b.diags, ir.Diagnostic{Pointer: p.Pointer,
					Message: "more than one body parameter", Hint: "an operation has at most one body"})
			}
		}
	}
}

// parameter reads one parameter, following a $ref to a shared one.
func (b *builder) parameter(f *file, at []string, pn *node, opID string) *ir.Parameter {
	global := false
	pf, pat := f, at
	if ref := pn.get("$ref"); ref != nil {
		t, ok := b.resolve(f, at, ref.text())
		if !ok {
			return nil
		}
		if t.n.get("$ref") != nil {
			b.diags.Add(f.ptr(append(at, "$ref")...), "a parameter reference must lead to a parameter, not another reference")
			return nil
		}
		pf, pat, pn = t.f, t.tokens, t.n
		global = len(t.tokens) == 2 && t.tokens[0] == "parameters"
	}
	if pn.kind != kindObject {
		return nil
	}
	var kp openapi2.Parameter
	if global && pf.doc != nil && pf.doc.Parameters[pat[1]] != nil {
		kp = *pf.doc.Parameters[pat[1]]
	} else if dp, err := decodePart[openapi2.Parameter](pf, pn); err != nil {
		b.diags.Add(pf.ptr(pat...), "cannot read the parameter: %v", err)
		return nil
	} else {
		kp = *dp
	}
	p := &ir.Parameter{
		Name:             kp.Name,
		ClientName:       pn.get("x-ms-client-name").text(),
		In:               ir.Location(kp.In),
		Required:         kp.Required,
		Description:      kp.Description,
		CollectionFormat: kp.CollectionFormat,
		SkipURLEncoding:  pn.get("x-ms-skip-url-encoding").isTrue(),
		Flatten:          pn.get("x-ms-client-flatten").isTrue(),
		HeaderPrefix:     pn.get("x-ms-header-collection-prefix").text(),
		Pointer:          pf.ptr(pat...),
	}
	if p.Name == "" {
		b.diags.Add(p.Pointer, "parameter has no name")
		return nil
	}
	if pn.get("in").text() != "body" {
		p.Default = defaultText(pn.get("default"), pn) // dropped when mistyped: checkDefault warns
	}
	switch loc := pn.get("x-ms-parameter-location").text(); loc {
	case "client":
		p.Client = true
	case "method":
	case "":
		// Shared parameters belong to the client unless they say otherwise,
		// as AutoRest reads them.
		p.Client = global
	default:
		b.diags = append(b.diags, ir.Diagnostic{Pointer: pf.ptr(append(pat, "x-ms-parameter-location")...),
			Message: "unknown x-ms-parameter-location " + quote(loc), Hint: `use "client" or "method"`})
	}
	// x-ms-api-version: false says an api-version query parameter is the
	// operation's own, not the API's version.
	if v := pn.get("x-ms-api-version"); p.In == ir.InQuery && p.Name == "api-version" && (v == nil || v.isTrue()) {
		p.APIVersion = true
		p.Client = false
	}
	hint := opID + "." + p.Name
	if global {
		hint = pat[1]
	}
	if p.In == ir.InBody {
		s := site{f: pf, tokens: pat}.child(pn.get("schema"), kp.Schema, "schema")
		if s.n == nil {
			b.diags.Add(p.Pointer, "body parameter has no schema")
			return nil
		}
		p.Type = b.typeOf(s, hint)
		if r, ok := b.follow(s); ok {
			p.Constraints = constraints(r.s)
		}
	} else {
		// A non-body parameter carries its schema keywords itself; read it
		// as the schema it describes.
		s := site{f: pf, tokens: pat, n: pn, s: paramSchema(&kp)}
		p.Type = b.typeOf(s, hint)
		p.Constraints = constraints(s.s)
		if p.Type.Kind == ir.KindModel {
			b.diags.Add(p.Pointer, "a %s parameter cannot be an object", p.In)
		}
	}
	if p.Client {
		key := string(p.In) + ":" + p.Name
		if old, ok := b.clientParams[key]; ok {
			p = old
		} else {
			b.clientParams[key] = p
			b.api.ClientParams = append(b.api.ClientParams, p)
		}
	}
	return p
}

// paramSchema views a non-body parameter's keywords as a schema.
func paramSchema(p *openapi2.Parameter) *openapi2.Schema {
	s := &openapi2.Schema{
		Type: p.Type, Format: p.Format, Description: p.Description, Enum: p.Enum,
		Default: p.Default, Items: p.Items, Pattern: p.Pattern, MinLength: p.MinLength,
		MaxLength: p.MaxLength, Min: p.Minimum, Max: p.Maximum, ExclusiveMin: p.ExclusiveMin,
		ExclusiveMax: p.ExclusiveMax, MultipleOf: p.MultipleOf, MinItems: p.MinItems,
		MaxItems: p.MaxItems, UniqueItems: p.UniqueItems,
	}
	return s
}

// responses reads an operation's responses, by status.
func (b *builder) responses(f *file, opAt []string, n *node, op *ir.Operation) {
	rs := n.get("responses")
	if rs == nil || len(rs.keys) == 0 {
		b.diags = append(b.diags, ir.Diagnostic{Pointer: op.Pointer, Message: "operation has no responses",
			Hint: "Swagger 2.0 requires at least one"})
		return
	}
	for i, code := range rs.keys {
		at := append(slices.Clone(opAt), "responses", code)
		rn := rs.vals[i]
		rf, rat := f, at
		if ref := rn.get("$ref"); ref != nil {
			t, ok := b.resolve(f, at, ref.text())
			if !ok {
				continue
			}
			rf, rat, rn = t.f, t.tokens, t.n
		}
		r := &ir.Response{Pointer: f.ptr(at...), Description: rn.get("description").text()}
		if code == "default" {
			r.Error = true
		} else {
			status, err := strconv.Atoi(code)
			if err != nil || status < 100 || status > 599 {
				b.diags = append(b.diags, ir.Diagnostic{Pointer: r.Pointer,
					Message: "response key " + quote(code) + " is not an HTTP status code",
					Hint:    `use a code such as "200", or "default"`})
				continue
			}
			r.Status = status
			r.Error = rn.get("x-ms-error-response").isTrue()
		}
		if sn := rn.get("schema"); sn != nil {
			s := siteAt(rf, append(slices.Clone(rat), "schema"), sn)
			r.Type = b.typeOf(s, op.ID+"."+code)
		}
		if hs := rn.get("headers"); hs != nil {
			for j, name := range hs.keys {
				hn := hs.vals[j]
				kh, err := decodePart[openapi2.Parameter](rf, hn)
				if err != nil {
					continue
				}
				hat := append(slices.Clone(rat), "headers", name)
				h := &ir.Header{
					Name:        name,
					ClientName:  hn.get("x-ms-client-name").text(),
					Description: kh.Description,
					Pointer:     rf.ptr(hat...),
				}
				h.Type = b.typeOf(site{f: rf, tokens: hat, n: hn, s: paramSchema(kh)}, op.ID+"."+name)
				r.Headers = append(r.Headers, h)
			}
		}
		if code == "default" {
			op.Default = r
		} else {
			op.Responses = append(op.Responses, r)
		}
	}
	slices.SortStableFunc(op.Responses, func(x, y *ir.Response) int { return x.Status - y.Status })
}

// extensions reads an operation's x-ms-* behaviour: paging, long-running
// operations and examples.
func (b *builder) extensions(f *file, opAt []string, n *node, op *ir.Operation) {
	if pg := n.get("x-ms-pageable"); pg != nil && pg.kind == kindObject {
		p := &ir.Paging{ItemName: "value", NextLinkName: "nextLink"}
		if v := pg.get("itemName"); v != nil {
			p.ItemName = v.text()
		}
		if v := pg.get("nextLinkName"); v != nil {
			p.NextLinkName = v.text() // null: the list comes in one page
		}
		p.NextOperation = pg.get("operationName").text()
		op.Pageable = p
	}
	if n.get("x-ms-long-running-operation").isTrue() {
		lro := &ir.LongRunning{}
		if via := n.get("x-ms-long-running-operation-options").get("final-state-via"); via != nil {
			lro.FinalStateVia = via.text()
			switch lro.FinalStateVia {
			case "azure-async-operation", "location", "original-uri", "operation-location":
			default:
				b.diags = append(b.diags, ir.Diagnostic{
					Pointer: f.ptr(append(slices.Clone(opAt), "x-ms-long-running-operation-options", "final-state-via")...),
					Message: "unknown final-state-via " + quote(lro.FinalStateVia),
					Hint:    `one of "azure-async-operation", "location", "original-uri", "operation-location"`})
			}
		}
		op.LongRunning = lro
	}
	if op.Pageable != nil {
		b.checkPaging(f, opAt, op) // after LongRunning, which it reads
	}
	if ex := n.get("x-ms-examples"); ex != nil && ex.kind == kindObject {
		for i, name := range ex.keys {
			ref := ex.vals[i].get("$ref").text()
			if ref == "" {
				continue
			}
			fileRef, _, _ := strings.Cut(ref, "#")
			op.Examples = append(op.Examples, &ir.Example{
				Name:    name,
				File:    path.Join(path.Dir(f.name), fileRef),
				Pointer: f.ptr(append(slices.Clone(opAt), "x-ms-examples", name)...),
			})
		}
		slices.SortFunc(op.Examples, func(x, y *ir.Example) int { return strings.Compare(x.Name, y.Name) })
	}
}

// checkPaging makes sure x-ms-pageable names properties the response has.
func (b *builder) checkPaging(f *file, opAt []string, op *ir.Operation) {
	// The first page comes in the 200 response; a long-running pageable
	// operation's first page is its final result, which its spec gives as
	// the 201 or 202 response when it has no 200.
	var ok *ir.Response
	for _, r := range op.Responses {
		if r.Type == nil || r.Error || ok != nil && ok.Status == 200 {
			continue
		}
		if r.Status == 200 || op.LongRunning != nil && (r.Status == 201 || r.Status == 202) && ok == nil {
			ok = r
		}
	}
	at := f.ptr(append(slices.Clone(opAt), "x-ms-pageable")...)
	if ok == nil || ok.Type.Kind != ir.KindModel {
		b.diags.Add(at, "a pageable operation needs a 200 response whose schema is an object")
		return
	}
	st := b.models[b.keys[ok.Type.Ref]]
	if st == nil {
		return
	}
	has := func(name string) *ir.Property {
		for _, p := range st.m.Properties {
			if p.Name == name {
				return p
			}
		}
		return nil
	}
	if p := has(op.Pageable.ItemName); p == nil {
		b.diags = append(b.diags, ir.Diagnostic{Pointer: at,
			Message: "itemName " + quote(op.Pageable.ItemName) + " is not a property of " + st.m.Name,
			Hint:    "x-ms-pageable must name the array of items"})
	} else if p.Type.Kind != ir.KindArray {
		b.diags.Add(at, "itemName %q of %s is not an array", op.Pageable.ItemName, st.m.Name)
	}
	if name := op.Pageable.NextLinkName; name != "" && has(name) == nil {
		b.diags = append(b.diags, ir.Diagnostic{Pointer: at,
			Message: "nextLinkName " + quote(name) + " is not a property of " + st.m.Name,
			Hint:    `use "nextLinkName": null for a list that comes in one page`})
	}
}

// parameterizedHost reads x-ms-parameterized-host.
func (b *builder) parameterizedHost(f *file) {
	h := f.tree.get("x-ms-parameterized-host")
	if h == nil || h.kind != kindObject {
		return
	}
	b.api.HostTemplate = h.get("hostTemplate").text()
	if v := h.get("useSchemePrefix"); v != nil {
		b.api.UseSchemePrefix = v.isTrue()
	}
	b.hostArgsLast = h.get("positionInOperation").text() == "last"
	for i, pn := range h.get("parameters").valsOrNil() {
		p := b.parameter(f, []string{"x-ms-parameterized-host", "parameters", strconv.Itoa(i)}, pn, "host")
		if p == nil {
			continue
		}
		if p.In != ir.InPath {
			b.diags.Add(p.Pointer, "a parameter of x-ms-parameterized-host must be \"in\": \"path\", not %q", p.In)
			continue
		}
		// The parameter fills the host, not the path: it is read as a host
		// part, held by the client when shared, an argument otherwise.
		c := *p
		c.In = ir.InHost
		if p.Client {
			i := slices.Index(b.api.ClientParams, p)
			b.api.ClientParams[i] = &c
			b.clientParams[string(ir.InHost)+":"+c.Name] = &c
			delete(b.clientParams, string(ir.InPath)+":"+c.Name)
		} else {
			b.hostArgs = append(b.hostArgs, &c)
		}
		b.api.HostParams = append(b.api.HostParams, &c)
	}
	for _, m := range templateParam.FindAllStringSubmatch(b.api.HostTemplate, -1) {
		if !slices.ContainsFunc(b.api.HostParams, func(p *ir.Parameter) bool { return p.Name == m[1] }) {
			b.diags.Add(f.ptr("x-ms-parameterized-host", "hostTemplate"), "host template parameter {%s} is not among the parameters", m[1])
		}
	}
}
