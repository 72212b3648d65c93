package parser

import (
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"

	"github.com/armgen/armgen/ir"
)

var methods = []string{"get", "put", "post", "patch", "delete", "head", "options"}

// pathItem is a path of a file's paths or x-ms-paths.
type pathItem struct {
	section, path string
	n             *node // where it is written
	item          *openapi2.PathItem
	// template is path parsed; nil when it cannot be (see operations).
	template ir.Template
}

// pathItems lists a file's paths, then its x-ms-paths, each in spec order
// (kin-openapi keeps them in maps). x-ms-paths, an extension, is not typed
// in kin-openapi's document: kin-openapi reads each of its items here.
func (f *file) pathItems() []pathItem {
	var out []pathItem
	for _, section := range []string{"paths", "x-ms-paths"} {
		paths := f.tree.get(section)
		if paths == nil {
			continue
		}
		for i, p := range paths.keys {
			n := paths.vals[i]
			var item *openapi2.PathItem
			if n.kind == kindObject {
				item = decodePart[openapi2.PathItem](f, n, []string{section, p})
			}
			if item != nil {
				out = append(out, pathItem{section: section, path: p, n: n, item: item})
			}
		}
	}
	return out
}

// operations reads the paths (and x-ms-paths) of an input file.
func (b *builder) operations(f *file) {
	for _, p := range f.pathItems() {
		if !strings.HasPrefix(p.path, "/") {
			b.diags = append(b.diags, ir.Diagnostic{Pointer: f.ptr(p.section, p.path),
				Message: "path " + quote(p.path) + " does not start with /"})
		}
		t, err := ir.ParseTemplate(p.path)
		if err != nil {
			b.diags = append(b.diags, ir.Diagnostic{Pointer: f.ptr(p.section, p.path),
				Message: "path template " + quote(p.path) + ": " + err.Error(),
				Hint:    "name the parameter between the braces, and declare it with \"in\": \"path\""})
		}
		p.template = t
		for _, method := range methods {
			if op := p.item.GetOperation(strings.ToUpper(method)); op != nil {
				b.operation(f, p, method, op)
			}
		}
	}
}

// operation reads one method of one path.
func (b *builder) operation(f *file, p pathItem, method string, kop *openapi2.Operation) {
	at, template, n := []string{p.section, p.path}, p.path, p.n.get(method)
	opAt := append(slices.Clone(at), method)
	b.cur = site{f: f, tokens: opAt}
	op := &ir.Operation{
		ID:          kop.OperationID,
		Method:      strings.ToUpper(method),
		Path:        template,
		PathParts:   p.template,
		Summary:     kop.Summary,
		Description: kop.Description,
		Deprecated:  kop.Deprecated,
		Consumes:    slices.Clone(kop.Consumes),
		Produces:    slices.Clone(kop.Produces),
		Pointer:     f.ptr(opAt...),
	}
	if op.Consumes == nil {
		op.Consumes = slices.Clone(f.doc.Consumes)
	}
	if op.Produces == nil {
		op.Produces = slices.Clone(f.doc.Produces)
	}
	if op.ID == "" {
		op.ID = b.makeOperationID(op.Method, template)
		b.diags = append(b.diags, ir.Diagnostic{Pointer: op.Pointer, Severity: ir.Warning,
			Message: "operation has no operationId; armgen names it " + quote(op.ID) + " after its method and path",
			Hint:    "-rename " + string(op.Pointer) + "=Group_Name chooses another"})
	}
	op.Group, op.Name, _ = strings.Cut(op.ID, "_")
	if !strings.Contains(op.ID, "_") {
		op.Group, op.Name = "", op.ID
	}

	// Path-item parameters apply to every method; an operation's own
	// parameter of the same name and location replaces one.
	var params []*ir.Parameter
	for i, kp := range p.item.Parameters {
		pn := p.n.get("parameters").vals[i]
		if p := b.parameter(f, append(slices.Clone(at), "parameters", strconv.Itoa(i)), pn, kp, op.ID); p != nil {
			params = append(params, p)
		}
	}
	fromOp := map[string]ir.Pointer{}
	for i, kp := range kop.Parameters {
		pn := n.get("parameters").vals[i]
		p := b.parameter(f, append(slices.Clone(opAt), "parameters", strconv.Itoa(i)), pn, kp, op.ID)
		if p == nil {
			continue
		}
		key := string(p.In) + ":" + p.Name
		if first, dup := fromOp[key]; dup {
			b.diags = append(b.diags, ir.Diagnostic{Pointer: f.ptr(append(slices.Clone(opAt), "parameters", strconv.Itoa(i))...),
				Message: "parameter " + quote(p.Name) + " in " + string(p.In) + " is listed twice",
				Hint:    "the first is " + string(first)})
			continue
		}
		fromOp[key] = f.ptr(append(slices.Clone(opAt), "parameters", strconv.Itoa(i))...)
		if j := slices.IndexFunc(params, func(q *ir.Parameter) bool { return q.Name == p.Name && q.In == p.In }); j >= 0 {
			params[j] = p
			continue
		}
		params = append(params, p)
	}
	// Method-level parts of a parameterized host are arguments of every
	// operation, first or last as the spec says.
	if len(b.hostArgs) > 0 {
		if b.hostArgsLast {
			params = append(params, b.hostArgs...)
		} else {
			params = append(slices.Clone(b.hostArgs), params...)
		}
	}
	op.Params = params
	b.checkParams(op)

	b.responses(f, opAt, n, kop, op)
	b.extensions(f, opAt, kop, op)
	b.api.Operations = append(b.api.Operations, op)
}

// checkParams matches the path template against path parameters.
func (b *builder) checkParams(op *ir.Operation) {
	inTemplate := map[string]bool{}
	for _, name := range op.PathParts.Path().Params() {
		inTemplate[name] = true
		if op.Param(ir.InPath, name) == nil {
			b.diags = append(b.diags, ir.Diagnostic{Pointer: op.Pointer,
				Message: "path template parameter {" + name + "} has no parameter with \"in\": \"path\"",
				Hint:    "declare it in the operation's or the path's parameters"})
		}
	}
	bodies := 0
	for _, p := range op.Params {
		switch p.In {
		case ir.InPath:
			// A template that could not be read was reported as such.
			if !inTemplate[p.Name] && op.PathParts != nil {
				b.diags = append(b.diags, ir.Diagnostic{Pointer: p.Pointer,
					Message: "path parameter " + quote(p.Name) + " is not in the path template " + quote(op.Path)})
			}
			if !p.Required {
				b.diags = append(b.diags, ir.Diagnostic{Pointer: p.Pointer,
					Message: "path parameter " + quote(p.Name) + " must be required", Hint: `add "required": true`})
			}
		case ir.InBody:
			bodies++
			if bodies == 2 {
				b.diags = append(b.diags, ir.Diagnostic{Pointer: p.Pointer,
					Message: "more than one body parameter", Hint: "an operation has at most one body"})
			}
		}
	}
}
