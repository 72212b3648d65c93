package ir

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity orders diagnostics: errors stop generation, warnings do not
// (unless the caller is strict).
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem found in a spec, located by its JSON pointer.
type Diagnostic struct {
	Pointer  Pointer
	Severity Severity
	// Message says what is wrong; Hint, when set, how to fix it.
	Message string
	Hint    string
	// Unsupported marks a construct armgen does not handle yet, as opposed
	// to a spec that is broken.
	Unsupported bool
}

// String renders the diagnostic the way armgen prints it:
// "file.json#/pointer: message — hint", with "warning: " before warnings.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(string(d.Pointer))
	b.WriteString(": ")
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	if d.Unsupported {
		b.WriteString("not supported: ")
	}
	b.WriteString(d.Message)
	if d.Hint != "" {
		b.WriteString(" — ")
		b.WriteString(d.Hint)
	}
	return b.String()
}

// Diagnostics is a list of problems; as an error it prints one per line.
type Diagnostics []Diagnostic

// Add appends an error diagnostic.
func (ds *Diagnostics) Add(p Pointer, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pointer: p, Message: fmt.Sprintf(format, args...)})
}

// Warn appends a warning.
func (ds *Diagnostics) Warn(p Pointer, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pointer: p, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// Unsupported appends an error for a construct armgen cannot generate yet.
func (ds *Diagnostics) Unsupported(p Pointer, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pointer: p, Unsupported: true, Message: fmt.Sprintf(format, args...)})
}

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	return slices.ContainsFunc(ds, func(d Diagnostic) bool { return d.Severity == Error })
}

// Sort orders diagnostics by pointer, then severity, then message, and
// drops exact duplicates, so output does not depend on discovery order.
func (ds Diagnostics) Sort() Diagnostics {
	slices.SortFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			strings.Compare(string(a.Pointer), string(b.Pointer)),
			cmp.Compare(a.Severity, b.Severity),
			strings.Compare(a.Message, b.Message),
			strings.Compare(a.Hint, b.Hint),
		)
	})
	return slices.Compact(ds)
}

// Error joins the diagnostics, one per line.
func (ds Diagnostics) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}
