package proc

import (
	"os"
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		in   []time.Duration
		want time.Duration
	}{
		{nil, 0},
		{[]time.Duration{3}, 3},
		{[]time.Duration{5, 1, 3}, 3},
		{[]time.Duration{4, 1, 3, 2}, 2},
	} {
		if got := Median(tc.in); got != tc.want {
			t.Errorf("Median(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// Run measures a real process and reports its failure with its output.
func TestRun(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run("", nil, exe, "-test.run=^$")
	if err != nil {
		t.Fatal(err)
	}
	if r.Wall <= 0 {
		t.Errorf("wall time %v", r.Wall)
	}
	if _, err := Run("", nil, exe, "-test.no-such-flag"); err == nil {
		t.Error("a failing command is not an error")
	}
}
