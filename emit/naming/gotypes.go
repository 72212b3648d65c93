package naming

import (
	"strings"

	"github.com/armgen/armgen/ir"
)

// Go types of IR types: which Go type holds a value in each place is, like
// a name, a decision about the Go view of the API, made here once for the
// emitter and for `armgen diff`.
//
// A field of scalar, enum or model type is a pointer, so that nil means
// "not set" and a request carries only what the caller set; arrays and
// maps are nil when not set. Inside arrays elements are values (pointers
// when the spec marks them x-nullable); map values that are models are
// pointers, so that a nil entry sends JSON null, which ARM reads as
// "remove this key" (user-assigned identities). A polymorphic model is its
// family's interface, never a pointer to an interface.

// GoKind is the shape of a Go type.
type GoKind int

const (
	GoNamed   GoKind = iota // a builtin, a type of the package, or Pkg.Name
	GoPointer               // *Elem
	GoSlice                 // []Elem
	GoMap                   // map[string]Elem
)

// GoType is a Go type as the generated package spells it.
type GoType struct {
	Kind GoKind
	// Name and Pkg name a GoNamed type: Pkg is the import path of a type
	// from another package ("time" for time.Time), "" for builtins and the
	// package's own types.
	Name, Pkg string
	Elem      *GoType
}

func named(name string) GoType          { return GoType{Kind: GoNamed, Name: name} }
func qualified(pkg, name string) GoType { return GoType{Kind: GoNamed, Pkg: pkg, Name: name} }
func pointerTo(t GoType) GoType         { return GoType{Kind: GoPointer, Elem: &t} }
func sliceOf(t GoType) GoType           { return GoType{Kind: GoSlice, Elem: &t} }
func mapOf(t GoType) GoType             { return GoType{Kind: GoMap, Elem: &t} }
func (t GoType) IsPointer() bool        { return t.Kind == GoPointer }

// Split spells the type as Go source does, apart: the type operators
// before its named part ("*", "[]", "map[string]*"…) and that part,
// whose package a writer of Go code must import. Every spelling of a Go
// type, the emitter's and String, is this one.
func (t GoType) Split() (ops string, leaf GoType) {
	for ; t.Kind != GoNamed; t = *t.Elem {
		switch t.Kind {
		case GoPointer:
			ops += "*"
		case GoSlice:
			ops += "[]"
		case GoMap:
			ops += "map[string]"
		}
	}
	return ops, t
}

// In is the type as another package spells it, which imports the
// generated one as pkg: the generated package's own types qualified.
func (t GoType) In(pkg string) GoType {
	switch {
	case t.Kind != GoNamed:
		elem := t.Elem.In(pkg)
		t.Elem = &elem
	case t.Pkg == "" && !builtin[t.Name]:
		t.Pkg = pkg
	}
	return t
}

// builtin are the predeclared types ValueType names.
var builtin = map[string]bool{
	"any": true, "bool": true, "byte": true, "int32": true, "int64": true,
	"float32": true, "float64": true, "string": true,
}

// String spells the type as Go source does: "*time.Time", "map[string]*Part".
func (t GoType) String() string {
	ops, leaf := t.Split()
	if leaf.Pkg != "" {
		return ops + leaf.Pkg[strings.LastIndexByte(leaf.Pkg, '/')+1:] + "." + leaf.Name
	}
	return ops + leaf.Name
}

// FieldType is the Go type of a model field, an optional parameter or a
// response header.
func (n *Names) FieldType(t *ir.Type) GoType {
	switch t.Kind {
	case ir.KindArray, ir.KindMap, ir.KindAny, ir.KindBytes, ir.KindBase64URL, ir.KindStream:
		return n.ValueType(t)
	case ir.KindModel:
		if n.Polymorphic(t) {
			return n.ValueType(t)
		}
	}
	return pointerTo(n.ValueType(t))
}

// ElemType is the Go type of an array element or map value.
func (n *Names) ElemType(t *ir.Type, inMap bool) GoType {
	if t.Nullable && t.Kind != ir.KindAny && !n.Polymorphic(t) {
		return n.FieldType(t)
	}
	if inMap && t.Kind == ir.KindModel && !n.Polymorphic(t) {
		return pointerTo(n.ValueType(t))
	}
	return n.ValueType(t)
}

// ValueType is the Go type holding a value of t, without optionality: a
// required argument, a response's Value, an enum's base.
func (n *Names) ValueType(t *ir.Type) GoType {
	switch t.Kind {
	case ir.KindBool:
		return named("bool")
	case ir.KindInt32:
		return named("int32")
	case ir.KindInt64:
		return named("int64")
	case ir.KindFloat32:
		return named("float32")
	case ir.KindFloat64:
		return named("float64")
	case ir.KindString, ir.KindDuration, ir.KindTime:
		return named("string")
	case ir.KindBytes, ir.KindBase64URL:
		return sliceOf(named("byte"))
	case ir.KindDate, ir.KindDateTime, ir.KindDateTimeRFC1123, ir.KindUnixTime:
		return qualified("time", "Time")
	case ir.KindStream:
		return qualified("io", "ReadCloser")
	case ir.KindArray:
		return sliceOf(n.ElemType(t.Elem, false))
	case ir.KindMap:
		return mapOf(n.ElemType(t.Elem, true))
	case ir.KindModel:
		m := n.modelKeys[t.Ref]
		if n.Polymorphic(t) {
			return named(n.Interface(m))
		}
		return named(n.Type(m))
	case ir.KindEnum:
		return named(n.Type(n.enumKeys[t.Ref]))
	}
	return named("any")
}

// ArgType is the Go type of a parameter passed as an argument; OptionType
// of one in an options struct. A stream goes in as an io.Reader.
func (n *Names) ArgType(t *ir.Type) GoType {
	if t.Kind == ir.KindStream {
		return qualified("io", "Reader")
	}
	return n.ValueType(t)
}

// OptionType is the Go type of an optional parameter's options field.
func (n *Names) OptionType(t *ir.Type) GoType {
	if t.Kind == ir.KindStream {
		return qualified("io", "Reader")
	}
	return n.FieldType(t)
}

// Polymorphic reports whether t is a model with a discriminator, which Go
// holds as the family's interface.
func (n *Names) Polymorphic(t *ir.Type) bool {
	if t.Kind != ir.KindModel {
		return false
	}
	m := n.modelKeys[t.Ref]
	return m != nil && m.Discriminator != ""
}

// Model and Enum resolve a Type.Ref.
func (n *Names) Model(key string) *ir.Model { return n.modelKeys[key] }

// Enum returns the enum with the given key.
func (n *Names) Enum(key string) *ir.Enum { return n.enumKeys[key] }
