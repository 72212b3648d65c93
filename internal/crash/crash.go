// Package crash turns a recovered panic (a bug in armgen) into a
// diagnostic that says where in the spec armgen was and where in armgen
// it failed, so that users get one line and a bug report has what it needs.
package crash

import (
	"fmt"
	"runtime"
	"strings"

	"github.com/armgen/armgen/ir"
)

// Diagnostic describes a recovered panic r that happened while armgen
// worked on the spec location at. Call it from the deferred function that
// recovered, so that the panicking frames are still on the stack.
func Diagnostic(at ir.Pointer, r any) ir.Diagnostic {
	msg := fmt.Sprintf("internal error: %v", r)
	if site := Site(); site != "" {
		msg += " (at " + site + ")"
	}
	return ir.Diagnostic{Pointer: at, Message: msg,
		Hint: "this is a bug in armgen, not in the spec; please report it with the spec"}
}

// Site returns file:line of the function that panicked, as a path inside
// the module ("parser/schema.go:120"), or "" when it cannot be told.
func Site() string {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(2, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	afterPanic := false
	for {
		fr, more := frames.Next()
		switch {
		case fr.Function == "runtime.gopanic":
			afterPanic = true
		case afterPanic && !strings.HasPrefix(fr.Function, "runtime."):
			return shortPath(fr.File) + ":" + fmt.Sprint(fr.Line)
		}
		if !more {
			return ""
		}
	}
}

// shortPath keeps the last two elements of a path: the package directory
// and the file.
func shortPath(file string) string {
	i := strings.LastIndex(file, "/")
	if i < 0 {
		return file
	}
	if j := strings.LastIndex(file[:i], "/"); j >= 0 {
		return file[j+1:]
	}
	return file
}
