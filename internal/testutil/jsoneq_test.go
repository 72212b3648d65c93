package testutil

import "testing"

func TestJSONDiff(t *testing.T) {
	for _, tc := range []struct {
		a, b  string
		equal bool
	}{
		{`{"a":1,"b":[1,2]}`, `{"b":[1,2],"a":1.0}`, true},
		{`{"a":1}`, `{"a":2}`, false},
		{`{"t":"2016-03-10T23:48:38.9878479Z"}`, `{"t":"2016-03-10T23:48:38.987847900Z"}`, true},
		{`{"t":"2016-03-10T23:48:38Z"}`, `{"t":"2016-03-10T23:48:39Z"}`, false},
		{`{"s":"x"}`, `{"s":"y"}`, false},
		{`{"a":null}`, `{}`, false},
		{`[1,2]`, `[2,1]`, false},
	} {
		if got := JSONDiff([]byte(tc.a), []byte(tc.b)) == ""; got != tc.equal {
			t.Errorf("JSONDiff(%s, %s) equal = %v, want %v", tc.a, tc.b, got, tc.equal)
		}
	}
}
