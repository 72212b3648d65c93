//go:build conformance

package tests

import (
	"encoding/json"
	"testing"
	"time"

	bc "github.com/armgen/armgen/conformance/gen/bodycomplex"
)

func TestBodyComplex(t *testing.T) {
	client := bc.NewClient(nil, &bc.ClientOptions{Endpoint: server})
	type rerr = bc.ResponseError
	utc := func(y int, m time.Month, d, h, min, s int) time.Time {
		return time.Date(y, m, d, h, min, s, 0, time.UTC)
	}

	basic := client.Basic()
	t.Run("getComplexBasicValid", func(t *testing.T) {
		equalDeep(t, call(basic.GetValid(ctx, nil)).ok(t).Basic,
			bc.Basic{ID: bc.Ptr[int64](2), Name: bc.Ptr("abc"), Color: bc.Ptr(bc.CMYKColorsYELLOW)})
	})
	t.Run("putComplexBasicValid", func(t *testing.T) {
		call(basic.PutValid(ctx, bc.Basic{ID: bc.Ptr[int64](2), Name: bc.Ptr("abc"), Color: bc.Ptr(bc.CMYKColorsMagenta)}, nil)).ok(t)
	})
	t.Run("getComplexBasicEmpty", func(t *testing.T) { equalDeep(t, call(basic.GetEmpty(ctx, nil)).ok(t).Basic, bc.Basic{}) })
	// No body at all reads as the zero model too.
	t.Run("getComplexBasicNotProvided", func(t *testing.T) {
		equalDeep(t, call(basic.GetNotProvided(ctx, nil)).ok(t).Basic, bc.Basic{})
	})
	// Explicit nulls leave the fields nil and are kept in Extra, so that
	// writing the model back sends them again.
	t.Run("getComplexBasicNull", func(t *testing.T) {
		equalDeep(t, call(basic.GetNull(ctx, nil)).ok(t).Basic,
			bc.Basic{Extra: map[string]json.RawMessage{"id": json.RawMessage("null"), "name": json.RawMessage("null")}})
	})
	t.Run("getComplexBasicInvalid", func(t *testing.T) { decodeError[rerr](t, call(basic.GetInvalid(ctx, nil)).failed(t)) })

	prim := client.Primitive()
	t.Run("getComplexPrimitiveInteger", func(t *testing.T) {
		equalDeep(t, call(prim.GetInt(ctx, nil)).ok(t).IntWrapper, bc.IntWrapper{Field1: bc.Ptr[int32](-1), Field2: bc.Ptr[int32](2)})
	})
	t.Run("putComplexPrimitiveInteger", func(t *testing.T) {
		call(prim.PutInt(ctx, bc.IntWrapper{Field1: bc.Ptr[int32](-1), Field2: bc.Ptr[int32](2)}, nil)).ok(t)
	})
	longs := bc.LongWrapper{Field1: bc.Ptr[int64](1099511627775), Field2: bc.Ptr[int64](-999511627788)}
	t.Run("getComplexPrimitiveLong", func(t *testing.T) { equalDeep(t, call(prim.GetLong(ctx, nil)).ok(t).LongWrapper, longs) })
	t.Run("putComplexPrimitiveLong", func(t *testing.T) { call(prim.PutLong(ctx, longs, nil)).ok(t) })
	floats := bc.FloatWrapper{Field1: bc.Ptr[float32](1.05), Field2: bc.Ptr[float32](-0.003)}
	t.Run("getComplexPrimitiveFloat", func(t *testing.T) { equalDeep(t, call(prim.GetFloat(ctx, nil)).ok(t).FloatWrapper, floats) })
	t.Run("putComplexPrimitiveFloat", func(t *testing.T) { call(prim.PutFloat(ctx, floats, nil)).ok(t) })
	doubles := bc.DoubleWrapper{Field1: bc.Ptr(3e-100), Field56ZerosAfterTheDotAndNegativeZeroBeforeDotAndThisIsALongFieldNameOnPurpose: bc.Ptr(-5e-57)}
	t.Run("getComplexPrimitiveDouble", func(t *testing.T) {
		equalDeep(t, call(prim.GetDouble(ctx, nil)).ok(t).DoubleWrapper, doubles)
	})
	t.Run("putComplexPrimitiveDouble", func(t *testing.T) { call(prim.PutDouble(ctx, doubles, nil)).ok(t) })
	bools := bc.BooleanWrapper{FieldTrue: bc.Ptr(true), FieldFalse: bc.Ptr(false)}
	t.Run("getComplexPrimitiveBool", func(t *testing.T) { equalDeep(t, call(prim.GetBool(ctx, nil)).ok(t).BooleanWrapper, bools) })
	t.Run("putComplexPrimitiveBool", func(t *testing.T) { call(prim.PutBool(ctx, bools, nil)).ok(t) })
	// {"field": "goodrequest", "empty": "", "null": null}: "" is a value,
	// null is not (the field stays nil; the null is kept in Extra).
	t.Run("getComplexPrimitiveString", func(t *testing.T) {
		equalDeep(t, call(prim.GetString(ctx, nil)).ok(t).StringWrapper, bc.StringWrapper{
			Field: bc.Ptr("goodrequest"), Empty: bc.Ptr(""), Extra: map[string]json.RawMessage{"null": json.RawMessage("null")}})
	})
	t.Run("putComplexPrimitiveString", func(t *testing.T) {
		call(prim.PutString(ctx, bc.StringWrapper{Field: bc.Ptr("goodrequest"), Empty: bc.Ptr("")}, nil)).ok(t)
	})
	t.Run("getComplexPrimitiveDate", func(t *testing.T) {
		v := call(prim.GetDate(ctx, nil)).ok(t).DateWrapper
		equalTimes(t, []time.Time{*v.Field, *v.Leap}, []time.Time{utc(1, 1, 1, 0, 0, 0), utc(2016, 2, 29, 0, 0, 0)})
	})
	t.Run("putComplexPrimitiveDate", func(t *testing.T) {
		call(prim.PutDate(ctx, bc.DateWrapper{Field: bc.Ptr(utc(1, 1, 1, 0, 0, 0)), Leap: bc.Ptr(utc(2016, 2, 29, 0, 0, 0))}, nil)).ok(t)
	})
	t.Run("getComplexPrimitiveDateTime", func(t *testing.T) {
		v := call(prim.GetDateTime(ctx, nil)).ok(t).DatetimeWrapper
		equalTimes(t, []time.Time{*v.Field, *v.Now}, []time.Time{utc(1, 1, 1, 0, 0, 0), utc(2015, 5, 18, 18, 38, 0)})
	})
	t.Run("putComplexPrimitiveDateTime", func(t *testing.T) {
		call(prim.PutDateTime(ctx, bc.DatetimeWrapper{Field: bc.Ptr(utc(1, 1, 1, 0, 0, 0)), Now: bc.Ptr(utc(2015, 5, 18, 18, 38, 0))}, nil)).ok(t)
	})
	t.Run("getComplexPrimitiveDateTimeRfc1123", func(t *testing.T) {
		v := call(prim.GetDateTimeRfc1123(ctx, nil)).ok(t).Datetimerfc1123Wrapper
		equalTimes(t, []time.Time{*v.Field, *v.Now}, []time.Time{utc(1, 1, 1, 0, 0, 0), utc(2015, 5, 18, 11, 38, 0)})
	})
	t.Run("putComplexPrimitiveDateTimeRfc1123", func(t *testing.T) {
		call(prim.PutDateTimeRfc1123(ctx, bc.Datetimerfc1123Wrapper{Field: bc.Ptr(utc(1, 1, 1, 0, 0, 0)), Now: bc.Ptr(utc(2015, 5, 18, 11, 38, 0))}, nil)).ok(t)
	})
	t.Run("getComplexPrimitiveDuration", func(t *testing.T) {
		equalDeep(t, call(prim.GetDuration(ctx, nil)).ok(t).DurationWrapper, bc.DurationWrapper{Field: bc.Ptr("P123DT22H14M12.011S")})
	})
	t.Run("putComplexPrimitiveDuration", func(t *testing.T) {
		call(prim.PutDuration(ctx, bc.DurationWrapper{Field: bc.Ptr("P123DT22H14M12.011S")}, nil)).ok(t)
	})
	picture := []byte{0xFF, 0xFE, 0xFD, 0xFC, 0x00, 0xFA, 0xF9, 0xF8, 0xF7, 0xF6}
	t.Run("getComplexPrimitiveByte", func(t *testing.T) {
		equalDeep(t, call(prim.GetByte(ctx, nil)).ok(t).ByteWrapper, bc.ByteWrapper{Field: picture})
	})
	t.Run("putComplexPrimitiveByte", func(t *testing.T) { call(prim.PutByte(ctx, bc.ByteWrapper{Field: picture}, nil)).ok(t) })

	array := client.Array()
	// The third item is null; the spec does not make the items nullable,
	// so it reads as "".
	t.Run("getComplexArrayValid", func(t *testing.T) {
		equalDeep(t, call(array.GetValid(ctx, nil)).ok(t).ArrayWrapper, bc.ArrayWrapper{
			Array: []string{"1, 2, 3, 4", "", "", "&S#$(*Y", "The quick brown fox jumps over the lazy dog"}})
	})
	// The server wants that null back, which a []string cannot hold: a
	// value the spec's types do not allow is sent through Extra, verbatim.
	t.Run("putComplexArrayValid", func(t *testing.T) {
		call(array.PutValid(ctx, bc.ArrayWrapper{Extra: map[string]json.RawMessage{
			"array": json.RawMessage(`["1, 2, 3, 4","",null,"&S#$(*Y","The quick brown fox jumps over the lazy dog"]`)}}, nil)).ok(t)
	})
	t.Run("getComplexArrayEmpty", func(t *testing.T) {
		equalDeep(t, call(array.GetEmpty(ctx, nil)).ok(t).ArrayWrapper, bc.ArrayWrapper{Array: []string{}})
	})
	// An empty slice is sent as [], a nil one not at all.
	t.Run("putComplexArrayEmpty", func(t *testing.T) { call(array.PutEmpty(ctx, bc.ArrayWrapper{Array: []string{}}, nil)).ok(t) })
	t.Run("getComplexArrayNotProvided", func(t *testing.T) {
		equalDeep(t, call(array.GetNotProvided(ctx, nil)).ok(t).ArrayWrapper, bc.ArrayWrapper{})
	})

	dict := client.Dictionary()
	// {"txt": "notepad", "bmp": "mspaint", "xls": "excel", "exe": "", "": null}
	t.Run("getComplexDictionaryValid", func(t *testing.T) {
		equalDeep(t, call(dict.GetValid(ctx, nil)).ok(t).DictionaryWrapper, bc.DictionaryWrapper{
			DefaultProgram: map[string]string{"txt": "notepad", "bmp": "mspaint", "xls": "excel", "exe": "", "": ""}})
	})
	// As for the array: the null value goes through Extra.
	t.Run("putComplexDictionaryValid", func(t *testing.T) {
		call(dict.PutValid(ctx, bc.DictionaryWrapper{Extra: map[string]json.RawMessage{
			"defaultProgram": json.RawMessage(`{"txt":"notepad","bmp":"mspaint","xls":"excel","exe":"","":null}`)}}, nil)).ok(t)
	})
	t.Run("getComplexDictionaryEmpty", func(t *testing.T) {
		equalDeep(t, call(dict.GetEmpty(ctx, nil)).ok(t).DictionaryWrapper, bc.DictionaryWrapper{DefaultProgram: map[string]string{}})
	})
	t.Run("putComplexDictionaryEmpty", func(t *testing.T) {
		call(dict.PutEmpty(ctx, bc.DictionaryWrapper{DefaultProgram: map[string]string{}}, nil)).ok(t)
	})
	t.Run("getComplexDictionaryNull", func(t *testing.T) {
		equalDeep(t, call(dict.GetNull(ctx, nil)).ok(t).DictionaryWrapper,
			bc.DictionaryWrapper{Extra: map[string]json.RawMessage{"defaultProgram": json.RawMessage("null")}})
	})
	t.Run("getComplexDictionaryNotProvided", func(t *testing.T) {
		equalDeep(t, call(dict.GetNotProvided(ctx, nil)).ok(t).DictionaryWrapper, bc.DictionaryWrapper{})
	})

	// allOf without a discriminator: the child's struct has its parents'
	// fields, in order.
	siamese := bc.Siamese{ID: bc.Ptr[int64](2), Name: bc.Ptr("Siameeee"), Color: bc.Ptr("green"), Breed: bc.Ptr("persian"),
		Hates: []bc.Dog{
			{ID: bc.Ptr[int64](1), Name: bc.Ptr("Potato"), Food: bc.Ptr("tomato")},
			{ID: bc.Ptr[int64](-1), Name: bc.Ptr("Tomato"), Food: bc.Ptr("french fries")},
		}}
	inheritance := client.Inheritance()
	t.Run("getComplexInheritanceValid", func(t *testing.T) {
		equalDeep(t, call(inheritance.GetValid(ctx, nil)).ok(t).Siamese, siamese)
	})
	t.Run("putComplexInheritanceValid", func(t *testing.T) { call(inheritance.PutValid(ctx, siamese, nil)).ok(t) })

	// Polymorphism: a family is an interface; the discriminator picks the
	// concrete type when reading, and is written from the type when the
	// field is left nil.
	poly := client.Polymorphism()
	saw := []byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFE}
	shark := func(kind bool) *bc.Shark {
		s := &bc.Shark{Age: bc.Ptr[int32](6), Birthday: bc.Ptr(utc(2012, 1, 5, 1, 0, 0)), Length: bc.Ptr[float32](20), Species: bc.Ptr("predator")}
		if kind {
			s.Fishtype = bc.Ptr("shark")
		}
		return s
	}
	sawshark := func(kind bool, siblings []bc.FishClassification) *bc.Sawshark {
		s := &bc.Sawshark{Age: bc.Ptr[int32](105), Birthday: bc.Ptr(utc(1900, 1, 5, 1, 0, 0)), Length: bc.Ptr[float32](10),
			Picture: saw, Species: bc.Ptr("dangerous"), Siblings: siblings}
		if kind {
			s.Fishtype = bc.Ptr("sawshark")
		}
		return s
	}
	// "pinkish-gray" is not one of GoblinSharkColor's values: the enum is
	// open (modelAsString), so it travels both ways.
	goblin := func(kind bool) *bc.Goblinshark {
		s := &bc.Goblinshark{Age: bc.Ptr[int32](1), Birthday: bc.Ptr(utc(2015, 8, 8, 0, 0, 0)), Length: bc.Ptr[float32](30),
			Species: bc.Ptr("scary"), Jawsize: bc.Ptr[int64](5), Color: bc.Ptr(bc.GoblinSharkColor("pinkish-gray"))}
		if kind {
			s.Fishtype = bc.Ptr("goblin")
		}
		return s
	}
	siblings := func(kind bool) []bc.FishClassification {
		return []bc.FishClassification{shark(kind), sawshark(kind, nil), goblin(kind)}
	}
	salmon := func(kind bool) *bc.Salmon {
		s := &bc.Salmon{Location: bc.Ptr("alaska"), Iswild: bc.Ptr(true), Species: bc.Ptr("king"), Length: bc.Ptr[float32](1), Siblings: siblings(kind)}
		if kind {
			s.Fishtype = bc.Ptr("salmon")
		}
		return s
	}
	t.Run("getComplexPolymorphismValid", func(t *testing.T) {
		equalDeep(t, call(poly.GetValid(ctx, nil)).ok(t).Value, bc.FishClassification(salmon(true)))
	})
	t.Run("putComplexPolymorphismValid", func(t *testing.T) { call(poly.PutValid(ctx, salmon(false), nil)).ok(t) })
	// smart_salmon allows additionalProperties of any type.
	smart := func(kind bool) *bc.SmartSalmon {
		s := &bc.SmartSalmon{Location: bc.Ptr("alaska"), Iswild: bc.Ptr(true), Species: bc.Ptr("king"), Length: bc.Ptr[float32](1),
			Siblings: siblings(kind),
			AdditionalProperties: map[string]any{
				"additionalProperty1": 1.0, "additionalProperty2": false, "additionalProperty3": "hello",
				"additionalProperty4": map[string]any{"a": 1.0, "b": 2.0}, "additionalProperty5": []any{1.0, 3.0},
			}}
		if kind {
			s.Fishtype = bc.Ptr("smart_salmon")
		}
		return s
	}
	t.Run("getComplexPolymorphismComplicated", func(t *testing.T) {
		equalDeep(t, call(poly.GetComplicated(ctx, nil)).ok(t).Value, bc.SalmonClassification(smart(true)))
	})
	t.Run("putComplexPolymorphismComplicated", func(t *testing.T) { call(poly.PutComplicated(ctx, smart(false), nil)).ok(t) })
	// The reply has no discriminator: it reads as the declared type.
	t.Run("putComplexPolymorphismNoDiscriminator", func(t *testing.T) {
		got := call(poly.PutMissingDiscriminator(ctx, salmon(false), nil)).ok(t).Value
		want := salmon(true)
		want.Fishtype = nil
		equalDeep(t, got, bc.SalmonClassification(want))
	})
	// A discriminator whose wire name has a dot: "fish.type".
	dotSalmon := func(location string, wild bool, kind bool) *bc.DotSalmon {
		s := &bc.DotSalmon{Location: bc.Ptr(location), Iswild: bc.Ptr(wild), Species: bc.Ptr("king")}
		if kind {
			s.FishType = bc.Ptr("DotSalmon")
		}
		return s
	}
	t.Run("getComplexPolymorphismDotSyntax", func(t *testing.T) {
		equalDeep(t, call(poly.GetDotSyntax(ctx, nil)).ok(t).Value, bc.DotFishClassification(dotSalmon("sweden", true, true)))
	})
	t.Run("getComposedWithDiscriminator", func(t *testing.T) {
		equalDeep(t, call(poly.GetComposedWithDiscriminator(ctx, nil)).ok(t).DotFishMarket, bc.DotFishMarket{
			SampleSalmon: dotSalmon("sweden", false, true),
			Salmons:      []bc.DotSalmon{*dotSalmon("sweden", false, true), *dotSalmon("atlantic", true, true)},
			SampleFish:   dotSalmon("australia", false, true),
			Fishes:       []bc.DotFishClassification{dotSalmon("australia", false, true), dotSalmon("canada", true, true)},
		})
	})
	// Without a discriminator a DotSalmon field is still a DotSalmon; a
	// DotFish field is the base, with the salmon's properties in Extra.
	t.Run("getComposedWithoutDiscriminator", func(t *testing.T) {
		baseFish := func(location, wild string) *bc.DotFish {
			return &bc.DotFish{Species: bc.Ptr("king"), Extra: map[string]json.RawMessage{
				"location": json.RawMessage(`"` + location + `"`), "iswild": json.RawMessage(wild)}}
		}
		equalDeep(t, call(poly.GetComposedWithoutDiscriminator(ctx, nil)).ok(t).DotFishMarket, bc.DotFishMarket{
			SampleSalmon: dotSalmon("sweden", false, false),
			Salmons:      []bc.DotSalmon{*dotSalmon("sweden", false, false), *dotSalmon("atlantic", true, false)},
			SampleFish:   baseFish("australia", "false"),
			Fishes:       []bc.DotFishClassification{baseFish("australia", "false"), baseFish("canada", "true")},
		})
	})

	// A family whose members hold members of the family.
	recursive := client.Polymorphicrecursive()
	bigFish := func(kind bool) bc.FishClassification {
		inner := &bc.Salmon{Location: bc.Ptr("atlantic"), Iswild: bc.Ptr(true), Species: bc.Ptr("coho"), Length: bc.Ptr[float32](2),
			Siblings: []bc.FishClassification{shark(kind), sawshark(kind, nil)}}
		first := shark(kind)
		first.Siblings = []bc.FishClassification{inner, sawshark(kind, []bc.FishClassification{})}
		top := &bc.Salmon{Location: bc.Ptr("alaska"), Iswild: bc.Ptr(true), Species: bc.Ptr("king"), Length: bc.Ptr[float32](1),
			Siblings: []bc.FishClassification{first, sawshark(kind, []bc.FishClassification{})}}
		if kind {
			inner.Fishtype, top.Fishtype = bc.Ptr("salmon"), bc.Ptr("salmon")
		}
		return top
	}
	t.Run("getComplexPolymorphicRecursiveValid", func(t *testing.T) {
		equalDeep(t, call(recursive.GetValid(ctx, nil)).ok(t).Value, bigFish(true))
	})
	t.Run("putComplexPolymorphicRecursiveValid", func(t *testing.T) { call(recursive.PutValid(ctx, bigFish(false), nil)).ok(t) })

	readOnly := client.Readonlyproperty()
	t.Run("getComplexReadOnlyPropertyValid", func(t *testing.T) {
		equalDeep(t, call(readOnly.GetValid(ctx, nil)).ok(t).ReadonlyObj, bc.ReadonlyObj{ID: bc.Ptr("1234"), Size: bc.Ptr[int32](2)})
	})
	// What was read goes back as is, but a request never carries a
	// read-only property.
	t.Run("putComplexReadOnlyPropertyValid", func(t *testing.T) {
		got := call(readOnly.GetValid(ctx, nil)).ok(t).ReadonlyObj
		call(readOnly.PutValid(ctx, got, nil)).ok(t)
	})
}
