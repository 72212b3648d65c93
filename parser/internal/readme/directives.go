package readme

import (
	"path"
	"regexp"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v4"

	"github.com/armgen/armgen/ir"
)

// AutoRest readmes rename what a generator names with directives: lists
// under "directive:" in the readme (readme.md) and its Go settings
// (readme.go.md beside it). armgen reads those that only rename, as
// ir.Renames, and reports the others as warnings it ignores:
//
//   - rename-model: {from: Name, to: NewName}
//   - where-model: Model, rename-property: {from: name, to: newName}
//   - rename-operation-group: {from: Group, to: NewGroup}
//   - rename-operation: {from: Group_Name, to: Group_NewName}
//   - a transform (from: a spec file or swagger-document, where: a plain
//     JSONPath such as $.definitions.Name.properties.name) whose statements
//     only set x-ms-client-name or x-ms-enum's name.
//
// suppress entries configure AutoRest's linter, not generation, and are
// skipped silently. The blocks that apply are those AutoRest applies for
// the tag when generating Go: $(go) and $(track2) are set, as the Azure
// SDK for Go's generation sets them.

// directiveVars are the settings a block's condition sees when directives
// are read, besides the tag.
var directiveVars = map[string]string{"go": "true", "track2": "true"}

// directives reads the renames of the blocks of r that apply to tag.
func (r *readme) directives(tag string) []ir.Rename {
	vars := map[string]string{"tag": tag}
	for k, v := range directiveVars {
		vars[k] = v
	}
	var out []ir.Rename
	for i := range r.blocks {
		b := &r.blocks[i]
		if b.guard != "" {
			g, err := parseGuard(b.guard)
			if err != nil || !g.eval(vars).truthy() {
				continue // a broken guard is reported with the input files
			}
		}
		doc, ok := r.decode(b)
		if !ok {
			continue
		}
		list := mappingValue(doc, "directive")
		if list == nil {
			continue
		}
		if list.Kind != yaml.SequenceNode {
			r.diags.Warn(r.at(b.line+list.Line), "directive is not a list in %s; it is ignored", b.where())
			continue
		}
		for _, d := range list.Content {
			out = append(out, r.directive(b, d)...)
		}
	}
	return out
}

// directive reads one directive entry.
func (r *readme) directive(b *readmeBlock, d *yaml.Node) []ir.Rename {
	at := r.at(b.line + d.Line)
	ignore := func(why string) []ir.Rename {
		r.diags = append(r.diags, ir.Diagnostic{Pointer: at, Severity: ir.Warning,
			Message: "directive " + why + "; armgen ignores it",
			Hint:    "armgen applies only directives that rename (rename-model, rename-property, rename-operation-group, rename-operation, x-ms-client-name or x-ms-enum name transforms); -rename does the rest"})
		return nil
	}
	if d.Kind != yaml.MappingNode {
		return ignore("is not a mapping")
	}
	fromTo := func(key string) (string, string, bool) {
		v := mappingValue(d, key)
		from, to := scalar(mappingValue(v, "from")), scalar(mappingValue(v, "to"))
		return from, to, from != "" && to != ""
	}
	switch {
	case mappingValue(d, "suppress") != nil:
		return nil
	case mappingValue(d, "rename-model") != nil:
		from, to, ok := fromTo("rename-model")
		if !ok {
			return ignore("rename-model lacks from or to")
		}
		return []ir.Rename{{Target: ir.Pointer("#/definitions/" + escapeToken(from)), Name: to, From: at}}
	case mappingValue(d, "rename-property") != nil:
		from, to, ok := fromTo("rename-property")
		model := scalar(mappingValue(d, "where-model"))
		switch {
		case !ok:
			return ignore("rename-property lacks from or to")
		case model == "":
			return ignore("rename-property has no where-model")
		}
		return []ir.Rename{{Target: ir.Pointer("#/definitions/" + escapeToken(model) + "/properties/" + escapeToken(from)), Name: to, From: at}}
	case mappingValue(d, "rename-operation-group") != nil:
		from, to, ok := fromTo("rename-operation-group")
		if !ok {
			return ignore("rename-operation-group lacks from or to")
		}
		return []ir.Rename{{Target: ir.Pointer("#/operationGroups/" + escapeToken(from)), Name: to, From: at}}
	case mappingValue(d, "rename-operation") != nil:
		from, to, ok := fromTo("rename-operation")
		if !ok {
			return ignore("rename-operation lacks from or to")
		}
		return []ir.Rename{{Target: ir.Pointer("#/operationIds/" + escapeToken(from)), Name: to, From: at}}
	case mappingValue(d, "transform") != nil:
		return r.transform(d, at, ignore)
	}
	var keys []string
	for i := 0; i+1 < len(d.Content); i += 2 {
		keys = append(keys, d.Content[i].Value)
	}
	return ignore(strings.Join(keys, ", ") + " is not a rename")
}

// transform reads a transform directive that only renames.
func (r *readme) transform(d *yaml.Node, at ir.Pointer, ignore func(string) []ir.Rename) []ir.Rename {
	from := scalar(mappingValue(d, "from"))
	switch {
	case from == "swagger-document", from == "":
		from = ""
	case strings.HasSuffix(from, ".json"), strings.HasSuffix(from, ".yaml"), strings.HasSuffix(from, ".yml"):
		from = path.Clean(from)
	default:
		return ignore("transforms " + from + ", not a spec")
	}
	var wheres []string
	switch w := mappingValue(d, "where"); {
	case w == nil:
		return ignore("transform has no where")
	case w.Kind == yaml.ScalarNode:
		wheres = []string{w.Value}
	case w.Kind == yaml.SequenceNode:
		for _, x := range w.Content {
			wheres = append(wheres, x.Value)
		}
	}
	sets, ok := renameStatements(scalar(mappingValue(d, "transform")))
	if !ok {
		return ignore("transform does more than set x-ms-client-name or x-ms-enum's name")
	}
	var out []ir.Rename
	for _, where := range wheres {
		base, ok := jsonPathTokens(where)
		if !ok {
			return ignore("where " + strconv.Quote(where) + " is not a plain path to one node")
		}
		for _, s := range sets {
			tokens := append(append([]string(nil), base...), s.path...)
			if s.enum {
				tokens = append(tokens, "x-ms-enum")
			}
			out = append(out, ir.Rename{Target: ir.Pointer(from + "#" + pointerOf(tokens)), Name: s.name, From: at})
		}
	}
	return out
}

// renameSet is one statement of a transform: set the client name (or the
// x-ms-enum name, when enum) of the node at path (relative to where).
type renameStatement struct {
	path []string
	name string
	enum bool
}

var (
	statementRE = regexp.MustCompile(`^\$((?:\.[A-Za-z_$][\w$-]*|\[\s*(?:"[^"]*"|'[^']*'|\d+)\s*\])*)\s*=\s*("[^"]*"|'[^']*')$`)
	segmentRE   = regexp.MustCompile(`\.([A-Za-z_$][\w$-]*)|\[\s*(?:"([^"]*)"|'([^']*)'|(\d+))\s*\]`)
)

// renameStatements reads a transform's statements; ok is false unless
// each only sets a name.
func renameStatements(text string) ([]renameStatement, bool) {
	var out []renameStatement
	for stmt := range strings.FieldsFuncSeq(text, func(r rune) bool { return r == ';' || r == '\n' }) {
		stmt = strings.TrimSpace(stmt)
		if stmt == "" {
			continue
		}
		m := statementRE.FindStringSubmatch(stmt)
		if m == nil {
			return nil, false
		}
		var segs []string
		for _, s := range segmentRE.FindAllStringSubmatch(m[1], -1) {
			segs = append(segs, s[1]+s[2]+s[3]+s[4])
		}
		name := m[2][1 : len(m[2])-1]
		n := len(segs)
		switch {
		case n >= 1 && segs[n-1] == "x-ms-client-name":
			out = append(out, renameStatement{path: segs[:n-1], name: name})
		case n >= 2 && segs[n-2] == "x-ms-enum" && segs[n-1] == "name":
			out = append(out, renameStatement{path: segs[:n-2], name: name, enum: true})
		default:
			return nil, false
		}
	}
	return out, len(out) > 0
}

// jsonPathTokens reads a JSONPath that names one node ($.a.b["c"][0])
// as pointer tokens; ok is false for wildcards, filters and the like.
func jsonPathTokens(p string) ([]string, bool) {
	p = strings.TrimSpace(p)
	rest, ok := strings.CutPrefix(p, "$")
	if !ok || strings.Contains(rest, "..") {
		return nil, false
	}
	var tokens []string
	for rest != "" {
		loc := segmentRE.FindStringSubmatchIndex(rest)
		if loc == nil || loc[0] != 0 {
			return nil, false
		}
		m := segmentRE.FindStringSubmatch(rest)
		tokens = append(tokens, m[1]+m[2]+m[3]+m[4])
		rest = rest[loc[1]:]
	}
	return tokens, true
}

// scalar is a YAML scalar's value, "" for anything else.
func scalar(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

var tokenEscaper = strings.NewReplacer("~", "~0", "/", "~1")

// escapeToken escapes a JSON pointer token.
func escapeToken(t string) string {
	return tokenEscaper.Replace(t)
}

// pointerOf renders tokens as a JSON pointer.
func pointerOf(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(escapeToken(t))
	}
	return b.String()
}
