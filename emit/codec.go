package emit

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/armgen/armgen/emit/naming"
	"github.com/armgen/armgen/ir"
)

// A model's JSON codec is written out for its own fields: readJSON
// switches on each property name and reads the value with a typed read of
// the static jsonReader; writeJSON writes each field that is set with a
// typed write of the static jsonWriter, then Extra. What is per model is
// only that: one call per property where a helper exists, loops for
// arrays and maps of other things. Everything shared (scanning, escaping,
// numbers, dates, Extra, read-only properties in requests, error paths)
// is in the static jsonread*.go and jsonwrite*.go.

// modelJSON writes a model's MarshalJSON, UnmarshalJSON, readJSON and
// writeJSON.
func (g *gen) modelJSON(f *jen.File, m *ir.Model, name string, labels *propertyLabels) {
	extra := g.names.Extra(m)
	f.Comment("// MarshalJSON writes the fields that are set, then " + extra + ".")
	f.Func().Params(jen.Id("m").Id(name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Id("w").Op(":=").Id("newJSONWriter").Call(),
		jen.Id("m").Dot("writeJSON").Call(jen.Id("w")),
		jen.Return(jen.Id("w").Dot("done").Call()),
	)
	f.Line()
	f.Comment("// UnmarshalJSON reads every property, keeping those without a field in " + extra + ".")
	f.Func().Params(jen.Id("m").Op("*").Id(name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Id("r").Op(":=").Id("newJSONReader").Call(jen.Id("data")),
		jen.Id("m").Dot("readJSON").Call(jen.Id("r")),
		jen.Return(jen.Id("r").Dot("done").Call()),
	)
	f.Line()
	g.readJSON(f, m, name, labels)
	g.writeJSON(f, m, name)
}

// readJSON writes the method that reads an object into the model and
// returns it, nil for null (the model is then left as it is), so that
// reading a field of the model's type is one call:
// m.Properties = new(PoolProperties).readJSON(r). It switches on the
// number of each property name (see propertyLabels); a property no case
// reads goes into Extra (the static next).
func (g *gen) readJSON(f *jen.File, m *ir.Model, name string, labels *propertyLabels) {
	extra := jen.Op("&").Id("m").Dot(g.names.Extra(m))
	c := &codec{g: g, r: "r"}
	var cases []jen.Code
	for _, p := range m.Properties {
		field := jen.Id("m").Dot(g.names.Field(p))
		c.lastWins = g.codecLeaf(p.Type) != nil
		cases = append(cases, caseComment(jen.Op(fmt.Sprintf("%#08x", labels.of[p.Name])), strconv.Quote(p.Name),
			c.read(field, p.Type, g.names.FieldType(p.Type))))
	}
	var body []jen.Code
	if len(cases) > 0 {
		body = []jen.Code{jen.Switch(jen.Id("l")).Block(cases...)}
	}
	stmts := []jen.Code{
		jen.For(
			jen.Id("l").Op(":=").Id("r").Dot("object").Call(jen.Id(labels.table), extra.Clone()),
			jen.Id("l").Op("!=").Lit(0),
			jen.Id("l").Op("=").Id("r").Dot("next").Call(),
		).Block(body...),
	}
	if m.AdditionalProperties != nil {
		stmts = append(stmts, g.readAdditional(m)...)
	}
	stmts = append(stmts,
		jen.If(jen.Id("r").Dot("null")).Block(jen.Return(jen.Nil())),
		jen.Return(jen.Id("m")))
	f.Func().Params(jen.Id("m").Op("*").Id(name)).Id("readJSON").Params(jen.Id("r").Op("*").Id("jsonReader")).Op("*").Id(name).Block(stmts...)
	f.Line()
}

// readAdditional moves the properties left in Extra into the
// additionalProperties map, as each decodes as its values do; a null the
// values cannot hold stays in Extra. Values whose innermost values are
// dates, base64url or polymorphic models are read by encoding/json, as
// the reflective codec read them (so a date-time in RFC 3339 only).
func (g *gen) readAdditional(m *ir.Model) []jen.Code {
	extra := jen.Id("m").Dot(g.names.Extra(m))
	additional := jen.Id("m").Dot(g.names.Additional(m))
	gt := g.names.ElemType(m.AdditionalProperties, true)
	c := &codec{g: g, r: "sub", depth: 1}
	// The map is made for any property left, even a null that stays in
	// Extra, as the reflective codec made it.
	loop := []jen.Code{
		jen.If(additional.Clone().Op("==").Nil()).Block(additional.Clone().Op("=").Make(jenType(g.names.FieldType(&ir.Type{Kind: ir.KindMap, Elem: m.AdditionalProperties})))),
	}
	if gt.Kind != naming.GoPointer && !g.isInterface(m.AdditionalProperties, gt) {
		loop = append(loop, jen.If(jen.Id("rawNull").Call(jen.Id("raw"))).Block(jen.Continue()))
	}
	fail := jen.Id("r").Dot("failAt").Call(jen.Id("k"), jen.Err())
	if g.codecLeaf(m.AdditionalProperties) != nil {
		loop = append(loop,
			jen.Var().Id("v").Add(jenType(gt)),
			jen.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id("raw"), jen.Op("&").Id("v")), jen.Err().Op("!=").Nil()).Block(
				fail, jen.Return(jen.Id("m"))),
		)
	} else {
		loop = append(loop,
			jen.Id("sub").Op(":=").Op("&").Id("jsonReader").Values(jen.Id("data").Op(":").Id("raw")),
			jen.Var().Id("v").Add(jenType(gt)),
		)
		loop = append(loop, c.read(jen.Id("v"), m.AdditionalProperties, gt)...)
		loop = append(loop, jen.If(jen.Err().Op(":=").Id("sub").Dot("err"), jen.Err().Op("!=").Nil()).Block(fail, jen.Return(jen.Id("m"))))
	}
	loop = append(loop,
		additional.Clone().Index(jen.Id("k")).Op("=").Id("v"),
		jen.Delete(extra.Clone(), jen.Id("k")),
	)
	return []jen.Code{
		jen.If(jen.Id("r").Dot("err").Op("!=").Nil()).Block(jen.Return(jen.Id("m"))),
		jen.For(jen.List(jen.Id("k"), jen.Id("raw")).Op(":=").Range().Add(extra.Clone())).Block(loop...),
		jen.If(jen.Len(extra.Clone()).Op("==").Lit(0)).Block(extra.Clone().Op("=").Nil()),
	}
}

// writeJSON writes the method that writes the model as an object.
func (g *gen) writeJSON(f *jen.File, m *ir.Model, name string) {
	c := &codec{g: g, w: "w"}
	stmts := []jen.Code{
		jen.If(jen.Id("m").Op("==").Nil()).Block(jen.Id("w").Dot("null").Call(), jen.Return()),
		jen.Id("start").Op(":=").Id("w").Dot("open").Call(),
	}
	// ro holds the writes of read-only properties, which a request leaves
	// out: if !w.request { … }.
	var ro []jen.Code
	flush := func() {
		if len(ro) > 0 {
			stmts = append(stmts, jen.If(jen.Op("!").Id("w").Dot("request")).Block(ro...))
			ro = nil
		}
	}
	for _, p := range m.Properties {
		field := jen.Id("m").Dot(g.names.Field(p))
		key := jsonKey(p.Name)
		write := c.writeField(key, field, p.Type, g.names.FieldType(p.Type))
		readOnly := p.ReadOnly && !p.Discriminator // a discriminator says what the value is
		fixed := p.Const
		if p.Discriminator && m.DiscriminatorValue != "" {
			b, _ := json.Marshal(m.DiscriminatorValue)
			fixed = string(b)
		} else if fixed != "" {
			b, _ := json.Marshal(json.RawMessage(fixed)) // compact and escaped, as json.Marshal writes it
			fixed = string(b)
		}
		switch {
		case fixed != "":
			// Sent whether the caller set it or not: the spec fixes it.
			set := field.Clone().Op("!=").Nil()
			if readOnly {
				set = set.Op("&&").Op("!").Id("w").Dot("request")
			}
			flush()
			stmts = append(stmts, jen.If(set).Block(write...).Else().Block(
				jen.Id("w").Dot("raw").Call(keyLit(key), keyLit(fixed))))
		case readOnly:
			// Consecutive read-only properties share one test.
			ro = append(ro, write...)
		default:
			flush()
			stmts = append(stmts, write...)
		}
	}
	flush()
	if m.AdditionalProperties != nil {
		additional := jen.Id("m").Dot(g.names.Additional(m))
		gt := g.names.ElemType(m.AdditionalProperties, true)
		write := c.write(additional.Clone().Index(jen.Id("k")), m.AdditionalProperties, gt, true)
		if g.codecLeaf(m.AdditionalProperties) != nil {
			// As the reflective codec wrote them: with encoding/json.
			write = []jen.Code{jen.Id("w").Dot("anyValue").Call(additional.Clone().Index(jen.Id("k")))}
		}
		loop := append([]jen.Code{
			jen.If(jen.Id("w").Dot("written").Call(jen.Id("start"), jen.Id("k"))).Block(jen.Continue()),
			jen.Id("w").Dot("mapKey").Call(jen.Id("k")),
		}, write...)
		stmts = append(stmts, jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Id("sortedKeys").Call(additional.Clone())).Block(loop...))
	}
	stmts = append(stmts, jen.Id("w").Dot("close").Call(jen.Id("start"), jen.Id("m").Dot(g.names.Extra(m))))
	f.Func().Params(jen.Id("m").Op("*").Id(name)).Id("writeJSON").Params(jen.Id("w").Op("*").Id("jsonWriter")).Block(stmts...)
	f.Line()
}

// caseComment is "case value: // comment" and its statements.
func caseComment(value jen.Code, comment string, stmts []jen.Code) jen.Code {
	c := jen.Case(value).Comment(comment)
	for _, s := range stmts {
		c.Line().Add(s)
	}
	return c
}

// propertyLabels numbers the JSON property names of a package's models,
// for the switch of readJSON on them (see the static jsonnames.go): each
// by FNV-1a from an offset basis moved by a seed, the first seed for
// which no two names share a number and none is 0 or 1.
type propertyLabels struct {
	table string // the package's nameTable variable
	seed  uint32
	names []string // sorted
	of    map[string]uint32
}

func newPropertyLabels(models []*ir.Model) *propertyLabels {
	l := &propertyLabels{table: "jsonNames", of: map[string]uint32{}}
	for _, m := range models {
		for _, p := range m.Properties {
			if _, ok := l.of[p.Name]; !ok {
				l.of[p.Name] = 0
				l.names = append(l.names, p.Name)
			}
		}
	}
	slices.Sort(l.names)
	for ; ; l.seed++ {
		seen := make(map[uint32]bool, len(l.names))
		ok := true
		for _, name := range l.names {
			h := nameLabel(l.seed, name)
			if h <= 1 || seen[h] { // 0 and 1 are the static labelEnd and labelUnknown
				ok = false
				break
			}
			seen[h] = true
			l.of[name] = h
		}
		if ok {
			return l
		}
	}
}

// nameLabel is the static nameLabel.
func nameLabel(seed uint32, name string) uint32 {
	h := uint32(2166136261) ^ seed
	for i := 0; i < len(name); i++ {
		h ^= uint32(name[i])
		h *= 16777619
	}
	return h
}

// declare writes the package's nameTable.
func (l *propertyLabels) declare(f *jen.File) {
	names := make([]jen.Code, 0, len(l.names)+1)
	names = append(names, jen.Lit(int(l.seed)))
	for _, name := range l.names {
		names = append(names, jen.Lit(name))
	}
	f.Comment("// " + l.table + " numbers the JSON property names of the models, for their readJSON methods.")
	f.Var().Id(l.table).Op("=").Id("newNameTable").Call(lines(names)...)
	f.Line()
}

// jsonKey is a property's key as json.Marshal writes it: `"name":`.
func jsonKey(name string) string {
	b, _ := json.Marshal(name)
	return string(b) + ":"
}

// familyJSON writes the functions that read a polymorphic family's
// interface, picking the concrete type from the discriminator; a value
// no member claims reads into the base itself, losing nothing.
func (g *gen) familyJSON(f *jen.File, base *ir.Model, iface string) {
	read := naming.Reader(iface)
	var cases []jen.Code
	for _, c := range base.Children {
		cm := g.names.Model(c)
		cases = append(cases, jen.Case(jen.Lit(cm.DiscriminatorValue)).Block(
			jen.Op("*").Id("p").Op("=").New(jen.Id(g.names.Type(cm))).Dot("readJSON").Call(jen.Id("r"))))
	}
	cases = append(cases, jen.Default().Block(
		jen.Op("*").Id("p").Op("=").New(jen.Id(g.names.Type(base))).Dot("readJSON").Call(jen.Id("r"))))
	f.Comment("// " + read + " reads a " + iface + " into *p: the model its " + strconv.Quote(base.Discriminator) + " names.")
	f.Func().Id(read).Params(jen.Id("r").Op("*").Id("jsonReader"), jen.Id("p").Op("*").Id(iface)).Block(
		jen.List(jen.Id("kind"), jen.Id("ok")).Op(":=").Id("r").Dot("discriminator").Call(jen.Lit(base.Discriminator)),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Op("*").Id("p").Op("=").Nil(), jen.Return()),
		jen.Switch(jen.String().Parens(jen.Id("kind"))).Block(cases...),
	)
	f.Line()
	f.Comment("// " + naming.Unmarshaler(iface) + " decodes a " + iface + ": the model its " + strconv.Quote(base.Discriminator) + " names.")
	f.Func().Id(naming.Unmarshaler(iface)).Params(jen.Id("data").Index().Byte()).Params(jen.Id(iface), jen.Error()).Block(
		jen.Id("r").Op(":=").Id("newJSONReader").Call(jen.Id("data")),
		jen.Var().Id("v").Id(iface),
		jen.Id(read).Call(jen.Id("r"), jen.Op("&").Id("v")),
		jen.If(jen.Err().Op(":=").Id("r").Dot("done").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Id("v"), jen.Nil()),
	)
	f.Line()
}
