package diff

import (
	"fmt"
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

// call is the method users call for an operation (naming.Op's Call):
// Begin<Op> for a long-running one, New<Op>Pager for a pageable one,
// else <Op>.
func (s *side) call(op *ir.Operation) string {
	if o := s.names.Op(op); o != nil {
		return o.Group.Type + "." + o.Call
	}
	return op.ID
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
