package parser

import (
	"fmt"
	"slices"
	"strings"

	"github.com/armgen/armgen/ir"
)

// The keyword checks run on the node tree before kin-openapi decodes it:
// kin-openapi neither validates Swagger 2.0 nor says where a value of the
// wrong type is, and the rest of the parser relies on keywords having the
// types checked here. Each keyword of each kind of object has an expected
// shape; a wrong one is an error, an unknown keyword a warning.

// shape is what a keyword's value must be.
type shape uint8

const (
	shapeAny shape = iota
	shapeString
	shapeBool
	shapeNumber
	shapeCount // a non-negative integer
	shapeStrings
	shapeArray
	shapeObject
	shapeStringOrNull
	shapeSchemaOrBool
	shapeScalar // string, number or boolean
	// Shapes below are objects (or arrays of them) checked further.
	shapeSchema
	shapeSchemas    // object of schemas
	shapeSchemaList // array of schemas
	shapeParameter
	shapeParameters    // object of parameters
	shapeParameterList // array of parameters
	shapeItems
	shapeResponse
	shapeResponses
	shapeHeaders
	shapePaths
	shapePathItem
	shapeOperation
	shapeInfo
	shapeXMSEnum
	shapeXMSPageable
	shapeLROOptions
	shapeParameterizedHost
	shapeExamples
	shapeSecurityDefinitions
)

var shapeNames = map[shape]string{
	shapeAny: "any value", shapeString: "a string", shapeBool: "a boolean",
	shapeNumber: "a number", shapeCount: "a non-negative integer",
	shapeStrings: "an array of strings", shapeArray: "an array", shapeObject: "an object",
	shapeStringOrNull: "a string or null", shapeSchemaOrBool: "a schema object or a boolean",
	shapeScalar: "a string, number or boolean", shapeSchemaList: "an array of schema objects",
	shapeParameterList: "an array of parameter objects",
}

func (s shape) String() string {
	if n, ok := shapeNames[s]; ok {
		return n
	}
	return "an object"
}

type keywords map[string]shape

var (
	validation = keywords{
		"format": shapeString, "default": shapeAny, "maximum": shapeNumber,
		"exclusiveMaximum": shapeBool, "minimum": shapeNumber, "exclusiveMinimum": shapeBool,
		"maxLength": shapeCount, "minLength": shapeCount, "pattern": shapeString,
		"maxItems": shapeCount, "minItems": shapeCount, "uniqueItems": shapeBool,
		"enum": shapeArray, "multipleOf": shapeNumber,
		"x-ms-enum": shapeXMSEnum, "x-nullable": shapeBool, "x-ms-client-name": shapeString,
	}
	schemaKeywords = merge(validation, keywords{
		"$ref": shapeString, "title": shapeString, "description": shapeString,
		"maxProperties": shapeCount, "minProperties": shapeCount, "required": shapeStrings,
		"type": shapeString, "items": shapeSchema, "allOf": shapeSchemaList,
		"properties": shapeSchemas, "additionalProperties": shapeSchemaOrBool,
		"discriminator": shapeString, "readOnly": shapeBool, "xml": shapeObject,
		"externalDocs": shapeObject, "example": shapeAny,
		"x-ms-client-flatten": shapeBool, "x-ms-discriminator-value": shapeString,
		"x-ms-azure-resource": shapeBool, "x-ms-secret": shapeBool, "x-ms-mutability": shapeStrings,
		"x-ms-external": shapeBool,
	})
	itemsKeywords = merge(validation, keywords{
		"type": shapeString, "items": shapeItems, "collectionFormat": shapeString, "$ref": shapeString,
	})
	parameterKeywords = merge(validation, keywords{
		"$ref": shapeString, "name": shapeString, "in": shapeString, "description": shapeString,
		"required": shapeBool, "schema": shapeSchema, "type": shapeString,
		"allowEmptyValue": shapeBool, "items": shapeItems, "collectionFormat": shapeString,
		"x-ms-parameter-location": shapeString, "x-ms-skip-url-encoding": shapeBool,
		"x-ms-client-flatten": shapeBool, "x-ms-parameter-grouping": shapeObject,
		"x-ms-header-collection-prefix": shapeString, "x-ms-client-request-id": shapeBool,
	})
	headerKeywords = merge(validation, keywords{
		"description": shapeString, "type": shapeString, "items": shapeItems,
		"collectionFormat": shapeString, "x-ms-header-collection-prefix": shapeString,
	})
	responseKeywords = keywords{
		"$ref": shapeString, "description": shapeString, "schema": shapeSchema,
		"headers": shapeHeaders, "examples": shapeObject, "x-ms-error-response": shapeBool,
	}
	operationKeywords = keywords{
		"tags": shapeStrings, "summary": shapeString, "description": shapeString,
		"externalDocs": shapeObject, "operationId": shapeString, "consumes": shapeStrings,
		"produces": shapeStrings, "parameters": shapeParameterList, "responses": shapeResponses,
		"schemes": shapeStrings, "deprecated": shapeBool, "security": shapeArray,
		"x-ms-pageable": shapeXMSPageable, "x-ms-long-running-operation": shapeBool,
		"x-ms-long-running-operation-options": shapeLROOptions, "x-ms-examples": shapeExamples,
		"x-ms-request-id": shapeString,
	}
	pathItemKeywords = keywords{
		"$ref": shapeString, "get": shapeOperation, "put": shapeOperation, "post": shapeOperation,
		"delete": shapeOperation, "options": shapeOperation, "head": shapeOperation,
		"patch": shapeOperation, "parameters": shapeParameterList,
	}
	rootKeywords = keywords{
		"swagger": shapeString, "info": shapeInfo, "host": shapeString, "basePath": shapeString,
		"schemes": shapeStrings, "consumes": shapeStrings, "produces": shapeStrings,
		"paths": shapePaths, "definitions": shapeSchemas, "parameters": shapeParameters,
		"responses": shapeResponses, "securityDefinitions": shapeSecurityDefinitions,
		"security": shapeArray, "tags": shapeArray, "externalDocs": shapeObject,
		"x-ms-paths": shapePaths, "x-ms-parameterized-host": shapeParameterizedHost,
	}
	infoKeywords = keywords{
		"title": shapeString, "version": shapeString, "description": shapeString,
		"termsOfService": shapeString, "contact": shapeObject, "license": shapeObject,
	}
	xmsEnumKeywords = keywords{
		"name": shapeString, "modelAsString": shapeBool, "values": shapeArray,
		"oldModelAsString": shapeBool, "modelAsExtensible": shapeBool,
	}
	xmsPageableKeywords = keywords{
		"nextLinkName": shapeStringOrNull, "itemName": shapeString, "operationName": shapeString,
	}
	lroOptionsKeywords = keywords{
		"final-state-via": shapeString, "final-state-schema": shapeString,
	}
	parameterizedHostKeywords = keywords{
		"hostTemplate": shapeString, "useSchemePrefix": shapeBool,
		"positionInOperation": shapeString, "parameters": shapeParameterList,
	}
	securitySchemeKeywords = keywords{
		"type": shapeString, "description": shapeString, "name": shapeString, "in": shapeString,
		"flow": shapeString, "authorizationUrl": shapeString, "tokenUrl": shapeString,
		"scopes": shapeObject,
	}
)

func merge(a, b keywords) keywords {
	m := make(keywords, len(a)+len(b))
	for k, v := range a {
		m[k] = v
	}
	for k, v := range b {
		m[k] = v
	}
	return m
}

// checker walks one file's tree.
type checker struct {
	f     *file
	diags *ir.Diagnostics
	path  []string
}

// checkDocument checks every keyword the parser relies on in a file.
func (l *loader) checkDocument(f *file) {
	l.checking = &checker{f: f, diags: &l.diags}
	l.checking.object(f.tree, rootKeywords, "document")
	l.checking = nil
}

func (c *checker) at(tokens ...string) ir.Pointer {
	return c.f.ptr(append(slices.Clone(c.path), tokens...)...)
}

func (c *checker) errorf(hint string, format string, args ...any) {
	*c.diags = append(*c.diags, ir.Diagnostic{Pointer: c.at(), Message: fmt.Sprintf(format, args...), Hint: hint})
}

func (c *checker) push(t string) { c.path = append(c.path, t) }
func (c *checker) pop()          { c.path = c.path[:len(c.path)-1] }

// object checks an object's keywords against a table; what names the kind
// of object in messages.
func (c *checker) object(n *node, table keywords, what string) {
	if n.kind != kindObject {
		c.errorf("", "%s must be an object, not %s", what, article(n.kind))
		return
	}
	for i, k := range n.keys {
		c.push(k)
		want, known := table[k]
		switch {
		case known:
			c.value(n.vals[i], want, k)
		case strings.HasPrefix(k, "x-"):
			// Extensions armgen does not read are allowed as they are.
		default:
			hint := ""
			for name := range table {
				if strings.EqualFold(name, k) {
					hint = fmt.Sprintf("did you mean %q?", name)
				}
			}
			if kinFieldInCase(k) {
				c.f.caseKeys = append(c.f.caseKeys, caseKey{n, k})
			}
			if hint == "" && (k == "oneOf" || k == "anyOf" || k == "not" || k == "nullable") {
				hint = "that is OpenAPI 3 or JSON Schema, not Swagger 2.0"
			}
			*c.diags = append(*c.diags, ir.Diagnostic{Pointer: c.at(), Severity: ir.Warning,
				Message: fmt.Sprintf("unknown keyword %q in %s is ignored", k, what), Hint: hint})
		}
		c.pop()
	}
}

// value checks one keyword's value against its shape.
func (c *checker) value(n *node, want shape, keyword string) {
	bad := func(hint string) {
		c.errorf(hint, "%q must be %s, not %s", keyword, want, article(n.kind))
	}
	switch want {
	case shapeAny:
	case shapeString:
		if n.kind != kindString {
			bad("")
		}
	case shapeBool:
		if n.kind != kindBool {
			bad("")
		}
	case shapeNumber:
		if n.kind != kindNumber {
			bad("")
		}
	case shapeCount:
		if n.kind != kindNumber || strings.ContainsAny(n.str, ".eE-") {
			if n.kind == kindNumber {
				c.errorf("", "%q must be a non-negative integer, not %s", keyword, n.str)
			} else {
				bad("")
			}
		}
	case shapeStrings:
		if n.kind != kindArray {
			hint := ""
			if keyword == "required" && n.kind == kindBool {
				hint = `on a schema, "required" lists the required property names; "required": true belongs on a parameter`
			}
			bad(hint)
			return
		}
		for i, v := range n.vals {
			if v.kind != kindString {
				c.push(itoa(i))
				c.errorf("", "items of %q must be strings, not %s", keyword, article(v.kind))
				c.pop()
			}
		}
	case shapeArray:
		if n.kind != kindArray {
			bad("")
		}
	case shapeObject:
		if n.kind != kindObject {
			bad("")
		}
	case shapeStringOrNull:
		if n.kind != kindString && n.kind != kindNull {
			bad("")
		}
	case shapeScalar:
		if n.kind != kindString && n.kind != kindNumber && n.kind != kindBool {
			bad("")
		}
	case shapeSchemaOrBool:
		if n.kind == kindBool {
			return
		}
		if n.kind != kindObject {
			bad("")
			return
		}
		c.schema(n)
	case shapeSchema:
		if n.kind != kindObject {
			hint := ""
			if keyword == "items" && n.kind == kindArray {
				hint = "Swagger 2.0 allows one schema for all items, not a list (tuple validation)"
			}
			bad(hint)
			return
		}
		c.schema(n)
	case shapeItems:
		c.object(n, itemsKeywords, `"items"`)
		if n.kind == kindObject {
			c.enum(n)
		}
	case shapeSchemas:
		c.each(n, keyword, func(v *node) { c.value(v, shapeSchema, "schema") })
	case shapeSchemaList:
		c.list(n, keyword, func(v *node) { c.value(v, shapeSchema, "schema") })
	case shapeParameter:
		c.object(n, parameterKeywords, "a parameter")
		if n.kind == kindObject {
			c.enum(n)
			if in := n.get("in"); in != nil && in.kind == kindString &&
				!slices.Contains([]string{"path", "query", "header", "body", "formData"}, in.str) {
				c.push("in")
				c.errorf(`one of "path", "query", "header", "body", "formData"`, "unknown parameter location %q", in.str)
				c.pop()
			}
			c.parameterType(n)
		}
	case shapeParameters:
		c.each(n, keyword, func(v *node) { c.value(v, shapeParameter, "parameter") })
	case shapeParameterList:
		c.list(n, keyword, func(v *node) { c.value(v, shapeParameter, "parameter") })
	case shapeResponse:
		c.object(n, responseKeywords, "a response")
	case shapeResponses:
		c.each(n, keyword, func(v *node) { c.value(v, shapeResponse, "response") })
	case shapeHeaders:
		c.each(n, keyword, func(v *node) { c.object(v, headerKeywords, "a header"); c.enum(v) })
	case shapePaths:
		c.each(n, keyword, func(v *node) { c.object(v, pathItemKeywords, "a path item") })
	case shapeOperation:
		c.object(n, operationKeywords, "an operation")
	case shapeInfo:
		c.object(n, infoKeywords, `"info"`)
	case shapeXMSEnum:
		c.object(n, xmsEnumKeywords, `"x-ms-enum"`)
		if vals := n.get("values"); vals != nil && vals.kind == kindArray {
			c.push("values")
			for i, v := range vals.vals {
				c.push(itoa(i))
				c.object(v, keywords{"value": shapeScalar, "description": shapeString, "name": shapeString}, "an x-ms-enum value")
				c.pop()
			}
			c.pop()
		}
	case shapeXMSPageable:
		c.object(n, xmsPageableKeywords, `"x-ms-pageable"`)
	case shapeLROOptions:
		c.object(n, lroOptionsKeywords, `"x-ms-long-running-operation-options"`)
	case shapeParameterizedHost:
		c.object(n, parameterizedHostKeywords, `"x-ms-parameterized-host"`)
	case shapeExamples:
		c.each(n, keyword, func(v *node) { c.object(v, keywords{"$ref": shapeString}, "an x-ms-examples entry") })
	case shapeSecurityDefinitions:
		c.each(n, keyword, func(v *node) { c.object(v, securitySchemeKeywords, "a security scheme") })
	}
}

func (c *checker) schema(n *node) {
	c.object(n, schemaKeywords, "a schema")
	c.enum(n)
}

// enum checks that enum values are scalars: the IR keeps them as JSON text.
func (c *checker) enum(n *node) {
	e := n.get("enum")
	if e == nil || e.kind != kindArray {
		return
	}
	c.push("enum")
	for i, v := range e.vals {
		if v.kind == kindObject || v.kind == kindArray {
			c.push(itoa(i))
			c.errorf("", "enum values must be strings, numbers or booleans, not %s", article(v.kind))
			c.pop()
		}
	}
	c.pop()
}

// each checks an object whose values all have one shape.
func (c *checker) each(n *node, keyword string, check func(*node)) {
	if n.kind != kindObject {
		c.errorf("", "%q must be an object, not %s", keyword, article(n.kind))
		return
	}
	for i, k := range n.keys {
		c.push(k)
		check(n.vals[i])
		c.pop()
	}
}

// list checks an array whose elements all have one shape.
func (c *checker) list(n *node, keyword string, check func(*node)) {
	if n.kind != kindArray {
		c.errorf("", "%q must be an array, not %s", keyword, article(n.kind))
		return
	}
	for i, v := range n.vals {
		c.push(itoa(i))
		check(v)
		c.pop()
	}
}

func article(k nodeKind) string {
	switch k {
	case kindArray, kindObject:
		return "an " + k.String()
	case kindNull:
		return "null"
	}
	return "a " + k.String()
}
