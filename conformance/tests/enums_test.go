//go:build conformance

package tests

import (
	"testing"

	"github.com/armgen/armgen/conformance/gen/extensibleenumsswagger"
	"github.com/armgen/armgen/conformance/gen/head"
	"github.com/armgen/armgen/conformance/gen/nonstringenum"
	"github.com/armgen/armgen/conformance/gen/subscriptionidapiversion"
)

func TestNonStringEnum(t *testing.T) {
	client := nonstringenum.NewClient(nil, &nonstringenum.ClientOptions{Endpoint: server})
	t.Run("NonStringEnumsGetInt", func(t *testing.T) {
		equal(t, call(client.Int().Get(ctx, nil)).ok(t).Value, nonstringenum.IntEnum429)
	})
	t.Run("NonStringEnumsPostInt", func(t *testing.T) {
		r := call(client.Int().Put(ctx, &nonstringenum.IntPutOptions{Input: nonstringenum.Ptr(nonstringenum.IntEnum200)})).ok(t)
		equal(t, r.Value, "Nice job posting an int enum")
	})
	t.Run("NonStringEnumsGetFloat", func(t *testing.T) {
		equal(t, call(client.Float().Get(ctx, nil)).ok(t).Value, nonstringenum.FloatEnum429Point1)
	})
	t.Run("NonStringEnumsPostFloat", func(t *testing.T) {
		r := call(client.Float().Put(ctx, &nonstringenum.FloatPutOptions{Input: nonstringenum.Ptr(nonstringenum.FloatEnum200Point4)})).ok(t)
		equal(t, r.Value, "Nice job posting a float enum")
	})
}

func TestExtensibleEnums(t *testing.T) {
	c := extensibleenumsswagger.NewClient(nil, &extensibleenumsswagger.ClientOptions{Endpoint: server}).Pet()
	t.Run("expectedEnum", func(t *testing.T) {
		p := call(c.GetByPetID(ctx, "tommy", nil)).ok(t)
		equal(t, *p.DaysOfWeek, extensibleenumsswagger.DaysOfWeekExtensibleEnumMonday)
		equal(t, *p.IntEnum, extensibleenumsswagger.IntEnum1)
	})
	// A value the spec does not list still decodes: the enum is open.
	t.Run("unexpectedEnum", func(t *testing.T) {
		p := call(c.GetByPetID(ctx, "casper", nil)).ok(t)
		equal(t, *p.DaysOfWeek, extensibleenumsswagger.DaysOfWeekExtensibleEnum("Weekend"))
		equal(t, *p.IntEnum, extensibleenumsswagger.IntEnum2)
		equal(t, *p.Name, "Casper Ghosty")
	})
	t.Run("allowedValueEnum", func(t *testing.T) {
		p := call(c.GetByPetID(ctx, "scooby", nil)).ok(t)
		equal(t, *p.DaysOfWeek, extensibleenumsswagger.DaysOfWeekExtensibleEnumThursday)
		equal(t, *p.IntEnum, extensibleenumsswagger.IntEnum("2.1"))
	})
	t.Run("roundTripEnum", func(t *testing.T) {
		in := extensibleenumsswagger.Pet{
			Name:       extensibleenumsswagger.Ptr("Retriever"),
			IntEnum:    extensibleenumsswagger.Ptr(extensibleenumsswagger.IntEnum2),
			DaysOfWeek: extensibleenumsswagger.Ptr(extensibleenumsswagger.DaysOfWeekExtensibleEnumFriday),
		}
		p := call(c.AddPet(ctx, &extensibleenumsswagger.PetAddPetOptions{PetParam: &in})).ok(t)
		equal(t, *p.Name, "Retriever")
		equal(t, *p.IntEnum, extensibleenumsswagger.IntEnum2)
		equal(t, *p.DaysOfWeek, extensibleenumsswagger.DaysOfWeekExtensibleEnumFriday)
	})
}

func TestHead(t *testing.T) {
	c := head.NewClient(nil, &head.ClientOptions{Endpoint: server}).HTTPSuccess()
	t.Run("HttpSuccess200Head", func(t *testing.T) { equal(t, call(c.Head200(ctx, nil)).ok(t).Success, true) })
	t.Run("HttpSuccess204Head", func(t *testing.T) { equal(t, call(c.Head204(ctx, nil)).ok(t).Success, true) })
	// A documented 404 of a HEAD is an answer, not an error: it does not exist.
	t.Run("HttpSuccess404Head", func(t *testing.T) { equal(t, call(c.Head404(ctx, nil)).ok(t).Success, false) })
}

func TestSubscriptionIDAPIVersion(t *testing.T) {
	c := subscriptionidapiversion.NewClient("1234-5678-9012-3456", nil, &subscriptionidapiversion.ClientOptions{Endpoint: server}).Group()
	t.Run("SubscriptionIdAndApiVersion", func(t *testing.T) {
		g := call(c.GetSampleResourceGroup(ctx, "testgroup101", nil)).ok(t)
		equal(t, *g.Name, "testgroup101")
		equal(t, *g.Location, "West US")
	})
}
