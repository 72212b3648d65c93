package static

import (
	"bytes"
	"encoding/json"
	"reflect"
	"sync"
)

// Objects and arrays, read member by member into models, maps and slices
// (see jsonscan.go for the reader itself).
//
// A model's readJSON loops over the members of its object with object
// and next, which return the number of each property name (its label,
// see nameTable), and reads the value of each member it knows with a
// typed read. What it does not read goes into Extra. As with the
// reflective codec before, which split the object into a map of raw
// values first, the last member of a name wins: a member that does not
// fit is an error only when no later member of the same name replaces
// it. Maps whose values are dates, base64url or polymorphic models were
// read that way too; other maps and arrays, read by encoding/json, fail
// at the first value that does not fit.

// A frame is an object being read member by member: the key of the
// member being read, where its value starts, and where the members that
// did not fit are waiting for a later one of the same name.
type frame struct {
	key     []byte
	value   int
	depth   int
	extra   *map[string]json.RawMessage // a model's Extra; nil for a map
	pending []pendingError
}

type pendingError struct {
	key []byte
	err error
}

// labelUnknown is the label of a property no model of the package has
// (see nameTable); 0 ends the object.
const labelUnknown = 1

// open starts reading an object: true after its '{'; false for null (the
// target is left as it is) or a value of another kind (an error).
func (r *jsonReader) open() bool { return r.begin('{', typeObject) }

// key reads the first key of an object just opened: false when it is
// empty.
//
//go:noinline
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
	if r.ws() != ':' {
		r.unexpected("after object key")
		return nil, false
	}
	r.pos++
	r.null, r.kept = false, false
	return k, true
}

// nextKey reads the key after the value of key in a map whose first
// value that does not fit is an error; false at the end of the object or
// on an error, whose path then names the entry.
//
//go:noinline
func (r *jsonReader) nextKey(key []byte) ([]byte, bool) {
	if r.err != nil {
		r.err = at(r.err, keyStep(key))
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

// object starts reading a model's object and returns the label of its
// first property, 0 when it has none, for null (the model is left as it
// is) and on an error. What the object holds replaces what the model
// held: Extra is cleared.
//
//go:noinline
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
	r.pushFrame(k, extra)
	return r.label(k)
}

func (r *jsonReader) pushFrame(k []byte, extra *map[string]json.RawMessage) {
	if r.frames == nil {
		r.frames = r.frameBuf[:0]
	}
	r.frames = append(r.frames, frame{key: k, value: r.pos, depth: r.depth, extra: extra})
}

func (r *jsonReader) popFrame() { r.frames = r.frames[:len(r.frames)-1] }

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
// after a null of the same name takes it out again.
//
//go:noinline
func (r *jsonReader) next() uint32 {
	f := &r.frames[len(r.frames)-1]
	if r.err == nil && r.pos == f.value {
		r.extra(f)
	}
	switch {
	case r.err != nil:
		if !r.wait(f) {
			return 0
		}
	case r.null:
		if *f.extra == nil {
			*f.extra = make(map[string]json.RawMessage)
		}
		(*f.extra)[string(f.key)] = json.RawMessage("null")
		r.replaced(f)
	default:
		if !r.kept && *f.extra != nil {
			delete(*f.extra, string(f.key))
		}
		r.replaced(f)
	}
	if !r.more(f) {
		if extra := f.extra; r.err == nil && *extra != nil && len(*extra) == 0 {
			*extra = nil
		}
		r.popFrame()
		return 0
	}
	return r.label(f.key)
}

// wait keeps the error of a member that did not fit until the end of the
// object, unless a later member of the same name replaces it: it skips
// the rest of the value and reports whether reading goes on (not after a
// syntax error, which ends everything).
func (r *jsonReader) wait(f *frame) bool {
	err := r.err
	if _, ok := err.(*syntaxError); ok {
		r.popFrame()
		return false
	}
	r.err = nil
	r.pos, r.depth = f.value, f.depth
	r.skip()
	if r.err != nil {
		r.popFrame()
		return false
	}
	f.pending = append(f.pending, pendingError{f.key, err})
	return true
}

// replaced drops the waiting errors of members of the name just read.
func (r *jsonReader) replaced(f *frame) {
	for i := 0; i < len(f.pending); {
		if bytes.Equal(f.pending[i].key, f.key) {
			f.pending = append(f.pending[:i], f.pending[i+1:]...)
		} else {
			i++
		}
	}
}

// more reads the comma or the closing brace after a member: true when
// another member follows, whose key it reads. At the end, an error still
// waiting is the object's.
func (r *jsonReader) more(f *frame) bool {
	switch r.ws() {
	case ',':
		r.pos++
		k, ok := r.member()
		if !ok {
			return false
		}
		f.key, f.value, f.depth = k, r.pos, r.depth
		return true
	case '}':
		r.pop()
		if len(f.pending) > 0 {
			p := f.pending[0]
			r.fail(at(p.err, keyStep(p.key)))
		}
		return false
	}
	r.unexpected("after object key:value pair")
	return false
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

// firstEntry reads the first key of a map just opened whose last value
// of a key wins, as for a model's members (a map of dates, base64url or
// polymorphic models): false when it is empty or on an error; nextEntry
// reads the next.
//
//go:noinline
func (r *jsonReader) firstEntry() ([]byte, bool) {
	k, ok := r.key()
	if !ok {
		return nil, false
	}
	r.pushFrame(k, nil)
	return k, true
}

//go:noinline
func (r *jsonReader) nextEntry() ([]byte, bool) {
	f := &r.frames[len(r.frames)-1]
	if r.err != nil {
		if !r.wait(f) {
			return nil, false
		}
	} else {
		r.replaced(f)
	}
	if !r.more(f) {
		r.popFrame()
		return nil, false
	}
	return f.key, true
}

// array starts reading an array: true after its '['; false for null or
// a value of another kind (an error).
func (r *jsonReader) array() bool { return r.begin('[', typeSlice) }

// begin is open and array: true after the opening byte; false for null or
// a value of another kind (reported as a mismatch with want). It is one
// call from each codec: open and array are inlined, begin never is.
//
//go:noinline
func (r *jsonReader) begin(opening byte, want reflect.Type) bool {
	switch c := r.ws(); c {
	case opening:
		return r.push()
	case 'n':
		if r.literal("null") {
			r.null = true
		}
		return false
	default:
		r.mismatch(c, want)
		return false
	}
}

// elem reports whether element i of an array follows; i counts from 0.
// On an error the path names element i-1, which was being read.
//
//go:noinline
func (r *jsonReader) elem(i int) bool {
	if r.err != nil {
		if i > 0 {
			r.err = at(r.err, "["+itoa(i-1)+"]")
		}
		return false
	}
	c := r.ws()
	if i == 0 {
		if c == ']' {
			r.pop()
			return false
		}
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

// rawNull reports whether a raw value is null.
func rawNull(raw []byte) bool { return string(bytes.Trim(raw, jsonSpace)) == "null" }
