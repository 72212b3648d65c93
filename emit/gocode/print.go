package gocode

import (
	"fmt"
	"strings"
)

// Printer writes declarations into Buf as gofmt lays them out, noting in
// Imports the packages their qualified names use.
type Printer struct {
	Buf     Writer
	Imports map[string]bool
}

// Writer is what a Printer writes to: a *bytes.Buffer, say.
type Writer interface {
	WriteString(s string) (int, error)
	WriteByte(c byte) error
}

// Decl writes a top-level declaration (func or type) and ends its line.
func (p *Printer) Decl(c Code) {
	s := toks(c)
	if len(s) == 0 || !isKeyword(s[0], "func") && !isKeyword(s[0], "type") {
		panic(fmt.Sprintf("gocode: a declaration starts with func or type, not %v", s))
	}
	if isKeyword(s[0], "type") {
		p.str("type ")
		p.typeSpec(s[1:], 0)
	} else {
		p.str("func ")
		rest := s[1:]
		if g, ok := groupOf(rest, 0, gParams); ok && len(rest) > 1 { // a receiver
			p.paramList(g.items, 0)
			p.str(" ")
			rest = rest[1:]
		}
		if len(rest) == 0 || rest[0].(token).kind != tIdent {
			panic("gocode: a func declaration without a name")
		}
		p.str(rest[0].(token).text)
		p.signatureAndBody(rest[1:], 0)
	}
	p.str("\n")
}

// Stmts writes statements at an indent, each on its own line.
func (p *Printer) Stmts(stmts []Code, indent int) {
	for _, c := range stmts {
		for _, s := range splitLines(toks(c)) {
			p.tabs(indent)
			p.stmt(s, indent)
			p.str("\n")
		}
	}
}

func (p *Printer) str(s string) { p.Buf.WriteString(s) }

func (p *Printer) tabs(n int) {
	for range n {
		p.Buf.WriteByte('\t')
	}
}

// toks flattens a code into its tokens and groups.
func toks(c Code) []Code {
	switch c := c.(type) {
	case *Statement:
		return *c
	case nil:
		return nil
	}
	return []Code{c}
}

func splitLines(s []Code) [][]Code {
	var out [][]Code
	start := 0
	for i, c := range s {
		if t, ok := c.(token); ok && t.kind == tLine {
			if i > start {
				out = append(out, s[start:i])
			}
			start = i + 1
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

func isKeyword(c Code, word string) bool {
	t, ok := c.(token)
	return ok && t.kind == tKeyword && t.text == word
}

func groupOf(s []Code, i int, kind groupKind) (*group, bool) {
	if i >= len(s) {
		return nil, false
	}
	g, ok := s[i].(*group)
	if !ok || g.kind != kind {
		return nil, false
	}
	return g, true
}

// typeSpec writes "Name T" or "Name = T".
func (p *Printer) typeSpec(s []Code, indent int) {
	t, ok := s[0].(token)
	if !ok || t.kind != tIdent {
		panic("gocode: a type declaration without a name")
	}
	p.str(t.text)
	rest := s[1:]
	if len(rest) > 0 {
		if op, ok := rest[0].(token); ok && op.kind == tOp && op.text == "=" {
			p.str(" =")
			rest = rest[1:]
		}
	}
	p.str(" ")
	p.expr(rest, 1, indent)
}

// signatureAndBody writes (params) results { body } after a func's name
// or keyword.
func (p *Printer) signatureAndBody(s []Code, indent int) {
	params, ok := groupOf(s, 0, gParams)
	if !ok {
		panic("gocode: a func without parameters")
	}
	p.paramList(params.items, indent)
	rest := s[1:]
	var body *group
	if n := len(rest); n > 0 {
		if g, ok := groupOf(rest, n-1, gBlock); ok {
			body, rest = g, rest[:n-1]
		}
	}
	if len(rest) > 0 {
		p.str(" ")
		if g, ok := groupOf(rest, 0, gParams); ok && len(rest) == 1 {
			p.paramList(g.items, indent)
		} else {
			p.expr(rest, 1, indent)
		}
	}
	if body != nil {
		p.str(" ")
		p.block(body.items, indent)
	}
}

// paramList writes (a T, b U) or (T, U).
func (p *Printer) paramList(items []Code, indent int) {
	p.str("(")
	for i, c := range items {
		if i > 0 {
			p.str(", ")
		}
		s := toks(c)
		name, rest := operand(s)
		if len(rest) == 0 {
			p.expr(s, 1, indent) // a type alone
			continue
		}
		p.expr(name, 1, indent)
		p.str(" ")
		p.expr(rest, 1, indent)
	}
	p.str(")")
}

// block writes { statements } with the closing brace at indent.
func (p *Printer) block(stmts []Code, indent int) {
	p.str("{\n")
	p.Stmts(stmts, indent+1)
	p.tabs(indent)
	p.str("}")
}

// stmt writes one statement, without indent or newline.
func (p *Printer) stmt(s []Code, indent int) {
	first := s[0]
	switch {
	case isKeyword(first, "if"):
		p.ifStmt(s, indent)
	case isKeyword(first, "for"):
		p.block(p.head(s, "for", indent), indent)
	case isKeyword(first, "switch"):
		body := p.head(s, "switch", indent)
		p.str("{\n")
		for _, c := range body {
			p.caseClause(toks(c), indent)
		}
		p.tabs(indent)
		p.str("}")
	case isKeyword(first, "return"):
		p.str("return")
		results, _ := groupOf(s, 1, gList)
		if len(s) != 2 {
			panic("gocode: a return statement followed by more code")
		}
		if len(results.items) > 0 {
			p.str(" ")
			p.exprList(results.items, 1, indent)
		}
	case isKeyword(first, "var"):
		p.str("var ")
		p.typeSpec(s[1:], indent)
	default:
		p.simpleStmt(s, indent)
	}
}

// head writes "for clause " or "switch clause " and returns the block's
// statements, which must end the statement.
func (p *Printer) head(s []Code, word string, indent int) []Code {
	p.str(word + " ")
	clause, _ := groupOf(s, 1, gClause)
	p.clause(clause.items, indent)
	body, ok := groupOf(s, 2, gBlock)
	if !ok || len(s) != 3 {
		panic("gocode: a " + word + " statement without its block")
	}
	p.str(" ")
	return body.items
}

func (p *Printer) ifStmt(s []Code, indent int) {
	p.str("if ")
	clause, _ := groupOf(s, 1, gClause)
	p.clause(clause.items, indent)
	body, ok := groupOf(s, 2, gBlock)
	if !ok {
		panic("gocode: an if statement without its block")
	}
	p.str(" ")
	p.block(body.items, indent)
	rest := s[3:]
	if len(rest) == 0 {
		return
	}
	if !isKeyword(rest[0], "else") || len(rest) < 2 {
		panic("gocode: code after an if statement's block")
	}
	p.str(" else ")
	if isKeyword(rest[1], "if") {
		p.ifStmt(rest[1:], indent)
		return
	}
	els, ok := groupOf(rest, 1, gBlock)
	if !ok || len(rest) != 2 {
		panic("gocode: else without a block")
	}
	p.block(els.items, indent)
}

// caseClause writes case x, y: or default:, then the clause's statements.
func (p *Printer) caseClause(s []Code, indent int) {
	p.tabs(indent)
	if isKeyword(s[0], "default") {
		p.str("default:\n")
	} else {
		c, ok := groupOf(s, 0, gCase)
		if !ok {
			panic("gocode: a switch's block holds a statement that is not a clause")
		}
		p.str("case ")
		p.exprList(c.items, 1, indent)
		p.str(":\n")
	}
	body, ok := groupOf(s, 1, gBlock)
	if !ok || len(s) != 2 {
		panic("gocode: a clause without its statements")
	}
	p.Stmts(body.items, indent+1)
}

// clause writes the parts of an if, for or switch head, separated by ";".
func (p *Printer) clause(parts []Code, indent int) {
	for i, c := range parts {
		if i > 0 {
			p.str("; ")
		}
		p.simpleStmt(toks(c), indent)
	}
}

var assignOps = map[string]bool{":=": true, "=": true, "+=": true, "-=": true}

// simpleStmt writes an assignment, or an expression.
func (p *Printer) simpleStmt(s []Code, indent int) {
	at := -1
	for i, c := range s {
		if t, ok := c.(token); ok && t.kind == tOp && assignOps[t.text] {
			at = i
			break
		}
	}
	if at < 0 {
		p.expr(s, 1, indent)
		return
	}
	lhs, rhs := sides(s[:at]), s[at+1:]
	isRange := len(rhs) > 0 && isKeyword(rhs[0], "range")
	if isRange {
		rhs = rhs[1:]
	}
	right := sides(rhs)
	depth := 1
	if len(lhs) > 1 && len(right) > 1 {
		depth++
	}
	p.exprList(lhs, depth, indent)
	p.str(" " + s[at].(token).text + " ")
	if isRange {
		p.str("range ")
	}
	p.exprList(right, depth, indent)
}

// sides returns the expressions of one side of an assignment: a List's,
// or the side itself.
func sides(s []Code) []Code {
	if g, ok := groupOf(s, 0, gList); ok && len(s) == 1 {
		return g.items
	}
	st := Statement(s)
	return []Code{&st}
}

func (p *Printer) exprList(items []Code, depth, indent int) {
	for i, c := range items {
		if i > 0 {
			p.str(", ")
		}
		p.expr(toks(c), depth, indent)
	}
}

// expr writes an expression at a depth, as go/printer's expr0.
func (p *Printer) expr(s []Code, depth, indent int) {
	// Most expressions are one operand, maybe after unary operators:
	// they are written without building a tree.
	i := 0
	for i < len(s) {
		if t, ok := s[i].(token); !ok || t.kind != tOp || !unaryOps[t.text] {
			break
		}
		i++
	}
	if i < len(s) {
		if op, rest := operand(s[i:]); len(rest) == 0 {
			for _, u := range s[:i] {
				op := u.(token).text
				p.str(op)
				if op == "*" {
					depth = 1 // as node does for a StarExpr
				}
			}
			n := baseLen(op)
			p.postfix(op[:n], op[n:], depth, indent)
			return
		}
	}
	p.node(parse(s), 0, depth, indent)
}

// precedence of binary operators, as go/token's.
var precedence = map[string]int{
	"||": 1, "&&": 2,
	"==": 3, "!=": 3, "<": 3, "<=": 3, ">": 3, ">=": 3,
	"+": 4, "-": 4, "|": 4, "^": 4,
	"*": 5, "/": 5, "%": 5, "<<": 5, ">>": 5, "&": 5, "&^": 5,
}

var unaryOps = map[string]bool{"*": true, "&": true, "-": true, "+": true, "!": true, "^": true, "<-": true}

const unaryPrec = 6

// An expression tree, as far as layout needs one.
type (
	binaryNode struct {
		op   string
		x, y any
	}
	unaryNode struct {
		op string
		x  any
	}
	// primaryNode is an operand and what follows it: selectors, calls,
	// indexes, composite literal values, type arguments.
	primaryNode struct {
		base []Code
		post []Code
	}
)

// parse reads an expression: operands joined by binary operators.
func parse(s []Code) any {
	x, rest := parseBinary(s, 1)
	if len(rest) > 0 {
		panic(fmt.Sprintf("gocode: unexpected code after an expression: %v", rest))
	}
	return x
}

// parseBinary reads operands and the operators of at least minPrec, by
// precedence climbing: the tree needs no parentheses.
func parseBinary(s []Code, minPrec int) (any, []Code) {
	x, rest := parseUnary(s)
	for len(rest) > 0 {
		t, ok := rest[0].(token)
		if !ok || t.kind != tOp {
			break
		}
		prec, isBinary := precedence[t.text]
		if !isBinary || prec < minPrec {
			break
		}
		var y any
		y, rest = parseBinary(rest[1:], prec+1)
		x = &binaryNode{op: t.text, x: x, y: y}
	}
	return x, rest
}

func parseUnary(s []Code) (any, []Code) {
	if len(s) == 0 {
		panic("gocode: an operand is missing")
	}
	if t, ok := s[0].(token); ok && t.kind == tOp && unaryOps[t.text] {
		x, rest := parseUnary(s[1:])
		return &unaryNode{op: t.text, x: x}, rest
	}
	base, rest := operand(s)
	// An operand's base may be a type that continues: []T, map[K]T, *T.
	return &primaryNode{base: base[:baseLen(base)], post: base[baseLen(base):]}, rest
}

// baseLen is where an operand's postfix part (selectors, calls…) starts.
func baseLen(s []Code) int {
	if isKeyword(s[0], "func") {
		return len(s)
	}
	if g, ok := s[0].(*group); ok && (g.kind == gMap || g.kind == gIndex && len(g.items) == 0) {
		return len(s) // a slice or map type: the element type follows
	}
	return 1
}

// operand splits off the first operand of s: its base and what follows it
// (selectors, calls, indexes, values, type arguments). The element type of
// a slice or map type, the signature and body of a func literal are part
// of it.
func operand(s []Code) (op, rest []Code) {
	if len(s) == 0 {
		panic("gocode: an operand is missing")
	}
	i := 1
	switch first := s[0].(type) {
	case token:
		switch {
		case first.kind == tKeyword && first.text == "func":
			i = funcLen(s)
		case first.kind == tOp && unaryOps[first.text]: // *T in a type
			_, r := operand(s[1:])
			return s[:len(s)-len(r)], r
		case first.kind == tOp && precedence[first.text] == 0 && !assignOps[first.text]: // raw text
		case first.kind == tIdent, first.kind == tLit, first.kind == tQual:
		default:
			panic(fmt.Sprintf("gocode: %q does not start an operand", first.text))
		}
	case *group:
		if first.kind == gMap || first.kind == gIndex && len(first.items) == 0 {
			_, r := operand(s[1:])
			return s[:len(s)-len(r)], r
		}
		panic(fmt.Sprintf("gocode: a group of kind %d does not start an operand", first.kind))
	}
	for i < len(s) {
		switch c := s[i].(type) {
		case token:
			if c.kind != tDot {
				return s[:i], s[i:]
			}
		case *group:
			switch c.kind {
			case gCall, gValues, gTypes:
			case gIndex:
				if len(c.items) == 0 {
					return s[:i], s[i:]
				}
			default:
				return s[:i], s[i:]
			}
		}
		i++
	}
	return s, nil
}

// funcLen is the length of a func literal or type at s[0]: func, params,
// results, and a block if there is one.
func funcLen(s []Code) int {
	i := 1
	if _, ok := groupOf(s, i, gParams); !ok {
		panic("gocode: func without parameters")
	}
	i++
	for i < len(s) {
		if _, ok := groupOf(s, i, gBlock); ok {
			return i + 1
		}
		i++
	}
	return i
}

func (p *Printer) node(e any, prec1, depth, indent int) {
	switch x := e.(type) {
	case *binaryNode:
		p.binary(x, prec1, cutoff(x, depth), depth, indent)
	case *unaryNode:
		p.str(x.op)
		if x.op == "*" {
			p.node(x.x, 0, 1, indent) // a StarExpr, printed with p.expr
		} else {
			p.node(x.x, unaryPrec, depth, indent)
		}
	case *primaryNode:
		p.primary(x, depth, indent)
	}
}

// binary writes a binary expression as go/printer's binaryExpr.
func (p *Printer) binary(x *binaryNode, prec1, cutoff, depth, indent int) {
	prec := precedence[x.op]
	if prec < prec1 {
		panic("gocode: a binary expression that needs parentheses")
	}
	blank := prec < cutoff
	p.node(x.x, prec, depth+diffPrec(x.x, prec), indent)
	if blank {
		p.str(" ")
	}
	p.str(x.op)
	if blank {
		p.str(" ")
	}
	p.node(x.y, prec+1, depth+1, indent)
}

func diffPrec(e any, prec int) int {
	if x, ok := e.(*binaryNode); ok && precedence[x.op] == prec {
		return 0
	}
	return 1
}

// cutoff decides which binary operators get blanks, as go/printer does.
func cutoff(e *binaryNode, depth int) int {
	has4, has5, maxProblem := walkBinary(e)
	if maxProblem > 0 {
		return maxProblem + 1
	}
	if has4 && has5 {
		if depth == 1 {
			return 5
		}
		return 4
	}
	if depth == 1 {
		return 6
	}
	return 4
}

func walkBinary(e *binaryNode) (has4, has5 bool, maxProblem int) {
	switch precedence[e.op] {
	case 4:
		has4 = true
	case 5:
		has5 = true
	}
	if l, ok := e.x.(*binaryNode); ok {
		h4, h5, mp := walkBinary(l)
		has4, has5, maxProblem = has4 || h4, has5 || h5, max(maxProblem, mp)
	}
	switch r := e.y.(type) {
	case *binaryNode:
		h4, h5, mp := walkBinary(r)
		has4, has5, maxProblem = has4 || h4, has5 || h5, max(maxProblem, mp)
	case *unaryNode:
		switch e.op + r.op {
		case "/*", "&&", "&^":
			maxProblem = 5
		case "++", "--":
			maxProblem = max(maxProblem, 4)
		}
	case *primaryNode:
		if t, ok := r.base[0].(token); ok && t.kind == tLit && strings.HasPrefix(t.text, "-") && e.op == "-" {
			maxProblem = max(maxProblem, 4) // x - -1: the literal is a unary minus to go/printer
		}
	}
	return has4, has5, maxProblem
}

// primary writes an operand and its selectors, calls, indexes, values
// and type arguments, with the depths go/printer gives each part.
func (p *Printer) primary(x *primaryNode, depth, indent int) {
	p.postfix(x.base, x.post, depth, indent)
}

func (p *Printer) postfix(base, post []Code, depth, indent int) {
	if len(post) == 0 {
		p.base(base, indent)
		return
	}
	last, prefix := post[len(post)-1], post[:len(post)-1]
	switch c := last.(type) {
	case token:
		p.postfix(base, prefix, depth, indent)
		p.str("." + c.text)
	case *group:
		switch c.kind {
		case gCall:
			// A call of several arguments counts one level deeper, the
			// function's own expression included.
			if len(c.items) > 1 {
				depth++
			}
			p.postfix(base, prefix, depth, indent)
			p.str("(")
			p.exprList(c.items, depth, indent)
			p.str(")")
		case gIndex, gTypes:
			p.postfix(base, prefix, 1, indent)
			p.str("[")
			p.exprList(c.items, depth+1, indent)
			p.str("]")
		case gValues:
			p.postfix(base, prefix, depth, indent)
			p.str("{")
			p.exprList(c.items, 1, indent)
			p.str("}")
		default:
			panic(fmt.Sprintf("gocode: a group of kind %d after an operand", c.kind))
		}
	}
}

// base writes an operand's first part: a name, a literal, a type, a func.
func (p *Printer) base(s []Code, indent int) {
	switch first := s[0].(type) {
	case token:
		switch {
		case first.kind == tQual:
			p.Imports[first.pkg] = true
			p.str(first.pkg[strings.LastIndexByte(first.pkg, '/')+1:] + "." + first.text)
		case first.kind == tKeyword: // func
			p.str("func")
			p.signatureAndBody(s[1:], indent)
		case first.kind == tOp: // *T
			p.str(first.text)
			p.expr(s[1:], 1, indent)
		default:
			p.str(first.text)
		}
	case *group:
		if first.kind == gMap {
			p.str("map[")
			p.expr(toks(first.items[0]), 1, indent)
			p.str("]")
		} else {
			p.str("[]")
		}
		p.expr(s[1:], 1, indent)
	}
}
