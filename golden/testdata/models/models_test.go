// Package models_test checks the behaviour of the code armgen writes for
// the models case: every format reads what Azure sends and writes it back.
package models_test

import (
	"encoding/base64"
	"encoding/json"
	"testing"
	"time"

	"github.com/armgen/armgen/golden/testdata/models/want"
	"github.com/armgen/armgen/internal/testutil"
)

const widget = `{
  "name": "w",
  "id": "00000000-0000-0000-0000-000000000001",
  "resourceId": "/subscriptions/s/resourceGroups/rg",
  "displayName": "A widget",
  "count32": 7,
  "count64": 9007199254740993,
  "plainInteger": -3,
  "ratio": 0.5,
  "weight": 2.25,
  "plainNumber": 1e3,
  "enabled": false,
  "blob": "aGVsbG8=",
  "token": "aGVsbG8_",
  "birthday": "2024-02-29",
  "created": "2024-02-29T12:34:56.1234567Z",
  "modified": "Thu, 29 Feb 2024 12:34:56 GMT",
  "epoch": 1709210096,
  "ttl": "P1DT2H",
  "tags": {"env": "test"},
  "anything": {"x": [1, {"y": null}]},
  "counts": {"a": 1},
  "parts": [{"sku": "s1", "quantity": 2}],
  "partsByName": {"one": {"sku": "s1"}, "gone": null},
  "dates": ["2024-01-01T00:00:00Z", "2024-01-02T00:00:00.5Z"],
  "schedule": {"mon": ["2024-01-01", "2024-01-08"]},
  "matrix": [[1, 2], [3]],
  "nullableNames": ["a", null],
  "free": "anything at all",
  "freeObject": {"k": true},
  "inline": {"depth": 3},
  "root": {"value": "r", "children": [{"value": "c", "children": []}]},
  "properties": {"provisioningState": "Succeeded"},
  "unmodelled": {"kept": true}
}`

func TestWidgetRoundTrip(t *testing.T) {
	var w models.Widget
	if err := json.Unmarshal([]byte(widget), &w); err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name string
		ok   bool
	}{
		{"title from x-ms-client-name", *w.Title == "A widget"},
		{"int64 beyond float precision", *w.Count64 == 9007199254740993},
		{"byte", string(w.Blob) == "hello"},
		{"base64url", base64.RawURLEncoding.EncodeToString(w.Token) == "aGVsbG8_"},
		{"date", w.Birthday.Equal(time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC))},
		{"date-time", w.Created.Equal(time.Date(2024, 2, 29, 12, 34, 56, 123456700, time.UTC))},
		{"rfc1123", w.Modified.Equal(time.Date(2024, 2, 29, 12, 34, 56, 0, time.UTC))},
		{"unixtime", w.Epoch.Equal(time.Unix(1709210096, 0))},
		{"map of models with a null entry", w.PartsByName["one"] != nil && *w.PartsByName["one"].SKU == "s1" && w.PartsByName["gone"] == nil},
		{"array of date-times", len(w.Dates) == 2 && w.Dates[1].Nanosecond() == 500000000},
		{"map of arrays of dates", len(w.Schedule["mon"]) == 2 && w.Schedule["mon"][1].Day() == 8},
		{"nullable elements", len(w.NullableNames) == 2 && w.NullableNames[1] == nil},
		{"recursive", w.Root.Children[0].Value != nil && *w.Root.Children[0].Value == "c" && w.Root.Children[0].Children != nil},
		{"inline model", *w.Inline.Depth == 3},
		{"nested properties", *w.Properties.ProvisioningState == "Succeeded"},
		{"unmodelled kept", testutil.JSONDiff([]byte(`{"kept":true}`), w.Extra["unmodelled"]) == ""},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s: wrong after decoding", c.name)
		}
	}
	out, err := json.Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	if diff := testutil.JSONDiff([]byte(widget), out); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestAdditionalPropertiesBesideProperties(t *testing.T) {
	in := `{"kind":"k","a":1,"b":2,"c":"not an int32"}`
	var b models.Bag
	if err := json.Unmarshal([]byte(in), &b); err == nil {
		t.Fatalf("a value of the wrong type must fail, got %+v", b)
	}
	in = `{"kind":"k","a":1,"b":2}`
	b = models.Bag{}
	if err := json.Unmarshal([]byte(in), &b); err != nil {
		t.Fatal(err)
	}
	if *b.Kind != "k" || b.AdditionalProperties["a"] != 1 || b.AdditionalProperties["b"] != 2 || len(b.Extra) != 0 {
		t.Errorf("decoded %+v", b)
	}
	out, _ := json.Marshal(b)
	if diff := testutil.JSONDiff([]byte(in), out); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestRenamedExtra(t *testing.T) {
	in := `{"sku":"s","extra":true,"future":1}`
	var d models.Derived
	if err := json.Unmarshal([]byte(in), &d); err != nil {
		t.Fatal(err)
	}
	if d.Extra == nil || !*d.Extra || string(d.ExtraFields["future"]) != "1" {
		t.Errorf("decoded %+v", d)
	}
}
