package batch_test

// The fake package of the default spec, used as the README's "Testing
// code that uses the client" shows.

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/armgen/armgen/generated/batch"
	"github.com/armgen/armgen/generated/batch/fake"
)

// tagAccount is code under test: it uses the client as it would against
// Azure.
func tagAccount(ctx context.Context, c *batch.Client, account, env string) (string, error) {
	resp, err := c.BatchAccount().Update(ctx, "my-rg", account, batch.BatchAccountUpdateParameters{
		Tags: map[string]string{"env": env},
	}, nil)
	if err != nil {
		return "", err
	}
	return resp.Tags["env"], nil
}

func newFake() *fake.Server {
	return &fake.Server{BatchAccount: &fake.BatchAccountServer{
		Update: func(ctx context.Context, resourceGroupName, accountName string, parameters batch.BatchAccountUpdateParameters, options *batch.BatchAccountUpdateOptions) (batch.BatchAccountUpdateResponse, error) {
			if accountName != "myaccount" {
				return batch.BatchAccountUpdateResponse{}, &batch.ResponseError{StatusCode: http.StatusNotFound, Code: "ResourceNotFound", Message: "no account " + accountName}
			}
			return batch.BatchAccountUpdateResponse{BatchAccount: batch.BatchAccount{Name: &accountName, Tags: parameters.Tags}}, nil
		},
	}}
}

func TestTagAccountAgainstFake(t *testing.T) {
	client := batch.NewClient("sub1", fake.NewDoer(newFake()), nil)
	env, err := tagAccount(context.Background(), client, "myaccount", "dev")
	if err != nil || env != "dev" {
		t.Errorf("tagAccount = %q, %v", env, err)
	}
	_, err = tagAccount(context.Background(), client, "other", "dev")
	var re *batch.ResponseError
	if !errors.As(err, &re) || re.StatusCode != http.StatusNotFound || re.Code != "ResourceNotFound" || re.Message != "no account other" {
		t.Errorf("tagAccount of a missing account: %v", err)
	}
}

// The same Server behind a real HTTP server.
func TestTagAccountAgainstFakeHandler(t *testing.T) {
	srv := httptest.NewServer(newFake())
	defer srv.Close()
	client := batch.NewClient("sub1", srv.Client(), &batch.ClientOptions{Endpoint: srv.URL})
	if env, err := tagAccount(context.Background(), client, "myaccount", "prod"); err != nil || env != "prod" {
		t.Errorf("tagAccount = %q, %v", env, err)
	}
}
