package lro_test

import (
	"context"
	"errors"
	"testing"
	"time"

	lrofinalstatus "github.com/armgen/armgen/golden/testdata/lro-final-status/want"
	"github.com/armgen/armgen/golden/testdata/lro-final-status/want/fake"
)

// Operations that document only a 202: followed through Location to
// their end, or to their error, whose model holds code and message at
// the top level.
func TestLocationAgainstFake(t *testing.T) {
	srv := &fake.Server{Polls: 2, Jobs: &fake.JobsServer{
		BeginRestart: func(ctx context.Context, job string, options *lrofinalstatus.JobsRestartOptions) (lrofinalstatus.JobsRestartResponse, error) {
			return lrofinalstatus.JobsRestartResponse{}, nil
		},
		BeginDelete: func(ctx context.Context, job string, options *lrofinalstatus.JobsDeleteOptions) (lrofinalstatus.JobsDeleteResponse, error) {
			return lrofinalstatus.JobsDeleteResponse{}, &lrofinalstatus.ResponseError{StatusCode: 409, Code: "JobRunning", Message: "stop " + job + " first"}
		},
	}}
	c := lrofinalstatus.NewClient(fake.NewDoer(srv), nil).Jobs()
	restart, err := c.BeginRestart(context.Background(), "j1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := restart.PollUntilDone(context.Background(), time.Millisecond); err != nil {
		t.Errorf("Restart: %v", err)
	}
	del, err := c.BeginDelete(context.Background(), "j1", nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = del.PollUntilDone(context.Background(), time.Millisecond)
	var re *lrofinalstatus.ResponseError
	if !errors.As(err, &re) || re.StatusCode != 409 || re.Code != "JobRunning" || re.Message != "stop j1 first" {
		t.Errorf("Delete: %v", err)
	}
}
