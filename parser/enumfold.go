package parser

import (
	"slices"
	"strings"

	"github.com/armgen/armgen/ir"
)

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
