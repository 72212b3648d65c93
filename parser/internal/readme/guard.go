package readme

import (
	"fmt"
	"strings"
)

// A guard is the condition after "yaml" on an AutoRest readme block:
// a small expression over settings, such as
// $(tag) == 'package-2024-02' && !$(go). AutoRest evaluates it as
// JavaScript; armgen understands the part readmes use: $(setting),
// quoted strings, true and false, == != (and === !==), ! && || and
// parentheses. A setting that is not given is undefined, which is false
// and equal only to another undefined.

// guard is a parsed condition.
type guard struct {
	op          string // "var", "str", "bool", "!", "==", "!=", "&&", "||"
	name        string // the setting, for "var"
	str         string // the literal, for "str"
	b           bool   // for "bool"
	left, right *guard
}

// value is a guard's result: a string, a boolean or undefined.
type value struct {
	defined bool
	isBool  bool
	b       bool
	s       string
}

func (v value) truthy() bool {
	switch {
	case !v.defined:
		return false
	case v.isBool:
		return v.b
	}
	return v.s != ""
}

func (v value) equal(w value) bool {
	if !v.defined || !w.defined {
		return v.defined == w.defined
	}
	if v.isBool || w.isBool {
		return v.truthy() == w.truthy() && v.isBool == w.isBool
	}
	return v.s == w.s
}

// eval computes the guard with the given settings.
func (g *guard) eval(vars map[string]string) value {
	switch g.op {
	case "var":
		s, ok := vars[g.name]
		return value{defined: ok, s: s}
	case "str":
		return value{defined: true, s: g.str}
	case "bool":
		return value{defined: true, isBool: true, b: g.b}
	case "!":
		return value{defined: true, isBool: true, b: !g.left.eval(vars).truthy()}
	case "==":
		return value{defined: true, isBool: true, b: g.left.eval(vars).equal(g.right.eval(vars))}
	case "!=":
		return value{defined: true, isBool: true, b: !g.left.eval(vars).equal(g.right.eval(vars))}
	case "&&":
		l := g.left.eval(vars)
		if !l.truthy() {
			return l
		}
		return g.right.eval(vars)
	case "||":
		l := g.left.eval(vars)
		if l.truthy() {
			return l
		}
		return g.right.eval(vars)
	}
	return value{}
}

// mentions reports whether the guard reads a setting.
func (g *guard) mentions(name string) bool {
	if g == nil {
		return false
	}
	return g.op == "var" && g.name == name || g.left.mentions(name) || g.right.mentions(name)
}

// compared lists the strings a setting is compared with ("tag" ==
// 'package-2024-02'), in order.
func (g *guard) compared(name string) []string {
	if g == nil {
		return nil
	}
	var out []string
	if g.op == "==" {
		l, r := g.left, g.right
		if r.op == "var" {
			l, r = r, l
		}
		if l.op == "var" && l.name == name && r.op == "str" {
			out = append(out, r.str)
		}
	}
	return append(append(out, g.left.compared(name)...), g.right.compared(name)...)
}

// parseGuard parses a condition; "" is no guard (nil).
func parseGuard(text string) (*guard, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	toks, err := guardTokens(text)
	if err != nil {
		return nil, err
	}
	p := &guardParser{toks: toks}
	g, err := p.or()
	if err != nil {
		return nil, err
	}
	if p.i < len(p.toks) {
		return nil, fmt.Errorf("unexpected %s", p.toks[p.i].text)
	}
	return g, nil
}

type guardToken struct {
	kind string // "var", "str", "bool", or the operator itself
	text string // as written
	val  string // the setting or the string's value
}

func guardTokens(s string) ([]guardToken, error) {
	var toks []guardToken
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case strings.HasPrefix(s[i:], "$("):
			end := strings.IndexByte(s[i:], ')')
			if end < 0 {
				return nil, fmt.Errorf("unclosed $(")
			}
			name := strings.TrimSpace(s[i+2 : i+end])
			if name == "" {
				return nil, fmt.Errorf("empty $()")
			}
			toks = append(toks, guardToken{kind: "var", text: s[i : i+end+1], val: name})
			i += end + 1
		case c == '\'' || c == '"':
			end := strings.IndexByte(s[i+1:], c)
			if end < 0 {
				return nil, fmt.Errorf("unclosed string")
			}
			toks = append(toks, guardToken{kind: "str", text: s[i : i+end+2], val: s[i+1 : i+1+end]})
			i += end + 2
		case strings.HasPrefix(s[i:], "==="), strings.HasPrefix(s[i:], "!=="):
			toks = append(toks, guardToken{kind: s[i : i+2], text: s[i : i+3]})
			i += 3
		case strings.HasPrefix(s[i:], "=="), strings.HasPrefix(s[i:], "!="),
			strings.HasPrefix(s[i:], "&&"), strings.HasPrefix(s[i:], "||"):
			toks = append(toks, guardToken{kind: s[i : i+2], text: s[i : i+2]})
			i += 2
		case c == '!' || c == '(' || c == ')':
			toks = append(toks, guardToken{kind: string(c), text: string(c)})
			i++
		case strings.HasPrefix(s[i:], "true"), strings.HasPrefix(s[i:], "false"):
			word := "true"
			if c == 'f' {
				word = "false"
			}
			toks = append(toks, guardToken{kind: "bool", text: word, val: word})
			i += len(word)
		default:
			return nil, fmt.Errorf("unexpected %q", s[i:])
		}
	}
	return toks, nil
}

// guardParser is a recursive-descent parser: or → and → unary → primary.
type guardParser struct {
	toks []guardToken
	i    int
}

func (p *guardParser) peek() string {
	if p.i < len(p.toks) {
		return p.toks[p.i].kind
	}
	return ""
}

func (p *guardParser) or() (*guard, error) {
	l, err := p.and()
	for err == nil && p.peek() == "||" {
		p.i++
		var r *guard
		if r, err = p.and(); err == nil {
			l = &guard{op: "||", left: l, right: r}
		}
	}
	return l, err
}

func (p *guardParser) and() (*guard, error) {
	l, err := p.comparison()
	for err == nil && p.peek() == "&&" {
		p.i++
		var r *guard
		if r, err = p.comparison(); err == nil {
			l = &guard{op: "&&", left: l, right: r}
		}
	}
	return l, err
}

func (p *guardParser) comparison() (*guard, error) {
	l, err := p.unary()
	if err != nil {
		return nil, err
	}
	if op := p.peek(); op == "==" || op == "!=" {
		p.i++
		r, err := p.unary()
		if err != nil {
			return nil, err
		}
		return &guard{op: op, left: l, right: r}, nil
	}
	return l, nil
}

func (p *guardParser) unary() (*guard, error) {
	if p.peek() == "!" {
		p.i++
		g, err := p.unary()
		if err != nil {
			return nil, err
		}
		return &guard{op: "!", left: g}, nil
	}
	return p.primary()
}

func (p *guardParser) primary() (*guard, error) {
	if p.i >= len(p.toks) {
		return nil, fmt.Errorf("the condition ends too soon")
	}
	t := p.toks[p.i]
	p.i++
	switch t.kind {
	case "var":
		return &guard{op: "var", name: t.val}, nil
	case "str":
		return &guard{op: "str", str: t.val}, nil
	case "bool":
		return &guard{op: "bool", b: t.val == "true"}, nil
	case "(":
		g, err := p.or()
		if err != nil {
			return nil, err
		}
		if p.peek() != ")" {
			return nil, fmt.Errorf("missing )")
		}
		p.i++
		return g, nil
	}
	return nil, fmt.Errorf("unexpected %s", t.text)
}
