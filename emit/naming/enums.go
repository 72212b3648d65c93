package naming

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/armgen/armgen/ir"
)

// enumConsts names each enum value's constant <Enum><Value> and the
// Possible<Enum>Values function.
func (n *Names) enumConsts(api *ir.API) {
	for _, e := range api.Enums {
		en := n.enums[e]
		typ := en.typ
		if typ == "" {
			continue
		}
		seen := map[string]*ir.EnumValue{}
		for _, v := range e.Values {
			if r, ok := n.renames.consts[v]; ok {
				if prev, taken := n.scope[r.name]; taken {
					n.diags = append(n.diags, ir.Diagnostic{Pointer: r.from,
						Message: fmt.Sprintf("cannot rename %s to %s: that is the name of %s", v.Pointer, r.name, prev)})
					continue
				}
				n.scope[r.name] = string(v.Pointer)
				n.consts[v] = r.name
				continue
			}
			base := valueName(v)
			if base == "" {
				n.diags = append(n.diags, ir.Diagnostic{Pointer: v.Pointer,
					Message: "enum value " + v.Value + " has no letters or digits to name a Go constant after",
					Hint:    "name it in x-ms-enum values"})
				continue
			}
			n.consts[v] = n.derive(typ+base, string(v.Pointer))
			// Values that differ only in case or punctuation are distinct on
			// the wire; the first keeps the name, the others are numbered.
			if prev, dup := seen[base]; dup {
				n.diags = append(n.diags, ir.Diagnostic{Pointer: v.Pointer, Severity: ir.Warning,
					Message: fmt.Sprintf("enum values %s and %s both become the Go constant %s%s (the other is at %s, which keeps it); this one is %s", prev.Value, v.Value, typ, base, prev.Pointer, n.consts[v]),
					Hint:    "-rename " + string(v.Pointer) + "=ConstName chooses another"})
				continue
			}
			seen[base] = v
		}
		en.values = n.derive("Possible"+typ+"Values", string(e.Pointer))
	}
}

// Const returns an enum value's constant name.
func (n *Names) Const(v *ir.EnumValue) string { return n.consts[v] }

// PossibleValues returns the name of the function listing an enum's values.
func (n *Names) PossibleValues(e *ir.Enum) string {
	if en := n.enums[e]; en != nil {
		return en.values
	}
	return ""
}

// valueName is the part of a constant's name that comes from the value.
func valueName(v *ir.EnumValue) string {
	if v.Name != "" {
		return strings.TrimPrefix(Exported(v.Name), "N")
	}
	text := v.Value
	if text == `""` {
		return "Empty" // the empty string is a value specs use ("" for "none")
	}
	if unq, err := strconv.Unquote(text); err == nil && strings.HasPrefix(text, `"`) {
		text = unq
	} else {
		// Numbers: keep the sign and decimal point readable in the name.
		text = strings.NewReplacer("-", "Minus", ".", "Point", "+", "").Replace(text)
	}
	name := Exported(text)
	if name == "" {
		// A value of symbols only ("*", "+") is named after them, as the
		// Azure SDKs do: SecurityRuleProtocolAsterisk.
		name = symbolNames(text)
	}
	if name == "" {
		return ""
	}
	if strings.HasPrefix(name, "N") && len(name) > 1 && name[1] >= '0' && name[1] <= '9' {
		name = name[1:] // the type name before it starts the identifier
	}
	return name
}

var symbols = map[rune]string{
	'*': "Asterisk", '+': "Plus", '-': "Minus", '.': "Dot", '/': "Slash", '\\': "Backslash",
	'@': "At", '#': "Hash", '&': "Ampersand", '%': "Percent", '=': "Equals", '!': "Exclamation",
	'?': "Question", '~': "Tilde", '^': "Caret", '$': "Dollar", '|': "Pipe", '<': "LessThan",
	'>': "GreaterThan", '_': "Underscore", ' ': "Space", ':': "Colon", ',': "Comma", ';': "Semicolon",
}

// symbolNames spells out a value made of symbols; "" when a rune has no
// name (or the value is empty).
func symbolNames(s string) string {
	var b strings.Builder
	for _, r := range s {
		name, ok := symbols[r]
		if !ok {
			return ""
		}
		b.WriteString(name)
	}
	return b.String()
}
