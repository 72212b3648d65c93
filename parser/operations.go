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

// pathItem is a path of a file's paths or x-ms-paths.
type pathItem struct {
	section, path string
	n             *node // where it is written
	item          *openapi2.PathItem
}

// pathItems lists a file's paths, then its x-ms-paths, each in spec order
// (kin-openapi keeps them in maps). x-ms-paths, an extension, is not typed
// in kin-openapi's document: kin-openapi reads each of its items here.
func (f *file) pathItems() []pathItem {
	var out []pathItem
	for _, section := range []string{"paths", "x-ms-paths"} {
		paths := f.tree.get(section)
		if paths == nil {
			continue
		}
		for i, p := range paths.keys {
			n := paths.vals[i]
			var item *openapi2.PathItem
			if section == "paths" {
				item = f.doc.Paths[p]
			} else if n.kind == kindObject {
				item, _ = decodePart[openapi2.PathItem](f, n) // the document decoded, so does its part
			}
			if item != nil {
				out = append(out, pathItem{section, p, n, item})
			}
		}
	}
	return out
}

// operations reads the paths (and x-ms-paths) of an input file.
func (b *builder) operations(f *file) {
	for _, p := range f.pathItems() {
		if !strings.HasPrefix(p.path, "/") {
			b.diags = append(b.diags, ir.Diagnostic{Pointer: f.ptr(p.section, p.path),
				Message: "path " + quote(p.path) + " does not start with /"})
		}
		for _, method := range methods {
			if op := p.item.GetOperation(strings.ToUpper(method)); op != nil {
				b.operation(f, p, method, op)
			}
		}
	}
}

// operation reads one method of one path.
func (b *builder) operation(f *file, p pathItem, method string, kop *openapi2.Operation) {
	at, template, n := []string{p.section, p.path}, p.path, p.n.get(method)
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
	for i, kp := range p.item.Parameters {
		pn := p.n.get("parameters").vals[i]
		if p := b.parameter(f, append(slices.Clone(at), "parameters", strconv.Itoa(i)), pn, kp, op.ID); p != nil {
			params = append(params, p)
		}
	}
	fromOp := map[string]ir.Pointer{}
	for i, kp := range kop.Parameters {
		pn := n.get("parameters").vals[i]
		p := b.parameter(f, append(slices.Clone(opAt), "parameters", strconv.Itoa(i)), pn, kp, op.ID)
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

	b.responses(f, opAt, n, kop, op)
	b.extensions(f, opAt, kop, op)
	b.api.Operations = append(b.api.Operations, op)
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

// parameter reads one parameter, written at pn and read by kin-openapi as
// kp, following a $ref to a shared one.
func (b *builder) parameter(f *file, at []string, pn *node, kp *openapi2.Parameter, opID string) *ir.Parameter {
	global, shared := false, false
	pf, pat := f, at
	if ref := pn.get("$ref"); ref != nil {
		shared = true
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
	if shared || kp == nil {
		// A shared parameter, or one a $ref leads to elsewhere.
		switch {
		case global && pf.doc.Parameters[pat[1]] != nil:
			kp = pf.doc.Parameters[pat[1]]
		default:
			dp, err := decodePart[openapi2.Parameter](pf, pn)
			if err != nil {
				b.diags.Add(pf.ptr(pat...), "cannot read the parameter: %v", err)
				return nil
			}
			kp = dp
		}
	}
	ext := kp.Extensions
	p := &ir.Parameter{
		Name:             kp.Name,
		ClientName:       extString(ext, "x-ms-client-name"),
		In:               ir.Location(kp.In),
		Required:         kp.Required,
		Description:      kp.Description,
		CollectionFormat: kp.CollectionFormat,
		SkipURLEncoding:  extBool(ext, "x-ms-skip-url-encoding"),
		Flatten:          extBool(ext, "x-ms-client-flatten"),
		HeaderPrefix:     extString(ext, "x-ms-header-collection-prefix"),
		Pointer:          pf.ptr(pat...),
	}
	if p.Name == "" {
		b.diags.Add(p.Pointer, "parameter has no name")
		return nil
	}
	if kp.In != "body" {
		p.Default = defaultText(pn.get("default"), schemaType(paramSchema(kp))) // dropped when mistyped: checkDefault warns
	}
	switch loc := extString(ext, "x-ms-parameter-location"); loc {
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
	if v, ok := ext["x-ms-api-version"]; p.In == ir.InQuery && p.Name == "api-version" && (!ok || v == true) {
		p.APIVersion = true
		p.Client = false
	}
	hint := opID + "." + p.Name
	if global {
		hint = pat[1]
	}
	if p.In == ir.InBody {
		if kp.Schema == nil {
			b.diags.Add(p.Pointer, "body parameter has no schema")
			return nil
		}
		s := site{f: pf, tokens: pat}.child(pn.get("schema"), kp.Schema, "schema")
		p.Type = b.typeOf(s, hint)
		if r, ok := b.follow(s); ok {
			p.Constraints = constraints(r.s)
		}
	} else {
		// A non-body parameter carries its schema keywords itself; read it
		// as the schema it describes.
		s := site{f: pf, tokens: pat, n: pn, s: paramSchema(kp)}
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
		MaxItems: p.MaxItems, UniqueItems: p.UniqueItems, Extensions: p.Extensions,
	}
	return s
}

// responses reads an operation's responses, by status.
func (b *builder) responses(f *file, opAt []string, n *node, kop *openapi2.Operation, op *ir.Operation) {
	rs := n.get("responses")
	if rs == nil || len(rs.keys) == 0 {
		b.diags = append(b.diags, ir.Diagnostic{Pointer: op.Pointer, Message: "operation has no responses",
			Hint: "Swagger 2.0 requires at least one"})
		return
	}
	// In spec order: kin-openapi keeps the responses in a map.
	for i, code := range rs.keys {
		at := append(slices.Clone(opAt), "responses", code)
		rn := rs.vals[i]
		rf, rat := f, at
		kr := kop.Responses.Value(code)
		if ref := rn.get("$ref"); ref != nil {
			t, ok := b.resolve(f, at, ref.text())
			if !ok {
				continue
			}
			rf, rat, rn = t.f, t.tokens, t.n
			kr = b.sharedResponse(t)
		}
		if kr == nil {
			kr = new(openapi2.Response) // an extension, reported below
		}
		r := &ir.Response{Pointer: f.ptr(at...), Description: kr.Description}
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
			r.Error = extBool(kr.Extensions, "x-ms-error-response")
		}
		if kr.Schema != nil {
			s := site{f: rf, tokens: rat}.child(rn.get("schema"), kr.Schema, "schema")
			r.Type = b.typeOf(s, op.ID+"."+code)
		}
		if hs := rn.get("headers"); hs != nil {
			for j, name := range hs.keys {
				kh := kr.Headers[name]
				if kh == nil {
					continue
				}
				hat := append(slices.Clone(rat), "headers", name)
				h := &ir.Header{
					Name:        name,
					ClientName:  extString(kh.Extensions, "x-ms-client-name"),
					Description: kh.Description,
					Pointer:     rf.ptr(hat...),
				}
				h.Type = b.typeOf(site{f: rf, tokens: hat, n: hs.vals[j], s: paramSchema(&kh.Parameter)}, op.ID+"."+name)
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

// sharedResponse is kin-openapi's reading of the response a $ref leads to:
// one of the document's responses, else the part it points to.
func (b *builder) sharedResponse(t target) *openapi2.Response {
	if len(t.tokens) == 2 && t.tokens[0] == "responses" {
		if r := t.f.doc.Responses[t.tokens[1]]; r != nil {
			return r
		}
	}
	if t.n.kind != kindObject {
		return nil
	}
	r, _ := decodePart[openapi2.Response](t.f, t.n) // nil when kin-openapi cannot read it
	return r
}

// extensions reads an operation's x-ms-* behaviour: paging, long-running
// operations and examples.
func (b *builder) extensions(f *file, opAt []string, kop *openapi2.Operation, op *ir.Operation) {
	ext := kop.Extensions
	if pg := extObject(ext, "x-ms-pageable"); pg != nil {
		p := &ir.Paging{ItemName: "value", NextLinkName: "nextLink"}
		if v, ok := pg["itemName"]; ok {
			p.ItemName, _ = v.(string)
		}
		if v, ok := pg["nextLinkName"]; ok {
			p.NextLinkName, _ = v.(string) // null: the list comes in one page
		}
		p.NextOperation, _ = pg["operationName"].(string)
		op.Pageable = p
	}
	if extBool(ext, "x-ms-long-running-operation") {
		lro := &ir.LongRunning{}
		if via, ok := extObject(ext, "x-ms-long-running-operation-options")["final-state-via"]; ok {
			lro.FinalStateVia, _ = via.(string)
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
	for name, v := range extObject(ext, "x-ms-examples") {
		entry, _ := v.(map[string]any)
		ref, _ := entry["$ref"].(string)
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
	n := f.tree.get("x-ms-parameterized-host")
	if n == nil || n.kind != kindObject {
		return
	}
	// An extension, which kin-openapi's document leaves untyped: read here
	// with kin-openapi's parameters.
	h, err := decodePart[parameterizedHost](f, n)
	if err != nil {
		b.diags.Add(f.ptr("x-ms-parameterized-host"), "cannot read x-ms-parameterized-host: %v", err)
		return
	}
	b.api.HostTemplate = h.HostTemplate
	if h.UseSchemePrefix != nil {
		b.api.UseSchemePrefix = *h.UseSchemePrefix
	}
	b.hostArgsLast = h.PositionInOperation == "last"
	for i, kp := range h.Parameters {
		p := b.parameter(f, []string{"x-ms-parameterized-host", "parameters", strconv.Itoa(i)}, n.get("parameters").vals[i], kp, "host")
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

// parameterizedHost is x-ms-parameterized-host.
type parameterizedHost struct {
	HostTemplate        string                `json:"hostTemplate"`
	UseSchemePrefix     *bool                 `json:"useSchemePrefix"`
	PositionInOperation string                `json:"positionInOperation"`
	Parameters          []*openapi2.Parameter `json:"parameters"`
}
