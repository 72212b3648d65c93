//go:build conformance

package tests

import (
	"testing"
	"time"

	"github.com/armgen/armgen/conformance/gen/bodyarray"
)

func TestBodyArray(t *testing.T) {
	c := bodyarray.NewClient(nil, &bodyarray.ClientOptions{Endpoint: server}).Array()
	type rerr = bodyarray.ResponseError
	utc := func(y int, m time.Month, d, h, min, s int) time.Time {
		return time.Date(y, m, d, h, min, s, 0, time.UTC)
	}
	product := func(i int64, s string) bodyarray.Product {
		return bodyarray.Product{Integer: bodyarray.Ptr(i), String: bodyarray.Ptr(s)}
	}
	dates := []time.Time{utc(2000, 12, 1, 0, 0, 0), utc(1980, 1, 2, 0, 0, 0), utc(1492, 10, 12, 0, 0, 0)}
	dateTimes := []time.Time{utc(2000, 12, 1, 0, 0, 1), utc(1980, 1, 2, 0, 11, 35), utc(1492, 10, 12, 10, 15, 1)}
	byteItems := [][]byte{{0xFF, 0xFF, 0xFF, 0xFA}, {0x01, 0x02, 0x03}, {0x25, 0x29, 0x43}}
	uuids := []string{"6dcc7237-45fe-45c4-8a6b-3a8a3f625652", "d1399005-30f7-40d6-8da6-dd7c89ad34db", "f42f6aa1-a5bc-4ddf-907e-5f915de43205"}
	strings3 := [][]string{{"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}}
	dicts := []map[string]string{
		{"1": "one", "2": "two", "3": "three"},
		{"4": "four", "5": "five", "6": "six"},
		{"7": "seven", "8": "eight", "9": "nine"},
	}

	// The whole body: absent (the server sends no body) is a nil slice,
	// [] an empty one; a body that is not JSON is an error.
	t.Run("getArrayNull", func(t *testing.T) { equal(t, call(c.GetNull(ctx, nil)).ok(t).Value == nil, true) })
	t.Run("getArrayEmpty", func(t *testing.T) {
		v := call(c.GetEmpty(ctx, nil)).ok(t).Value
		equal(t, v != nil && len(v) == 0, true)
	})
	t.Run("putArrayEmpty", func(t *testing.T) { call(c.PutEmpty(ctx, []string{}, nil)).ok(t) })
	t.Run("getArrayInvalid", func(t *testing.T) { decodeError[rerr](t, call(c.GetInvalid(ctx, nil)).failed(t)) })

	// Primitives. A null where the spec allows none (no x-nullable) reads
	// as the element type's zero value, as encoding/json reads it and as a
	// null body reads; a value of another JSON type is a decoding error.
	t.Run("getArrayBooleanValid", func(t *testing.T) {
		equalDeep(t, call(c.GetBooleanTfft(ctx, nil)).ok(t).Value, []bool{true, false, false, true})
	})
	t.Run("putArrayBooleanValid", func(t *testing.T) { call(c.PutBooleanTfft(ctx, []bool{true, false, false, true}, nil)).ok(t) })
	t.Run("getArrayBooleanWithNull", func(t *testing.T) {
		equalDeep(t, call(c.GetBooleanInvalidNull(ctx, nil)).ok(t).Value, []bool{true, false, false})
	})
	t.Run("getArrayBooleanWithString", func(t *testing.T) {
		decodeError[rerr](t, call(c.GetBooleanInvalidString(ctx, nil)).failed(t))
	})
	t.Run("getArrayIntegerValid", func(t *testing.T) {
		equalDeep(t, call(c.GetIntegerValid(ctx, nil)).ok(t).Value, []int64{1, -1, 3, 300})
	})
	t.Run("putArrayIntegerValid", func(t *testing.T) { call(c.PutIntegerValid(ctx, []int64{1, -1, 3, 300}, nil)).ok(t) })
	t.Run("getArrayIntegerWithNull", func(t *testing.T) {
		equalDeep(t, call(c.GetIntInvalidNull(ctx, nil)).ok(t).Value, []int64{1, 0, 0})
	})
	t.Run("getArrayIntegerWithString", func(t *testing.T) {
		decodeError[rerr](t, call(c.GetIntInvalidString(ctx, nil)).failed(t))
	})
	t.Run("getArrayLongValid", func(t *testing.T) {
		equalDeep(t, call(c.GetLongValid(ctx, nil)).ok(t).Value, []int64{1, -1, 3, 300})
	})
	t.Run("putArrayLongValid", func(t *testing.T) { call(c.PutLongValid(ctx, []int64{1, -1, 3, 300}, nil)).ok(t) })
	t.Run("getArrayLongWithNull", func(t *testing.T) {
		equalDeep(t, call(c.GetLongInvalidNull(ctx, nil)).ok(t).Value, []int64{1, 0, 0})
	})
	t.Run("getArrayLongWithString", func(t *testing.T) {
		decodeError[rerr](t, call(c.GetLongInvalidString(ctx, nil)).failed(t))
	})
	t.Run("getArrayFloatValid", func(t *testing.T) {
		equalDeep(t, call(c.GetFloatValid(ctx, nil)).ok(t).Value, []float32{0, -0.01, -1.2e20})
	})
	t.Run("putArrayFloatValid", func(t *testing.T) { call(c.PutFloatValid(ctx, []float32{0, -0.01, -1.2e20}, nil)).ok(t) })
	t.Run("getArrayFloatWithNull", func(t *testing.T) {
		equalDeep(t, call(c.GetFloatInvalidNull(ctx, nil)).ok(t).Value, []float32{0, 0, -1.2e20})
	})
	t.Run("getArrayFloatWithString", func(t *testing.T) {
		decodeError[rerr](t, call(c.GetFloatInvalidString(ctx, nil)).failed(t))
	})
	t.Run("getArrayDoubleValid", func(t *testing.T) {
		equalDeep(t, call(c.GetDoubleValid(ctx, nil)).ok(t).Value, []float64{0, -0.01, -1.2e20})
	})
	t.Run("putArrayDoubleValid", func(t *testing.T) { call(c.PutDoubleValid(ctx, []float64{0, -0.01, -1.2e20}, nil)).ok(t) })
	t.Run("getArrayDoubleWithNull", func(t *testing.T) {
		equalDeep(t, call(c.GetDoubleInvalidNull(ctx, nil)).ok(t).Value, []float64{0, 0, -1.2e20})
	})
	t.Run("getArrayDoubleWithString", func(t *testing.T) {
		decodeError[rerr](t, call(c.GetDoubleInvalidString(ctx, nil)).failed(t))
	})
	t.Run("getArrayStringValid", func(t *testing.T) {
		equalDeep(t, call(c.GetStringValid(ctx, nil)).ok(t).Value, []string{"foo1", "foo2", "foo3"})
	})
	t.Run("putArrayStringValid", func(t *testing.T) { call(c.PutStringValid(ctx, []string{"foo1", "foo2", "foo3"}, nil)).ok(t) })
	// The spec marks these items x-nullable: the null is kept, as nil.
	t.Run("getArrayStringWithNull", func(t *testing.T) {
		equalDeep(t, call(c.GetStringWithNull(ctx, nil)).ok(t).Value, []*string{bodyarray.Ptr("foo"), nil, bodyarray.Ptr("foo2")})
	})
	t.Run("getArrayStringWithNumber", func(t *testing.T) {
		decodeError[rerr](t, call(c.GetStringWithInvalid(ctx, nil)).failed(t))
	})
	t.Run("getArrayEnumValid", func(t *testing.T) {
		equalDeep(t, call(c.GetEnumValid(ctx, nil)).ok(t).Value,
			[]bodyarray.FooEnum{bodyarray.FooEnumFoo1, bodyarray.FooEnumFoo2, bodyarray.FooEnumFoo3})
	})
	t.Run("putArrayEnumValid", func(t *testing.T) {
		call(c.PutEnumValid(ctx, []bodyarray.FooEnum{bodyarray.FooEnumFoo1, bodyarray.FooEnumFoo2, bodyarray.FooEnumFoo3}, nil)).ok(t)
	})
	// An enum without x-ms-enum gets a name from where it is.
	t.Run("getArrayStringEnumValid", func(t *testing.T) {
		equalDeep(t, call(c.GetStringEnumValid(ctx, nil)).ok(t).Value, []bodyarray.ArrayGetStringEnumValidN200Item{
			bodyarray.ArrayGetStringEnumValidN200ItemFoo1, bodyarray.ArrayGetStringEnumValidN200ItemFoo2, bodyarray.ArrayGetStringEnumValidN200ItemFoo3})
	})
	t.Run("putArrayStringEnumValid", func(t *testing.T) {
		call(c.PutStringEnumValid(ctx, []bodyarray.ArrayPutStringEnumValidArrayBodyItem{
			bodyarray.ArrayPutStringEnumValidArrayBodyItemFoo1, bodyarray.ArrayPutStringEnumValidArrayBodyItemFoo2, bodyarray.ArrayPutStringEnumValidArrayBodyItemFoo3}, nil)).ok(t)
	})
	// format: uuid is documentation: the values stay text, unchecked.
	t.Run("getArrayUuidValid", func(t *testing.T) { equalDeep(t, call(c.GetUUIDValid(ctx, nil)).ok(t).Value, uuids) })
	t.Run("putArrayUuidValid", func(t *testing.T) { call(c.PutUUIDValid(ctx, uuids, nil)).ok(t) })
	t.Run("getArrayUuidWithInvalidChars", func(t *testing.T) {
		equalDeep(t, call(c.GetUUIDInvalidChars(ctx, nil)).ok(t).Value, []string{"6dcc7237-45fe-45c4-8a6b-3a8a3f625652", "foo"})
	})

	// Formats inside arrays.
	t.Run("getArrayDateValid", func(t *testing.T) { equalTimes(t, call(c.GetDateValid(ctx, nil)).ok(t).Value, dates) })
	t.Run("putArrayDateValid", func(t *testing.T) { call(c.PutDateValid(ctx, dates, nil)).ok(t) })
	t.Run("getArrayDateWithNull", func(t *testing.T) {
		equalTimes(t, call(c.GetDateInvalidNull(ctx, nil)).ok(t).Value, []time.Time{utc(2012, 1, 1, 0, 0, 0), {}, utc(1776, 7, 4, 0, 0, 0)})
	})
	t.Run("getArrayDateWithInvalidChars", func(t *testing.T) {
		decodeError[rerr](t, call(c.GetDateInvalidChars(ctx, nil)).failed(t))
	})
	// "2000-12-01t00:00:01z", "1980-01-02T00:11:35+01:00",
	// "1492-10-12T10:15:01-08:00": the instants, whatever the zone.
	t.Run("getArrayDateTimeValid", func(t *testing.T) {
		equalTimes(t, call(c.GetDateTimeValid(ctx, nil)).ok(t).Value,
			[]time.Time{utc(2000, 12, 1, 0, 0, 1), utc(1980, 1, 1, 23, 11, 35), utc(1492, 10, 12, 18, 15, 1)})
	})
	t.Run("putArrayDateTimeValid", func(t *testing.T) { call(c.PutDateTimeValid(ctx, dateTimes, nil)).ok(t) })
	t.Run("getArrayDateTimeWithNull", func(t *testing.T) {
		equalTimes(t, call(c.GetDateTimeInvalidNull(ctx, nil)).ok(t).Value, []time.Time{utc(2000, 12, 1, 0, 0, 1), {}})
	})
	t.Run("getArrayDateTimeWithInvalidChars", func(t *testing.T) {
		decodeError[rerr](t, call(c.GetDateTimeInvalidChars(ctx, nil)).failed(t))
	})
	t.Run("getArrayDateTimeRfc1123Valid", func(t *testing.T) {
		equalTimes(t, call(c.GetDateTimeRfc1123Valid(ctx, nil)).ok(t).Value, dateTimes)
	})
	t.Run("putArrayDateTimeRfc1123Valid", func(t *testing.T) { call(c.PutDateTimeRfc1123Valid(ctx, dateTimes, nil)).ok(t) })
	// Durations stay ISO 8601 text, as the service wrote them.
	t.Run("getArrayDurationValid", func(t *testing.T) {
		equalDeep(t, call(c.GetDurationValid(ctx, nil)).ok(t).Value, []string{"P123DT22H14M12.011S", "P5DT1H0M0S"})
	})
	t.Run("putArrayDurationValid", func(t *testing.T) {
		call(c.PutDurationValid(ctx, []string{"P123DT22H14M12.011S", "P5DT1H"}, nil)).ok(t)
	})
	t.Run("getArrayByteValid", func(t *testing.T) { equalDeep(t, call(c.GetByteValid(ctx, nil)).ok(t).Value, byteItems) })
	t.Run("putArrayByteValid", func(t *testing.T) { call(c.PutByteValid(ctx, byteItems, nil)).ok(t) })
	// A null []byte is nil, not empty.
	t.Run("getArrayByteWithNull", func(t *testing.T) {
		equalDeep(t, call(c.GetByteInvalidNull(ctx, nil)).ok(t).Value, [][]byte{{0xAB, 0xAC, 0xAD}, nil})
	})
	t.Run("getArrayBase64Url", func(t *testing.T) {
		equalDeep(t, call(c.GetBase64URL(ctx, nil)).ok(t).Value,
			[][]byte{[]byte("a string that gets encoded with base64url"), []byte("test string"), []byte("Lorem ipsum")})
	})

	// Models inside arrays.
	t.Run("getArrayComplexNull", func(t *testing.T) { equal(t, call(c.GetComplexNull(ctx, nil)).ok(t).Value == nil, true) })
	t.Run("getArrayComplexEmpty", func(t *testing.T) {
		v := call(c.GetComplexEmpty(ctx, nil)).ok(t).Value
		equal(t, v != nil && len(v) == 0, true)
	})
	// x-nullable items: a null item is a nil pointer, an empty one a zero model.
	t.Run("getArrayComplexItemNull", func(t *testing.T) {
		p1, p5 := product(1, "2"), product(5, "6")
		equalDeep(t, call(c.GetComplexItemNull(ctx, nil)).ok(t).Value, []*bodyarray.Product{&p1, nil, &p5})
	})
	t.Run("getArrayComplexItemEmpty", func(t *testing.T) {
		equalDeep(t, call(c.GetComplexItemEmpty(ctx, nil)).ok(t).Value, []bodyarray.Product{product(1, "2"), {}, product(5, "6")})
	})
	products := []bodyarray.Product{product(1, "2"), product(3, "4"), product(5, "6")}
	t.Run("getArrayComplexValid", func(t *testing.T) { equalDeep(t, call(c.GetComplexValid(ctx, nil)).ok(t).Value, products) })
	t.Run("putArrayComplexValid", func(t *testing.T) { call(c.PutComplexValid(ctx, products, nil)).ok(t) })

	// Arrays of arrays.
	t.Run("getArrayArrayNull", func(t *testing.T) { equal(t, call(c.GetArrayNull(ctx, nil)).ok(t).Value == nil, true) })
	t.Run("getArrayArrayEmpty", func(t *testing.T) {
		v := call(c.GetArrayEmpty(ctx, nil)).ok(t).Value
		equal(t, v != nil && len(v) == 0, true)
	})
	t.Run("getArrayArrayItemNull", func(t *testing.T) {
		equalDeep(t, call(c.GetArrayItemNull(ctx, nil)).ok(t).Value, [][]string{{"1", "2", "3"}, nil, {"7", "8", "9"}})
	})
	t.Run("getArrayArrayItemEmpty", func(t *testing.T) {
		equalDeep(t, call(c.GetArrayItemEmpty(ctx, nil)).ok(t).Value, [][]string{{"1", "2", "3"}, {}, {"7", "8", "9"}})
	})
	t.Run("getArrayArrayValid", func(t *testing.T) { equalDeep(t, call(c.GetArrayValid(ctx, nil)).ok(t).Value, strings3) })
	t.Run("putArrayArrayValid", func(t *testing.T) { call(c.PutArrayValid(ctx, strings3, nil)).ok(t) })

	// Arrays of maps.
	t.Run("getArrayDictionaryNull", func(t *testing.T) {
		equal(t, call(c.GetDictionaryNull(ctx, nil)).ok(t).Value == nil, true)
	})
	t.Run("getArrayDictionaryEmpty", func(t *testing.T) {
		v := call(c.GetDictionaryEmpty(ctx, nil)).ok(t).Value
		equal(t, v != nil && len(v) == 0, true)
	})
	t.Run("getArrayDictionaryItemNull", func(t *testing.T) {
		equalDeep(t, call(c.GetDictionaryItemNull(ctx, nil)).ok(t).Value, []map[string]string{dicts[0], nil, dicts[2]})
	})
	t.Run("getArrayDictionaryItemEmpty", func(t *testing.T) {
		equalDeep(t, call(c.GetDictionaryItemEmpty(ctx, nil)).ok(t).Value, []map[string]string{dicts[0], {}, dicts[2]})
	})
	t.Run("getArrayDictionaryValid", func(t *testing.T) { equalDeep(t, call(c.GetDictionaryValid(ctx, nil)).ok(t).Value, dicts) })
	t.Run("putArrayDictionaryValid", func(t *testing.T) { call(c.PutDictionaryValid(ctx, dicts, nil)).ok(t) })
}
