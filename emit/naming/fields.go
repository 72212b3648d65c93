package naming

import (
	"fmt"
	"strconv"

	"github.com/armgen/armgen/ir"
)

// modelFields names each model's fields, and checks them against each
// other and the methods armgen declares on the model.
func (n *Names) modelFields(api *ir.API) {
	for _, m := range api.Models {
		methods := map[string]bool{"MarshalJSON": true, "UnmarshalJSON": true}
		for _, base := range familyBases(api, m) {
			methods[n.Getter(base)] = true
		}
		used := map[string]*ir.Property{}
		for _, p := range m.Properties {
			name := n.fieldName(p)
			if name == "" {
				n.diags = append(n.diags, ir.Diagnostic{Pointer: p.Pointer,
					Message: "property " + quote(p.Name) + " has no letters or digits to make a Go field of",
					Hint:    "-rename " + string(p.Pointer) + "=FieldName names it"})
				continue
			}
			if methods[name] {
				name += "Field"
			}
			if prev, dup := used[name]; dup {
				n.diags = append(n.diags, ir.Diagnostic{Pointer: p.Pointer,
					Message: fmt.Sprintf("properties %q and %q of %s both become the Go field %s (the other is at %s)", prev.Name, p.Name, m.Name, name, prev.Pointer),
					Hint:    "-rename " + string(p.Pointer) + "=FieldName renames one"})
				continue
			}
			used[name] = p
			n.fields[p] = name
		}
		mn := n.models[m]
		if m.AdditionalProperties != nil {
			addl := "AdditionalProperties"
			if used[addl] != nil {
				addl = "AdditionalPropertiesMap"
				for i := 2; used[addl] != nil; i++ {
					addl = "AdditionalPropertiesMap" + strconv.Itoa(i)
				}
			}
			used[addl] = &ir.Property{}
			mn.addl = addl
		}
		extra := "Extra"
		if used[extra] != nil {
			extra = "ExtraFields"
			for i := 2; used[extra] != nil; i++ {
				extra = "ExtraFields" + strconv.Itoa(i)
			}
		}
		mn.extra = extra
	}
}

// Field returns a property's field name.
func (n *Names) Field(p *ir.Property) string { return n.fields[p] }

// Extra returns the name of the field holding unmodelled JSON properties.
func (n *Names) Extra(m *ir.Model) string {
	if mn := n.models[m]; mn != nil {
		return mn.extra
	}
	return ""
}

// Additional returns the name of the field holding additionalProperties,
// "" when the model has none.
func (n *Names) Additional(m *ir.Model) string {
	if mn := n.models[m]; mn != nil {
		return mn.addl
	}
	return ""
}
