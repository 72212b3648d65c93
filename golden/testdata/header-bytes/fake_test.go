package headerbytes_test

import (
	"context"
	"testing"

	"github.com/armgen/armgen/golden/testdata/header-bytes/want"
	"github.com/armgen/armgen/golden/testdata/header-bytes/want/fake"
)

// A header of bytes is written base64, as the client reads it.
func TestByteHeaderAgainstFake(t *testing.T) {
	srv := &fake.Server{Header: &fake.HeaderServer{
		ResponseByte: func(ctx context.Context, options *headerbytes.HeaderResponseByteOptions) (headerbytes.HeaderResponseByteResponse, error) {
			return headerbytes.HeaderResponseByteResponse{ValueHeader: []byte("\xe5\x95\x8a\x00!")}, nil
		},
	}}
	res, err := headerbytes.NewClient(fake.NewDoer(srv), nil).Header().ResponseByte(context.Background(), nil)
	if err != nil || string(res.ValueHeader) != "\xe5\x95\x8a\x00!" {
		t.Errorf("%q, %v", res.ValueHeader, err)
	}
}
