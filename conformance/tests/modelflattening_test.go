//go:build conformance

package tests

import (
	"testing"

	mf "github.com/armgen/armgen/conformance/gen/modelflattening"
)

// armgen keeps the JSON nesting of x-ms-client-flatten properties: the
// "properties" object of a resource is a field of its own (Properties),
// not promoted into the parent. These tests check that what travels is
// exactly the nested JSON the server sends and expects.
func TestModelFlattening(t *testing.T) {
	c := mf.NewClient(nil, &mf.ClientOptions{Endpoint: server})
	tags := func() map[string]string { return map[string]string{"tag1": "value1", "tag2": "value3"} }
	// Resources as the server returns them: read-only id, name and type,
	// and for the first the flattened "properties".
	full := func(id, name, product string) mf.FlattenedProduct {
		return mf.FlattenedProduct{ID: mf.Ptr(id), Name: mf.Ptr(name), Location: mf.Ptr("Building 44"), Type: mf.Ptr("Microsoft.Web/sites"),
			Tags: tags(),
			Properties: &mf.FlattenedProductProperties{
				ProvisioningState:       mf.Ptr("Succeeded"),
				ProvisioningStateValues: mf.Ptr(mf.FlattenedProductPropertiesProvisioningStateValuesOK),
				PName:                   mf.Ptr(product),
				Type:                    mf.Ptr("Flat"),
			}}
	}
	located := func(id, name string) mf.FlattenedProduct {
		return mf.FlattenedProduct{ID: mf.Ptr(id), Name: mf.Ptr(name), Location: mf.Ptr("Building 44")}
	}
	bare := func(id, name string) mf.FlattenedProduct {
		return mf.FlattenedProduct{ID: mf.Ptr(id), Name: mf.Ptr(name)}
	}
	ptr := func(p mf.FlattenedProduct) *mf.FlattenedProduct { return &p }

	t.Run("getModelFlattenArray", func(t *testing.T) {
		equalDeep(t, call(c.GetArray(ctx, nil)).ok(t).Value,
			[]mf.FlattenedProduct{full("1", "Resource1", "Product1"), located("2", "Resource2"), bare("3", "Resource3")})
	})
	t.Run("putModelFlattenArray", func(t *testing.T) {
		call(c.PutArray(ctx, &mf.PutArrayOptions{ResourceArray: []mf.Resource{
			{Location: mf.Ptr("West US"), Tags: tags()},
			{Location: mf.Ptr("Building 44")},
		}})).ok(t)
	})
	t.Run("getModelFlattenDictionary", func(t *testing.T) {
		equalDeep(t, call(c.GetDictionary(ctx, nil)).ok(t).Value, map[string]*mf.FlattenedProduct{
			"Product1": ptr(full("1", "Resource1", "Product1")), "Product2": ptr(located("2", "Resource2")), "Product3": ptr(bare("3", "Resource3"))})
	})
	product := func(location, name string, withTags bool) *mf.FlattenedProduct {
		p := &mf.FlattenedProduct{Location: mf.Ptr(location), Properties: &mf.FlattenedProductProperties{PName: mf.Ptr(name), Type: mf.Ptr("Flat")}}
		if withTags {
			p.Tags = tags()
		}
		return p
	}
	dictionary := func() map[string]*mf.FlattenedProduct {
		return map[string]*mf.FlattenedProduct{"Resource1": product("West US", "Product1", true), "Resource2": product("Building 44", "Product2", false)}
	}
	t.Run("putModelFlattenDictionary", func(t *testing.T) {
		call(c.PutDictionary(ctx, &mf.PutDictionaryOptions{ResourceDictionary: dictionary()})).ok(t)
	})
	t.Run("getModelFlattenResourceCollection", func(t *testing.T) {
		equalDeep(t, call(c.GetResourceCollection(ctx, nil)).ok(t).ResourceCollection, mf.ResourceCollection{
			Dictionaryofresources: map[string]*mf.FlattenedProduct{
				"Product1": ptr(full("1", "Resource1", "Product1")), "Product2": ptr(located("2", "Resource2")), "Product3": ptr(bare("3", "Resource3"))},
			Arrayofresources: []mf.FlattenedProduct{full("4", "Resource4", "Product4"), located("5", "Resource5"), bare("6", "Resource6")},
			Productresource:  ptr(located("7", "Resource7")),
		})
	})
	t.Run("putModelFlattenResourceCollection", func(t *testing.T) {
		call(c.PutResourceCollection(ctx, &mf.PutResourceCollectionOptions{ResourceComplexObject: &mf.ResourceCollection{
			Arrayofresources:      []mf.FlattenedProduct{*product("West US", "Product1", true), *product("East US", "Product2", false)},
			Dictionaryofresources: dictionary(),
			Productresource:       product("India", "Azure", false),
		}})).ok(t)
	})

	// SimpleProduct nests "details", which nests "max_product_image"
	// (ProductURL, which inherits generic_value from GenericUrl).
	simple := func(generic bool) *mf.SimpleProduct {
		image := &mf.ProductURL{ODataValue: mf.Ptr("http://foo")}
		if generic {
			image.GenericValue = mf.Ptr("https://generic")
		}
		return &mf.SimpleProduct{ProductID: mf.Ptr("123"), Description: mf.Ptr("product description"),
			Details: &mf.SimpleProductProperties{
				MaxProductDisplayName: mf.Ptr("max name"),
				Capacity:              mf.Ptr("Large"),
				MaxProductImage:       image,
			}}
	}
	t.Run("putModelFlattenCustomBase", func(t *testing.T) {
		got := call(c.PutSimpleProduct(ctx, &mf.PutSimpleProductOptions{SimpleBodyProduct: simple(true)})).ok(t)
		equalDeep(t, got.SimpleProduct, *simple(true))
	})
	// x-ms-client-flatten on the body parameter: armgen passes the model.
	t.Run("postModelFlattenCustomParameter", func(t *testing.T) {
		got := call(c.PostFlattenedSimpleProduct(ctx, &mf.PostFlattenedSimpleProductOptions{SimpleBodyProduct: simple(false)})).ok(t)
		equalDeep(t, got.SimpleProduct, *simple(false))
	})
	// x-ms-parameter-grouping: armgen passes the grouped parameters as
	// the operation's own (name as an argument, the body as an option).
	t.Run("putModelFlattenCustomGroupedParameter", func(t *testing.T) {
		got := call(c.PutSimpleProductWithGrouping(ctx, "groupproduct", &mf.PutSimpleProductWithGroupingOptions{SimpleBodyProduct: simple(false)})).ok(t)
		equalDeep(t, got.SimpleProduct, *simple(false))
	})
}
