// Package lro_test follows the generated pollers against a test server.
package lro_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/armgen/armgen/golden/testdata/lro/want"
)

func TestCreateFollowsAzureAsyncOperation(t *testing.T) {
	var polls atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("PUT /clusters/c1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Azure-AsyncOperation", "/operations/op1")
		w.WriteHeader(201)
		fmt.Fprint(w, `{"name":"c1","properties":{"provisioningState":"Creating"}}`)
	})
	mux.HandleFunc("GET /operations/op1", func(w http.ResponseWriter, r *http.Request) {
		if polls.Add(1) < 2 {
			fmt.Fprint(w, `{"status":"InProgress"}`)
			return
		}
		// final-state-via azure-async-operation: the result comes from here.
		fmt.Fprint(w, `{"status":"Succeeded","name":"c1","properties":{"provisioningState":"Succeeded"}}`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := lro.NewClient(srv.Client(), &lro.ClientOptions{Endpoint: srv.URL})
	poller, err := c.Clusters().BeginCreate(context.Background(), "c1", lro.Cluster{Name: lro.Ptr("c1")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := poller.PollUntilDone(context.Background(), time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	if *res.Name != "c1" || *res.Properties.ProvisioningState != "Succeeded" || polls.Load() != 2 {
		t.Errorf("result %+v after %d polls", res, polls.Load())
	}
}

func TestRestartFollowsLocation(t *testing.T) {
	mux := http.NewServeMux()
	var polls atomic.Int32
	mux.HandleFunc("POST /clusters/c1/restart", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "/results/r1")
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(202)
	})
	mux.HandleFunc("GET /results/r1", func(w http.ResponseWriter, r *http.Request) {
		if polls.Add(1) < 3 {
			w.WriteHeader(202)
			return
		}
		fmt.Fprint(w, `{"restarted":true}`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := lro.NewClient(srv.Client(), &lro.ClientOptions{Endpoint: srv.URL})
	poller, err := c.Clusters().BeginRestart(context.Background(), "c1", nil)
	if err != nil {
		t.Fatal(err)
	}
	// Resume from a token midway, as another process would.
	if err := poller.Poll(context.Background()); err != nil {
		t.Fatal(err)
	}
	token, _ := poller.ResumeToken()
	resumed, err := c.Clusters().ResumeRestart(token)
	if err != nil {
		t.Fatal(err)
	}
	res, err := resumed.PollUntilDone(context.Background(), time.Millisecond)
	if err != nil || res.Restarted == nil || !*res.Restarted {
		t.Fatalf("result %+v, %v", res, err)
	}
	if _, err := c.Clusters().ResumeDelete(token); err == nil {
		t.Error("a POST's token must not resume a DELETE")
	}
}

func TestFailedOperationIsResponseError(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("DELETE /clusters/c1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Azure-AsyncOperation", "/operations/op2")
		w.WriteHeader(202)
	})
	mux.HandleFunc("GET /operations/op2", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"status":"Failed","error":{"code":"InUse","message":"the cluster has jobs"}}`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := lro.NewClient(srv.Client(), &lro.ClientOptions{Endpoint: srv.URL})
	poller, err := c.Clusters().BeginDelete(context.Background(), "c1", nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = poller.PollUntilDone(context.Background(), time.Millisecond)
	var re *lro.ResponseError
	if !errors.As(err, &re) || re.Code != "InUse" || re.Message != "the cluster has jobs" {
		t.Fatalf("err = %v", err)
	}
}

func TestFirstResponseErrorIsReturnedAtOnce(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(400)
		fmt.Fprint(w, `{"error":{"code":"BadName"}}`)
	}))
	defer srv.Close()
	c := lro.NewClient(srv.Client(), &lro.ClientOptions{Endpoint: srv.URL})
	_, err := c.Clusters().BeginCreate(context.Background(), "c1", lro.Cluster{}, nil)
	var re *lro.ResponseError
	if !errors.As(err, &re) || re.StatusCode != 400 || re.Code != "BadName" {
		t.Fatalf("err = %v", err)
	}
}

func TestDeleteDoneAtOnce(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(204)
	}))
	defer srv.Close()
	c := lro.NewClient(srv.Client(), &lro.ClientOptions{Endpoint: srv.URL})
	poller, err := c.Clusters().BeginDelete(context.Background(), "c1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !poller.Done() {
		t.Fatal("a 204 ends a delete")
	}
	if _, err := poller.PollUntilDone(context.Background(), time.Hour); err != nil {
		t.Fatal(err)
	}
}

// The first request and each poll are retried like any request: a 503
// or a 429 on the way does not end the operation.
func TestPollsAreRetried(t *testing.T) {
	var puts, polls atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("PUT /clusters/c1", func(w http.ResponseWriter, r *http.Request) {
		if puts.Add(1) == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Azure-AsyncOperation", "/operations/op1")
		w.WriteHeader(201)
		fmt.Fprint(w, `{"name":"c1","properties":{"provisioningState":"Creating"}}`)
	})
	mux.HandleFunc("GET /operations/op1", func(w http.ResponseWriter, r *http.Request) {
		switch polls.Add(1) {
		case 1:
			w.WriteHeader(http.StatusTooManyRequests)
		case 2:
			fmt.Fprint(w, `{"status":"InProgress"}`)
		case 3:
			w.WriteHeader(http.StatusBadGateway)
		default:
			fmt.Fprint(w, `{"status":"Succeeded","name":"c1","properties":{"provisioningState":"Succeeded"}}`)
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := lro.NewClient(srv.Client(), &lro.ClientOptions{Endpoint: srv.URL, Retry: lro.RetryOptions{RetryDelay: time.Millisecond}})
	poller, err := c.Clusters().BeginCreate(context.Background(), "c1", lro.Cluster{Name: lro.Ptr("c1")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := poller.PollUntilDone(context.Background(), time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	if *res.Properties.ProvisioningState != "Succeeded" || puts.Load() != 2 || polls.Load() != 4 {
		t.Errorf("result %+v after %d PUTs and %d polls", res, puts.Load(), polls.Load())
	}
}

// A poll that keeps failing ends the operation in a ResponseError that
// counts the tries.
func TestPollFailureCountsTries(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("PUT /clusters/c1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Azure-AsyncOperation", "/operations/op1")
		w.WriteHeader(201)
	})
	mux.HandleFunc("GET /operations/op1", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := lro.NewClient(srv.Client(), &lro.ClientOptions{Endpoint: srv.URL, Retry: lro.RetryOptions{MaxRetries: 2, RetryDelay: time.Millisecond}})
	poller, err := c.Clusters().BeginCreate(context.Background(), "c1", lro.Cluster{Name: lro.Ptr("c1")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = poller.PollUntilDone(context.Background(), time.Millisecond)
	var re *lro.ResponseError
	if !errors.As(err, &re) || re.StatusCode != 500 || re.Tries != 3 {
		t.Fatalf("err = %v", err)
	}
}
