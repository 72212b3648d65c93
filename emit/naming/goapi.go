package naming

import (
	"slices"
	"strings"

	"github.com/armgen/armgen/ir"
)

// Each operation's Go API, beyond its names: which parameters are
// arguments and which options, the method users call, and what its
// response holds. The emitter writes it; `armgen diff` compares it.

// Role is how a parameter appears in Go.
type Role int

const (
	RoleArgument     Role = iota // an argument of the operation's methods
	RoleOption                   // a field of the operation's options struct
	RoleClient                   // held by the client: an argument of NewClient
	RoleClientOption             // held by the client: a field of ClientOptions
	RoleFixed                    // not in Go at all: the api-version or a constant
)

// PerCall reports whether callers give a parameter of the role on each
// call: as an argument, or in the options.
func (r Role) PerCall() bool { return r == RoleArgument || r == RoleOption }

// RoleOf is a parameter's role. A client parameter is an argument of
// NewClient when it is required and has no default, else a field of
// ClientOptions.
func RoleOf(p *ir.Parameter) Role {
	switch {
	case p.APIVersion || p.Const != "":
		return RoleFixed
	case p.Client && p.Required && p.Default == "":
		return RoleClient
	case p.Client:
		return RoleClientOption
	case p.Required:
		return RoleArgument
	}
	return RoleOption
}

// goAPIs completes each named operation's Op: its parameters by role,
// the method users call, and what its response holds.
func (n *Names) goAPIs(api *ir.API) {
	for _, op := range api.Operations {
		o := n.ops[op]
		if o == nil {
			continue
		}
		o.Call = o.Method
		switch {
		case o.Begin != "":
			o.Call = o.Begin
		case o.NewPager != "":
			o.Call = o.NewPager
		}
		for _, p := range op.Params {
			switch RoleOf(p) {
			case RoleArgument:
				o.Args = append(o.Args, p)
			case RoleOption:
				o.Optional = append(o.Optional, p)
			}
		}
		n.results(op, o)
	}
}

// results says what an operation's response holds: the first success
// body, embedded or as Value; the bodies of other schemas, each in a
// field of its own when one was named for it (responseBodies) and Go can
// hold it apart, else decoded into the first body's type; and the
// headers of every success response.
func (n *Names) results(op *ir.Operation, o *Op) {
	for _, r := range op.Responses {
		if r.Error {
			continue
		}
		o.Success = append(o.Success, r)
		switch {
		case r.Type != nil && o.Body == nil:
			o.Body = r.Type
		case r.Type == nil || r.Type.Equal(o.Body):
		case n.BodyField(r) != "" && r.Type.Kind != ir.KindStream && n.Codec(r.Type) == CodecNone && n.iface(r.Type) == "" &&
			o.Body.Kind != ir.KindStream:
			if o.Own == nil {
				o.Own = map[*ir.Response]string{}
			}
			o.Own[r] = n.BodyField(r)
		default:
			o.Mismatched = append(o.Mismatched, r)
		}
		for _, h := range r.Headers {
			if !slices.ContainsFunc(o.Headers, func(x *ir.Header) bool { return strings.EqualFold(x.Name, h.Name) }) {
				o.Headers = append(o.Headers, h)
			}
		}
	}
	o.Embeds = o.Body != nil && o.Body.Kind == ir.KindModel && n.iface(o.Body) == ""
}

// OwnFields lists the fields of Own once each, in response order.
func (o *Op) OwnFields() []string {
	var fields []string
	for _, r := range o.Success {
		if f := o.Own[r]; f != "" && !slices.Contains(fields, f) {
			fields = append(fields, f)
		}
	}
	return fields
}

// Header returns the response header field of the given wire name, in
// any case, or nil.
func (o *Op) Header(name string) *ir.Header {
	for _, h := range o.Headers {
		if strings.EqualFold(h.Name, name) {
			return h
		}
	}
	return nil
}

// iface returns the interface of a polymorphic model type, "" for any
// other type.
func (n *Names) iface(t *ir.Type) string {
	if !n.Polymorphic(t) {
		return ""
	}
	return n.Interface(n.Model(t.Ref))
}
