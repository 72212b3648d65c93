package fake

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// jsonBody reads the request body, JSON, into dst (a model's own decoder
// reads a model). A missing body leaves dst as it is: an error when the
// body is required.
func (r *request) jsonBody(dst any, required bool) {
	if r.bad != nil || r.noBody(required) {
		return
	}
	if err := json.Unmarshal(r.body, dst); err != nil {
		r.bad = fmt.Errorf("the body: %w", err)
	}
}

// shapedBody reads a JSON body whose innermost values need a codec of
// their own (date formats, a polymorphic family), in arrays and maps.
func (r *request) shapedBody(dst any, l leaf, required bool) {
	if r.bad != nil || r.noBody(required) {
		return
	}
	if err := readShaped(r.body, reflect.ValueOf(dst).Elem(), l); err != nil {
		r.bad = fmt.Errorf("the body: %w", err)
	}
}

// stream passes the request body on as it came (a body of type file).
func (r *request) stream(dst *io.Reader, required bool) {
	if r.bad == nil && (required || len(r.body) > 0) {
		*dst = bytes.NewReader(r.body)
	}
}

func (r *request) noBody(required bool) bool {
	if len(bytes.TrimSpace(r.body)) > 0 {
		return false
	}
	if required {
		r.bad = errors.New("the body is missing")
	}
	return true
}

// form is a request's form: url-encoded or multipart.
type form struct {
	values url.Values
	files  map[string][]byte
}

func (r *request) readForm() *form {
	if r.form != nil {
		return r.form
	}
	r.form = &form{values: url.Values{}, files: map[string][]byte{}}
	media, params, _ := mime.ParseMediaType(r.req.Header.Get("Content-Type"))
	if media != "multipart/form-data" {
		r.form.values, _ = url.ParseQuery(string(r.body))
		return r.form
	}
	mr := multipart.NewReader(bytes.NewReader(r.body), params["boundary"])
	for {
		part, err := mr.NextPart()
		if err != nil {
			if err != io.EOF && r.bad == nil {
				r.bad = fmt.Errorf("the multipart form: %w", err)
			}
			return r.form
		}
		data, _ := io.ReadAll(part)
		if part.FileName() != "" {
			r.form.files[part.FormName()] = data
		} else {
			r.form.values.Add(part.FormName(), string(data))
		}
	}
}

func (r *request) formValues() url.Values { return r.readForm().values }

// file passes a file of a multipart form on.
func (r *request) file(name string, dst *io.Reader, required bool) {
	data, ok := r.readForm().files[name]
	switch {
	case r.bad != nil:
	case ok:
		*dst = bytes.NewReader(data)
	case required:
		r.bad = fmt.Errorf("the form file %s is missing", name)
	}
}

// orNil passes the options a func gets: nil when the request carried
// none of them, as when the caller passed nil.
func orNil[T any](options *T) *T {
	if reflect.ValueOf(options).Elem().IsZero() {
		return nil
	}
	return options
}

// isZero reports whether a result's body is the zero value, to answer
// with a status that has none.
func isZero(v any) bool { return v == nil || reflect.ValueOf(v).IsZero() }

// json sets the answer's body to v as JSON.
func (p *reply) json(v any) {
	b, err := json.Marshal(v)
	p.setJSON(b, err)
}

// shaped sets the answer's body to v, whose innermost values need l.
func (p *reply) shaped(v any, l leaf) {
	b, err := writeShaped(reflect.ValueOf(v), l)
	p.setJSON(b, err)
}

func (p *reply) setJSON(b []byte, err error) {
	if err != nil {
		p.status = http.StatusInternalServerError
		b, _ = json.Marshal(map[string]any{"error": map[string]string{"code": "InternalError", "message": "fake: the result does not encode: " + err.Error()}})
	}
	p.header.Set("Content-Type", "application/json")
	p.body = b
}

// stream sets the answer's body to what body reads (a body of type
// file), and closes it.
func (p *reply) stream(body io.ReadCloser, contentType string) {
	if body == nil {
		return
	}
	defer body.Close()
	b, err := io.ReadAll(body)
	if err != nil {
		p.setJSON(nil, err)
		return
	}
	p.header.Set("Content-Type", contentType)
	p.body = b
}

// text sets a header of the answer from a value (nil is not sent), in the
// format words name.
func (p *reply) text(name string, v any, format string) {
	s, ok, err := formatText(reflect.ValueOf(v), strings.Fields(format))
	switch {
	case err != nil:
		p.setJSON(nil, fmt.Errorf("header %s: %w", name, err))
	case ok:
		p.header.Set(name, s)
	}
}

// leaf is a codec for JSON values encoding/json does not read or write as
// the spec has them: times in a format, base64url bytes, and the
// interfaces of polymorphic families, which need the discriminator to
// pick a type. A body of such values nested in arrays and maps goes
// through readShaped and writeShaped.
type leaf struct {
	is    func(reflect.Type) bool
	read  func(data []byte, dst reflect.Value) error
	write func(v reflect.Value) ([]byte, error)
}

func timeLeaf(format func(time.Time) any, parse func(json.RawMessage) (time.Time, error)) leaf {
	return leaf{
		is: func(t reflect.Type) bool { return t == timeType },
		read: func(data []byte, dst reflect.Value) error {
			t, err := parse(data)
			if err == nil {
				dst.Set(reflect.ValueOf(t))
			}
			return err
		},
		write: func(v reflect.Value) ([]byte, error) { return json.Marshal(format(v.Interface().(time.Time))) },
	}
}

// quotedTime reads a time written as a JSON string in a format.
func quotedTime(words ...string) func(json.RawMessage) (time.Time, error) {
	return func(data json.RawMessage) (time.Time, error) {
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return time.Time{}, err
		}
		return parseTime(s, words)
	}
}

var (
	dateTimeLeaf = timeLeaf(func(t time.Time) any { return t.Format(time.RFC3339Nano) }, quotedTime())
	dateLeaf     = timeLeaf(func(t time.Time) any { return t.Format(time.DateOnly) }, quotedTime("date"))
	rfc1123Leaf  = timeLeaf(func(t time.Time) any { return t.UTC().Format(http.TimeFormat) }, quotedTime("rfc1123"))
	unixTimeLeaf = timeLeaf(func(t time.Time) any { return t.Unix() }, func(data json.RawMessage) (time.Time, error) {
		n, err := strconv.ParseInt(string(data), 10, 64)
		return time.Unix(n, 0).UTC(), err
	})
	base64URLLeaf = leaf{
		is: func(t reflect.Type) bool { return t == reflect.TypeFor[[]byte]() },
		read: func(data []byte, dst reflect.Value) error {
			var s string
			if err := json.Unmarshal(data, &s); err != nil {
				return err
			}
			b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
			if err == nil {
				dst.SetBytes(b)
			}
			return err
		},
		write: func(v reflect.Value) ([]byte, error) {
			return json.Marshal(base64.RawURLEncoding.EncodeToString(v.Bytes()))
		},
	}
)

// family is the leaf of a polymorphic family's interface I: decode picks
// the concrete type by the discriminator; a value writes itself.
func family[I any](decode func([]byte) (I, error)) leaf {
	iface := reflect.TypeFor[I]()
	return leaf{
		is: func(t reflect.Type) bool { return t == iface },
		read: func(data []byte, dst reflect.Value) error {
			v, err := decode(data)
			if err == nil && !reflect.ValueOf(&v).Elem().IsNil() {
				dst.Set(reflect.ValueOf(&v).Elem())
			}
			return err
		},
		write: func(v reflect.Value) ([]byte, error) { return json.Marshal(v.Interface()) },
	}
}

// decodeFamily reads a value of a polymorphic family: the discriminator
// property picks its type among kinds, base when no kind claims it.
func decodeFamily[I any](data []byte, discriminator string, kinds map[string]func() I, base func() I) (I, error) {
	var zero I
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return zero, nil
	}
	var props map[string]json.RawMessage
	if err := json.Unmarshal(data, &props); err != nil {
		return zero, err
	}
	var kind string
	if raw, ok := props[discriminator]; ok {
		if err := json.Unmarshal(raw, &kind); err != nil {
			return zero, fmt.Errorf("the discriminator %s: %w", discriminator, err)
		}
	}
	newValue, ok := kinds[kind]
	if !ok {
		newValue = base
	}
	v := newValue()
	if err := json.Unmarshal(data, any(v)); err != nil {
		return zero, err
	}
	return v, nil
}

// readShaped reads JSON into dst, nested in pointers, slices and maps
// down to values l reads.
func readShaped(data []byte, dst reflect.Value, l leaf) error {
	if l.is(dst.Type()) {
		if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
			return nil
		}
		return l.read(data, dst)
	}
	switch dst.Kind() {
	case reflect.Pointer:
		if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
			return nil
		}
		p := reflect.New(dst.Type().Elem())
		if err := readShaped(data, p.Elem(), l); err != nil {
			return err
		}
		dst.Set(p)
	case reflect.Slice:
		var items []json.RawMessage
		if err := json.Unmarshal(data, &items); err != nil || items == nil {
			return err
		}
		s := reflect.MakeSlice(dst.Type(), len(items), len(items))
		for i, item := range items {
			if err := readShaped(item, s.Index(i), l); err != nil {
				return fmt.Errorf("[%d]: %w", i, err)
			}
		}
		dst.Set(s)
	case reflect.Map:
		var items map[string]json.RawMessage
		if err := json.Unmarshal(data, &items); err != nil || items == nil {
			return err
		}
		m := reflect.MakeMapWithSize(dst.Type(), len(items))
		for k, item := range items {
			v := reflect.New(dst.Type().Elem()).Elem()
			if err := readShaped(item, v, l); err != nil {
				return fmt.Errorf("[%q]: %w", k, err)
			}
			m.SetMapIndex(reflect.ValueOf(k).Convert(dst.Type().Key()), v)
		}
		dst.Set(m)
	default:
		return json.Unmarshal(data, dst.Addr().Interface())
	}
	return nil
}

// writeShaped writes v as JSON, nested in pointers, slices and maps down
// to values l writes.
func writeShaped(v reflect.Value, l leaf) ([]byte, error) {
	if !v.IsValid() {
		return []byte("null"), nil
	}
	if l.is(v.Type()) {
		if v.Kind() == reflect.Interface && v.IsNil() {
			return []byte("null"), nil
		}
		return l.write(v)
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return []byte("null"), nil
		}
		return writeShaped(v.Elem(), l)
	case reflect.Slice:
		if v.IsNil() {
			return []byte("null"), nil
		}
		items := make([]json.RawMessage, v.Len())
		for i := range items {
			b, err := writeShaped(v.Index(i), l)
			if err != nil {
				return nil, err
			}
			items[i] = b
		}
		return json.Marshal(items)
	case reflect.Map:
		if v.IsNil() {
			return []byte("null"), nil
		}
		items := make(map[string]json.RawMessage, v.Len())
		for it := v.MapRange(); it.Next(); {
			b, err := writeShaped(it.Value(), l)
			if err != nil {
				return nil, err
			}
			items[it.Key().String()] = b
		}
		return json.Marshal(items)
	}
	return json.Marshal(v.Interface())
}
