package parser

import (
	"slices"
	"strconv"

	"github.com/getkin/kin-openapi/openapi2"

	"github.com/armgen/armgen/ir"
)

// parameter reads one parameter, written at pn and read by kin-openapi as
// kp, following a $ref to a shared one.
func (b *builder) parameter(f *file, at []string, pn *node, kp *openapi2.Parameter, opID string) *ir.Parameter {
	global, shared := false, false
	pf, pat := f, at
	if ref := pn.get("$ref"); ref != nil {
		shared = true
		t, ok := b.resolve(f, at, ref.text())
		if !ok {
			return nil
		}
		if t.n.get("$ref") != nil {
			b.diags.Add(f.ptr(append(at, "$ref")...), "a parameter reference must lead to a parameter, not another reference")
			return nil
		}
		pf, pat, pn = t.f, t.tokens, t.n
		global = len(t.tokens) == 2 && t.tokens[0] == "parameters"
	}
	if pn.kind != kindObject {
		return nil
	}
	if shared || kp == nil {
		// A shared parameter, or one a $ref leads to elsewhere.
		if global {
			kp = pf.parameter(pat[1])
		} else {
			kp = decodePart[openapi2.Parameter](pf, pn, pat)
		}
		if kp == nil {
			return nil // decodePart said why
		}
	}
	ext := kp.Extensions
	p := &ir.Parameter{
		Name:             kp.Name,
		ClientName:       extString(ext, "x-ms-client-name"),
		In:               ir.Location(kp.In),
		Required:         kp.Required,
		Description:      kp.Description,
		CollectionFormat: kp.CollectionFormat,
		SkipURLEncoding:  extBool(ext, "x-ms-skip-url-encoding"),
		Flatten:          extBool(ext, "x-ms-client-flatten"),
		HeaderPrefix:     extString(ext, "x-ms-header-collection-prefix"),
		Pointer:          pf.ptr(pat...),
	}
	if p.Name == "" {
		b.diags.Add(p.Pointer, "parameter has no name")
		return nil
	}
	if kp.In != "body" {
		p.Default = defaultText(pn.get("default"), schemaType(paramSchema(kp))) // dropped when mistyped: checkDefault warns
	}
	switch loc := extString(ext, "x-ms-parameter-location"); loc {
	case "client":
		p.Client = true
	case "method":
	case "":
		// Shared parameters belong to the client unless they say otherwise,
		// as AutoRest reads them.
		p.Client = global
	default:
		b.diags = append(b.diags, ir.Diagnostic{Pointer: pf.ptr(append(pat, "x-ms-parameter-location")...),
			Message: "unknown x-ms-parameter-location " + quote(loc), Hint: `use "client" or "method"`})
	}
	// x-ms-api-version: false says an api-version query parameter is the
	// operation's own, not the API's version.
	if v, ok := ext["x-ms-api-version"]; p.In == ir.InQuery && p.Name == "api-version" && (!ok || v == true) {
		p.APIVersion = true
		p.Client = false
	}
	hint := opID + "." + p.Name
	if global {
		hint = pat[1]
	}
	if p.In == ir.InBody {
		if kp.Schema == nil {
			b.diags.Add(p.Pointer, "body parameter has no schema")
			return nil
		}
		s := site{f: pf, tokens: pat}.child(pn.get("schema"), kp.Schema, "schema")
		p.Type = b.typeOf(s, hint)
		if r, ok := b.follow(s); ok {
			p.Constraints = constraints(r.s)
		}
	} else {
		// A non-body parameter carries its schema keywords itself; read it
		// as the schema it describes.
		s := site{f: pf, tokens: pat, n: pn, s: paramSchema(kp)}
		p.Type = b.typeOf(s, hint)
		p.Constraints = constraints(s.s)
		if p.Type.Kind == ir.KindModel {
			b.diags.Add(p.Pointer, "a %s parameter cannot be an object", p.In)
		}
	}
	if p.Client {
		key := string(p.In) + ":" + p.Name
		if old, ok := b.clientParams[key]; ok {
			p = old
		} else {
			b.clientParams[key] = p
			b.api.ClientParams = append(b.api.ClientParams, p)
		}
	}
	return p
}

// paramSchema views a non-body parameter's keywords as a schema.
func paramSchema(p *openapi2.Parameter) *openapi2.Schema {
	s := &openapi2.Schema{
		Type: p.Type, Format: p.Format, Description: p.Description, Enum: p.Enum,
		Default: p.Default, Items: p.Items, Pattern: p.Pattern, MinLength: p.MinLength,
		MaxLength: p.MaxLength, Min: p.Minimum, Max: p.Maximum, ExclusiveMin: p.ExclusiveMin,
		ExclusiveMax: p.ExclusiveMax, MultipleOf: p.MultipleOf, MinItems: p.MinItems,
		MaxItems: p.MaxItems, UniqueItems: p.UniqueItems, Extensions: p.Extensions,
	}
	return s
}

// parameterizedHost reads x-ms-parameterized-host.
func (b *builder) parameterizedHost(f *file) {
	n := f.tree.get("x-ms-parameterized-host")
	if n == nil || n.kind != kindObject {
		return
	}
	// An extension, which kin-openapi's document leaves untyped: read here
	// with kin-openapi's parameters.
	h := decodePart[parameterizedHost](f, n, []string{"x-ms-parameterized-host"})
	if h == nil {
		return // decodePart said why
	}
	b.api.HostTemplate = h.HostTemplate
	if h.UseSchemePrefix != nil {
		b.api.UseSchemePrefix = *h.UseSchemePrefix
	}
	b.hostArgsLast = h.PositionInOperation == "last"
	for i, kp := range h.Parameters {
		p := b.parameter(f, []string{"x-ms-parameterized-host", "parameters", strconv.Itoa(i)}, n.get("parameters").vals[i], kp, "host")
		if p == nil {
			continue
		}
		if p.In != ir.InPath {
			b.diags.Add(p.Pointer, "a parameter of x-ms-parameterized-host must be \"in\": \"path\", not %q", p.In)
			continue
		}
		// The parameter fills the host, not the path: it is read as a host
		// part, held by the client when shared, an argument otherwise.
		c := *p
		c.In = ir.InHost
		if p.Client {
			i := slices.Index(b.api.ClientParams, p)
			b.api.ClientParams[i] = &c
			b.clientParams[string(ir.InHost)+":"+c.Name] = &c
			delete(b.clientParams, string(ir.InPath)+":"+c.Name)
		} else {
			b.hostArgs = append(b.hostArgs, &c)
		}
		b.api.HostParams = append(b.api.HostParams, &c)
	}
	t, err := ir.ParseTemplate(b.api.HostTemplate)
	if err != nil {
		b.diags = append(b.diags, ir.Diagnostic{Pointer: f.ptr("x-ms-parameterized-host", "hostTemplate"),
			Message: "host template " + quote(b.api.HostTemplate) + ": " + err.Error(),
			Hint:    "name the parameter between the braces, and list it in the parameters"})
	}
	b.api.HostParts = t
	for _, name := range t.Params() {
		if !slices.ContainsFunc(b.api.HostParams, func(p *ir.Parameter) bool { return p.Name == name }) {
			b.diags.Add(f.ptr("x-ms-parameterized-host", "hostTemplate"), "host template parameter {%s} is not among the parameters", name)
		}
	}
}

// parameterizedHost is x-ms-parameterized-host.
type parameterizedHost struct {
	HostTemplate        string                `json:"hostTemplate"`
	UseSchemePrefix     *bool                 `json:"useSchemePrefix"`
	PositionInOperation string                `json:"positionInOperation"`
	Parameters          []*openapi2.Parameter `json:"parameters"`
}
