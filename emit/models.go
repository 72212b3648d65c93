package emit

import (
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"

	"github.com/armgen/armgen/emit/naming"
	"github.com/armgen/armgen/ir"
)

// modelsJob writes models.go: a struct per model, its JSON methods, and
// an interface per polymorphic family.
//
// allOf is flattened: a model's struct has its parents' fields followed by
// its own, as the IR lists them. Embedding would make the JSON of a child
// depend on Go's promotion rules; flattening keeps one field per property.
//
// models.go is by far the largest file, and rendering and formatting it
// most of the work on a large spec: it is made in parts (see split).
func (g *gen) modelsJob() job {
	models := g.api.Models
	return g.split("models.go", len(models), func(f *jen.File, key string, lo, hi int) {
		for _, m := range models[lo:hi] {
			g.at(key, m.Pointer)
			g.model(f, m)
		}
	})
}

// model writes one model.
func (g *gen) model(f *jen.File, m *ir.Model) {
	name := g.names.Type(m)
	text := described(name, firstNonEmpty(m.Description, m.Title))
	if text == "" && !m.Inline && !sameName(name, m.Name) {
		// No description, but a Go name that is not the spec's.
		text = name + " is the " + m.Name + " definition of the spec."
	}
	fields := make([]jen.Code, 0, 2*len(m.Properties)+4)
	for _, p := range m.Properties {
		fields = append(fields, g.doc(fieldDoc(p)), jen.Id(g.names.Field(p)).Add(g.fieldType(p.Type)))
	}
	if m.AdditionalProperties != nil {
		additional := g.names.Additional(m)
		fields = append(fields,
			g.doc(additional+" holds the properties not listed above (additionalProperties)."),
			jen.Id(additional).Map(jen.String()).Add(g.elemType(m.AdditionalProperties, true)))
	}
	extra := g.names.Extra(m)
	fields = append(fields,
		g.doc(extra+" holds JSON properties without a field here, and explicit nulls: they are sent back as received. "+
			`Set one to json.RawMessage("null") to send null for a nil field (PATCH).`),
		jen.Id(extra).Map(jen.String()).Qual("encoding/json", "RawMessage"))
	f.Add(g.doc(text))
	f.Type().Id(name).Struct(fields...)
	f.Line()

	g.modelJSON(f, m, name)
	g.modelCheck(f, m, name)
	for _, base := range naming.FamilyBases(g.api, m) {
		g.getter(f, m, name, base)
	}
	if m.Discriminator != "" {
		g.family(f, m)
	}
}

// sameName reports whether a Go name is a spec name as naming spells
// it: the same letters and digits, whatever their case.
func sameName(goName, specName string) bool {
	alnum := func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}
	return strings.EqualFold(goName, strings.Map(alnum, specName))
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// fieldDoc is the text documenting a field, the way the Azure SDK for Go
// does: "REQUIRED; …", "READ-ONLY; …".
func fieldDoc(p *ir.Property) string {
	var marks []string
	if p.Required {
		marks = append(marks, "REQUIRED")
	}
	if p.ReadOnly {
		marks = append(marks, "READ-ONLY")
	}
	if p.Secret {
		marks = append(marks, "SECRET (never returned by the service)")
	}
	text := firstNonEmpty(p.Description, p.Title)
	if p.Title != "" && p.Description != "" && p.Title != p.Description {
		text = strings.TrimSpace(p.Title) + "\n" + p.Description
	}
	switch {
	case len(marks) > 0 && text != "":
		text = strings.Join(marks, "; ") + "; " + text
	case len(marks) > 0:
		text = strings.Join(marks, "; ") + "."
	}
	if len(p.Mutability) > 0 {
		text += "\nMutability: " + strings.Join(p.Mutability, ", ") + "."
	}
	if p.Default != "" {
		text += "\nDefault: " + p.Default + "."
	}
	if p.Const != "" {
		text += "\nThe spec allows only " + p.Const + ", which is sent when the field is nil."
	}
	return text
}

// modelJSON writes fields(), MarshalJSON and UnmarshalJSON: one table of
// wire names drives both directions (see the static json.go).
func (g *gen) modelJSON(f *jen.File, m *ir.Model, name string) {
	// func (m *T) fields() []field { return []field{{"id", &m.ID}, …} }
	table := make([]jen.Code, 0, len(m.Properties))
	for _, p := range m.Properties {
		field := jen.Op("&").Id("m").Dot(g.names.Field(p))
		ptr := field
		switch {
		case p.Discriminator && m.DiscriminatorValue != "":
			// discriminator[T]{&m.Kind, "value"}
			var value jen.Code = jen.Lit(m.DiscriminatorValue)
			if p.Type.Kind == ir.KindEnum {
				value = jen.Id(g.names.Type(g.names.Enum(p.Type.Ref))).Call(value)
			}
			ptr = jen.Id("discriminator").Types(g.valueType(p.Type)).Values(field, value)
		default:
			if leaf := g.codecLeaf(p.Type); leaf != nil {
				// shaped{&m.When, dateTimeLeaf}
				ptr = jen.Id("shaped").Values(field, leaf)
			}
		}
		if p.Const != "" {
			// fixed{&m.Kind, `"value"`}: sent whether the caller set it or not.
			ptr = jen.Id("fixed").Values(ptr, jen.Lit(p.Const))
		}
		if p.ReadOnly && !p.Discriminator {
			// readOnly{&m.ID}: never sent in a request. A discriminator
			// always is: it says what the value is.
			ptr = jen.Id("readOnly").Values(ptr)
		}
		table = append(table, jen.Values(jen.Lit(p.Name), ptr))
	}
	recv := jen.Id("m").Op("*").Id(name)
	f.Func().Params(recv).Id("fields").Params().Index().Id("field").Block(
		jen.Return(jen.Index().Id("field").Values(lines(table)...)),
	)
	f.Line()

	extra := g.names.Extra(m)
	var additional jen.Code = jen.Nil()
	if m.AdditionalProperties != nil {
		additional = jen.Id("m").Dot(g.names.Additional(m))
	}
	f.Comment("// MarshalJSON writes the fields that are set, then " + extra + ".")
	f.Func().Params(jen.Id("m").Id(name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("marshalObject").Call(jen.Id("m").Dot("fields").Call(), jen.Id("m").Dot(extra), additional)),
	)
	f.Line()
	f.Comment("// UnmarshalJSON reads every property, keeping those without a field in " + extra + ".")
	unmarshal := jen.Id("unmarshalObject").Call(jen.Id("data"), jen.Id("m").Dot("fields").Call(), jen.Op("&").Id("m").Dot(extra))
	var body []jen.Code
	if m.AdditionalProperties == nil {
		body = []jen.Code{jen.Return(unmarshal)}
	} else {
		// Properties that are not fields belong to AdditionalProperties.
		body = []jen.Code{
			jen.If(jen.Err().Op(":=").Add(unmarshal), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.Return(jen.Id("unmarshalAdditional").Call(jen.Op("&").Id("m").Dot(extra), jen.Op("&").Id("m").Dot(g.names.Additional(m)))),
		}
	}
	f.Func().Params(recv.Clone()).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(body...)
	f.Line()
}

// getter writes Get<Base>, by which every member of a family hands out
// its base part: the base itself, or a copy of the inherited fields.
func (g *gen) getter(f *jen.File, m *ir.Model, name string, base *ir.Model) {
	getter := g.names.Getter(base)
	baseName := g.names.Type(base)
	f.Comment("// " + getter + " implements " + g.names.Interface(base) + ".")
	if base == m {
		f.Func().Params(jen.Id("m").Op("*").Id(name)).Id(getter).Params().Op("*").Id(baseName).Block(jen.Return(jen.Id("m")))
		f.Line()
		return
	}
	own := map[string]*ir.Property{}
	for _, p := range m.Properties {
		own[p.Name] = p
	}
	var values []jen.Code
	for _, p := range base.Properties {
		// A field the member retypes (a copy of a model from another
		// file, which the parser warns about) has no place in the base.
		if q := own[p.Name]; q != nil && g.names.FieldType(q.Type).String() == g.names.FieldType(p.Type).String() {
			values = append(values, kv(g.names.Field(p), jen.Id("m").Dot(g.names.Field(p))))
		}
	}
	values = append(values, kv(g.names.Extra(base), jen.Id("m").Dot(g.names.Extra(m))))
	f.Func().Params(jen.Id("m").Op("*").Id(name)).Id(getter).Params().Op("*").Id(baseName).Block(
		jen.Return(jen.Op("&").Id(baseName).Values(keyed(values...)...)),
	)
	f.Line()
}

// family writes a polymorphic base's interface and the function that
// decodes it, picking the concrete type from the discriminator; a value
// no member claims decodes into the base itself, losing nothing.
func (g *gen) family(f *jen.File, base *ir.Model) {
	iface := g.names.Interface(base)
	baseName := g.names.Type(base)
	var members []string
	for _, c := range base.Children {
		members = append(members, g.names.Type(g.names.Model(c)))
	}
	text := iface + " is any model of the " + baseName + " family: " + baseName
	if len(members) > 0 {
		text += ", " + strings.Join(members, ", ")
	}
	text += ". The \"" + base.Discriminator + "\" property says which."
	f.Add(g.doc(text))
	methods := []jen.Code{}
	if base.Base != "" {
		methods = append(methods, jen.Id(g.names.Interface(g.names.Model(base.Base))))
	}
	methods = append(methods,
		jen.Comment("// "+g.names.Getter(base)+" returns the "+baseName+" part of the value."),
		jen.Id(g.names.Getter(base)).Params().Op("*").Id(baseName))
	f.Type().Id(iface).Interface(methods...)
	f.Line()

	f.Func().Id(unmarshalerOf(iface)).Params(jen.Id("data").Index().Byte()).Params(jen.Id(iface), jen.Error()).Block(
		jen.If(jen.Id("isNull").Call(jen.Id("data"))).Block(jen.Return(jen.Nil(), jen.Nil())),
		jen.List(jen.Id("kind"), jen.Err()).Op(":=").Id("discriminatorOf").Call(jen.Id("data"), jen.Lit(base.Discriminator)),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Var().Id("v").Id(iface),
		jen.Switch(jen.Id("kind")).BlockFunc(func(sw *jen.Group) {
			for _, c := range base.Children {
				cm := g.names.Model(c)
				sw.Case(jen.Lit(cm.DiscriminatorValue)).Block(jen.Id("v").Op("=").Op("&").Id(g.names.Type(cm)).Values())
			}
			sw.Default().Block(jen.Id("v").Op("=").Op("&").Id(baseName).Values())
		}),
		jen.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Id("v")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Err()),
		),
		jen.Return(jen.Id("v"), jen.Nil()),
	)
	f.Line()
}
