package static

import (
	"encoding/json"
	"time"
)

// The reads the generated readJSON methods call for a field, an array or
// map of strings, a value of any kind, and a polymorphic family's
// discriminator (jsonreadvalues.go has the values they are made of).

// Reads into a field, given by pointer: the generated code passes the
// field's address and the store is made here, so that a model's readJSON
// holds no write barrier per field. (Not generic: each instantiation of a
// generic function that is not inlined gets a wrapper of its own, one per
// enum type; enum fields are assigned from strPtr and the like instead.)

//go:noinline
func readString(r *jsonReader, p **string) { *p = r.strPtr() }

//go:noinline
func readInt32(r *jsonReader, p **int32) { *p = r.int32Ptr() }

//go:noinline
func readInt64(r *jsonReader, p **int64) { *p = r.int64Ptr() }

//go:noinline
func readFloat32(r *jsonReader, p **float32) { *p = r.float32Ptr() }

//go:noinline
func readFloat64(r *jsonReader, p **float64) { *p = r.float64Ptr() }

//go:noinline
func readBool(r *jsonReader, p **bool) { *p = r.boolPtr() }

//go:noinline
func readDateTime(r *jsonReader, p **time.Time) { *p = timePtr(r.dateTimeValue()) }

//go:noinline
func readDate(r *jsonReader, p **time.Time) { *p = timePtr(r.timeValue(parseDate)) }

//go:noinline
func readRFC1123(r *jsonReader, p **time.Time) { *p = timePtr(r.timeValue(parseRFC1123)) }

//go:noinline
func readUnixTime(r *jsonReader, p **time.Time) { *p = timePtr(r.unixTimeValue()) }

//go:noinline
func readBytes(r *jsonReader, p *[]byte) { *p = r.bytes() }

//go:noinline
func readBase64URL(r *jsonReader, p *[]byte) { *p = r.base64URL() }

//go:noinline
func readStrings(r *jsonReader, p *[]string) { *p = r.strings() }

//go:noinline
func readStringMap(r *jsonReader, p *map[string]string) { *p = r.stringMap() }

// readAny reads a value of any kind with encoding/json, into what it
// reads into an interface (map[string]any, []any, float64…). Free-form
// values are rare in responses, and so read exactly as before.
//
//go:noinline
func readAny(r *jsonReader, p *any) {
	if r.isNull() {
		*p = nil
		return
	}
	raw := r.raw()
	if r.err != nil {
		return
	}
	*p = nil
	if err := json.Unmarshal(raw, p); err != nil {
		r.fail(err)
	}
}

// anyValue reads a value of any kind, with encoding/json: what it reads
// into an interface (map[string]any, []any, float64…). Free-form values
// are rare in responses, and so read exactly as before.
func (r *jsonReader) anyValue() any {
	var v any
	readAny(r, &v)
	return v
}

// strings reads an array of strings.
func (r *jsonReader) strings() []string {
	if !r.array() {
		return nil
	}
	s := []string{}
	for i := 0; r.elem(i); i++ {
		s = append(s, r.str())
	}
	return s
}

// stringMap reads an object of strings.
func (r *jsonReader) stringMap() map[string]string {
	if !r.open() {
		return nil
	}
	m := map[string]string{}
	for k, ok := r.key(); ok; k, ok = r.nextKey(k) {
		m[string(k)] = r.str()
	}
	return m
}

// discriminator reads the property name of the object that comes next,
// which says which model of a polymorphic family it is, and leaves the
// object to be read: "" when it is missing or null (the last one counts
// when repeated). ok is false for null (no value) and on an error.
func (r *jsonReader) discriminator(name string) (kind []byte, ok bool) {
	switch c := r.ws(); c {
	case '{':
	case 'n':
		if r.literal("null") {
			r.null = true
		}
		return nil, false
	default:
		r.mismatch(c, typeObject)
		return nil, false
	}
	start, depth := r.pos, r.depth
	if !r.push() {
		return nil, false
	}
	// The last member of the name counts, as in a map.
	bad := byte(0)
	k, more := r.key()
	for more {
		if string(k) != name {
			r.skip()
		} else {
			switch c := r.ws(); c {
			case '"':
				s, _ := r.stringBytes()
				kind, bad = s, 0
				if r.escaped {
					kind = append([]byte(nil), s...) // scratch is reused
				}
			case 'n':
				r.literal("null")
				kind, bad = nil, 0
			default:
				kind, bad = nil, c
				r.skip()
			}
		}
		if r.err != nil {
			return nil, false
		}
		k, more = r.nextKey(k)
	}
	if r.err != nil {
		return nil, false
	}
	if bad != 0 {
		r.mismatch(bad, typeString)
		r.err = at(r.err, keyStep([]byte(name)))
		return nil, false
	}
	r.pos, r.depth = start, depth
	return kind, true
}
