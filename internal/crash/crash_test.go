package crash

import (
	"strings"
	"testing"
)

func TestDiagnosticNamesThePanicSite(t *testing.T) {
	var got string
	func() {
		defer func() {
			if r := recover(); r != nil {
				got = Diagnostic("spec.json#/definitions/A", r).String()
			}
		}()
		var m map[string]int
		m["x"] = 1 // panics: assignment to entry in nil map
	}()
	for _, want := range []string{
		"spec.json#/definitions/A: internal error: assignment to entry in nil map",
		"(at crash/crash_test.go:",
		"— this is a bug in armgen",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("%q does not contain %q", got, want)
		}
	}
}
