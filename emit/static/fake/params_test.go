package fake

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
)

type color string

type level int32

func TestSetText(t *testing.T) {
	at := time.Date(2024, 2, 1, 10, 30, 0, 0, time.UTC)
	for _, tc := range []struct {
		texts  []string
		format string
		dst    any // a pointer to the zero value of the type
		want   any
	}{
		{[]string{"a b"}, "", new(string), "a b"},
		{[]string{"red"}, "", new(color), color("red")},
		{[]string{"true"}, "", new(bool), true},
		{[]string{"-7"}, "", new(int32), int32(-7)},
		{[]string{"3"}, "", new(level), level(3)},
		{[]string{"9007199254740993"}, "", new(int64), int64(9007199254740993)},
		{[]string{"2.5"}, "", new(float32), float32(2.5)},
		{[]string{"1e300"}, "", new(float64), 1e300},
		{[]string{"aGk="}, "", new([]byte), []byte("hi")},
		{[]string{"aGk"}, "base64url", new([]byte), []byte("hi")},
		{[]string{"2024-02-01T10:30:00Z"}, "", new(time.Time), at},
		{[]string{"2024-02-01T10:30:00"}, "", new(time.Time), at},
		{[]string{"2024-02-01"}, "date", new(time.Time), at.Truncate(24 * time.Hour)},
		{[]string{"Thu, 01 Feb 2024 10:30:00 GMT"}, "rfc1123", new(time.Time), at},
		{[]string{"1706783400"}, "unixtime", new(time.Time), at},
		{[]string{"a,b"}, "", new([]string), []string{"a", "b"}},
		{[]string{"a b"}, "ssv", new([]string), []string{"a", "b"}},
		{[]string{"1|2"}, "pipes", new([]int32), []int32{1, 2}},
		{[]string{"1\t2"}, "tsv", new([]level), []level{1, 2}},
		{[]string{"a", "b,c"}, "multi", new([]string), []string{"a", "b,c"}},
		{[]string{""}, "", new([]string), []string(nil)},
		{[]string{"2024-02-01,2024-02-02"}, "date", new([]time.Time), []time.Time{at.Truncate(24 * time.Hour), at.Truncate(24 * time.Hour).Add(24 * time.Hour)}},
		{[]string{"x"}, "", new(*string), ptrTo("x")},
		{[]string{"4"}, "", new(*int64), ptrTo(int64(4))},
		{[]string{"a=1", "b=2"}, "prefix", new(map[string]string), map[string]string{"a": "1", "b": "2"}},
	} {
		v := reflect.ValueOf(tc.dst).Elem()
		if err := setText(v, tc.texts, strings.Fields(tc.format)); err != nil {
			t.Errorf("%q (%s) into %T: %v", tc.texts, tc.format, tc.dst, err)
			continue
		}
		if !equalValues(v.Interface(), tc.want) {
			t.Errorf("%q (%s) into %T: %#v, want %#v", tc.texts, tc.format, tc.dst, v.Interface(), tc.want)
		}
		// What the fake reads, it writes back the same (headers).
		if tc.format != "prefix" && tc.format != "multi" && tc.texts[0] != "" && tc.texts[0] != "2024-02-01T10:30:00" {
			text, ok, err := formatText(v, strings.Fields(tc.format))
			if want := tc.texts[0]; !ok || err != nil || text != want && !strings.HasPrefix(want, "1e") {
				t.Errorf("formatText(%#v, %s) = %q %v %v, want %q", v.Interface(), tc.format, text, ok, err, want)
			}
		}
	}
	for _, tc := range []struct {
		text string
		dst  any
	}{{"yes", new(bool)}, {"1.5", new(int32)}, {"3000000000", new(int32)}, {"%%", new([]byte)}, {"x", new(struct{})}} {
		if err := setText(reflect.ValueOf(tc.dst).Elem(), []string{tc.text}, nil); err == nil {
			t.Errorf("%q into %T: no error", tc.text, tc.dst)
		}
	}
	if _, ok, _ := formatText(reflect.ValueOf((*string)(nil)), nil); ok {
		t.Error("formatText writes a nil pointer")
	}
}

func ptrTo[T any](v T) *T { return &v }

// equalValues compares decoded values, times as instants.
func equalValues(a, b any) bool {
	ta, ok := a.(time.Time)
	if tb, ok2 := b.(time.Time); ok && ok2 {
		return ta.Equal(tb)
	}
	if sa, ok := a.([]time.Time); ok {
		sb := b.([]time.Time)
		if len(sa) != len(sb) {
			return false
		}
		for i := range sa {
			if !sa[i].Equal(sb[i]) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a, b)
}

func TestRequestParams(t *testing.T) {
	req, _ := http.NewRequest("GET", "https://example.com/x?raw=a%2Bb&raw=c&plain=a%2Bb", nil)
	req.Header.Set("x-ms-meta-Color", "red")
	req.Header.Set("x-ms-meta-size", "2")
	req.Header.Set("x-ms-other", "no")
	req.Header.Set("level", "4")
	r := &request{req: req, query: req.URL.Query(), vars: map[string]string{"name": "w"}}
	var raw, plain []string
	var meta map[string]string
	var lvl int64
	var missing *string
	r.opt("query", "raw", &raw, "raw multi")
	r.opt("query", "plain", &plain, "multi")
	r.arg("header", "x-ms-meta-", &meta, "prefix")
	r.arg("header", "level", &lvl, "")
	r.opt("query", "missing", &missing, "")
	if r.failed() {
		t.Fatal(r.bad)
	}
	if fmt.Sprint(raw, plain, meta, lvl, missing) != "[a%2Bb c] [a+b] map[color:red size:2] 4 <nil>" {
		t.Errorf("got %v %v %v %v %v", raw, plain, meta, lvl, missing)
	}
	var host string
	r.arg("host", "account", &host, "") // a client with an endpoint sends none
	r.arg("query", "top", &lvl, "")
	if r.bad == nil || r.bad.Error() != "the query parameter top is missing" || host != "" {
		t.Errorf("a missing required parameter: %v", r.bad)
	}
}

func TestForm(t *testing.T) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	w.WriteField("name", "w")
	f, _ := w.CreateFormFile("content", "content")
	f.Write([]byte("file data"))
	w.Close()
	req, _ := http.NewRequest("POST", "https://example.com/upload", nil)
	req.Header.Set("Content-Type", w.FormDataContentType())
	r := &request{req: req, body: buf.Bytes()}
	var name string
	var content, other io.Reader
	r.arg("form", "name", &name, "")
	r.file("content", &content, true)
	r.file("other", &other, false)
	if r.failed() {
		t.Fatal(r.bad)
	}
	data, _ := io.ReadAll(content)
	if name != "w" || string(data) != "file data" || other != nil {
		t.Errorf("form: %q %q %v", name, data, other)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r = &request{req: req, body: []byte("name=a+b&n=1")}
	var n int32
	r.arg("form", "name", &name, "")
	r.arg("form", "n", &n, "")
	if r.failed() || name != "a b" || n != 1 {
		t.Errorf("url-encoded form: %q %d %v", name, n, r.bad)
	}
}

// shape is a small polymorphic family: kind picks the type.
type shape interface{ area() float64 }

type square struct {
	Kind string  `json:"kind"`
	Side float64 `json:"side"`
}

type blob struct {
	Kind string `json:"kind"`
}

func (s *square) area() float64 { return s.Side * s.Side }
func (b *blob) area() float64   { return 0 }

func decodeShape(data []byte) (shape, error) {
	return decodeFamily(data, "kind", map[string]func() shape{"square": func() shape { return &square{} }}, func() shape { return &blob{} })
}

func TestShapedBodies(t *testing.T) {
	var shapes []shape
	r := &request{body: []byte(`[{"kind":"square","side":2},{"kind":"cloud"},null]`)}
	r.shapedBody(&shapes, family(decodeShape), true)
	if r.bad != nil || len(shapes) != 3 || shapes[0].area() != 4 || shapes[1].(*blob).Kind != "cloud" || shapes[2] != nil {
		t.Fatalf("shapes %#v, %v", shapes, r.bad)
	}
	if b, err := writeShaped(reflect.ValueOf(shapes), family(decodeShape)); err != nil || string(b) != `[{"kind":"square","side":2},{"kind":"cloud"},null]` {
		t.Errorf("writing the shapes: %s %v", b, err)
	}
	at := time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		l    leaf
		body string
		dst  any
	}{
		{dateLeaf, `{"a":"2024-02-01","b":null}`, new(map[string]*time.Time)},
		{dateTimeLeaf, `["2024-02-01T00:00:00Z"]`, new([]time.Time)},
		{rfc1123Leaf, `"Thu, 01 Feb 2024 00:00:00 GMT"`, new(time.Time)},
		{unixTimeLeaf, `[[1706745600]]`, new([][]time.Time)},
		{base64URLLeaf, `"aGk"`, new([]byte)},
	} {
		r := &request{body: []byte(tc.body)}
		r.shapedBody(tc.dst, tc.l, true)
		if r.bad != nil {
			t.Errorf("%s: %v", tc.body, r.bad)
			continue
		}
		p := newReply(200)
		p.shaped(reflect.ValueOf(tc.dst).Elem().Interface(), tc.l)
		if string(p.body) != tc.body {
			t.Errorf("%s reads and writes as %s", tc.body, p.body)
		}
	}
	var m map[string]*time.Time
	(&request{body: []byte(`{"a":"2024-02-01"}`)}).shapedBody(&m, dateLeaf, true)
	if !m["a"].Equal(at) {
		t.Errorf("a date: %v", m)
	}
	var missing []time.Time
	r = &request{body: []byte(" ")}
	r.shapedBody(&missing, dateLeaf, true)
	if r.bad == nil || r.bad.Error() != "the body is missing" {
		t.Errorf("a missing body: %v", r.bad)
	}
	r = &request{body: []byte(`{"kind":7}`)}
	var one shape
	r.shapedBody(&one, family(decodeShape), false)
	if r.bad == nil {
		t.Error("a discriminator that is no string decodes")
	}
}

func TestReplyBodies(t *testing.T) {
	p := newReply(200)
	p.stream(io.NopCloser(strings.NewReader("bytes")), "application/octet-stream")
	if string(p.body) != "bytes" || p.header.Get("Content-Type") != "application/octet-stream" {
		t.Errorf("a stream: %q %v", p.body, p.header)
	}
	p = newReply(200)
	p.json(func() {})
	var e struct{ Error struct{ Code string } }
	if p.status != 500 || json.Unmarshal(p.body, &e) != nil || e.Error.Code != "InternalError" {
		t.Errorf("a result that does not encode: %d %s", p.status, p.body)
	}
	if !isZero(struct{ A []int }{}) || isZero(struct{ A []int }{A: []int{}}) || !isZero(nil) {
		t.Error("isZero")
	}
	type opts struct{ A *string }
	if orNil(&opts{}) != nil || orNil(&opts{A: ptrTo("")}) == nil {
		t.Error("orNil")
	}
}
