// Package polymorphism_test checks discriminated models: decoding picks
// the concrete type, an unknown value keeps everything in the base type,
// and a value built in Go says what it is on the wire.
package polymorphism_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/armgen/armgen/golden/testdata/polymorphism/want"
	"github.com/armgen/armgen/internal/testutil"
)

const tank = `{
  "star": {"fishtype": "sawshark", "length": 3.5, "age": 10, "birthday": "2010-01-01T00:00:00Z", "picture": "AQI=",
           "siblings": [{"fishtype": "salmon", "length": 1, "location": "river"}]},
  "sharks": [{"fishtype": "shark", "length": 2, "birthday": "2011-01-01T00:00:00Z"},
             {"fishtype": "Goblinshark", "length": 5, "birthday": "2012-01-01T00:00:00Z", "jawsize": 7},
             {"fishtype": "megalodon", "length": 20, "birthday": "2013-01-01T00:00:00Z", "teeth": 300}],
  "byName": {"nemo": {"fishtype": "clownfish", "length": 0.1, "stripes": 3}, "none": null}
}`

func TestDecodePicksConcreteTypes(t *testing.T) {
	var tk polymorphism.Tank
	if err := json.Unmarshal([]byte(tank), &tk); err != nil {
		t.Fatal(err)
	}
	saw, ok := tk.Star.(*polymorphism.Sawshark)
	if !ok {
		t.Fatalf("star is %T, want *Sawshark", tk.Star)
	}
	if *saw.Age != 10 || string(saw.Picture) != "\x01\x02" || *saw.GetFish().Length != 3.5 {
		t.Errorf("sawshark %+v", saw)
	}
	if _, ok := saw.Siblings[0].(*polymorphism.Salmon); !ok {
		t.Errorf("sibling is %T, want *Salmon (recursion through the base)", saw.Siblings[0])
	}
	if _, ok := tk.Sharks[0].(*polymorphism.Shark); !ok {
		t.Errorf("sharks[0] is %T", tk.Sharks[0])
	}
	if g, ok := tk.Sharks[1].(*polymorphism.Goblinshark); !ok || *g.Jawsize != 7 {
		t.Errorf("sharks[1] is %T (the definition name is its discriminator value)", tk.Sharks[1])
	}
	// An unknown kind in a Shark field decodes into Shark, the field's base.
	if s, ok := tk.Sharks[2].(*polymorphism.Shark); !ok || string(s.Extra["teeth"]) != "300" || *s.Fishtype != "megalodon" {
		t.Errorf("sharks[2] is %T %+v", tk.Sharks[2], tk.Sharks[2])
	}
	if f, ok := tk.ByName["nemo"].(*polymorphism.Fish); !ok || string(f.Extra["stripes"]) != "3" {
		t.Errorf("nemo is %T", tk.ByName["nemo"])
	}
	if v, ok := tk.ByName["none"]; !ok || v != nil {
		t.Errorf("a null entry must stay a nil entry")
	}
	out, err := json.Marshal(tk)
	if err != nil {
		t.Fatal(err)
	}
	if diff := testutil.JSONDiff([]byte(tank), out); diff != "" {
		t.Errorf("round trip lost or invented something (-want +got):\n%s", diff)
	}
}

func TestEncodeWritesTheDiscriminator(t *testing.T) {
	var got []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, _ = io.ReadAll(r.Body)
		w.Write(got)
	}))
	defer srv.Close()
	c := polymorphism.NewClient(srv.Client(), &polymorphism.ClientOptions{Endpoint: srv.URL})
	salmon := &polymorphism.Salmon{Length: polymorphism.Ptr[float32](2), Location: polymorphism.Ptr("sea")}
	resp, err := c.Tanks().Put(context.Background(), "t", salmon, nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := testutil.JSONDiff([]byte(`{"fishtype":"salmon","length":2,"location":"sea"}`), got); diff != "" {
		t.Errorf("request body (-want +got):\n%s", diff)
	}
	if back, ok := resp.Value.(*polymorphism.Salmon); !ok || *back.Location != "sea" {
		t.Errorf("response %T %+v", resp.Value, resp.Value)
	}
}
