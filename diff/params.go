package diff

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/armgen/armgen/emit/naming"
	"github.com/armgen/armgen/ir"
)

// paramKey matches parameters: by location and name, and the body by
// location only (its name is only the Go argument's).
func paramKey(p *ir.Parameter) string {
	if p.In == ir.InBody {
		return "body"
	}
	return string(p.In) + " " + p.Name
}

// paramGo names a parameter's Go side: the affected identifier, and how
// messages name it ("argument `name string` of `PoolClient.Get`", "field
// `IfMatch *string` of `PoolCreateOptions`").
func (s *side) paramGo(op *ir.Operation, p *ir.Parameter) (id, what string) {
	o := s.opNames(op)
	n := s.names.Param(p)
	fixed := s.names.Fixed()
	switch n.Role {
	case naming.RoleArgument:
		return s.call(op), "argument " + code(n.Arg+" "+s.argType(p)) + " of " + code(s.call(op))
	case naming.RoleOption:
		return o.Options + "." + n.Field, "field " + code(n.Field+" "+s.optionType(p)) + " of " + code(o.Options)
	case naming.RoleClient:
		return fixed.NewClient, "argument " + code(n.Arg) + " of " + code(fixed.NewClient)
	case naming.RoleClientOption:
		return fixed.ClientOptions + "." + n.Field, "field " + code(n.Field+" "+s.fieldType(p.Type)) + " of " + code(fixed.ClientOptions)
	}
	return s.call(op), "no Go argument"
}

func wireParam(p *ir.Parameter) string {
	if p.In == ir.InBody {
		return "the request body"
	}
	return string(p.In) + " parameter " + strconv.Quote(p.Name)
}

// capital starts a sentence with a capital letter.
func capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

func (d *differ) params(oo, no *ir.Operation, m string) {
	oldByKey := map[string]*ir.Parameter{}
	for _, p := range oo.Params {
		oldByKey[paramKey(p)] = p
	}
	matched := map[*ir.Parameter]*ir.Parameter{} // old → new
	var newLeft []*ir.Parameter
	for _, p := range no.Params {
		if op := oldByKey[paramKey(p)]; op != nil {
			matched[op] = p
		} else {
			newLeft = append(newLeft, p)
		}
	}
	// A path parameter renamed keeps its place in the path.
	oldPath, newPath := oo.PathParts.Params(), no.PathParts.Params()
	renamed := map[*ir.Parameter]bool{}
	for _, p := range newLeft {
		if p.In != ir.InPath {
			continue
		}
		i := slices.Index(newPath, p.Name)
		if i < 0 || i >= len(oldPath) {
			continue
		}
		if op := oo.Param(ir.InPath, oldPath[i]); op != nil && matched[op] == nil {
			matched[op] = p
			renamed[p] = true
		}
	}
	for _, op := range oo.Params {
		if p := matched[op]; p != nil {
			d.param(oo, no, op, p, m)
		} else {
			d.paramGone(oo, op)
		}
	}
	for _, p := range newLeft {
		if !renamed[p] {
			d.paramNew(no, p)
		}
	}
}

// held reports whether the client holds parameters of a role: those are
// compared once, as the client's (clientParams).
func held(r naming.Role) bool { return r == naming.RoleClient || r == naming.RoleClientOption }

// clientHeld returns the parameter of a name the client holds, or nil.
func (s *side) clientHeld(name string) *ir.Parameter {
	for _, p := range s.api.ClientParams {
		if p.Name == name && held(naming.RoleOf(p)) {
			return p
		}
	}
	return nil
}

func (d *differ) paramNew(op *ir.Operation, p *ir.Parameter) {
	if held(naming.RoleOf(p)) {
		// A parameter new to the client is the client's change; one it
		// held already is new on the wire only.
		if d.old.clientHeld(p.Name) != nil {
			d.add(Change{Kind: Added, Element: Parameter, Pointer: p.Pointer, Go: d.new.call(op),
				Reason:  "the client holds it already; the generated request sends it",
				Message: fmt.Sprintf("%s now sends %s, which the client holds", code(d.new.call(op)), wireParam(p))})
		}
		return
	}
	id, what := d.new.paramGo(op, p)
	c := Change{Kind: Added, Element: Parameter, Pointer: p.Pointer, Go: id,
		Message: fmt.Sprintf("New %s (%s)", what, wireParam(p))}
	switch naming.RoleOf(p) {
	case naming.RoleArgument:
		c.Breaking = true
		c.Reason = "a new required argument: calls without it no longer compile"
	case naming.RoleOption:
		c.Reason = "a new optional parameter; nil leaves it out"
	case naming.RoleFixed:
		c.Reason = "the generated request sends its fixed value"
		c.Message = fmt.Sprintf("%s now sends %s with the fixed value %s", code(d.new.call(op)), wireParam(p), p.Const)
		if p.APIVersion {
			c.Message = fmt.Sprintf("%s now sends the api-version as %s", code(d.new.call(op)), wireParam(p))
		}
	}
	d.add(c)
}

func (d *differ) paramGone(op *ir.Operation, p *ir.Parameter) {
	if held(naming.RoleOf(p)) {
		if d.new.clientHeld(p.Name) != nil {
			d.add(Change{Kind: Removed, Element: Parameter, Pointer: p.Pointer, Go: d.old.call(op),
				Reason:  "the client still holds it; the generated request no longer sends it",
				Message: fmt.Sprintf("%s no longer sends %s", code(d.old.call(op)), wireParam(p))})
		}
		return
	}
	id, what := d.old.paramGo(op, p)
	c := Change{Kind: Removed, Element: Parameter, Pointer: p.Pointer, Go: id, Breaking: true,
		Reason:  "calls that pass it no longer compile",
		Message: fmt.Sprintf("%s has been removed (%s)", capital(what), wireParam(p))}
	switch naming.RoleOf(p) {
	case naming.RoleOption:
		c.Reason = "code that sets the options field no longer compiles"
	case naming.RoleFixed:
		c.Breaking = false
		c.Reason = "it was never a Go argument"
		c.Message = fmt.Sprintf("%s no longer sends %s", code(d.old.call(op)), wireParam(p))
	}
	d.add(c)
}

// param compares a parameter present in both versions.
func (d *differ) param(oo, no *ir.Operation, op, np *ir.Parameter, m string) {
	id, what := d.new.paramGo(no, np)
	wire := wireParam(np)
	at := np.Pointer
	or, nr := naming.RoleOf(op), naming.RoleOf(np)
	if held(or) && held(nr) {
		return // the client's (clientParams)
	}
	if or != nr {
		c := Change{Kind: Changed, Element: Parameter, Pointer: at, Go: id, Breaking: true}
		_, oldWhat := d.old.paramGo(oo, op)
		switch {
		case or == naming.RoleOption && nr == naming.RoleArgument:
			c.Reason = "an optional parameter becomes required: calls need the new argument"
			c.Message = fmt.Sprintf("%s is now required: %s becomes %s", capital(wire), oldWhat, what)
		case or == naming.RoleArgument && nr == naming.RoleOption:
			c.Reason = "a required parameter becomes optional: the argument moves into the options struct"
			c.Message = fmt.Sprintf("%s is now optional: %s becomes %s", capital(wire), oldWhat, what)
		case nr == naming.RoleFixed:
			c.Reason = "the parameter is no longer a Go argument: calls that pass it no longer compile"
			c.Message = fmt.Sprintf("%s now has a fixed value (%s): %s has been removed", capital(wire), orNone(np.Const), oldWhat)
		default:
			c.Reason = "calls pass it differently"
			c.Message = fmt.Sprintf("%s was %s and is now %s", capital(wire), oldWhat, what)
		}
		if or == naming.RoleFixed && (nr == naming.RoleOption || nr == naming.RoleClientOption) {
			c.Breaking = false
			c.Reason = "a new optional parameter; nil leaves it out"
		}
		d.add(c)
		return
	}
	if or == naming.RoleFixed {
		if op.Const != np.Const {
			d.add(Change{Kind: Changed, Element: Parameter, Pointer: at, Go: id,
				Reason:  "the generated request sends the new value",
				Message: fmt.Sprintf("%s of %s sends %s instead of %s", capital(wire), code(m), np.Const, op.Const)})
		}
		return
	}
	if op.In != np.In || op.Name != np.Name {
		d.add(Change{Kind: Changed, Element: Parameter, Pointer: at, Go: id,
			Reason:  "the Go argument keeps its place; the generated request sends it the new way",
			Message: fmt.Sprintf("%s of %s is now %s", capital(wireParam(op)), code(m), wire)})
	}
	if or == naming.RoleOption {
		if of, nf := d.old.names.Param(op).Field, d.new.names.Param(np).Field; of != nf {
			d.add(Change{Kind: Changed, Element: Parameter, Pointer: at, Go: id, Breaking: true,
				Reason:  "code that sets the old field no longer compiles",
				Message: fmt.Sprintf("Field %s of %s has been renamed to %s (%s)", code(of), code(d.old.opNames(oo).Options), code(nf), wire)})
		}
	}
	ot, nt := d.old.argType(op), d.new.argType(np)
	if or == naming.RoleOption {
		ot, nt = d.old.optionType(op), d.new.optionType(np)
	}
	switch {
	case ot != nt:
		d.add(Change{Kind: Changed, Element: Parameter, Pointer: at, Go: id, Breaking: true,
			Reason:  "calls that pass the old type no longer compile",
			Message: fmt.Sprintf("Type of %s of %s has been changed from %s to %s (%s: %s → %s)", wire, code(m), code(ot), code(nt), wire, op.Type, np.Type)})
	case !sameWire(op.Type, np.Type):
		d.add(Change{Kind: Changed, Element: Parameter, Pointer: at, Go: id,
			Reason:  "the Go type stays " + nt + "; the generated request writes the new format",
			Message: fmt.Sprintf("The wire type of %s of %s changed from %s to %s", wire, code(m), op.Type, np.Type)})
	}
	if desc, tighter := compareConstraints(op.Constraints, np.Constraints); desc != "" {
		c := Change{Kind: Changed, Element: Parameter, Pointer: at, Go: id,
			Reason:  "values that passed before still pass",
			Message: fmt.Sprintf("Constraints of %s of %s changed: %s", wire, code(m), desc)}
		if tighter {
			c.Breaking = true
			c.Reason = "the request builder refuses values it accepted before"
		}
		d.add(c)
	}
	if op.Default != np.Default {
		d.add(Change{Kind: Changed, Element: Parameter, Pointer: at, Go: id,
			Reason:  "the service applies the new default when the parameter is left out",
			Message: fmt.Sprintf("Default of %s of %s changed from %s to %s", wire, code(m), orNone(op.Default), orNone(np.Default))})
	}
	if op.CollectionFormat != np.CollectionFormat {
		d.add(Change{Kind: Changed, Element: Parameter, Pointer: at, Go: id,
			Reason:  "the generated request joins the values the new way",
			Message: fmt.Sprintf("%s of %s joins its values as %s instead of %s", capital(wire), code(m), orDefault(np.CollectionFormat), orDefault(op.CollectionFormat))})
	}
}

// clientParams compares the parameters the client holds: the arguments
// of NewClient and the fields of ClientOptions.
func (d *differ) clientParams() {
	held := func(api *ir.API) map[string]*ir.Parameter {
		out := map[string]*ir.Parameter{}
		for _, p := range api.ClientParams {
			if r := naming.RoleOf(p); r == naming.RoleClient || r == naming.RoleClientOption {
				out[p.Name] = p
			}
		}
		return out
	}
	olds, news := held(d.old.api), held(d.new.api)
	for _, p := range d.old.api.ClientParams {
		if olds[p.Name] == p && news[p.Name] == nil {
			d.clientParamGone(p)
		}
	}
	for _, p := range d.new.api.ClientParams {
		if news[p.Name] != p {
			continue
		}
		if op := olds[p.Name]; op != nil {
			d.clientParam(op, p)
		} else {
			d.clientParamNew(p)
		}
	}
}

// clientGo names a client parameter's Go side, as paramGo does.
func (s *side) clientGo(p *ir.Parameter) (id, what string) { return s.paramGo(nil, p) }

// clientOptionReason says why a new field of ClientOptions breaks nothing.
func clientOptionReason(p *ir.Parameter) string {
	if p.Default != "" {
		return "a new optional client setting; unset, the client sends the spec's default " + p.Default
	}
	return "a new optional client setting; unset, requests leave it out"
}

func (d *differ) clientParamGone(p *ir.Parameter) {
	id, what := d.old.clientGo(p)
	reason := "calls of " + d.old.names.Fixed().NewClient + " that pass it no longer compile"
	if naming.RoleOf(p) == naming.RoleClientOption {
		reason = "code that sets the field no longer compiles"
	}
	d.add(Change{Kind: Removed, Element: Client, Pointer: p.Pointer, Go: id, Breaking: true,
		Reason: reason, Message: fmt.Sprintf("%s has been removed (%s)", capital(what), wireParam(p))})
}

func (d *differ) clientParamNew(p *ir.Parameter) {
	id, _ := d.new.clientGo(p)
	newClient := d.new.names.Fixed().NewClient
	if naming.RoleOf(p) == naming.RoleClientOption {
		field := d.new.names.Param(p).Field
		d.add(Change{Kind: Added, Element: Client, Pointer: p.Pointer, Go: id, Reason: clientOptionReason(p),
			Message: fmt.Sprintf("New field %s in struct %s (%s)", code(field+" "+d.new.fieldType(p.Type)), code(d.new.names.Fixed().ClientOptions), wireParam(p))})
		return
	}
	d.add(Change{Kind: Added, Element: Client, Pointer: p.Pointer, Go: id, Breaking: true,
		Reason:  "calls of " + newClient + " need the new argument",
		Message: fmt.Sprintf("New argument %s of %s (%s)", code(d.new.names.Param(p).Arg+" "+d.new.valueType(p.Type)), code(newClient), wireParam(p))})
}

// clientParam compares a client parameter both versions have.
func (d *differ) clientParam(op, p *ir.Parameter) {
	id, what := d.new.clientGo(p)
	or, nr := naming.RoleOf(op), naming.RoleOf(p)
	if or != nr {
		_, oldWhat := d.old.clientGo(op)
		c := Change{Kind: Changed, Element: Client, Pointer: p.Pointer, Go: id, Breaking: true,
			Reason:  "calls of " + d.new.names.Fixed().NewClient + " need the new argument",
			Message: fmt.Sprintf("%s was %s and is now %s", capital(wireParam(p)), oldWhat, what)}
		if nr == naming.RoleClientOption {
			c.Reason = "the argument of " + d.old.names.Fixed().NewClient + " moves into " + d.new.names.Fixed().ClientOptions
		}
		d.add(c)
	} else {
		ot, nt := d.old.valueType(op.Type), d.new.valueType(p.Type)
		if nr == naming.RoleClientOption {
			ot, nt = d.old.fieldType(op.Type), d.new.fieldType(p.Type)
		}
		if ot != nt {
			c := Change{Kind: Changed, Element: Client, Pointer: p.Pointer, Go: id, Breaking: true,
				Reason:  "calls of " + d.new.names.Fixed().NewClient + " that pass the old type no longer compile",
				Message: fmt.Sprintf("Type of argument %s of %s has been changed from %s to %s (%s)", code(d.new.names.Param(p).Arg), code(d.new.names.Fixed().NewClient), code(ot), code(nt), wireParam(p))}
			if nr == naming.RoleClientOption {
				c.Reason = "code that sets the field with its old type no longer compiles"
				c.Message = fmt.Sprintf("Type of %s has been changed from %s to %s (%s)", code(id), code(ot), code(nt), wireParam(p))
			}
			d.add(c)
		}
	}
	if desc, tighter := compareConstraints(op.Constraints, p.Constraints); desc != "" {
		d.add(Change{Kind: Changed, Element: Client, Pointer: p.Pointer, Go: id, Breaking: tighter,
			Reason:  map[bool]string{true: "the request builders refuse values they accepted before", false: "values that passed before still pass"}[tighter],
			Message: fmt.Sprintf("Constraints of %s changed: %s", wireParam(p), desc)})
	}
}
