package naming

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/armgen/armgen/ir"
)

// Names are the Go identifiers of one generated package.
//
// How collisions are settled:
//   - Type names the spec gives (definitions, x-ms-enum names) that become
//     one identifier are settled with a warning, the closest to the
//     spec keeping it (collide.go); so are enum values, the first keeping
//     the constant's name and the others numbered. Properties of one model,
//     methods of one client and parameters of one call must stay distinct:
//     two that become one identifier are an error naming both pointers, to
//     be settled with -rename or x-ms-client-name.
//   - Names armgen derives (inline models and enums, group clients,
//     options, responses, pagers, pollers, enum constants, the package's
//     fixed API such as Client) never displace a spec name: a derived name
//     that is taken gets the smallest number from 2 up that frees it
//     ("OperationDisplay2"). Derived names are claimed in a fixed order
//     (sorted by their source), so the result does not depend on map order.
//   - A property whose Go name equals a method armgen declares on that type
//     (MarshalJSON, UnmarshalJSON, Get<Base>) gets the suffix "Field"; the
//     AdditionalProperties field yields to a property of that name by
//     becoming AdditionalPropertiesMap, and the Extra field to a property
//     named Extra by becoming ExtraFields.
//   - A response header whose name equals a field of the response body gets
//     the suffix "Header".
//
// Names are read concurrently once Assign returns: nothing changes them.
type Names struct {
	Package string
	fixed   Fixed

	// What is named, by the node of the IR that asks for the name.
	models  map[*ir.Model]*modelNames
	enums   map[*ir.Enum]*enumNames
	fields  map[*ir.Property]string
	consts  map[*ir.EnumValue]string
	groups  map[string]*Group // by Go accessor ("" for the ungrouped)
	ops     map[*ir.Operation]*Op
	params  map[*ir.Parameter]Param
	headers map[*ir.Header]string
	bodies  map[*ir.Response]string
	tests   map[*ir.Example]string

	// Models and enums by Key, to resolve Type.Ref.
	modelKeys map[string]*ir.Model
	enumKeys  map[string]*ir.Enum

	// Only while Assign runs: every package-level name taken, with where
	// it came from; Exported's results; the renames asked for besides the
	// spec's (renames.go); what went wrong.
	scope   map[string]string
	words   map[string]string
	renames renameSet
	diags   ir.Diagnostics
}

// modelNames are the names of a model's type and of the members armgen
// gives it.
type modelNames struct {
	typ   string
	iface string // a polymorphic base's family interface
	extra string // the field of unmodelled JSON properties
	addl  string // the field of additionalProperties, "" without
}

// enumNames are the names of an enum's type and of the function listing
// its values.
type enumNames struct {
	typ, values string
}

// Assign names everything in api for a package called pkg, with the
// renames asked for besides the spec (renames.go).
func Assign(api *ir.API, pkg string, renames ...ir.Rename) (*Names, ir.Diagnostics) {
	n := &Names{
		Package:   pkg,
		models:    make(map[*ir.Model]*modelNames, len(api.Models)),
		enums:     make(map[*ir.Enum]*enumNames, len(api.Enums)),
		fields:    make(map[*ir.Property]string, 4*len(api.Models)),
		consts:    map[*ir.EnumValue]string{},
		groups:    map[string]*Group{},
		ops:       make(map[*ir.Operation]*Op, len(api.Operations)),
		params:    map[*ir.Parameter]Param{},
		headers:   map[*ir.Header]string{},
		bodies:    map[*ir.Response]string{},
		tests:     map[*ir.Example]string{},
		modelKeys: make(map[string]*ir.Model, len(api.Models)),
		enumKeys:  make(map[string]*ir.Enum, len(api.Enums)),
		scope:     map[string]string{},
		words:     map[string]string{},
	}
	for _, m := range api.Models {
		n.modelKeys[m.Key] = m
		n.models[m] = &modelNames{}
	}
	for _, e := range api.Enums {
		n.enumKeys[e.Key] = e
		n.enums[e] = &enumNames{}
	}
	n.resolveRenames(api, renames)
	n.reserveStatic()
	n.claimTypes(api)
	n.claimFixed()
	n.derivedTypes(api)
	n.enumConsts(api)
	n.modelFields(api)
	n.operations(api)
	n.responseHeaders(api)
	n.goAPIs(api)
	n.exampleTests(api)
	// The emitters read Names concurrently; only Assign writes.
	n.scope, n.words = nil, nil
	return n, n.diags.Sort()
}

// Type returns the type name of a model or enum (*ir.Model or *ir.Enum).
func (n *Names) Type(node any) string {
	switch node := node.(type) {
	case *ir.Model:
		if m := n.models[node]; m != nil {
			return m.typ
		}
	case *ir.Enum:
		if e := n.enums[node]; e != nil {
			return e.typ
		}
	}
	return ""
}

// setType names a model's or an enum's type.
func (n *Names) setType(m *ir.Model, e *ir.Enum, name string) {
	if m != nil {
		n.models[m].typ = name
	} else {
		n.enums[e].typ = name
	}
}

// claimSpec takes a spec-given package-level name, reporting a collision
// with a name taken before the spec's (armgen's helpers).
func (n *Names) claimSpec(name string, at ir.Pointer) bool {
	if name == "" {
		n.diags = append(n.diags, ir.Diagnostic{Pointer: at, Message: "the name has no letters or digits to make a Go identifier of",
			Hint: "-rename " + string(at) + "=Name names it"})
		return false
	}
	if prev, taken := n.scope[name]; taken {
		n.diags = append(n.diags, ir.Diagnostic{Pointer: at,
			Message: fmt.Sprintf("Go name %s is also the name of %s", name, prev),
			Hint:    "rename one with -rename"})
		return false
	}
	n.scope[name] = string(at)
	return true
}

// derive takes a derived package-level name, numbering it when taken.
func (n *Names) derive(name, from string) string {
	if name == "" {
		name = "Unnamed"
	}
	out := name
	for i := 2; ; i++ {
		if _, taken := n.scope[out]; !taken {
			n.scope[out] = from
			return out
		}
		out = name + strconv.Itoa(i)
	}
}

// specName is the name a spec node asks for: x-ms-client-name first.
func (n *Names) specName(clientName, name string) string {
	if clientName != "" {
		return n.exported(clientName)
	}
	return n.exported(name)
}

// exported is Exported, remembered while names are assigned: property
// and parameter names repeat across a spec's models and operations.
func (n *Names) exported(s string) string {
	e, ok := n.words[s]
	if !ok {
		e = Exported(s)
		n.words[s] = e
	}
	return e
}

func isDefinition(p ir.Pointer) bool {
	_, frag, _ := strings.Cut(string(p), "#")
	return strings.Count(frag, "/") == 2 && strings.HasPrefix(frag, "/definitions/")
}

func quote(s string) string { return strconv.Quote(s) }

// Groups returns the group clients in name order.
func (n *Names) Groups() []*Group {
	gs := make([]*Group, 0, len(n.groups))
	for _, g := range n.groups {
		gs = append(gs, g)
	}
	slices.SortFunc(gs, func(a, b *Group) int { return strings.Compare(a.Type, b.Type) })
	return gs
}
