package diff

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/armgen/armgen/ir"
)

// models compares models by key, then their properties by wire name.
func (d *differ) models() {
	for _, om := range d.old.api.Models {
		if d.new.models[om.Key] == nil {
			d.modelGone(om)
		}
	}
	for _, nm := range d.new.api.Models {
		om := d.old.models[nm.Key]
		if om == nil {
			d.modelNew(nm)
			continue
		}
		d.model(om, nm)
	}
}

// structWord names a model the way changelogs do.
func structWord(m *ir.Model) string {
	if m.Discriminator != "" {
		return "struct (polymorphic base)"
	}
	return "struct"
}

func (d *differ) modelNew(m *ir.Model) {
	name := d.new.names.Type(m)
	msg := "New " + structWord(m) + " " + code(name)
	if m.Inline {
		msg += " (the inline object at " + m.Name + ")"
	}
	d.add(Change{Kind: Added, Element: Model, Pointer: m.Pointer, Go: name,
		Reason: "a new type", Message: msg})
	for _, p := range m.Properties {
		field := d.new.names.Field(p)
		d.add(Change{Kind: Added, Element: Property, Pointer: p.Pointer, Go: name + "." + field, Within: name,
			Reason:  "a field of a new type",
			Message: fmt.Sprintf("New field %s in struct %s (property %s, %s)", code(field), code(name), strconv.Quote(p.Name), code(d.new.fieldType(p.Type)))})
	}
}

func (d *differ) modelGone(m *ir.Model) {
	name := d.old.names.Type(m)
	d.add(Change{Kind: Removed, Element: Model, Pointer: m.Pointer, Go: name, Breaking: true,
		Reason:  "code that uses the type no longer compiles",
		Message: "Struct " + code(name) + " has been removed"})
	for _, p := range m.Properties {
		field := d.old.names.Field(p)
		d.add(Change{Kind: Removed, Element: Property, Pointer: p.Pointer, Go: name + "." + field, Within: name, Breaking: true,
			Reason:  "a field of a removed type",
			Message: fmt.Sprintf("Field %s of struct %s has been removed (property %s)", code(field), code(name), strconv.Quote(p.Name))})
	}
}

// sent reports whether a model can travel in requests: it is used in a
// request body, or used nowhere the parser could see (a parent, or a
// model only other specs use), where armgen cannot rule it out.
func sent(m *ir.Model) bool {
	return m.Usage&ir.UsageInput != 0 || m.Usage == 0
}

func (d *differ) model(om, nm *ir.Model) {
	oldName, name := d.old.names.Type(om), d.new.names.Type(nm)
	if oldName != name {
		d.add(Change{Kind: Changed, Element: Model, Pointer: nm.Pointer, Go: name, Breaking: true,
			Reason:  "code that names the old type no longer compiles",
			Message: fmt.Sprintf("Struct %s has been renamed to %s", code(oldName), code(name))})
	}
	switch {
	case om.Discriminator == "" && nm.Discriminator != "":
		d.add(Change{Kind: Changed, Element: Model, Pointer: nm.Pointer, Go: name, Breaking: true,
			Reason:  "fields of this type become the interface " + d.new.names.Interface(nm),
			Message: fmt.Sprintf("Struct %s is now a polymorphic base (discriminator %s)", code(name), strconv.Quote(nm.Discriminator))})
	case om.Discriminator != "" && nm.Discriminator == "":
		d.add(Change{Kind: Changed, Element: Model, Pointer: nm.Pointer, Go: name, Breaking: true,
			Reason:  "the interface " + d.old.names.Interface(om) + " is gone; fields of this type become plain structs",
			Message: fmt.Sprintf("Struct %s is no longer a polymorphic base (discriminator %s)", code(name), strconv.Quote(om.Discriminator))})
	case om.Discriminator != nm.Discriminator:
		d.add(Change{Kind: Changed, Element: Model, Pointer: nm.Pointer, Go: name, Breaking: true,
			Reason:  "the service tells the family's members apart by another property",
			Message: fmt.Sprintf("Discriminator of %s changed from %s to %s", code(name), strconv.Quote(om.Discriminator), strconv.Quote(nm.Discriminator))})
	}
	if om.DiscriminatorValue != nm.DiscriminatorValue && om.DiscriminatorValue != "" && nm.DiscriminatorValue != "" {
		d.add(Change{Kind: Changed, Element: Model, Pointer: nm.Pointer, Go: name, Breaking: true,
			Reason:  "values sent with the old discriminator value are no longer understood",
			Message: fmt.Sprintf("Discriminator value of %s changed from %s to %s", code(name), strconv.Quote(om.DiscriminatorValue), strconv.Quote(nm.DiscriminatorValue))})
	}
	d.additionalProperties(om, nm, name)

	oldProps := map[string]*ir.Property{}
	for _, p := range om.Properties {
		oldProps[p.Name] = p
	}
	newProps := map[string]bool{}
	for _, p := range nm.Properties {
		newProps[p.Name] = true
		if op := oldProps[p.Name]; op != nil {
			d.property(nm, op, p)
		} else {
			d.propertyNew(nm, p)
		}
	}
	for _, p := range om.Properties {
		if !newProps[p.Name] {
			field := d.old.names.Field(p)
			d.add(Change{Kind: Removed, Element: Property, Pointer: p.Pointer, Go: oldName + "." + field, Breaking: true,
				Reason:  "code that uses the field no longer compiles (a value the service still sends lands in " + d.new.names.Extra(nm) + ")",
				Message: fmt.Sprintf("Field %s of struct %s has been removed (property %s)", code(field), code(oldName), strconv.Quote(p.Name))})
		}
	}
}

// additionalProperties compares the field of additionalProperties
// (naming's Additional, AdditionalProperties unless a property takes the
// name).
func (d *differ) additionalProperties(om, nm *ir.Model, name string) {
	o, n := om.AdditionalProperties, nm.AdditionalProperties
	oldField, field := d.old.names.Additional(om), d.new.names.Additional(nm)
	switch {
	case o == nil && n != nil:
		d.add(Change{Kind: Added, Element: Property, Pointer: nm.Pointer, Go: name + "." + field,
			Reason:  "a new field",
			Message: fmt.Sprintf("New field %s in struct %s (additionalProperties, %s)", code(field), code(name), code(d.new.valueType(mapOf(n))))})
	case o != nil && n == nil:
		d.add(Change{Kind: Removed, Element: Property, Pointer: om.Pointer, Go: name + "." + oldField, Breaking: true,
			Reason:  "code that uses the field no longer compiles",
			Message: fmt.Sprintf("Field %s of struct %s has been removed (additionalProperties)", code(oldField), code(name))})
	case o != nil && n != nil:
		if oldField != field {
			d.add(Change{Kind: Changed, Element: Property, Pointer: nm.Pointer, Go: name + "." + field, Breaking: true,
				Reason:  "code that uses the old field name no longer compiles",
				Message: fmt.Sprintf("Field %s of struct %s has been renamed to %s (additionalProperties)", code(oldField), code(name), code(field))})
		}
		ot, nt := d.old.valueType(mapOf(o)), d.new.valueType(mapOf(n))
		if ot != nt {
			d.add(Change{Kind: Changed, Element: Property, Pointer: nm.Pointer, Go: name + "." + field, Breaking: true,
				Reason:  "code that uses the field with its old type no longer compiles",
				Message: fmt.Sprintf("Type of %s has been changed from %s to %s", code(name+"."+field), code(ot), code(nt))})
		}
	}
}

// mapOf is the type of a map of t: the type of additionalProperties' field.
func mapOf(t *ir.Type) *ir.Type { return &ir.Type{Kind: ir.KindMap, Elem: t} }

func (d *differ) propertyNew(m *ir.Model, p *ir.Property) {
	name := d.new.names.Type(m)
	field := d.new.names.Field(p)
	c := Change{Kind: Added, Element: Property, Pointer: p.Pointer, Go: name + "." + field,
		Reason:  "a new optional field; nil leaves it out of requests",
		Message: fmt.Sprintf("New field %s in struct %s (property %s, %s)", code(field), code(name), strconv.Quote(p.Name), code(d.new.fieldType(p.Type)))}
	switch {
	case p.ReadOnly:
		c.Reason = "a new read-only field, set by the service"
	case p.Required && sent(m):
		c.Breaking = true
		c.Reason = "requests that leave it out are refused: code that sends " + name + " must set it"
		c.Message = fmt.Sprintf("New required field %s in struct %s (property %s, %s)", code(field), code(name), strconv.Quote(p.Name), code(d.new.fieldType(p.Type)))
	case p.Required:
		c.Reason = "a new field the service always sends; " + name + " is never sent in requests"
		c.Message = fmt.Sprintf("New required field %s in struct %s (property %s, %s)", code(field), code(name), strconv.Quote(p.Name), code(d.new.fieldType(p.Type)))
	}
	d.add(c)
}

// property compares one property present in both versions.
func (d *differ) property(nm *ir.Model, op, np *ir.Property) {
	name := d.new.names.Type(nm)
	oldField, field := d.old.names.Field(op), d.new.names.Field(np)
	id := name + "." + field
	at := np.Pointer
	wire := "property " + strconv.Quote(np.Name)
	if oldField != field {
		d.add(Change{Kind: Changed, Element: Property, Pointer: at, Go: id, Breaking: true,
			Reason:  "code that uses the old field name no longer compiles",
			Message: fmt.Sprintf("Field %s of struct %s has been renamed to %s (%s)", code(oldField), code(name), code(field), wire)})
	}
	ot, nt := d.old.fieldType(op.Type), d.new.fieldType(np.Type)
	switch {
	case ot != nt:
		d.add(Change{Kind: Changed, Element: Property, Pointer: at, Go: id, Breaking: true,
			Reason:  "code that uses the field with its old type no longer compiles",
			Message: fmt.Sprintf("Type of %s has been changed from %s to %s (%s: %s → %s)", code(id), code(ot), code(nt), wire, op.Type, np.Type)})
	case !sameWire(op.Type, np.Type):
		d.add(Change{Kind: Changed, Element: Property, Pointer: at, Go: id,
			Reason:  "the Go type stays " + nt + "; the generated code reads and writes the new format",
			Message: fmt.Sprintf("The wire type of %s changed from %s to %s (%s)", code(id), op.Type, np.Type, wire)})
	}
	isSent := sent(nm) && !np.ReadOnly
	switch {
	case !op.Required && np.Required && isSent:
		d.add(Change{Kind: Changed, Element: Property, Pointer: at, Go: id, Breaking: true,
			Reason:  "requests that leave it out are refused: code that sends " + name + " must set it",
			Message: fmt.Sprintf("Field %s is now required (%s)", code(id), wire)})
	case !op.Required && np.Required:
		d.add(Change{Kind: Changed, Element: Property, Pointer: at, Go: id,
			Reason:  "the service now always sends it",
			Message: fmt.Sprintf("Field %s is now required (%s)", code(id), wire)})
	case op.Required && !np.Required:
		d.add(Change{Kind: Changed, Element: Property, Pointer: at, Go: id,
			Reason:  "requests may leave it out; responses may too, so check it for nil",
			Message: fmt.Sprintf("Field %s is now optional (%s)", code(id), wire)})
	}
	switch {
	case !op.ReadOnly && np.ReadOnly && sent(nm):
		d.add(Change{Kind: Changed, Element: Property, Pointer: at, Go: id, Breaking: true,
			Reason:  "the service now ignores it in requests: code that sets it no longer has an effect",
			Message: fmt.Sprintf("Field %s is now read-only (%s)", code(id), wire)})
	case !op.ReadOnly && np.ReadOnly:
		d.add(Change{Kind: Changed, Element: Property, Pointer: at, Go: id,
			Reason:  name + " is only received",
			Message: fmt.Sprintf("Field %s is now read-only (%s)", code(id), wire)})
	case op.ReadOnly && !np.ReadOnly:
		d.add(Change{Kind: Changed, Element: Property, Pointer: at, Go: id,
			Reason:  "it may now be set in requests",
			Message: fmt.Sprintf("Field %s is no longer read-only (%s)", code(id), wire)})
	}
	if desc, tighter := compareConstraints(op.Constraints, np.Constraints); desc != "" {
		c := Change{Kind: Changed, Element: Property, Pointer: at, Go: id,
			Reason:  "values the service accepted before still pass",
			Message: fmt.Sprintf("Constraints of %s changed: %s (%s)", code(id), desc, wire)}
		if tighter && isSent {
			c.Breaking = true
			c.Reason = "the service may refuse values it accepted before"
		} else if tighter {
			c.Reason = name + " is only received"
		}
		d.add(c)
	}
	if op.Default != np.Default {
		d.add(Change{Kind: Changed, Element: Property, Pointer: at, Go: id,
			Reason:  "the service applies the new default when the field is nil",
			Message: fmt.Sprintf("Default of %s changed from %s to %s (%s)", code(id), orNone(op.Default), orNone(np.Default), wire)})
	}
	if op.Const != np.Const && op.Const != "" && np.Const != "" {
		d.add(Change{Kind: Changed, Element: Property, Pointer: at, Go: id, Breaking: isSent,
			Reason:  "the only value the service accepts changed",
			Message: fmt.Sprintf("Fixed value of %s changed from %s to %s (%s)", code(id), op.Const, np.Const, wire)})
	}
	if !op.Deprecated && np.Deprecated {
		d.add(Change{Kind: Changed, Element: Property, Pointer: at, Go: id,
			Reason:  "it still works; a later api-version may remove it",
			Message: fmt.Sprintf("Field %s is deprecated (%s)", code(id), wire)})
	}
}

// enums compares enums by key, then their values.
func (d *differ) enums() {
	for _, oe := range d.old.api.Enums {
		if d.new.enums[oe.Key] == nil {
			d.enumGone(oe)
		}
	}
	for _, ne := range d.new.api.Enums {
		oe := d.old.enums[ne.Key]
		if oe == nil {
			d.enumNew(ne)
			continue
		}
		d.enum(oe, ne)
	}
}

func (d *differ) enumNew(e *ir.Enum) {
	name := d.new.names.Type(e)
	var consts []string
	for _, v := range e.Values {
		c := d.new.names.Const(v)
		consts = append(consts, code(c))
		d.add(Change{Kind: Added, Element: Value, Pointer: v.Pointer, Go: c, Within: name,
			Reason:  "a constant of a new type",
			Message: fmt.Sprintf("New value %s added to enum type %s (%s)", code(c), code(name), v.Value)})
	}
	msg := "New enum type " + code(name)
	if len(consts) > 0 {
		msg += " with values " + strings.Join(consts, ", ")
	}
	d.add(Change{Kind: Added, Element: Enum, Pointer: e.Pointer, Go: name,
		Reason: "a new type", Message: msg})
}

func (d *differ) enumGone(e *ir.Enum) {
	name := d.old.names.Type(e)
	d.add(Change{Kind: Removed, Element: Enum, Pointer: e.Pointer, Go: name, Breaking: true,
		Reason:  "code that uses the type or its constants no longer compiles",
		Message: "Enum " + code(name) + " has been removed"})
	for _, v := range e.Values {
		c := d.old.names.Const(v)
		d.add(Change{Kind: Removed, Element: Value, Pointer: v.Pointer, Go: c, Within: name, Breaking: true,
			Reason:  "a constant of a removed type",
			Message: fmt.Sprintf("Const %s from enum type %s has been removed (%s)", code(c), code(name), v.Value)})
	}
}

func (d *differ) enum(oe, ne *ir.Enum) {
	oldName, name := d.old.names.Type(oe), d.new.names.Type(ne)
	if oldName != name {
		d.add(Change{Kind: Changed, Element: Enum, Pointer: ne.Pointer, Go: name, Breaking: true,
			Reason:  "code that names the old type no longer compiles",
			Message: fmt.Sprintf("Enum %s has been renamed to %s", code(oldName), code(name))})
	}
	if oe.Base != ne.Base {
		d.add(Change{Kind: Changed, Element: Enum, Pointer: ne.Pointer, Go: name, Breaking: true,
			Reason:  "the type's underlying Go type and its values' JSON change",
			Message: fmt.Sprintf("Enum %s changed from %s to %s values", code(name), oe.Base, ne.Base)})
	}
	switch {
	case oe.Open && !ne.Open:
		d.add(Change{Kind: Changed, Element: Enum, Pointer: ne.Pointer, Go: name, Breaking: true,
			Reason:  "the service now refuses values that are not listed",
			Message: fmt.Sprintf("Enum %s is now closed: only the listed values are valid (x-ms-enum modelAsString: false)", code(name))})
	case !oe.Open && ne.Open:
		d.add(Change{Kind: Changed, Element: Enum, Pointer: ne.Pointer, Go: name,
			Reason:  "the service may send values that are not listed; the Go type already holds any value",
			Message: fmt.Sprintf("Enum %s is now open: values beyond the listed ones are valid (x-ms-enum modelAsString: true)", code(name))})
	}
	// Values match by their JSON text; when the enum's base type changed
	// ("1" → 1), by their constant, whose type change is reported above.
	oldVals := map[string]*ir.EnumValue{}
	for _, v := range oe.Values {
		oldVals[v.Value] = v
	}
	if oe.Base != ne.Base {
		for _, v := range oe.Values {
			oldVals["const "+d.old.names.Const(v)] = v
		}
	}
	matched := map[*ir.EnumValue]bool{}
	for _, v := range ne.Values {
		c := d.new.names.Const(v)
		ov := oldVals[v.Value]
		if ov == nil && oe.Base != ne.Base {
			ov = oldVals["const "+c]
		}
		matched[ov] = true
		if ov == nil {
			reason := "a new constant; values the service adds decode even into older code"
			if ne.Open {
				reason = "a new constant of an open enum"
			}
			d.add(Change{Kind: Added, Element: Value, Pointer: v.Pointer, Go: c,
				Reason: reason, Message: fmt.Sprintf("New value %s added to enum type %s (%s)", code(c), code(name), v.Value)})
			continue
		}
		if oc := d.old.names.Const(ov); oc != c && oldName == name {
			d.add(Change{Kind: Changed, Element: Value, Pointer: v.Pointer, Go: c, Breaking: true,
				Reason:  "code that uses the old constant no longer compiles",
				Message: fmt.Sprintf("Const %s of enum type %s has been renamed to %s (%s)", code(oc), code(name), code(c), v.Value)})
		}
	}
	for _, v := range oe.Values {
		if matched[v] {
			continue
		}
		c := d.old.names.Const(v)
		reason := "code that uses the constant no longer compiles, and the enum is closed: the service no longer accepts the value"
		if ne.Open {
			reason = "code that uses the constant no longer compiles; the enum is open, so the value itself may still travel as " + name + "(" + v.Value + ")"
		}
		d.add(Change{Kind: Removed, Element: Value, Pointer: v.Pointer, Go: c, Breaking: true, Reason: reason,
			Message: fmt.Sprintf("Const %s from enum type %s has been removed (%s)", code(c), code(oldName), v.Value)})
	}
}

// compareConstraints describes what changed between two sets of
// constraints ("" when nothing did) and whether any change may refuse a
// value the old ones accepted.
func compareConstraints(o, n ir.Constraints) (string, bool) {
	var parts []string
	tighter := false
	note := func(name, from, to string, tightens bool) {
		parts = append(parts, name+" "+from+" → "+to)
		tighter = tighter || tightens
	}
	if o.Pattern != n.Pattern {
		note("pattern", orNone(o.Pattern), orNone(n.Pattern), n.Pattern != "")
	}
	lower := func(name string, a, b *int64) {
		if !eqInt(a, b) {
			note(name, intText(a), intText(b), b != nil && (a == nil || *b > *a))
		}
	}
	upper := func(name string, a, b *int64) {
		if !eqInt(a, b) {
			note(name, intText(a), intText(b), b != nil && (a == nil || *b < *a))
		}
	}
	lower("minLength", o.MinLength, n.MinLength)
	upper("maxLength", o.MaxLength, n.MaxLength)
	lower("minItems", o.MinItems, n.MinItems)
	upper("maxItems", o.MaxItems, n.MaxItems)
	if !eqFloat(o.Minimum, n.Minimum) {
		note("minimum", floatText(o.Minimum), floatText(n.Minimum), n.Minimum != nil && (o.Minimum == nil || *n.Minimum > *o.Minimum))
	}
	if !eqFloat(o.Maximum, n.Maximum) {
		note("maximum", floatText(o.Maximum), floatText(n.Maximum), n.Maximum != nil && (o.Maximum == nil || *n.Maximum < *o.Maximum))
	}
	if o.ExclusiveMinimum != n.ExclusiveMinimum {
		note("exclusiveMinimum", strconv.FormatBool(o.ExclusiveMinimum), strconv.FormatBool(n.ExclusiveMinimum), n.ExclusiveMinimum)
	}
	if o.ExclusiveMaximum != n.ExclusiveMaximum {
		note("exclusiveMaximum", strconv.FormatBool(o.ExclusiveMaximum), strconv.FormatBool(n.ExclusiveMaximum), n.ExclusiveMaximum)
	}
	if !eqFloat(o.MultipleOf, n.MultipleOf) {
		note("multipleOf", floatText(o.MultipleOf), floatText(n.MultipleOf), n.MultipleOf != nil)
	}
	if o.UniqueItems != n.UniqueItems {
		note("uniqueItems", strconv.FormatBool(o.UniqueItems), strconv.FormatBool(n.UniqueItems), n.UniqueItems)
	}
	return strings.Join(parts, ", "), tighter
}

func eqInt(a, b *int64) bool     { return a == nil && b == nil || a != nil && b != nil && *a == *b }
func eqFloat(a, b *float64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

func intText(p *int64) string {
	if p == nil {
		return "(none)"
	}
	return strconv.FormatInt(*p, 10)
}

func floatText(p *float64) string {
	if p == nil {
		return "(none)"
	}
	return strconv.FormatFloat(*p, 'g', -1, 64)
}
