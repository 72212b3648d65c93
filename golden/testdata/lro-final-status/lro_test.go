// Package lro_test ends operations that document only a 202.
package lro_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	lro "github.com/armgen/armgen/golden/testdata/lro-final-status/want"
)

func TestUndocumentedFinal200IsNotAnError(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /jobs/j1/restart", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "/ops/restart")
		w.WriteHeader(202)
	})
	mux.HandleFunc("GET /ops/restart", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"restarted":true}`)
	})
	mux.HandleFunc("DELETE /jobs/j1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Azure-AsyncOperation", "/ops/delete")
		w.WriteHeader(202)
	})
	mux.HandleFunc("GET /ops/delete", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"status":"Succeeded"}`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ctx := context.Background()
	c := lro.NewClient(srv.Client(), &lro.ClientOptions{Endpoint: srv.URL}).Jobs()

	restart, err := c.BeginRestart(ctx, "j1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := restart.PollUntilDone(ctx, time.Millisecond); err != nil {
		t.Errorf("restart: %v", err)
	}
	del, err := c.BeginDelete(ctx, "j1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := del.PollUntilDone(ctx, time.Millisecond); err != nil {
		t.Errorf("delete: %v", err)
	}
}
