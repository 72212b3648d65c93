//go:build conformance

package tests

import (
	"bytes"
	"math"
	"testing"
	"time"

	"github.com/armgen/armgen/conformance/gen/bodybyte"
	"github.com/armgen/armgen/conformance/gen/bodydate"
	"github.com/armgen/armgen/conformance/gen/bodyduration"
	"github.com/armgen/armgen/conformance/gen/bodyinteger"
)

func TestBodyInteger(t *testing.T) {
	c := bodyinteger.NewClient(nil, &bodyinteger.ClientOptions{Endpoint: server}).Int()
	type rerr = bodyinteger.ResponseError
	t.Run("getIntegerNull", func(t *testing.T) { equal(t, call(c.GetNull(ctx, nil)).ok(t).Value, 0) })
	t.Run("getIntegerInvalid", func(t *testing.T) { decodeError[rerr](t, call(c.GetInvalid(ctx, nil)).failed(t)) })
	// 2147483656 does not fit an int32, nor -2147483656.
	t.Run("getIntegerOverflow", func(t *testing.T) { decodeError[rerr](t, call(c.GetOverflowInt32(ctx, nil)).failed(t)) })
	t.Run("getIntegerUnderflow", func(t *testing.T) { decodeError[rerr](t, call(c.GetUnderflowInt32(ctx, nil)).failed(t)) })
	t.Run("getLongOverflow", func(t *testing.T) { decodeError[rerr](t, call(c.GetOverflowInt64(ctx, nil)).failed(t)) })
	t.Run("getLongUnderflow", func(t *testing.T) { decodeError[rerr](t, call(c.GetUnderflowInt64(ctx, nil)).failed(t)) })
	t.Run("putIntegerMax", func(t *testing.T) { call(c.PutMax32(ctx, math.MaxInt32, nil)).ok(t) })
	t.Run("putLongMax", func(t *testing.T) { call(c.PutMax64(ctx, math.MaxInt64, nil)).ok(t) })
	t.Run("putIntegerMin", func(t *testing.T) { call(c.PutMin32(ctx, math.MinInt32, nil)).ok(t) })
	t.Run("putLongMin", func(t *testing.T) { call(c.PutMin64(ctx, math.MinInt64, nil)).ok(t) })
	t.Run("getUnixTime", func(t *testing.T) {
		equal(t, call(c.GetUnixTime(ctx, nil)).ok(t).Value, time.Date(2016, 4, 13, 0, 0, 0, 0, time.UTC))
	})
	t.Run("getInvalidUnixTime", func(t *testing.T) { decodeError[rerr](t, call(c.GetInvalidUnixTime(ctx, nil)).failed(t)) })
	t.Run("getNullUnixTime", func(t *testing.T) { equal(t, call(c.GetNullUnixTime(ctx, nil)).ok(t).Value.IsZero(), true) })
	t.Run("putUnixTime", func(t *testing.T) {
		call(c.PutUnixTimeDate(ctx, time.Date(2016, 4, 13, 0, 0, 0, 0, time.UTC), nil)).ok(t)
	})
}

func TestBodyByte(t *testing.T) {
	c := bodybyte.NewClient(nil, &bodybyte.ClientOptions{Endpoint: server}).Byte()
	type rerr = bodybyte.ResponseError
	nonASCII := []byte{0xFF, 0xFE, 0xFD, 0xFC, 0xFB, 0xFA, 0xF9, 0xF8, 0xF7, 0xF6}
	t.Run("getByteNull", func(t *testing.T) { equal(t, call(c.GetNull(ctx, nil)).ok(t).Value == nil, true) })
	t.Run("getByteEmpty", func(t *testing.T) {
		v := call(c.GetEmpty(ctx, nil)).ok(t).Value
		equal(t, v != nil && len(v) == 0, true)
	})
	t.Run("getByteNonAscii", func(t *testing.T) {
		equal(t, bytes.Equal(call(c.GetNonASCII(ctx, nil)).ok(t).Value, nonASCII), true)
	})
	t.Run("putByteNonAscii", func(t *testing.T) { call(c.PutNonASCII(ctx, nonASCII, nil)).ok(t) })
	t.Run("getByteInvalid", func(t *testing.T) { decodeError[rerr](t, call(c.GetInvalid(ctx, nil)).failed(t)) })
}

func TestBodyDuration(t *testing.T) {
	c := bodyduration.NewClient(nil, &bodyduration.ClientOptions{Endpoint: server}).Duration()
	t.Run("getDurationNull", func(t *testing.T) { equal(t, call(c.GetNull(ctx, nil)).ok(t).Value, "") })
	t.Run("getDurationPositive", func(t *testing.T) {
		equal(t, call(c.GetPositiveDuration(ctx, nil)).ok(t).Value, "P3Y6M4DT12H30M5S")
	})
	t.Run("putDurationPositive", func(t *testing.T) { call(c.PutPositiveDuration(ctx, "P123DT22H14M12.011S", nil)).ok(t) })
	// Durations stay ISO 8601 text (Go has no type for years and months),
	// so the client passes "123ABC" on, as the text it is.
	t.Run("getDurationInvalid", func(t *testing.T) { equal(t, call(c.GetInvalid(ctx, nil)).ok(t).Value, "123ABC") })
}

func TestBodyDate(t *testing.T) {
	c := bodydate.NewClient(nil, &bodydate.ClientOptions{Endpoint: server}).Date()
	type rerr = bodydate.ResponseError
	maxDate := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	minDate := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	t.Run("getDateNull", func(t *testing.T) { equal(t, call(c.GetNull(ctx, nil)).ok(t).Value.IsZero(), true) })
	t.Run("getDateInvalid", func(t *testing.T) { decodeError[rerr](t, call(c.GetInvalidDate(ctx, nil)).failed(t)) })
	t.Run("getDateOverflow", func(t *testing.T) { decodeError[rerr](t, call(c.GetOverflowDate(ctx, nil)).failed(t)) })
	t.Run("getDateUnderflow", func(t *testing.T) { decodeError[rerr](t, call(c.GetUnderflowDate(ctx, nil)).failed(t)) })
	t.Run("getDateMax", func(t *testing.T) { equal(t, call(c.GetMaxDate(ctx, nil)).ok(t).Value, maxDate) })
	t.Run("putDateMax", func(t *testing.T) { call(c.PutMaxDate(ctx, maxDate, nil)).ok(t) })
	// The spec makes this response a one-value enum, which AutoRest reads
	// as a constant: it decodes as a plain date.
	t.Run("getDateMin", func(t *testing.T) { equal(t, call(c.GetMinDate(ctx, nil)).ok(t).Value, minDate) })
	t.Run("putDateMin", func(t *testing.T) { call(c.PutMinDate(ctx, minDate, nil)).ok(t) })
}
