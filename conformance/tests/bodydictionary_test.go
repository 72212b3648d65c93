//go:build conformance

package tests

import (
	"testing"
	"time"

	"github.com/armgen/armgen/conformance/gen/bodydictionary"
)

func TestBodyDictionary(t *testing.T) {
	c := bodydictionary.NewClient(nil, &bodydictionary.ClientOptions{Endpoint: server}).Dictionary()
	type rerr = bodydictionary.ResponseError
	utc := func(y int, m time.Month, d, h, min, s int) time.Time {
		return time.Date(y, m, d, h, min, s, 0, time.UTC)
	}
	widget := func(i int64, s string) *bodydictionary.Widget {
		return &bodydictionary.Widget{Integer: bodydictionary.Ptr(i), String: bodydictionary.Ptr(s)}
	}
	dates := map[string]time.Time{"0": utc(2000, 12, 1, 0, 0, 0), "1": utc(1980, 1, 2, 0, 0, 0), "2": utc(1492, 10, 12, 0, 0, 0)}
	byteValues := map[string][]byte{"0": {0xFF, 0xFF, 0xFF, 0xFA}, "1": {0x01, 0x02, 0x03}, "2": {0x25, 0x29, 0x43}}
	arrays := map[string][]string{"0": {"1", "2", "3"}, "1": {"4", "5", "6"}, "2": {"7", "8", "9"}}
	dicts := map[string]map[string]string{
		"0": {"1": "one", "2": "two", "3": "three"},
		"1": {"4": "four", "5": "five", "6": "six"},
		"2": {"7": "seven", "8": "eight", "9": "nine"},
	}

	// The whole body.
	t.Run("getDictionaryNull", func(t *testing.T) { equal(t, call(c.GetNull(ctx, nil)).ok(t).Value == nil, true) })
	t.Run("getDictionaryEmpty", func(t *testing.T) {
		v := call(c.GetEmpty(ctx, nil)).ok(t).Value
		equal(t, v != nil && len(v) == 0, true)
	})
	t.Run("putDictionaryEmpty", func(t *testing.T) { call(c.PutEmpty(ctx, map[string]string{}, nil)).ok(t) })
	t.Run("getDictionaryInvalid", func(t *testing.T) { decodeError[rerr](t, call(c.GetInvalid(ctx, nil)).failed(t)) })
	// {"key1": null} for string values that are not x-nullable: the null
	// reads as the zero value, the key is kept.
	t.Run("getDictionaryNullValue", func(t *testing.T) {
		equalDeep(t, call(c.GetNullValue(ctx, nil)).ok(t).Value, map[string]string{"key1": ""})
	})
	// {null: "val1"} is not JSON.
	t.Run("getDictionaryNullkey", func(t *testing.T) { decodeError[rerr](t, call(c.GetNullKey(ctx, nil)).failed(t)) })
	t.Run("getDictionaryKeyEmptyString", func(t *testing.T) {
		equalDeep(t, call(c.GetEmptyStringKey(ctx, nil)).ok(t).Value, map[string]string{"": "val1"})
	})

	// Primitives: a null reads as the zero value, a value of another JSON
	// type is a decoding error.
	t.Run("getDictionaryBooleanValid", func(t *testing.T) {
		equalDeep(t, call(c.GetBooleanTfft(ctx, nil)).ok(t).Value, map[string]bool{"0": true, "1": false, "2": false, "3": true})
	})
	t.Run("putDictionaryBooleanValid", func(t *testing.T) {
		call(c.PutBooleanTfft(ctx, map[string]bool{"0": true, "1": false, "2": false, "3": true}, nil)).ok(t)
	})
	t.Run("getDictionaryBooleanWithNull", func(t *testing.T) {
		equalDeep(t, call(c.GetBooleanInvalidNull(ctx, nil)).ok(t).Value, map[string]bool{"0": true, "1": false, "2": false})
	})
	t.Run("getDictionaryBooleanWithString", func(t *testing.T) {
		decodeError[rerr](t, call(c.GetBooleanInvalidString(ctx, nil)).failed(t))
	})
	ints := map[string]int64{"0": 1, "1": -1, "2": 3, "3": 300}
	t.Run("getDictionaryIntegerValid", func(t *testing.T) { equalDeep(t, call(c.GetIntegerValid(ctx, nil)).ok(t).Value, ints) })
	t.Run("putDictionaryIntegerValid", func(t *testing.T) { call(c.PutIntegerValid(ctx, ints, nil)).ok(t) })
	t.Run("getDictionaryIntegerWithNull", func(t *testing.T) {
		equalDeep(t, call(c.GetIntInvalidNull(ctx, nil)).ok(t).Value, map[string]int64{"0": 1, "1": 0, "2": 0})
	})
	t.Run("getDictionaryIntegerWithString", func(t *testing.T) {
		decodeError[rerr](t, call(c.GetIntInvalidString(ctx, nil)).failed(t))
	})
	t.Run("getDictionaryLongValid", func(t *testing.T) { equalDeep(t, call(c.GetLongValid(ctx, nil)).ok(t).Value, ints) })
	t.Run("putDictionaryLongValid", func(t *testing.T) { call(c.PutLongValid(ctx, ints, nil)).ok(t) })
	t.Run("getDictionaryLongWithNull", func(t *testing.T) {
		equalDeep(t, call(c.GetLongInvalidNull(ctx, nil)).ok(t).Value, map[string]int64{"0": 1, "1": 0, "2": 0})
	})
	t.Run("getDictionaryLongWithString", func(t *testing.T) {
		decodeError[rerr](t, call(c.GetLongInvalidString(ctx, nil)).failed(t))
	})
	t.Run("getDictionaryFloatValid", func(t *testing.T) {
		equalDeep(t, call(c.GetFloatValid(ctx, nil)).ok(t).Value, map[string]float32{"0": 0, "1": -0.01, "2": -1.2e20})
	})
	t.Run("putDictionaryFloatValid", func(t *testing.T) {
		call(c.PutFloatValid(ctx, map[string]float32{"0": 0, "1": -0.01, "2": -1.2e20}, nil)).ok(t)
	})
	t.Run("getDictionaryFloatWithNull", func(t *testing.T) {
		equalDeep(t, call(c.GetFloatInvalidNull(ctx, nil)).ok(t).Value, map[string]float32{"0": 0, "1": 0, "2": -1.2e20})
	})
	t.Run("getDictionaryFloatWithString", func(t *testing.T) {
		decodeError[rerr](t, call(c.GetFloatInvalidString(ctx, nil)).failed(t))
	})
	t.Run("getDictionaryDoubleValid", func(t *testing.T) {
		equalDeep(t, call(c.GetDoubleValid(ctx, nil)).ok(t).Value, map[string]float64{"0": 0, "1": -0.01, "2": -1.2e20})
	})
	t.Run("putDictionaryDoubleValid", func(t *testing.T) {
		call(c.PutDoubleValid(ctx, map[string]float64{"0": 0, "1": -0.01, "2": -1.2e20}, nil)).ok(t)
	})
	t.Run("getDictionaryDoubleWithNull", func(t *testing.T) {
		equalDeep(t, call(c.GetDoubleInvalidNull(ctx, nil)).ok(t).Value, map[string]float64{"0": 0, "1": 0, "2": -1.2e20})
	})
	t.Run("getDictionaryDoubleWithString", func(t *testing.T) {
		decodeError[rerr](t, call(c.GetDoubleInvalidString(ctx, nil)).failed(t))
	})
	foos := map[string]string{"0": "foo1", "1": "foo2", "2": "foo3"}
	t.Run("getDictionaryStringValid", func(t *testing.T) { equalDeep(t, call(c.GetStringValid(ctx, nil)).ok(t).Value, foos) })
	t.Run("putDictionaryStringValid", func(t *testing.T) { call(c.PutStringValid(ctx, foos, nil)).ok(t) })
	t.Run("getDictionaryStringWithNull", func(t *testing.T) {
		equalDeep(t, call(c.GetStringWithNull(ctx, nil)).ok(t).Value, map[string]string{"0": "foo", "1": "", "2": "foo2"})
	})
	t.Run("getDictionaryStringWithNumber", func(t *testing.T) {
		decodeError[rerr](t, call(c.GetStringWithInvalid(ctx, nil)).failed(t))
	})

	// Formats as map values.
	t.Run("getDictionaryDateValid", func(t *testing.T) { equalTimeMap(t, call(c.GetDateValid(ctx, nil)).ok(t).Value, dates) })
	t.Run("putDictionaryDateValid", func(t *testing.T) { call(c.PutDateValid(ctx, dates, nil)).ok(t) })
	t.Run("getDictionaryDateWithNull", func(t *testing.T) {
		equalTimeMap(t, call(c.GetDateInvalidNull(ctx, nil)).ok(t).Value,
			map[string]time.Time{"0": utc(2012, 1, 1, 0, 0, 0), "1": {}, "2": utc(1776, 7, 4, 0, 0, 0)})
	})
	t.Run("getDictionaryDateWithInvalidChars", func(t *testing.T) {
		decodeError[rerr](t, call(c.GetDateInvalidChars(ctx, nil)).failed(t))
	})
	// "2000-12-01t00:00:01z", "1980-01-02T00:11:35+01:00",
	// "1492-10-12T10:15:01-08:00", and the server wants the instants back.
	dateTimes := map[string]time.Time{"0": utc(2000, 12, 1, 0, 0, 1), "1": utc(1980, 1, 1, 23, 11, 35), "2": utc(1492, 10, 12, 18, 15, 1)}
	t.Run("getDictionaryDateTimeValid", func(t *testing.T) {
		equalTimeMap(t, call(c.GetDateTimeValid(ctx, nil)).ok(t).Value, dateTimes)
	})
	t.Run("putDictionaryDateTimeValid", func(t *testing.T) { call(c.PutDateTimeValid(ctx, dateTimes, nil)).ok(t) })
	t.Run("getDictionaryDateTimeWithNull", func(t *testing.T) {
		equalTimeMap(t, call(c.GetDateTimeInvalidNull(ctx, nil)).ok(t).Value, map[string]time.Time{"0": utc(2000, 12, 1, 0, 0, 1), "1": {}})
	})
	t.Run("getDictionaryDateTimeWithInvalidChars", func(t *testing.T) {
		decodeError[rerr](t, call(c.GetDateTimeInvalidChars(ctx, nil)).failed(t))
	})
	httpDates := map[string]time.Time{"0": utc(2000, 12, 1, 0, 0, 1), "1": utc(1980, 1, 2, 0, 11, 35), "2": utc(1492, 10, 12, 10, 15, 1)}
	t.Run("getDictionaryDateTimeRfc1123Valid", func(t *testing.T) {
		equalTimeMap(t, call(c.GetDateTimeRfc1123Valid(ctx, nil)).ok(t).Value, httpDates)
	})
	t.Run("putDictionaryDateTimeRfc1123Valid", func(t *testing.T) { call(c.PutDateTimeRfc1123Valid(ctx, httpDates, nil)).ok(t) })
	t.Run("getDictionaryDurationValid", func(t *testing.T) {
		equalDeep(t, call(c.GetDurationValid(ctx, nil)).ok(t).Value, map[string]string{"0": "P123DT22H14M12.011S", "1": "P5DT1H"})
	})
	t.Run("putDictionaryDurationValid", func(t *testing.T) {
		call(c.PutDurationValid(ctx, map[string]string{"0": "P123DT22H14M12.011S", "1": "P5DT1H"}, nil)).ok(t)
	})
	t.Run("getDictionaryByteValid", func(t *testing.T) { equalDeep(t, call(c.GetByteValid(ctx, nil)).ok(t).Value, byteValues) })
	t.Run("putDictionaryByteValid", func(t *testing.T) { call(c.PutByteValid(ctx, byteValues, nil)).ok(t) })
	t.Run("getDictionaryByteWithNull", func(t *testing.T) {
		equalDeep(t, call(c.GetByteInvalidNull(ctx, nil)).ok(t).Value, map[string][]byte{"0": {0xAB, 0xAC, 0xAD}, "1": nil})
	})
	t.Run("getDictionaryBase64Url", func(t *testing.T) {
		equalDeep(t, call(c.GetBase64URL(ctx, nil)).ok(t).Value, map[string][]byte{
			"0": []byte("a string that gets encoded with base64url"), "1": []byte("test string"), "2": []byte("Lorem ipsum")})
	})

	// Models as map values are pointers: a null value is nil.
	widgets := map[string]*bodydictionary.Widget{"0": widget(1, "2"), "1": widget(3, "4"), "2": widget(5, "6")}
	t.Run("getDictionaryComplexNull", func(t *testing.T) {
		equal(t, call(c.GetComplexNull(ctx, nil)).ok(t).Value == nil, true)
	})
	t.Run("getDictionaryComplexEmpty", func(t *testing.T) {
		v := call(c.GetComplexEmpty(ctx, nil)).ok(t).Value
		equal(t, v != nil && len(v) == 0, true)
	})
	t.Run("getDictionaryComplexItemNull", func(t *testing.T) {
		equalDeep(t, call(c.GetComplexItemNull(ctx, nil)).ok(t).Value,
			map[string]*bodydictionary.Widget{"0": widget(1, "2"), "1": nil, "2": widget(5, "6")})
	})
	t.Run("getDictionaryComplexItemEmpty", func(t *testing.T) {
		equalDeep(t, call(c.GetComplexItemEmpty(ctx, nil)).ok(t).Value,
			map[string]*bodydictionary.Widget{"0": widget(1, "2"), "1": {}, "2": widget(5, "6")})
	})
	t.Run("getDictionaryComplexValid", func(t *testing.T) { equalDeep(t, call(c.GetComplexValid(ctx, nil)).ok(t).Value, widgets) })
	t.Run("putDictionaryComplexValid", func(t *testing.T) { call(c.PutComplexValid(ctx, widgets, nil)).ok(t) })

	// Maps of arrays.
	t.Run("getDictionaryArrayNull", func(t *testing.T) { equal(t, call(c.GetArrayNull(ctx, nil)).ok(t).Value == nil, true) })
	t.Run("getDictionaryArrayEmpty", func(t *testing.T) {
		v := call(c.GetArrayEmpty(ctx, nil)).ok(t).Value
		equal(t, v != nil && len(v) == 0, true)
	})
	t.Run("getDictionaryArrayItemNull", func(t *testing.T) {
		equalDeep(t, call(c.GetArrayItemNull(ctx, nil)).ok(t).Value, map[string][]string{"0": {"1", "2", "3"}, "1": nil, "2": {"7", "8", "9"}})
	})
	t.Run("getDictionaryArrayItemEmpty", func(t *testing.T) {
		equalDeep(t, call(c.GetArrayItemEmpty(ctx, nil)).ok(t).Value, map[string][]string{"0": {"1", "2", "3"}, "1": {}, "2": {"7", "8", "9"}})
	})
	t.Run("getDictionaryArrayValid", func(t *testing.T) { equalDeep(t, call(c.GetArrayValid(ctx, nil)).ok(t).Value, arrays) })
	t.Run("putDictionaryArrayValid", func(t *testing.T) { call(c.PutArrayValid(ctx, arrays, nil)).ok(t) })

	// Maps of maps.
	t.Run("getDictionaryDictionaryNull", func(t *testing.T) {
		equal(t, call(c.GetDictionaryNull(ctx, nil)).ok(t).Value == nil, true)
	})
	t.Run("getDictionaryDictionaryEmpty", func(t *testing.T) {
		v := call(c.GetDictionaryEmpty(ctx, nil)).ok(t).Value
		equal(t, v != nil && len(v) == 0, true)
	})
	t.Run("getDictionaryDictionaryItemNull", func(t *testing.T) {
		equalDeep(t, call(c.GetDictionaryItemNull(ctx, nil)).ok(t).Value, map[string]map[string]string{"0": dicts["0"], "1": nil, "2": dicts["2"]})
	})
	t.Run("getDictionaryDictionaryItemEmpty", func(t *testing.T) {
		equalDeep(t, call(c.GetDictionaryItemEmpty(ctx, nil)).ok(t).Value, map[string]map[string]string{"0": dicts["0"], "1": {}, "2": dicts["2"]})
	})
	t.Run("getDictionaryDictionaryValid", func(t *testing.T) {
		equalDeep(t, call(c.GetDictionaryValid(ctx, nil)).ok(t).Value, dicts)
	})
	t.Run("putDictionaryDictionaryValid", func(t *testing.T) { call(c.PutDictionaryValid(ctx, dicts, nil)).ok(t) })
}

// equalTimeMap fails the test unless got holds the same keys and instants
// as want, in any zone.
func equalTimeMap(t *testing.T, got, want map[string]time.Time) {
	t.Helper()
	ok := len(got) == len(want)
	for k, w := range want {
		g, found := got[k]
		ok = ok && found && g.Equal(w)
	}
	if !ok {
		t.Fatalf("got  %v\nwant %v", got, want)
	}
}
