package hostiletext_test

import (
	"context"
	"testing"

	"github.com/armgen/armgen/golden/testdata/hostile-text/want"
	"github.com/armgen/armgen/golden/testdata/hostile-text/want/fake"
)

// A path with a zero-width space and header names with backquotes and
// quotes: the fake routes the request and reads and writes them as sent.
func TestHostileTextAgainstFake(t *testing.T) {
	var tag string
	srv := &fake.Server{Things: &fake.ThingsServer{
		Create: func(ctx context.Context, name string, thing hostiletext.Thing, options *hostiletext.ThingsCreateOptions) (hostiletext.ThingsCreateResponse, error) {
			tag = *options.XMSTag
			return hostiletext.ThingsCreateResponse{Thing: thing, XMSNote: hostiletext.Ptr(name + " noted")}, nil
		},
	}}
	c := hostiletext.NewClient(fake.NewDoer(srv), nil).Things()
	res, err := c.Create(context.Background(), "n\u200b1", hostiletext.Thing{Label: hostiletext.Ptr("l")}, &hostiletext.ThingsCreateOptions{XMSTag: hostiletext.Ptr("t`1")})
	if err != nil {
		t.Fatal(err)
	}
	if tag != "t`1" || *res.Label != "l" || *res.XMSNote != "n\u200b1 noted" {
		t.Errorf("tag %q, result %+v", tag, res)
	}
}
