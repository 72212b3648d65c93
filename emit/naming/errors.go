package naming

import "github.com/armgen/armgen/ir"

// The package's ResponseError: a field per error model operations
// document, and where each model holds the service's code and message.

// responseErrorFields are the fields and methods ResponseError always
// has; a field for an error model must not take one of their names.
var responseErrorFields = map[string]bool{
	"StatusCode": true, "Method": true, "URL": true, "RequestID": true, "Code": true,
	"Message": true, "Target": true, "Details": true, "RawBody": true, "Error": true,
}

// ErrorField names the ResponseError field holding a decoded error model:
// the model's type name, or with "Body" appended when that is one of
// ResponseError's own fields.
func (n *Names) ErrorField(m *ir.Model) string {
	name := n.Type(m)
	if responseErrorFields[name] {
		name += "Body"
	}
	return name
}

// ErrorFunc names the function that builds a ResponseError from a response
// whose body is the error model m.
func (n *Names) ErrorFunc(m *ir.Model) string { return "responseErrorWith" + n.Type(m) }

// ErrorModels are the models operations document as error bodies, in key
// order: ResponseError has a field for each.
func ErrorModels(api *ir.API) []*ir.Model {
	seen := map[string]bool{}
	add := func(r *ir.Response) {
		if r != nil && r.Type != nil && r.Type.Kind == ir.KindModel {
			seen[r.Type.Ref] = true
		}
	}
	for _, op := range api.Operations {
		add(op.Default)
		for _, r := range op.Responses {
			if r.Error {
				add(r)
			}
		}
	}
	var out []*ir.Model
	for _, m := range api.Models {
		if seen[m.Key] {
			out = append(out, m)
		}
	}
	return out
}

// ErrorShape finds where code, message, target and details live in an
// error model: on the model itself, or one level down under a model-typed
// property (ARM's {"error": {...}}). It returns the property path and
// the model holding them, or nil.
func (n *Names) ErrorShape(m *ir.Model) ([]*ir.Property, *ir.Model) {
	hasCode := func(m *ir.Model) bool {
		for _, p := range m.Properties {
			if p.Name == "code" || p.Name == "message" {
				return true
			}
		}
		return false
	}
	if m.Discriminator == "" && hasCode(m) {
		return nil, m
	}
	for _, p := range m.Properties {
		if p.Type.Kind == ir.KindModel && !n.Polymorphic(p.Type) {
			if inner := n.Model(p.Type.Ref); inner != nil && hasCode(inner) {
				return []*ir.Property{p}, inner
			}
		}
	}
	return nil, nil
}
