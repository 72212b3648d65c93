package parameters_test

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/armgen/armgen/golden/testdata/parameters/want"
	"github.com/armgen/armgen/golden/testdata/parameters/want/fake"
)

// Every argument reaches the fake's func as the caller passed it: path,
// query and header parameters of every kind, arrays in each collection
// format, bodies, options (nil when none was set), a stream.
func TestArgumentsAgainstFake(t *testing.T) {
	type call struct {
		Name    string
		Thing   *parameters.Thing
		Type    string
		Level   int64
		Key     []byte
		Color   parameters.Color
		Parts   []string
		Get     *parameters.ThingsGetOptions
		Put     *parameters.ThingsCreateOrUpdateOptions
		Touch   *parameters.ThingsTouchOptions
		Legacy  *parameters.ThingsLegacyOptions
		Content string
	}
	var got call
	srv := &fake.Server{Things: &fake.ThingsServer{
		Get: func(ctx context.Context, thingName string, options *parameters.ThingsGetOptions) (parameters.ThingsGetResponse, error) {
			got = call{Name: thingName, Get: options}
			return parameters.ThingsGetResponse{Thing: parameters.Thing{Name: &thingName, ETag: parameters.Ptr("e1")}}, nil
		},
		CreateOrUpdate: func(ctx context.Context, thingName string, thing parameters.Thing, typeParam string, level int64, options *parameters.ThingsCreateOrUpdateOptions) (parameters.ThingsCreateOrUpdateResponse, error) {
			got = call{Name: thingName, Thing: &thing, Type: typeParam, Level: level, Put: options}
			return parameters.ThingsCreateOrUpdateResponse{Thing: thing}, nil
		},
		Touch: func(ctx context.Context, thingName string, options *parameters.ThingsTouchOptions) (parameters.ThingsTouchResponse, error) {
			got = call{Name: thingName, Touch: options}
			return parameters.ThingsTouchResponse{}, nil
		},
		Blob: func(ctx context.Context, key []byte, color parameters.Color, parts []string, options *parameters.ThingsBlobOptions) (parameters.ThingsBlobResponse, error) {
			got = call{Key: key, Color: color, Parts: parts}
			return parameters.ThingsBlobResponse{}, nil
		},
		Upload: func(ctx context.Context, options *parameters.ThingsUploadOptions) (parameters.ThingsUploadResponse, error) {
			b, err := io.ReadAll(options.Content)
			got = call{Content: string(b)}
			return parameters.ThingsUploadResponse{}, err
		},
		Legacy: func(ctx context.Context, options *parameters.ThingsLegacyOptions) (parameters.ThingsLegacyResponse, error) {
			got = call{Legacy: options}
			return parameters.ThingsLegacyResponse{}, nil
		},
	}}
	c := parameters.NewClient("sub1", fake.NewDoer(srv), nil).Things()
	ctx := context.Background()
	since := time.Date(2024, 6, 1, 12, 30, 15, 250_000_000, time.FixedZone("", 2*3600))
	times := cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })

	getOpts := &parameters.ThingsGetOptions{
		Expand: parameters.Ptr("a b&c"), Top: parameters.Ptr[int32](50), IDs: []string{"x", "y z"}, Tag: []string{"t,1", "t2"},
		Since: &since, IfNoneMatch: parameters.Ptr(`"v1"`), ClientRequestID: parameters.Ptr("00000000-0000-0000-0000-000000000001"),
	}
	res, err := c.Get(ctx, "ab", getOpts)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(call{Name: "ab", Get: getOpts}, got, times); diff != "" {
		t.Errorf("Get (-sent +got):\n%s", diff)
	}
	if *res.Name != "ab" || *res.ETag != "e1" {
		t.Errorf("Get returned %+v", res)
	}

	thing := parameters.Thing{Name: parameters.Ptr("ab")}
	if _, err := c.CreateOrUpdate(ctx, "ab", thing, "the type", -42, &parameters.ThingsCreateOrUpdateOptions{IfMatch: parameters.Ptr("*")}); err != nil {
		t.Fatal(err)
	}
	want := call{Name: "ab", Thing: &thing, Type: "the type", Level: -42, Put: &parameters.ThingsCreateOrUpdateOptions{IfMatch: parameters.Ptr("*")}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CreateOrUpdate (-sent +got):\n%s", diff)
	}

	// Options the caller leaves nil arrive nil; an optional body arrives.
	if _, err := c.Touch(ctx, "ab", nil); err != nil || got.Touch != nil {
		t.Errorf("Touch without options: %+v, %v", got.Touch, err)
	}
	touch := &parameters.ThingsTouchOptions{Note: &parameters.Thing{Name: parameters.Ptr("note")}, Flag: parameters.Ptr(false)}
	if _, err := c.Touch(ctx, "ab", touch); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(touch, got.Touch); diff != "" {
		t.Errorf("Touch (-sent +got):\n%s", diff)
	}

	if _, err := c.Blob(ctx, []byte{0xfb, 0xff, 0x01}, parameters.ColorGreen, []string{"p 1", "p/2"}, nil); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(call{Key: []byte{0xfb, 0xff, 0x01}, Color: parameters.ColorGreen, Parts: []string{"p 1", "p/2"}}, got); diff != "" {
		t.Errorf("Blob (-sent +got):\n%s", diff)
	}

	if _, err := c.Upload(ctx, &parameters.ThingsUploadOptions{Content: strings.NewReader("raw bytes")}); err != nil || got.Content != "raw bytes" {
		t.Errorf("Upload: %q, %v", got.Content, err)
	}

	legacy := &parameters.ThingsLegacyOptions{APIVersion: parameters.Ptr("2019-01-01"), Raw: parameters.Ptr("a%20b=c")}
	if _, err := c.Legacy(ctx, legacy); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(legacy, got.Legacy); diff != "" {
		t.Errorf("Legacy, a raw query value (-sent +got):\n%s", diff)
	}
}

// A request the fake cannot read into the func's arguments is 400, and
// says why; the func is not called.
func TestBadRequestAgainstFake(t *testing.T) {
	called := false
	srv := &fake.Server{Things: &fake.ThingsServer{
		CreateOrUpdate: func(context.Context, string, parameters.Thing, string, int64, *parameters.ThingsCreateOrUpdateOptions) (parameters.ThingsCreateOrUpdateResponse, error) {
			called = true
			return parameters.ThingsCreateOrUpdateResponse{}, nil
		},
	}}
	c := parameters.NewClient("sub1", fake.NewDoer(srv), nil)
	req, err := c.Things().NewCreateOrUpdateRequest(context.Background(), "ab", parameters.Thing{}, "t", 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("level", "high")
	resp, err := fake.NewDoer(srv).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Things().ParseCreateOrUpdateResponse(resp)
	var re *parameters.ResponseError
	if !errors.As(err, &re) || re.StatusCode != 400 || !strings.Contains(string(re.RawBody), "the header parameter level: strconv.ParseInt") || called {
		t.Errorf("%v (called %v)", err, called)
	}
}
