package static

import (
	"bytes"
	"encoding/json"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonReader reads one JSON text from a byte slice for the models'
// readJSON methods, which switch on each property name and read its value
// with a typed method (str, int32Ptr, dateTime…). It reads what
// encoding/json reads, the same way: strings unescaped as it does them
// (invalid UTF-8 becomes U+FFFD), numbers checked against the JSON grammar
// and parsed from their text, nesting at most 10,000 deep.
//
// The first error sticks: every loop ends at it, and each object or array
// on the way out adds its key or index to the error's path. A syntax error
// anywhere in the input wins over a value that does not fit, as it does
// with encoding/json, which checks the whole text before decoding.
//
// The small methods the generated code calls are go:noinline, as the
// jsonWriter's are, to keep large packages quick to compile.
type jsonReader struct {
	data  []byte
	pos   int
	depth int
	err   error
	// null says the value just read was JSON null, kept that it went into
	// Extra: the object loop keeps explicit nulls in Extra from them.
	null, kept bool
	// scratch holds the last string that needed unescaping; escaped says
	// the last string read is there.
	scratch []byte
	escaped bool
	// names numbers the package's property names; frames are the
	// models' objects being read, innermost last, in frameBuf when few.
	names    *nameTable
	frames   []frame
	frameBuf [8]frame
}

// maxDepth is encoding/json's bound on nesting.
const maxDepth = 10000

// A syntaxError is a text that is not JSON. unmarshalJSON replaces it
// with encoding/json's own error for the input, so that callers see what
// json.Unmarshal says.
type syntaxError struct {
	msg string
	off int
}

func (e *syntaxError) Error() string { return e.msg }

// A pathError is an error reading a value, with where it is: the JSON
// path of the value ("properties.metadata[1].name").
type pathError struct {
	path string
	err  error
}

func (e *pathError) Error() string { return e.path + ": " + e.err.Error() }
func (e *pathError) Unwrap() error { return e.err }

// atKey adds a property name to the error's path.
func (r *jsonReader) atKey(key []byte) {
	if p, ok := r.err.(*pathError); ok {
		if p.path[0] == '[' {
			p.path = string(key) + p.path
		} else {
			p.path = string(key) + "." + p.path
		}
		return
	}
	if _, ok := r.err.(*syntaxError); !ok {
		r.err = &pathError{path: string(key), err: r.err}
	}
}

// atStep adds an index or map key ("[3]", `["k"]`) to the error's path.
func (r *jsonReader) atStep(step string) {
	if p, ok := r.err.(*pathError); ok {
		p.path = step + p.path
		return
	}
	if _, ok := r.err.(*syntaxError); !ok {
		r.err = &pathError{path: step, err: r.err}
	}
}

// failAt fails with the error of reading the property key.
//
//go:noinline
func (r *jsonReader) failAt(key string, err error) {
	r.fail(err)
	r.atKey([]byte(key))
}

// rawNull reports whether a raw value is null.
func rawNull(raw []byte) bool { return string(bytes.TrimSpace(raw)) == "null" }

func (r *jsonReader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

func (r *jsonReader) syntax(msg string) {
	r.fail(&syntaxError{msg: msg, off: r.pos})
}

// unexpected fails on the byte at r.pos, or the end of the input.
func (r *jsonReader) unexpected(context string) {
	if r.pos >= len(r.data) {
		r.syntax("unexpected end of JSON input")
		return
	}
	r.syntax("invalid character " + quoteChar(r.data[r.pos]) + " " + context)
}

func quoteChar(c byte) string {
	switch {
	case c == '\'':
		return `'\''`
	case c == '"':
		return `'"'`
	case c < ' ' || c >= utf8.RuneSelf:
		return "'\\x" + string("0123456789abcdef"[c>>4]) + string("0123456789abcdef"[c&0xF]) + "'"
	}
	return "'" + string(c) + "'"
}

// ws skips whitespace and returns the next byte, 0 at the end.
func (r *jsonReader) ws() byte {
	for r.pos < len(r.data) {
		switch c := r.data[r.pos]; c {
		case ' ', '\n', '\r', '\t':
			r.pos++
		default:
			return c
		}
	}
	return 0
}

// end checks that only whitespace follows the value read.
func (r *jsonReader) end() {
	if r.err == nil && r.ws() != 0 {
		r.unexpected("after top-level value")
	}
}

// push enters an object or array whose opening byte is at r.pos.
func (r *jsonReader) push() bool {
	r.pos++
	r.depth++
	if r.depth > maxDepth {
		r.syntax("exceeded max depth")
		return false
	}
	return true
}

// pop leaves an object or array at its closing byte; the flags of its
// last member are not the container's.
func (r *jsonReader) pop() {
	r.pos++
	r.depth--
	r.null, r.kept = false, false
}

// str reads a JSON string at r.pos (its opening quote) and returns its
// contents: a slice of the input when it holds no escape nor invalid
// UTF-8, else the unescaped text in r.scratch, valid until the next
// string. ok is false on a syntax error.
func (r *jsonReader) stringBytes() (s []byte, ok bool) {
	data := r.data
	start := r.pos + 1
	for i := start; i < len(data); i++ {
		c := data[i]
		if c == '"' {
			r.pos = i + 1
			r.escaped = false
			return data[start:i], true
		}
		if c == '\\' || c < ' ' || c >= utf8.RuneSelf {
			return r.stringSlow(start, i)
		}
	}
	r.pos = len(data)
	r.syntax("unexpected end of JSON input")
	return nil, false
}

func (r *jsonReader) stringSlow(start, i int) ([]byte, bool) {
	data := r.data
	for i < len(data) {
		c := data[i]
		switch {
		case c == '"':
			r.pos = i + 1
			r.escaped = false
			return data[start:i], true
		case c == '\\':
			return r.unescape(start)
		case c < ' ':
			r.pos = i
			r.unexpected("in string literal")
			return nil, false
		case c < utf8.RuneSelf:
			i++
		default:
			rr, size := utf8.DecodeRune(data[i:])
			if rr == utf8.RuneError && size == 1 {
				return r.unescape(start)
			}
			i += size
		}
	}
	r.pos = len(data)
	r.syntax("unexpected end of JSON input")
	return nil, false
}

// unescape reads the string starting at start (after its quote) into
// r.scratch, as encoding/json unquotes: escapes decoded, a lone or broken
// surrogate and each byte of invalid UTF-8 replaced by U+FFFD.
func (r *jsonReader) unescape(start int) ([]byte, bool) {
	data := r.data
	b := r.scratch[:0]
	i := start
	for i < len(data) {
		c := data[i]
		switch {
		case c == '"':
			r.pos = i + 1
			r.scratch = b
			r.escaped = true
			return b, true
		case c == '\\':
			if i+1 >= len(data) {
				r.pos = len(data)
				r.syntax("unexpected end of JSON input")
				return nil, false
			}
			switch e := data[i+1]; e {
			case '"', '\\', '/':
				b = append(b, e)
				i += 2
			case 'b':
				b = append(b, '\b')
				i += 2
			case 'f':
				b = append(b, '\f')
				i += 2
			case 'n':
				b = append(b, '\n')
				i += 2
			case 'r':
				b = append(b, '\r')
				i += 2
			case 't':
				b = append(b, '\t')
				i += 2
			case 'u':
				rr, ok := r.hex4(i + 2)
				if !ok {
					return nil, false
				}
				i += 6
				if utf16.IsSurrogate(rr) {
					if i+1 < len(data) && data[i] == '\\' && data[i+1] == 'u' {
						rr2, ok := r.hex4(i + 2)
						if !ok {
							return nil, false
						}
						if dec := utf16.DecodeRune(rr, rr2); dec != utf8.RuneError {
							b = utf8.AppendRune(b, dec)
							i += 6
							continue
						}
					}
					rr = utf8.RuneError
				}
				b = utf8.AppendRune(b, rr)
			default:
				r.pos = i + 1
				r.unexpected("in string escape code")
				return nil, false
			}
		case c < ' ':
			r.pos = i
			r.unexpected("in string literal")
			return nil, false
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			rr, size := utf8.DecodeRune(data[i:])
			b = utf8.AppendRune(b, rr) // RuneError for a byte of invalid UTF-8
			i += size
		}
	}
	r.pos = len(data)
	r.syntax("unexpected end of JSON input")
	return nil, false
}

// hex4 reads the four hex digits of a \u escape at i.
func (r *jsonReader) hex4(i int) (rune, bool) {
	var v rune
	for j := i; j < i+4; j++ {
		if j >= len(r.data) {
			r.pos = len(r.data)
			r.syntax("unexpected end of JSON input")
			return 0, false
		}
		c := r.data[j]
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			r.pos = j
			r.unexpected("in \\u hexadecimal character escape")
			return 0, false
		}
		v = v<<4 | rune(c)
	}
	return v, true
}

// number reads a number at r.pos and returns its text, checked against
// the JSON grammar.
func (r *jsonReader) number() ([]byte, bool) {
	data := r.data
	start := r.pos
	i := start
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i >= len(data):
		r.pos = i
		r.unexpected("in numeric literal")
		return nil, false
	case data[i] == '0':
		i++
	case '1' <= data[i] && data[i] <= '9':
		i++
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
	default:
		r.pos = i
		r.unexpected("in numeric literal")
		return nil, false
	}
	if i < len(data) && data[i] == '.' {
		i++
		if i >= len(data) || data[i] < '0' || data[i] > '9' {
			r.pos = i
			r.unexpected("after decimal point in numeric literal")
			return nil, false
		}
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) || data[i] < '0' || data[i] > '9' {
			r.pos = i
			r.unexpected("in exponent of numeric literal")
			return nil, false
		}
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
	}
	r.pos = i
	return data[start:i], true
}

// literal reads true, false or null, whose first byte is at r.pos.
func (r *jsonReader) literal(word string) bool {
	data := r.data
	for j := 1; j < len(word); j++ {
		i := r.pos + j
		if i >= len(data) {
			r.pos = i
			r.syntax("unexpected end of JSON input")
			return false
		}
		if data[i] != word[j] {
			r.pos = i
			r.unexpected("in literal " + word + " (expecting " + quoteChar(word[j]) + ")")
			return false
		}
	}
	r.pos += len(word)
	return true
}

// isNull reads a null if one is next, and reports whether it did.
func (r *jsonReader) isNull() bool {
	if r.ws() != 'n' {
		return false
	}
	if r.literal("null") {
		r.null = true
	}
	return true
}

// skip reads a value of any kind, checking it.
func (r *jsonReader) skip() {
	switch c := r.ws(); {
	case c == '{':
		if !r.push() {
			return
		}
		if r.ws() == '}' {
			r.pop()
			return
		}
		for {
			if r.ws() != '"' {
				r.unexpected("looking for beginning of object key string")
				return
			}
			if _, ok := r.stringBytes(); !ok {
				return
			}
			if !r.colon() {
				return
			}
			r.skip()
			if r.err != nil {
				return
			}
			switch r.ws() {
			case ',':
				r.pos++
			case '}':
				r.pop()
				return
			default:
				r.unexpected("after object key:value pair")
				return
			}
		}
	case c == '[':
		if !r.push() {
			return
		}
		if r.ws() == ']' {
			r.pop()
			return
		}
		for {
			r.skip()
			if r.err != nil {
				return
			}
			switch r.ws() {
			case ',':
				r.pos++
			case ']':
				r.pop()
				return
			default:
				r.unexpected("after array element")
				return
			}
		}
	case c == '"':
		r.stringBytes()
	case c == '-' || '0' <= c && c <= '9':
		r.number()
	case c == 't':
		r.literal("true")
	case c == 'f':
		r.literal("false")
	case c == 'n':
		r.literal("null")
	default:
		r.unexpected("looking for beginning of value")
	}
}

// raw reads a value and returns its text, a slice of the input.
func (r *jsonReader) raw() []byte {
	r.ws()
	start := r.pos
	r.skip()
	return r.data[start:r.pos]
}

// colon reads the colon after an object key.
func (r *jsonReader) colon() bool {
	if r.ws() != ':' {
		r.unexpected("after object key")
		return false
	}
	r.pos++
	return true
}

// open starts reading an object: true after its '{'; false for null (the
// target is left as it is) or a value of another kind (an error).
func (r *jsonReader) open() bool {
	switch c := r.ws(); c {
	case '{':
		return r.push()
	case 'n':
		if r.literal("null") {
			r.null = true
		}
		return false
	default:
		r.mismatch(c, typeObject)
		return false
	}
}

// key reads the first key of an object just opened: false when it is
// empty.
func (r *jsonReader) key() ([]byte, bool) {
	if r.ws() == '}' {
		r.pop()
		return nil, false
	}
	return r.member()
}

// member reads a key and its colon; the value is next.
func (r *jsonReader) member() ([]byte, bool) {
	if r.ws() != '"' {
		r.unexpected("looking for beginning of object key string")
		return nil, false
	}
	k, ok := r.stringBytes()
	if !ok {
		return nil, false
	}
	if r.escaped {
		k = append([]byte(nil), k...) // the value may need scratch
	}
	if !r.colon() {
		return nil, false
	}
	r.null, r.kept = false, false
	return k, true
}

// nextKey reads the key after the value of key in a map, false at the
// end of the object or on an error, whose path then names the entry.
func (r *jsonReader) nextKey(key []byte) ([]byte, bool) {
	if r.err != nil {
		r.atStep(`["` + string(key) + `"]`)
		return nil, false
	}
	switch r.ws() {
	case ',':
		r.pos++
		return r.member()
	case '}':
		r.pop()
		return nil, false
	}
	r.unexpected("after object key:value pair")
	return nil, false
}

// A frame is a model's object being read: the key of the member being
// read, where its value starts, and the model's Extra.
type frame struct {
	key   []byte
	value int
	extra *map[string]json.RawMessage
}

// labelUnknown is the label of a property no model of the package has
// (see nameTable); 0 ends the object.
const labelUnknown = 1

// object starts reading a model's object and returns the label of its
// first property, 0 when it has none, for null (the model is left as it
// is) and on an error. What the object holds replaces what the model
// held: Extra is cleared.
func (r *jsonReader) object(names *nameTable, extra *map[string]json.RawMessage) uint32 {
	if !r.open() {
		return 0
	}
	*extra = nil
	k, ok := r.key()
	if !ok {
		return 0
	}
	r.names = names
	if r.frames == nil {
		r.frames = r.frameBuf[:0]
	}
	r.frames = append(r.frames, frame{key: k, value: r.pos, extra: extra})
	return r.label(k)
}

func (r *jsonReader) label(k []byte) uint32 {
	if l := r.names.label(k); l != 0 {
		return l
	}
	return labelUnknown
}

// next ends the member being read and returns the label of the next, 0
// at the end of the object or on an error, whose path then names the
// member. A member whose value no field read (a property without a
// field) goes into Extra, and so does an explicit null, with the field
// left nil, so that writing the model back sends it again; a field read
// after a null of the same name (a repeated key) takes it out again: the
// last one wins, as in encoding/json.
func (r *jsonReader) next() uint32 {
	f := &r.frames[len(r.frames)-1]
	if r.err == nil && r.pos == f.value {
		r.extra(f)
	}
	if r.err != nil {
		r.atKey(f.key)
		r.frames = r.frames[:len(r.frames)-1]
		return 0
	}
	extra := f.extra
	if r.null {
		if *extra == nil {
			*extra = make(map[string]json.RawMessage)
		}
		(*extra)[string(f.key)] = json.RawMessage("null")
	} else if !r.kept && *extra != nil {
		delete(*extra, string(f.key))
	}
	switch r.ws() {
	case ',':
		r.pos++
		k, ok := r.member()
		if !ok {
			r.frames = r.frames[:len(r.frames)-1]
			return 0
		}
		f.key, f.value = k, r.pos
		return r.label(k)
	case '}':
		r.pop()
		r.frames = r.frames[:len(r.frames)-1]
		if *extra != nil && len(*extra) == 0 {
			*extra = nil
		}
		return 0
	}
	r.unexpected("after object key:value pair")
	r.frames = r.frames[:len(r.frames)-1]
	return 0
}

// extra keeps the member being read, a property without a field: its
// text, copied.
func (r *jsonReader) extra(f *frame) {
	v := r.raw()
	if r.err != nil {
		return
	}
	if *f.extra == nil {
		*f.extra = make(map[string]json.RawMessage)
	}
	(*f.extra)[string(f.key)] = append(json.RawMessage(nil), v...)
	r.kept = true
}

// array starts reading an array: true after its '['; false for null or
// a value of another kind (an error).
func (r *jsonReader) array() bool {
	switch c := r.ws(); c {
	case '[':
		return r.push()
	case 'n':
		if r.literal("null") {
			r.null = true
		}
		return false
	default:
		r.mismatch(c, typeSlice)
		return false
	}
}

// elem reports whether element i of an array follows; i counts from 0.
// On an error the path names element i-1, which was being read.
func (r *jsonReader) elem(i int) bool {
	if r.err != nil {
		if i > 0 {
			r.atStep("[" + itoa(i-1) + "]")
		}
		return false
	}
	c := r.ws()
	if c == ']' && i == 0 {
		r.pop()
		return false
	}
	if i == 0 {
		return true
	}
	switch c {
	case ',':
		r.pos++
		return true
	case ']':
		r.pop()
		return false
	}
	r.unexpected("after array element")
	return false
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	var b [20]byte
	n := len(b)
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	return string(b[n:])
}

var readers = sync.Pool{New: func() any { return new(jsonReader) }}

// newJSONReader returns a reader of data, for a model's UnmarshalJSON;
// done returns its error and frees it.
//
//go:noinline
func newJSONReader(data []byte) *jsonReader {
	r := readers.Get().(*jsonReader)
	r.data = data
	return r
}

// done checks that only space follows the value read and returns the
// reader's error (see result); the reader must not be used after.
func (r *jsonReader) done() error {
	r.end()
	err := r.result()
	scratch := r.scratch
	if cap(scratch) > 1<<16 {
		scratch = nil
	}
	*r = jsonReader{scratch: scratch[:0]}
	readers.Put(r)
	return err
}

// result is the reader's error as the caller sees it: encoding/json's
// syntax error when the input is not JSON, wherever that is (after a
// value that did not fit, say), else the first error.
func (r *jsonReader) result() error {
	if r.err == nil {
		return nil
	}
	if _, ok := r.err.(*syntaxError); !ok && validJSON(r.data) {
		return r.err
	}
	var raw json.RawMessage
	if err := json.Unmarshal(r.data, &raw); err != nil {
		return err
	}
	return r.err
}

// validJSON reports whether data is one JSON value.
func validJSON(data []byte) bool {
	v := jsonReader{data: data}
	v.skip()
	v.end()
	return v.err == nil
}
