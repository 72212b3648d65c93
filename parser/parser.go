// Package parser reads Swagger 2.0 specs (JSON or YAML, Azure-flavoured
// with x-ms-* extensions) and builds the IR.
//
// Each file is read twice. First into a node tree of armgen's own (tree.go,
// yaml.go), which knows where everything is written: syntax, encoding,
// duplicate keys and nesting depth are checked there, and the keyword
// checks (check.go) say where a keyword has the wrong type. Then
// kin-openapi decodes the file into its openapi2 types (kin.go), and the IR
// is built from kin-openapi's reading. The tree is consulted only for what
// that reading does not keep: where each thing is written (JSON pointers,
// and the order of keys, which kin-openapi's maps lose), what a $ref
// points to (kin-openapi does not resolve Swagger 2.0 references: refs.go
// resolves them, locally and across files), the keywords beside a $ref
// other than extensions, which kin-openapi drops, and the JSON text of
// enum values and defaults, which the IR keeps as written (kin-openapi
// decodes numbers to float64). Checks of the spec as a whole, such as
// defaults against their types, walk the tree, where locations are.
//
// Problems come back as diagnostics, all of them, sorted; the parser never
// stops at the first.
package parser

import (
	"maps"
	"slices"
	"strings"

	"github.com/armgen/armgen/internal/crash"
	"github.com/armgen/armgen/ir"
)

// Parse reads the named spec files as one API. It does not panic: a bug
// that would is reported as an internal error at the spec location being
// read.
func Parse(names []string, opts Options) (api *ir.API, diags ir.Diagnostics) {
	if len(names) == 0 {
		return nil, ir.Diagnostics{{Message: "no spec files"}}
	}
	l := newLoader(opts, names[0])
	b := newBuilder(l)
	defer func() {
		if r := recover(); r != nil {
			all := append(append(slices.Clone(b.diags), l.diags...), crash.Diagnostic(b.where(), r))
			api, diags = nil, all.Sort()
		}
	}()
	var inputs []*file
	for _, name := range names {
		f := l.load(name, true, "")
		if !slices.Contains(inputs, f) {
			inputs = append(inputs, f)
		}
	}
	b.diags = append(b.diags, l.diags...)
	l.diags = nil
	if b.diags.HasErrors() {
		return nil, b.finish()
	}
	b.build(inputs)
	b.validate(inputs)
	b.diags = append(b.diags, l.diags...)
	for _, f := range l.files {
		b.diags = append(b.diags, f.diags...)
	}
	if b.diags.HasErrors() {
		return nil, b.finish()
	}
	return b.api, b.finish()
}

func (b *builder) finish() ir.Diagnostics {
	return b.diags.Sort()
}

// build fills the API from the input files.
func (b *builder) build(inputs []*file) {
	api := b.api
	first := inputs[0]
	doc := first.doc
	api.Title = doc.Info.Title
	api.Description = doc.Info.Description
	api.Version = doc.Info.Version
	api.Host = doc.Host
	b.checkHost(first)
	api.BasePath = strings.TrimSuffix(doc.BasePath, "/")
	api.Schemes = slices.Clone(doc.Schemes)
	if len(api.Schemes) == 0 {
		api.Schemes = []string{"https"}
	}
	for _, f := range inputs[1:] {
		if v := f.doc.Info.Version; v != "" && v != api.Version && api.Version != "" {
			b.diags.Warn(f.ptr("info", "version"), "version %q differs from %q in %s; the API uses %q",
				v, api.Version, first.name, api.Version)
		}
	}
	b.security(first)
	b.parameterizedHost(first)
	b.operationIDs(inputs)
	for _, f := range inputs {
		b.operations(f)
	}
	// Every definition of an input file is part of the API, used or not,
	// as users expect from a spec's own definitions; in spec order.
	for _, f := range inputs {
		defs := f.tree.get("definitions")
		if defs == nil {
			continue
		}
		for _, name := range defs.keys {
			b.definition(f, name)
		}
	}
	b.fillPending()
	b.polymorphism()
	b.constants()
	b.usage()
	if b.l.opts.Examples {
		b.loadExamples()
	}
	b.sortAPI()
	api.Inputs = len(inputs)
	for _, f := range sortedFiles(b.l.files) {
		if !slices.Contains(inputs, f) {
			inputs = append(inputs, f)
		}
	}
	for _, f := range inputs {
		api.Files = append(api.Files, f.name)
	}
}

func sortedFiles(m map[string]*file) []*file {
	fs := make([]*file, 0, len(m))
	for _, f := range m {
		fs = append(fs, f)
	}
	slices.SortFunc(fs, func(a, b *file) int { return strings.Compare(a.name, b.name) })
	return fs
}

// security reads securityDefinitions in name order.
func (b *builder) security(f *file) {
	for _, name := range slices.Sorted(maps.Keys(f.doc.SecurityDefinitions)) {
		s := f.doc.SecurityDefinitions[name]
		if s == nil {
			continue
		}
		scheme := &ir.SecurityScheme{
			Name: name, Type: s.Type, Description: s.Description, Flow: s.Flow,
			AuthorizationURL: s.AuthorizationURL, TokenURL: s.TokenURL,
			In: s.In, ParamName: s.Name, Pointer: f.ptr("securityDefinitions", name),
		}
		for _, k := range slices.Sorted(maps.Keys(s.Scopes)) {
			scheme.Scopes = append(scheme.Scopes, ir.Scope{Name: k, Description: s.Scopes[k]})
		}
		b.api.Security = append(b.api.Security, scheme)
	}
}

// sortAPI fixes the order of everything the maps and discovery left loose.
func (b *builder) sortAPI() {
	api := b.api
	slices.SortFunc(api.Models, func(x, y *ir.Model) int { return strings.Compare(x.Key, y.Key) })
	slices.SortFunc(api.Enums, func(x, y *ir.Enum) int { return strings.Compare(x.Key, y.Key) })
	slices.SortFunc(api.Operations, func(x, y *ir.Operation) int {
		if c := strings.Compare(x.Group, y.Group); c != 0 {
			return c
		}
		if c := strings.Compare(x.Name, y.Name); c != 0 {
			return c
		}
		return strings.Compare(string(x.Pointer), string(y.Pointer))
	})
	slices.SortFunc(api.ClientParams, func(x, y *ir.Parameter) int {
		if c := strings.Compare(x.Name, y.Name); c != 0 {
			return c
		}
		return strings.Compare(string(x.In), string(y.In))
	})
}
