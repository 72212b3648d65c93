package parser

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v4"
)

// parseYAML reads a YAML spec into the same nodes as JSON, so everything
// after reading is format-blind. Aliases are expanded here, and bounded:
// a few lines of YAML can otherwise expand into billions of values.
func parseYAML(data []byte, limits Limits) (*node, []syntaxError) {
	if !utf8.Valid(data) {
		// Say where, which the YAML library does not.
		bad := 0
		for bad < len(data) {
			r, size := utf8.DecodeRune(data[bad:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			bad += size
		}
		line, col := lineCol(data, bad)
		return nil, []syntaxError{{line: line, col: col, msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x): spec files must be UTF-8", data[bad])}}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		e := yamlError(err)
		// The YAML library can name the line after the last one.
		e.line = min(e.line, bytes.Count(data, []byte{'\n'})+1)
		return nil, []syntaxError{e}
	}
	if doc.Kind == 0 || (doc.Kind == yaml.DocumentNode && len(doc.Content) == 0) {
		return nil, []syntaxError{{line: 1, col: 1, msg: "the file is empty"}}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		root = root.Content[0]
	}
	c := &yamlConverter{limits: limits}
	c.budget = countYAML(root)
	c.budget = min(max(c.budget*10, 100_000), limits.MaxNodes)
	n := c.convert(root, 0)
	if len(c.errs) > 0 {
		return nil, c.errs
	}
	return n, nil
}

// yamlError turns the YAML library's "yaml: line 3: ..." into a located error.
func yamlError(err error) syntaxError {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, after, ok := strings.Cut(rest, ":"); ok {
			if l, err := strconv.Atoi(num); err == nil {
				line, msg = l, strings.TrimSpace(after)
			}
		}
	}
	return syntaxError{line: line, msg: "invalid YAML: " + msg}
}

// countYAML counts the nodes written in the document, aliases not followed.
func countYAML(n *yaml.Node) int {
	total := 1
	for _, c := range n.Content {
		total += countYAML(c)
	}
	return total
}

type yamlConverter struct {
	limits Limits
	budget int // nodes left to create
	path   []string
	errs   []syntaxError
	// expanding guards against an alias that contains itself.
	expanding map[*yaml.Node]bool
	// outer is the outermost alias being expanded: where a bomb is reported.
	outer *syntaxError
}

func (c *yamlConverter) fail(n *yaml.Node, format string, args ...any) {
	c.errs = append(c.errs, syntaxError{pointer: pointerOf(c.path), line: n.Line, col: n.Column, msg: fmt.Sprintf(format, args...)})
}

func (c *yamlConverter) convert(y *yaml.Node, depth int) *node {
	if len(c.errs) > 0 {
		return nil
	}
	if depth > c.limits.MaxDepth {
		c.errs = append(c.errs, syntaxError{pointer: pointerOf(c.path[:min(len(c.path), depthShown)]),
			line: y.Line, col: y.Column, msg: depthMessage(len(c.path), c.limits.MaxDepth)})
		return nil
	}
	c.budget--
	if c.budget < 0 {
		if c.outer != nil {
			c.errs = append(c.errs, *c.outer)
		} else {
			c.fail(y, "YAML aliases expand to too many values (an alias bomb?)")
		}
		return nil
	}
	switch y.Kind {
	case yaml.AliasNode:
		if c.expanding[y.Alias] {
			c.fail(y, "alias *%s refers to itself", y.Value)
			return nil
		}
		if c.expanding == nil {
			c.expanding = map[*yaml.Node]bool{}
		}
		c.expanding[y.Alias] = true
		if c.outer == nil {
			c.outer = &syntaxError{pointer: pointerOf(c.path), line: y.Line, col: y.Column,
				msg: fmt.Sprintf("YAML alias *%s expands to too many values (an alias bomb?)", y.Value)}
			defer func() { c.outer = nil }()
		}
		n := c.convert(y.Alias, depth)
		delete(c.expanding, y.Alias)
		return n
	case yaml.SequenceNode:
		n := &node{kind: kindArray, vals: make([]*node, 0, len(y.Content))}
		for i, e := range y.Content {
			c.path = append(c.path, strconv.Itoa(i))
			n.vals = append(n.vals, c.convert(e, depth+1))
			c.path = c.path[:len(c.path)-1]
		}
		return n
	case yaml.MappingNode:
		n := &node{kind: kindObject}
		seen := map[string]bool{}
		// Keys written here win over keys merged in with "<<".
		explicit := map[string]bool{}
		for i := 0; i+1 < len(y.Content); i += 2 {
			if k := y.Content[i]; k.Kind == yaml.ScalarNode && k.ShortTag() != "!!merge" {
				explicit[k.Value] = true
			}
		}
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				c.fail(k, "object keys must be plain scalars in a spec")
				return nil
			}
			if k.ShortTag() == "!!merge" {
				if !c.merge(n, v, explicit, depth) {
					return nil
				}
				continue
			}
			c.path = append(c.path, k.Value)
			if seen[k.Value] {
				c.fail(k, "duplicate key %q: YAML readers disagree on which value wins", k.Value)
			}
			seen[k.Value] = true
			val := c.convert(v, depth+1)
			c.path = c.path[:len(c.path)-1]
			n.keys = append(n.keys, k.Value)
			n.vals = append(n.vals, val)
		}
		return n
	case yaml.ScalarNode:
		switch y.ShortTag() {
		case "!!null":
			return &node{kind: kindNull, str: "null"}
		case "!!bool":
			b, err := strconv.ParseBool(strings.ToLower(y.Value))
			if err != nil {
				c.fail(y, "invalid boolean %q", y.Value)
				return nil
			}
			return &node{kind: kindBool, str: strconv.FormatBool(b)}
		case "!!int", "!!float":
			if text, ok := yamlNumber(y.Value); ok {
				return &node{kind: kindNumber, str: text}
			}
			c.fail(y, "number %q has no JSON form", y.Value)
			return nil
		default:
			return &node{kind: kindString, str: y.Value}
		}
	}
	c.fail(y, "unexpected YAML node")
	return nil
}

// merge adds the keys of the mapping (or mappings) a "<<" key names to n,
// those not written in n itself and not merged before: YAML's merge keys,
// which specs written by hand use to share parts.
func (c *yamlConverter) merge(n *node, v *yaml.Node, explicit map[string]bool, depth int) bool {
	sources := []*yaml.Node{v}
	if v.Kind == yaml.SequenceNode {
		sources = v.Content
	}
	c.path = append(c.path, "<<")
	defer func() { c.path = c.path[:len(c.path)-1] }()
	for _, src := range sources {
		m := c.convert(src, depth+1)
		if m == nil {
			return false
		}
		if m.kind != kindObject {
			c.fail(src, "a YAML merge key (<<) must name a mapping, not %s", article(m.kind))
			return false
		}
		for i, key := range m.keys {
			if !explicit[key] && n.get(key) == nil {
				n.keys = append(n.keys, key)
				n.vals = append(n.vals, m.vals[i])
			}
		}
	}
	return true
}

// yamlNumber rewrites a YAML number (0x1F, 1_000, +5, .5) as JSON text.
func yamlNumber(s string) (string, bool) {
	clean := strings.ReplaceAll(s, "_", "")
	if i, err := strconv.ParseInt(clean, 0, 64); err == nil {
		return strconv.FormatInt(i, 10), true
	}
	f, err := strconv.ParseFloat(clean, 64)
	if err != nil || f != f || f > 1e308 || f < -1e308 {
		return "", false
	}
	return strconv.FormatFloat(f, 'g', -1, 64), true
}
