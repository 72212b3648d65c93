//go:build conformance

package tests

import (
	"testing"

	ap "github.com/armgen/armgen/conformance/gen/additionalproperties"
)

// Each scenario sends a pet with properties beyond those the spec lists,
// and the server answers with the same pet and the read-only "status".
func TestAdditionalProperties(t *testing.T) {
	c := ap.NewClient(nil, &ap.ClientOptions{Endpoint: server}).Pets()
	// additionalProperties: true (and {}) hold any JSON value, read as
	// encoding/json reads into an any.
	puppy := func() map[string]any {
		return map[string]any{"birthdate": "2017-12-13T02:29:51Z", "complexProperty": map[string]any{"color": "Red"}}
	}
	t.Run("additionalPropertiesTrue", func(t *testing.T) {
		got := call(c.CreateAPTrue(ctx, ap.PetAPTrue{ID: ap.Ptr[int64](1), Name: ap.Ptr("Puppy"), AdditionalProperties: puppy()}, nil)).ok(t)
		equalDeep(t, got.PetAPTrue, ap.PetAPTrue{ID: ap.Ptr[int64](1), Name: ap.Ptr("Puppy"), Status: ap.Ptr(true), AdditionalProperties: puppy()})
	})
	// A child (allOf) inherits the parent's additionalProperties.
	t.Run("additionalPropertiesSubclass", func(t *testing.T) {
		got := call(c.CreateCatAPTrue(ctx, ap.CatAPTrue{ID: ap.Ptr[int64](1), Name: ap.Ptr("Lisa"), Friendly: ap.Ptr(true), AdditionalProperties: puppy()}, nil)).ok(t)
		equalDeep(t, got.CatAPTrue, ap.CatAPTrue{ID: ap.Ptr[int64](1), Name: ap.Ptr("Lisa"), Friendly: ap.Ptr(true), Status: ap.Ptr(true), AdditionalProperties: puppy()})
	})
	t.Run("additionalPropertiesTypeObject", func(t *testing.T) {
		more := func() map[string]any {
			return map[string]any{
				"siblings": []any{map[string]any{"id": 1.0, "name": "Puppy", "birthdate": "2017-12-13T02:29:51Z", "complexProperty": map[string]any{"color": "Red"}}},
				"picture":  "//////4=",
			}
		}
		got := call(c.CreateAPObject(ctx, ap.PetAPObject{ID: ap.Ptr[int64](2), Name: ap.Ptr("Hira"), AdditionalProperties: more()}, nil)).ok(t)
		equalDeep(t, got.PetAPObject, ap.PetAPObject{ID: ap.Ptr[int64](2), Name: ap.Ptr("Hira"), Status: ap.Ptr(true), AdditionalProperties: more()})
	})
	// Typed additional properties: a map of strings.
	t.Run("additionalPropertiesTypeString", func(t *testing.T) {
		more := map[string]string{"color": "red", "weight": "10 kg", "city": "Bombay"}
		got := call(c.CreateAPString(ctx, ap.PetAPString{ID: ap.Ptr[int64](3), Name: ap.Ptr("Tommy"), AdditionalProperties: more}, nil)).ok(t)
		equalDeep(t, got.PetAPString, ap.PetAPString{ID: ap.Ptr[int64](3), Name: ap.Ptr("Tommy"), Status: ap.Ptr(true), AdditionalProperties: more})
	})
	// A property named "additionalProperties" (a map of numbers) is an
	// ordinary property: it travels nested under its name.
	sizes := map[string]float64{"height": 5.61, "weight": 599, "footsize": 11.5}
	t.Run("additionalPropertiesInProperties", func(t *testing.T) {
		got := call(c.CreateAPInProperties(ctx, ap.PetAPInProperties{ID: ap.Ptr[int64](4), Name: ap.Ptr("Bunny"), AdditionalProperties: sizes}, nil)).ok(t)
		equalDeep(t, got.PetAPInProperties, ap.PetAPInProperties{ID: ap.Ptr[int64](4), Name: ap.Ptr("Bunny"), Status: ap.Ptr(true), AdditionalProperties: sizes})
	})
	// Both: the property keeps the name AdditionalProperties, the map of
	// the model's other properties yields (AdditionalPropertiesMap).
	t.Run("additionalPropertiesInPropertiesWithAPTypeString", func(t *testing.T) {
		more := map[string]string{"color": "red", "city": "Seattle", "food": "tikka masala"}
		pet := ap.PetAPInPropertiesWithAPString{ID: ap.Ptr[int64](5), Name: ap.Ptr("Funny"), ODataLocation: ap.Ptr("westus"),
			AdditionalProperties: sizes, AdditionalPropertiesMap: more}
		got := call(c.CreateAPInPropertiesWithAPString(ctx, pet, nil)).ok(t)
		pet.Status = ap.Ptr(true)
		equalDeep(t, got.PetAPInPropertiesWithAPString, pet)
	})
}
