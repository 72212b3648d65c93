package static

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
)

// A field is one JSON property of a model: its wire name and a pointer to
// the Go field, or a codec wrapping that pointer when encoding/json alone
// cannot read the value (date-times in Azure's forms, polymorphic models).
type field struct {
	name string
	ptr  any
}

// A codec reads and writes a field that needs more than encoding/json.
type codec interface {
	isZero() bool
	marshal() ([]byte, error)
	unmarshal(data []byte) error
	target() any // the pointer to the Go field
}

// readOnly marks a property the service sets (readOnly in the spec). It
// is read, kept and written like any other, but a request never carries
// it: Swagger 2.0 says it "MUST NOT be sent as part of the request". ptr
// is the pointer to the Go field, or a codec.
type readOnly struct{ ptr any }

// fieldPtr returns what reads and writes a field: its pointer or codec.
func (f field) fieldPtr() any {
	if r, ok := f.ptr.(readOnly); ok {
		return r.ptr
	}
	return f.ptr
}

// marshalObject writes a model: the fields that are set, in order; then
// the entries of extra whose names no field wrote (properties this package
// does not model, and explicit nulls); then additional, a map of
// additionalProperties, whose keys are written in sorted order.
func marshalObject(fields []field, extra map[string]json.RawMessage, additional any) ([]byte, error) {
	buf := make([]byte, 0, 64)
	buf = append(buf, '{')
	written := make([]string, 0, len(fields))
	write := func(name string, value []byte) {
		if len(written) > 0 {
			buf = append(buf, ',')
		}
		key, _ := json.Marshal(name)
		buf = append(buf, key...)
		buf = append(buf, ':')
		buf = append(buf, value...)
		written = append(written, name)
	}
	for _, f := range fields {
		var value []byte
		var err error
		ptr := f.fieldPtr()
		if c, ok := ptr.(codec); ok {
			if c.isZero() {
				continue
			}
			value, err = c.marshal()
		} else {
			v := reflect.ValueOf(ptr).Elem()
			if v.IsZero() {
				continue
			}
			value, err = json.Marshal(v.Interface())
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.name, err)
		}
		write(f.name, value)
	}
	if additional != nil {
		m := reflect.ValueOf(additional)
		keys := make([]string, 0, m.Len())
		for _, k := range m.MapKeys() {
			keys = append(keys, k.String())
		}
		slices.Sort(keys)
		for _, k := range keys {
			if slices.Contains(written, k) {
				continue
			}
			value, err := json.Marshal(m.MapIndex(reflect.ValueOf(k).Convert(m.Type().Key())).Interface())
			if err != nil {
				return nil, fmt.Errorf("%s: %w", k, err)
			}
			write(k, value)
		}
	}
	if len(extra) > 0 {
		keys := make([]string, 0, len(extra))
		for k := range extra {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if slices.Contains(written, k) || extra[k] == nil {
				continue
			}
			if !json.Valid(extra[k]) {
				return nil, fmt.Errorf("%s: extra value is not valid JSON", k)
			}
			write(k, extra[k])
		}
	}
	return append(buf, '}'), nil
}

// unmarshalObject reads a model: each property into its field, and what
// is left (properties this package does not model, and properties sent as
// explicit null) into rest, so that writing the model back sends them
// again. JSON null for the whole object leaves the fields as they are.
func unmarshalObject(data []byte, fields []field, rest *map[string]json.RawMessage) error {
	if isNull(data) {
		return nil
	}
	var props map[string]json.RawMessage
	if err := json.Unmarshal(data, &props); err != nil {
		return err
	}
	for _, f := range fields {
		raw, ok := props[f.name]
		if !ok {
			continue
		}
		if isNull(raw) {
			continue // kept in rest: the service said null, not nothing
		}
		var err error
		if c, ok := f.fieldPtr().(codec); ok {
			err = c.unmarshal(raw)
		} else {
			err = json.Unmarshal(raw, f.fieldPtr())
		}
		if err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
		delete(props, f.name)
	}
	if len(props) == 0 {
		props = nil
	}
	*rest = props
	return nil
}

// unmarshalAdditional moves the properties left over in rest into a
// model's additionalProperties map, whose pointer is given; values that do
// not decode as the map's element type stay in rest.
func unmarshalAdditional(rest *map[string]json.RawMessage, additional any) error {
	m := reflect.ValueOf(additional).Elem()
	for k, raw := range *rest {
		if m.IsNil() {
			m.Set(reflect.MakeMap(m.Type()))
		}
		elem := reflect.New(m.Type().Elem())
		if isNull(raw) && m.Type().Elem().Kind() != reflect.Pointer && m.Type().Elem().Kind() != reflect.Interface {
			continue // a null the element type cannot hold stays in rest
		}
		if err := json.Unmarshal(raw, elem.Interface()); err != nil {
			return fmt.Errorf("%s: %w", k, err)
		}
		m.SetMapIndex(reflect.ValueOf(k).Convert(m.Type().Key()), elem.Elem())
		delete(*rest, k)
	}
	if len(*rest) == 0 {
		*rest = nil
	}
	return nil
}

// isNull reports whether data is the JSON literal null.
func isNull(data []byte) bool {
	return string(bytes.TrimSpace(data)) == "null"
}

// discriminatorOf reads the string property that selects a polymorphic
// model's concrete type.
func discriminatorOf(data []byte, name string) (string, error) {
	var props map[string]json.RawMessage
	if err := json.Unmarshal(data, &props); err != nil {
		return "", err
	}
	raw, ok := props[name]
	if !ok || isNull(raw) {
		return "", nil
	}
	var value string
	if err := json.Unmarshal(raw, &value); err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return value, nil
}

// discriminator writes a derived model's discriminator: the field's value
// when set, else the value that names the model, so a value built in Go
// says what it is on the wire.
type discriminator[T ~string] struct {
	p     **T
	value T
}

func (d discriminator[T]) isZero() bool { return false }

func (d discriminator[T]) marshal() ([]byte, error) {
	if *d.p != nil {
		return json.Marshal(**d.p)
	}
	return json.Marshal(d.value)
}

func (d discriminator[T]) unmarshal(data []byte) error { return json.Unmarshal(data, d.p) }

func (d discriminator[T]) target() any { return d.p }

// fixed writes a property the spec fixes to one value (a required
// single-value enum): the field's value when set, else that value, so the
// caller need not set it. It reads into the field.
type fixed struct {
	field any    // the field's pointer, or its codec
	value string // JSON
}

func (f fixed) isZero() bool { return false }

func (f fixed) marshal() ([]byte, error) {
	if c, ok := f.field.(codec); ok {
		if c.isZero() {
			return []byte(f.value), nil
		}
		return c.marshal()
	}
	v := reflect.ValueOf(f.field).Elem()
	if v.IsZero() {
		return []byte(f.value), nil
	}
	return json.Marshal(v.Interface())
}

func (f fixed) unmarshal(data []byte) error {
	if c, ok := f.field.(codec); ok {
		return c.unmarshal(data)
	}
	return json.Unmarshal(data, f.field)
}

func (f fixed) target() any {
	if c, ok := f.field.(codec); ok {
		return c.target()
	}
	return f.field
}

// shaped is a codec for a field whose innermost values need a decoder of
// their own, nested in any mix of pointers, slices and maps: *time.Time,
// []time.Time, map[string][]FishClassification.
type shaped struct {
	p    any // pointer to the field
	leaf leaf
}

// A leaf reads and writes the innermost value of a shaped field.
type leaf struct {
	// is reports whether a type is the leaf type (the walk stops there).
	is     func(reflect.Type) bool
	decode func(data []byte, dst reflect.Value) error
	encode func(v reflect.Value) ([]byte, error)
}

func (s shaped) isZero() bool { return reflect.ValueOf(s.p).Elem().IsZero() }

func (s shaped) marshal() ([]byte, error) { return s.leaf.write(reflect.ValueOf(s.p).Elem()) }

func (s shaped) unmarshal(data []byte) error { return s.leaf.read(data, reflect.ValueOf(s.p).Elem()) }

func (s shaped) target() any { return s.p }

func (l leaf) write(v reflect.Value) ([]byte, error) {
	if l.is(v.Type()) {
		if l.encode == nil {
			return json.Marshal(v.Interface())
		}
		return l.encode(v)
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return []byte("null"), nil
		}
		return l.write(v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			return []byte("null"), nil
		}
		buf := []byte{'['}
		for i := range v.Len() {
			if i > 0 {
				buf = append(buf, ',')
			}
			b, err := l.write(v.Index(i))
			if err != nil {
				return nil, err
			}
			buf = append(buf, b...)
		}
		return append(buf, ']'), nil
	case reflect.Map:
		if v.IsNil() {
			return []byte("null"), nil
		}
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int {
			switch {
			case a.String() < b.String():
				return -1
			case a.String() > b.String():
				return 1
			}
			return 0
		})
		buf := []byte{'{'}
		for i, k := range keys {
			if i > 0 {
				buf = append(buf, ',')
			}
			key, _ := json.Marshal(k.String())
			buf = append(append(buf, key...), ':')
			b, err := l.write(v.MapIndex(k))
			if err != nil {
				return nil, err
			}
			buf = append(buf, b...)
		}
		return append(buf, '}'), nil
	}
	return json.Marshal(v.Interface())
}

func (l leaf) read(data []byte, dst reflect.Value) error {
	if l.is(dst.Type()) {
		if isNull(data) {
			// A null where the spec allows none (an array element or map
			// value without x-nullable) reads as the zero value, as
			// encoding/json reads it into a value of any other type.
			dst.SetZero()
			return nil
		}
		return l.decode(data, dst)
	}
	switch dst.Kind() {
	case reflect.Pointer:
		if isNull(data) {
			dst.SetZero()
			return nil
		}
		v := reflect.New(dst.Type().Elem())
		if err := l.read(data, v.Elem()); err != nil {
			return err
		}
		dst.Set(v)
		return nil
	case reflect.Slice:
		if isNull(data) {
			dst.SetZero()
			return nil
		}
		var items []json.RawMessage
		if err := json.Unmarshal(data, &items); err != nil {
			return err
		}
		s := reflect.MakeSlice(dst.Type(), len(items), len(items))
		for i, item := range items {
			if err := l.read(item, s.Index(i)); err != nil {
				return fmt.Errorf("[%d]: %w", i, err)
			}
		}
		dst.Set(s)
		return nil
	case reflect.Map:
		if isNull(data) {
			dst.SetZero()
			return nil
		}
		var items map[string]json.RawMessage
		if err := json.Unmarshal(data, &items); err != nil {
			return err
		}
		m := reflect.MakeMapWithSize(dst.Type(), len(items))
		for k, item := range items {
			v := reflect.New(dst.Type().Elem()).Elem()
			if err := l.read(item, v); err != nil {
				return fmt.Errorf("[%q]: %w", k, err)
			}
			m.SetMapIndex(reflect.ValueOf(k).Convert(dst.Type().Key()), v)
		}
		dst.Set(m)
		return nil
	}
	return errors.New("no decoder for " + dst.Type().String())
}

// polymorphic is the leaf of a field whose values are a polymorphic
// family's interface I: decode picks the concrete type.
func polymorphic[I any](decode func([]byte) (I, error)) leaf {
	t := reflect.TypeFor[I]()
	return leaf{
		is: func(u reflect.Type) bool { return u == t },
		decode: func(data []byte, dst reflect.Value) error {
			v, err := decode(data)
			if err != nil {
				return err
			}
			if rv := reflect.ValueOf(v); rv.IsValid() {
				dst.Set(rv)
			} else {
				dst.SetZero()
			}
			return nil
		},
	}
}

// requestBody returns a request body to encode: a deep copy of v in which
// the read-only fields of every model are unset, so that a value read
// from the service can be sent back as it is. v itself is not changed.
func requestBody(v any) any {
	src := reflect.ValueOf(v)
	if !src.IsValid() {
		return v
	}
	dst := reflect.New(src.Type()).Elem()
	copyForRequest(dst, src)
	return dst.Interface()
}

// model is what every generated struct is: a table of its properties.
type model interface{ fields() []field }

// copyForRequest sets dst, of src's type, to a deep copy of src without
// read-only fields.
func copyForRequest(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		p := reflect.New(src.Type().Elem())
		copyForRequest(p.Elem(), src.Elem())
		dst.Set(p)
	case reflect.Interface:
		if src.IsNil() {
			return
		}
		v := reflect.New(src.Elem().Type()).Elem()
		copyForRequest(v, src.Elem())
		dst.Set(v)
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		if src.Type().Elem().Kind() == reflect.Uint8 {
			reflect.Copy(s, src) // []byte, json.RawMessage
		} else {
			for i := range src.Len() {
				copyForRequest(s.Index(i), src.Index(i))
			}
		}
		dst.Set(s)
	case reflect.Map:
		if src.IsNil() {
			return
		}
		m := reflect.MakeMapWithSize(src.Type(), src.Len())
		for it := src.MapRange(); it.Next(); {
			v := reflect.New(src.Type().Elem()).Elem()
			copyForRequest(v, it.Value())
			m.SetMapIndex(it.Key(), v)
		}
		dst.Set(m)
	case reflect.Struct:
		dst.Set(src)
		m, ok := dst.Addr().Interface().(model)
		if !ok {
			return // time.Time and other values without properties
		}
		for i := range src.NumField() {
			if dst.Type().Field(i).IsExported() {
				copyForRequest(dst.Field(i), src.Field(i))
			}
		}
		for _, f := range m.fields() {
			if r, ok := f.ptr.(readOnly); ok {
				p := r.ptr
				if c, ok := p.(codec); ok {
					p = c.target()
				}
				reflect.ValueOf(p).Elem().SetZero()
			}
		}
	default:
		dst.Set(src)
	}
}
