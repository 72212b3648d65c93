package diff

import (
	"fmt"
	"strings"

	"github.com/armgen/armgen/ir"
)

// result is what an operation's Go response carries of its body
// (naming.Op's Body): "embeds T" or "Value T", with the body's type.
func (s *side) result(op *ir.Operation) (string, *ir.Type) {
	o := s.opNames(op)
	switch {
	case o.Body == nil:
		return "", nil
	case o.Embeds:
		return "embeds " + s.valueType(o.Body), o.Body
	}
	return "Value " + s.valueType(o.Body), o.Body
}

func (d *differ) responses(oo, no *ir.Operation, m string) {
	responseError := "*" + d.new.names.Fixed().ResponseError
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
				Reason:  "it is returned as " + responseError + ", as before",
				Message: fmt.Sprintf("%s: status %d is a new documented error response of %s", code(m), r.Status, no.ID)})
		case or.Error != r.Error:
			c := Change{Kind: Changed, Element: Response, Pointer: r.Pointer, Go: m, Breaking: true,
				Reason:  "the call now returns " + responseError + " for a status that used to succeed",
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
			Reason:  "the service no longer answers with it; should it, the call returns " + responseError,
			Message: fmt.Sprintf("%s: status %d is no longer a success response of %s", code(d.old.call(oo)), r.Status, oo.ID)}
		if r.Error {
			c.Reason = "it is returned as " + responseError + ", as before"
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
	// Headers, the response's fields, matched by name (naming.Op's
	// Header).
	oldOp, newOp := d.old.opNames(oo), d.new.opNames(no)
	for _, h := range newOp.Headers {
		field := d.new.names.HeaderField(h)
		oh := oldOp.Header(h.Name)
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
	for _, h := range oldOp.Headers {
		if newOp.Header(h.Name) != nil {
			continue
		}
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
			Reason:  "errors are still " + responseError + "; its decoded error model changes",
			Message: fmt.Sprintf("%s: the error response of %s changed from %s to %s", code(m), no.ID, oe, ne)})
	}
}
