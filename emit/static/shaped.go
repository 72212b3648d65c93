package static

import (
	"encoding/json"
	"errors"
	"reflect"
	"time"
)

// Bodies and headers whose innermost values need a codec of their own, in
// any mix of pointers, slices and maps: a response that is a list of
// date-times, a request body of a polymorphic family, a header in RFC
// 1123. Model fields of these types have generated code; these rare
// shapes, one per request or response, are walked by reflection.

// A leaf reads and writes the innermost values of such a shape.
type leaf struct {
	// is reports whether a type is the leaf type (the walk stops there).
	is    func(reflect.Type) bool
	read  func(r *jsonReader, dst reflect.Value)
	write func(w *jsonWriter, v reflect.Value)
}

var timeType = reflect.TypeFor[time.Time]()

func isTime(t reflect.Type) bool { return t == timeType }

func timeLeaf(read func(*jsonReader) (time.Time, bool), write func(*jsonWriter, time.Time)) leaf {
	return leaf{
		is: isTime,
		read: func(r *jsonReader, dst reflect.Value) {
			if t, ok := read(r); ok {
				dst.Set(reflect.ValueOf(t))
			}
		},
		write: func(w *jsonWriter, v reflect.Value) { write(w, v.Interface().(time.Time)) },
	}
}

var (
	dateTimeLeaf = timeLeaf((*jsonReader).dateTimeValue, (*jsonWriter).dateTime)
	dateLeaf     = timeLeaf(func(r *jsonReader) (time.Time, bool) { return r.timeValue(parseDate) }, (*jsonWriter).date)
	rfc1123Leaf  = timeLeaf(func(r *jsonReader) (time.Time, bool) { return r.timeValue(parseRFC1123) }, (*jsonWriter).rfc1123)
	unixTimeLeaf = timeLeaf((*jsonReader).unixTimeValue, (*jsonWriter).unixTime)
)

var bytesType = reflect.TypeFor[[]byte]()

// base64URLLeaf is format: base64url.
var base64URLLeaf = leaf{
	is:    func(t reflect.Type) bool { return t == bytesType },
	read:  func(r *jsonReader, dst reflect.Value) { dst.SetBytes(r.base64URL()) },
	write: func(w *jsonWriter, v reflect.Value) { w.base64URL(v.Bytes()) },
}

// polymorphic is the leaf of a polymorphic family's interface I: read
// picks the concrete type.
func polymorphic[I any](read func(*jsonReader, *I)) leaf {
	t := reflect.TypeFor[I]()
	return leaf{
		is: func(u reflect.Type) bool { return u == t },
		read: func(r *jsonReader, dst reflect.Value) {
			read(r, dst.Addr().Interface().(*I))
		},
		write: func(w *jsonWriter, v reflect.Value) { w.anyValue(v.Interface()) },
	}
}

// shaped is a value of such a shape, given by pointer.
type shaped struct {
	p    any
	leaf leaf
}

func (s shaped) marshal() ([]byte, error) {
	var w jsonWriter
	w.shapedValue(reflect.ValueOf(s.p).Elem(), s.leaf)
	return w.buf, w.err
}

func (s shaped) unmarshal(data []byte) error {
	r := jsonReader{data: data}
	r.shapedValue(reflect.ValueOf(s.p).Elem(), s.leaf)
	r.end()
	return r.result()
}

// encodeShaped writes a request body of such a shape (given by pointer):
// without read-only properties.
func encodeShaped(p any, l leaf) (json.RawMessage, error) {
	w := jsonWriter{request: true}
	w.shapedValue(reflect.ValueOf(p).Elem(), l)
	return w.buf, w.err
}

// shapedValue writes v, walking pointers, interfaces, slices and maps
// down to the values of the leaf l (none when l is zero), and to models,
// which it writes with their writeJSON, so that in a request they leave
// out their read-only properties; anything else it writes with
// json.Marshal. It also writes a request body that is no model (an array
// or a map of them) and a user's value in a field of type any.
func (w *jsonWriter) shapedValue(v reflect.Value, l leaf) {
	if !v.IsValid() {
		w.null()
		return
	}
	if l.is != nil && l.is(v.Type()) {
		l.write(w, v)
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			w.null()
			return
		}
		if m, ok := v.Interface().(jsonWritable); ok {
			m.writeJSON(w)
			return
		}
		w.shapedValue(v.Elem(), l)
		return
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			break // bytes, json.RawMessage
		}
		if v.IsNil() {
			w.null()
			return
		}
		w.openArray()
		for i := range v.Len() {
			w.elem()
			w.shapedValue(v.Index(i), l)
		}
		w.closeArray()
		return
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			break
		}
		if v.IsNil() {
			w.null()
			return
		}
		w.openMap()
		for _, k := range sortedMapKeys(v) {
			w.mapKey(k.String())
			w.shapedValue(v.MapIndex(k), l)
		}
		w.closeMap()
		return
	case reflect.Struct:
		p := reflect.New(v.Type())
		p.Elem().Set(v)
		if m, ok := p.Interface().(jsonWritable); ok {
			m.writeJSON(w)
			return
		}
	}
	w.marshal(v.Interface())
}

func (r *jsonReader) shapedValue(dst reflect.Value, l leaf) {
	if r.isNull() {
		// A null where the spec allows none (an array element or map
		// value without x-nullable) reads as the zero value, as
		// encoding/json reads it into a value of any other type.
		dst.SetZero()
		return
	}
	if l.is(dst.Type()) {
		l.read(r, dst)
		return
	}
	switch dst.Kind() {
	case reflect.Pointer:
		v := reflect.New(dst.Type().Elem())
		r.shapedValue(v.Elem(), l)
		dst.Set(v)
	case reflect.Slice:
		if !r.array() {
			return
		}
		s := reflect.MakeSlice(dst.Type(), 0, 0)
		for i := 0; r.elem(i); i++ {
			v := reflect.New(dst.Type().Elem()).Elem()
			r.shapedValue(v, l)
			s = reflect.Append(s, v)
		}
		dst.Set(s)
	case reflect.Map:
		if !r.open() {
			return
		}
		m := reflect.MakeMap(dst.Type())
		for k, ok := r.firstEntry(); ok; k, ok = r.nextEntry() {
			v := reflect.New(dst.Type().Elem()).Elem()
			r.shapedValue(v, l)
			m.SetMapIndex(reflect.ValueOf(string(k)).Convert(dst.Type().Key()), v)
		}
		dst.Set(m)
	default:
		r.fail(errors.New("no decoder for " + dst.Type().String()))
	}
}
