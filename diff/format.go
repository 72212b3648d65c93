package diff

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

// section is where a change goes in a changelog.
type section int

const (
	breaking section = iota
	features
	other
)

func sectionOf(c Change) section {
	switch {
	case c.Breaking:
		return breaking
	case c.Kind == Added:
		return features
	}
	return other
}

// sections splits the changes a changelog shows: the fields and
// constants of added and removed types are told by their type's line.
func (r *Report) sections() [3][]Change {
	var out [3][]Change
	for _, c := range r.Changes {
		if c.Within != "" {
			continue
		}
		s := sectionOf(c)
		out[s] = append(out[s], c)
	}
	return out
}

// Counts are the number of changelog entries per section (the fields
// and constants of added and removed types are part of their type's).
func (r *Report) Counts() (breakingChanges, featuresAdded, otherChanges int) {
	secs := r.sections()
	return len(secs[breaking]), len(secs[features]), len(secs[other])
}

// JSON writes the changes as a JSON array, all of them (the fields and
// constants of added and removed types included, marked "within").
func (r *Report) JSON(w io.Writer) error {
	changes := r.Changes
	if changes == nil {
		changes = []Change{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(changes)
}

// Text writes the report for reading in a terminal, grouped like a
// changelog, each change with its reason and where it is.
func (r *Report) Text(w io.Writer) error {
	b := bufio.NewWriter(w)
	secs := r.sections()
	fmt.Fprintf(b, "api-version %s → %s: %d breaking, %d added, %d other\n",
		orNone(r.OldVersion), orNone(r.NewVersion), len(secs[breaking]), len(secs[features]), len(secs[other]))
	titles := [3]string{"Breaking changes", "Features added", "Other changes"}
	marks := map[Kind]string{Added: "+", Removed: "-", Changed: "~"}
	if len(secs[breaking])+len(secs[features])+len(secs[other]) == 0 {
		fmt.Fprint(b, "\nNo changes.\n")
	}
	for i, cs := range secs {
		if len(cs) == 0 {
			continue
		}
		fmt.Fprintf(b, "\n%s\n", titles[i])
		for _, c := range cs {
			fmt.Fprintf(b, "  %s %s\n", marks[c.Kind], c.Message)
			fmt.Fprintf(b, "      why: %s\n", c.Reason)
			fmt.Fprintf(b, "      at:  %s\n", c.Pointer)
		}
	}
	return b.Flush()
}

// Markdown writes a CHANGELOG section in the style of the Azure SDKs:
// Features Added, Breaking Changes, Other Changes.
func (r *Report) Markdown(w io.Writer) error {
	b := bufio.NewWriter(w)
	secs := r.sections()
	fmt.Fprintf(b, "## api-version %s\n\nChanges from api-version %s.\n", orNone(r.NewVersion), orNone(r.OldVersion))
	titles := [3]string{"Breaking Changes", "Features Added", "Other Changes"}
	empty := true
	for _, i := range []section{features, breaking, other} {
		if len(secs[i]) == 0 {
			continue
		}
		empty = false
		fmt.Fprintf(b, "\n### %s\n\n", titles[i])
		for _, c := range secs[i] {
			fmt.Fprintf(b, "- %s\n", c.Message)
		}
	}
	if empty {
		fmt.Fprint(b, "\nNo changes.\n")
	}
	return b.Flush()
}
