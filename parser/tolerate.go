package parser

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/armgen/armgen/ir"
)

// Sloppy but meaningful specs: what AutoRest reads with a warning, armgen
// reads too, each with a warning saying how (which -strict makes an error).
// The fallbacks are documented in the README.

// primitiveAllOf reports whether a schema is an allOf of schemas that are
// not objects, with nothing of its own that makes an object (properties,
// additionalProperties, a discriminator): {"allOf": [{"$ref": Name}]} where
// Name is a string, or {"type": "string", "allOf": [{"$ref": SomeEnum}]}.
// It is read as the first member. It returns that member's site.
func (b *builder) primitiveAllOf(s site) (site, bool) {
	sch := s.s
	if len(sch.AllOf) == 0 || sch.Properties != nil || hasAdditional(sch) || sch.Discriminator != "" {
		return site{}, false
	}
	if t := schemaType(sch); t == "object" {
		return site{}, false
	}
	var first site
	firstType := ""
	parts := s.n.get("allOf")
	for i, sr := range sch.AllOf {
		ps := s.child(parts.vals[i], sr, "allOf", strconv.Itoa(i))
		r, ok := b.follow(ps)
		if !ok || modelLike(r.s) {
			return site{}, false
		}
		t := schemaType(r.s)
		switch {
		case t == "" || t == "object":
			return site{}, false
		case i == 0:
			first, firstType = ps, t
		case t != firstType:
			return site{}, false // members that disagree are reported where the model is read
		}
	}
	return first, true
}

// intEnumValue reads an integer or number enum value written as a string
// ("12"), as AutoRest does: its JSON text as a number, or "" when the
// string is not one.
func intEnumValue(base ir.Kind, v string) string {
	text := strings.TrimSpace(v)
	switch base {
	case ir.KindInt32, ir.KindInt64:
		if _, err := strconv.ParseInt(text, 10, 64); err == nil {
			return text
		}
	case ir.KindFloat32, ir.KindFloat64:
		if f, err := strconv.ParseFloat(text, 64); err == nil && !strings.ContainsAny(text, "xXnN_") {
			return strconv.FormatFloat(f, 'g', -1, 64)
		}
	}
	return ""
}

// defaultText is a default's JSON text as written (the tree's: kin-openapi
// decodes numbers to float64), or "" when it does not have its schema's
// type typ: a mistyped default ("{}" for an object) is dropped, as
// checkDefault warns.
func defaultText(d *node, typ string) string {
	if d == nil {
		return ""
	}
	if typ != "" && !fitsType(typ, d) {
		return ""
	}
	return string(d.appendJSON(nil))
}

// operationIDs collects the operationIds the input files give, so that
// one armgen makes up for an operation without one takes none of them.
func (b *builder) operationIDs(inputs []*file) {
	b.opIDs = map[string]bool{}
	for _, f := range inputs {
		for _, p := range f.pathItems() {
			for _, m := range methods {
				if op := p.item.GetOperation(strings.ToUpper(m)); op != nil && op.OperationID != "" {
					b.opIDs[strings.ToLower(op.OperationID)] = true
				}
			}
		}
	}
}

// verbs name what a method does to the resource a path ends at.
var verbs = map[string]string{
	"GET": "Get", "PUT": "CreateOrUpdate", "PATCH": "Update", "DELETE": "Delete",
	"HEAD": "CheckExistence", "POST": "Post", "OPTIONS": "Options",
}

// makeOperationID names an operation that has no operationId after its
// method and path, as ARM paths read: GET /things/{name} is Things_Get,
// GET /things Things_List, POST /things/{name}/restart Things_Restart. A
// name another operation has gets a number.
func (b *builder) makeOperationID(method, template string) string {
	pathPart, _, _ := strings.Cut(template, "?")
	var segs []string
	for _, s := range strings.Split(pathPart, "/") {
		if s != "" {
			segs = append(segs, s)
		}
	}
	isParam := func(i int) bool { return i >= 0 && i < len(segs) && strings.HasPrefix(segs[i], "{") }
	last := len(segs) - 1
	verb := verbs[method]
	group, name := "", verb
	switch {
	case last < 0:
	case isParam(last):
		group = staticBefore(segs, last)
	case isParam(last - 1):
		group = staticBefore(segs, last-1)
		if method == "POST" {
			name = idWord(segs[last])
		} else {
			name = verb + idWord(segs[last])
		}
	default:
		group = idWord(segs[last])
		switch method {
		case "GET":
			name = "List"
		case "POST":
			name = "Create"
		}
	}
	id := name
	if group != "" {
		id = group + "_" + name
	}
	out := id
	for i := 2; b.opIDs[strings.ToLower(out)]; i++ {
		out = id + strconv.Itoa(i)
	}
	b.opIDs[strings.ToLower(out)] = true
	return out
}

// staticBefore is the last path segment before i that is not a parameter,
// as an operationId word.
func staticBefore(segs []string, i int) string {
	for j := i - 1; j >= 0; j-- {
		if !strings.HasPrefix(segs[j], "{") {
			return idWord(segs[j])
		}
	}
	return ""
}

// idWord makes a path segment a word of an operationId: its letters and
// digits, the first in upper case ("virtualMachines" → VirtualMachines,
// "Microsoft.Compute" → MicrosoftCompute).
func idWord(s string) string {
	var b strings.Builder
	upper := true
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			upper = true
			continue
		}
		if upper {
			r = unicode.ToUpper(r)
			upper = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// firstTypeOf is the JSON type of the schema a site leads to.
func firstTypeOf(b *builder, s site) string {
	r, ok := b.follow(s)
	if !ok {
		return ""
	}
	return schemaType(r.s)
}

// twoModels reports whether two types are different models in the same
// place: two models, or arrays or maps of them, as deep as each other.
func twoModels(a, b *ir.Type) bool {
	for a != nil && b != nil && a.Kind == b.Kind && (a.Kind == ir.KindArray || a.Kind == ir.KindMap) {
		a, b = a.Elem, b.Elem
	}
	return a != nil && b != nil && a.Kind == ir.KindModel && b.Kind == ir.KindModel
}

// checkHost refuses a host with a scheme or a path, which Swagger 2.0 puts
// elsewhere: read as it is, it would make an endpoint such as
// https://https://management.azure.com.
func (b *builder) checkHost(f *file) {
	host := b.api.Host
	at := f.ptr("host")
	if scheme, rest, ok := strings.Cut(host, "://"); ok {
		name, path, hasPath := strings.Cut(rest, "/")
		fix := `write "host": ` + quote(name) + `, "schemes": [` + quote(strings.ToLower(scheme)) + `]`
		if hasPath && strings.Trim(path, "/") != "" {
			fix += ` and "basePath": ` + quote("/"+strings.Trim(path, "/"))
		}
		b.diags = append(b.diags, ir.Diagnostic{Pointer: at,
			Message: "host " + quote(host) + " has a scheme",
			Hint:    fix + ` (Swagger 2.0's host is a name and an optional port)`})
		return
	}
	if name, path, ok := strings.Cut(host, "/"); ok {
		b.diags = append(b.diags, ir.Diagnostic{Pointer: at,
			Message: "host " + quote(host) + " has a path",
			Hint:    `write "host": ` + quote(name) + ` and "basePath": ` + quote("/"+strings.Trim(path, "/")) + ` (Swagger 2.0's host is a name and an optional port)`})
	}
}

// modelsText renders a type of models for a message, each model by its
// pointer: two copies of one definition have the same name.
func (b *builder) modelsText(t *ir.Type) string {
	switch t.Kind {
	case ir.KindArray:
		return "an array of " + b.modelsText(t.Elem)
	case ir.KindMap:
		return "a map of " + b.modelsText(t.Elem)
	case ir.KindModel:
		if st := b.models[b.keys[t.Ref]]; st != nil {
			return string(st.m.Pointer)
		}
	}
	return t.String()
}
