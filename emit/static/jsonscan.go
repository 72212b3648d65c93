package static

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonSpace are the bytes JSON allows around a value. bytes.TrimSpace
// takes more (a form feed, U+00A0) and would let a text that is not JSON
// pass for an empty one.
const jsonSpace = " \t\r\n"

// noBody reports whether a body holds nothing but JSON's spaces: no value,
// as opposed to one that is not JSON.
func noBody(data []byte) bool { return len(bytes.Trim(data, jsonSpace)) == 0 }

// jsonReader reads one JSON text from a byte slice, for the models'
// readJSON methods. It reads what encoding/json reads, the same way:
// strings unescaped as it unescapes them (invalid UTF-8 becomes U+FFFD),
// numbers checked against the JSON grammar and parsed from their text,
// nesting at most 10,000 deep. This file scans values; jsonread.go reads
// objects and arrays into models, jsonreadvalues.go typed values.
//
// The first error sticks: every loop ends at it, and each object or array
// on the way out adds its key or index to the error's path. A syntax error
// anywhere in the input wins over a value that does not fit, as it does
// with encoding/json, which checks the whole text before decoding.
//
// The small methods the generated code calls are marked go:noinline, as
// the jsonWriter's are (see there), to keep large packages quick to build.
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
	// names numbers the package's property names; frames are the objects
	// being read member by member, innermost last, in frameBuf when few.
	names    *nameTable
	frames   []frame
	frameBuf [8]frame
}

// maxDepth is encoding/json's bound on nesting.
const maxDepth = 10000

// A syntaxError is a text that is not JSON. The reader's result is then
// encoding/json's own error for the input, so that callers see what
// json.Unmarshal says.
type syntaxError struct{ msg string }

func (e *syntaxError) Error() string { return e.msg }

// A pathError is an error reading or writing a value, with where it is:
// the JSON path of the value ("properties.metadata[1].name").
type pathError struct {
	steps []string // ".name", "[1]", `["a key"]`: the innermost first
	err   error
}

func (e *pathError) Error() string {
	var b strings.Builder
	for i := len(e.steps) - 1; i >= 0; i-- {
		b.WriteString(e.steps[i])
	}
	return strings.TrimPrefix(b.String(), ".") + ": " + e.err.Error()
}

func (e *pathError) Unwrap() error { return e.err }

// at adds a step in front of the path of err; a syntax error has none.
func at(err error, step string) error {
	switch e := err.(type) {
	case *syntaxError:
		return err
	case *pathError:
		e.steps = append(e.steps, step)
		return e
	}
	return &pathError{steps: []string{step}, err: err}
}

// keyStep is the step of a property or map key: .name when it is a plain
// name, else ["the key"].
func keyStep(key []byte) string {
	plain := len(key) > 0
	for _, c := range key {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '@' || c == '$') {
			plain = false
			break
		}
	}
	if plain {
		return "." + string(key)
	}
	return "[" + strconv.Quote(string(key)) + "]"
}

func (r *jsonReader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

// failAt fails with the error of reading the property key.
//
//go:noinline
func (r *jsonReader) failAt(key string, err error) {
	r.fail(at(err, keyStep([]byte(key))))
}

func (r *jsonReader) syntax(msg string) { r.fail(&syntaxError{msg: msg}) }

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

// ws skips whitespace and returns the next byte, 0 at the end (or for a
// NUL byte, which no caller expects either).
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
	if r.ws(); r.err == nil && r.pos < len(r.data) {
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

// validJSON reports whether data is one JSON value.
func validJSON(data []byte) bool {
	v := jsonReader{data: data}
	v.skip()
	v.end()
	return v.err == nil
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

func itoa(i int) string { return strconv.Itoa(i) }
