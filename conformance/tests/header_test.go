//go:build conformance

package tests

import (
	"testing"
	"time"

	"github.com/armgen/armgen/conformance/gen/header"
)

func TestHeaderParameters(t *testing.T) {
	c := header.NewClient(nil, &header.ClientOptions{Endpoint: server}).Header()
	// A header the transport sets itself is replaced by the parameter.
	t.Run("HeaderParameterExistingKey", func(t *testing.T) { call(c.ParamExistingKey(ctx, "overwrite", nil)).ok(t) })
	t.Run("HeaderParameterIntegerPositive", func(t *testing.T) { call(c.ParamInteger(ctx, "positive", 1, nil)).ok(t) })
	t.Run("HeaderParameterIntegerNegative", func(t *testing.T) { call(c.ParamInteger(ctx, "negative", -2, nil)).ok(t) })
	t.Run("HeaderParameterLongPositive", func(t *testing.T) { call(c.ParamLong(ctx, "positive", 105, nil)).ok(t) })
	t.Run("HeaderParameterLongNegative", func(t *testing.T) { call(c.ParamLong(ctx, "negative", -2, nil)).ok(t) })
	t.Run("HeaderParameterFloatPositive", func(t *testing.T) { call(c.ParamFloat(ctx, "positive", 0.07, nil)).ok(t) })
	t.Run("HeaderParameterFloatNegative", func(t *testing.T) { call(c.ParamFloat(ctx, "negative", -3, nil)).ok(t) })
	t.Run("HeaderParameterDoublePositive", func(t *testing.T) { call(c.ParamDouble(ctx, "positive", 7e120, nil)).ok(t) })
	t.Run("HeaderParameterDoubleNegative", func(t *testing.T) { call(c.ParamDouble(ctx, "negative", -3, nil)).ok(t) })
	t.Run("HeaderParameterBoolTrue", func(t *testing.T) { call(c.ParamBool(ctx, "true", true, nil)).ok(t) })
	t.Run("HeaderParameterBoolFalse", func(t *testing.T) { call(c.ParamBool(ctx, "false", false, nil)).ok(t) })
	t.Run("HeaderParameterStringValid", func(t *testing.T) {
		call(c.ParamString(ctx, "valid", &header.HeaderParamStringOptions{Value: header.Ptr("The quick brown fox jumps over the lazy dog")})).ok(t)
	})
	// An optional header left nil is not sent.
	t.Run("HeaderParameterStringNull", func(t *testing.T) { call(c.ParamString(ctx, "null", nil)).ok(t) })
	t.Run("HeaderParameterStringEmpty", func(t *testing.T) {
		call(c.ParamString(ctx, "empty", &header.HeaderParamStringOptions{Value: header.Ptr("")})).ok(t)
	})
	t.Run("HeaderParameterEnumValid", func(t *testing.T) {
		call(c.ParamEnum(ctx, "valid", &header.HeaderParamEnumOptions{Value: header.Ptr(header.GreyscaleColorsGREY)})).ok(t)
	})
	t.Run("HeaderParameterEnumNull", func(t *testing.T) { call(c.ParamEnum(ctx, "null", nil)).ok(t) })
	t.Run("HeaderParameterDateValid", func(t *testing.T) {
		call(c.ParamDate(ctx, "valid", time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC), nil)).ok(t)
	})
	t.Run("HeaderParameterDateMin", func(t *testing.T) {
		call(c.ParamDate(ctx, "min", time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), nil)).ok(t)
	})
	t.Run("HeaderParameterDateTimeValid", func(t *testing.T) {
		call(c.ParamDatetime(ctx, "valid", time.Date(2010, 1, 1, 12, 34, 56, 0, time.UTC), nil)).ok(t)
	})
	t.Run("HeaderParameterDateTimeMin", func(t *testing.T) {
		call(c.ParamDatetime(ctx, "min", time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), nil)).ok(t)
	})
	t.Run("HeaderParameterDateTimeRfc1123Valid", func(t *testing.T) {
		v := time.Date(2010, 1, 1, 12, 34, 56, 0, time.UTC)
		call(c.ParamDatetimeRfc1123(ctx, "valid", &header.HeaderParamDatetimeRfc1123Options{Value: &v})).ok(t)
	})
	t.Run("HeaderParameterDateTimeRfc1123Min", func(t *testing.T) {
		v := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
		call(c.ParamDatetimeRfc1123(ctx, "min", &header.HeaderParamDatetimeRfc1123Options{Value: &v})).ok(t)
	})
	t.Run("HeaderParameterDurationValid", func(t *testing.T) {
		call(c.ParamDuration(ctx, "valid", "P123DT22H14M12.011S", nil)).ok(t)
	})
	t.Run("HeaderParameterBytesValid", func(t *testing.T) { call(c.ParamByte(ctx, "valid", []byte(multibyte), nil)).ok(t) })
}

func TestHeaderResponses(t *testing.T) {
	c := header.NewClient(nil, &header.ClientOptions{Endpoint: server}).Header()
	t.Run("HeaderResponseExistingKey", func(t *testing.T) {
		equal(t, *call(c.ResponseExistingKey(ctx, nil)).ok(t).UserAgent, "overwrite")
	})
	t.Run("HeaderResponseProtectedKey", func(t *testing.T) {
		// Express adds a charset to the type it was given.
		equal(t, *call(c.ResponseProtectedKey(ctx, nil)).ok(t).ContentType, "text/html; charset=utf-8")
	})
	t.Run("HeaderResponseIntegerPositive", func(t *testing.T) {
		equal(t, *call(c.ResponseInteger(ctx, "positive", nil)).ok(t).ValueHeader, 1)
	})
	t.Run("HeaderResponseIntegerNegative", func(t *testing.T) {
		equal(t, *call(c.ResponseInteger(ctx, "negative", nil)).ok(t).ValueHeader, -2)
	})
	t.Run("HeaderResponseLongPositive", func(t *testing.T) {
		equal(t, *call(c.ResponseLong(ctx, "positive", nil)).ok(t).ValueHeader, 105)
	})
	t.Run("HeaderResponseLongNegative", func(t *testing.T) {
		equal(t, *call(c.ResponseLong(ctx, "negative", nil)).ok(t).ValueHeader, -2)
	})
	t.Run("HeaderResponseFloatPositive", func(t *testing.T) {
		equal(t, *call(c.ResponseFloat(ctx, "positive", nil)).ok(t).ValueHeader, 0.07)
	})
	t.Run("HeaderResponseFloatNegative", func(t *testing.T) {
		equal(t, *call(c.ResponseFloat(ctx, "negative", nil)).ok(t).ValueHeader, -3)
	})
	t.Run("HeaderResponseDoublePositive", func(t *testing.T) {
		equal(t, *call(c.ResponseDouble(ctx, "positive", nil)).ok(t).ValueHeader, 7e120)
	})
	t.Run("HeaderResponseDoubleNegative", func(t *testing.T) {
		equal(t, *call(c.ResponseDouble(ctx, "negative", nil)).ok(t).ValueHeader, -3)
	})
	t.Run("HeaderResponseBoolTrue", func(t *testing.T) {
		equal(t, *call(c.ResponseBool(ctx, "true", nil)).ok(t).ValueHeader, true)
	})
	t.Run("HeaderResponseBoolFalse", func(t *testing.T) {
		equal(t, *call(c.ResponseBool(ctx, "false", nil)).ok(t).ValueHeader, false)
	})
	t.Run("HeaderResponseStringValid", func(t *testing.T) {
		equal(t, *call(c.ResponseString(ctx, "valid", nil)).ok(t).ValueHeader, "The quick brown fox jumps over the lazy dog")
	})
	// The server's "null" is the text null (Express writes String(null)):
	// the header is there, and the client reads what was sent.
	t.Run("HeaderResponseStringNull", func(t *testing.T) {
		equal(t, *call(c.ResponseString(ctx, "null", nil)).ok(t).ValueHeader, "null")
	})
	// An empty header reads as absent.
	t.Run("HeaderResponseStringEmpty", func(t *testing.T) {
		equal(t, call(c.ResponseString(ctx, "empty", nil)).ok(t).ValueHeader, nil)
	})
	t.Run("HeaderResponseEnumValid", func(t *testing.T) {
		equal(t, *call(c.ResponseEnum(ctx, "valid", nil)).ok(t).ValueHeader, header.GreyscaleColorsGREY)
	})
	t.Run("HeaderResponseEnumNull", func(t *testing.T) {
		equal(t, call(c.ResponseEnum(ctx, "null", nil)).ok(t).ValueHeader, nil)
	})
	t.Run("HeaderResponseDateValid", func(t *testing.T) {
		equal(t, *call(c.ResponseDate(ctx, "valid", nil)).ok(t).ValueHeader, time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC))
	})
	t.Run("HeaderResponseDateMin", func(t *testing.T) {
		equal(t, *call(c.ResponseDate(ctx, "min", nil)).ok(t).ValueHeader, time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC))
	})
	t.Run("HeaderResponseDateTimeValid", func(t *testing.T) {
		sameInstant(t, *call(c.ResponseDatetime(ctx, "valid", nil)).ok(t).ValueHeader, time.Date(2010, 1, 1, 12, 34, 56, 0, time.UTC))
	})
	t.Run("HeaderResponseDateTimeMin", func(t *testing.T) {
		sameInstant(t, *call(c.ResponseDatetime(ctx, "min", nil)).ok(t).ValueHeader, time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC))
	})
	t.Run("HeaderResponseDateTimeRfc1123Valid", func(t *testing.T) {
		sameInstant(t, *call(c.ResponseDatetimeRfc1123(ctx, "valid", nil)).ok(t).ValueHeader, time.Date(2010, 1, 1, 12, 34, 56, 0, time.UTC))
	})
	t.Run("HeaderResponseDateTimeRfc1123Min", func(t *testing.T) {
		sameInstant(t, *call(c.ResponseDatetimeRfc1123(ctx, "min", nil)).ok(t).ValueHeader, time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC))
	})
	t.Run("HeaderResponseDurationValid", func(t *testing.T) {
		equal(t, *call(c.ResponseDuration(ctx, "valid", nil)).ok(t).ValueHeader, "P123DT22H14M12.011S")
	})
	t.Run("HeaderResponseBytesValid", func(t *testing.T) {
		equal(t, string(call(c.ResponseByte(ctx, "valid", nil)).ok(t).ValueHeader), multibyte)
	})
}

// sameInstant fails the test unless got and want are the same instant.
func sameInstant(t *testing.T, got, want time.Time) {
	t.Helper()
	if !got.Equal(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}
