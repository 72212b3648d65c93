package testutil

import (
	"runtime"
	"runtime/debug"
	"strconv"
	"testing"
)

// Settings of the whole process, changed for one test. Like t.Setenv and
// t.Chdir, each restores the setting when the test ends and refuses a
// parallel test (through t.Setenv), whose neighbours would run with it.

// SetGOMAXPROCS sets GOMAXPROCS for the rest of the test.
func SetGOMAXPROCS(t testing.TB, n int) {
	t.Helper()
	t.Setenv("GOMAXPROCS", strconv.Itoa(n)) // for the record; the runtime reads it at start only
	old := runtime.GOMAXPROCS(n)
	t.Cleanup(func() { runtime.GOMAXPROCS(old) })
}

// SetMaxStack sets the goroutine stack limit for the rest of the test.
func SetMaxStack(t testing.TB, bytes int) {
	t.Helper()
	t.Setenv("ARMGEN_TEST_MAX_STACK", strconv.Itoa(bytes)) // refuses a parallel test
	old := debug.SetMaxStack(bytes)
	t.Cleanup(func() { debug.SetMaxStack(old) })
}
