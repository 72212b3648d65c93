package testutil

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// The settings are back as they were once the test that changed them
// ends.
func TestProcessSettingsRestored(t *testing.T) {
	procs := runtime.GOMAXPROCS(0)
	stack := debug.SetMaxStack(1 << 30)
	debug.SetMaxStack(stack)
	t.Run("change", func(t *testing.T) {
		SetGOMAXPROCS(t, procs+1)
		SetMaxStack(t, 32<<20)
		if runtime.GOMAXPROCS(0) != procs+1 {
			t.Fatal("GOMAXPROCS not set")
		}
	})
	if got := runtime.GOMAXPROCS(0); got != procs {
		t.Errorf("GOMAXPROCS is %d after the test, was %d", got, procs)
	}
	if got := debug.SetMaxStack(stack); got != stack {
		t.Errorf("the stack limit is %d after the test, was %d", got, stack)
	}
}
