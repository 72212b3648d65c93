package static

// This file is copied into a generated package as armgen_examples_test.go,
// only with -examples: the helpers of the tests armgen writes from a
// spec's x-ms-examples. Here it is ordinary code so that it is compiled and
// tested with the rest.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// exampleCall is one x-ms-examples entry: the request the client must
// send and the response the service gave.
type exampleCall struct {
	method   string
	path     string            // as sent: escaped
	query    map[string]string // every query parameter
	header   map[string]string // request headers the example sets
	body     string            // the request body, "" for none
	status   int
	response map[string]string // response headers
	reply    string            // the response body, "" for none
}

// exampleServer answers as the example's service did, after checking that
// the request is the example's: method, path, query, headers, and a body
// equal by meaning.
func exampleServer(t *testing.T, ex exampleCall) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != ex.method {
			t.Errorf("method %s, want %s", r.Method, ex.method)
		}
		path, _, _ := strings.Cut(r.RequestURI, "?")
		if path != ex.path {
			t.Errorf("path\n got %s\nwant %s", path, ex.path)
		}
		query := r.URL.Query()
		for k, want := range ex.query {
			if got := query.Get(k); got != want {
				t.Errorf("query %s = %q, want %q", k, got, want)
			}
		}
		for k := range query {
			if _, ok := ex.query[k]; !ok {
				t.Errorf("query %s = %q is not in the example", k, query.Get(k))
			}
		}
		for k, want := range ex.header {
			if got := r.Header.Get(k); got != want {
				t.Errorf("header %s = %q, want %q", k, got, want)
			}
		}
		body, _ := io.ReadAll(r.Body)
		switch {
		case ex.body == "" && len(bytes.TrimSpace(body)) > 0:
			t.Errorf("request has a body, the example none: %s", body)
		case ex.body != "":
			if diff := jsonDiff([]byte(ex.body), body); diff != "" {
				t.Errorf("request body differs from the example: %s", diff)
			}
		}
		for k, v := range ex.response {
			w.Header().Set(k, v)
		}
		if ex.reply != "" {
			w.Header().Set("Content-Type", "application/json")
		}
		w.WriteHeader(ex.status)
		io.WriteString(w, ex.reply)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// exampleValue decodes a parameter value of the example into v, and
// checks that it round-trips (see roundTrip).
func exampleValue(t *testing.T, text string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(text), v); err != nil {
		t.Fatalf("the example's value %s does not decode into %T: %v", text, v, err)
	}
	roundTrip(t, "the example's value", text, v, nil)
}

// exampleShaped decodes a parameter value that needs a codec (dates…).
func exampleShaped(t *testing.T, text string, v any, l leaf) {
	t.Helper()
	if err := (shaped{p: v, leaf: l}).unmarshal([]byte(text)); err != nil {
		t.Fatalf("the example's value %s does not decode into %T: %v", text, v, err)
	}
	roundTrip(t, "the example's value", text, v, &l)
}

// checkReply encodes what the client decoded and compares it with the
// example's response body: nothing lost, nothing invented.
func checkReply(t *testing.T, reply string, decoded any, l *leaf) {
	t.Helper()
	roundTrip(t, "the decoded response", reply, decoded, l)
}

// roundTrip checks that the value decoded (given by pointer) from an
// example's text encodes back to it, equal by meaning (jsonDiff: key
// order, number spelling and the spelling of an instant aside), and that
// decoding what it encodes to and encoding again gives the same bytes.
func roundTrip(t *testing.T, what, text string, decoded any, l *leaf) {
	t.Helper()
	encode := func(v any) ([]byte, error) {
		if l != nil {
			return shaped{p: v, leaf: *l}.marshal()
		}
		return json.Marshal(v)
	}
	got, err := encode(decoded)
	if err != nil {
		t.Fatalf("encoding %s: %v", what, err)
	}
	if diff := jsonDiff([]byte(text), got); diff != "" {
		t.Errorf("%s differs from the example once encoded again: %s\n got %s", what, diff, got)
		return
	}
	if v := reflect.ValueOf(decoded); v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Interface && !v.Elem().IsNil() {
		decoded = v.Elem().Interface() // a polymorphic model: its concrete type decodes it again
	}
	typ := reflect.TypeOf(decoded)
	pointer := typ.Kind() == reflect.Pointer
	if pointer {
		typ = typ.Elem()
	}
	again := reflect.New(typ)
	if l != nil {
		err = shaped{p: again.Interface(), leaf: *l}.unmarshal(got)
	} else {
		err = json.Unmarshal(got, again.Interface())
	}
	if err != nil {
		t.Fatalf("decoding %s as encoded (%s): %v", what, got, err)
	}
	if !pointer {
		again = again.Elem()
	}
	if twice, err := encode(again.Interface()); err != nil || !bytes.Equal(twice, got) {
		t.Errorf("%s decoded from its own encoding and encoded again differs:\n%s\n%s (%v)", what, got, twice, err)
	}
}

// jsonDiff compares two JSON texts by meaning and describes the first
// difference, "" when there is none. Key order and number spelling do not
// matter; two strings that are the same instant as date-times (Azure
// writes seven fractional digits, or none, or no zone) are equal.
func jsonDiff(want, got []byte) string {
	var w, g any
	if err := decodeNumbers(want, &w); err != nil {
		return "the example is not JSON: " + err.Error()
	}
	if err := decodeNumbers(got, &g); err != nil {
		return "not JSON: " + err.Error()
	}
	return diffValues("$", w, g)
}

func decodeNumbers(data []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	return d.Decode(v)
}

func diffValues(at string, want, got any) string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return fmt.Sprintf("%s: want an object, got %s", at, describe(got))
		}
		keys := make([]string, 0, len(w)+len(g))
		for k := range w {
			keys = append(keys, k)
		}
		for k := range g {
			if _, ok := w[k]; !ok {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			wv, inW := w[k]
			gv, inG := g[k]
			switch {
			case !inG:
				return fmt.Sprintf("%s.%s: missing (want %s)", at, k, describe(wv))
			case !inW:
				return fmt.Sprintf("%s.%s: not in the example (got %s)", at, k, describe(gv))
			}
			if d := diffValues(at+"."+k, wv, gv); d != "" {
				return d
			}
		}
		return ""
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return fmt.Sprintf("%s: want %s, got %s", at, describe(want), describe(got))
		}
		for i := range w {
			if d := diffValues(fmt.Sprintf("%s[%d]", at, i), w[i], g[i]); d != "" {
				return d
			}
		}
		return ""
	case json.Number:
		g, ok := got.(json.Number)
		if ok && w == g {
			return ""
		}
		if ok {
			wf, err1 := w.Float64()
			gf, err2 := g.Float64()
			if err1 == nil && err2 == nil && wf == gf {
				return ""
			}
		}
	case string:
		g, ok := got.(string)
		if ok && (w == g || sameInstant(w, g)) {
			return ""
		}
	default:
		if reflect.DeepEqual(want, got) {
			return ""
		}
	}
	return fmt.Sprintf("%s: want %s, got %s", at, describe(want), describe(got))
}

// sameInstant reports whether two strings are date-times of one instant.
func sameInstant(a, b string) bool {
	ta, err1 := parseDateTime(a)
	tb, err2 := parseDateTime(b)
	if err1 != nil || err2 != nil {
		ta, err1 = time.Parse(time.RFC1123, a)
		tb, err2 = time.Parse(time.RFC1123, b)
	}
	return err1 == nil && err2 == nil && ta.Equal(tb)
}

func describe(v any) string {
	b, _ := json.Marshal(v)
	return truncate(string(b), 120)
}
