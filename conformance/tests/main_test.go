//go:build conformance

// Package tests proves armgen's generated clients against the AutoRest test
// server: each test calls a client generated from one of the server's
// Swagger files, the way a user would, and checks what comes back; the
// server checks what it receives and counts the scenario. Each subtest is
// named after the scenario it exercises, which is how the conformance run
// (make conformance, conformance/run) matches tests to the server's report.
//
// The build tag keeps these tests, and the packages they import
// (conformance/gen, generated at run time and not committed), out of
// go vet ./... and go test ./... on a fresh clone.
package tests

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"testing"
	"time"
)

// server is the test server's URL, given by the conformance run.
var server string

var ctx = context.Background()

func TestMain(m *testing.M) {
	server = os.Getenv("ARMGEN_TESTSERVER_URL")
	if server == "" {
		fmt.Fprintln(os.Stderr, "these tests run against the AutoRest test server: use make conformance")
		os.Exit(2)
	}
	os.Exit(m.Run())
}

// call holds what an operation returned, for the checks below:
// call(c.GetTrue(ctx, nil)).ok(t).
func call[T any](v T, err error) result[T] { return result[T]{v, err} }

type result[T any] struct {
	v   T
	err error
}

// ok fails the test on an error and returns the value.
func (r result[T]) ok(t *testing.T) T {
	t.Helper()
	if r.err != nil {
		t.Fatalf("unexpected error: %v", r.err)
	}
	return r.v
}

// failed insists on an error and returns it.
func (r result[T]) failed(t *testing.T) error {
	t.Helper()
	if r.err == nil {
		t.Fatalf("no error, want one (got %+v)", r.v)
	}
	return r.err
}

// responseError insists err is the package's *ResponseError and returns it:
// responseError[pkg.ResponseError](t, err).
func responseError[E any, P interface {
	*E
	error
}](t *testing.T, err error) P {
	t.Helper()
	var re P
	if !errors.As(err, &re) {
		t.Fatalf("error %v (%T) is not a %T", err, err, re)
	}
	return re
}

// decodeError insists err is not the package's *ResponseError: the client
// refused what the server sent, as it must a body that does not decode.
func decodeError[E any, P interface {
	*E
	error
}](t *testing.T, err error) {
	t.Helper()
	var re P
	if errors.As(err, &re) {
		t.Fatalf("error %v is a response error, want a decoding error", err)
	}
}

// equal fails the test when got != want.
func equal[T comparable](t *testing.T, got, want T) {
	t.Helper()
	if got != want {
		t.Fatalf("got %v, want %v", got, want)
	}
}

// equalDeep fails the test unless got and want are deeply equal (nil and
// empty slices and maps differ, as they do on the wire: null and []).
func equalDeep[T any](t *testing.T, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %s\nwant %s", show(got), show(want))
	}
}

// equalTimes fails the test unless got holds the same instants as want,
// in any zone.
func equalTimes(t *testing.T, got, want []time.Time) {
	t.Helper()
	ok := len(got) == len(want)
	for i := 0; ok && i < len(got); i++ {
		ok = got[i].Equal(want[i])
	}
	if !ok {
		t.Fatalf("got  %v\nwant %v", got, want)
	}
}

// show renders a value for a failure message: as JSON when it has a JSON
// form (pointers followed), else with %#v.
func show(v any) string {
	if data, err := json.Marshal(v); err == nil {
		return fmt.Sprintf("%T %s", v, data)
	}
	return fmt.Sprintf("%#v", v)
}
