// Package gocode builds Go statements and expressions the way jennifer
// does, and writes them laid out exactly as gofmt lays them out, without
// parsing and printing them again.
//
// armgen's operation files grow with a spec's operations; building them
// with jennifer and formatting them with go/format was most of the time
// armgen took on large specs. The code the emitter writes uses a small,
// regular part of Go: the builder covers that part, and a test holds every
// shape to gofmt's bytes. What is not covered panics, so that a new shape
// is found by the tests rather than written out of gofmt's layout.
//
// The layout follows go/printer: one statement per line, tabs for
// indentation, and blanks around binary operators decided by go/printer's
// precedence and nesting rules (a+b inside a call of several arguments,
// a + b outside).
package gocode

import (
	"fmt"
	"strconv"
	"strings"
)

// Code is a part of a statement: a *Statement or a group.
type Code interface{ isCode() }

// Statement is a sequence of tokens and groups, as jennifer's.
type Statement []Code

func (*Statement) isCode() {}

type tokenKind uint8

const (
	tIdent   tokenKind = iota // an identifier, a predeclared type or value
	tLit                      // a literal, written as given
	tQual                     // pkg.Name of an imported package
	tOp                       // an operator, or raw text in an operand's place
	tDot                      // .Name
	tKeyword                  // if, for, return, func…
	tLine                     // a statement break inside one Statement
)

type token struct {
	kind tokenKind
	text string
	pkg  string // for tQual: the import path
}

func (token) isCode() {}

type groupKind uint8

const (
	gCall   groupKind = iota // (a, b) after an expression
	gParams                  // (a T, b U) in a signature
	gBlock                   // { statements }
	gIndex                   // [] before a type, or [i] after an expression
	gValues                  // {a, b} after a type
	gTypes                   // [A, B] after a generic type
	gList                    // a, b (assignment sides)
	gMap                     // map[K] before a type
	gClause                  // the head of if, for or switch: parts separated by ";"
	gCase                    // case a, b:
)

type group struct {
	kind  groupKind
	items []Code
}

func (*group) isCode() {}

func (s *Statement) add(c Code) *Statement {
	*s = append(*s, c)
	return s
}

// newStatement starts a statement with room for a few tokens, which most
// have: appending one at a time from none allocates three times.
func newStatement() *Statement {
	s := make(Statement, 0, 4)
	return &s
}

// Id is an identifier.
func Id(name string) *Statement { return newStatement().Id(name) }

// Id adds an identifier.
func (s *Statement) Id(name string) *Statement { return s.add(token{kind: tIdent, text: name}) }

// Qual is Name of the package at path, which the file imports.
func Qual(path, name string) *Statement { return newStatement().Qual(path, name) }

// Qual adds Name of the package at path.
func (s *Statement) Qual(path, name string) *Statement {
	return s.add(token{kind: tQual, text: name, pkg: path})
}

// Op is an operator; text that is not one stands for itself, as an operand.
func Op(op string) *Statement { return newStatement().Op(op) }

// Op adds an operator.
func (s *Statement) Op(op string) *Statement { return s.add(token{kind: tOp, text: op}) }

// Dot adds a selector.
func (s *Statement) Dot(name string) *Statement { return s.add(token{kind: tDot, text: name}) }

// Lit is a literal: a string, bool, int or float64, written as jennifer
// writes it.
func Lit(v any) *Statement { return newStatement().Lit(v) }

// Lit adds a literal.
func (s *Statement) Lit(v any) *Statement {
	var text string
	switch v := v.(type) {
	case string:
		text = strconv.Quote(v)
	case bool:
		text = strconv.FormatBool(v)
	case int:
		text = strconv.Itoa(v)
	case float64:
		text = fmt.Sprintf("%#v", v)
		if !strings.ContainsAny(text, ".e") {
			text += ".0"
		}
	default:
		panic(fmt.Sprintf("gocode: a literal of type %T", v))
	}
	return s.add(token{kind: tLit, text: text})
}

// LitByte is a byte literal, as jennifer writes it: byte(0x67).
func LitByte(b byte) *Statement { return newStatement().LitByte(b) }

// LitByte adds a byte literal.
func (s *Statement) LitByte(b byte) *Statement {
	return s.add(token{kind: tLit, text: fmt.Sprintf("byte(%#v)", b)})
}

// Raw is Go text written as it is, in an operand's place.
func Raw(text string) *Statement { return newStatement().Raw(text) }

// Raw adds Go text written as it is.
func (s *Statement) Raw(text string) *Statement { return s.add(token{kind: tLit, text: text}) }

func ident(name string) func() *Statement {
	return func() *Statement { return Id(name) }
}

// Predeclared names.
var (
	Err     = ident("err")
	Nil     = ident("nil")
	True    = ident("true")
	False   = ident("false")
	String  = ident("string")
	Error   = ident("error")
	Bool    = ident("bool")
	Any     = ident("any")
	Int32   = ident("int32")
	Int64   = ident("int64")
	Float32 = ident("float32")
	Float64 = ident("float64")
)

// Err adds err.
func (s *Statement) Err() *Statement { return s.Id("err") }

// Nil adds nil.
func (s *Statement) Nil() *Statement { return s.Id("nil") }

// String adds string.
func (s *Statement) String() *Statement { return s.Id("string") }

// Error adds error.
func (s *Statement) Error() *Statement { return s.Id("error") }

// Bool adds bool.
func (s *Statement) Bool() *Statement { return s.Id("bool") }

// Add adds code.
func Add(code ...Code) *Statement { return newStatement().Add(code...) }

// Add adds code.
func (s *Statement) Add(code ...Code) *Statement {
	for _, c := range code {
		if c == nil {
			continue
		}
		if st, ok := c.(*Statement); ok {
			*s = append(*s, *st...)
			continue
		}
		s.add(c)
	}
	return s
}

// Line breaks a Statement into two statements.
func Line() *Statement { return newStatement().add(token{kind: tLine}) }

// Clone copies a statement, so that adding to the copy leaves it alone.
func (s *Statement) Clone() *Statement {
	c := make(Statement, len(*s))
	copy(c, *s)
	return &c
}

func (s *Statement) group(kind groupKind, items []Code) *Statement {
	return s.add(&group{kind: kind, items: items})
}

// Call adds a call's arguments.
func (s *Statement) Call(args ...Code) *Statement { return s.group(gCall, args) }

// Params adds a parameter or result list.
func (s *Statement) Params(params ...Code) *Statement { return s.group(gParams, params) }

// Block adds a block; after Case or Default, the clause's statements.
func (s *Statement) Block(stmts ...Code) *Statement { return s.group(gBlock, stmts) }

// Index is [] before a slice's element type.
func Index(items ...Code) *Statement { return newStatement().Index(items...) }

// Index adds [] or an index.
func (s *Statement) Index(items ...Code) *Statement { return s.group(gIndex, items) }

// Values adds a composite literal's elements.
func (s *Statement) Values(items ...Code) *Statement { return s.group(gValues, items) }

// Types adds type arguments.
func (s *Statement) Types(types ...Code) *Statement { return s.group(gTypes, types) }

// List is a list of expressions, one side of an assignment.
func List(items ...Code) *Statement { return newStatement().group(gList, items) }

// Map is map[key] before a map's element type.
func Map(key Code) *Statement { return newStatement().group(gMap, []Code{key}) }

// Len is len(x).
func Len(x Code) *Statement { return Id("len").Call(x) }

func keyword(word string, s *Statement) *Statement { return s.add(token{kind: tKeyword, text: word}) }

// If starts an if statement: its init statement and condition.
func If(parts ...Code) *Statement { return keyword("if", newStatement()).group(gClause, parts) }

// Else adds else, before a Block or an If.
func (s *Statement) Else() *Statement { return keyword("else", s) }

// For starts a for statement.
func For(parts ...Code) *Statement { return keyword("for", newStatement()).group(gClause, parts) }

// Range adds range.
func (s *Statement) Range() *Statement { return keyword("range", s) }

// Switch starts a switch statement.
func Switch(parts ...Code) *Statement { return keyword("switch", newStatement()).group(gClause, parts) }

// Case starts a case clause; Block adds its statements.
func Case(items ...Code) *Statement { return newStatement().group(gCase, items) }

// Default starts the default clause; Block adds its statements.
func Default() *Statement { return keyword("default", newStatement()) }

// Return is a return statement.
func Return(results ...Code) *Statement {
	return keyword("return", newStatement()).group(gList, results)
}

// Var starts a var declaration.
func Var() *Statement { return keyword("var", newStatement()) }

// Func starts a function declaration, literal or type.
func Func() *Statement { return keyword("func", newStatement()) }

// Type starts a type declaration.
func Type() *Statement { return keyword("type", newStatement()) }

// Any adds any.
func (s *Statement) Any() *Statement { return s.Id("any") }

// Map adds map[key] before a map's element type.
func (s *Statement) Map(key Code) *Statement { return s.group(gMap, []Code{key}) }

// List adds a list of expressions.
func (s *Statement) List(items ...Code) *Statement { return s.group(gList, items) }
