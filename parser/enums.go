package parser

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/armgen/armgen/ir"
)

// enum returns the Enum for a schema with an enum keyword, merging uses of
// one x-ms-enum name.
func (b *builder) enum(s site, hint string) *ir.Enum {
	xe := extObject(s.s.Extensions, "x-ms-enum")
	name, _ := xe["name"].(string)
	e := &ir.Enum{
		Key:         name,
		Name:        name,
		Named:       name != "",
		Description: firstOf(s.s.Description, s.s.Title),
		Open:        xe["modelAsString"] == true,
		Format:      s.s.Format,
		Pointer:     s.ptr(),
	}
	if !e.Named {
		e.Name, e.Key = hint, hint
		if s.isDefinition() {
			e.Name, e.Key = s.tokens[1], s.tokens[1]
		}
	}
	switch schemaType(s.s) {
	case "integer":
		e.Base = ir.KindInt64
		if e.Format == "int32" {
			e.Base = ir.KindInt32
		}
	case "number":
		e.Base = ir.KindFloat64
		if e.Format == "float" {
			e.Base = ir.KindFloat32
		}
	case "boolean":
		e.Base = ir.KindBool
	case "string", "":
		e.Base = ir.KindString
	default:
		return nil
	}
	// x-ms-enum's values describe the enum's values: matched by value.
	described := map[string]map[string]any{}
	vals, _ := xe["values"].([]any)
	for _, v := range vals {
		d, _ := v.(map[string]any)
		if val, ok := d["value"]; ok {
			described[valueKey(val)] = d
			if str, ok := val.(string); ok {
				if number := intEnumValue(e.Base, str); number != "" {
					described[number] = d // "12" for 12, as the value is read
				}
			}
		}
	}
	// The IR keeps each value's JSON text as written, which only the tree
	// has: kin-openapi decodes numbers to float64.
	written := s.n.get("enum")
	index := map[string]int{} // value → position in e.Values
	for i, v := range s.s.Enum {
		if v == nil {
			continue // null in an enum says the value is nullable, not a member
		}
		lit := written.vals[i]
		text, key := string(lit.appendJSON(nil)), valueKey(v)
		if str, ok := v.(string); ok && intEnumValue(e.Base, str) != "" {
			number := intEnumValue(e.Base, str)
			b.diags.Warn(s.ptr("enum", strconv.Itoa(i)), "enum value %s is a string, not %s; armgen reads it as %s",
				text, typeArticle(swaggerType(&ir.Type{Kind: e.Base})), number)
			text, key = number, number
		} else if !valueFits(e.Base, lit) {
			b.diags = append(b.diags, ir.Diagnostic{Pointer: s.ptr("enum", strconv.Itoa(i)),
				Message: "enum value " + text + " is not " + typeArticle(swaggerType(&ir.Type{Kind: e.Base})),
				Hint:    "enum values must match the schema's type"})
			continue
		}
		ev := &ir.EnumValue{Value: text, Pointer: s.ptr("enum", strconv.Itoa(i))}
		if d := described[key]; d != nil {
			ev.Name, _ = d["name"].(string)
			ev.Description, _ = d["description"].(string)
		}
		if _, dup := index[text]; dup {
			b.diags.Warn(ev.Pointer, "enum value %s is listed twice", text)
			continue
		}
		index[text] = len(e.Values)
		e.Values = append(e.Values, ev)
	}
	if old, ok := b.enums[e.Key]; ok {
		if !e.Named && old.Pointer != e.Pointer {
			// Two unnamed enums with the same hint: keep them apart.
			for i := 2; ; i++ {
				k := e.Key + "#" + strconv.Itoa(i)
				if _, taken := b.enums[k]; !taken {
					e.Key = k
					break
				}
			}
		} else {
			b.mergeEnum(old, e)
			return old
		}
	} else if old := b.foldedEnum(e); old != nil {
		b.mergeEnum(old, e)
		return old
	}
	b.enums[e.Key] = e
	b.enumIndex[e] = index
	b.enumAt[e.Key] = e.Pointer
	b.api.Enums = append(b.api.Enums, e)
	return e
}

// mergeEnum folds another use of a named enum into the first one. Azure
// specs repeat x-ms-enum inline wherever a property uses it; the copies
// usually agree, and when they do not the union is what the service can send.
func (b *builder) mergeEnum(into, e *ir.Enum) {
	if into.Pointer == e.Pointer {
		return
	}
	if into.Base != e.Base {
		b.diags.Add(e.Pointer, "x-ms-enum %q is a %s here but a %s at %s", e.Name, e.Base, into.Base, into.Pointer)
		return
	}
	added := false
	index := b.enumIndex[into]
	if index == nil {
		index = make(map[string]int, len(into.Values))
		for i, v := range into.Values {
			index[v.Value] = i
		}
		b.enumIndex[into] = index
	}
	for _, v := range e.Values {
		if i, ok := index[v.Value]; ok {
			if into.Values[i].Description == "" {
				into.Values[i].Description = v.Description
			}
			if into.Values[i].Name == "" {
				into.Values[i].Name = v.Name
			}
			continue
		}
		index[v.Value] = len(into.Values)
		into.Values = append(into.Values, v)
		added = true
	}
	if added {
		b.diags.Warn(e.Pointer, "x-ms-enum %q has values here that %s lacks; armgen uses their union", e.Name, into.Pointer)
	}
	if into.Open != e.Open {
		b.diags.Warn(e.Pointer, "x-ms-enum %q is modelAsString: %v here but %v at %s; armgen treats it as open",
			e.Name, e.Open, into.Open, into.Pointer)
		into.Open = true
	}
	if into.Description == "" {
		into.Description = e.Description
	}
}

// valueKey identifies a value kin-openapi decoded, whatever its JSON text.
func valueKey(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// valueFits reports whether an enum value matches the enum's base kind.
func valueFits(base ir.Kind, v *node) bool {
	switch base {
	case ir.KindString:
		return v.kind == kindString
	case ir.KindBool:
		return v.kind == kindBool
	case ir.KindInt32, ir.KindInt64:
		if v.kind != kindNumber {
			return false
		}
		_, err := strconv.ParseInt(v.str, 10, 64)
		return err == nil
	default:
		return v.kind == kindNumber
	}
}

// foldedEnum finds an enum already read whose x-ms-enum name differs from
// e's only in case, and which has the same type and values: the same enum
// written twice ("createdByType" in common-types, "CreatedByType" in a
// service's copy), which is one enum. Enums of the same name with other
// values stay apart, and naming settles their names.
func (b *builder) foldedEnum(e *ir.Enum) *ir.Enum {
	if !e.Named {
		return nil
	}
	key := strings.ToLower(e.Name)
	for _, old := range b.enumFold[key] {
		if old.Base == e.Base && sameValues(old, e) {
			return old
		}
	}
	if b.enumFold == nil {
		b.enumFold = map[string][]*ir.Enum{}
	}
	b.enumFold[key] = append(b.enumFold[key], e)
	return nil
}

// sameValues reports whether two enums list the same values, in any order.
func sameValues(a, b *ir.Enum) bool {
	if len(a.Values) != len(b.Values) {
		return false
	}
	values := func(e *ir.Enum) []string {
		out := make([]string, len(e.Values))
		for i, v := range e.Values {
			out[i] = v.Value
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(values(a), values(b))
}
