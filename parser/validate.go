package parser

import (
	"slices"
	"strconv"
	"strings"

	"github.com/armgen/armgen/ir"
)

// The checks here run once the API is built, over the whole of it: what
// cannot be seen while reading one schema or one operation at a time.
// They only add diagnostics; the builder has already reported what it
// could not read, and the same diagnostic twice is dropped by Sort.

// validate checks the built API and the input files' trees.
func (b *builder) validate(inputs []*file) {
	if n := len(b.api.Models) + len(b.api.Enums) + len(b.api.Operations); n > b.l.opts.Limits.MaxDeclarations {
		b.diags = append(b.diags, tooMany(inputs[0].ptr(), n, "models, enums and operations", b.l.opts.Limits.MaxDeclarations))
	}
	b.checkOperationIDs()
	for _, op := range b.api.Operations {
		b.checkOperationParams(op)
	}
	b.checkDiscriminatorValues()
	for _, f := range inputs {
		b.walkSchemas(f, b.checkDefault)
	}
}

// checkOperationIDs insists every operationId is unique, also ignoring
// case: they become Go method names, and specs meant for case-insensitive
// tools sometimes differ only in case.
func (b *builder) checkOperationIDs() {
	ops := slices.Clone(b.api.Operations)
	slices.SortFunc(ops, func(x, y *ir.Operation) int { return strings.Compare(string(x.Pointer), string(y.Pointer)) })
	first := map[string]*ir.Operation{}
	for _, op := range ops {
		key := strings.ToLower(op.ID)
		prev, dup := first[key]
		if !dup {
			first[key] = op
			continue
		}
		msg := "operationId " + quote(op.ID) + " is also the operationId of " + string(prev.Pointer)
		if prev.ID != op.ID {
			msg = "operationId " + quote(op.ID) + " differs only in case from " + quote(prev.ID) + " at " + string(prev.Pointer)
		}
		b.diags = append(b.diags, ir.Diagnostic{Pointer: ir.Pointer(string(op.Pointer) + "/operationId"), Message: msg,
			Hint: "operationIds must be unique: they name the Go methods"})
	}
}

// checkOperationParams looks at an operation's parameters together: the
// path item's and its own, merged.
func (b *builder) checkOperationParams(op *ir.Operation) {
	seen := map[string]*ir.Parameter{}
	var body, form *ir.Parameter
	for _, p := range op.Params {
		key := string(p.In) + ":" + p.Name
		if p.In == ir.InHeader {
			key = strings.ToLower(key) // header names are case-insensitive
		}
		if prev, dup := seen[key]; dup && prev.Pointer != p.Pointer {
			b.diags = append(b.diags, ir.Diagnostic{Pointer: p.Pointer,
				Message: "parameter " + quote(p.Name) + " in " + string(p.In) + " is listed twice",
				Hint:    "the first is " + string(prev.Pointer)})
			continue
		}
		seen[key] = p
		switch p.In {
		case ir.InBody:
			if body == nil {
				body = p
			}
		case ir.InFormData:
			if form == nil {
				form = p
			}
		}
	}
	if body != nil && form != nil {
		b.diags = append(b.diags, ir.Diagnostic{Pointer: form.Pointer,
			Message: "an operation cannot have both a body parameter and formData parameters",
			Hint:    "the body parameter is " + string(body.Pointer)})
	}
}

// checkDiscriminatorValues insists the models of one polymorphic family
// have distinct discriminator values: a value picks the type to decode.
func (b *builder) checkDiscriminatorValues() {
	byKey := make(map[string]*ir.Model, len(b.api.Models))
	for _, m := range b.api.Models {
		byKey[m.Key] = m
	}
	for _, base := range b.api.Models {
		if base.Discriminator == "" || len(base.Children) == 0 {
			continue
		}
		values := map[string]*ir.Model{}
		if base.DiscriminatorValue != "" {
			values[base.DiscriminatorValue] = base
		}
		for _, key := range base.Children {
			c := byKey[key]
			if c == nil || c.Base != base.Key || c.DiscriminatorValue == "" {
				continue
			}
			if prev, dup := values[c.DiscriminatorValue]; dup {
				b.diags = append(b.diags, ir.Diagnostic{Pointer: c.Pointer,
					Message: "discriminator value " + quote(c.DiscriminatorValue) + " of " + c.Name +
						" is also the value of " + prev.Name + " at " + string(prev.Pointer),
					Hint: "give each model of the family its own x-ms-discriminator-value"})
				continue
			}
			values[c.DiscriminatorValue] = c
		}
	}
}

// walkSchemas calls visit for every schema written in a file, and for
// every non-body parameter and header (which carry schema keywords
// themselves), with its location. The location is a stack the walk
// reuses: visit must copy it to keep it.
func (b *builder) walkSchemas(f *file, visit func(f *file, at []string, n *node)) {
	w := &schemaWalker{f: f, visit: visit, depth: b.l.opts.Limits.MaxDepth}
	root := f.tree
	// Room for the usual depth, so that appending to the stack does not
	// copy it.
	stack := make([]string, 0, 32)
	w.each(root.get("definitions"), append(stack, "definitions"), w.schema)
	w.each(root.get("parameters"), append(stack, "parameters"), w.parameter)
	w.each(root.get("responses"), append(stack, "responses"), w.response)
	for _, section := range []string{"paths", "x-ms-paths"} {
		w.each(root.get(section), append(stack, section), func(item *node, at []string) {
			w.list(item.get("parameters"), append(at, "parameters"), w.parameter)
			for _, method := range methods {
				op := item.get(method)
				if op == nil {
					continue
				}
				opAt := append(at, method)
				w.list(op.get("parameters"), append(opAt, "parameters"), w.parameter)
				w.each(op.get("responses"), append(opAt, "responses"), w.response)
			}
		})
	}
}

type schemaWalker struct {
	f     *file
	visit func(f *file, at []string, n *node)
	depth int
}

func (w *schemaWalker) each(n *node, at []string, fn func(*node, []string)) {
	if n == nil || n.kind != kindObject {
		return
	}
	for i, k := range n.keys {
		fn(n.vals[i], append(at, k))
	}
}

func (w *schemaWalker) list(n *node, at []string, fn func(*node, []string)) {
	if n == nil || n.kind != kindArray {
		return
	}
	for i, v := range n.vals {
		fn(v, append(at, strconv.Itoa(i)))
	}
}

func (w *schemaWalker) schema(n *node, at []string) {
	if n == nil || n.kind != kindObject || len(at) > w.depth {
		return
	}
	w.visit(w.f, at, n)
	w.each(n.get("properties"), append(at, "properties"), w.schema)
	w.schema(n.get("items"), append(at, "items"))
	w.schema(n.get("additionalProperties"), append(at, "additionalProperties"))
	w.list(n.get("allOf"), append(at, "allOf"), w.schema)
}

func (w *schemaWalker) parameter(n *node, at []string) {
	if n == nil || n.kind != kindObject || n.get("$ref") != nil {
		return
	}
	if n.get("in").text() == "body" {
		w.schema(n.get("schema"), append(at, "schema"))
		return
	}
	w.items(n, at)
}

// items visits a non-body parameter or header and its nested items.
func (w *schemaWalker) items(n *node, at []string) {
	for n != nil && n.kind == kindObject && len(at) <= w.depth {
		w.visit(w.f, at, n)
		n, at = n.get("items"), append(at, "items")
	}
}

func (w *schemaWalker) response(n *node, at []string) {
	if n == nil || n.kind != kindObject || n.get("$ref") != nil {
		return
	}
	w.schema(n.get("schema"), append(at, "schema"))
	w.each(n.get("headers"), append(at, "headers"), w.items)
}

// checkDefault insists a default has the schema's type and, for a closed
// enum, is one of its values: generated code sends and documents it.
func (b *builder) checkDefault(f *file, at []string, n *node) {
	b.cur = site{f: f, tokens: at, n: n}
	d := n.get("default")
	if d == nil || d.kind == kindNull {
		return
	}
	// Keywords beside a $ref describe this use of the named schema, which
	// gives the type when they do not.
	typed := n
	if n.get("type") == nil && n.get("enum") == nil && n.get("$ref") != nil {
		r, ok := b.follow(siteAt(f, at, n))
		if !ok {
			return
		}
		typed = r.n
	}
	at = append(slices.Clone(at), "default")
	typ := typed.get("type").text()
	if typ != "" && !fitsType(typ, d) {
		// Dropped where it is read (defaultText): a default documents a
		// value and fills no request.
		b.diags = append(b.diags, ir.Diagnostic{Pointer: f.ptr(at...), Severity: ir.Warning,
			Message: "default " + shortJSON(d) + " is not " + typeArticle(typ) + "; armgen ignores it",
			Hint:    "a default must have the schema's type"})
		return
	}
	enum := typed.get("enum")
	if enum == nil || enum.kind != kindArray {
		return
	}
	for _, v := range enum.vals {
		if sameValue(v, d) {
			return
		}
	}
	open := typed.get("x-ms-enum").get("modelAsString").isTrue()
	diag := ir.Diagnostic{Pointer: f.ptr(at...),
		Message: "default " + shortJSON(d) + " is not one of the enum values " + enumList(enum),
		Hint:    "a default must be one of the enum's values"}
	if open {
		// An open enum (modelAsString) admits values it does not list;
		// still worth saying, as it is usually a typo.
		diag.Severity = ir.Warning
		diag.Message += " of this open enum"
	}
	b.diags = append(b.diags, diag)
}

// fitsType reports whether a JSON value has a Swagger type.
func fitsType(typ string, v *node) bool {
	switch typ {
	case "string":
		return v.kind == kindString
	case "integer":
		return v.kind == kindNumber && isIntegral(v.str)
	case "number":
		return v.kind == kindNumber
	case "boolean":
		return v.kind == kindBool
	case "array":
		return v.kind == kindArray
	case "object":
		return v.kind == kindObject
	}
	return true // file, or an unknown type reported elsewhere
}

// isIntegral reports whether JSON number text is a whole number (1, -3,
// 2.0, 1e3).
func isIntegral(text string) bool {
	if _, err := strconv.ParseInt(text, 10, 64); err == nil {
		return true
	}
	f, err := strconv.ParseFloat(text, 64)
	return err == nil && f == float64(int64(f))
}

// sameValue compares two JSON scalars by meaning: numbers by value.
func sameValue(a, b *node) bool {
	if a.kind != b.kind {
		return false
	}
	if a.kind == kindNumber {
		x, errX := strconv.ParseFloat(a.str, 64)
		y, errY := strconv.ParseFloat(b.str, 64)
		return errX == nil && errY == nil && x == y
	}
	if a.kind == kindObject || a.kind == kindArray {
		return string(a.appendJSON(nil)) == string(b.appendJSON(nil))
	}
	return a.str == b.str
}

// swaggerType names an IR type the way the spec would: "integer", not int64.
func swaggerType(t *ir.Type) string {
	switch t.Kind {
	case ir.KindBool:
		return "boolean"
	case ir.KindInt32, ir.KindInt64, ir.KindUnixTime:
		return "integer"
	case ir.KindFloat32, ir.KindFloat64:
		return "number"
	case ir.KindArray:
		return "array"
	case ir.KindMap, ir.KindModel, ir.KindAny:
		return "object"
	case ir.KindEnum:
		return "enum"
	}
	return "string"
}

func typeArticle(typ string) string {
	switch typ {
	case "integer", "array", "object", "enum":
		return "an " + typ
	}
	return "a " + typ
}

// shortJSON renders a value for a message, cut short when long.
func shortJSON(n *node) string {
	s := string(n.appendJSON(nil))
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

// enumList renders an enum's values for a message, the first few only.
func enumList(enum *node) string {
	var parts []string
	for i, v := range enum.vals {
		if i == 8 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, shortJSON(v))
	}
	return strings.Join(parts, ", ")
}

// cycleDiagnostic reports a cycle of $refs that never reaches a schema,
// given where each of its $refs is. Whichever member a walk starts from,
// the diagnostic is the same, so the cycle is reported once.
func cycleDiagnostic(members []ir.Pointer) ir.Diagnostic {
	start := 0
	for i, p := range members {
		if p < members[start] {
			start = i
		}
	}
	ordered := append(slices.Clone(members[start:]), members[:start]...)
	file, _, _ := strings.Cut(string(ordered[0]), "#")
	var names []string
	for _, p := range append(ordered, ordered[0]) {
		names = append(names, strings.TrimPrefix(string(p), file))
	}
	msg := "reference cycle: " + strings.Join(names, " → ") + " never reaches a schema"
	if len(members) == 1 {
		msg = "the schema is a $ref to itself"
	}
	return ir.Diagnostic{Pointer: ordered[0] + "/$ref", Message: msg,
		Hint: "a schema that is only a $ref must lead to a schema with a type or properties"}
}

// parameterType checks the type of a parameter that is not a body: such a
// parameter carries its type itself, and it must be one a URL or header
// can hold.
func (c *checker) parameterType(n *node) {
	in := n.get("in").text()
	if n.get("$ref") != nil || in == "" {
		return
	}
	if in == "body" {
		if n.get("schema") == nil {
			c.errorf(`add "schema", such as {"$ref": "#/definitions/Name"}`, "a body parameter needs \"schema\"")
		}
		return
	}
	typ := n.get("type")
	if typ == nil {
		if n.get("schema") != nil {
			c.errorf(`only a body parameter has a "schema"; give this one a "type"`, "a %s parameter needs \"type\"", in)
		} else {
			c.errorf(`add "type": "string" (or integer, number, boolean, array)`, "a %s parameter needs \"type\"", in)
		}
		return
	}
	if typ.kind != kindString {
		return // the keyword check reports it
	}
	c.push("type")
	defer c.pop()
	switch typ.str {
	case "string", "number", "integer", "boolean", "array":
	case "file":
		if in != "formData" {
			c.errorf(`"file" is for formData parameters; a body of bytes is "in": "body" with "schema": {"type": "string", "format": "binary"}`,
				"a %s parameter cannot be a file", in)
		}
	case "object":
		c.errorf(`only a body parameter can be an object, with "in": "body" and a "schema"`, "a %s parameter cannot be an object", in)
	default:
		c.errorf("a parameter's type is string, number, integer, boolean or array", "unknown type %q", typ.str)
	}
}

// where is the spec location the parser is working on, for the report of
// a panic: the keyword being checked, else the file being read, else the
// schema or operation being built.
func (b *builder) where() ir.Pointer {
	switch {
	case b.l.checking != nil:
		return b.l.checking.at()
	case b.l.working != "":
		return b.l.working
	case b.cur.f != nil:
		return b.cur.ptr()
	}
	return ""
}

// tooLarge counts the definitions and operations of an input file and
// reports when, with the inputs before it, they pass the limit. It runs
// before the file is decoded: the cost of such a spec is in decoding and
// generating it, and it would be refused afterwards anyway.
func (l *loader) tooLarge(f *file) bool {
	if defs := f.tree.get("definitions"); defs != nil {
		l.declared += len(defs.keys)
	}
	for _, section := range []string{"paths", "x-ms-paths"} {
		if paths := f.tree.get(section); paths != nil {
			for _, item := range paths.vals {
				for _, m := range methods {
					if item.get(m) != nil {
						l.declared++
					}
				}
			}
		}
	}
	if l.declared <= l.opts.Limits.MaxDeclarations {
		return false
	}
	l.diags = append(l.diags, tooMany(f.ptr(), l.declared, "definitions and operations", l.opts.Limits.MaxDeclarations))
	return true
}

func tooMany(at ir.Pointer, n int, what string, limit int) ir.Diagnostic {
	return ir.Diagnostic{Pointer: at,
		Message: "the API has " + itoa(n) + " " + what + ", more than the limit of " + itoa(limit),
		Hint:    "armgen refuses to generate that much code; split the spec, or raise parser.Limits.MaxDeclarations"}
}
