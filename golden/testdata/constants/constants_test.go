// Package constants_test checks on the wire that constants are sent without
// being passed or set, and that the service's constants read as plain values.
package constants_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/armgen/armgen/golden/testdata/constants/want"
)

func TestConstantsOnTheWire(t *testing.T) {
	var path, query, flag, optional string
	var body map[string]any
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path, query, flag, optional = r.URL.EscapedPath(), r.URL.RawQuery, r.Header.Get("flag"), r.Header.Get("optionalHeader")
		data, _ := io.ReadAll(r.Body)
		body = nil
		if err := json.Unmarshal(data, &body); err != nil {
			t.Errorf("body %s: %v", data, err)
		}
		w.Header().Set("x-kind", "fixed")
		w.Write(data)
	}))
	defer srv.Close()
	c := constants.NewClient(srv.Client(), &constants.ClientOptions{Endpoint: srv.URL}).Things()

	thing := constants.Thing{Child: &constants.Child{}, Name: constants.Ptr("n")}
	r, err := c.Put(context.Background(), constants.NamedOpenValue1, thing, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "/things/a%20b%2Fc/2012-01-01T01:01:01Z/10000000000"; path != want {
		t.Errorf("path %s, want %s", path, want)
	}
	if want := "client-constant=100&empty=&named=value1&open=value1&ratio=1.034E%2B20"; query != want {
		t.Errorf("query %s, want %s (optional constants are the caller's choice)", query, want)
	}
	if flag != "false" || optional != "" {
		t.Errorf("headers flag %q, optionalHeader %q", flag, optional)
	}
	want := map[string]any{"kind": "thing", "level": 0.0, "child": map[string]any{"day": "2020-02-02"}, "name": "n"}
	if got, _ := json.Marshal(body); string(got) != mustJSON(want) {
		t.Errorf("body %s, want %s: required constants are sent unset, in nested models too", got, mustJSON(want))
	}
	if *r.Kind != "thing" || *r.Level != 0 || !r.Child.Day.Equal(time.Date(2020, 2, 2, 0, 0, 0, 0, time.UTC)) || *r.XKind != "fixed" {
		t.Errorf("response %+v: constants read back as plain values", r)
	}

	// Optional constants are sent when the caller sets them.
	if _, err := c.Put(context.Background(), constants.NamedOpenValue1, thing, &constants.ThingsPutOptions{
		Optional: constants.Ptr(constants.ThingsPutOptionalValue1), OptionalHeader: constants.Ptr(constants.ThingsPutOptionalHeaderValue1),
	}); err != nil {
		t.Fatal(err)
	}
	if want := "client-constant=100&empty=&named=value1&open=value1&optional=value1&ratio=1.034E%2B20"; query != want || optional != "value1" {
		t.Errorf("query %s, optionalHeader %q", query, optional)
	}
}

// A constant field the caller does set is sent as set.
func TestConstantFieldSet(t *testing.T) {
	data, err := json.Marshal(constants.Thing{Kind: constants.Ptr("other"), Child: &constants.Child{}})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"kind":"other","level":0,"child":{"day":"2020-02-02"}}`; string(data) != want {
		t.Errorf("got %s, want %s", data, want)
	}
}

func TestConstantResponse(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(`"ok"`)) }))
	defer srv.Close()
	c := constants.NewClient(srv.Client(), &constants.ClientOptions{Endpoint: srv.URL}).Things()
	r, err := c.Status(context.Background(), nil)
	if err != nil || r.Value != "ok" {
		t.Fatalf("got %q, %v", r.Value, err)
	}
}

func mustJSON(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(data)
}
