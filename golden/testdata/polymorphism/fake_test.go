package polymorphism_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/armgen/armgen/golden/testdata/polymorphism/want"
	"github.com/armgen/armgen/golden/testdata/polymorphism/want/fake"
	"github.com/armgen/armgen/internal/testutil"
)

// A polymorphic body reaches the func as the concrete type the client
// sent, with every field (those of a family nested in it too), and the
// func's polymorphic result reaches the client as its own type.
func TestPolymorphicBodiesAgainstFake(t *testing.T) {
	var got polymorphism.FishClassification
	birthday := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)
	srv := &fake.Server{Tanks: &fake.TanksServer{
		Put: func(ctx context.Context, tank string, fish polymorphism.FishClassification, options *polymorphism.TanksPutOptions) (polymorphism.TanksPutResponse, error) {
			got = fish
			return polymorphism.TanksPutResponse{Value: &polymorphism.Sawshark{Length: polymorphism.Ptr[float32](3), Birthday: &birthday, Picture: []byte{1, 2}}}, nil
		},
		Get: func(ctx context.Context, tank string, options *polymorphism.TanksGetOptions) (polymorphism.TanksGetResponse, error) {
			var tk polymorphism.Tank
			err := json.Unmarshal([]byte(tankJSON), &tk)
			return polymorphism.TanksGetResponse{Tank: tk}, err
		},
	}}
	c := polymorphism.NewClient(fake.NewDoer(srv), nil)
	sent := &polymorphism.Salmon{
		Length:   polymorphism.Ptr[float32](1.5),
		Location: polymorphism.Ptr("river"),
		Siblings: []polymorphism.FishClassification{&polymorphism.Goblinshark{Length: polymorphism.Ptr[float32](5), Birthday: &birthday, Jawsize: polymorphism.Ptr[int32](7)}},
	}
	res, err := c.Tanks().Put(context.Background(), "t1", sent, nil)
	if err != nil {
		t.Fatal(err)
	}
	salmon, ok := got.(*polymorphism.Salmon)
	if !ok || *salmon.Fishtype != "salmon" || *salmon.Location != "river" || *salmon.Length != 1.5 {
		t.Fatalf("the func got %#v", got)
	}
	if g, ok := salmon.Siblings[0].(*polymorphism.Goblinshark); !ok || *g.Jawsize != 7 || !g.Birthday.Equal(birthday) {
		t.Errorf("the sibling arrived as %#v", salmon.Siblings[0])
	}
	if saw, ok := res.Value.(*polymorphism.Sawshark); !ok || string(saw.Picture) != "\x01\x02" || *saw.Fishtype != "sawshark" {
		t.Errorf("the result is %#v", res.Value)
	}

	// A body of families in fields, slices and maps round-trips whole.
	tk, err := c.Tanks().Get(context.Background(), "t1", nil)
	if err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(tk.Tank)
	if err != nil {
		t.Fatal(err)
	}
	if diff := testutil.JSONDiff([]byte(tankJSON), out); diff != "" {
		t.Errorf("the tank changed on its way (-sent +received):\n%s", diff)
	}
}

const tankJSON = `{
  "star": {"fishtype": "sawshark", "length": 3.5, "age": 10, "birthday": "2010-01-01T00:00:00Z", "picture": "AQI=",
           "siblings": [{"fishtype": "salmon", "length": 1, "location": "river"}]},
  "sharks": [{"fishtype": "Goblinshark", "length": 5, "birthday": "2012-01-01T00:00:00Z", "jawsize": 7},
             {"fishtype": "megalodon", "length": 20, "birthday": "2013-01-01T00:00:00Z", "teeth": 300}],
  "byName": {"nemo": {"fishtype": "clownfish", "length": 0.1, "stripes": 3}}
}`
