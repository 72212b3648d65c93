package static

import (
	"encoding/base64"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// Typed reads, one per kind of value a model field holds. Each reads the
// next value; null reads as the zero value (nil for pointers) and sets
// r.null. A value of another kind fails as encoding/json fails it, with
// a *json.UnmarshalTypeError naming the Go type it could not go into.

var (
	typeString  = reflect.TypeFor[string]()
	typeInt32   = reflect.TypeFor[int32]()
	typeInt64   = reflect.TypeFor[int64]()
	typeFloat32 = reflect.TypeFor[float32]()
	typeFloat64 = reflect.TypeFor[float64]()
	typeBool    = reflect.TypeFor[bool]()
	typeBytes   = reflect.TypeFor[[]byte]()
	typeNumber  = reflect.TypeFor[json.Number]()
	// Objects and arrays that do not fit are reported as the previous
	// codec, which split them into raw values first, reported them.
	typeObject = reflect.TypeFor[map[string]json.RawMessage]()
	typeSlice  = reflect.TypeFor[[]json.RawMessage]()
)

// mismatch fails on a value of the wrong kind, whose first byte is c.
func (r *jsonReader) mismatch(c byte, t reflect.Type) {
	var kind string
	switch {
	case c == '{':
		kind = "object"
	case c == '[':
		kind = "array"
	case c == '"':
		kind = "string"
	case c == 't' || c == 'f':
		kind = "bool"
	case c == '-' || '0' <= c && c <= '9':
		kind = "number"
	default:
		r.unexpected("looking for beginning of value")
		return
	}
	r.fail(&json.UnmarshalTypeError{Value: kind, Type: t, Offset: int64(r.pos)})
}

// strBytes reads a string's contents, valid until the next read; ok is
// false for null or an error.
func (r *jsonReader) strBytes() ([]byte, bool) {
	switch c := r.ws(); c {
	case '"':
		return r.stringBytes()
	case 'n':
		if r.literal("null") {
			r.null = true
		}
	default:
		r.mismatch(c, typeString)
	}
	return nil, false
}

//go:noinline
func (r *jsonReader) str() string {
	s, _ := r.strBytes()
	return string(s)
}

// strPtr reads a string into a new pointer, nil for null.
//
//go:noinline
func (r *jsonReader) strPtr() *string {
	s, ok := r.strBytes()
	if !ok {
		return nil
	}
	p := new(string)
	*p = string(s)
	return p
}

// numberText reads a number's text; ok is false for null or an error.
func (r *jsonReader) numberText(t reflect.Type) ([]byte, bool) {
	switch c := r.ws(); {
	case c == '-' || '0' <= c && c <= '9':
		return r.number()
	case c == 'n':
		if r.literal("null") {
			r.null = true
		}
	default:
		r.mismatch(c, t)
	}
	return nil, false
}

// integer reads a number into an integer of the given bits.
func (r *jsonReader) integer(bits int, t reflect.Type) (int64, bool) {
	text, ok := r.numberText(t)
	if !ok {
		return 0, false
	}
	n, ok := parseInt(text)
	if !ok || bits == 32 && int64(int32(n)) != n {
		r.fail(&json.UnmarshalTypeError{Value: "number " + string(text), Type: t, Offset: int64(r.pos)})
		return 0, false
	}
	return n, true
}

// parseInt parses a JSON number that is an integer, as strconv.ParseInt.
func parseInt(b []byte) (int64, bool) {
	digits := b
	if b[0] == '-' {
		digits = b[1:]
	}
	if len(digits) > 18 {
		n, err := strconv.ParseInt(string(b), 10, 64)
		return n, err == nil
	}
	var n int64
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if b[0] == '-' {
		n = -n
	}
	return n, true
}

//go:noinline
func (r *jsonReader) int32() int32 {
	n, _ := r.integer(32, typeInt32)
	return int32(n)
}

//go:noinline
func (r *jsonReader) int32Ptr() *int32 {
	n, ok := r.integer(32, typeInt32)
	if !ok {
		return nil
	}
	p := new(int32)
	*p = int32(n)
	return p
}

//go:noinline
func (r *jsonReader) int64Ptr() *int64 {
	n, ok := r.integer(64, typeInt64)
	if !ok {
		return nil
	}
	p := new(int64)
	*p = n
	return p
}

//go:noinline
func (r *jsonReader) int64() int64 {
	n, _ := r.integer(64, typeInt64)
	return n
}

// float reads a number into a float of the given bits.
func (r *jsonReader) float(bits int, t reflect.Type) (float64, bool) {
	text, ok := r.numberText(t)
	if !ok {
		return 0, false
	}
	f, ok := parseFloat(text, bits)
	if !ok {
		r.fail(&json.UnmarshalTypeError{Value: "number " + string(text), Type: t, Offset: int64(r.pos)})
		return 0, false
	}
	return f, true
}

//go:noinline
func (r *jsonReader) float32Ptr() *float32 {
	f, ok := r.float(32, typeFloat32)
	if !ok {
		return nil
	}
	p := new(float32)
	*p = float32(f)
	return p
}

//go:noinline
func (r *jsonReader) float64Ptr() *float64 {
	f, ok := r.float(64, typeFloat64)
	if !ok {
		return nil
	}
	p := new(float64)
	*p = f
	return p
}

// pow10 are the powers of ten a float64 holds exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// parseFloat parses a JSON number as strconv.ParseFloat does. A decimal
// of at most 15 digits without exponent is an exact integer divided by an
// exact power of ten, one correctly rounded division; the rest goes to
// strconv.
func parseFloat(b []byte, bits int) (float64, bool) {
	if bits == 64 && len(b) <= 16 {
		var m int64
		digits, frac := 0, -1
		neg := b[0] == '-'
		i := 0
		if neg {
			i = 1
		}
		simple := true
		for ; i < len(b); i++ {
			c := b[i]
			switch {
			case '0' <= c && c <= '9':
				m = m*10 + int64(c-'0')
				digits++
				if frac >= 0 {
					frac++
				}
			case c == '.':
				frac = 0
			default:
				simple = false
			}
		}
		if simple && digits <= 15 {
			f := float64(m)
			if frac > 0 {
				f /= pow10[frac]
			}
			if neg {
				f = -f
			}
			return f, true
		}
	}
	f, err := strconv.ParseFloat(string(b), bits)
	return f, err == nil
}

//go:noinline
func (r *jsonReader) float32() float32 {
	f, _ := r.float(32, typeFloat32)
	return float32(f)
}

//go:noinline
func (r *jsonReader) float64() float64 {
	f, _ := r.float(64, typeFloat64)
	return f
}

func (r *jsonReader) boolValue() (bool, bool) {
	switch c := r.ws(); c {
	case 't':
		return true, r.literal("true")
	case 'f':
		return false, r.literal("false")
	case 'n':
		if r.literal("null") {
			r.null = true
		}
	default:
		r.mismatch(c, typeBool)
	}
	return false, false
}

//go:noinline
func (r *jsonReader) boolPtr() *bool {
	b, ok := r.boolValue()
	if !ok {
		return nil
	}
	p := new(bool)
	*p = b
	return p
}

//go:noinline
func (r *jsonReader) boolean() bool {
	b, _ := r.boolValue()
	return b
}

// bytes reads format: byte, standard base64 (or, as encoding/json reads
// a []byte, an array of numbers).
func (r *jsonReader) bytes() []byte {
	switch c := r.ws(); c {
	case '"':
		s, ok := r.stringBytes()
		if !ok {
			return nil
		}
		b := make([]byte, base64.StdEncoding.DecodedLen(len(s)))
		n, err := base64.StdEncoding.Decode(b, s)
		if err != nil {
			r.fail(err)
			return nil
		}
		return b[:n]
	case '[':
		// An array of numbers, as encoding/json reads it into a []byte.
		var b []byte
		raw := r.raw()
		if r.err == nil {
			if err := json.Unmarshal(raw, &b); err != nil {
				r.fail(err)
			}
		}
		return b
	case 'n':
		if r.literal("null") {
			r.null = true
		}
	default:
		r.mismatch(c, typeBytes)
	}
	return nil
}

// base64URL reads format: base64url, with or without padding.
func (r *jsonReader) base64URL() []byte {
	s, ok := r.strBytes()
	if !ok {
		return nil
	}
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(string(s), "="))
	if err != nil {
		r.fail(err)
		return nil
	}
	return b
}

// timeValue reads a time written as a string, with parse.
func (r *jsonReader) timeValue(parse func(string) (time.Time, error)) (time.Time, bool) {
	s, ok := r.strBytes()
	if !ok {
		return time.Time{}, false
	}
	t, err := parse(string(s))
	if err != nil {
		r.fail(err)
		return time.Time{}, false
	}
	return t, true
}

func timePtr(t time.Time, ok bool) *time.Time {
	if !ok {
		return nil
	}
	p := new(time.Time)
	*p = t
	return p
}

// dateTime reads format: date-time (see parseDateTime), the forms Azure
// sends in UTC without a copy of the text.
func (r *jsonReader) dateTimeValue() (time.Time, bool) {
	s, ok := r.strBytes()
	if !ok {
		return time.Time{}, false
	}
	if t, ok := parseUTC(s); ok {
		return t, true
	}
	t, err := parseDateTime(string(s))
	if err != nil {
		r.fail(err)
		return time.Time{}, false
	}
	return t, true
}

//go:noinline
func (r *jsonReader) dateTime() time.Time {
	t, _ := r.dateTimeValue()
	return t
}

//go:noinline
func (r *jsonReader) date() time.Time {
	t, _ := r.timeValue(parseDate)
	return t
}

//go:noinline
func (r *jsonReader) rfc1123() time.Time {
	t, _ := r.timeValue(parseRFC1123)
	return t
}

// unixTimeValue reads format: unixtime, a number of seconds, as a
// json.Number reads it: a number, or a string holding one.
func (r *jsonReader) unixTimeValue() (time.Time, bool) {
	var text []byte
	switch c := r.ws(); {
	case c == '"':
		start := r.pos
		s, ok := r.stringBytes()
		if !ok {
			return time.Time{}, false
		}
		if !validNumber(s) {
			r.fail(&numberError{string(r.data[start:r.pos])})
			return time.Time{}, false
		}
		text = s
	default:
		var ok bool
		if text, ok = r.numberText(typeNumber); !ok {
			return time.Time{}, false
		}
	}
	t, err := unixTime(string(text))
	if err != nil {
		r.fail(err)
		return time.Time{}, false
	}
	return t, true
}

// numberError is encoding/json's error for a string that is not a number
// read into a json.Number.
type numberError struct{ text string }

func (e *numberError) Error() string {
	return "json: invalid number literal, trying to unmarshal " + strconv.Quote(e.text) + " into Number"
}

// validNumber reports whether s is a JSON number.
func validNumber(s []byte) bool {
	if len(s) == 0 {
		return false
	}
	v := jsonReader{data: s}
	_, ok := v.number()
	return ok && v.pos == len(s)
}

//go:noinline
func (r *jsonReader) unixTime() time.Time {
	t, _ := r.unixTimeValue()
	return t
}
