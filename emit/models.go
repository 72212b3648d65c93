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
	labels := newPropertyLabels(models)
	return g.split("models.go", len(models), func(f *jen.File, key string, lo, hi int) {
		if lo == 0 {
			labels.declare(f)
		}
		for _, m := range models[lo:hi] {
			g.at(key, m.Pointer)
			g.model(f, m, labels)
		}
	})
}

// model writes one model.
func (g *gen) model(f *jen.File, m *ir.Model, labels *propertyLabels) {
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

	g.modelJSON(f, m, name, labels)
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

	g.familyJSON(f, base, iface)
}
