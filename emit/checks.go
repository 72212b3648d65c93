package emit

import (
	"regexp"

	"github.com/armgen/armgen/emit/gocode"

	"github.com/armgen/armgen/ir"
)

// Request builders check arguments before anything is built: always that
// required path parameters are there, and, when the caller asks for it
// (ClientOptions.CheckConstraints), against the spec's constraints:
// parameters one by one, and a model body (with the models it holds)
// through the check method of each model that has constraints somewhere
// inside. The checks themselves are static (checkString, checkNumber,
// checkItems, checkUnique).

// paramCheck writes the checks of one parameter, each returning its error:
// without constraints, those that protect the request itself (a required
// path or host parameter is there and not empty: an empty one would
// change the URL's meaning); with constraints, those of the spec's
// constraints, which callers opt into (ClientOptions.CheckConstraints)
// since the service has the last word on them.
func (g *gen) paramCheck(og *opGen, p *ir.Parameter, constraints bool) gocode.Code {
	inPath := p.Required && (p.In == ir.InPath || p.In == ir.InHost)
	var checks []gocode.Code
	switch {
	case constraints && p.In == ir.InBody:
		checks = g.bodyChecks(og, p)
	case constraints:
		checks = g.valueChecks(gocode.Lit(p.Name), p.Type, p.Constraints, false, p.Pointer, g.paramValue(og, p, true))
	case inPath:
		checks = g.valueChecks(gocode.Lit(p.Name), p.Type, ir.Constraints{}, true, p.Pointer, g.paramValue(og, p, true))
	}
	if len(checks) == 0 {
		return nil
	}
	var stmts []gocode.Code
	for _, check := range checks {
		stmts = append(stmts, gocode.If(gocode.Err().Op(":=").Add(check), gocode.Err().Op("!=").Nil()).Block(gocode.Return(gocode.Nil(), gocode.Err())))
	}
	if set := g.isSet(og, p); set != nil {
		return gocode.If(set).Block(stmts...)
	}
	return gocode.Add(stmtList(stmts)...)
}

// stmtList joins statements so that gocode.Add writes each on its own line.
func stmtList(stmts []gocode.Code) []gocode.Code {
	var out []gocode.Code
	for i, s := range stmts {
		if i > 0 {
			out = append(out, gocode.Line())
		}
		out = append(out, s)
	}
	return out
}

// bodyChecks checks a model body, or the models of an array or map body,
// through their check methods.
func (g *gen) bodyChecks(og *opGen, p *ir.Parameter) []gocode.Code {
	value := g.paramValue(og, p, false)
	switch {
	case p.Type.Kind == ir.KindModel && g.needsCheck(p.Type):
		return []gocode.Code{value.Dot("check").Call(gocode.Lit(p.Name))}
	case (p.Type.Kind == ir.KindArray || p.Type.Kind == ir.KindMap) && g.needsCheck(p.Type.Elem):
		return []gocode.Code{gocode.Id("checkEach").Call(gocode.Lit(p.Name), value)}
	}
	return nil
}

// valueChecks are the check calls a value of type t with constraints c
// needs, named by name (an expression), or none. value is the value
// itself, not a pointer to it.
func (g *gen) valueChecks(name gocode.Code, t *ir.Type, c ir.Constraints, inPath bool, at ir.Pointer, value gocode.Code) []gocode.Code {
	switch t.Kind {
	case ir.KindEnum, ir.KindBytes, ir.KindBase64URL:
		if !inPath || t.Kind == ir.KindEnum && g.names.Enum(t.Ref).Base != ir.KindString {
			return nil
		}
		return []gocode.Code{gocode.Id("checkString").Call(name, gocode.String().Call(value), gocode.True(), gocode.Lit(0), gocode.Lit(-1), gocode.Lit(""))}
	case ir.KindString:
		if !inPath && c.MinLength == nil && c.MaxLength == nil && c.Pattern == "" {
			return nil
		}
		pattern := c.Pattern
		if pattern != "" {
			if _, err := regexp.Compile(pattern); err != nil {
				g.warn(at, "pattern %q is not RE2 syntax, which Go uses; it is not checked", pattern)
				pattern = ""
			}
		}
		minLen, maxLen := int64(0), int64(-1)
		if c.MinLength != nil {
			minLen = *c.MinLength
		}
		if c.MaxLength != nil {
			maxLen = *c.MaxLength
		}
		return []gocode.Code{gocode.Id("checkString").Call(name, value, gocode.Lit(inPath), gocode.Lit(int(minLen)), gocode.Lit(int(maxLen)), gocode.Lit(pattern))}
	case ir.KindInt32, ir.KindInt64, ir.KindFloat32, ir.KindFloat64:
		if c.Minimum == nil && c.Maximum == nil && c.MultipleOf == nil {
			return nil
		}
		lit := func(f *float64) gocode.Code {
			if f == nil {
				return gocode.Nil()
			}
			return gocode.Id(g.names.Fixed("Ptr")).Call(gocode.Float64().Call(gocode.Lit(*f)))
		}
		return []gocode.Code{gocode.Id("checkNumber").Call(name, gocode.Float64().Call(value), lit(c.Minimum), lit(c.Maximum),
			gocode.Lit(c.ExclusiveMinimum), gocode.Lit(c.ExclusiveMaximum), lit(c.MultipleOf))}
	case ir.KindArray:
		var checks []gocode.Code
		if c.MinItems != nil || c.MaxItems != nil || inPath {
			minItems, maxItems := int64(0), int64(-1)
			if c.MinItems != nil {
				minItems = *c.MinItems
			}
			if inPath {
				minItems = max(minItems, 1)
			}
			if c.MaxItems != nil {
				maxItems = *c.MaxItems
			}
			checks = append(checks, gocode.Id("checkItems").Call(name, gocode.Len(value), gocode.Lit(int(minItems)), gocode.Lit(int(maxItems))))
		}
		if c.UniqueItems && comparableElem(t.Elem) {
			checks = append(checks, gocode.Id("checkUnique").Call(name, value))
		}
		return checks
	}
	return nil
}

// comparableElem reports whether array elements compare by value with ==,
// as uniqueItems needs: numbers, strings, booleans and their enums, not
// nullable (pointers compare by address).
func comparableElem(t *ir.Type) bool {
	if t.Nullable {
		return false
	}
	switch t.Kind {
	case ir.KindBool, ir.KindInt32, ir.KindInt64, ir.KindFloat32, ir.KindFloat64, ir.KindString,
		ir.KindDuration, ir.KindTime, ir.KindEnum:
		return true
	}
	return false
}

// needsCheck reports whether values of t need a check method call: a
// model (not polymorphic, whose Go type is an interface) with constraints
// on its properties or in the models it holds.
func (g *gen) needsCheck(t *ir.Type) bool {
	if t == nil || t.Kind != ir.KindModel || g.iface(t) != "" {
		return false
	}
	g.checkedOnce.Do(g.findChecked)
	return g.checked[t.Ref]
}

// findChecked decides, for every model the client sends, whether it needs
// a check method: it has a property the caller sets (not read-only) with
// constraints, or one holding (directly, or as the
// elements of an array or map) a model that needs one. Models may hold
// each other, so this runs to a fixed point.
func (g *gen) findChecked() {
	g.checked = map[string]bool{}
	for _, m := range g.api.Models {
		if m.Usage&ir.UsageInput == 0 {
			continue // never sent
		}
		for _, p := range m.Properties {
			if p.ReadOnly {
				continue // the service's, not the caller's
			}
			if len(g.valueChecks(gocode.Lit(""), p.Type, p.Constraints, false, p.Pointer, gocode.Id("v"))) > 0 {
				g.checked[m.Key] = true
			}
		}
	}
	// A model needs one when it holds one: walk back from those found,
	// along "is held by", once per model (a fixed point found by repeated
	// passes would take as many passes as the longest chain of models).
	heldBy := map[string][]string{}
	for _, m := range g.api.Models {
		if m.Usage&ir.UsageInput == 0 {
			continue
		}
		for _, p := range m.Properties {
			t := p.Type
			if t.Kind == ir.KindArray || t.Kind == ir.KindMap {
				t = t.Elem
			}
			if !p.ReadOnly && t.Kind == ir.KindModel && g.iface(t) == "" {
				heldBy[t.Ref] = append(heldBy[t.Ref], m.Key)
			}
		}
	}
	var todo []string
	for key := range g.checked {
		todo = append(todo, key)
	}
	for len(todo) > 0 {
		key := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		for _, holder := range heldBy[key] {
			if !g.checked[holder] {
				g.checked[holder] = true
				todo = append(todo, holder)
			}
		}
	}
}

// modelCheck writes a model's check method: each constraint of a field
// that is set, then the models it holds, naming what fails by its path
// from the parameter ("body.child.count").
func (g *gen) modelCheck(w *goSrc, m *ir.Model, name string) {
	t := &ir.Type{Kind: ir.KindModel, Ref: m.Key}
	if !g.needsCheck(t) {
		return
	}
	var body []gocode.Code
	ret := func(check gocode.Code) gocode.Code {
		return gocode.If(gocode.Err().Op(":=").Add(check), gocode.Err().Op("!=").Nil()).Block(gocode.Return(gocode.Err()))
	}
	for _, p := range m.Properties {
		if p.ReadOnly {
			continue
		}
		field := gocode.Id("m").Dot(g.names.Field(p))
		at := gocode.Id("at").Op("+").Lit("." + p.Name)
		value := field.Clone()
		if isPointerField(g, p.Type) {
			value = gocode.Op("*").Add(field.Clone())
		}
		var stmts []gocode.Code
		for _, check := range g.valueChecks(at, p.Type, p.Constraints, false, p.Pointer, value) {
			stmts = append(stmts, ret(check))
		}
		switch {
		case p.Type.Kind == ir.KindModel && g.needsCheck(p.Type):
			stmts = append(stmts, ret(field.Clone().Dot("check").Call(at)))
		case (p.Type.Kind == ir.KindArray || p.Type.Kind == ir.KindMap) && g.needsCheck(p.Type.Elem):
			stmts = append(stmts, ret(gocode.Id("checkEach").Call(at, field.Clone())))
		}
		if len(stmts) == 0 {
			continue
		}
		switch p.Type.Kind {
		case ir.KindArray, ir.KindMap:
			// nil is unset: not sent, so not checked.
			body = append(body, gocode.If(field.Clone().Op("!=").Nil()).Block(stmts...))
		default:
			if isPointerField(g, p.Type) {
				body = append(body, gocode.If(field.Clone().Op("!=").Nil()).Block(stmts...))
			} else {
				body = append(body, stmts...)
			}
		}
	}
	body = append(body, gocode.Return(gocode.Nil()))
	w.doc("// check enforces the spec's constraints on the fields that are set; at names the value.")
	w.decl(gocode.Func().Params(gocode.Id("m").Op("*").Id(name)).Id("check").Params(gocode.Id("at").String()).Error().Block(body...))
}
