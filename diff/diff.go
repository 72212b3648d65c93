// Package diff compares two versions of an API, as a user of the
// generated Go package meets them when Azure bumps the api-version: what
// changes in the Go API (types, fields, constants, methods, parameters,
// results) and on the wire (properties, required and read-only, enum
// values, formats, paths, methods, status codes, long-running and
// pageable behaviour). Each change is classified breaking or not, with
// the reason.
//
// Both versions are named with emit/naming, as armgen would generate
// them, so that the report speaks of the identifiers users see.
//
// Elements are matched by their identity in the spec: models and enums by
// key (the definition or x-ms-enum name), properties and enum values by
// wire name and value, operations by operationId (else by HTTP method and
// path), parameters by location and name (path parameters also by their
// place in the path), responses by status.
package diff

import (
	"cmp"
	"slices"
	"strings"

	"github.com/armgen/armgen/emit/naming"
	"github.com/armgen/armgen/ir"
)

// Kind is what happened to an element.
type Kind string

const (
	Added   Kind = "added"
	Removed Kind = "removed"
	Changed Kind = "changed"
)

// Element is what kind of element changed.
type Element string

const (
	Service   Element = "service"   // the api-version, host, base path
	Model     Element = "model"     // a struct
	Property  Element = "property"  // a struct field
	Enum      Element = "enum"      // an enum type
	Value     Element = "value"     // an enum constant
	Operation Element = "operation" // a method
	Parameter Element = "parameter" // a method argument or options field
	Response  Element = "response"  // a status code or result type
	Header    Element = "header"    // a response header field
	Client    Element = "client"    // a NewClient argument or ClientOptions field
)

// Change is one difference.
type Change struct {
	Kind    Kind    `json:"kind"`
	Element Element `json:"element"`
	// Pointer locates the element in the new spec, or in the old one for a
	// removal: "file.json#/definitions/Pool/properties/name".
	Pointer ir.Pointer `json:"pointer"`
	// Go is the affected Go identifier: "Pool", "Pool.Name",
	// "PoolClient.Create", "PoolCreateOptions.IfMatch".
	Go string `json:"go,omitempty"`
	// Within is set on a field or constant of a struct or enum type that
	// was itself added or removed: the type's Go name. Changelogs show the
	// type's line only.
	Within   string `json:"within,omitempty"`
	Breaking bool   `json:"breaking"`
	// Reason says in one line why the change breaks or does not.
	Reason  string `json:"reason"`
	Message string `json:"message"`
}

// Report is the comparison of two versions.
type Report struct {
	// OldVersion and NewVersion are the api-versions (info.version).
	OldVersion, NewVersion string
	// Changes are sorted by element (service, client, operations and
	// their parts, enums, models), then Go identifier, pointer, kind and
	// message.
	Changes []Change
}

// Breaking reports whether any change is breaking.
func (r *Report) Breaking() bool {
	return slices.ContainsFunc(r.Changes, func(c Change) bool { return c.Breaking })
}

// Compare reports what changes from old to new. It names both APIs as
// armgen would generate them; naming problems (which would stop
// generation too) come back as diagnostics, and the report is then nil.
func Compare(old, new *ir.API) (*Report, ir.Diagnostics) {
	return CompareRenamed(old, new, nil, nil)
}

// CompareRenamed is Compare with the renames each side is generated with
// (ir.Rename), so that both are named as their packages are.
func CompareRenamed(old, new *ir.API, oldRenames, newRenames []ir.Rename) (*Report, ir.Diagnostics) {
	oldNames, diags := naming.Assign(old, "client", oldRenames...)
	newNames, newDiags := naming.Assign(new, "client", newRenames...)
	// A rename of what only one side has (a property the new version
	// removes) matches something: it is unmatched when neither side has it.
	unmatched := func(d ir.Diagnostic) bool {
		return d.Severity == ir.Warning && strings.Contains(d.Message, naming.RenameUnmatched)
	}
	inOld := map[ir.Diagnostic]bool{}
	for _, d := range diags {
		inOld[d] = true
	}
	inBoth := map[ir.Diagnostic]bool{}
	for _, d := range newDiags {
		inBoth[d] = inOld[d]
	}
	diags = slices.DeleteFunc(append(diags, newDiags...), func(d ir.Diagnostic) bool { return unmatched(d) && !inBoth[d] })
	diags = diags.Sort()
	if diags.HasErrors() {
		return nil, diags
	}
	d := &differ{old: newSide(old, oldNames), new: newSide(new, newNames)}
	d.service()
	d.models()
	d.enums()
	d.clientParams()
	d.operations()
	sortChanges(d.changes)
	return &Report{OldVersion: old.Version, NewVersion: new.Version, Changes: d.changes}, diags
}

// side is one version with its names and indexes.
type side struct {
	api    *ir.API
	names  *naming.Names
	models map[string]*ir.Model
	enums  map[string]*ir.Enum
}

func newSide(api *ir.API, names *naming.Names) *side {
	s := &side{api: api, names: names,
		models: make(map[string]*ir.Model, len(api.Models)),
		enums:  make(map[string]*ir.Enum, len(api.Enums)),
	}
	for _, m := range api.Models {
		s.models[m.Key] = m
	}
	for _, e := range api.Enums {
		s.enums[e.Key] = e
	}
	return s
}

// differ collects the changes.
type differ struct {
	old, new *side
	changes  []Change
}

func (d *differ) add(c Change) { d.changes = append(d.changes, c) }

// elementOrder is the order of elements in a report, as Azure SDK
// changelogs list them: the service and client first, then methods, then
// types.
var elementOrder = map[Element]int{
	Service: 0, Client: 1, Operation: 2, Parameter: 3, Response: 4, Header: 5,
	Enum: 6, Value: 7, Model: 8, Property: 9,
}

// sortChanges orders changes by element, Go identifier, pointer, kind and
// message, so that a report never depends on discovery order.
func sortChanges(cs []Change) {
	slices.SortFunc(cs, func(a, b Change) int {
		return cmp.Or(
			cmp.Compare(elementOrder[a.Element], elementOrder[b.Element]),
			strings.Compare(a.Go, b.Go),
			strings.Compare(fragment(a.Pointer), fragment(b.Pointer)),
			strings.Compare(string(a.Kind), string(b.Kind)),
			strings.Compare(a.Message, b.Message),
			strings.Compare(string(a.Pointer), string(b.Pointer)),
		)
	})
}

// fragment is a pointer's part after "#": the same element in both
// versions has the same fragment whatever the files are called.
func fragment(p ir.Pointer) string {
	_, frag, _ := strings.Cut(string(p), "#")
	return frag
}

// service reports the api-version, host and base path.
func (d *differ) service() {
	o, n := d.old.api, d.new.api
	fixed := d.new.names.Fixed()
	at := func(tokens string) ir.Pointer {
		if len(n.Files) == 0 {
			return ""
		}
		return ir.Pointer(n.Files[0] + "#" + tokens)
	}
	if o.Version != n.Version {
		d.add(Change{Kind: Changed, Element: Service, Pointer: at("/info/version"), Go: fixed.APIVersion,
			Reason:  "requests carry the new api-version; the generated package is for that version only",
			Message: "api-version " + orNone(o.Version) + " → " + orNone(n.Version) + " (the constant " + code(fixed.APIVersion) + ")"})
	}
	if o.Host != n.Host {
		d.add(Change{Kind: Changed, Element: Service, Pointer: at("/host"), Go: fixed.DefaultEndpoint,
			Reason:  "a client made without an endpoint option sends to the new host",
			Message: "Host " + orNone(o.Host) + " → " + orNone(n.Host) + " (" + code(fixed.DefaultEndpoint) + ")"})
	}
	if o.BasePath != n.BasePath {
		d.add(Change{Kind: Changed, Element: Service, Pointer: at("/basePath"),
			Reason:  "the generated requests carry the new base path",
			Message: "Base path " + orNone(o.BasePath) + " → " + orNone(n.BasePath)})
	}
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// code quotes a Go identifier or type the way changelogs do.
func code(s string) string { return "`" + s + "`" }
