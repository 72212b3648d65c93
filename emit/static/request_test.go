package static

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestCheckString(t *testing.T) {
	for _, tc := range []struct {
		value      string
		required   bool
		min, max   int
		expr       string
		wantFailed bool
	}{
		{"", true, 0, -1, "", true},
		{"", false, 0, -1, "", false},
		{"", false, 2, -1, "", true}, // set, so checked
		{"", false, 0, -1, "^a", true},
		{"ab", false, 2, 2, "", false},
		{"abc", false, 0, 2, "", true},
		{"啊齄", false, 2, 2, "", false}, // characters, not bytes
		{"x!", false, 0, -1, "[a-z]+", false},
		{"!!", false, 0, -1, "[a-z]+", true},
	} {
		if err := checkString("p", tc.value, tc.required, tc.min, tc.max, tc.expr); (err != nil) != tc.wantFailed {
			t.Errorf("checkString(%q, %v, %d, %d, %q) = %v", tc.value, tc.required, tc.min, tc.max, tc.expr, err)
		}
	}
}

func TestCheckNumber(t *testing.T) {
	zero, hundred, ten := 0.0, 100.0, 10.0
	for _, tc := range []struct {
		value      float64
		exclusive  bool
		wantFailed bool
	}{
		{0, false, false}, {0, true, true}, {100, true, true}, {50, true, false}, {-1, false, true}, {101, false, true},
	} {
		if err := checkNumber("n", tc.value, &zero, &hundred, tc.exclusive, tc.exclusive, nil); (err != nil) != tc.wantFailed {
			t.Errorf("checkNumber(%v, exclusive %v) = %v", tc.value, tc.exclusive, err)
		}
	}
	if checkNumber("n", 30, nil, nil, false, false, &ten) != nil || checkNumber("n", 35, nil, nil, false, false, &ten) == nil {
		t.Error("multipleOf")
	}
}

func TestCheckItemsAndUnique(t *testing.T) {
	if checkItems("a", 0, 1, -1) == nil || checkItems("a", 3, 0, 2) == nil || checkItems("a", 2, 1, 2) != nil {
		t.Error("checkItems")
	}
	if err := checkUnique("a", []string{"x", "y", "x"}); err == nil || !strings.Contains(err.Error(), `"x"`) {
		t.Errorf("checkUnique = %v", err)
	}
	if checkUnique("a", []int32{1, 2}) != nil || checkUnique[string]("a", nil) != nil {
		t.Error("distinct values refused")
	}
}

// item is a model with a check method, as generated ones have.
type item struct{ bad bool }

func (i *item) check(at string) error {
	if i.bad {
		return errors.New("invalid " + at)
	}
	return nil
}

func TestCheckEach(t *testing.T) {
	for _, tc := range []struct {
		values any
		want   string
	}{
		{[]item{{}, {bad: true}}, "invalid list[1]"},
		{[]*item{nil, {bad: true}}, "invalid list[1]"},
		{map[string]*item{"b": {bad: true}, "a": {bad: true}}, `invalid list["a"]`},
		{map[string]item{"k": {bad: true}}, `invalid list["k"]`},
		{[]item{{}}, ""},
		{[]item(nil), ""},
	} {
		err := checkEach("list", tc.values)
		if got := ""; err != nil {
			got = err.Error()
			if got != tc.want {
				t.Errorf("checkEach(%#v) = %q, want %q", tc.values, got, tc.want)
			}
		} else if tc.want != "" {
			t.Errorf("checkEach(%#v) = nil, want %q", tc.values, tc.want)
		}
	}
}

// A body of JSON's spaces is no body; one of other spaces (a form feed,
// U+00A0) is text that is not JSON, as encoding/json says.
func TestDecodeJSONBlankBodies(t *testing.T) {
	for body, wantErr := range map[string]bool{"": false, " \t\r\n": false, "\f": true, "\u00a0": true, "\fnull": true, " null ": false} {
		resp := &http.Response{StatusCode: 200, Body: io.NopCloser(strings.NewReader(body))}
		var v map[string]any
		if err := decodeJSON(resp, &v); (err != nil) != wantErr {
			t.Errorf("body %q: error %v, want one: %v", body, err, wantErr)
		}
	}
}
