// Package readonly_test checks that a request never carries a read-only
// property, at any depth, while decoding and json.Marshal keep them.
package readonly_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/armgen/armgen/golden/testdata/read-only/want"
	"github.com/armgen/armgen/internal/testutil"
)

// stored is a thing as the service returns it, read-only properties and all.
const stored = `{
	"id": "/things/t",
	"size": 2,
	"created": "2024-02-29T12:00:00Z",
	"parts": [{"etag": "p1", "label": "one"}],
	"byName": {"two": {"etag": "p2", "label": "two"}},
	"shape": {"kind": "circle", "area": 3.14, "radius": 1}
}`

// sent is what a PUT of that thing carries: the same without them.
const sent = `{
	"size": 2,
	"parts": [{"label": "one"}],
	"byName": {"two": {"label": "two"}},
	"shape": {"kind": "circle", "radius": 1}
}`

func server(t *testing.T, got *[]byte) *readonly.Client {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		*got, _ = io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/things" {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		io.WriteString(w, stored)
	}))
	t.Cleanup(srv.Close)
	return readonly.NewClient(srv.Client(), &readonly.ClientOptions{Endpoint: srv.URL})
}

func TestReadOnlyNotSent(t *testing.T) {
	var got []byte
	c := server(t, &got).Things()
	var thing readonly.Thing
	if err := json.Unmarshal([]byte(stored), &thing); err != nil {
		t.Fatal(err)
	}
	res, err := c.Put(context.Background(), "t", thing, nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := testutil.JSONDiff([]byte(sent), got); diff != "" {
		t.Errorf("request body: %s\n%s", diff, got)
	}
	// The response is read whole, read-only properties included.
	if res.ID == nil || *res.ID != "/things/t" || res.Created == nil || !res.Created.Equal(time.Date(2024, 2, 29, 12, 0, 0, 0, time.UTC)) ||
		res.Parts[0].ETag == nil || *res.Shape.(*readonly.Circle).Area != 3.14 {
		t.Errorf("response lost read-only properties: %+v", res.Thing)
	}
	// The caller's value is left as it was.
	if thing.ID == nil || thing.Created == nil || thing.Parts[0].ETag == nil || thing.ByName["two"].ETag == nil ||
		thing.Shape.(*readonly.Circle).Area == nil {
		t.Errorf("sending changed the caller's value: %+v", thing)
	}
	// json.Marshal writes everything: only requests leave them out.
	again, err := json.Marshal(thing)
	if err != nil {
		t.Fatal(err)
	}
	if diff := testutil.JSONDiff([]byte(stored), again); diff != "" {
		t.Errorf("json.Marshal: %s", diff)
	}
}

func TestReadOnlyNotSentInPolymorphicArray(t *testing.T) {
	var got []byte
	c := server(t, &got).Things()
	shapes := []readonly.ShapeClassification{
		&readonly.Circle{Area: readonly.Ptr(3.14), Radius: readonly.Ptr(1.0)},
		&readonly.Shape{Kind: readonly.Ptr("square"), Area: readonly.Ptr(4.0)},
	}
	if _, err := c.PutMany(context.Background(), shapes, nil); err != nil {
		t.Fatal(err)
	}
	if diff := testutil.JSONDiff([]byte(`[{"kind": "circle", "radius": 1}, {"kind": "square"}]`), got); diff != "" {
		t.Errorf("request body: %s\n%s", diff, got)
	}
	if shapes[0].(*readonly.Circle).Area == nil {
		t.Error("sending changed the caller's value")
	}
}

// BenchmarkNewPutRequest measures building a request whose body holds
// read-only properties at several depths (copied without them).
func BenchmarkNewPutRequest(b *testing.B) {
	var thing readonly.Thing
	if err := json.Unmarshal([]byte(stored), &thing); err != nil {
		b.Fatal(err)
	}
	c := readonly.NewClient(nil, &readonly.ClientOptions{Endpoint: "http://localhost"}).Things()
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.NewPutRequest(ctx, "t", thing, nil); err != nil {
			b.Fatal(err)
		}
	}
}
