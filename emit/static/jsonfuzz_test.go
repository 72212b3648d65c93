package static

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The leaf codecs against encoding/json, which the reflective codec used
// for every value: the same value or the same class of failure.

// errClass is the kind of an error: none, a text that is not JSON, or a
// value that does not fit.
func errClass(err error) string {
	var syntax *json.SyntaxError
	switch {
	case err == nil:
		return "ok"
	case errors.As(err, &syntax):
		return "syntax"
	}
	return "value"
}

// read reads data whole with one typed read, as a field's value.
func read[T any](data []byte, f func(r *jsonReader) T) (T, error) {
	r := &jsonReader{data: data}
	v := f(r)
	r.end()
	return v, r.result()
}

// oldLeaf is how the reflective codec read a date or base64url value:
// encoding/json into a string, then the format's parser; null is zero.
func oldLeaf[T any](data []byte, parse func(string) (T, error)) (T, error) {
	var zero T
	if string(bytes.TrimSpace(data)) == "null" {
		if !json.Valid(data) {
			return zero, json.Unmarshal(data, new(json.RawMessage))
		}
		return zero, nil
	}
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return zero, err
	}
	return parse(s)
}

func compareLeaf[T any](t *testing.T, what string, data []byte, got T, gerr error, want T, werr error) {
	t.Helper()
	if errClass(gerr) != errClass(werr) {
		t.Fatalf("%s of %q: got error %v, encoding/json %v", what, data, gerr, werr)
	}
	if gerr == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%s of %q: got %#v, encoding/json %#v", what, data, got, want)
	}
}

func checkLeaves(t *testing.T, data []byte) {
	if got, want := validJSON(data), json.Valid(data); got != want {
		t.Fatalf("validJSON(%q) = %v, json.Valid %v", data, got, want)
	}
	{
		got, gerr := read(data, (*jsonReader).str)
		var want string
		werr := json.Unmarshal(data, &want)
		compareLeaf(t, "string", data, got, gerr, want, werr)
	}
	{
		got, gerr := read(data, (*jsonReader).int32)
		var want int32
		werr := json.Unmarshal(data, &want)
		compareLeaf(t, "int32", data, got, gerr, want, werr)
	}
	{
		got, gerr := read(data, (*jsonReader).int64)
		var want int64
		werr := json.Unmarshal(data, &want)
		compareLeaf(t, "int64", data, got, gerr, want, werr)
	}
	{
		got, gerr := read(data, (*jsonReader).float32)
		var want float32
		werr := json.Unmarshal(data, &want)
		compareLeaf(t, "float32", data, math.Float32bits(got), gerr, math.Float32bits(want), werr)
	}
	{
		got, gerr := read(data, (*jsonReader).float64)
		var want float64
		werr := json.Unmarshal(data, &want)
		compareLeaf(t, "float64", data, math.Float64bits(got), gerr, math.Float64bits(want), werr)
	}
	{
		got, gerr := read(data, (*jsonReader).boolean)
		var want bool
		werr := json.Unmarshal(data, &want)
		compareLeaf(t, "bool", data, got, gerr, want, werr)
	}
	{
		got, gerr := read(data, (*jsonReader).bytes)
		var want []byte
		werr := json.Unmarshal(data, &want)
		compareLeaf(t, "bytes", data, got, gerr, want, werr)
	}
	{
		got, gerr := read(data, func(r *jsonReader) any { var v any; readAny(r, &v); return v })
		var want any
		werr := json.Unmarshal(data, &want)
		compareLeaf(t, "any", data, got, gerr, want, werr)
	}
	{
		got, gerr := read(data, (*jsonReader).dateTime)
		want, werr := oldLeaf(data, parseDateTime)
		compareLeaf(t, "date-time", data, got, gerr, want, werr)
	}
	{
		got, gerr := read(data, (*jsonReader).base64URL)
		want, werr := oldLeaf(data, func(s string) ([]byte, error) {
			return base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
		})
		compareLeaf(t, "base64url", data, got, gerr, want, werr)
	}
	{
		got, gerr := read(data, (*jsonReader).unixTime)
		var want time.Time
		var n json.Number
		werr := json.Unmarshal(data, &n)
		if werr == nil && n != "" {
			want, werr = unixTime(n.String())
		}
		compareLeaf(t, "unixtime", data, got, gerr, want, werr)
	}
}

func FuzzLeaves(f *testing.F) {
	for _, s := range []string{
		`"a\"b\\c\/\b\f\n\r\t\u00e9\ud83d\ude00\ud800x\udc00"`, "\"\xff\xfe ok \xe2\x80\xa8\"", `"\u12"`, `"\x"`, "\"a\x01\"",
		`0`, `-0`, `1.5`, `1e3`, `-2147483649`, `9223372036854775807`, `9223372036854775808`, `01`, `1.`, `-`, `1e`, `3.4028235e39`,
		`true`, `false`, `null`, `nul`, `  null  `, `[]`, `{}`, `[1,2,255]`, `[256]`, `"aGk="`, `"aGk"`, `"aGk_"`,
		`"2024-02-29T12:34:56.1234567Z"`, `"2023-02-29T00:00:00Z"`, `"2024-01-01T00:00:00.1234567891Z"`, `"2024-01-01 00:00:00"`,
		`"0000-01-01T00:00:00Z"`, `"2024-01-01T24:00:00Z"`, `"1709210096"`, `1709210096.9`, `1e400`, `{"a":[1,{"b":null}]}`,
		`[` + strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + `]`, "\"\x00\"", "1\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkLeaves(t, data) })
}

// The writes against json.Marshal: byte for byte.
func FuzzWrites(f *testing.F) {
	f.Add("a\"<&>\u2028\u2029\x00\x7f\xff", uint64(math.Float64bits(1e21)), []byte(`{"a" : [1, "<b>"] }`))
	f.Add("", uint64(math.Float64bits(1e-7)), []byte(`null`))
	f.Add("é😀", uint64(math.Float64bits(math.NaN())), []byte(`{"a":}`))
	f.Add("x", uint64(math.Float64bits(-0.0)), []byte("\"\xe2\x80\xa9\""))
	f.Fuzz(func(t *testing.T, s string, bits uint64, raw []byte) {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("appendString(%q) = %s, json.Marshal %s", s, got, want)
		}
		for _, f := range []float64{math.Float64frombits(bits), float64(math.Float32frombits(uint32(bits)))} {
			var w jsonWriter
			w.float64(f)
			want, err := json.Marshal(f)
			if errClass(w.err) != errClass(err) || err == nil && !bytes.Equal(w.buf, want) {
				t.Fatalf("float64 %v: %s (%v), json.Marshal %s (%v)", f, w.buf, w.err, want, err)
			}
		}
		f32 := math.Float32frombits(uint32(bits))
		var w jsonWriter
		w.float32(f32)
		want, err := json.Marshal(f32)
		if errClass(w.err) != errClass(err) || err == nil && !bytes.Equal(w.buf, want) {
			t.Fatalf("float32 %v: %s (%v), json.Marshal %s (%v)", f32, w.buf, w.err, want, err)
		}
		got, ok := appendCompact(nil, raw)
		want, err = json.Marshal(json.RawMessage(raw))
		if ok != (err == nil) || ok && !bytes.Equal(got, want) {
			t.Fatalf("appendCompact(%q) = %s %v, json.Marshal %s %v", raw, got, ok, want, err)
		}
	})
}

// parseUTC reads what it reads as time.Parse does (FuzzLeaves compares
// the date-times it reads with the reflective codec's, through it).
func TestParseUTC(t *testing.T) {
	for _, s := range []string{"2024-02-29T12:34:56.1234567Z", "2023-02-29T00:00:00Z", "0000-12-31T23:59:59.999999999Z",
		"2024-01-01T00:00:00.Z", "2024-13-01T00:00:00Z", "2024-01-01T00:00:00.5Z", "2024-01-01T00:00:60Z", "2024-1-01T00:00:00Z",
		"2400-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2024-01-01T00:00:00.1234567891Z", "2024-01-01T00:00:00+00:00"} {
		got, ok := parseUTC([]byte(s))
		want, err := time.Parse(time.RFC3339Nano, s)
		if ok && (err != nil || got != want) {
			t.Errorf("parseUTC(%q) = %v, time.Parse %v %v", s, got, want, err)
		}
		if !ok && err == nil && strings.HasSuffix(s, "Z") && len(s) <= len("2006-01-02T15:04:05.999999999Z") {
			t.Errorf("parseUTC(%q) refuses what time.Parse reads: %v", s, want)
		}
	}
}

// TestNumbers covers the fast paths of parseInt and parseFloat at their
// edges, against strconv.
func TestNumbers(t *testing.T) {
	for _, s := range []string{"0", "-0", "7", "-2147483648", "999999999999999999", "-999999999999999999", "9223372036854775807",
		"-9223372036854775808", "9223372036854775808", "0.1", "123456789012345", "1234567890123456", "0.000000000000001", "-1.5", "1e2"} {
		n, ok := parseInt([]byte(s))
		want, err := strconv.ParseInt(s, 10, 64)
		if ok != (err == nil) || ok && n != want {
			t.Errorf("parseInt(%s) = %d %v, strconv %d %v", s, n, ok, want, err)
		}
		f, ok := parseFloat([]byte(s), 64)
		wantF, err := strconv.ParseFloat(s, 64)
		if ok != (err == nil) || ok && math.Float64bits(f) != math.Float64bits(wantF) {
			t.Errorf("parseFloat(%s) = %v %v, strconv %v %v", s, f, ok, wantF, err)
		}
	}
}
