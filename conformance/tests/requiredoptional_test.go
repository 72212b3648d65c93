//go:build conformance

package tests

import (
	"strings"
	"testing"

	"github.com/armgen/armgen/conformance/gen/requiredoptional"
)

func TestRequiredOptional(t *testing.T) {
	client := requiredoptional.NewClient("required-global-path", "required-global-query", nil, &requiredoptional.ClientOptions{Endpoint: server})
	implicit, explicit := client.Implicit(), client.Explicit()

	// Optional parameters left nil are not sent at all.
	t.Run("OptionalImplicitQuery", func(t *testing.T) { call(implicit.PutOptionalQuery(ctx, nil)).ok(t) })
	t.Run("OptionalImplicitHeader", func(t *testing.T) { call(implicit.PutOptionalHeader(ctx, nil)).ok(t) })
	t.Run("OptionalImplicitBody", func(t *testing.T) { call(implicit.PutOptionalBody(ctx, nil)).ok(t) })
	// An optional client parameter the caller did not set is not sent.
	t.Run("OptionalGlobalQuery", func(t *testing.T) { call(implicit.GetOptionalGlobalQuery(ctx, nil)).ok(t) })
	t.Run("ImplicitOptionalBinaryBody", func(t *testing.T) { call(implicit.PutOptionalBinaryBody(ctx, nil)).ok(t) })
	t.Run("ExplicitOptionalBinaryBody", func(t *testing.T) { call(explicit.PutOptionalBinaryBody(ctx, nil)).ok(t) })
	t.Run("ExplicitRequiredBinaryBody", func(t *testing.T) {
		call(explicit.PutRequiredBinaryBody(ctx, strings.NewReader("binary"), nil)).ok(t)
	})
	// The server counts every optional parameter, property and header
	// left out under one scenario.
	t.Run("GeneralOptional", func(t *testing.T) {
		call(explicit.PostOptionalIntegerParameter(ctx, nil)).ok(t)
		call(explicit.PostOptionalIntegerProperty(ctx, &requiredoptional.ExplicitPostOptionalIntegerPropertyOptions{
			BodyParameter: &requiredoptional.IntOptionalWrapper{}})).ok(t)
		call(explicit.PostOptionalIntegerHeader(ctx, nil)).ok(t)
		call(explicit.PostOptionalStringParameter(ctx, nil)).ok(t)
		call(explicit.PostOptionalStringProperty(ctx, &requiredoptional.ExplicitPostOptionalStringPropertyOptions{
			BodyParameter: &requiredoptional.StringOptionalWrapper{}})).ok(t)
		call(explicit.PostOptionalStringHeader(ctx, nil)).ok(t)
		call(explicit.PostOptionalClassParameter(ctx, nil)).ok(t)
		call(explicit.PostOptionalClassProperty(ctx, &requiredoptional.ExplicitPostOptionalClassPropertyOptions{
			BodyParameter: &requiredoptional.ClassOptionalWrapper{}})).ok(t)
		call(explicit.PostOptionalArrayParameter(ctx, nil)).ok(t)
		call(explicit.PostOptionalArrayProperty(ctx, &requiredoptional.ExplicitPostOptionalArrayPropertyOptions{
			BodyParameter: &requiredoptional.ArrayOptionalWrapper{}})).ok(t)
		call(explicit.PostOptionalArrayHeader(ctx, nil)).ok(t)
	})
}

// TestRequiredRefused checks the operations the server expects never to
// be called: an empty required path value, the method's or the client's,
// is refused before anything is sent.
func TestRequiredRefused(t *testing.T) {
	t.Run("path", func(t *testing.T) {
		c := requiredoptional.NewClient("required-global-path", "required-global-query", refuse{t}, &requiredoptional.ClientOptions{Endpoint: server}).Implicit()
		refusedFor(t, call(c.GetRequiredPath(ctx, "", nil)).failed(t), "pathParameter")
	})
	t.Run("global path", func(t *testing.T) {
		c := requiredoptional.NewClient("", "required-global-query", refuse{t}, &requiredoptional.ClientOptions{Endpoint: server}).Implicit()
		refusedFor(t, call(c.GetRequiredGlobalPath(ctx, nil)).failed(t), "required-global-path")
	})
}
