package emit

import (
	"errors"
	"maps"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/dave/jennifer/jen"

	"github.com/armgen/armgen/emit/naming"
	"github.com/armgen/armgen/internal/crash"
	"github.com/armgen/armgen/ir"
)

// modelsFile writes a struct per model, its JSON methods, and an
// interface per polymorphic family.
//
// allOf is flattened: a model's struct has its parents' fields followed by
// its own, as the IR lists them. Embedding would make the JSON of a child
// depend on Go's promotion rules; flattening keeps one field per property.
//
// The file is written as text (see goSrc), the polymorphic parts with
// jennifer. It is the largest file by far, so a large spec's models are
// written in parts, in parallel, and joined in order.
func (g *gen) modelsFile() ([]byte, error) {
	models := g.api.Models
	parts := make([]*goSrc, min(runtime.GOMAXPROCS(0), len(models)/250+1))
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for p := range parts {
		parts[p] = newGoSrc()
		wg.Go(func() {
			var m *ir.Model
			defer func() {
				// A panic here would end the process: render's recover
				// is on another goroutine.
				if r := recover(); r != nil {
					errs[p] = &crashError{crash.Diagnostic(m.Pointer, r)}
				}
			}()
			for _, m = range models[p*len(models)/len(parts) : (p+1)*len(models)/len(parts)] {
				if err := g.model(parts[p], m); err != nil {
					errs[p] = err
					return
				}
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	w := parts[0]
	for _, part := range parts[1:] {
		w.buf.take(&part.buf)
		maps.Copy(w.imports, part.imports)
	}
	return w.file(g), nil
}

// model writes one model.
func (g *gen) model(w *goSrc, m *ir.Model) error {
	name := g.names.Type(m)
	docs := commentLines(docText(name, firstNonEmpty(m.Description, m.Title)))
	if len(docs) == 0 {
		docs = commentLines(name + " is the " + m.Name + " object of the API.")
	}
	fields := make([]spec, 0, len(m.Properties)+2)
	for _, p := range m.Properties {
		fields = append(fields, spec{doc: fieldDoc(p), cells: []string{g.names.Field(p), w.typ(g.names.FieldType(p.Type))}})
	}
	if m.AdditionalProperties != nil {
		fields = append(fields, spec{
			doc:   []string{"// " + g.names.Additional(m) + " holds the properties not listed above (additionalProperties)."},
			cells: []string{g.names.Additional(m), "map[string]" + w.typ(g.names.ElemType(m.AdditionalProperties, true))},
		})
	}
	extra := g.names.Extra(m)
	w.imports["encoding/json"] = true
	fields = append(fields, spec{
		doc: []string{
			"// " + extra + " holds JSON properties without a field here, and explicit nulls: they are sent back as",
			"// received. Set one to json.RawMessage(\"null\") to send null for a nil field (PATCH).",
		},
		cells: []string{extra, "map[string]json.RawMessage"},
	})
	w.comment("", docs)
	w.str("type ", name, " struct {\n")
	w.specs("\t", fields)
	w.str("}\n\n")

	g.modelJSON(w, m, name)
	g.modelCheck(w, m, name)
	bases := naming.FamilyBases(g.api, m)
	if len(bases) == 0 && m.Discriminator == "" {
		return nil
	}
	return w.jennifer(g.opts.Package, func(f *jen.File) {
		for _, base := range bases {
			g.getter(f, m, name, base)
		}
		if m.Discriminator != "" {
			g.family(f, m)
		}
	})
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
func fieldDoc(p *ir.Property) []string {
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
	return commentLines(text)
}

// modelJSON writes fields(), MarshalJSON and UnmarshalJSON: one table of
// wire names drives both directions (see the static json.go).
func (g *gen) modelJSON(w *goSrc, m *ir.Model, name string) {
	// func (m *T) fields() []field { return []field{{"id", &m.ID}, …} }
	w.str("func (m *", name, ") fields() []field {\n\treturn []field{")
	for _, p := range m.Properties {
		field := "&m." + g.names.Field(p)
		ptr := field
		switch {
		case p.Discriminator && m.DiscriminatorValue != "":
			// discriminator[T]{&m.Kind, "value"}
			value := strconv.Quote(m.DiscriminatorValue)
			if p.Type.Kind == ir.KindEnum {
				value = g.names.Type(g.names.Enum(p.Type.Ref)) + "(" + value + ")"
			}
			ptr = "discriminator[" + w.typ(g.names.ValueType(p.Type)) + "]{" + field + ", " + value + "}"
		default:
			if leaf := g.codecLeafText(p.Type); leaf != "" {
				// shaped{&m.When, dateTimeLeaf}
				ptr = "shaped{" + field + ", " + leaf + "}"
			}
		}
		if p.Const != "" {
			// fixed{&m.Kind, `"value"`}: sent whether the caller set it or not.
			ptr = "fixed{" + ptr + ", " + strconv.Quote(p.Const) + "}"
		}
		if p.ReadOnly && !p.Discriminator {
			// readOnly{&m.ID}: never sent in a request. A discriminator
			// always is: it says what the value is.
			ptr = "readOnly{" + ptr + "}"
		}
		w.str("\n\t\t{", strconv.Quote(p.Name), ", ", ptr, "},")
	}
	if len(m.Properties) > 0 {
		w.str("\n\t")
	}
	w.str("}\n}\n\n")

	extra := g.names.Extra(m)
	additional := "nil"
	if m.AdditionalProperties != nil {
		additional = "m." + g.names.Additional(m)
	}
	w.comment("", []string{"// MarshalJSON writes the fields that are set, then " + extra + "."})
	w.str("func (m ", name, ") MarshalJSON() ([]byte, error) {\n\treturn marshalObject(m.fields(), m.", extra, ", ", additional, ")\n}\n\n")
	w.comment("", []string{"// UnmarshalJSON reads every property, keeping those without a field in " + extra + "."})
	if m.AdditionalProperties == nil {
		w.str("func (m *", name, ") UnmarshalJSON(data []byte) error {\n\treturn unmarshalObject(data, m.fields(), &m.", extra, ")\n}\n\n")
		return
	}
	// Properties that are not fields belong to AdditionalProperties.
	w.str("func (m *", name, ") UnmarshalJSON(data []byte) error {\n",
		"\tif err := unmarshalObject(data, m.fields(), &m.", extra, "); err != nil {\n\t\treturn err\n\t}\n",
		"\treturn unmarshalAdditional(&m.", extra, ", &m.", g.names.Additional(m), ")\n}\n\n")
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
	own := map[string]*ir.Property{}
	for _, p := range m.Properties {
		own[p.Name] = p
	}
	for _, p := range base.Properties {
		// A field the member retypes (a copy of a model from another
		// file, which the parser warns about) has no place in the base.
		if q := own[p.Name]; q != nil && (g.names.FieldType(q.Type).String() == g.names.FieldType(p.Type).String()) {
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
		members = append(members, g.names.Type(g.names.Model(c)))
	}
	text := iface + " is any model of the " + baseName + " family: " + baseName
	if len(members) > 0 {
		text += ", " + strings.Join(members, ", ")
	}
	text += ". The \"" + base.Discriminator + "\" property says which."
	addLines(f, comment(text))
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
