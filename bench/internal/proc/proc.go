// Package proc runs commands as whole processes and measures them: wall
// time from start to exit, and peak resident memory. The bench commands
// share it.
package proc

import (
	"bytes"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"time"
)

// Result is one run of a command.
type Result struct {
	Wall time.Duration
	// CPU is user and system time: less disturbed than Wall when other
	// work shares the machine.
	CPU time.Duration
	// PeakRSS is the largest resident set of the process, in bytes; 0 where
	// the system does not report it.
	PeakRSS int64
}

// Run runs name with args in dir and measures it. A failure returns the
// command's output in the error.
func Run(dir string, env []string, name string, args ...string) (Result, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return Result{}, fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, tail(out.String(), 2000))
	}
	return Result{Wall: wall, CPU: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), PeakRSS: peakRSS(cmd)}, nil
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// Median is the median of ds (the mean of the middle two for an even count).
func Median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// MedianInt is Median for byte counts.
func MedianInt(xs []int64) int64 {
	ds := make([]time.Duration, len(xs))
	for i, x := range xs {
		ds[i] = time.Duration(x)
	}
	return int64(Median(ds))
}

// MiB formats a byte count in mebibytes.
func MiB(b int64) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
}

// Ms formats a duration in milliseconds.
func Ms(d time.Duration) string {
	return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000)
}
