package naming

import (
	"fmt"
	"slices"

	"github.com/armgen/armgen/ir"
)

// Group is an operation group's client.
type Group struct {
	Name     string // spec group ("BatchAccount"; "" for operations without one)
	Type     string // BatchAccountClient ("Client" for the ungrouped)
	Accessor string // method on Client returning it: BatchAccount
}

// Op is an operation's Go API: its identifiers, and what its methods
// take and return (goapi.go).
type Op struct {
	Group    *Group
	Method   string // Update: sends and parses
	Request  string // NewUpdateRequest: builds the *http.Request
	Parse    string // ParseUpdateResponse: reads the *http.Response
	Options  string // BatchAccountUpdateOptions
	Response string // BatchAccountUpdateResponse
	// Pageable operations: Pager type and the method that makes one.
	Pager, NewPager string
	// Pageable operations also build requests for later pages.
	NextRequest string
	// Long-running operations: Poller type, and the methods that start one
	// and rebuild one from a resume token.
	Poller, Begin, Resume string
	// Call is the method users call: Begin for a long-running
	// operation, NewPager for a pageable one, else Method.
	Call string

	// Args are the parameters passed as arguments (after the context),
	// Optional those in the options struct, each in spec order.
	Args, Optional []*ir.Parameter
	// Success are the responses that are not errors, in IR order.
	Success []*ir.Response
	// Body is the type of the first success body, nil when none has one:
	// the response embeds it when Embeds (a model that is not a family's
	// interface), else holds it in Value.
	Body   *ir.Type
	Embeds bool
	// Own holds the success responses whose body has a schema other than
	// Body's and a field of its own, by that field's name.
	Own map[*ir.Response]string
	// Mismatched are the success responses whose body has another
	// schema but no field of its own: it decodes into Body's type.
	Mismatched []*ir.Response
	// Headers are the success responses' headers, the response's fields,
	// the first of a name (in any case) winning.
	Headers []*ir.Header
}

// Param is a parameter's identifiers and role: the Go argument (or client
// field) name and, for optional ones, the options field.
type Param struct {
	Arg   string // accountName
	Field string // AccountName (options struct or ClientOptions field)
	Role  Role
}

// Op returns an operation's Go API.
func (n *Names) Op(o *ir.Operation) *Op { return n.ops[o] }

// Param returns a parameter's identifiers and role.
func (n *Names) Param(p *ir.Parameter) Param {
	names := n.params[p]
	names.Role = RoleOf(p)
	return names
}

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
		g := &Group{Name: op.Group, Type: n.fixed.Client, Accessor: ""}
		if goName != "" {
			g.Accessor = goName
			g.Type = n.derive(goName+"Client", "the client of operation group "+op.Group)
		}
		n.groups[goName] = g
	}
	held := map[string]*ir.Parameter{}
	for _, p := range slices.Concat(api.ClientParams, api.HostParams) {
		n.clientParam(p, held)
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

// clientParam names a parameter the Client holds (in a field named like
// its NewClient argument, and, when optional, a ClientOptions field):
// neither may be one of the names the Client and ClientOptions have of
// their own, nor the name of another such parameter.
func (n *Names) clientParam(p *ir.Parameter, held map[string]*ir.Parameter) {
	if _, done := n.params[p]; done {
		return
	}
	arg, field, ok := n.paramNames(p)
	if !ok {
		return
	}
	if slices.Contains(ClientFields, arg) {
		arg += "Param"
	}
	if slices.Contains(ClientOptionFields, field) {
		field += "Param"
	}
	if prev, dup := held[arg]; dup {
		n.diags = append(n.diags, ir.Diagnostic{Pointer: p.Pointer,
			Message: fmt.Sprintf("client parameters %q (%s) and %q (%s) both become the Go name %s (the other is at %s)", prev.Name, prev.In, p.Name, p.In, arg, prev.Pointer),
			Hint:    "rename one with x-ms-client-name"})
		return
	}
	held[arg] = p
	n.params[p] = Param{Arg: arg, Field: field}
}

// paramNames are a parameter's Go argument name (also that of the field
// holding it) and options field name; false, with an error, when its name
// has nothing to make them of.
func (n *Names) paramNames(p *ir.Parameter) (arg, field string, ok bool) {
	arg, field = Unexported(paramSpecName(p)), n.specName(p.ClientName, p.Name)
	if arg == "" || field == "" {
		n.diags = append(n.diags, ir.Diagnostic{Pointer: p.Pointer,
			Message: "parameter " + quote(p.Name) + " has no letters or digits to name a Go argument after",
			Hint:    "give it x-ms-client-name"})
		return "", "", false
	}
	return arg, field, true
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
		arg, field, ok := n.paramNames(p)
		if !ok {
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
