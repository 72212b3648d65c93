package static

import (
	"encoding/base64"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// decodeShaped reads a response body whose innermost values need a codec.
func decodeShaped(resp *http.Response, p any, l leaf) error {
	data := readBody(resp)
	if noBody(data) {
		return nil
	}
	return shaped{p: p, leaf: l}.unmarshal(data)
}

// joinValues writes an array parameter as one URL or header value.
func joinValues[T any](values []T, sep string, format func(T) string) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = format(v)
	}
	return strings.Join(parts, sep)
}

// deref reads a nullable array element; nil reads as the zero value.
func deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}

// parseHeader reads a response header of a number or boolean type (the
// second argument only picks the type); ok is false when it does not parse.
func parseHeader[T ~bool | ~int32 | ~int64 | ~float32 | ~float64](v string, _ T) (T, bool) {
	var out T
	rv := reflect.ValueOf(&out).Elem()
	switch rv.Kind() {
	case reflect.Bool:
		b, err := strconv.ParseBool(v)
		if err != nil {
			return out, false
		}
		rv.SetBool(b)
	case reflect.Int32, reflect.Int64:
		i, err := strconv.ParseInt(strings.TrimSpace(v), 10, rv.Type().Bits())
		if err != nil {
			return out, false
		}
		rv.SetInt(i)
	default:
		f, err := strconv.ParseFloat(strings.TrimSpace(v), rv.Type().Bits())
		if err != nil {
			return out, false
		}
		rv.SetFloat(f)
	}
	return out, true
}

// parseTimeHeader reads a date or time header in the format of l.
func parseTimeHeader(v string, l leaf) (time.Time, bool) {
	var t time.Time
	dst := reflect.ValueOf(&t).Elem()
	quoted := appendString(nil, v)
	if (&jsonReader{data: quoted}).readLeaf(dst, l) {
		return t, true
	}
	// unixtime travels as a bare number.
	if _, err := strconv.ParseInt(v, 10, 64); err == nil && (&jsonReader{data: []byte(v)}).readLeaf(dst, l) {
		return t, true
	}
	return time.Time{}, false
}

// readLeaf reads the whole input as a leaf value.
func (r *jsonReader) readLeaf(dst reflect.Value, l leaf) bool {
	l.read(r, dst)
	r.end()
	return r.err == nil
}

// parseBytesHeader reads a base64 header.
func parseBytesHeader(v string) ([]byte, bool) {
	b, err := base64.StdEncoding.DecodeString(v)
	return b, err == nil
}

// truncate shortens text for an error message.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
