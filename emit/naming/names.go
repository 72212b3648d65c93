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
//   - Names the spec gives (definitions, x-ms-enum names, properties,
//     operations, enum values, x-ms-client-name) must stay distinct in Go:
//     two that become the same identifier are an error naming both
//     pointers, to be settled in the spec with x-ms-client-name.
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
type Names struct {
	Package string

	types  map[any]string // *ir.Model, *ir.Enum → type name
	fields map[*ir.Property]string
	consts map[*ir.EnumValue]string
	enumFn map[*ir.Enum]string
	ifaces map[*ir.Model]string // polymorphic base → interface name
	extra  map[*ir.Model]string
	addl   map[*ir.Model]string
	groups map[string]*Group
	ops    map[*ir.Operation]*Op
	params map[*ir.Parameter]Param
	// words remembers Exported while Assign runs.
	words   map[string]string
	headers map[*ir.Header]string
	bodies  map[*ir.Response]string
	tests   map[*ir.Example]string
	// Fixed holds the names of the package's own API (Client, NewClient…),
	// keyed by their intended name.
	fixed map[string]string
	// scope is every package-level name taken, with where it came from.
	scope map[string]string
	diags ir.Diagnostics
	// models and enums by Key, to resolve Type.Ref.
	models map[string]*ir.Model
	enums  map[string]*ir.Enum
	// renames are the names asked for besides the spec's (renames.go).
	renames renameSet
}

// Group is an operation group's client.
type Group struct {
	Name     string // spec group ("BatchAccount"; "" for operations without one)
	Type     string // BatchAccountClient ("Client" for the ungrouped)
	Accessor string // method on Client returning it: BatchAccount
}

// Op holds an operation's identifiers.
type Op struct {
	Group    *Group
	Method   string // Update: sends and parses
	Request  string // NewUpdateRequest: builds the *http.Request
	Parse    string // ParseUpdateResponse: reads the *http.Response
	Options  string // BatchAccountUpdateOptions
	Response string // BatchAccountUpdateResponse
	// Pageable operations: Pager type and the method that makes one.
	Pager, NewPager string
	// Pageable operations also build requests for later pages.
	NextRequest string
	// Long-running operations: Poller type, and the methods that start one
	// and rebuild one from a resume token.
	Poller, Begin, Resume string
}

// Param is a parameter's identifiers: the Go argument (or client field)
// name and, for optional ones, the options field.
type Param struct {
	Arg   string // accountName
	Field string // AccountName (options struct or Client field)
}

// FixedNames are the package-level identifiers every generated package
// declares; Assign reserves them before deriving others. A spec name takes
// precedence and the fixed one is numbered (Client2), as for any derived
// name.
var FixedNames = []string{
	"APIVersion", "Client", "ClientOptions", "DefaultEndpoint", "Doer", "NewClient", "ResponseError",
}

// StaticNames are the exported identifiers of the helper code every
// package carries verbatim (emit/static). That code cannot be renamed, so
// these names are taken before the spec's: a definition or enum named like
// one gets the suffix "Model" (a definition Pager is the type PagerModel).
var StaticNames = []string{"Pager", "Poller", "Ptr", "RetryOptions"}

// Type returns the type name of a model or enum.
func (n *Names) Type(node any) string { return n.types[node] }

// Field returns a property's field name.
func (n *Names) Field(p *ir.Property) string { return n.fields[p] }

// Const returns an enum value's constant name.
func (n *Names) Const(v *ir.EnumValue) string { return n.consts[v] }

// PossibleValues returns the name of the function listing an enum's values.
func (n *Names) PossibleValues(e *ir.Enum) string { return n.enumFn[e] }

// Interface returns the interface a polymorphic base's family implements.
func (n *Names) Interface(m *ir.Model) string { return n.ifaces[m] }

// Getter returns the method by which a family member returns its base part.
func (n *Names) Getter(base *ir.Model) string { return "Get" + n.types[base] }

// Extra returns the name of the field holding unmodelled JSON properties.
func (n *Names) Extra(m *ir.Model) string { return n.extra[m] }

// Additional returns the name of the field holding additionalProperties,
// "" when the model has none.
func (n *Names) Additional(m *ir.Model) string { return n.addl[m] }

// Op returns an operation's identifiers.
func (n *Names) Op(o *ir.Operation) *Op { return n.ops[o] }

// Param returns a parameter's identifiers.
func (n *Names) Param(p *ir.Parameter) Param { return n.params[p] }

// Fixed returns the identifier given to one of FixedNames.
func (n *Names) Fixed(name string) string { return n.fixed[name] }

// Groups returns the group clients in name order.
func (n *Names) Groups() []*Group {
	gs := make([]*Group, 0, len(n.groups))
	for _, g := range n.groups {
		gs = append(gs, g)
	}
	slices.SortFunc(gs, func(a, b *Group) int { return strings.Compare(a.Type, b.Type) })
	return gs
}

// HeaderField returns the response struct field for a header.
func (n *Names) HeaderField(h *ir.Header) string {
	return n.headers[h]
}

// Assign names everything in api for a package called pkg, with the
// renames asked for besides the spec (renames.go).
func Assign(api *ir.API, pkg string, renames ...ir.Rename) (*Names, ir.Diagnostics) {
	n := &Names{
		Package: pkg,
		types:   make(map[any]string, len(api.Models)+len(api.Enums)),
		fields:  make(map[*ir.Property]string, 4*len(api.Models)),
		words:   map[string]string{},
		consts:  map[*ir.EnumValue]string{},
		enumFn:  map[*ir.Enum]string{},
		ifaces:  map[*ir.Model]string{},
		extra:   map[*ir.Model]string{},
		addl:    map[*ir.Model]string{},
		groups:  map[string]*Group{},
		bodies:  map[*ir.Response]string{},
		ops:     map[*ir.Operation]*Op{},
		params:  map[*ir.Parameter]Param{},
		headers: map[*ir.Header]string{},
		tests:   map[*ir.Example]string{},
		fixed:   map[string]string{},
		scope:   map[string]string{},
		models:  make(map[string]*ir.Model, len(api.Models)),
		enums:   make(map[string]*ir.Enum, len(api.Enums)),
	}
	for _, m := range api.Models {
		n.models[m.Key] = m
	}
	for _, e := range api.Enums {
		n.enums[e.Key] = e
	}
	n.resolveRenames(api, renames)
	n.specTypes(api)
	for _, f := range FixedNames {
		n.fixed[f] = n.derive(f, "armgen's "+f)
	}
	for _, f := range StaticNames {
		n.fixed[f] = f
	}
	n.derivedTypes(api)
	n.enumConsts(api)
	n.modelFields(api)
	n.operations(api)
	n.responseHeaders(api)
	n.exampleTests(api)
	n.words = nil // the emitters read Names concurrently; only Assign writes
	return n, n.diags.Sort()
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

// specTypes claims the type names the spec gives: definitions and named
// enums, settling collisions (collide.go).
func (n *Names) specTypes(api *ir.API) {
	for _, f := range StaticNames {
		n.scope[f] = "armgen's helper " + f
	}
	n.claimTypes(api)
}

// avoidStatic gives a spec name that is one of StaticNames its suffix.
func avoidStatic(name string) string {
	if slices.Contains(StaticNames, name) {
		return name + "Model"
	}
	return name
}

func isDefinition(p ir.Pointer) bool {
	_, frag, _ := strings.Cut(string(p), "#")
	return strings.Count(frag, "/") == 2 && strings.HasPrefix(frag, "/definitions/")
}

// inlineName builds a type name from a path of spec names
// ("Pool.properties.scaleSettings" → PoolPropertiesScaleSettings).
func inlineName(path string) string {
	var b strings.Builder
	for _, part := range strings.Split(path, ".") {
		b.WriteString(Exported(part))
	}
	return b.String()
}

// derivedTypes names inline models and enums, and polymorphic interfaces.
func (n *Names) derivedTypes(api *ir.API) {
	for _, m := range api.Models {
		if _, done := n.types[m]; !done && m.Inline {
			n.types[m] = n.derive(inlineName(m.Name), string(m.Pointer))
		}
	}
	for _, e := range api.Enums {
		if _, done := n.types[e]; !done && !e.Named && !isDefinition(e.Pointer) {
			n.types[e] = n.derive(inlineName(e.Name), string(e.Pointer))
		}
	}
	for _, m := range api.Models {
		if m.Discriminator != "" && n.types[m] != "" {
			n.ifaces[m] = n.derive(n.types[m]+"Classification", string(m.Pointer))
		}
	}
}

// enumConsts names each enum value's constant <Enum><Value> and the
// Possible<Enum>Values function.
func (n *Names) enumConsts(api *ir.API) {
	for _, e := range api.Enums {
		typ := n.types[e]
		if typ == "" {
			continue
		}
		seen := map[string]*ir.EnumValue{}
		for _, v := range e.Values {
			base := valueName(v)
			if base == "" {
				n.diags = append(n.diags, ir.Diagnostic{Pointer: v.Pointer,
					Message: "enum value " + v.Value + " has no letters or digits to name a Go constant after",
					Hint:    "name it in x-ms-enum values"})
				continue
			}
			if prev, dup := seen[base]; dup {
				n.diags = append(n.diags, ir.Diagnostic{Pointer: v.Pointer,
					Message: fmt.Sprintf("enum values %s and %s both become the Go constant %s%s (the other is at %s)", prev.Value, v.Value, typ, base, prev.Pointer),
					Hint:    "-rename " + string(v.Pointer) + "=ConstName names one apart"})
				continue
			}
			seen[base] = v
			if r, ok := n.renames.consts[v]; ok {
				if prev, taken := n.scope[r.name]; taken {
					n.diags = append(n.diags, ir.Diagnostic{Pointer: r.from,
						Message: fmt.Sprintf("cannot rename %s to %s: that is the name of %s", v.Pointer, r.name, prev)})
					continue
				}
				n.scope[r.name] = string(v.Pointer)
				n.consts[v] = r.name
				continue
			}
			n.consts[v] = n.derive(typ+base, string(v.Pointer))
		}
		n.enumFn[e] = n.derive("Possible"+typ+"Values", string(e.Pointer))
	}
}

// valueName is the part of a constant's name that comes from the value.
func valueName(v *ir.EnumValue) string {
	if v.Name != "" {
		return strings.TrimPrefix(Exported(v.Name), "N")
	}
	text := v.Value
	if text == `""` {
		return "Empty" // the empty string is a value specs use ("" for "none")
	}
	if unq, err := strconv.Unquote(text); err == nil && strings.HasPrefix(text, `"`) {
		text = unq
	} else {
		// Numbers: keep the sign and decimal point readable in the name.
		text = strings.NewReplacer("-", "Minus", ".", "Point", "+", "").Replace(text)
	}
	name := Exported(text)
	if name == "" {
		// A value of symbols only ("*", "+") is named after them, as the
		// Azure SDKs do: SecurityRuleProtocolAsterisk.
		name = symbolNames(text)
	}
	if name == "" {
		return ""
	}
	if strings.HasPrefix(name, "N") && len(name) > 1 && name[1] >= '0' && name[1] <= '9' {
		name = name[1:] // the type name before it starts the identifier
	}
	return name
}

// modelFields names each model's fields, and checks them against each
// other and the methods armgen declares on the model.
func (n *Names) modelFields(api *ir.API) {
	for _, m := range api.Models {
		methods := map[string]bool{"MarshalJSON": true, "UnmarshalJSON": true}
		for _, base := range familyBases(api, m) {
			methods[n.Getter(base)] = true
		}
		used := map[string]*ir.Property{}
		for _, p := range m.Properties {
			name := n.fieldName(p)
			if name == "" {
				n.diags = append(n.diags, ir.Diagnostic{Pointer: p.Pointer,
					Message: "property " + quote(p.Name) + " has no letters or digits to make a Go field of",
					Hint:    "-rename " + string(p.Pointer) + "=FieldName names it"})
				continue
			}
			if methods[name] {
				name += "Field"
			}
			if prev, dup := used[name]; dup {
				n.diags = append(n.diags, ir.Diagnostic{Pointer: p.Pointer,
					Message: fmt.Sprintf("properties %q and %q of %s both become the Go field %s (the other is at %s)", prev.Name, p.Name, m.Name, name, prev.Pointer),
					Hint:    "-rename " + string(p.Pointer) + "=FieldName renames one"})
				continue
			}
			used[name] = p
			n.fields[p] = name
		}
		if m.AdditionalProperties != nil {
			addl := "AdditionalProperties"
			if used[addl] != nil {
				addl = "AdditionalPropertiesMap"
				for i := 2; used[addl] != nil; i++ {
					addl = "AdditionalPropertiesMap" + strconv.Itoa(i)
				}
			}
			used[addl] = &ir.Property{}
			n.addl[m] = addl
		}
		extra := "Extra"
		if used[extra] != nil {
			extra = "ExtraFields"
			for i := 2; used[extra] != nil; i++ {
				extra = "ExtraFields" + strconv.Itoa(i)
			}
		}
		n.extra[m] = extra
	}
}

// familyBases lists the polymorphic bases m belongs to (itself included
// when it is one), nearest first.
func familyBases(api *ir.API, m *ir.Model) []*ir.Model {
	var out []*ir.Model
	if m.Discriminator != "" {
		out = append(out, m)
	}
	for key, depth := m.Base, 0; key != "" && depth < 64; depth++ {
		b := api.ModelByKey(key)
		if b == nil || slices.Contains(out, b) {
			break
		}
		out = append(out, b)
		key = b.Base
	}
	return out
}

// FamilyBases is familyBases for emitters.
func FamilyBases(api *ir.API, m *ir.Model) []*ir.Model { return familyBases(api, m) }

func quote(s string) string { return strconv.Quote(s) }

// responseErrorFields are the fields and methods ResponseError always
// has; a field for an error model must not take one of their names.
var responseErrorFields = map[string]bool{
	"StatusCode": true, "Method": true, "URL": true, "RequestID": true, "Code": true,
	"Message": true, "Target": true, "Details": true, "RawBody": true, "Error": true,
}

// ErrorField names the ResponseError field holding a decoded error model:
// the model's type name, or with "Body" appended when that is one of
// ResponseError's own fields.
func (n *Names) ErrorField(m *ir.Model) string {
	name := n.types[m]
	if responseErrorFields[name] {
		name += "Body"
	}
	return name
}

// Unmarshaler names the function that decodes a polymorphic family's
// interface iface, picking the concrete type.
func Unmarshaler(iface string) string { return "unmarshal" + iface }

// Reader names the function that reads a polymorphic family's interface
// value from the package's JSON reader.
func Reader(iface string) string { return "read" + iface }

// ErrorFunc names the function that builds a ResponseError from a response
// whose body is the error model m.
func (n *Names) ErrorFunc(m *ir.Model) string { return "responseErrorWith" + n.types[m] }

var symbols = map[rune]string{
	'*': "Asterisk", '+': "Plus", '-': "Minus", '.': "Dot", '/': "Slash", '\\': "Backslash",
	'@': "At", '#': "Hash", '&': "Ampersand", '%': "Percent", '=': "Equals", '!': "Exclamation",
	'?': "Question", '~': "Tilde", '^': "Caret", '$': "Dollar", '|': "Pipe", '<': "LessThan",
	'>': "GreaterThan", '_': "Underscore", ' ': "Space", ':': "Colon", ',': "Comma", ';': "Semicolon",
}

// symbolNames spells out a value made of symbols; "" when a rune has no
// name (or the value is empty).
func symbolNames(s string) string {
	var b strings.Builder
	for _, r := range s {
		name, ok := symbols[r]
		if !ok {
			return ""
		}
		b.WriteString(name)
	}
	return b.String()
}

// ExampleTest names the test function of an x-ms-examples entry:
// TestExample<Group><Method>_<Example>.
func (n *Names) ExampleTest(ex *ir.Example) string { return n.tests[ex] }

func (n *Names) exampleTests(api *ir.API) {
	for _, op := range api.Operations {
		o := n.ops[op]
		if o == nil {
			continue
		}
		for _, ex := range op.Examples {
			n.tests[ex] = n.derive("TestExample"+n.groupName(op)+o.Method+"_"+Exported(ex.Name), string(ex.Pointer))
		}
	}
}
