//go:build conformance

package tests

import (
	"bytes"
	"testing"
	"time"

	"github.com/armgen/armgen/conformance/gen/bodydatetime"
	"github.com/armgen/armgen/conformance/gen/bodydatetimerfc1123"
	"github.com/armgen/armgen/conformance/gen/bodynumber"
	"github.com/armgen/armgen/conformance/gen/bodystring"
)

func TestBodyNumber(t *testing.T) {
	c := bodynumber.NewClient(nil, &bodynumber.ClientOptions{Endpoint: server}).Number()
	type rerr = bodynumber.ResponseError
	t.Run("getNumberNull", func(t *testing.T) { equal(t, call(c.GetNull(ctx, nil)).ok(t).Value, 0) })
	t.Run("getFloatInvalid", func(t *testing.T) { decodeError[rerr](t, call(c.GetInvalidFloat(ctx, nil)).failed(t)) })
	t.Run("getDoubleInvalid", func(t *testing.T) { decodeError[rerr](t, call(c.GetInvalidDouble(ctx, nil)).failed(t)) })
	// The spec makes several responses one-value enums; they decode into
	// that enum's float type.
	t.Run("getFloatBigScientificNotation", func(t *testing.T) {
		equal(t, float32(call(c.GetBigFloat(ctx, nil)).ok(t).Value), float32(3.402823e+20))
	})
	t.Run("putFloatBigScientificNotation", func(t *testing.T) { call(c.PutBigFloat(ctx, 3.402823e+20, nil)).ok(t) })
	t.Run("getDoubleBigScientificNotation", func(t *testing.T) {
		equal(t, float64(call(c.GetBigDouble(ctx, nil)).ok(t).Value), 2.5976931e+101)
	})
	t.Run("putDoubleBigScientificNotation", func(t *testing.T) { call(c.PutBigDouble(ctx, 2.5976931e+101, nil)).ok(t) })
	t.Run("getDoubleBigPositiveDecimal", func(t *testing.T) {
		equal(t, float64(call(c.GetBigDoublePositiveDecimal(ctx, nil)).ok(t).Value), 99999999.99)
	})
	t.Run("putDoubleBigPositiveDecimal", func(t *testing.T) { call(c.PutBigDoublePositiveDecimal(ctx, nil)).ok(t) })
	t.Run("getDoubleBigNegativeDecimal", func(t *testing.T) {
		equal(t, float64(call(c.GetBigDoubleNegativeDecimal(ctx, nil)).ok(t).Value), -99999999.99)
	})
	t.Run("putDoubleBigNegativeDecimal", func(t *testing.T) { call(c.PutBigDoubleNegativeDecimal(ctx, nil)).ok(t) })
	t.Run("getFloatSmallScientificNotation", func(t *testing.T) {
		equal(t, float32(call(c.GetSmallFloat(ctx, nil)).ok(t).Value), float32(3.402823e-20))
	})
	t.Run("putFloatSmallScientificNotation", func(t *testing.T) { call(c.PutSmallFloat(ctx, 3.402823e-20, nil)).ok(t) })
	t.Run("getDoubleSmallScientificNotation", func(t *testing.T) {
		equal(t, float64(call(c.GetSmallDouble(ctx, nil)).ok(t).Value), 2.5976931e-101)
	})
	t.Run("putDoubleSmallScientificNotation", func(t *testing.T) { call(c.PutSmallDouble(ctx, 2.5976931e-101, nil)).ok(t) })
}

func TestBodyString(t *testing.T) {
	client := bodystring.NewClient(nil, &bodystring.ClientOptions{Endpoint: server})
	c, e := client.String(), client.Enum()
	const whitespace = "    Now is the time for all good men to come to the aid of their country    "
	// Written with escapes: the compatibility ideographs in it would not
	// survive an editor that normalizes Unicode.
	const mbcs = "\u554a\u9f44\u4e02\u72db\u72dc\uf9f1\uf92c\uf9f1\ufa0c\ufa29\u02ca\u301e\u3021\uffe4\u2121\u3231\u2010\u30fc\ufe61\ufe62\ufe6b\u3001\u3013\u2170\u2179\u2488\u20ac\u3220\u3229\u2160\u216b\uff01\uffe3\u3041\u3093\u30a1\u30f6\u0391\ufe34\u0410\u042f\u0430\u044f\u0101\u0261\u3105\u3129\u2500\u254b\ufe35\ufe44\ufe3b\ufe31\ufe33\ufe34\u2170\u2179\u0251\ue7c7\u0261\u3007\u303e\u2ffb\u2e81\ue843\u4723\ue864\u20ac"
	encoded := []byte("a string that gets encoded with base64url")
	t.Run("getStringNull", func(t *testing.T) { equal(t, call(c.GetNull(ctx, nil)).ok(t).Value, "") })
	t.Run("putStringNull", func(t *testing.T) { call(c.PutNull(ctx, nil)).ok(t) })
	t.Run("getStringEmpty", func(t *testing.T) {
		equal(t, call(c.GetEmpty(ctx, nil)).ok(t).Value, "")
	})
	t.Run("putStringEmpty", func(t *testing.T) { call(c.PutEmpty(ctx, nil)).ok(t) })
	t.Run("getStringNotProvided", func(t *testing.T) { equal(t, call(c.GetNotProvided(ctx, nil)).ok(t).Value, "") })
	t.Run("getStringWithLeadingAndTrailingWhitespace", func(t *testing.T) {
		equal(t, string(call(c.GetWhitespace(ctx, nil)).ok(t).Value), whitespace)
	})
	t.Run("putStringWithLeadingAndTrailingWhitespace", func(t *testing.T) { call(c.PutWhitespace(ctx, nil)).ok(t) })
	t.Run("getStringMultiByteCharacters", func(t *testing.T) { equal(t, string(call(c.GetMbcs(ctx, nil)).ok(t).Value), mbcs) })
	t.Run("putStringMultiByteCharacters", func(t *testing.T) { call(c.PutMbcs(ctx, nil)).ok(t) })
	t.Run("getStringBase64Encoded", func(t *testing.T) {
		equal(t, string(call(c.GetBase64Encoded(ctx, nil)).ok(t).Value), "a string that gets encoded with base64")
	})
	t.Run("getStringBase64UrlEncoded", func(t *testing.T) {
		equal(t, bytes.Equal(call(c.GetBase64URLEncoded(ctx, nil)).ok(t).Value, encoded), true)
	})
	t.Run("putStringBase64UrlEncoded", func(t *testing.T) { call(c.PutBase64URLEncoded(ctx, encoded, nil)).ok(t) })
	t.Run("getStringNullBase64UrlEncoding", func(t *testing.T) {
		equal(t, call(c.GetNullBase64URLEncoded(ctx, nil)).ok(t).Value == nil, true)
	})
	t.Run("getEnumNotExpandable", func(t *testing.T) {
		equal(t, call(e.GetNotExpandable(ctx, nil)).ok(t).Value, bodystring.ColorsRedColor)
	})
	t.Run("putEnumNotExpandable", func(t *testing.T) { call(e.PutNotExpandable(ctx, bodystring.ColorsRedColor, nil)).ok(t) })
	t.Run("getEnumReferenced", func(t *testing.T) {
		equal(t, call(e.GetReferenced(ctx, nil)).ok(t).Value, bodystring.ColorsRedColor)
	})
	t.Run("putEnumReferenced", func(t *testing.T) { call(e.PutReferenced(ctx, bodystring.ColorsRedColor, nil)).ok(t) })
	t.Run("getEnumReferencedConstant", func(t *testing.T) {
		v := call(e.GetReferencedConstant(ctx, nil)).ok(t)
		equal(t, *v.Field1, "Sample String")
	})
	t.Run("putEnumReferencedConstant", func(t *testing.T) {
		// The constant property is sent without being set.
		call(e.PutReferencedConstant(ctx, bodystring.RefColorConstant{}, nil)).ok(t)
	})
}

func TestBodyDatetime(t *testing.T) {
	c := bodydatetime.NewClient(nil, &bodydatetime.ClientOptions{Endpoint: server}).Datetime()
	type rerr = bodydatetime.ResponseError
	maxUTC := time.Date(9999, 12, 31, 23, 59, 59, 999000000, time.UTC)
	minUTC := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	same := func(t *testing.T, got time.Time, want string) {
		t.Helper()
		w, err := time.Parse(time.RFC3339Nano, want)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Equal(w) {
			t.Fatalf("got %v, want %v", got, w)
		}
	}
	t.Run("getDateTimeNull", func(t *testing.T) { equal(t, call(c.GetNull(ctx, nil)).ok(t).Value.IsZero(), true) })
	t.Run("getDateTimeInvalid", func(t *testing.T) { decodeError[rerr](t, call(c.GetInvalid(ctx, nil)).failed(t)) })
	// 9999-12-31T23:59:59.999-14:00 is past year 9999 in UTC, which Go's
	// time.Time holds.
	t.Run("getDateTimeOverflow", func(t *testing.T) {
		same(t, call(c.GetOverflow(ctx, nil)).ok(t).Value, "9999-12-31T23:59:59.999-14:00")
	})
	t.Run("getDateTimeUnderflow", func(t *testing.T) { decodeError[rerr](t, call(c.GetUnderflow(ctx, nil)).failed(t)) })
	t.Run("putDateTimeMaxUtc", func(t *testing.T) { call(c.PutUTCMaxDateTime(ctx, maxUTC, nil)).ok(t) })
	t.Run("getDateTimeMaxUtcLowercase", func(t *testing.T) {
		same(t, call(c.GetUTCLowercaseMaxDateTime(ctx, nil)).ok(t).Value, "9999-12-31T23:59:59.999Z")
	})
	t.Run("getDateTimeMaxUtcUppercase", func(t *testing.T) {
		same(t, call(c.GetUTCUppercaseMaxDateTime(ctx, nil)).ok(t).Value, "9999-12-31T23:59:59.999Z")
	})
	t.Run("getDateTimeMaxLocalPositiveOffsetLowercase", func(t *testing.T) {
		same(t, call(c.GetLocalPositiveOffsetLowercaseMaxDateTime(ctx, nil)).ok(t).Value, "9999-12-31T23:59:59.999+14:00")
	})
	t.Run("getDateTimeMaxLocalPositiveOffsetUppercase", func(t *testing.T) {
		same(t, call(c.GetLocalPositiveOffsetUppercaseMaxDateTime(ctx, nil)).ok(t).Value, "9999-12-31T23:59:59.999+14:00")
	})
	t.Run("getDateTimeMaxLocalNegativeOffsetLowercase", func(t *testing.T) {
		same(t, call(c.GetLocalNegativeOffsetLowercaseMaxDateTime(ctx, nil)).ok(t).Value, "9999-12-31T23:59:59.999-14:00")
	})
	t.Run("getDateTimeMaxLocalNegativeOffsetUppercase", func(t *testing.T) {
		same(t, call(c.GetLocalNegativeOffsetUppercaseMaxDateTime(ctx, nil)).ok(t).Value, "9999-12-31T23:59:59.999-14:00")
	})
	t.Run("putDateTimeMinUtc", func(t *testing.T) { call(c.PutUTCMinDateTime(ctx, minUTC, nil)).ok(t) })
	// The spec makes the min responses one-value enums, which AutoRest reads
	// as constants: they decode as plain date-times.
	t.Run("getDateTimeMinUtc", func(t *testing.T) {
		same(t, call(c.GetUTCMinDateTime(ctx, nil)).ok(t).Value, "0001-01-01T00:00:00Z")
	})
	t.Run("getDateTimeMinLocalPositiveOffset", func(t *testing.T) {
		same(t, call(c.GetLocalPositiveOffsetMinDateTime(ctx, nil)).ok(t).Value, "0001-01-01T00:00:00+14:00")
	})
	t.Run("getDateTimeMinLocalNegativeOffset", func(t *testing.T) {
		same(t, call(c.GetLocalNegativeOffsetMinDateTime(ctx, nil)).ok(t).Value, "0001-01-01T00:00:00-14:00")
	})
	// No zone: Azure means UTC.
	t.Run("getDateTimeMinLocalNoOffset", func(t *testing.T) {
		equal(t, call(c.GetLocalNoOffsetMinDateTime(ctx, nil)).ok(t).Value, minUTC)
	})
}

func TestBodyDatetimeRfc1123(t *testing.T) {
	c := bodydatetimerfc1123.NewClient(nil, &bodydatetimerfc1123.ClientOptions{Endpoint: server}).Datetimerfc1123()
	type rerr = bodydatetimerfc1123.ResponseError
	maxUTC := time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)
	minUTC := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	t.Run("getDateTimeRfc1123Null", func(t *testing.T) { equal(t, call(c.GetNull(ctx, nil)).ok(t).Value.IsZero(), true) })
	t.Run("getDateTimeRfc1123Invalid", func(t *testing.T) { decodeError[rerr](t, call(c.GetInvalid(ctx, nil)).failed(t)) })
	t.Run("getDateTimeRfc1123Overflow", func(t *testing.T) {
		equal(t, call(c.GetOverflow(ctx, nil)).ok(t).Value.Equal(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)), true)
	})
	t.Run("getDateTimeRfc1123Underflow", func(t *testing.T) { decodeError[rerr](t, call(c.GetUnderflow(ctx, nil)).failed(t)) })
	t.Run("putDateTimeRfc1123Max", func(t *testing.T) { call(c.PutUTCMaxDateTime(ctx, maxUTC, nil)).ok(t) })
	t.Run("getDateTimeRfc1123MaxUtcLowercase", func(t *testing.T) {
		equal(t, call(c.GetUTCLowercaseMaxDateTime(ctx, nil)).ok(t).Value.Equal(maxUTC), true)
	})
	t.Run("getDateTimeRfc1123MaxUtcUppercase", func(t *testing.T) {
		equal(t, call(c.GetUTCUppercaseMaxDateTime(ctx, nil)).ok(t).Value.Equal(maxUTC), true)
	})
	t.Run("putDateTimeRfc1123Min", func(t *testing.T) { call(c.PutUTCMinDateTime(ctx, minUTC, nil)).ok(t) })
	t.Run("getDateTimeRfc1123MinUtc", func(t *testing.T) {
		equal(t, call(c.GetUTCMinDateTime(ctx, nil)).ok(t).Value.Equal(minUTC), true)
	})
}
