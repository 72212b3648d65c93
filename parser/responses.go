package parser

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"

	"github.com/armgen/armgen/ir"
)

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
		return t.f.response(t.tokens[1])
	}
	if t.n.kind != kindObject {
		return nil
	}
	return decodePart[openapi2.Response](t.f, t.n, t.tokens)
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
