package naming

import (
	"fmt"
	"strconv"

	"github.com/armgen/armgen/ir"
)

// operations names group clients, the methods and types of each
// operation, and parameters.
func (n *Names) operations(api *ir.API) {
	// Group clients first, so that per-operation types derived from the
	// same words come after them.
	for _, op := range api.Operations {
		goName := n.groupName(op)
		if _, ok := n.groups[goName]; ok {
			continue
		}
		g := &Group{Name: op.Group, Type: n.fixed["Client"], Accessor: ""}
		if goName != "" {
			g.Accessor = goName
			g.Type = n.derive(goName+"Client", "the client of operation group "+op.Group)
		}
		n.groups[goName] = g
	}
	for _, p := range api.ClientParams {
		n.params[p] = Param{Arg: Unexported(paramSpecName(p)), Field: n.specName(p.ClientName, p.Name)}
	}
	for _, p := range api.HostParams {
		n.params[p] = Param{Arg: Unexported(paramSpecName(p)), Field: n.specName(p.ClientName, p.Name)}
	}
	// Methods are per group: two operations of one group that become the
	// same method are a spec collision.
	methods := map[*Group]map[string]*ir.Operation{}
	for _, op := range api.Operations {
		g := n.groups[n.groupName(op)]
		if methods[g] == nil {
			methods[g] = map[string]*ir.Operation{}
			if g.Accessor == "" {
				// The root client's own methods are group accessors.
				for _, other := range n.groups {
					if other.Accessor != "" {
						methods[g][other.Accessor] = nil
					}
				}
			}
		}
		method := n.methodName(op)
		if method == "" {
			n.diags = append(n.diags, ir.Diagnostic{Pointer: op.Pointer,
				Message: "operationId " + quote(op.ID) + " has no letters or digits after the group to name a method"})
			continue
		}
		if prev, dup := methods[g][method]; dup {
			where := "a group accessor of the client"
			if prev != nil {
				where = "operation " + quote(prev.ID) + " at " + string(prev.Pointer)
			}
			n.diags = append(n.diags, ir.Diagnostic{Pointer: op.Pointer,
				Message: fmt.Sprintf("operationId %q becomes the Go method %s.%s, as does %s", op.ID, g.Type, method, where),
				Hint:    "operationIds must differ in more than case and punctuation"})
			continue
		}
		methods[g][method] = op
		prefix := n.groupName(op) + method
		o := &Op{
			Group:    g,
			Method:   method,
			Request:  "New" + method + "Request",
			Parse:    "Parse" + method + "Response",
			Options:  n.derive(prefix+"Options", string(op.Pointer)),
			Response: n.derive(prefix+"Response", string(op.Pointer)),
		}
		if op.Pageable != nil {
			o.Pager = n.derive(prefix+"Pager", string(op.Pointer))
			o.NewPager = "New" + method + "Pager"
			o.NextRequest = "New" + method + "NextRequest"
		}
		if op.LongRunning != nil {
			o.Poller = n.derive(prefix+"Poller", string(op.Pointer))
			o.Begin = "Begin" + method
			o.Resume = "Resume" + method
		}
		n.ops[op] = o
		n.opParams(op)
	}
	// A pageable operation whose spec names the operation that fetches
	// later pages uses that operation's request builder.
	byID := map[string]*ir.Operation{}
	for _, op := range api.Operations {
		byID[op.ID] = op
	}
	for _, op := range api.Operations {
		if o := n.ops[op]; o != nil && op.Pageable != nil && op.Pageable.NextOperation != "" {
			if next := n.ops[byID[op.Pageable.NextOperation]]; next != nil && next.Group == o.Group {
				o.NextRequest = ""
			}
		}
	}
	// The methods armgen derives (New…Request, Parse…Response, pagers,
	// pollers) must meet neither a spec method nor each other.
	for _, op := range api.Operations {
		o := n.ops[op]
		if o == nil {
			continue
		}
		for _, derived := range []string{o.Request, o.Parse, o.NewPager, o.NextRequest, o.Begin, o.Resume} {
			if derived == "" {
				continue
			}
			if other, taken := methods[o.Group][derived]; taken {
				what := "a group accessor"
				if other != nil {
					what = "a method of operation " + quote(other.ID)
				}
				n.diags = append(n.diags, ir.Diagnostic{Pointer: op.Pointer,
					Message: fmt.Sprintf("armgen's method %s.%s for %q is also %s", o.Group.Type, derived, op.ID, what),
					Hint:    "rename one operationId"})
				continue
			}
			methods[o.Group][derived] = op
		}
	}
}

func paramSpecName(p *ir.Parameter) string {
	if p.ClientName != "" {
		return p.ClientName
	}
	return p.Name
}

// opParams names an operation's own parameters: unique argument names and
// option fields.
func (n *Names) opParams(op *ir.Operation) {
	args := map[string]*ir.Parameter{}
	for _, p := range op.Params {
		if p.Client || p.APIVersion {
			continue
		}
		arg := Unexported(paramSpecName(p))
		field := n.specName(p.ClientName, p.Name)
		if arg == "" || field == "" {
			n.diags = append(n.diags, ir.Diagnostic{Pointer: p.Pointer,
				Message: "parameter " + quote(p.Name) + " has no letters or digits to name a Go argument after",
				Hint:    "give it x-ms-client-name"})
			continue
		}
		if prev, dup := args[arg]; dup {
			n.diags = append(n.diags, ir.Diagnostic{Pointer: p.Pointer,
				Message: fmt.Sprintf("parameters %q (%s) and %q (%s) of %s both become the Go name %s", prev.Name, prev.In, p.Name, p.In, op.ID, arg),
				Hint:    "rename one with x-ms-client-name"})
			continue
		}
		args[arg] = p
		n.params[p] = Param{Arg: arg, Field: field}
	}
}

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
				bodyFields[n.types[models[r.Type.Ref]]] = true
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
				taken[n.types[m]] = true
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
			name = n.types[m]
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
