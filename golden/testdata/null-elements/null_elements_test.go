// Package nullelements_test checks that a null inside an array or map of
// dates, times or base64url values reads as the zero value, as any other
// element type does, rather than failing the whole response.
package nullelements_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/armgen/armgen/golden/testdata/null-elements/want"
)

func TestNullElementsReadAsZero(t *testing.T) {
	var v nullelements.Times
	err := json.Unmarshal([]byte(`{
		"dates": ["2012-01-01", null],
		"dateTimes": [null, "2000-12-01T00:00:01Z"],
		"httpDates": [null],
		"epochs": [1460505600, null],
		"tokens": ["dGVzdA", null],
		"byName": {"a": null, "b": "2000-12-01T00:00:01Z"}
	}`), &v)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC)
	instant := time.Date(2000, 12, 1, 0, 0, 1, 0, time.UTC)
	checks := []struct {
		name string
		ok   bool
	}{
		{"dates", len(v.Dates) == 2 && v.Dates[0].Equal(day) && v.Dates[1].IsZero()},
		{"dateTimes", len(v.DateTimes) == 2 && v.DateTimes[0].IsZero() && v.DateTimes[1].Equal(instant)},
		{"httpDates", len(v.HTTPDates) == 1 && v.HTTPDates[0].IsZero()},
		{"epochs", len(v.Epochs) == 2 && v.Epochs[0].Unix() == 1460505600 && v.Epochs[1].IsZero()},
		{"tokens: null is nil, not empty", len(v.Tokens) == 2 && string(v.Tokens[0]) == "test" && v.Tokens[1] == nil},
		{"byName", len(v.ByName) == 2 && v.ByName["a"].IsZero() && v.ByName["b"].Equal(instant)},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s: got %+v", c.name, v)
		}
	}
}

func TestNullElementInResponse(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `["2012-01-01", null, "1776-07-04"]`)
	}))
	defer srv.Close()
	c := nullelements.NewClient(srv.Client(), &nullelements.ClientOptions{Endpoint: srv.URL})
	res, err := c.Dates().Get(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Value) != 3 || !res.Value[1].IsZero() || res.Value[2].Year() != 1776 {
		t.Fatalf("got %v", res.Value)
	}
}

func TestInvalidElementStillFails(t *testing.T) {
	var v nullelements.Times
	if err := json.Unmarshal([]byte(`{"dates": ["2011-03-22", "date"]}`), &v); err == nil {
		t.Fatalf("no error for a date that is not one (got %v)", v.Dates)
	}
}
