//go:build conformance

package tests

import (
	"net/http"
	"testing"

	"github.com/armgen/armgen/conformance/gen/xmserrorresponses"
)

// TestXMSErrorResponses checks x-ms-error-response: the statuses the spec
// marks as errors come back as *ResponseError carrying the body decoded
// into the model documented for that status, polymorphic ones into the
// concrete type the discriminator names.
func TestXMSErrorResponses(t *testing.T) {
	c := xmserrorresponses.NewClient(nil, &xmserrorresponses.ClientOptions{Endpoint: server}).Pet()
	t.Run("expectedNoErrors", func(t *testing.T) {
		p := call(c.GetPetByID(ctx, "tommy", nil)).ok(t)
		equal(t, *p.Name, "Tommy Tomson")
		equal(t, *p.AniType, "Dog")
		a := call(c.DoSomething(ctx, "stay", nil)).ok(t)
		// The server answers with a pet, which has no actionResponse.
		equal(t, a.ActionResponse, nil)
	})
	// 202 is a documented success without a body.
	t.Run("202", func(t *testing.T) {
		p := call(c.GetPetByID(ctx, "django", nil)).ok(t)
		equal(t, p.Name, nil)
	})
	t.Run("animalNotFoundError", func(t *testing.T) {
		e := responseError[xmserrorresponses.ResponseError](t, call(c.GetPetByID(ctx, "coyoteUgly", nil)).failed(t))
		equal(t, e.StatusCode, http.StatusNotFound)
		a, ok := e.NotFoundErrorBase.(*xmserrorresponses.AnimalNotFound)
		if !ok {
			t.Fatalf("NotFoundErrorBase is %T, want *AnimalNotFound", e.NotFoundErrorBase)
		}
		equal(t, *a.Name, "coyote")
		equal(t, *a.Reason, "the type of animal requested is not available")
		equal(t, *a.SomeBaseProp, "problem finding animal")
	})
	t.Run("linkNotFoundError", func(t *testing.T) {
		e := responseError[xmserrorresponses.ResponseError](t, call(c.GetPetByID(ctx, "weirdAlYankovic", nil)).failed(t))
		equal(t, e.StatusCode, http.StatusNotFound)
		l, ok := e.NotFoundErrorBase.(*xmserrorresponses.LinkNotFound)
		if !ok {
			t.Fatalf("NotFoundErrorBase is %T, want *LinkNotFound", e.NotFoundErrorBase)
		}
		equal(t, *l.WhatSubAddress, "pet/yourpet was not found")
		equal(t, *l.Reason, "link to pet not found")
	})
	// A string error body is the error's message.
	t.Run("stringError", func(t *testing.T) {
		e := responseError[xmserrorresponses.ResponseError](t, call(c.GetPetByID(ctx, "ringo", nil)).failed(t))
		equal(t, e.StatusCode, http.StatusBadRequest)
		equal(t, e.Message, "ringo is missing")
	})
	t.Run("intError", func(t *testing.T) {
		e := responseError[xmserrorresponses.ResponseError](t, call(c.GetPetByID(ctx, "alien123", nil)).failed(t))
		equal(t, e.StatusCode, http.StatusNotImplemented)
		equal(t, string(e.RawBody), "123")
	})
	// A status the spec does not list is an error too.
	t.Run("undocumented", func(t *testing.T) {
		e := responseError[xmserrorresponses.ResponseError](t, call(c.GetPetByID(ctx, "other", nil)).failed(t))
		equal(t, e.StatusCode, http.StatusPaymentRequired)
		equal(t, string(e.RawBody), "That's all folks!!")
	})
	t.Run("expectedPetSadError", func(t *testing.T) {
		e := responseError[xmserrorresponses.ResponseError](t, call(c.DoSomething(ctx, "jump", nil)).failed(t))
		equal(t, e.StatusCode, http.StatusInternalServerError)
		s, ok := e.PetActionError.(*xmserrorresponses.PetSadError)
		if !ok {
			t.Fatalf("PetActionError is %T, want *PetSadError", e.PetActionError)
		}
		equal(t, *s.Reason, "need more treats")
		equal(t, *s.ErrorMessage, "casper aint happy")
		equal(t, *s.ActionResponse, "grrrr")
	})
	// The 404 is not documented: the default response's model decodes it.
	t.Run("expectedPetHungryError", func(t *testing.T) {
		e := responseError[xmserrorresponses.ResponseError](t, call(c.DoSomething(ctx, "fetch", nil)).failed(t))
		equal(t, e.StatusCode, http.StatusNotFound)
		h, ok := e.PetActionError.(*xmserrorresponses.PetHungryOrThirstyError)
		if !ok {
			t.Fatalf("PetActionError is %T, want *PetHungryOrThirstyError", e.PetActionError)
		}
		equal(t, *h.HungryOrThirsty, "hungry and thirsty")
		equal(t, *h.Reason, "need more everything")
	})
}
