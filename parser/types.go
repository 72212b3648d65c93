package parser

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi2"

	"github.com/armgen/armgen/ir"
)

// modelLike reports whether a schema is an object with structure of its
// own, which the IR makes a Model; other objects are maps or any.
func modelLike(s *openapi2.Schema) bool {
	return s.Properties != nil || s.AllOf != nil || s.Discriminator != ""
}

// hasAdditional reports whether a schema says anything of
// additionalProperties.
func hasAdditional(s *openapi2.Schema) bool {
	return s.AdditionalProperties.Has != nil || s.AdditionalProperties.Schema != nil
}

// typeOf is the heart of the schema reading: the IR type of the schema at
// s. hint names where the schema is, for the names of inline models and
// enums ("Pool.properties.scaleSettings").
func (b *builder) typeOf(s site, hint string) *ir.Type {
	b.cur = s
	r, ok := b.follow(s)
	if !ok {
		return &ir.Type{Kind: ir.KindAny}
	}
	if r.isDefinition() {
		hint = r.tokens[1]
	}
	if member, ok := b.primitiveAllOf(r); ok {
		b.diags.Warn(r.ptr("allOf"), "allOf holds %s, not an object; armgen reads the schema as that type", typeArticle(firstTypeOf(b, member)))
		return b.typeOf(member, hint)
	}
	n, sch := r.n, r.s
	if sch.Enum != nil && len(sch.Enum) == 0 {
		b.diags.Warn(r.ptr("enum"), "the enum lists no value; armgen reads the schema as a plain %s", firstOf(schemaType(sch), "value"))
	}
	typ := schemaType(sch)
	format := sch.Format
	// x-nullable may stand beside a $ref ("items": {"$ref": …, "x-nullable":
	// true}): it is the referring schema's say, as well as the definition's.
	nullable := extBool(sch.Extensions, "x-nullable") || s.n != nil && extBool(s.ext(), "x-nullable")
	if len(sch.Enum) > 0 && typ != "array" && typ != "object" {
		if en := b.enum(r, hint); en != nil {
			return &ir.Type{Kind: ir.KindEnum, Ref: en.Key, Format: format, Nullable: nullable}
		}
	}
	switch typ {
	case "", "object":
		if format == "file" && !modelLike(sch) {
			// AutoRest's binary body: {"type": "object", "format": "file"}.
			return &ir.Type{Kind: ir.KindStream, Format: format, Nullable: nullable}
		}
		if modelLike(sch) {
			m := b.model(r, hint)
			return &ir.Type{Kind: ir.KindModel, Ref: m.Key, Nullable: nullable}
		}
		if hasAdditional(sch) {
			return &ir.Type{Kind: ir.KindMap, Elem: b.additional(r, hint), Nullable: nullable}
		}
		if typ == "" && sch.Items != nil {
			b.diags.Warn(r.ptr(), `a schema with "items" but no "type"; read as an array`)
			return &ir.Type{Kind: ir.KindArray, Elem: b.typeOf(r.child(n.get("items"), sch.Items, "items"), hint+".item"), Nullable: nullable}
		}
		return &ir.Type{Kind: ir.KindAny, Nullable: nullable}
	case "array":
		if sch.Items == nil {
			b.diags = append(b.diags, ir.Diagnostic{Pointer: r.ptr(), Message: `an array schema needs "items"`,
				Hint: `add "items": {} to allow any element`})
			return &ir.Type{Kind: ir.KindArray, Elem: &ir.Type{Kind: ir.KindAny}}
		}
		return &ir.Type{Kind: ir.KindArray, Elem: b.typeOf(r.child(n.get("items"), sch.Items, "items"), hint+".item"), Nullable: nullable}
	case "string", "integer", "number", "boolean", "file":
		t := primitive(typ, format)
		if t == nil {
			b.diags.Warn(r.ptr("format"), "unknown format %q for type %s; read as plain %s", format, typ, typ)
			t = primitive(typ, "")
		}
		t.Nullable = nullable
		return t
	default:
		b.diags = append(b.diags, ir.Diagnostic{Pointer: r.ptr("type"), Message: "unknown type " + quote(typ),
			Hint: "Swagger 2.0 types are string, number, integer, boolean, array, object and file"})
		return &ir.Type{Kind: ir.KindAny}
	}
}

// additional is the element type of additionalProperties. kin-openapi
// reads it as an OpenAPI 3 schema; it is read again as the Swagger 2.0
// schema it is.
func (b *builder) additional(s site, hint string) *ir.Type {
	ap := s.s.AdditionalProperties
	if ap.Schema == nil {
		if ap.Has != nil && !*ap.Has {
			return nil
		}
		return &ir.Type{Kind: ir.KindAny}
	}
	return b.typeOf(s.child(s.n.get("additionalProperties"), nil, "additionalProperties"), hint+".value")
}

// primitive maps a Swagger type and format to a Kind; nil for a format
// the type does not have. Unknown formats on strings are documentation
// (uuid, arm-id, password…), so strings accept any.
func primitive(typ, format string) *ir.Type {
	t := &ir.Type{Format: format}
	switch typ {
	case "boolean":
		t.Kind = ir.KindBool
	case "file":
		t.Kind = ir.KindStream
	case "integer":
		switch format {
		case "int32":
			t.Kind = ir.KindInt32
		case "int64", "":
			t.Kind = ir.KindInt64
		case "unixtime":
			t.Kind = ir.KindUnixTime
		default:
			return nil
		}
	case "number":
		switch format {
		case "float":
			t.Kind = ir.KindFloat32
		case "double", "decimal", "":
			t.Kind = ir.KindFloat64
		case "int32":
			t.Kind = ir.KindInt32
		case "int64":
			t.Kind = ir.KindInt64
		default:
			return nil
		}
	default:
		t.Kind = ir.KindString
		switch strings.ToLower(format) {
		case "byte":
			t.Kind = ir.KindBytes
		case "base64url":
			t.Kind = ir.KindBase64URL
		case "date":
			t.Kind = ir.KindDate
		case "date-time":
			t.Kind = ir.KindDateTime
		case "date-time-rfc1123":
			t.Kind = ir.KindDateTimeRFC1123
		case "duration":
			t.Kind = ir.KindDuration
		case "time":
			t.Kind = ir.KindTime
		case "binary", "file":
			t.Kind = ir.KindStream
		}
	}
	return t
}

// constraints reads a schema's validation keywords.
func constraints(s *openapi2.Schema) ir.Constraints {
	c := ir.Constraints{
		Pattern:          s.Pattern,
		Minimum:          s.Min,
		Maximum:          s.Max,
		ExclusiveMinimum: s.ExclusiveMin,
		ExclusiveMaximum: s.ExclusiveMax,
		MultipleOf:       s.MultipleOf,
		UniqueItems:      s.UniqueItems,
		MaxLength:        count(s.MaxLength),
		MaxItems:         count(s.MaxItems),
	}
	// kin-openapi reads an absent minimum length as 0, which constrains nothing.
	if s.MinLength > 0 {
		c.MinLength = count(&s.MinLength)
	}
	if s.MinItems > 0 {
		c.MinItems = count(&s.MinItems)
	}
	return c
}

func count(v *uint64) *int64 {
	if v == nil {
		return nil
	}
	i := int64(min(*v, 1<<62))
	return &i
}

// schemaType is a schema's single type, "" when it has none.
func schemaType(s *openapi2.Schema) string {
	if s == nil || s.Type == nil || len(*s.Type) == 0 {
		return ""
	}
	return (*s.Type)[0]
}
