package codecfuzz_test

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"time"
)

// same compares a value of package current with one of package legacy,
// whose types are alike but not the same: field by field (by name), a
// polymorphic value by the name of its concrete type, a nil slice or map
// apart from an empty one, times by instant, zone and monotonic-free
// spelling. It returns where they first differ, "" when they do not.
func same(a, b any) string { return sameValue("$", reflect.ValueOf(a), reflect.ValueOf(b)) }

var timeType = reflect.TypeFor[time.Time]()

func sameValue(at string, a, b reflect.Value) string {
	if a.IsValid() != b.IsValid() {
		return at + ": one is nil"
	}
	if !a.IsValid() {
		return ""
	}
	if a.Kind() != b.Kind() {
		return fmt.Sprintf("%s: %s against %s", at, a.Type(), b.Type())
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() != b.IsNil() {
			return fmt.Sprintf("%s: nil %v against nil %v", at, a.IsNil(), b.IsNil())
		}
		if a.IsNil() {
			return ""
		}
		if a.Kind() == reflect.Interface && a.Elem().Type().Name() != b.Elem().Type().Name() {
			return fmt.Sprintf("%s: %s against %s", at, a.Elem().Type(), b.Elem().Type())
		}
		if a.Kind() == reflect.Interface && a.Elem().Kind() == reflect.Pointer && a.Elem().Type().Elem().Name() != b.Elem().Type().Elem().Name() {
			return fmt.Sprintf("%s: %s against %s", at, a.Elem().Type(), b.Elem().Type())
		}
		return sameValue(at, a.Elem(), b.Elem())
	case reflect.Struct:
		if a.Type() == timeType {
			ta, tb := a.Interface().(time.Time), b.Interface().(time.Time)
			if !ta.Equal(tb) || ta.Location().String() != tb.Location().String() ||
				ta.Format(time.RFC3339Nano+" MST") != tb.Format(time.RFC3339Nano+" MST") {
				return fmt.Sprintf("%s: %v against %v", at, ta, tb)
			}
			return ""
		}
		if a.NumField() != b.NumField() {
			return fmt.Sprintf("%s: %s has %d fields, %s %d", at, a.Type(), a.NumField(), b.Type(), b.NumField())
		}
		for i := range a.NumField() {
			name := a.Type().Field(i).Name
			if b.Type().Field(i).Name != name {
				return fmt.Sprintf("%s: field %s against %s", at, name, b.Type().Field(i).Name)
			}
			if d := sameValue(at+"."+name, a.Field(i), b.Field(i)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Slice:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return fmt.Sprintf("%s: %d elements (nil %v) against %d (nil %v)", at, a.Len(), a.IsNil(), b.Len(), b.IsNil())
		}
		for i := range a.Len() {
			if d := sameValue(fmt.Sprintf("%s[%d]", at, i), a.Index(i), b.Index(i)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Map:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return fmt.Sprintf("%s: %d entries (nil %v) against %d (nil %v)", at, a.Len(), a.IsNil(), b.Len(), b.IsNil())
		}
		var keys []string
		for _, k := range a.MapKeys() {
			keys = append(keys, k.String())
		}
		slices.Sort(keys)
		for _, k := range keys {
			bv := b.MapIndex(reflect.ValueOf(k).Convert(b.Type().Key()))
			if !bv.IsValid() {
				return fmt.Sprintf("%s[%q]: missing", at, k)
			}
			if d := sameValue(fmt.Sprintf("%s[%q]", at, k), a.MapIndex(reflect.ValueOf(k).Convert(a.Type().Key())), bv); d != "" {
				return d
			}
		}
		return ""
	case reflect.String:
		if a.String() != b.String() {
			return fmt.Sprintf("%s: %q against %q", at, a.String(), b.String())
		}
	case reflect.Bool:
		if a.Bool() != b.Bool() {
			return fmt.Sprintf("%s: %v against %v", at, a.Bool(), b.Bool())
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if a.Int() != b.Int() {
			return fmt.Sprintf("%s: %d against %d", at, a.Int(), b.Int())
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if a.Uint() != b.Uint() {
			return fmt.Sprintf("%s: %d against %d", at, a.Uint(), b.Uint())
		}
	case reflect.Float32, reflect.Float64:
		if math.Float64bits(a.Float()) != math.Float64bits(b.Float()) {
			return fmt.Sprintf("%s: %v against %v", at, a.Float(), b.Float())
		}
	default:
		return fmt.Sprintf("%s: cannot compare a %s", at, a.Kind())
	}
	return ""
}
