package static

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// resource is the body of the long-running operation in these tests.
type resource struct {
	Name  string `json:"name"`
	State string `json:"state"`
}

// errStatus is what the tests' fail function returns.
type errStatus struct {
	status int
	body   string
}

func (e *errStatus) Error() string { return fmt.Sprintf("status %d: %s", e.status, e.body) }

func parseResource(resp *http.Response) (resource, error) {
	switch resp.StatusCode {
	case 200, 201:
		var r resource
		return r, decodeJSON(resp, &r)
	case 202, 204:
		drain(resp)
		return resource{}, nil
	}
	return resource{}, failResource(resp)
}

func failResource(resp *http.Response) error {
	return &errStatus{status: resp.StatusCode, body: string(readBody(resp))}
}

// begin sends the first request of an operation to srv and makes a poller.
func begin(t *testing.T, method, url, finalVia string) (*Poller[resource], error) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(`{}`))
	resp, err := send(http.DefaultClient, req)
	if err != nil {
		t.Fatal(err)
	}
	return newPoller(req, resp, http.DefaultClient, finalVia, parseResource, failResource)
}

// asyncServer runs a PUT whose status monitor says InProgress `polls`
// times, then ends with `final`; the resource is then at /res.
func asyncServer(t *testing.T, polls int, final string, retryAfter string) (*httptest.Server, *atomic.Int32) {
	var n atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("PUT /res", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Azure-AsyncOperation", "/status")
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		w.WriteHeader(201)
		fmt.Fprint(w, `{"name":"r","state":"Creating"}`)
	})
	mux.HandleFunc("GET /status", func(w http.ResponseWriter, r *http.Request) {
		if int(n.Add(1)) <= polls {
			fmt.Fprint(w, `{"status":"InProgress"}`)
			return
		}
		if final == "Failed" {
			fmt.Fprint(w, `{"status":"Failed","error":{"code":"Quota","message":"no cores left"}}`)
			return
		}
		fmt.Fprintf(w, `{"status":%q}`, final)
	})
	mux.HandleFunc("GET /res", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"name":"r","state":"Succeeded"}`)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &n
}

func TestPollerAzureAsyncOperation(t *testing.T) {
	srv, polls := asyncServer(t, 2, "Succeeded", "")
	p, err := begin(t, http.MethodPut, srv.URL+"/res", "")
	if err != nil {
		t.Fatal(err)
	}
	if p.Done() {
		t.Fatal("done before polling")
	}
	got, err := p.PollUntilDone(context.Background(), time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	// A PUT's result is the resource, fetched from its own URL at the end.
	if got.State != "Succeeded" || polls.Load() != 3 {
		t.Errorf("result %+v after %d polls", got, polls.Load())
	}
}

func TestPollerFailedIsTheOperationError(t *testing.T) {
	srv, _ := asyncServer(t, 1, "Failed", "")
	p, err := begin(t, http.MethodPut, srv.URL+"/res", "")
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.PollUntilDone(context.Background(), time.Millisecond)
	var es *errStatus
	if !errors.As(err, &es) || !strings.Contains(es.body, "no cores left") {
		t.Fatalf("err = %v, want the operation's typed error with the status body", err)
	}
	if !p.Done() {
		t.Error("a failed operation is done")
	}
	if _, err := p.Result(context.Background()); !errors.As(err, &es) {
		t.Errorf("Result after failure = %v", err)
	}
}

func TestPollerCanceledIsAnError(t *testing.T) {
	srv, _ := asyncServer(t, 0, "Canceled", "")
	p, err := begin(t, http.MethodPut, srv.URL+"/res", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.PollUntilDone(context.Background(), time.Millisecond); err == nil {
		t.Fatal("a canceled operation must fail")
	}
}

// Retry-After from the service wins over the caller's frequency.
func TestPollerHonoursRetryAfter(t *testing.T) {
	srv, _ := asyncServer(t, 1, "Succeeded", "1")
	p, err := begin(t, http.MethodPut, srv.URL+"/res", "")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if _, err := p.PollUntilDone(context.Background(), time.Millisecond); err != nil {
		t.Fatal(err)
	}
	// The first poll waits the initial response's Retry-After (1s) rather
	// than the 1ms frequency; the status responses carry none.
	if waited := time.Since(start); waited < time.Second {
		t.Errorf("polled after %v, before the Retry-After of 1s", waited)
	}
}

func TestPollerContextCancelStopsPolling(t *testing.T) {
	srv, polls := asyncServer(t, 1_000_000, "Succeeded", "")
	p, err := begin(t, http.MethodPut, srv.URL+"/res", "")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err = p.PollUntilDone(ctx, 5*time.Millisecond)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the context's error", err)
	}
	// A request in flight when the context ended may still land; after
	// that, nothing.
	time.Sleep(20 * time.Millisecond)
	n := polls.Load()
	time.Sleep(30 * time.Millisecond)
	if polls.Load() != n {
		t.Error("polling went on after the context ended")
	}
}

// A POST followed through Location: 202 until done, then the result.
func TestPollerLocation(t *testing.T) {
	var n atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("POST /act", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "/op/1")
		w.WriteHeader(202)
	})
	mux.HandleFunc("GET /op/1", func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) < 3 {
			w.WriteHeader(202)
			return
		}
		fmt.Fprint(w, `{"name":"result","state":"Done"}`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	p, err := begin(t, http.MethodPost, srv.URL+"/act", "location")
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.PollUntilDone(context.Background(), time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "result" || n.Load() != 3 {
		t.Errorf("result %+v after %d polls", got, n.Load())
	}
}

// A PUT answered 201 with a provisioningState polls the resource itself.
func TestPollerProvisioningState(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPut {
			w.WriteHeader(201)
			fmt.Fprint(w, `{"name":"r","properties":{"provisioningState":"Creating"}}`)
			return
		}
		if n.Add(1) < 2 {
			fmt.Fprint(w, `{"name":"r","properties":{"provisioningState":"Updating"}}`)
			return
		}
		fmt.Fprint(w, `{"name":"r","state":"ok","properties":{"provisioningState":"Succeeded"}}`)
	}))
	defer srv.Close()
	p, err := begin(t, http.MethodPut, srv.URL+"/r", "")
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.PollUntilDone(context.Background(), time.Millisecond)
	if err != nil || got.State != "ok" {
		t.Fatalf("got %+v, %v", got, err)
	}
}

// A 200 with a terminal state (or no state) needs no polling at all.
func TestPollerDoneAtOnce(t *testing.T) {
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		fmt.Fprint(w, `{"name":"r","properties":{"provisioningState":"Succeeded"}}`)
	}))
	defer srv.Close()
	p, err := begin(t, http.MethodPut, srv.URL+"/r", "")
	if err != nil {
		t.Fatal(err)
	}
	if !p.Done() {
		t.Fatal("not done")
	}
	if got, err := p.Result(context.Background()); err != nil || got.Name != "r" || calls != 1 {
		t.Errorf("got %+v, %v after %d requests", got, err, calls)
	}
}

// An error answer to the first request is the operation's error, at once.
func TestPollerFirstResponseError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(409)
		fmt.Fprint(w, `{"error":{"code":"Conflict"}}`)
	}))
	defer srv.Close()
	_, err := begin(t, http.MethodPut, srv.URL+"/r", "")
	var es *errStatus
	if !errors.As(err, &es) || es.status != 409 {
		t.Fatalf("err = %v", err)
	}
}

// A poller saved as a token and rebuilt goes on where it stopped.
func TestPollerResume(t *testing.T) {
	srv, polls := asyncServer(t, 2, "Succeeded", "")
	p, err := begin(t, http.MethodPut, srv.URL+"/res", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Poll(context.Background()); err != nil {
		t.Fatal(err)
	}
	token, err := p.ResumeToken()
	if err != nil {
		t.Fatal(err)
	}
	q, err := resumePoller(token, http.MethodPut, http.DefaultClient, parseResource, failResource)
	if err != nil {
		t.Fatal(err)
	}
	got, err := q.PollUntilDone(context.Background(), time.Millisecond)
	if err != nil || got.State != "Succeeded" || polls.Load() != 3 {
		t.Fatalf("got %+v, %v after %d polls", got, err, polls.Load())
	}
	if _, err := resumePoller(token, http.MethodDelete, http.DefaultClient, parseResource, failResource); err == nil {
		t.Error("a PUT's token must not resume a DELETE")
	}
	if _, err := resumePoller("garbage", http.MethodPut, http.DefaultClient, parseResource, failResource); err == nil {
		t.Error("garbage must not resume")
	}
	var s pollState
	if json.Unmarshal([]byte(token), &s) != nil || s.Poll != srv.URL+"/status" {
		t.Errorf("token %s", token)
	}
}

func TestFinalStatus(t *testing.T) {
	resp := &http.Response{StatusCode: 200}
	if got := finalStatus(resp, 202, 204); got.StatusCode != 202 {
		t.Errorf("an undocumented 200 reads as %d", got.StatusCode)
	}
	if got := finalStatus(&http.Response{StatusCode: 204}, 200, 204); got.StatusCode != 204 {
		t.Errorf("a documented 204 changed to %d", got.StatusCode)
	}
	if got := finalStatus(&http.Response{StatusCode: 404}, 200); got.StatusCode != 404 {
		t.Errorf("an error status changed to %d", got.StatusCode)
	}
}

// A 202 to a poll of Location may name the next place to ask.
func TestPollerLocationMoves(t *testing.T) {
	var polls []string
	mux := http.NewServeMux()
	mux.HandleFunc("POST /act", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "/op/1")
		w.WriteHeader(202)
	})
	mux.HandleFunc("GET /op/", func(w http.ResponseWriter, r *http.Request) {
		polls = append(polls, r.URL.Path)
		if r.URL.Path == "/op/1" {
			w.Header().Set("Location", "/op/2")
			w.WriteHeader(202)
			return
		}
		fmt.Fprint(w, `{"name":"moved"}`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	p, err := begin(t, http.MethodPost, srv.URL+"/act", "")
	if err != nil {
		t.Fatal(err)
	}
	// Polling /op/1 for ever would never end: a deadline says so.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	got, err := p.PollUntilDone(ctx, time.Millisecond)
	if err != nil || got.Name != "moved" || strings.Join(polls, ",") != "/op/1,/op/2" {
		t.Fatalf("got %+v, %v after polls %v", got, err, polls)
	}
}

// Location's final answer is the result, of a PUT too: the resource's URL
// is not fetched again (here it has no GET at all).
func TestPollerLocationAnswerIsTheResult(t *testing.T) {
	var n atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("PUT /res", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "/op")
		w.WriteHeader(202)
	})
	mux.HandleFunc("GET /op", func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) < 2 {
			w.WriteHeader(202)
			return
		}
		fmt.Fprint(w, `{"name":"r","state":"made"}`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	p, err := begin(t, http.MethodPut, srv.URL+"/res", "")
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.PollUntilDone(context.Background(), time.Millisecond)
	if err != nil || got.State != "made" {
		t.Fatalf("got %+v, %v", got, err)
	}
}

// A provisioningState in Location's answer (a DELETE's resource) decides
// how the operation ended; a state that is not final keeps it polling.
func TestPollerLocationProvisioningState(t *testing.T) {
	for final, wantErr := range map[string]bool{"Succeeded": false, "Failed": true, "Canceled": true} {
		var n atomic.Int32
		mux := http.NewServeMux()
		mux.HandleFunc("DELETE /res", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Location", "/op")
			w.WriteHeader(202)
		})
		mux.HandleFunc("GET /op", func(w http.ResponseWriter, r *http.Request) {
			state := "Deleting"
			if n.Add(1) > 1 {
				state = final
			}
			fmt.Fprintf(w, `{"name":"r","properties":{"provisioningState":%q}}`, state)
		})
		srv := httptest.NewServer(mux)
		p, err := begin(t, http.MethodDelete, srv.URL+"/res", "")
		if err != nil {
			t.Fatal(err)
		}
		_, err = p.PollUntilDone(context.Background(), time.Millisecond)
		var es *errStatus
		if wantErr != errors.As(err, &es) || n.Load() != 2 {
			t.Errorf("%s: err %v after %d polls", final, err, n.Load())
		}
		srv.Close()
	}
}

// A PUT or PATCH answered 200 with a terminal state is done, whatever
// monitor headers come with it.
func TestPollerTerminalFirstAnswerIgnoresHeaders(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("PATCH /res", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Azure-AsyncOperation", "/never")
		fmt.Fprint(w, `{"name":"r","properties":{"provisioningState":"Succeeded"}}`)
	})
	mux.HandleFunc("/never", func(w http.ResponseWriter, r *http.Request) {
		t.Error("the monitor of a finished operation was polled")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	p, err := begin(t, http.MethodPatch, srv.URL+"/res", "")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := p.PollUntilDone(context.Background(), time.Millisecond); !p.Done() || err != nil || got.Name != "r" {
		t.Fatalf("done %v, got %+v, %v", p.Done(), got, err)
	}
}

// A 201 without a provisioningState is created, not finished: the
// resource is polled, and an answer with no body cannot end it well.
func TestPoller201WithoutState(t *testing.T) {
	for body, want := range map[string]string{`{"name":"r","state":"there"}`: "there", "": ""} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodPut {
				w.WriteHeader(201)
				return
			}
			fmt.Fprint(w, body)
		}))
		p, err := begin(t, http.MethodPut, srv.URL+"/res", "")
		if err != nil {
			t.Fatal(err)
		}
		if p.Done() {
			t.Fatal("a 201 without a state ended the operation")
		}
		got, err := p.PollUntilDone(context.Background(), time.Millisecond)
		if want != "" && (err != nil || got.State != want) || want == "" && (err == nil || !strings.Contains(err.Error(), "no body")) {
			t.Errorf("poll answer %q: got %+v, %v", body, got, err)
		}
		srv.Close()
	}
}

// A 202 with nothing to follow: the operation was accepted, but how it
// ends cannot be known; that is an error, not a success.
func TestPoller202WithoutHeaders(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(202)
	}))
	defer srv.Close()
	for _, method := range []string{http.MethodPost, http.MethodDelete} {
		p, err := begin(t, method, srv.URL+"/act", "")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.PollUntilDone(context.Background(), time.Hour); err == nil || !strings.Contains(err.Error(), "accepted") {
			t.Errorf("%s: err %v", method, err)
		}
	}
	// A PUT's resource can be asked.
	var gets atomic.Int32
	put := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPut {
			w.WriteHeader(202)
			return
		}
		gets.Add(1)
		fmt.Fprint(w, `{"name":"r","properties":{"provisioningState":"Succeeded"}}`)
	}))
	defer put.Close()
	p, err := begin(t, http.MethodPut, put.URL+"/res", "")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := p.PollUntilDone(context.Background(), time.Millisecond); err != nil || got.Name != "r" || gets.Load() != 1 {
		t.Errorf("PUT: got %+v, %v after %d GETs", got, err, gets.Load())
	}
}
