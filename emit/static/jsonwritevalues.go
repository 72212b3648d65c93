package static

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Writes of times, bytes and values of any type; see jsonWriter.

func (w *jsonWriter) timeText(t time.Time, layout string) {
	w.buf = append(w.buf, '"')
	w.buf = t.AppendFormat(w.buf, layout)
	w.buf = append(w.buf, '"')
}

func (w *jsonWriter) dateTime(t time.Time) { w.timeText(t, time.RFC3339Nano) }
func (w *jsonWriter) date(t time.Time)     { w.timeText(t, time.DateOnly) }
func (w *jsonWriter) rfc1123(t time.Time)  { w.timeText(t.UTC(), http.TimeFormat) }
func (w *jsonWriter) unixTime(t time.Time) { w.buf = strconv.AppendInt(w.buf, t.Unix(), 10) }

// timePtr writes a nullable element: null for nil.
func (w *jsonWriter) timePtr(p *time.Time, write func(*jsonWriter, time.Time)) {
	if p == nil {
		w.null()
		return
	}
	write(w, *p)
}

//go:noinline
func (w *jsonWriter) dateTimePtr(p *time.Time) { w.timePtr(p, (*jsonWriter).dateTime) }

//go:noinline
func (w *jsonWriter) datePtr(p *time.Time) { w.timePtr(p, (*jsonWriter).date) }

//go:noinline
func (w *jsonWriter) rfc1123Ptr(p *time.Time) { w.timePtr(p, (*jsonWriter).rfc1123) }

//go:noinline
func (w *jsonWriter) unixTimePtr(p *time.Time) { w.timePtr(p, (*jsonWriter).unixTime) }

func (w *jsonWriter) dateTimeField(key string, p *time.Time) {
	if p != nil {
		w.key(key)
		w.dateTime(*p)
	}
}

func (w *jsonWriter) dateField(key string, p *time.Time) {
	if p != nil {
		w.key(key)
		w.date(*p)
	}
}

func (w *jsonWriter) rfc1123Field(key string, p *time.Time) {
	if p != nil {
		w.key(key)
		w.rfc1123(*p)
	}
}

func (w *jsonWriter) unixTimeField(key string, p *time.Time) {
	if p != nil {
		w.key(key)
		w.unixTime(*p)
	}
}

// bytes writes format: byte, standard base64; nil is null.
func (w *jsonWriter) bytes(b []byte) {
	if b == nil {
		w.null()
		return
	}
	w.buf = append(w.buf, '"')
	w.buf = base64.StdEncoding.AppendEncode(w.buf, b)
	w.buf = append(w.buf, '"')
}

func (w *jsonWriter) bytesField(key string, b []byte) {
	if b != nil {
		w.key(key)
		w.bytes(b)
	}
}

// base64URL writes format: base64url, without padding; nil is "".
//
//go:noinline
func (w *jsonWriter) base64URL(b []byte) {
	w.buf = append(w.buf, '"')
	w.buf = base64.RawURLEncoding.AppendEncode(w.buf, b)
	w.buf = append(w.buf, '"')
}

func (w *jsonWriter) base64URLField(key string, b []byte) {
	if b != nil {
		w.key(key)
		w.base64URL(b)
	}
}

// anyValue writes a value of any type as json.Marshal writes it: a
// model (a polymorphic family's value) with its writeJSON; in a request
// by walking it (see shapedValue), so that the models it holds leave out
// their read-only properties; else with encoding/json.
func (w *jsonWriter) anyValue(v any) {
	if m, ok := v.(jsonWritable); ok {
		m.writeJSON(w)
		return
	}
	if w.request {
		w.shapedValue(reflect.ValueOf(v), leaf{})
		return
	}
	w.marshal(v)
}

// marshal writes a value with json.Marshal.
func (w *jsonWriter) marshal(v any) {
	b, err := json.Marshal(v)
	if err != nil {
		w.fail("", err)
		w.null()
		return
	}
	w.buf = append(w.buf, b...)
}

//go:noinline
func (w *jsonWriter) anyField(key string, v any) {
	if v != nil {
		w.key(key)
		start := len(w.buf)
		err := w.err
		w.anyValue(v)
		if err == nil && w.err != nil {
			w.buf = w.buf[:start]
			w.err = at(w.err, keyStep([]byte(keyName(key))))
		}
	}
}

// sortedMapKeys returns the keys of a map with string keys, in order.
func sortedMapKeys(v reflect.Value) []reflect.Value {
	keys := v.MapKeys()
	slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
	return keys
}

// marshalRequest writes a request body: without read-only properties.
func marshalRequest(v any) ([]byte, error) {
	w := jsonWriter{buf: make([]byte, 0, 512), request: true}
	if m, ok := v.(jsonWritable); ok {
		m.writeJSON(&w)
	} else {
		w.shapedValue(reflect.ValueOf(v), leaf{})
	}
	return w.buf, w.err
}
