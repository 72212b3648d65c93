package static

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// thing is a model as the generator writes one, by hand: the reader's and
// writer's protocol tested here, in place.
type thing struct {
	Name  *string
	Count *int32
	Child *thing
	Tags  []string
	Extra map[string]json.RawMessage
}

var thingNames = newNameTable(0, "name", "count", "child", "tags")

func (m *thing) UnmarshalJSON(data []byte) error {
	r := newJSONReader(data)
	m.readJSON(r)
	return r.done()
}

func (m thing) MarshalJSON() ([]byte, error) {
	w := newJSONWriter()
	m.writeJSON(w)
	return w.done()
}

func (m *thing) readJSON(r *jsonReader) *thing {
	for l := r.object(thingNames, &m.Extra); l != 0; l = r.next() {
		switch l {
		case nameLabel(0, "name"):
			readString(r, &m.Name)
		case nameLabel(0, "count"):
			readInt32(r, &m.Count)
		case nameLabel(0, "child"):
			m.Child = new(thing).readJSON(r)
		case nameLabel(0, "tags"):
			readStrings(r, &m.Tags)
		}
	}
	if r.null {
		return nil
	}
	return m
}

func (m *thing) writeJSON(w *jsonWriter) {
	if m == nil {
		w.null()
		return
	}
	start := w.open()
	w.strField(`"name":`, m.Name)
	if !w.request {
		w.int32Field(`"count":`, m.Count)
	}
	if m.Child != nil {
		w.key(`"child":`)
		m.Child.writeJSON(w)
	}
	w.stringsField(`"tags":`, m.Tags)
	w.close(start, m.Extra)
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct{ in, err string }{
		{`{"child":{"child":{"count":"x"}}}`, `child.child.count: json: cannot unmarshal string into Go value of type int32`},
		{`{"tags":["a",1]}`, `tags[1]: json: cannot unmarshal number into Go value of type string`},
		{`{"count":3000000000}`, `count: json: cannot unmarshal number 3000000000 into Go value of type int32`},
		{`[1]`, `json: cannot unmarshal array into Go value of type map[string]json.RawMessage`},
		{`{"child":"x"}`, `child: json: cannot unmarshal string into Go value of type map[string]json.RawMessage`},
		// A value that does not fit, then a syntax error: encoding/json
		// checks the text first, and so does the reader.
		{`{"count":"x","name":}`, `invalid character '}' looking for beginning of value`},
		{`{"count":1}x`, `invalid character 'x' after top-level value`},
		{strings.Repeat(`{"child":`, 10001) + `{}` + strings.Repeat(`}`, 10001), `invalid character '{' exceeded max depth`},
		// The last member of a name wins, errors included.
		{`{"count":"x","count":1}`, ``},
		{`{"count":1,"count":"x"}`, `count: json: cannot unmarshal string into Go value of type int32`},
		{`{"child":{"count":"x"},"child":null}`, ``},
	} {
		var m thing
		err := m.UnmarshalJSON([]byte(tc.in))
		if got := errText(err); got != tc.err {
			t.Errorf("%.60s: error %q, want %q", tc.in, got, tc.err)
		}
		if strings.HasPrefix(tc.err, "json: cannot") || strings.Contains(tc.err, ": json: cannot") {
			var typeErr *json.UnmarshalTypeError
			if !errors.As(err, &typeErr) {
				t.Errorf("%.60s: %T is no *json.UnmarshalTypeError", tc.in, err)
			}
		}
		if strings.HasPrefix(tc.err, "invalid") {
			var syntax *json.SyntaxError
			if !errors.As(err, &syntax) {
				t.Errorf("%.60s: %T is no *json.SyntaxError", tc.in, err)
			}
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestExtra(t *testing.T) {
	var m thing
	in := `{"zeta":[1, 2],"name":null,"alpha":{"a" : "<b>"},"count":2,"count":null}`
	if err := m.UnmarshalJSON([]byte(in)); err != nil {
		t.Fatal(err)
	}
	if m.Name != nil || m.Count != nil || string(m.Extra["zeta"]) != "[1, 2]" || string(m.Extra["name"]) != "null" || string(m.Extra["count"]) != "null" {
		t.Fatalf("decoded %+v", m)
	}
	// Extra written back sorted after the fields, compact and escaped as
	// json.Marshal writes it; a field that is set wins over its entry.
	m.Name = Ptr("n")
	out, err := m.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"name":"n","alpha":{"a":"\u003cb\u003e"},"count":null,"zeta":[1,2]}`; string(out) != want {
		t.Errorf("wrote %s, want %s", out, want)
	}
	if again, _ := json.Marshal(m); string(again) != string(out) {
		t.Errorf("json.Marshal wrote %s, MarshalJSON %s", again, out)
	}
	m.Extra["bad"] = json.RawMessage(`{`)
	if _, err := m.MarshalJSON(); err == nil || err.Error() != "bad: extra value is not valid JSON" {
		t.Errorf("invalid Extra: %v", err)
	}
}

func TestRequestLeavesOutReadOnly(t *testing.T) {
	m := thing{Name: Ptr("n"), Count: Ptr[int32](1), Child: &thing{Count: Ptr[int32](2)}}
	got, err := marshalRequest(&m)
	if err != nil || string(got) != `{"name":"n","child":{}}` {
		t.Errorf("request %s %v", got, err)
	}
	got, err = marshalRequest([]thing{m, {}}) // a body that is no model: walked
	if err != nil || string(got) != `[{"name":"n","child":{}},{}]` {
		t.Errorf("request %s %v", got, err)
	}
	if out, _ := json.Marshal(m); string(out) != `{"name":"n","count":1,"child":{"count":2}}` {
		t.Errorf("json.Marshal %s", out)
	}
}
