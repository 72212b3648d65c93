package responses_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/armgen/armgen/golden/testdata/responses/want"
	"github.com/armgen/armgen/golden/testdata/responses/want/fake"
)

// A result's headers, in their formats, and a body that is no model reach
// the client; an error answers with the error model of its status.
func TestResponsesAgainstFake(t *testing.T) {
	modified := time.Date(2024, 7, 1, 8, 0, 0, 0, time.UTC)
	exists := map[string]bool{"a": true}
	srv := &fake.Server{Items: &fake.ItemsServer{
		Get: func(ctx context.Context, name string, options *responses.ItemsGetOptions) (responses.ItemsGetResponse, error) {
			if name != "a" {
				return responses.ItemsGetResponse{}, &responses.ResponseError{StatusCode: 404,
					NotFound: &responses.NotFound{Reason: responses.Ptr("gone"), Code: responses.Ptr("ItemNotFound"), Message: responses.Ptr("no " + name)}}
			}
			return responses.ItemsGetResponse{
				Item:       responses.Item{Name: responses.Ptr("a"), ETag: responses.Ptr("body etag")},
				ETagHeader: responses.Ptr(`W/"1"`), XMSRequestCharge: responses.Ptr(2.5), LastModified: &modified,
			}, nil
		},
		Delete: func(ctx context.Context, name string, options *responses.ItemsDeleteOptions) (responses.ItemsDeleteResponse, error) {
			return responses.ItemsDeleteResponse{}, &responses.ResponseError{StatusCode: 400, Message: "names are lower case"}
		},
		Exists: func(ctx context.Context, name string, options *responses.ItemsExistsOptions) (responses.ItemsExistsResponse, error) {
			return responses.ItemsExistsResponse{Success: exists[name]}, nil
		},
		ListNames: func(ctx context.Context, options *responses.ItemsListNamesOptions) (responses.ItemsListNamesResponse, error) {
			return responses.ItemsListNamesResponse{Value: []string{"a", "b"}}, nil
		},
	}}
	c := responses.NewClient(fake.NewDoer(srv), nil).Items()
	ctx := context.Background()
	res, err := c.Get(ctx, "a", nil)
	if err != nil {
		t.Fatal(err)
	}
	if *res.Name != "a" || *res.ETag != "body etag" || *res.ETagHeader != `W/"1"` || *res.XMSRequestCharge != 2.5 || !res.LastModified.Equal(modified) {
		t.Errorf("Get: %+v", res)
	}
	_, err = c.Get(ctx, "b", nil)
	var re *responses.ResponseError
	if !errors.As(err, &re) || re.StatusCode != 404 || re.Code != "ItemNotFound" || re.Message != "no b" || re.NotFound == nil || *re.NotFound.Reason != "gone" {
		t.Errorf("Get of a missing item: %v", err)
	}
	if _, err := c.Delete(ctx, "A", nil); !errors.As(err, &re) || re.StatusCode != 400 || re.Message != "names are lower case" {
		t.Errorf("Delete, a text error: %v", err)
	}
	for name, want := range exists {
		if got, err := c.Exists(ctx, name, nil); err != nil || got.Success != want {
			t.Errorf("Exists(%s) = %v, %v", name, got.Success, err)
		}
	}
	if got, err := c.Exists(ctx, "z", nil); err != nil || got.Success {
		t.Errorf("Exists(z) = %v, %v", got.Success, err)
	}
	if names, err := c.ListNames(ctx, nil); err != nil || !slices.Equal(names.Value, []string{"a", "b"}) {
		t.Errorf("ListNames: %v, %v", names.Value, err)
	}
}
