//go:build conformance

package tests

import (
	"testing"

	"github.com/armgen/armgen/conformance/gen/bodyboolean"
)

func TestBodyBoolean(t *testing.T) {
	c := bodyboolean.NewClient(nil, &bodyboolean.ClientOptions{Endpoint: server}).Bool()
	type rerr = bodyboolean.ResponseError
	t.Run("getBoolTrue", func(t *testing.T) {
		equal(t, call(c.GetTrue(ctx, nil)).ok(t).Value, true)
	})
	t.Run("getBoolFalse", func(t *testing.T) {
		equal(t, call(c.GetFalse(ctx, nil)).ok(t).Value, false)
	})
	t.Run("putBoolTrue", func(t *testing.T) { call(c.PutTrue(ctx, nil)).ok(t) })
	t.Run("putBoolFalse", func(t *testing.T) { call(c.PutFalse(ctx, nil)).ok(t) })
	t.Run("getBoolNull", func(t *testing.T) {
		// No body: the value stays false, and nothing fails.
		equal(t, call(c.GetNull(ctx, nil)).ok(t).Value, false)
	})
	t.Run("getBoolInvalid", func(t *testing.T) { decodeError[rerr](t, call(c.GetInvalid(ctx, nil)).failed(t)) })
}
