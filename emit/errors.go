package emit

import (
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/armgen/armgen/emit/naming"
	"github.com/armgen/armgen/ir"
)

// errors writes errors.go: ResponseError, which every operation returns
// for a status its spec does not list as a success. It carries the status,
// the x-ms-request-id, the number of tries, code, message and target read from the spec's error
// model, the decoded model itself (one field per error model the package
// uses), and the raw body, which is all there is when the body is not
// JSON.
func (g *gen) errors(f *jen.File) {
	name := g.names.Fixed().ResponseError
	models := g.errorModels()
	fields := []jen.Code{
		jen.Comment("// StatusCode is the HTTP status of the response."),
		jen.Id("StatusCode").Int(),
		jen.Comment("// Method and URL are those of the request."),
		jen.Id("Method").String(),
		jen.Id("URL").String(),
		jen.Comment("// RequestID is the x-ms-request-id header, which Azure support asks for."),
		jen.Id("RequestID").String(),
		jen.Comment("// Tries is how many times the client sent the request (retries included); 0 for a"),
		jen.Comment("// response that did not come through a Client."),
		jen.Id("Tries").Int(),
		jen.Comment("// Code, Message and Target come from the error body (Code from the x-ms-error-code"),
		jen.Comment("// header when the body has none)."),
		jen.Id("Code").String(),
		jen.Id("Message").String(),
		jen.Id("Target").String(),
	}
	details := g.detailsType(models)
	if details != nil {
		fields = append(fields, jen.Comment("// Details are the nested errors of the body."), jen.Id("Details").Add(details))
	}
	for _, m := range models {
		fields = append(fields,
			jen.Comment("// "+g.names.ErrorField(m)+" is the decoded body when the operation documents it as the error; nil when the body is not JSON."),
			jen.Id(g.names.ErrorField(m)).Add(g.fieldType(&ir.Type{Kind: ir.KindModel, Ref: m.Key})))
	}
	fields = append(fields, jen.Comment("// RawBody is the response body as received."), jen.Id("RawBody").Index().Byte())

	f.Comment("// " + name + " is the error of a response whose status the operation does not list as a success.")
	f.Comment("// Use errors.As to reach it.")
	f.Type().Id(name).Struct(fields...)
	f.Line()

	// What the error says is the same in every package (static errors.go).
	f.Comment("// Error says what failed: the request, the status, the service's code and message.")
	f.Func().Params(jen.Id("e").Op("*").Id(name)).Id("Error").Params().String().Block(
		jen.Return(jen.Id("errorText").Call(jen.Id("e").Dot("Method"), jen.Id("e").Dot("URL"), jen.Id("e").Dot("StatusCode"),
			jen.Id("e").Dot("Code"), jen.Id("e").Dot("Message"), jen.Id("e").Dot("RequestID"), jen.Id("e").Dot("RawBody"), jen.Id("e").Dot("Tries"))),
	)
	f.Line()

	// func newResponseError(resp *http.Response) *ResponseError
	f.Comment("// newResponseError reads an unexpected response into an error.")
	f.Func().Id("newResponseError").Params(jen.Id("resp").Op("*").Qual("net/http", "Response")).Op("*").Id(name).Block(
		jen.Id("e").Op(":=").Op("&").Id(name).Values(keyed(
			kv("StatusCode", jen.Id("resp").Dot("StatusCode")),
			kv("RequestID", jen.Id("resp").Dot("Header").Dot("Get").Call(jen.Lit("x-ms-request-id"))),
			kv("Code", jen.Id("resp").Dot("Header").Dot("Get").Call(jen.Lit("x-ms-error-code"))),
			kv("RawBody", jen.Id("readBody").Call(jen.Id("resp"))),
			kv("Tries", jen.Id("triesOf").Call(jen.Id("resp"))),
		)...),
		jen.If(jen.Id("resp").Dot("Request").Op("!=").Nil()).Block(
			jen.Id("e").Dot("Method").Op("=").Id("resp").Dot("Request").Dot("Method"),
			jen.Id("e").Dot("URL").Op("=").Id("resp").Dot("Request").Dot("URL").Dot("String").Call(),
		),
		jen.Return(jen.Id("e")),
	)
	f.Line()

	for _, m := range models {
		g.errorFunc(f, m, details != nil)
	}
	if g.textErrors() {
		f.Comment("// textResponseError reads a response whose body is documented as a string: the string is")
		f.Comment("// the error's message.")
		f.Func().Id("textResponseError").Params(jen.Id("resp").Op("*").Qual("net/http", "Response")).Error().Block(
			jen.Id("e").Op(":=").Id("newResponseError").Call(jen.Id("resp")),
			jen.Var().Id("s").String(),
			jen.If(jen.Qual("encoding/json", "Unmarshal").Call(jen.Id("e").Dot("RawBody"), jen.Op("&").Id("s")).Op("==").Nil()).Block(
				jen.Id("e").Dot("Message").Op("=").Id("s"),
			),
			jen.Return(jen.Id("e")),
		)
		f.Line()
	}
}

// textErrors reports whether an operation documents an error body that is
// a string.
func (g *gen) textErrors() bool {
	for _, op := range g.api.Operations {
		for _, r := range append(slices.Clone(op.Responses), op.Default) {
			if isTextError(r) {
				return true
			}
		}
	}
	return false
}

func isTextError(r *ir.Response) bool {
	return r != nil && r.Error && r.Type != nil && r.Type.Kind == ir.KindString
}

// errorModels are the models operations document as error bodies, in key
// order (naming.ErrorModels).
func (g *gen) errorModels() []*ir.Model { return naming.ErrorModels(g.api) }

// errorShape is where an error model holds code and message
// (naming.ErrorShape).
func (g *gen) errorShape(m *ir.Model) ([]*ir.Property, *ir.Model) { return g.names.ErrorShape(m) }

// detailsType is the Go type of ResponseError.Details: present when the
// package has one error model, and it has details.
func (g *gen) detailsType(models []*ir.Model) jen.Code {
	if len(models) != 1 {
		return nil
	}
	_, inner := g.errorShape(models[0])
	if inner == nil {
		return nil
	}
	for _, p := range inner.Properties {
		if p.Name == "details" && p.Type.Kind == ir.KindArray {
			return g.fieldType(p.Type)
		}
	}
	return nil
}

// errorFunc writes the function that decodes one error model into a
// ResponseError:
//
//	func responseErrorWithCloudError(resp *http.Response) error {
//		e := newResponseError(resp)
//		var m CloudError
//		if json.Unmarshal(e.RawBody, &m) == nil { e.CloudError = &m; … }
//		return e
//	}
func (g *gen) errorFunc(f *jen.File, m *ir.Model, withDetails bool) {
	typeName := g.names.Type(m)
	var decode []jen.Code
	if iface := g.iface(&ir.Type{Kind: ir.KindModel, Ref: m.Key}); iface != "" {
		decode = []jen.Code{
			jen.If(jen.List(jen.Id("m"), jen.Err()).Op(":=").Id(naming.Unmarshaler(iface)).Call(jen.Id("e").Dot("RawBody")), jen.Err().Op("==").Nil()).Block(
				jen.Id("e").Dot(g.names.ErrorField(m)).Op("=").Id("m"),
			),
		}
	} else {
		path, inner := g.errorShape(m)
		var copies []jen.Code
		if inner != nil {
			holder := jen.Id("m")
			for _, p := range path {
				holder = holder.Dot(g.names.Field(p))
			}
			for _, p := range inner.Properties {
				var to string
				switch p.Name {
				case "code":
					to = "Code"
				case "message":
					to = "Message"
				case "target":
					to = "Target"
				case "details":
					if withDetails && p.Type.Kind == ir.KindArray {
						copies = append(copies, jen.Id("e").Dot("Details").Op("=").Add(holder.Clone().Dot(g.names.Field(p))))
					}
					continue
				default:
					continue
				}
				if p.Type.Kind != ir.KindString {
					continue
				}
				copies = append(copies, jen.If(holder.Clone().Dot(g.names.Field(p)).Op("!=").Nil()).Block(
					jen.Id("e").Dot(to).Op("=").Op("*").Add(holder.Clone().Dot(g.names.Field(p)))))
			}
			if len(path) > 0 {
				copies = []jen.Code{jen.If(holder.Clone().Op("!=").Nil()).Block(copies...)}
			}
		}
		decode = []jen.Code{
			jen.Var().Id("m").Id(typeName),
			jen.If(jen.Qual("encoding/json", "Unmarshal").Call(jen.Id("e").Dot("RawBody"), jen.Op("&").Id("m")).Op("==").Nil()).Block(
				append([]jen.Code{jen.Id("e").Dot(g.names.ErrorField(m)).Op("=").Op("&").Id("m")}, copies...)...),
		}
	}
	f.Comment("// " + g.names.ErrorFunc(m) + " reads a response whose body is a " + typeName + " into an error.")
	f.Func().Id(g.names.ErrorFunc(m)).Params(jen.Id("resp").Op("*").Qual("net/http", "Response")).Error().Block(
		append(append([]jen.Code{jen.Id("e").Op(":=").Id("newResponseError").Call(jen.Id("resp"))}, decode...),
			jen.Return(jen.Id("e")))...,
	)
	f.Line()
}

// errorFor is the expression that turns resp into the error a response
// documents.
func (g *gen) errorFor(r *ir.Response) jen.Code {
	if r != nil && r.Type != nil && r.Type.Kind == ir.KindModel {
		return jen.Id(g.names.ErrorFunc(g.names.Model(r.Type.Ref))).Call(jen.Id("resp"))
	}
	if isTextError(r) {
		return jen.Id("textResponseError").Call(jen.Id("resp"))
	}
	return jen.Id("newResponseError").Call(jen.Id("resp"))
}
