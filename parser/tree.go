package parser

import (
	"encoding/json"
	"strconv"
	"strings"
)

// A node is a JSON value as written in a spec file, with object keys in
// their order. The parser reads every file into nodes first: that is where
// syntax, duplicate keys, encoding and nesting depth are checked with a
// location, and where the keyword checks and $ref siblings look, since the
// typed kin-openapi document keeps neither order nor positions.
type node struct {
	kind nodeKind
	// str is a string's value, or a number's or literal's JSON text.
	str  string
	keys []string // object keys, in order
	vals []*node  // object values (parallel to keys), or array elements
	// index finds a key in a large object; built on first lookup.
	index map[string]int
}

type nodeKind uint8

const (
	kindNull nodeKind = iota
	kindBool
	kindNumber
	kindString
	kindArray
	kindObject
)

func (k nodeKind) String() string {
	return [...]string{"null", "boolean", "number", "string", "array", "object"}[k]
}

// get returns the value under key in an object, or nil.
func (n *node) get(key string) *node {
	if n == nil || n.kind != kindObject {
		return nil
	}
	if len(n.keys) <= 16 {
		for i, k := range n.keys {
			if k == key {
				return n.vals[i]
			}
		}
		return nil
	}
	if n.index == nil {
		n.index = make(map[string]int, len(n.keys))
		for i, k := range n.keys {
			n.index[k] = i
		}
	}
	if i, ok := n.index[key]; ok {
		return n.vals[i]
	}
	return nil
}

// lookup follows a JSON pointer's unescaped tokens from n.
func (n *node) lookup(tokens []string) *node {
	for _, t := range tokens {
		switch {
		case n == nil:
			return nil
		case n.kind == kindObject:
			n = n.get(t)
		case n.kind == kindArray:
			i, err := strconv.Atoi(t)
			if err != nil || i < 0 || i >= len(n.vals) || strconv.Itoa(i) != t {
				return nil
			}
			n = n.vals[i]
		default:
			return nil
		}
	}
	return n
}

// text returns a string node's value, or "" for anything else.
func (n *node) text() string {
	if n == nil || n.kind != kindString {
		return ""
	}
	return n.str
}

// isTrue reports whether n is the JSON literal true.
func (n *node) isTrue() bool { return n != nil && n.kind == kindBool && n.str == "true" }

// keysOrNil is an object's keys, nil for anything else.
func (n *node) keysOrNil() []string {
	if n == nil || n.kind != kindObject {
		return nil
	}
	return n.keys
}

// appendJSON writes n back as compact JSON.
func (n *node) appendJSON(b []byte) []byte {
	return n.appendJSONDropping(b, nil)
}

// appendJSONDropping writes n back as compact JSON, leaving out the keys
// drop lists for each object node.
func (n *node) appendJSONDropping(b []byte, drop map[*node]map[string]bool) []byte {
	switch n.kind {
	case kindString:
		return appendString(b, n.str)
	case kindArray:
		b = append(b, '[')
		for i, v := range n.vals {
			if i > 0 {
				b = append(b, ',')
			}
			b = v.appendJSONDropping(b, drop)
		}
		return append(b, ']')
	case kindObject:
		b = append(b, '{')
		first := true
		for i, k := range n.keys {
			if drop[n][k] {
				continue
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = appendString(b, k)
			b = append(b, ':')
			b = n.vals[i].appendJSONDropping(b, drop)
		}
		return append(b, '}')
	}
	return append(b, n.str...)
}

// appendString writes s as a JSON string, as encoding/json does; plain
// ASCII, most of a spec, without calling it.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x80 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s)
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// pointerOf renders unescaped tokens as a JSON pointer ("" for the root).
func pointerOf(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(escapeToken(t))
	}
	return b.String()
}

var tokenEscaper = strings.NewReplacer("~", "~0", "/", "~1")

func escapeToken(t string) string {
	if strings.ContainsAny(t, "~/") {
		return tokenEscaper.Replace(t)
	}
	return t
}

var tokenUnescaper = strings.NewReplacer("~1", "/", "~0", "~")

// splitPointer turns "/a/b~1c" into ["a", "b/c"]. It reports false for text
// that is not a JSON pointer.
func splitPointer(p string) ([]string, bool) {
	if p == "" {
		return nil, true
	}
	if p[0] != '/' {
		return nil, false
	}
	parts := strings.Split(p[1:], "/")
	for i, t := range parts {
		if strings.Contains(t, "~") {
			for j := 0; j < len(t); j++ {
				if t[j] == '~' && (j+1 == len(t) || (t[j+1] != '0' && t[j+1] != '1')) {
					return nil, false
				}
			}
			parts[i] = tokenUnescaper.Replace(t)
		}
	}
	return parts, true
}
