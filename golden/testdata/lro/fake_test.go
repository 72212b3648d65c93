package lro_test

import (
	"context"
	"errors"
	"net/http"
	"runtime"
	"testing"
	"time"

	"github.com/armgen/armgen/golden/testdata/lro/want"
	"github.com/armgen/armgen/golden/testdata/lro/want/fake"
)

// counting counts the requests a client sends, by method and path.
type counting struct {
	next interface {
		Do(*http.Request) (*http.Response, error)
	}
	sent []string
}

func (c *counting) Do(req *http.Request) (*http.Response, error) {
	c.sent = append(c.sent, req.Method+" "+req.URL.Path)
	return c.next.Do(req)
}

// Create is followed through its status monitor (Azure-AsyncOperation),
// in progress for Server.Polls polls, and ends with what the func
// returned, read from the monitor as final-state-via says.
func TestBeginCreateAgainstFake(t *testing.T) {
	goroutines := runtime.NumGoroutine()
	var got lro.Cluster
	srv := &fake.Server{Polls: 2, Clusters: &fake.ClustersServer{
		BeginCreate: func(ctx context.Context, name string, cluster lro.Cluster, options *lro.ClustersCreateOptions) (lro.ClustersCreateResponse, error) {
			got = cluster
			cluster.Properties = &lro.ClusterProperties{ProvisioningState: lro.Ptr("Succeeded")}
			return lro.ClustersCreateResponse{Cluster: cluster}, nil
		},
	}}
	doer := &counting{next: fake.NewDoer(srv)}
	c := lro.NewClient(doer, nil)
	poller, err := c.Clusters().BeginCreate(context.Background(), "c1", lro.Cluster{Name: lro.Ptr("c1")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	res, err := poller.PollUntilDone(context.Background(), 0) // the default frequency: the fake asks for none
	if err != nil {
		t.Fatal(err)
	}
	if *got.Name != "c1" || *res.Name != "c1" || *res.Properties.ProvisioningState != "Succeeded" {
		t.Errorf("the func got %+v; the result is %+v", got, res)
	}
	want := []string{"PUT /clusters/c1", "GET /armgen-fake/operations/1", "GET /armgen-fake/operations/1", "GET /armgen-fake/operations/1"}
	if len(doer.sent) != len(want) || doer.sent[0] != want[0] || doer.sent[3] != want[3] {
		t.Errorf("sent %q, want %q", doer.sent, want)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("polling took %v", d)
	}
	if n := runtime.NumGoroutine(); n > goroutines {
		t.Errorf("%d goroutines before, %d after", goroutines, n)
	}
}

// Restart is followed through Location; a poller rebuilt from its resume
// token, by another client, follows it on to its end.
func TestResumeRestartAgainstFake(t *testing.T) {
	srv := &fake.Server{Polls: 3, Clusters: &fake.ClustersServer{
		BeginRestart: func(ctx context.Context, name string, options *lro.ClustersRestartOptions) (lro.ClustersRestartResponse, error) {
			return lro.ClustersRestartResponse{RestartResult: lro.RestartResult{Restarted: lro.Ptr(name == "c1")}}, nil
		},
	}}
	c := lro.NewClient(fake.NewDoer(srv), nil)
	poller, err := c.Clusters().BeginRestart(context.Background(), "c1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := poller.Poll(context.Background()); err != nil || poller.Done() {
		t.Fatalf("one poll: done %v, %v", poller.Done(), err)
	}
	token, err := poller.ResumeToken()
	if err != nil {
		t.Fatal(err)
	}
	other := lro.NewClient(fake.NewDoer(srv), nil)
	resumed, err := other.Clusters().ResumeRestart(token)
	if err != nil {
		t.Fatal(err)
	}
	res, err := resumed.PollUntilDone(context.Background(), time.Millisecond)
	if err != nil || res.Restarted == nil || !*res.Restarted {
		t.Errorf("resumed: %+v, %v", res, err)
	}
}

// An operation the func fails ends in *ResponseError with its code and
// message; one the func refuses fails Begin at once; a plain error is a
// failure to reach the service.
func TestFailuresAgainstFake(t *testing.T) {
	fail := error(&lro.ResponseError{StatusCode: 409, Code: "Conflict", Message: "the cluster is busy"})
	srv := &fake.Server{Clusters: &fake.ClustersServer{
		BeginDelete: func(ctx context.Context, name string, options *lro.ClustersDeleteOptions) (lro.ClustersDeleteResponse, error) {
			return lro.ClustersDeleteResponse{}, fail
		},
	}}
	c := lro.NewClient(fake.NewDoer(srv), &lro.ClientOptions{Retry: lro.RetryOptions{MaxRetries: -1}})
	poller, err := c.Clusters().BeginDelete(context.Background(), "c1", nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = poller.PollUntilDone(context.Background(), time.Millisecond)
	var re *lro.ResponseError
	if !errors.As(err, &re) || re.StatusCode != 409 || re.Code != "Conflict" || re.Message != "the cluster is busy" || re.CloudError == nil {
		t.Errorf("the operation failed with %v", err)
	}

	fail = fake.Refused(&lro.ResponseError{StatusCode: 400, Code: "InvalidName", Message: "no"})
	if _, err := c.Clusters().BeginDelete(context.Background(), "c1", nil); !errors.As(err, &re) || re.StatusCode != 400 || re.Code != "InvalidName" {
		t.Errorf("a refused operation: %v", err)
	}

	down := errors.New("connection refused")
	fail = down
	if _, err := c.Clusters().BeginDelete(context.Background(), "c1", nil); !errors.Is(err, down) {
		t.Errorf("a plain error: %v", err)
	}
}
