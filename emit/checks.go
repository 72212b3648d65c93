package emit

import (
	"regexp"

	"github.com/dave/jennifer/jen"

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
func (g *gen) paramCheck(og *opGen, p *ir.Parameter, constraints bool) []jen.Code {
	inPath := p.Required && (p.In == ir.InPath || p.In == ir.InHost)
	var checks []jen.Code
	switch {
	case constraints && p.In == ir.InBody:
		checks = g.bodyChecks(og, p)
	case constraints:
		checks = g.valueChecks(jen.Lit(p.Name), p.Type, p.Constraints, false, p.Pointer, g.paramValue(og, p, true))
	case inPath:
		checks = g.valueChecks(jen.Lit(p.Name), p.Type, ir.Constraints{}, true, p.Pointer, g.paramValue(og, p, true))
	}
	if len(checks) == 0 {
		return nil
	}
	var stmts []jen.Code
	for _, check := range checks {
		stmts = append(stmts, jen.If(jen.Err().Op(":=").Add(check), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())))
	}
	if set := g.isSet(og, p); set != nil {
		return []jen.Code{jen.If(set).Block(stmts...)}
	}
	return stmts
}

// bodyChecks checks a model body, or the models of an array or map body,
// through their check methods.
func (g *gen) bodyChecks(og *opGen, p *ir.Parameter) []jen.Code {
	value := g.paramValue(og, p, false)
	switch {
	case p.Type.Kind == ir.KindModel && g.needsCheck(p.Type):
		return []jen.Code{value.Dot("check").Call(jen.Lit(p.Name))}
	case (p.Type.Kind == ir.KindArray || p.Type.Kind == ir.KindMap) && g.needsCheck(p.Type.Elem):
		return []jen.Code{jen.Id("checkEach").Call(jen.Lit(p.Name), value)}
	}
	return nil
}

// valueChecks are the check calls a value of type t with constraints c
// needs, named by name (an expression), or none. value is the value
// itself, not a pointer to it.
func (g *gen) valueChecks(name jen.Code, t *ir.Type, c ir.Constraints, inPath bool, at ir.Pointer, value jen.Code) []jen.Code {
	switch t.Kind {
	case ir.KindEnum, ir.KindBytes, ir.KindBase64URL:
		if !inPath || t.Kind == ir.KindEnum && g.names.Enum(t.Ref).Base != ir.KindString {
			return nil
		}
		return []jen.Code{jen.Id("checkString").Call(name, jen.String().Call(value), jen.True(), jen.Lit(0), jen.Lit(-1), jen.Lit(""))}
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
		return []jen.Code{jen.Id("checkString").Call(name, value, jen.Lit(inPath), jen.Lit(int(minLen)), jen.Lit(int(maxLen)), jen.Lit(pattern))}
	case ir.KindInt32, ir.KindInt64, ir.KindFloat32, ir.KindFloat64:
		if c.Minimum == nil && c.Maximum == nil && c.MultipleOf == nil {
			return nil
		}
		lit := func(f *float64) jen.Code {
			if f == nil {
				return jen.Nil()
			}
			return jen.Id(g.names.Fixed().Ptr).Call(jen.Float64().Call(jen.Lit(*f)))
		}
		return []jen.Code{jen.Id("checkNumber").Call(name, jen.Float64().Call(value), lit(c.Minimum), lit(c.Maximum),
			jen.Lit(c.ExclusiveMinimum), jen.Lit(c.ExclusiveMaximum), lit(c.MultipleOf))}
	case ir.KindArray:
		var checks []jen.Code
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
			checks = append(checks, jen.Id("checkItems").Call(name, jen.Len(value), jen.Lit(int(minItems)), jen.Lit(int(maxItems))))
		}
		if c.UniqueItems && comparableElem(t.Elem) {
			checks = append(checks, jen.Id("checkUnique").Call(name, value))
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
			if len(g.valueChecks(jen.Lit(""), p.Type, p.Constraints, false, p.Pointer, jen.Id("v"))) > 0 {
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
func (g *gen) modelCheck(f *jen.File, m *ir.Model, name string) {
	t := &ir.Type{Kind: ir.KindModel, Ref: m.Key}
	if !g.needsCheck(t) {
		return
	}
	var body []jen.Code
	ret := func(check jen.Code) jen.Code {
		return jen.If(jen.Err().Op(":=").Add(check), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
	}
	for _, p := range m.Properties {
		if p.ReadOnly {
			continue
		}
		field := jen.Id("m").Dot(g.names.Field(p))
		at := jen.Id("at").Op("+").Lit("." + p.Name)
		value := field.Clone()
		if g.isPointerField(p.Type) {
			value = jen.Op("*").Add(field.Clone())
		}
		var stmts []jen.Code
		for _, check := range g.valueChecks(at, p.Type, p.Constraints, false, p.Pointer, value) {
			stmts = append(stmts, ret(check))
		}
		switch {
		case p.Type.Kind == ir.KindModel && g.needsCheck(p.Type):
			stmts = append(stmts, ret(field.Clone().Dot("check").Call(at)))
		case (p.Type.Kind == ir.KindArray || p.Type.Kind == ir.KindMap) && g.needsCheck(p.Type.Elem):
			stmts = append(stmts, ret(jen.Id("checkEach").Call(at, field.Clone())))
		}
		if len(stmts) == 0 {
			continue
		}
		switch p.Type.Kind {
		case ir.KindArray, ir.KindMap:
			// nil is unset: not sent, so not checked.
			body = append(body, jen.If(field.Clone().Op("!=").Nil()).Block(stmts...))
		default:
			if g.isPointerField(p.Type) {
				body = append(body, jen.If(field.Clone().Op("!=").Nil()).Block(stmts...))
			} else {
				body = append(body, stmts...)
			}
		}
	}
	body = append(body, jen.Return(jen.Nil()))
	f.Comment("// check enforces the spec's constraints on the fields that are set; at names the value.")
	f.Func().Params(jen.Id("m").Op("*").Id(name)).Id("check").Params(jen.Id("at").String()).Error().Block(body...)
	f.Line()
}
