package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/armgen/armgen/emit/naming"
	"github.com/armgen/armgen/ir"
)

// modelsFile writes a struct per model, its JSON methods, and an
// interface per polymorphic family.
//
// allOf is flattened: a model's struct has its parents' fields followed by
// its own, as the IR lists them. Embedding would make the JSON of a child
// depend on Go's promotion rules; flattening keeps one field per property.
func (g *gen) modelsFile(f *jen.File) {
	for _, m := range g.api.Models {
		g.at(f, m.Pointer)
		g.model(f, m)
	}
}

// model writes one model.
func (g *gen) model(f *jen.File, m *ir.Model) {
	name := g.names.Type(m)
	docs := doc(name, firstNonEmpty(m.Description, m.Title))
	if len(docs) == 0 {
		docs = comment(name + " is the " + m.Name + " object of the API.")
	}
	var fields []jen.Code
	for _, p := range m.Properties {
		fields = append(fields, fieldDoc(p)...)
		fields = append(fields, jen.Id(g.names.Field(p)).Add(g.fieldType(p.Type)))
	}
	if m.AdditionalProperties != nil {
		fields = append(fields,
			jen.Comment("// "+g.names.Additional(m)+" holds the properties not listed above (additionalProperties)."),
			jen.Id(g.names.Additional(m)).Map(jen.String()).Add(g.elemType(m.AdditionalProperties, true)))
	}
	extra := g.names.Extra(m)
	fields = append(fields,
		jen.Comment("// "+extra+" holds JSON properties without a field here, and explicit nulls: they are sent back as"),
		jen.Comment("// received. Set one to json.RawMessage(\"null\") to send null for a nil field (PATCH)."),
		jen.Id(extra).Map(jen.String()).Qual("encoding/json", "RawMessage"))
	addLines(f, docs)
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

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// fieldDoc documents a field the way the Azure SDK for Go does:
// "REQUIRED; …", "READ-ONLY; …".
func fieldDoc(p *ir.Property) []jen.Code {
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
	return comment(text)
}

// modelJSON writes fields(), MarshalJSON and UnmarshalJSON: one table of
// wire names drives both directions (see the static json.go).
func (g *gen) modelJSON(f *jen.File, m *ir.Model, name string) {
	var entries []jen.Code
	for _, p := range m.Properties {
		field := jen.Op("&").Id("m").Dot(g.names.Field(p))
		var ptr jen.Code = field
		switch {
		case p.Discriminator && m.DiscriminatorValue != "":
			// discriminator{&m.Kind, "value"}
			var value jen.Code = jen.Lit(m.DiscriminatorValue)
			if p.Type.Kind == ir.KindEnum {
				value = jen.Id(g.names.Type(g.enums[p.Type.Ref])).Call(value)
			}
			ptr = jen.Id("discriminator").Index(g.valueType(p.Type)).Values(field, value)
		case g.codecLeaf(p.Type) != nil:
			// shaped{&m.When, dateTimeLeaf}
			ptr = jen.Id("shaped").Values(field, g.codecLeaf(p.Type))
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
		entries = append(entries, jen.Values(jen.Lit(p.Name), ptr))
	}
	// func (m *T) fields() []field { return []field{{"id", &m.ID}, …} }
	f.Func().Params(jen.Id("m").Op("*").Id(name)).Id("fields").Params().Index().Id("field").Block(
		jen.Return(jen.Index().Id("field").ValuesFunc(func(gr *jen.Group) {
			for _, e := range entries {
				gr.Line().Add(e)
			}
			if len(entries) > 0 {
				gr.Line()
			}
		})),
	)
	extra := g.names.Extra(m)
	var additional jen.Code = jen.Nil()
	if m.AdditionalProperties != nil {
		additional = jen.Id("m").Dot(g.names.Additional(m))
	}
	f.Comment("// MarshalJSON writes the fields that are set, then " + extra + ".")
	f.Func().Params(jen.Id("m").Id(name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("marshalObject").Call(jen.Id("m").Dot("fields").Call(), jen.Id("m").Dot(extra), additional)),
	)
	f.Comment("// UnmarshalJSON reads every property, keeping those without a field in " + extra + ".")
	if m.AdditionalProperties == nil {
		f.Func().Params(jen.Id("m").Op("*").Id(name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
			jen.Return(jen.Id("unmarshalObject").Call(jen.Id("data"), jen.Id("m").Dot("fields").Call(), jen.Op("&").Id("m").Dot(extra))),
		)
	} else {
		// Properties that are not fields belong to AdditionalProperties.
		f.Func().Params(jen.Id("m").Op("*").Id(name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
			jen.If(jen.Err().Op(":=").Id("unmarshalObject").Call(jen.Id("data"), jen.Id("m").Dot("fields").Call(), jen.Op("&").Id("m").Dot(extra)), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Err()),
			),
			jen.Return(jen.Id("unmarshalAdditional").Call(jen.Op("&").Id("m").Dot(extra), jen.Op("&").Id("m").Dot(g.names.Additional(m)))),
		)
	}
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
	values := jen.Dict{}
	own := map[string]bool{}
	for _, p := range m.Properties {
		own[p.Name] = true
	}
	for _, p := range base.Properties {
		if own[p.Name] {
			values[jen.Id(g.names.Field(p))] = jen.Id("m").Dot(g.names.Field(p))
		}
	}
	values[jen.Id(g.names.Extra(base))] = jen.Id("m").Dot(g.names.Extra(m))
	f.Func().Params(jen.Id("m").Op("*").Id(name)).Id(getter).Params().Op("*").Id(baseName).Block(
		jen.Return(jen.Op("&").Id(baseName).Values(values)),
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
		members = append(members, g.names.Type(g.models[c]))
	}
	text := iface + " is any model of the " + baseName + " family: " + baseName
	if len(members) > 0 {
		text += ", " + strings.Join(members, ", ")
	}
	text += ". The \"" + base.Discriminator + "\" property says which."
	addLines(f, comment(text))
	methods := []jen.Code{}
	if base.Base != "" {
		methods = append(methods, jen.Id(g.names.Interface(g.models[base.Base])))
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
				cm := g.models[c]
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
