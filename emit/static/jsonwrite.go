package static

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"
)

// jsonWriter writes JSON for the models' writeJSON methods, which write
// each field that is set with a typed method (strField, int32Field…),
// then Extra. The output is what json.Marshal writes for the model, byte
// for byte: compact, strings escaped as encoding/json escapes them (<, >
// and & as \u003c…, invalid UTF-8 as \ufffd), numbers spelt as it spells
// them.
//
// In a request the writer leaves out read-only properties, at any depth:
// Swagger 2.0 says they "MUST NOT be sent as part of the request".
//
// The small methods the generated code calls are marked go:noinline:
// inlined at the thousands of call sites of a large spec they made its
// package compile about a quarter slower, for a nanosecond or two each at
// run time.
type jsonWriter struct {
	buf     []byte
	request bool
	err     error
}

// jsonWritable is what every model is: writeJSON writes it as an object
// (null for a nil pointer).
type jsonWritable interface{ writeJSON(w *jsonWriter) }

var writers = sync.Pool{New: func() any { return &jsonWriter{buf: make([]byte, 0, 1024)} }}

// newJSONWriter returns a writer for a model's MarshalJSON; done returns
// what it wrote and frees it.
//
//go:noinline
func newJSONWriter() *jsonWriter {
	w := writers.Get().(*jsonWriter)
	w.buf, w.request, w.err = w.buf[:0], false, nil
	return w
}

// done returns a copy of what the writer wrote, or its error; the writer
// must not be used after.
func (w *jsonWriter) done() ([]byte, error) {
	out, err := slices.Clone(w.buf), w.err
	if cap(w.buf) <= 1<<20 {
		writers.Put(w)
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// fail keeps the first error, naming the property whose key is given.
func (w *jsonWriter) fail(key string, err error) {
	if w.err == nil {
		if key != "" {
			err = at(err, keyStep([]byte(key)))
		}
		w.err = err
	}
}

// sep writes the comma before a key or an element, unless it is the
// first of its object or array.
func (w *jsonWriter) sep() {
	if n := len(w.buf); n > 0 && w.buf[n-1] != '{' && w.buf[n-1] != '[' {
		w.buf = append(w.buf, ',')
	}
}

// key writes a property's key, given as `"name":`, spelt as json.Marshal
// spells it.
//
//go:noinline
func (w *jsonWriter) key(key string) {
	w.sep()
	w.buf = append(w.buf, key...)
}

// mapKey writes the key of a map entry.
func (w *jsonWriter) mapKey(k string) {
	w.sep()
	w.buf = appendString(w.buf, k)
	w.buf = append(w.buf, ':')
}

// elem starts an array element.
//
//go:noinline
func (w *jsonWriter) elem() { w.sep() }

// open starts a model's object and returns where it starts, for close.
//
//go:noinline
func (w *jsonWriter) open() int {
	w.buf = append(w.buf, '{')
	return len(w.buf) - 1
}

// close ends the object that starts at start with Extra's properties that
// no field wrote, sorted, skipping nil entries.
//
//go:noinline
func (w *jsonWriter) close(start int, extra map[string]json.RawMessage) {
	if len(extra) > 0 {
		w.extra(start, extra)
	}
	w.buf = append(w.buf, '}')
}

func (w *jsonWriter) extra(start int, extra map[string]json.RawMessage) {
	keys := make([]string, 0, len(extra))
	for k, v := range extra {
		if v != nil {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		if w.written(start, k) {
			continue
		}
		w.mapKey(k)
		var ok bool
		if w.buf, ok = appendCompact(w.buf, extra[k]); !ok {
			w.fail(k, errors.New("extra value is not valid JSON"))
			return
		}
	}
}

// written reports whether the object that starts at start has the key k
// already: a field that is set wins over Extra's entry of the same name.
func (w *jsonWriter) written(start int, k string) bool {
	r := jsonReader{data: w.buf[start+1:]}
	for r.ws() == '"' {
		key, ok := r.stringBytes()
		if !ok {
			return false
		}
		if string(key) == k {
			return true
		}
		r.pos++ // the colon: the output is compact
		r.skip()
		if r.err != nil || r.ws() != ',' {
			return false
		}
		r.pos++
	}
	return false
}

//go:noinline
func (w *jsonWriter) openArray() { w.buf = append(w.buf, '[') }

//go:noinline
func (w *jsonWriter) closeArray() { w.buf = append(w.buf, ']') }

//go:noinline
func (w *jsonWriter) openMap() { w.buf = append(w.buf, '{') }

//go:noinline
func (w *jsonWriter) closeMap() { w.buf = append(w.buf, '}') }

//go:noinline
func (w *jsonWriter) null() { w.buf = append(w.buf, "null"...) }

// raw writes a property whose value is given as JSON text: a value the
// spec fixes, written when the field is not set.
//
//go:noinline
func (w *jsonWriter) raw(key, value string) {
	w.key(key)
	w.buf = append(w.buf, value...)
}

//go:noinline
func (w *jsonWriter) str(s string) { w.buf = appendString(w.buf, s) }

func (w *jsonWriter) strPtr(p *string) {
	if p == nil {
		w.null()
		return
	}
	w.str(*p)
}

func (w *jsonWriter) strField(key string, p *string) {
	if p != nil {
		w.key(key)
		w.str(*p)
	}
}

//go:noinline
func (w *jsonWriter) int32(n int32) { w.buf = strconv.AppendInt(w.buf, int64(n), 10) }

//go:noinline
func (w *jsonWriter) int64(n int64) { w.buf = strconv.AppendInt(w.buf, n, 10) }

func (w *jsonWriter) int32Ptr(p *int32) {
	if p == nil {
		w.null()
		return
	}
	w.int32(*p)
}

func (w *jsonWriter) int64Ptr(p *int64) {
	if p == nil {
		w.null()
		return
	}
	w.int64(*p)
}

func (w *jsonWriter) int32Field(key string, p *int32) {
	if p != nil {
		w.key(key)
		w.int32(*p)
	}
}

func (w *jsonWriter) int64Field(key string, p *int64) {
	if p != nil {
		w.key(key)
		w.int64(*p)
	}
}

// float writes a float as encoding/json does: like fmt's %g with ES6's
// exponent thresholds; NaN and infinities are an error.
func (w *jsonWriter) float(f float64, bits int) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		w.fail("", &json.UnsupportedValueError{Str: strconv.FormatFloat(f, 'g', -1, bits)})
		w.null()
		return
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	w.buf = strconv.AppendFloat(w.buf, f, format, -1, bits)
	if format == 'e' {
		// e-09 is written e-9.
		if n := len(w.buf); n >= 4 && w.buf[n-4] == 'e' && w.buf[n-3] == '-' && w.buf[n-2] == '0' {
			w.buf[n-2] = w.buf[n-1]
			w.buf = w.buf[:n-1]
		}
	}
}

//go:noinline
func (w *jsonWriter) float32(f float32) { w.float(float64(f), 32) }

//go:noinline
func (w *jsonWriter) float64(f float64) { w.float(f, 64) }

//go:noinline
func (w *jsonWriter) float32Ptr(p *float32) {
	if p == nil {
		w.null()
		return
	}
	w.float32(*p)
}

//go:noinline
func (w *jsonWriter) float64Ptr(p *float64) {
	if p == nil {
		w.null()
		return
	}
	w.float64(*p)
}

func (w *jsonWriter) float32Field(key string, p *float32) {
	if p != nil {
		w.key(key)
		w.floatAt(key, float64(*p), 32)
	}
}

func (w *jsonWriter) float64Field(key string, p *float64) {
	if p != nil {
		w.key(key)
		w.floatAt(key, *p, 64)
	}
}

// floatAt writes a field's float, naming the field on an error.
func (w *jsonWriter) floatAt(key string, f float64, bits int) {
	err := w.err
	w.float(f, bits)
	if err == nil && w.err != nil {
		w.err = at(w.err, keyStep([]byte(keyName(key))))
	}
}

// keyName is the name in a key written `"name":`, for an error.
func keyName(key string) string {
	var r jsonReader
	r.data = []byte(key)
	s, _ := r.stringBytes()
	return string(s)
}

//go:noinline
func (w *jsonWriter) boolean(b bool) { w.buf = strconv.AppendBool(w.buf, b) }

//go:noinline
func (w *jsonWriter) boolPtr(p *bool) {
	if p == nil {
		w.null()
		return
	}
	w.boolean(*p)
}

//go:noinline
func (w *jsonWriter) boolField(key string, p *bool) {
	if p != nil {
		w.key(key)
		w.boolean(*p)
	}
}

// strings writes an array of strings; stringMap an object of them, its
// keys sorted.
func (w *jsonWriter) strings(s []string) {
	if s == nil {
		w.null()
		return
	}
	w.openArray()
	for _, v := range s {
		w.elem()
		w.str(v)
	}
	w.closeArray()
}

func (w *jsonWriter) stringsField(key string, s []string) {
	if s != nil {
		w.key(key)
		w.strings(s)
	}
}

func (w *jsonWriter) stringMap(m map[string]string) {
	if m == nil {
		w.null()
		return
	}
	w.openMap()
	for _, k := range sortedKeys(m) {
		w.mapKey(k)
		w.str(m[k])
	}
	w.closeMap()
}

func (w *jsonWriter) stringMapField(key string, m map[string]string) {
	if m != nil {
		w.key(key)
		w.stringMap(m)
	}
}

// sortedKeys returns a map's keys in order, as json.Marshal writes them.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// appendString writes s as a JSON string, escaped as encoding/json
// escapes with HTML escaping on.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if htmlSafe[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

const hexDigits = "0123456789abcdef"

// htmlSafe marks the ASCII bytes a JSON string holds as they are.
var htmlSafe = func() (t [utf8.RuneSelf]bool) {
	for b := ' '; b < utf8.RuneSelf; b++ {
		t[b] = b != '"' && b != '\\' && b != '<' && b != '>' && b != '&'
	}
	return t
}()

// appendCompact writes a JSON text without insignificant space, with <, >,
// & and U+2028, U+2029 escaped, as json.Marshal writes what a MarshalJSON
// method returns; ok is false when src is not JSON.
func appendCompact(dst, src []byte) ([]byte, bool) {
	if string(src) == "null" {
		return append(dst, "null"...), true // Extra's explicit nulls
	}
	var compact bytes.Buffer
	if json.Compact(&compact, src) != nil {
		return dst, false
	}
	out := bytes.NewBuffer(dst)
	json.HTMLEscape(out, compact.Bytes())
	return out.Bytes(), true
}
