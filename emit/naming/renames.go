package naming

import (
	"go/token"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/armgen/armgen/ir"
)

// Renames give names the spec does not, without editing it (-rename,
// a renames file, a readme's directives; see ir.Rename). Each is found by
// its pointer before anything is named, and its name then takes the place
// of the spec's: a renamed type keeps its name against any other that
// wants it.

// RenameUnmatched is said of a rename that names nothing in the spec.
const RenameUnmatched = "matches nothing in the spec"

// renameSet holds the renames resolved against the API.
type renameSet struct {
	models map[*ir.Model]renamed // → type name
	enums  map[*ir.Enum]renamed
	fields map[ir.Pointer]renamed // a property, and its copies in children
	consts map[*ir.EnumValue]renamed
	ops    map[*ir.Operation]renamed // name is the method, group the group's
	groups map[string]renamed        // spec group → Go accessor
}

type renamed struct {
	name, group string
	// specGroup is the group an operation's rename moves it to, as
	// written: a group's own rename applies to it too.
	specGroup string
	from      ir.Pointer
}

// typeOf is the rename of a model's or an enum's type.
func (r renameSet) typeOf(m *ir.Model, e *ir.Enum) (renamed, bool) {
	if m != nil {
		to, ok := r.models[m]
		return to, ok
	}
	to, ok := r.enums[e]
	return to, ok
}

// renameTarget is a node a rename can name.
type renameTarget struct {
	at   ir.Pointer
	node any // *ir.Model, *ir.Enum, *ir.Property, *ir.EnumValue, *ir.Operation, or a group name
}

// resolveRenames finds what each rename names.
func (n *Names) resolveRenames(api *ir.API, list []ir.Rename) {
	if len(list) == 0 {
		return // the maps stay nil, which reads as empty
	}
	n.renames = renameSet{
		models: map[*ir.Model]renamed{}, enums: map[*ir.Enum]renamed{}, fields: map[ir.Pointer]renamed{},
		consts: map[*ir.EnumValue]renamed{}, ops: map[*ir.Operation]renamed{}, groups: map[string]renamed{},
	}
	index := map[string][]renameTarget{} // by fragment
	add := func(at ir.Pointer, node any) {
		_, frag, _ := strings.Cut(string(at), "#")
		index[frag] = append(index[frag], renameTarget{at, node})
	}
	props := map[ir.Pointer]bool{}
	for _, m := range api.Models {
		add(m.Pointer, m)
		for _, p := range m.Properties {
			if !props[p.Pointer] {
				props[p.Pointer] = true
				add(p.Pointer, p)
			}
		}
	}
	for _, e := range api.Enums {
		// A property's own enum is at the property's pointer, which names
		// the field: the enum is its x-ms-enum (or enum) keyword.
		if isDefinition(e.Pointer) || !props[e.Pointer] {
			add(e.Pointer, e)
		}
		add(e.Pointer+"/x-ms-enum", e)
		add(e.Pointer+"/enum", e)
		for _, v := range e.Values {
			add(v.Pointer, v)
		}
	}
	groups := map[string]bool{}
	for _, op := range api.Operations {
		add(op.Pointer, op)
		add(ir.Pointer("#/operationIds/"+op.ID), op) // what a readme's rename-operation names
		if op.Group != "" && !groups[op.Group] {
			groups[op.Group] = true
			add(ir.Pointer("#/operationGroups/"+op.Group), op.Group)
		}
	}
	for _, r := range list {
		n.resolveRename(r, index)
	}
}

func (n *Names) resolveRename(r ir.Rename, index map[string][]renameTarget) {
	file, frag, _ := strings.Cut(string(r.Target), "#")
	var found []renameTarget
	for _, t := range index[frag] {
		if fileMatches(file, pointerFile(t.at)) {
			found = append(found, t)
		}
	}
	if len(found) == 0 {
		n.diags = append(n.diags, ir.Diagnostic{Pointer: r.From, Severity: ir.Warning,
			Message: "the rename of " + string(r.Target) + " " + RenameUnmatched + "; it is ignored",
			Hint:    "name a definition, property, enum, enum value, operation, or #/operationGroups/Group"})
		return
	}
	for _, t := range found[1:] {
		if t.at != found[0].at {
			n.diags = append(n.diags, ir.Diagnostic{Pointer: r.From,
				Message: "the rename of " + string(r.Target) + " matches both " + string(found[0].at) + " and " + string(t.at),
				Hint:    "put the file in the pointer, as in types.json#/definitions/Name"})
			return
		}
	}
	_, isOp := found[0].node.(*ir.Operation)
	name, group, ok := n.renameName(r, isOp)
	if !ok {
		return
	}
	to := renamed{name: name, group: group, from: r.From}
	if isOp {
		to.specGroup, _, _ = strings.Cut(r.Name, "_")
	}
	for _, t := range found {
		switch node := t.node.(type) {
		case *ir.Model:
			n.renames.models[node] = to
		case *ir.Enum:
			n.renames.enums[node] = to
		case *ir.Property:
			n.renames.fields[node.Pointer] = to
		case *ir.EnumValue:
			n.renames.consts[node] = to
		case *ir.Operation:
			n.renames.ops[node] = to
		case string:
			n.renames.groups[node] = to
		}
	}
}

// renameName makes the Go name a rename asks for: its name as given when
// it is a Go name, else made one as a spec name would be. An operation's
// may be Group_Method, which moves it to another group's client.
func (n *Names) renameName(r ir.Rename, op bool) (name, group string, ok bool) {
	name = r.Name
	if op {
		if g, m, cut := strings.Cut(name, "_"); cut {
			group, name = g, m
		}
	}
	fail := func(why string) (string, string, bool) {
		n.diags = append(n.diags, ir.Diagnostic{Pointer: r.From,
			Message: "cannot rename " + string(r.Target) + " to " + quote(r.Name) + ": " + why})
		return "", "", false
	}
	if !r.GoName {
		name = n.exported(name)
		if group != "" {
			group = n.exported(group)
		}
		if name == "" {
			return fail("it has no letters or digits")
		}
		return name, group, true
	}
	for i, part := range []string{name, group} {
		if i == 1 && part == "" {
			continue // no group given
		}
		first, _ := utf8.DecodeRuneInString(part)
		if !token.IsIdentifier(part) || !unicode.IsUpper(first) {
			return fail("it is not an exported Go identifier")
		}
	}
	return name, group, true
}

// fileMatches reports whether a rename's file part names file: empty
// matches any; else it must end file's path ("types.json",
// "v5/types.json"), whatever ./ and ../ lead it.
func fileMatches(want, file string) bool {
	if want == "" {
		return true
	}
	want = path.Clean(strings.ReplaceAll(want, `\`, "/"))
	for strings.HasPrefix(want, "../") {
		want = want[3:]
	}
	want = strings.TrimPrefix(want, "./")
	file = path.Clean(file)
	return file == want || strings.HasSuffix(file, "/"+want)
}

// groupName is the Go accessor of an operation's group: renamed, else the
// spec group's.
func (n *Names) groupName(op *ir.Operation) string {
	group := op.Group
	if r, ok := n.renames.ops[op]; ok && r.group != "" {
		if g, ok := n.renames.groups[r.specGroup]; ok {
			return g.name
		}
		return r.group
	}
	if r, ok := n.renames.groups[group]; ok {
		return r.name
	}
	return n.exported(group)
}

// methodName is the Go method of an operation: renamed, else the
// operationId's after the group.
func (n *Names) methodName(op *ir.Operation) string {
	if r, ok := n.renames.ops[op]; ok {
		return r.name
	}
	return n.exported(op.Name)
}

// fieldName is a property's Go field before collisions are settled.
func (n *Names) fieldName(p *ir.Property) string {
	if r, ok := n.renames.fields[p.Pointer]; ok {
		return r.name
	}
	return n.specName(p.ClientName, p.Name)
}
