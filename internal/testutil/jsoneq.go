package testutil

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/google/go-cmp/cmp"
)

// JSONDiff compares two JSON texts by meaning: key order, whitespace and
// number spelling (20 vs 20.0) do not matter, and two strings that are
// the same instant in RFC 3339 (2016-03-10T23:48:38.9878479Z vs
// …38.987847900Z) are equal. It returns "" when equal, else a diff.
func JSONDiff(want, got []byte) string {
	var w, g any
	if err := decode(want, &w); err != nil {
		return "want is not JSON: " + err.Error()
	}
	if err := decode(got, &g); err != nil {
		return "got is not JSON: " + err.Error() + "\n" + string(got)
	}
	return cmp.Diff(w, g, jsonLeaves)
}

func decode(data []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	return d.Decode(v)
}

// jsonLeaves compare numbers by value and strings exactly or, when both
// are RFC 3339 times, as instants.
var jsonLeaves = cmp.Options{
	cmp.Comparer(func(x, y json.Number) bool {
		fx, err1 := x.Float64()
		fy, err2 := y.Float64()
		return x == y || err1 == nil && err2 == nil && fx == fy
	}),
	cmp.FilterValues(func(x, y string) bool { return x != y }, cmp.Comparer(func(x, y string) bool {
		tx, err1 := time.Parse(time.RFC3339Nano, x)
		ty, err2 := time.Parse(time.RFC3339Nano, y)
		return err1 == nil && err2 == nil && tx.Equal(ty)
	})),
}
