package parser

import (
	"slices"

	"github.com/getkin/kin-openapi/openapi2"

	"github.com/armgen/armgen/ir"
)

// site is a schema where it is written: its location (the file, the
// tokens of its pointer and its node in the tree, which keeps the order of
// its keys) and kin-openapi's reading of it, which is what the IR is made
// of. A $ref site has no schema of its own: kin-openapi's reading of it
// holds the extensions beside the reference.
type site struct {
	f      *file
	tokens []string
	n      *node
	s      *openapi2.Schema    // nil for a $ref
	sr     *openapi2.SchemaRef // nil when read without a typed parent
	ref    string
}

// isRef reports whether the site is a $ref, even one whose value is empty
// (which resolve reports): such a site has no schema of its own.
func (s site) isRef() bool {
	return s.ref != "" || s.n != nil && s.n.get("$ref") != nil
}

func (s site) ptr(extra ...string) ir.Pointer {
	return s.f.ptr2(s.tokens, extra)
}

// child is the site of a schema inside s, at node n, which kin-openapi
// read as sr (nil when its reading is not at hand: it is decoded then).
// References are resolved on the tree (kin-openapi does not resolve
// Swagger 2.0's), so the node says whether the site is a $ref.
func (s site) child(n *node, sr *openapi2.SchemaRef, tokens ...string) site {
	c := site{f: s.f, tokens: append(slices.Clone(s.tokens), tokens...), n: n, sr: sr}
	switch {
	case n == nil:
	case n.get("$ref") != nil:
		c.ref = n.get("$ref").text()
	case sr != nil && sr.Value != nil:
		c.s = sr.Value
	default:
		c.s = s.f.schemaFor(n, c.tokens)
	}
	return c
}

// ext returns the site's extensions; for a $ref, those beside it, which
// describe this use of the schema it names.
func (s site) ext() map[string]any {
	if s.isRef() {
		if s.sr == nil {
			return s.f.schemaRefFor(s.n, s.tokens).Extensions
		}
		return s.sr.Extensions
	}
	if s.s == nil {
		return nil
	}
	return s.s.Extensions
}

// siteAt makes a site for a node of f read without a typed parent.
func siteAt(f *file, tokens []string, n *node) site {
	return site{f: f}.child(n, nil, tokens...)
}

// definitionSite returns the site of a definition, using the typed document.
func definitionSite(f *file, name string) site {
	n := f.tree.get("definitions").get(name)
	var sr *openapi2.SchemaRef
	if f.doc != nil {
		sr = f.definition(name)
	}
	return site{f: f}.child(n, sr, "definitions", name)
}

// follow resolves a site's $ref chain to the schema it names. A chain that
// comes back to itself, or is longer than the limit, is an error.
func (b *builder) follow(s site) (site, bool) {
	var seen []*node
	var chain []ir.Pointer
	for s.isRef() {
		if s.ref == "" {
			s.ref = s.n.get("$ref").text()
		}
		if i := slices.Index(seen, s.n); i >= 0 {
			b.diags = append(b.diags, cycleDiagnostic(chain[i:]))
			return site{}, false
		}
		if len(seen) > 0 {
			b.chained[s.n] = true
		}
		seen = append(seen, s.n)
		chain = append(chain, s.ptr())
		if len(seen) > b.l.opts.Limits.MaxRefDepth {
			b.diags = append(b.diags, ir.Diagnostic{Pointer: chain[0] + "/$ref",
				Message: "more than " + itoa(b.l.opts.Limits.MaxRefDepth) + " $refs in a row from here without reaching a schema",
				Hint:    "refer to the schema directly"})
			return site{}, false
		}
		t, ok := b.resolve(s.f, s.tokens, s.ref)
		if !ok {
			return site{}, false
		}
		if len(t.tokens) == 2 && t.tokens[0] == "definitions" {
			s = definitionSite(t.f, t.tokens[1])
		} else {
			s = siteAt(t.f, t.tokens, t.n)
		}
	}
	if s.n == nil {
		return site{}, false
	}
	if s.n.kind != kindObject {
		b.diags.Add(s.ptr(), "a schema must be an object, not %s", article(s.n.kind))
		return site{}, false
	}
	return s, true
}

// isDefinition reports whether a resolved site is a definition of its file.
func (s site) isDefinition() bool {
	return len(s.tokens) == 2 && s.tokens[0] == "definitions"
}
