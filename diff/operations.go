package diff

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/armgen/armgen/emit/naming"
	"github.com/armgen/armgen/ir"
)

// method is an operation's Go method as named from its operationId,
// "PoolClient.Create".
func (s *side) method(op *ir.Operation) string {
	o := s.names.Op(op)
	if o == nil {
		return op.ID
	}
	return o.Group.Type + "." + o.Method
}

// call is the method users call for an operation, as emit writes it:
// Begin<Op> for a long-running one, New<Op>Pager for a pageable one,
// else <Op>.
func (s *side) call(op *ir.Operation) string {
	o := s.names.Op(op)
	switch {
	case o == nil:
		return op.ID
	case op.LongRunning != nil && o.Begin != "":
		return o.Group.Type + "." + o.Begin
	case op.Pageable != nil && o.NewPager != "":
		return o.Group.Type + "." + o.NewPager
	}
	return o.Group.Type + "." + o.Method
}

// opNames is the operation's naming, never nil.
func (s *side) opNames(op *ir.Operation) *naming.Op {
	if o := s.names.Op(op); o != nil {
		return o
	}
	return &naming.Op{Group: &naming.Group{}}
}

// operations matches operations by operationId, then the ones left by
// HTTP method and path (an operationId renamed), and compares each pair.
func (d *differ) operations() {
	oldByID := map[string]*ir.Operation{}
	for _, op := range d.old.api.Operations {
		oldByID[op.ID] = op
	}
	matched := map[*ir.Operation]*ir.Operation{} // old → new
	var newLeft []*ir.Operation
	for _, op := range d.new.api.Operations {
		if old := oldByID[op.ID]; old != nil && matched[old] == nil {
			matched[old] = op
		} else {
			newLeft = append(newLeft, op)
		}
	}
	var oldLeft []*ir.Operation
	for _, op := range d.old.api.Operations {
		if matched[op] == nil {
			oldLeft = append(oldLeft, op)
		}
	}
	renamed := map[*ir.Operation]bool{}
	for _, n := range newLeft {
		for _, o := range oldLeft {
			if matched[o] == nil && o.Method == n.Method && pathShape(o.PathParts) == pathShape(n.PathParts) {
				matched[o] = n
				renamed[n] = true
				break
			}
		}
	}
	for _, o := range d.old.api.Operations {
		if n := matched[o]; n != nil {
			d.operation(o, n)
		} else {
			d.operationGone(o)
		}
	}
	for _, n := range newLeft {
		if !renamed[n] {
			d.operationNew(n)
		}
	}
}

// pathShape is a path with its parameters' names left out, in lower case:
// two operations of one shape and method are the same operation.
func pathShape(t ir.Template) string {
	var b strings.Builder
	for _, part := range t {
		if part.Param != "" {
			b.WriteString("{}")
		} else {
			b.WriteString(strings.ToLower(part.Text))
		}
	}
	return b.String()
}

func (d *differ) operationNew(op *ir.Operation) {
	m := d.new.call(op)
	msg := fmt.Sprintf("New method %s (%s, %s %s", code(m), op.ID, op.Method, op.Path)
	o := d.new.opNames(op)
	switch {
	case op.LongRunning != nil:
		msg += fmt.Sprintf("; long-running, returns %s", code("*"+o.Poller))
	case op.Pageable != nil:
		msg += fmt.Sprintf("; pageable, returns %s", code("*"+o.Pager))
	}
	d.add(Change{Kind: Added, Element: Operation, Pointer: op.Pointer, Go: m,
		Reason: "a new operation", Message: msg + ")"})
}

func (d *differ) operationGone(op *ir.Operation) {
	m := d.old.call(op)
	d.add(Change{Kind: Removed, Element: Operation, Pointer: op.Pointer, Go: m, Breaking: true,
		Reason:  "code that calls it no longer compiles, and the service no longer offers it",
		Message: fmt.Sprintf("Method %s has been removed (%s, %s %s)", code(m), op.ID, op.Method, op.Path)})
}

// operation compares an operation present in both versions.
func (d *differ) operation(oo, no *ir.Operation) {
	m := d.new.call(no)
	at := no.Pointer
	if om, nm := d.old.method(oo), d.new.method(no); om != nm {
		// Name the methods users call, unless the operation also became
		// (or stopped being) long-running or pageable, which is reported
		// on its own below.
		from, to := d.old.call(oo), m
		if (oo.LongRunning == nil) != (no.LongRunning == nil) || (oo.Pageable == nil) != (no.Pageable == nil) {
			from, to = om, nm
		}
		d.add(Change{Kind: Changed, Element: Operation, Pointer: at, Go: to, Breaking: true,
			Reason:  "code that calls the old method no longer compiles",
			Message: fmt.Sprintf("Method %s has been renamed to %s (operationId %s → %s)", code(from), code(to), oo.ID, no.ID)})
	}
	if oldOpts, newOpts := d.old.opNames(oo).Options, d.new.opNames(no).Options; oldOpts != newOpts && oldOpts != "" && newOpts != "" {
		d.add(Change{Kind: Changed, Element: Operation, Pointer: at, Go: newOpts, Breaking: true,
			Reason:  "code that names the old type no longer compiles",
			Message: fmt.Sprintf("Struct %s has been renamed to %s", code(oldOpts), code(newOpts))})
	}
	if oo.Method != no.Method {
		d.add(Change{Kind: Changed, Element: Operation, Pointer: at, Go: m, Breaking: true,
			Reason:  "the same call now makes a different HTTP request, which the service treats differently",
			Message: fmt.Sprintf("%s now sends %s instead of %s (%s)", code(m), no.Method, oo.Method, no.Path)})
	}
	if oo.Path != no.Path {
		d.add(Change{Kind: Changed, Element: Operation, Pointer: at, Go: m,
			Reason:  "the method keeps its signature; the generated request goes to the new path",
			Message: fmt.Sprintf("%s now sends to %s instead of %s", code(m), no.Path, oo.Path)})
	}
	d.longRunning(oo, no, m)
	d.pageable(oo, no, m)
	if !oo.Deprecated && no.Deprecated {
		d.add(Change{Kind: Changed, Element: Operation, Pointer: at, Go: m,
			Reason:  "it still works; a later api-version may remove it",
			Message: fmt.Sprintf("Method %s is deprecated (%s)", code(m), no.ID)})
	}
	d.params(oo, no, m)
	d.responses(oo, no, m)
}

func (d *differ) longRunning(oo, no *ir.Operation, m string) {
	on, nn := d.old.opNames(oo), d.new.opNames(no)
	o, n := oo.LongRunning, no.LongRunning
	switch {
	case o == nil && n != nil:
		d.add(Change{Kind: Changed, Element: Operation, Pointer: no.Pointer, Go: m, Breaking: true,
			Reason: "code that calls " + d.old.call(oo) + " no longer compiles: the service now finishes the operation later, and " +
				nn.Begin + " returns a poller to wait for it",
			Message: fmt.Sprintf("%s has been replaced by %s and %s: %s is now long-running (x-ms-long-running-operation)",
				code(d.old.call(oo)), code(m), code(nn.Group.Type+"."+nn.Resume), no.ID)})
	case o != nil && n == nil:
		d.add(Change{Kind: Changed, Element: Operation, Pointer: no.Pointer, Go: m, Breaking: true,
			Reason: "code that calls " + d.old.call(oo) + " or " + on.Group.Type + "." + on.Resume + " no longer compiles: the service now answers at once",
			Message: fmt.Sprintf("%s and %s have been replaced by %s: %s is no longer long-running",
				code(d.old.call(oo)), code(on.Group.Type+"."+on.Resume), code(m), no.ID)})
	case o != nil && n != nil && o.FinalStateVia != n.FinalStateVia:
		d.add(Change{Kind: Changed, Element: Operation, Pointer: no.Pointer, Go: m,
			Reason:  "the poller reads the final result where the new version says",
			Message: fmt.Sprintf("%s reads its final state via %s instead of %s", code(m), orDefault(n.FinalStateVia), orDefault(o.FinalStateVia))})
	}
}

func orDefault(s string) string {
	if s == "" {
		return "the default"
	}
	return s
}

func (d *differ) pageable(oo, no *ir.Operation, m string) {
	o, n := oo.Pageable, no.Pageable
	lro := oo.LongRunning != nil || no.LongRunning != nil
	switch {
	case o == nil && n != nil && lro:
		d.add(Change{Kind: Changed, Element: Operation, Pointer: no.Pointer, Go: m, Breaking: true,
			Reason:  "its result now comes in pages",
			Message: fmt.Sprintf("%s is now pageable (x-ms-pageable)", no.ID)})
	case o == nil && n != nil:
		d.add(Change{Kind: Changed, Element: Operation, Pointer: no.Pointer, Go: m, Breaking: true,
			Reason: "code that calls " + d.old.call(oo) + " no longer compiles: results now come in pages, which " +
				d.new.opNames(no).NewPager + " walks",
			Message: fmt.Sprintf("%s has been replaced by %s, which returns %s: %s is now pageable (x-ms-pageable)",
				code(d.old.call(oo)), code(m), code("*"+d.new.opNames(no).Pager), no.ID)})
	case o != nil && n == nil && lro:
		d.add(Change{Kind: Changed, Element: Operation, Pointer: no.Pointer, Go: m, Breaking: true,
			Reason:  "its result no longer comes in pages",
			Message: fmt.Sprintf("%s is no longer pageable", no.ID)})
	case o != nil && n == nil:
		d.add(Change{Kind: Changed, Element: Operation, Pointer: no.Pointer, Go: m, Breaking: true,
			Reason:  "code that calls " + d.old.call(oo) + " no longer compiles: the result comes in one response",
			Message: fmt.Sprintf("%s has been replaced by %s: %s is no longer pageable", code(d.old.call(oo)), code(m), no.ID)})
	case o != nil && n != nil:
		if o.NextLinkName != n.NextLinkName {
			d.add(Change{Kind: Changed, Element: Operation, Pointer: no.Pointer, Go: m,
				Reason:  "the pager follows the new next link",
				Message: fmt.Sprintf("%s reads the next page's link from %s instead of %s", code(m), orNone(n.NextLinkName), orNone(o.NextLinkName))})
		}
		if o.ItemName != n.ItemName {
			d.add(Change{Kind: Changed, Element: Operation, Pointer: no.Pointer, Go: m,
				Reason:  "the pager reads the items where the new version says",
				Message: fmt.Sprintf("%s reads its items from %s instead of %s", code(m), strconv.Quote(n.ItemName), strconv.Quote(o.ItemName))})
		}
		if o.NextOperation != n.NextOperation {
			d.add(Change{Kind: Changed, Element: Operation, Pointer: no.Pointer, Go: m,
				Reason:  "the pager fetches later pages the new way",
				Message: fmt.Sprintf("%s fetches later pages with %s instead of %s", code(m), orDefault(n.NextOperation), orDefault(o.NextOperation))})
		}
	}
}

// role is how a parameter appears in Go.
type role int

const (
	roleArgument role = iota // a required argument of the method
	roleOption               // a field of the options struct
	roleClient               // an argument of NewClient
	roleFixed                // not in Go at all: api-version or a constant
)

func roleOf(p *ir.Parameter) role {
	switch {
	case p.APIVersion || p.Const != "":
		return roleFixed
	case p.Client:
		return roleClient
	case p.Required:
		return roleArgument
	}
	return roleOption
}

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
	switch roleOf(p) {
	case roleArgument:
		return s.call(op), "argument " + code(n.Arg+" "+s.argType(p)) + " of " + code(s.call(op))
	case roleOption:
		return o.Options + "." + n.Field, "field " + code(n.Field+" "+s.optionType(p)) + " of " + code(o.Options)
	case roleClient:
		return "NewClient", "argument " + code(n.Arg) + " of " + code("NewClient")
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

func (d *differ) paramNew(op *ir.Operation, p *ir.Parameter) {
	id, what := d.new.paramGo(op, p)
	c := Change{Kind: Added, Element: Parameter, Pointer: p.Pointer, Go: id,
		Message: fmt.Sprintf("New %s (%s)", what, wireParam(p))}
	switch roleOf(p) {
	case roleArgument:
		c.Breaking = true
		c.Reason = "a new required argument: calls without it no longer compile"
	case roleOption:
		c.Reason = "a new optional parameter; nil leaves it out"
	case roleClient:
		c.Breaking = true
		c.Reason = "the client needs a new value"
	case roleFixed:
		c.Reason = "the generated request sends its fixed value"
		c.Message = fmt.Sprintf("%s now sends %s with the fixed value %s", code(d.new.call(op)), wireParam(p), p.Const)
		if p.APIVersion {
			c.Message = fmt.Sprintf("%s now sends the api-version as %s", code(d.new.call(op)), wireParam(p))
		}
	}
	d.add(c)
}

func (d *differ) paramGone(op *ir.Operation, p *ir.Parameter) {
	id, what := d.old.paramGo(op, p)
	c := Change{Kind: Removed, Element: Parameter, Pointer: p.Pointer, Go: id, Breaking: true,
		Reason:  "calls that pass it no longer compile",
		Message: fmt.Sprintf("%s has been removed (%s)", capital(what), wireParam(p))}
	switch roleOf(p) {
	case roleOption:
		c.Reason = "code that sets the options field no longer compiles"
	case roleFixed:
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
	or, nr := roleOf(op), roleOf(np)
	if or != nr {
		c := Change{Kind: Changed, Element: Parameter, Pointer: at, Go: id, Breaking: true}
		_, oldWhat := d.old.paramGo(oo, op)
		switch {
		case or == roleOption && nr == roleArgument:
			c.Reason = "an optional parameter becomes required: calls need the new argument"
			c.Message = fmt.Sprintf("%s is now required: %s becomes %s", capital(wire), oldWhat, what)
		case or == roleArgument && nr == roleOption:
			c.Reason = "a required parameter becomes optional: the argument moves into the options struct"
			c.Message = fmt.Sprintf("%s is now optional: %s becomes %s", capital(wire), oldWhat, what)
		case nr == roleFixed:
			c.Reason = "the parameter is no longer a Go argument: calls that pass it no longer compile"
			c.Message = fmt.Sprintf("%s now has a fixed value (%s): %s has been removed", capital(wire), orNone(np.Const), oldWhat)
		default:
			c.Reason = "calls pass it differently"
			c.Message = fmt.Sprintf("%s was %s and is now %s", capital(wire), oldWhat, what)
		}
		if or == roleFixed && nr == roleOption {
			c.Breaking = false
			c.Reason = "a new optional parameter; nil leaves it out"
		}
		d.add(c)
		return
	}
	if or == roleFixed {
		if op.Const != np.Const {
			d.add(Change{Kind: Changed, Element: Parameter, Pointer: at, Go: id,
				Reason:  "the generated request sends the new value",
				Message: fmt.Sprintf("%s of %s sends %s instead of %s", capital(wire), code(m), np.Const, op.Const)})
		}
		return
	}
	if or == roleClient {
		// Client parameters are compared once, as NewClient's.
		return
	}
	if op.In != np.In || op.Name != np.Name {
		d.add(Change{Kind: Changed, Element: Parameter, Pointer: at, Go: id,
			Reason:  "the Go argument keeps its place; the generated request sends it the new way",
			Message: fmt.Sprintf("%s of %s is now %s", capital(wireParam(op)), code(m), wire)})
	}
	if or == roleOption {
		if of, nf := d.old.names.Param(op).Field, d.new.names.Param(np).Field; of != nf {
			d.add(Change{Kind: Changed, Element: Parameter, Pointer: at, Go: id, Breaking: true,
				Reason:  "code that sets the old field no longer compiles",
				Message: fmt.Sprintf("Field %s of %s has been renamed to %s (%s)", code(of), code(d.old.opNames(oo).Options), code(nf), wire)})
		}
	}
	ot, nt := d.old.argType(op), d.new.argType(np)
	if or == roleOption {
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

// clientParams compares NewClient's arguments.
func (d *differ) clientParams() {
	clientArgs := func(api *ir.API) map[string]*ir.Parameter {
		out := map[string]*ir.Parameter{}
		for _, p := range api.ClientParams {
			if !p.APIVersion && p.Const == "" {
				out[p.Name] = p
			}
		}
		return out
	}
	olds, news := clientArgs(d.old.api), clientArgs(d.new.api)
	for _, p := range d.old.api.ClientParams {
		if olds[p.Name] == p && news[p.Name] == nil {
			d.add(Change{Kind: Removed, Element: Client, Pointer: p.Pointer, Go: "NewClient", Breaking: true,
				Reason:  "calls of NewClient that pass it no longer compile",
				Message: fmt.Sprintf("Argument %s of %s has been removed (%s)", code(d.old.names.Param(p).Arg), code("NewClient"), wireParam(p))})
		}
	}
	for _, p := range d.new.api.ClientParams {
		if news[p.Name] != p {
			continue
		}
		op := olds[p.Name]
		if op == nil {
			d.add(Change{Kind: Added, Element: Client, Pointer: p.Pointer, Go: "NewClient", Breaking: true,
				Reason:  "calls of NewClient need the new argument",
				Message: fmt.Sprintf("New argument %s of %s (%s)", code(d.new.names.Param(p).Arg+" "+d.new.valueType(p.Type)), code("NewClient"), wireParam(p))})
			continue
		}
		if ot, nt := d.old.valueType(op.Type), d.new.valueType(p.Type); ot != nt {
			d.add(Change{Kind: Changed, Element: Client, Pointer: p.Pointer, Go: "NewClient", Breaking: true,
				Reason:  "calls of NewClient that pass the old type no longer compile",
				Message: fmt.Sprintf("Type of argument %s of %s has been changed from %s to %s (%s)", code(d.new.names.Param(p).Arg), code("NewClient"), code(ot), code(nt), wireParam(p))})
		}
		if desc, tighter := compareConstraints(op.Constraints, p.Constraints); desc != "" {
			d.add(Change{Kind: Changed, Element: Client, Pointer: p.Pointer, Go: "NewClient", Breaking: tighter,
				Reason:  map[bool]string{true: "the request builders refuse values they accepted before", false: "values that passed before still pass"}[tighter],
				Message: fmt.Sprintf("Constraints of %s changed: %s", wireParam(p), desc)})
		}
	}
}

// result is what an operation's Go response carries: the first success
// response's body, as emit's response type embeds or holds it.
func (s *side) result(op *ir.Operation) (string, *ir.Type) {
	for _, r := range op.Responses {
		if !r.Error && r.Type != nil {
			if r.Type.Kind == ir.KindModel && s.iface(r.Type) == "" {
				return "embeds " + s.valueType(r.Type), r.Type
			}
			return "Value " + s.valueType(r.Type), r.Type
		}
	}
	return "", nil
}

// successHeaders are the headers of the success responses, by lower-case
// name, the first of a name winning, as the response struct holds them.
func successHeaders(op *ir.Operation) ([]string, map[string]*ir.Header) {
	var order []string
	byName := map[string]*ir.Header{}
	for _, r := range op.Responses {
		if r.Error {
			continue
		}
		for _, h := range r.Headers {
			k := strings.ToLower(h.Name)
			if byName[k] == nil {
				byName[k] = h
				order = append(order, k)
			}
		}
	}
	return order, byName
}

func (d *differ) responses(oo, no *ir.Operation, m string) {
	resp := d.new.opNames(no).Response
	oldResp := d.old.opNames(oo).Response
	if resp != oldResp && resp != "" && oldResp != "" {
		d.add(Change{Kind: Changed, Element: Response, Pointer: no.Pointer, Go: resp, Breaking: true,
			Reason:  "code that names the old type no longer compiles",
			Message: fmt.Sprintf("Struct %s has been renamed to %s", code(oldResp), code(resp))})
	}
	// Status codes.
	oldStatus := map[int]*ir.Response{}
	for _, r := range oo.Responses {
		oldStatus[r.Status] = r
	}
	newStatus := map[int]bool{}
	for _, r := range no.Responses {
		newStatus[r.Status] = true
		or := oldStatus[r.Status]
		switch {
		case or == nil && !r.Error:
			d.add(Change{Kind: Added, Element: Response, Pointer: r.Pointer, Go: m,
				Reason:  "the response parser accepts the new status as a success",
				Message: fmt.Sprintf("%s: status %d is a new success response of %s", code(m), r.Status, no.ID)})
		case or == nil:
			d.add(Change{Kind: Added, Element: Response, Pointer: r.Pointer, Go: m,
				Reason:  "it is returned as *ResponseError, as before",
				Message: fmt.Sprintf("%s: status %d is a new documented error response of %s", code(m), r.Status, no.ID)})
		case or.Error != r.Error:
			c := Change{Kind: Changed, Element: Response, Pointer: r.Pointer, Go: m, Breaking: true,
				Reason:  "the call now returns *ResponseError for a status that used to succeed",
				Message: fmt.Sprintf("%s: status %d of %s is now an error response", code(m), r.Status, no.ID)}
			if !r.Error {
				c.Breaking = false
				c.Reason = "the call now succeeds for a status that used to be an error"
				c.Message = fmt.Sprintf("%s: status %d of %s is now a success response", code(m), r.Status, no.ID)
			}
			d.add(c)
		}
	}
	for _, r := range oo.Responses {
		if newStatus[r.Status] {
			continue
		}
		c := Change{Kind: Removed, Element: Response, Pointer: r.Pointer, Go: d.old.call(oo),
			Reason:  "the service no longer answers with it; should it, the call returns *ResponseError",
			Message: fmt.Sprintf("%s: status %d is no longer a success response of %s", code(d.old.call(oo)), r.Status, oo.ID)}
		if r.Error {
			c.Reason = "it is returned as *ResponseError, as before"
			c.Message = fmt.Sprintf("%s: status %d is no longer a documented error response of %s", code(d.old.call(oo)), r.Status, oo.ID)
		}
		d.add(c)
	}
	// The result type.
	ores, ot := d.old.result(oo)
	nres, nt := d.new.result(no)
	switch {
	case ot == nil && nt != nil:
		d.add(Change{Kind: Changed, Element: Response, Pointer: no.Pointer, Go: resp,
			Reason:  "the response now carries a body; nothing is taken away",
			Message: fmt.Sprintf("%s now %s (the response body, %s)", code(resp), nres, nt)})
	case ot != nil && nt == nil:
		d.add(Change{Kind: Changed, Element: Response, Pointer: no.Pointer, Go: resp, Breaking: true,
			Reason:  "code that reads the body's fields no longer compiles",
			Message: fmt.Sprintf("%s no longer carries a body (it %s)", code(resp), ores)})
	case ot != nil && ores != nres:
		d.add(Change{Kind: Changed, Element: Response, Pointer: no.Pointer, Go: resp, Breaking: true,
			Reason:  "code that reads the old result's fields no longer compiles",
			Message: fmt.Sprintf("%s now %s instead of %s (the response body, %s → %s)", code(resp), nres, strings.TrimPrefix(strings.TrimPrefix(ores, "embeds "), "Value "), ot, nt)})
	case ot != nil && !sameWire(ot, nt):
		d.add(Change{Kind: Changed, Element: Response, Pointer: no.Pointer, Go: resp,
			Reason:  "the Go type stays the same; the generated parser reads the new format",
			Message: fmt.Sprintf("The response body of %s changed from %s to %s", code(m), ot, nt)})
	}
	// Headers.
	oldOrder, oldHeaders := successHeaders(oo)
	newOrder, newHeaders := successHeaders(no)
	for _, k := range newOrder {
		h := newHeaders[k]
		field := d.new.names.HeaderField(h)
		oh := oldHeaders[k]
		if oh == nil {
			d.add(Change{Kind: Added, Element: Header, Pointer: h.Pointer, Go: resp + "." + field,
				Reason:  "a new field",
				Message: fmt.Sprintf("New field %s in struct %s (response header %s)", code(field), code(resp), h.Name)})
			continue
		}
		if of := d.old.names.HeaderField(oh); of != field {
			d.add(Change{Kind: Changed, Element: Header, Pointer: h.Pointer, Go: resp + "." + field, Breaking: true,
				Reason:  "code that reads the old field no longer compiles",
				Message: fmt.Sprintf("Field %s of struct %s has been renamed to %s (response header %s)", code(of), code(resp), code(field), h.Name)})
		}
		if ot, nt := d.old.fieldType(oh.Type), d.new.fieldType(h.Type); ot != nt {
			d.add(Change{Kind: Changed, Element: Header, Pointer: h.Pointer, Go: resp + "." + field, Breaking: true,
				Reason:  "code that reads the field with its old type no longer compiles",
				Message: fmt.Sprintf("Type of %s has been changed from %s to %s (response header %s)", code(resp+"."+field), code(ot), code(nt), h.Name)})
		}
	}
	for _, k := range oldOrder {
		if newHeaders[k] != nil {
			continue
		}
		h := oldHeaders[k]
		field := d.old.names.HeaderField(h)
		d.add(Change{Kind: Removed, Element: Header, Pointer: h.Pointer, Go: oldResp + "." + field, Breaking: true,
			Reason:  "code that reads the field no longer compiles",
			Message: fmt.Sprintf("Field %s of struct %s has been removed (response header %s)", code(field), code(oldResp), h.Name)})
	}
	// The error model.
	var oe, ne *ir.Type
	if oo.Default != nil {
		oe = oo.Default.Type
	}
	if no.Default != nil {
		ne = no.Default.Type
	}
	if !sameWire(oe, ne) {
		at := no.Pointer
		if no.Default != nil {
			at = no.Default.Pointer
		}
		d.add(Change{Kind: Changed, Element: Response, Pointer: at, Go: m,
			Reason:  "errors are still *ResponseError; its decoded error model changes",
			Message: fmt.Sprintf("%s: the error response of %s changed from %s to %s", code(m), no.ID, oe, ne)})
	}
}
