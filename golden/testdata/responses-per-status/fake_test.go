package responses_test

import (
	"context"
	"testing"

	responsesperstatus "github.com/armgen/armgen/golden/testdata/responses-per-status/want"
	"github.com/armgen/armgen/golden/testdata/responses-per-status/want/fake"
)

// Each body of its own schema is answered with its status, and the client
// reads it into its field.
func TestBodiesPerStatusAgainstFake(t *testing.T) {
	results := map[string]responsesperstatus.ThingsPutResponse{
		"thing":   {Thing: responsesperstatus.Thing{Name: responsesperstatus.Ptr("t")}},
		"receipt": {ReceiptBody: &responsesperstatus.Receipt{Number: responsesperstatus.Ptr[int64](7)}},
		"queued":  {Value202: responsesperstatus.Ptr[int32](3)},
		"hint":    {Hint: &responsesperstatus.Hint{Text: responsesperstatus.Ptr("try later")}},
	}
	srv := &fake.Server{Things: &fake.ThingsServer{
		Put: func(ctx context.Context, name string, options *responsesperstatus.ThingsPutOptions) (responsesperstatus.ThingsPutResponse, error) {
			return results[name], nil
		},
	}}
	c := responsesperstatus.NewClient(fake.NewDoer(srv), nil).Things()
	check := map[string]func(r responsesperstatus.ThingsPutResponse) bool{
		"thing": func(r responsesperstatus.ThingsPutResponse) bool {
			return r.Name != nil && *r.Name == "t" && r.ReceiptBody == nil
		},
		"receipt": func(r responsesperstatus.ThingsPutResponse) bool {
			return r.ReceiptBody != nil && *r.ReceiptBody.Number == 7
		},
		"queued": func(r responsesperstatus.ThingsPutResponse) bool { return r.Value202 != nil && *r.Value202 == 3 },
		"hint":   func(r responsesperstatus.ThingsPutResponse) bool { return r.Hint != nil && *r.Hint.Text == "try later" },
	}
	for name := range results {
		res, err := c.Put(context.Background(), name, nil)
		if err != nil || !check[name](res) {
			t.Errorf("%s: %+v, %v", name, res, err)
		}
	}
}
