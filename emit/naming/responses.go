package naming

import (
	"strconv"

	"github.com/armgen/armgen/ir"
)

// responseHeaders names the header fields of each operation's response:
// the header's name in Go form, with "Header" appended when the response
// body has a field of that name. It names the body fields of success
// responses whose schema differs from the first one's too.
func (n *Names) responseHeaders(api *ir.API) {
	models := make(map[string]*ir.Model, len(api.Models))
	for _, m := range api.Models {
		models[m.Key] = m
	}
	for _, op := range api.Operations {
		bodyFields := map[string]bool{}
		for _, name := range n.responseBodies(op, models) {
			bodyFields[name] = true
		}
		for _, r := range op.Responses {
			if r.Type != nil && r.Type.Kind == ir.KindModel && models[r.Type.Ref] != nil {
				for _, p := range models[r.Type.Ref].Properties {
					bodyFields[n.fields[p]] = true
				}
				bodyFields[n.Type(models[r.Type.Ref])] = true
			}
		}
		bodyFields["Value"], bodyFields["Success"] = true, true
		for _, r := range op.Responses {
			for _, h := range r.Headers {
				name := n.specName(h.ClientName, h.Name)
				if name == "" {
					name = "Header"
				}
				if bodyFields[name] {
					name += "Header"
				}
				n.headers[h] = name
			}
		}
	}
}

// responseBodies names the fields that hold the bodies of success
// responses whose schema is not the first success body's (which the
// response embeds, or holds in Value): a model's type name, or Value and
// the status for other types; "Body" is appended to a name the first
// body already has as a field.
func (n *Names) responseBodies(op *ir.Operation, models map[string]*ir.Model) []string {
	var first *ir.Type
	taken := map[string]bool{"Value": true, "Success": true}
	var names []string
	for _, r := range op.Responses {
		if r.Error || r.Type == nil {
			continue
		}
		if first == nil {
			first = r.Type
			if m := models[r.Type.Ref]; r.Type.Kind == ir.KindModel && m != nil {
				for _, p := range m.Properties {
					taken[n.fields[p]] = true
				}
				taken[n.Type(m)] = true
			}
			continue
		}
		if r.Type.Equal(first) {
			continue
		}
		if prev := n.sameBody(op, r); prev != "" {
			n.bodies[r] = prev // the type of another status
			continue
		}
		name := "Value" + strconv.Itoa(r.Status)
		if m := models[r.Type.Ref]; r.Type.Kind == ir.KindModel && m != nil {
			name = n.Type(m)
		}
		if taken[name] {
			name += "Body"
		}
		taken[name] = true
		n.bodies[r] = name
		names = append(names, name)
	}
	return names
}

// sameBody is the field already named for a response of op with r's
// type, if any.
func (n *Names) sameBody(op *ir.Operation, r *ir.Response) string {
	for _, o := range op.Responses {
		if o != r && n.bodies[o] != "" && o.Type.Equal(r.Type) {
			return n.bodies[o]
		}
	}
	return ""
}

// BodyField returns the response struct field that holds r's body when
// its schema differs from the operation's first success body; "" when r
// has the first body's schema, or none.
func (n *Names) BodyField(r *ir.Response) string {
	return n.bodies[r]
}

// HeaderField returns the response struct field for a header.
func (n *Names) HeaderField(h *ir.Header) string { return n.headers[h] }
