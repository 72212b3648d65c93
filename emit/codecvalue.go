package emit

import (
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/armgen/armgen/emit/naming"
	"github.com/armgen/armgen/ir"
)

// codec writes the statements that read or write one value of a model
// field, an array element or a map value, whatever its type.
type codec struct {
	g *gen
	// r and w are the jsonReader and jsonWriter the statements use.
	r, w string
	// depth counts the loops around, so that nested ones name their
	// variables apart (i1, i2…).
	depth int
	// lastWins says maps are read as the reflective codec read a field
	// whose innermost values need a codec (dates, base64url, polymorphic
	// models): the last value of a key wins, as for a model's members.
	lastWins bool
}

// scalar names the typed reads and writes of a kind: value reads and
// writes a value (an array element); read reads into a pointer, given by
// its address (a field, a nullable element); the writes prefix+"Ptr"
// write a pointer, prefix+"Field" a field with its key.
type scalar struct{ value, read, prefix string }

var scalars = map[ir.Kind]scalar{
	ir.KindString:          {"str", "readString", "str"},
	ir.KindDuration:        {"str", "readString", "str"},
	ir.KindTime:            {"str", "readString", "str"},
	ir.KindInt32:           {"int32", "readInt32", "int32"},
	ir.KindInt64:           {"int64", "readInt64", "int64"},
	ir.KindFloat32:         {"float32", "readFloat32", "float32"},
	ir.KindFloat64:         {"float64", "readFloat64", "float64"},
	ir.KindBool:            {"boolean", "readBool", "bool"},
	ir.KindDateTime:        {"dateTime", "readDateTime", "dateTime"},
	ir.KindDate:            {"date", "readDate", "date"},
	ir.KindDateTimeRFC1123: {"rfc1123", "readRFC1123", "rfc1123"},
	ir.KindUnixTime:        {"unixTime", "readUnixTime", "unixTime"},
}

// scalarOf returns the typed reads and writes of a scalar, enum or time
// type, and for an enum the Go type of its values and of its base.
func (c *codec) scalarOf(t *ir.Type) (s scalar, enum string, base jen.Code) {
	kind := t.Kind
	if t.Kind == ir.KindEnum {
		e := c.g.names.Enum(t.Ref)
		kind, enum = e.Base, c.g.names.Type(e)
		base = jenType(c.g.names.ValueType(&ir.Type{Kind: kind}))
	}
	s, ok := scalars[kind]
	if !ok {
		panic("no JSON codec for a value of kind " + kind.String())
	}
	return s, enum, base
}

// name is a loop variable's name at the current depth.
func (c *codec) name(base string) string { return base + strconv.Itoa(c.depth) }

// plainStrings reports whether elements of t, of Go type gt, are plain
// strings (not enums, not nullable): the static helpers read and write
// []string and map[string]string whole.
func plainStrings(t *ir.Type, gt naming.GoType) bool {
	switch t.Kind {
	case ir.KindString, ir.KindDuration, ir.KindTime:
		return gt.Kind == naming.GoNamed && gt.Name == "string"
	}
	return false
}

// isInterface reports whether values of t are held in an interface (a
// polymorphic family, or any).
func (g *gen) isInterface(t *ir.Type, gt naming.GoType) bool {
	return gt.Kind == naming.GoNamed && (t.Kind == ir.KindAny || g.iface(t) != "")
}

// read returns the statements that read the next value into dst, of IR
// type t and Go type gt. Null reads as the zero value, nil for pointers,
// slices and maps.
func (c *codec) read(dst *jen.Statement, t *ir.Type, gt naming.GoType) []jen.Code {
	r := jen.Id(c.r)
	set := func(v jen.Code) []jen.Code { return []jen.Code{dst.Clone().Op("=").Add(v)} }
	// into reads with a static function that stores into dst itself.
	into := func(read string) []jen.Code {
		return []jen.Code{jen.Id(read).Call(r.Clone(), jen.Op("&").Add(dst.Clone()))}
	}
	switch gt.Kind {
	case naming.GoPointer:
		if t.Kind == ir.KindModel {
			// m.Properties = new(PoolProperties).readJSON(r)
			return set(jen.New(jenType(*gt.Elem)).Dot("readJSON").Call(r.Clone()))
		}
		s, enum, _ := c.scalarOf(t)
		if enum != "" {
			// m.State = (*PoolState)(r.strPtr())
			return set(jen.Parens(jen.Op("*").Id(enum)).Call(r.Clone().Dot(s.prefix + "Ptr").Call()))
		}
		return into(s.read)
	case naming.GoSlice:
		switch {
		case t.Kind == ir.KindBytes:
			return into("readBytes")
		case t.Kind == ir.KindBase64URL:
			return into("readBase64URL")
		case plainStrings(t.Elem, *gt.Elem):
			return into("readStrings")
		}
		return c.readSlice(dst, t, gt)
	case naming.GoMap:
		if plainStrings(t.Elem, *gt.Elem) {
			return into("readStringMap")
		}
		return c.readMap(dst, t, gt)
	}
	switch {
	case t.Kind == ir.KindModel && c.g.iface(t) != "":
		return into(naming.Reader(c.g.iface(t)))
	case t.Kind == ir.KindModel:
		return []jen.Code{dst.Clone().Dot("readJSON").Call(r.Clone())}
	case t.Kind == ir.KindAny:
		return into("readAny")
	}
	s, enum, _ := c.scalarOf(t)
	call := r.Clone().Dot(s.value).Call()
	if enum != "" {
		call = jen.Id(enum).Call(call)
	}
	return set(call)
}

// readSlice reads an array: nil for null, non-nil when empty.
func (c *codec) readSlice(dst *jen.Statement, t *ir.Type, gt naming.GoType) []jen.Code {
	c.depth++
	defer func() { c.depth-- }()
	r := jen.Id(c.r)
	i, v := c.name("i"), c.name("v")
	elem := *gt.Elem
	var body []jen.Code
	if elem.Kind == naming.GoNamed && t.Elem.Kind == ir.KindModel && c.g.iface(t.Elem) == "" {
		// A model is read in place, not copied.
		body = []jen.Code{
			dst.Clone().Op("=").Append(dst.Clone(), jenType(elem).Values()),
			dst.Clone().Index(jen.Id(i)).Dot("readJSON").Call(r.Clone()),
		}
	} else {
		body = []jen.Code{jen.Var().Id(v).Add(jenType(elem))}
		body = append(body, c.read(jen.Id(v), t.Elem, elem)...)
		body = append(body, dst.Clone().Op("=").Append(dst.Clone(), jen.Id(v)))
	}
	return []jen.Code{
		dst.Clone().Op("=").Nil(),
		jen.If(r.Clone().Dot("array").Call()).Block(
			dst.Clone().Op("=").Add(jenType(gt)).Values(),
			jen.For(jen.Id(i).Op(":=").Lit(0), r.Clone().Dot("elem").Call(jen.Id(i)), jen.Id(i).Op("++")).Block(body...),
		),
	}
}

// readMap reads an object into a map: nil for null, non-nil when empty.
func (c *codec) readMap(dst *jen.Statement, t *ir.Type, gt naming.GoType) []jen.Code {
	c.depth++
	defer func() { c.depth-- }()
	r := jen.Id(c.r)
	k, ok, v := c.name("k"), c.name("ok"), c.name("v")
	elem := *gt.Elem
	body := []jen.Code{jen.Var().Id(v).Add(jenType(elem))}
	body = append(body, c.read(jen.Id(v), t.Elem, elem)...)
	body = append(body, dst.Clone().Index(jen.String().Parens(jen.Id(k))).Op("=").Id(v))
	first, next := r.Clone().Dot("key").Call(), r.Clone().Dot("nextKey").Call(jen.Id(k))
	if c.lastWins {
		first, next = r.Clone().Dot("firstEntry").Call(), r.Clone().Dot("nextEntry").Call()
	}
	return []jen.Code{
		dst.Clone().Op("=").Nil(),
		jen.If(r.Clone().Dot("open").Call()).Block(
			dst.Clone().Op("=").Add(jenType(gt)).Values(),
			jen.For(
				jen.List(jen.Id(k), jen.Id(ok)).Op(":=").Add(first),
				jen.Id(ok),
				jen.List(jen.Id(k), jen.Id(ok)).Op("=").Add(next),
			).Block(body...),
		),
	}
}

// writeField returns the statements that write a field, with its key,
// when it is set (not nil).
func (c *codec) writeField(key string, src *jen.Statement, t *ir.Type, gt naming.GoType) []jen.Code {
	w := jen.Id(c.w)
	call := func(method string, arg jen.Code) []jen.Code {
		return []jen.Code{w.Clone().Dot(method).Call(keyLit(key), arg)}
	}
	switch gt.Kind {
	case naming.GoPointer:
		if t.Kind != ir.KindModel {
			s, enum, base := c.scalarOf(t)
			var arg jen.Code = src
			if enum != "" {
				arg = jen.Parens(jen.Op("*").Add(base)).Call(src)
			}
			return call(s.prefix+"Field", arg)
		}
	case naming.GoSlice:
		switch {
		case t.Kind == ir.KindBytes:
			return call("bytesField", src)
		case t.Kind == ir.KindBase64URL:
			return call("base64URLField", src)
		case plainStrings(t.Elem, *gt.Elem):
			return call("stringsField", src)
		}
	case naming.GoMap:
		if plainStrings(t.Elem, *gt.Elem) {
			return call("stringMapField", src)
		}
	case naming.GoNamed:
		return call("anyField", src) // a polymorphic family, or any
	}
	body := append([]jen.Code{w.Clone().Dot("key").Call(keyLit(key))}, c.write(src, t, gt, false)...)
	return []jen.Code{jen.If(src.Clone().Op("!=").Nil()).Block(body...)}
}

// write returns the statements that write the value src, of IR type t
// and Go type gt; maybeNil says a nil slice or map is written as null
// (an element), rather than being known not to be nil (a field).
func (c *codec) write(src *jen.Statement, t *ir.Type, gt naming.GoType, maybeNil bool) []jen.Code {
	w := jen.Id(c.w)
	switch gt.Kind {
	case naming.GoPointer:
		if t.Kind == ir.KindModel {
			return []jen.Code{src.Clone().Dot("writeJSON").Call(w.Clone())}
		}
		s, enum, base := c.scalarOf(t)
		var arg jen.Code = src
		if enum != "" {
			arg = jen.Parens(jen.Op("*").Add(base)).Call(src)
		}
		return []jen.Code{w.Clone().Dot(s.prefix + "Ptr").Call(arg)}
	case naming.GoSlice:
		switch {
		case t.Kind == ir.KindBytes:
			return []jen.Code{w.Clone().Dot("bytes").Call(src)}
		case t.Kind == ir.KindBase64URL:
			return []jen.Code{w.Clone().Dot("base64URL").Call(src)}
		case plainStrings(t.Elem, *gt.Elem):
			return []jen.Code{w.Clone().Dot("strings").Call(src)}
		}
		c.depth++
		i := c.name("i")
		body := append([]jen.Code{w.Clone().Dot("elem").Call()}, c.write(src.Clone().Index(jen.Id(i)), t.Elem, *gt.Elem, true)...)
		c.depth--
		return c.orNull(src, maybeNil,
			w.Clone().Dot("openArray").Call(),
			jen.For(jen.Id(i).Op(":=").Range().Add(src.Clone())).Block(body...),
			w.Clone().Dot("closeArray").Call(),
		)
	case naming.GoMap:
		if plainStrings(t.Elem, *gt.Elem) {
			return []jen.Code{w.Clone().Dot("stringMap").Call(src)}
		}
		c.depth++
		k := c.name("k")
		body := append([]jen.Code{w.Clone().Dot("mapKey").Call(jen.Id(k))}, c.write(src.Clone().Index(jen.Id(k)), t.Elem, *gt.Elem, true)...)
		c.depth--
		return c.orNull(src, maybeNil,
			w.Clone().Dot("openMap").Call(),
			jen.For(jen.List(jen.Id("_"), jen.Id(k)).Op(":=").Range().Id("sortedKeys").Call(src.Clone())).Block(body...),
			w.Clone().Dot("closeMap").Call(),
		)
	}
	switch {
	case t.Kind == ir.KindModel && c.g.iface(t) == "":
		return []jen.Code{src.Clone().Dot("writeJSON").Call(w.Clone())}
	case t.Kind == ir.KindModel, t.Kind == ir.KindAny:
		return []jen.Code{w.Clone().Dot("anyValue").Call(src)}
	}
	s, enum, base := c.scalarOf(t)
	var arg jen.Code = src
	if enum != "" {
		arg = jen.Add(base).Call(src)
	}
	return []jen.Code{w.Clone().Dot(s.value).Call(arg)}
}

// keyLit writes a key (`"name":`) or other JSON text as a raw string
// literal when it is plain ASCII, as a quoted one otherwise.
func keyLit(key string) jen.Code {
	for i := 0; i < len(key); i++ {
		if c := key[i]; c < ' ' || c > '~' || c == '`' {
			return jen.Lit(key)
		}
	}
	return jen.Op("`" + key + "`")
}

// orNull guards the statements that write a slice or map with a nil
// check when the value may be nil.
func (c *codec) orNull(src *jen.Statement, maybeNil bool, stmts ...jen.Code) []jen.Code {
	if !maybeNil {
		return stmts
	}
	return []jen.Code{jen.If(src.Clone().Op("==").Nil()).Block(jen.Id(c.w).Dot("null").Call()).Else().Block(stmts...)}
}
