package static

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

const missingRegistrationBody = `{"error":{"code":"MissingSubscriptionRegistration","message":"The subscription is not registered to use namespace 'Microsoft.Batch'."}}`

// armServer plays ARM for a subscription not registered with
// Microsoft.Batch: the resource answers 409 MissingSubscriptionRegistration
// until the provider is Registered, which takes registerPolls GETs after
// the POST …/register (-1: never; registerStatus: the POST's status).
type armServer struct {
	*httptest.Server
	mu             sync.Mutex
	log            []string
	bodies         []string
	registerPolls  int
	registerStatus int
	registered     bool
}

func newARMServer(t *testing.T, registerPolls int) *armServer {
	s := &armServer{registerPolls: registerPolls, registerStatus: 200}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		defer s.mu.Unlock()
		s.log = append(s.log, r.Method+" "+r.URL.Path+"?"+r.URL.RawQuery)
		const provider = "/subscriptions/sub1/providers/Microsoft.Batch"
		switch {
		case r.URL.Path == provider+"/register" && r.Method == "POST":
			w.WriteHeader(s.registerStatus)
			io.WriteString(w, `{"namespace":"Microsoft.Batch","registrationState":"Registering"}`)
		case r.URL.Path == provider && r.Method == "GET":
			state := "Registering"
			if s.registerPolls >= 0 {
				s.registerPolls--
				if s.registerPolls <= 0 {
					state, s.registered = "Registered", true
				}
			}
			io.WriteString(w, `{"namespace":"Microsoft.Batch","registrationState":"`+state+`"}`)
		case strings.HasPrefix(r.URL.Path, "/subscriptions/sub1/resourceGroups/rg/providers/Microsoft.Batch/"):
			s.bodies = append(s.bodies, string(body))
			if !s.registered {
				w.WriteHeader(409)
				io.WriteString(w, missingRegistrationBody)
				return
			}
			io.WriteString(w, `{"name":"a"}`)
		default:
			w.WriteHeader(404)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *armServer) requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.log...)
}

func (s *armServer) put(t *testing.T, p *pipeline) *http.Response {
	t.Helper()
	req, err := newRequest(context.Background(), "PUT", s.URL, "/subscriptions/sub1/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/a",
		url.Values{"api-version": {"2024-02-01"}}, map[string]string{"location": "westus"}, "application/json")
	if err != nil {
		t.Fatal(err)
	}
	resp, err := p.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// A 409 MissingSubscriptionRegistration registers the provider, waits
// until it is Registered, and sends the request again, body and all.
func TestRegistersMissingProvider(t *testing.T) {
	srv := newARMServer(t, 2)
	p, waits := testPipeline(srv.Client(), pipelineOptions{})
	resp := srv.put(t, p)
	if body := readAll(t, resp); resp.StatusCode != 200 || body != `{"name":"a"}` {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	want := []string{
		"PUT /subscriptions/sub1/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/a?api-version=2024-02-01",
		"POST /subscriptions/sub1/providers/Microsoft.Batch/register?api-version=2019-05-01",
		"GET /subscriptions/sub1/providers/Microsoft.Batch?api-version=2019-05-01",
		"GET /subscriptions/sub1/providers/Microsoft.Batch?api-version=2019-05-01",
		"PUT /subscriptions/sub1/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/a?api-version=2024-02-01",
	}
	if got := srv.requests(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("requests:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(*waits) != 2 || (*waits)[0] != 15*time.Second || (*waits)[1] != 15*time.Second {
		t.Errorf("waits %v, want 15s before each poll", *waits)
	}
	if len(srv.bodies) != 2 || srv.bodies[0] != `{"location":"westus"}` || srv.bodies[1] != srv.bodies[0] {
		t.Errorf("bodies %q", srv.bodies)
	}
}

// Turned off, or failing, or taking too long, registration leaves the
// 409 as the answer, its body intact for the ResponseError.
func TestRegistrationGivesUp(t *testing.T) {
	for _, tc := range []struct {
		name      string
		off       bool
		polls     int
		status    int
		requests  int
		wantPolls int
	}{
		{name: "off", off: true, polls: 0, status: 200, requests: 1},
		{name: "refused", polls: 0, status: 403, requests: 2},
		{name: "never registered", polls: -1, status: 200, requests: 2 + 20, wantPolls: 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newARMServer(t, tc.polls)
			srv.registerStatus = tc.status
			p, waits := testPipeline(srv.Client(), pipelineOptions{noRegistration: tc.off})
			resp := srv.put(t, p)
			if body := readAll(t, resp); resp.StatusCode != 409 || body != missingRegistrationBody || triesOf(resp) != 1 {
				t.Errorf("%d after %d tries: %s", resp.StatusCode, triesOf(resp), body)
			}
			if got := srv.requests(); len(got) != tc.requests {
				t.Errorf("%d requests, want %d:\n%s", len(got), tc.requests, strings.Join(got, "\n"))
			}
			if len(*waits) != tc.wantPolls {
				t.Errorf("%d waits, want %d", len(*waits), tc.wantPolls)
			}
		})
	}
}

// Registration is tried once per request: a 409 after it is the answer.
func TestRegistrationOnce(t *testing.T) {
	srv := newARMServer(t, 1)
	srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		srv.mu.Lock()
		srv.log = append(srv.log, r.Method+" "+r.URL.Path)
		srv.mu.Unlock()
		if strings.HasPrefix(r.URL.Path, "/subscriptions/sub1/providers/") {
			io.WriteString(w, `{"registrationState":"Registered"}`)
			return
		}
		w.WriteHeader(409)
		io.WriteString(w, missingRegistrationBody)
	})
	p, _ := testPipeline(srv.Client(), pipelineOptions{})
	resp := srv.put(t, p)
	resp.Body.Close()
	if got := srv.requests(); resp.StatusCode != 409 || len(got) != 3 {
		t.Errorf("%d after %s", resp.StatusCode, got)
	}
}

// Another 409 is not about registration.
func TestOtherConflictIsTheAnswer(t *testing.T) {
	srv := newScripted(t, answer{status: 409, body: `{"error":{"code":"Conflict"}}`}, answer{status: 200})
	p, _ := testPipeline(srv.Client(), pipelineOptions{})
	resp, err := p.Do(srv.request(t, context.Background(), "PUT", map[string]int{}))
	if err != nil {
		t.Fatal(err)
	}
	if body := readAll(t, resp); resp.StatusCode != 409 || body != `{"error":{"code":"Conflict"}}` || len(srv.received()) != 1 {
		t.Errorf("%d %s after %d requests", resp.StatusCode, body, len(srv.received()))
	}
}

func TestProviderOf(t *testing.T) {
	for _, tc := range []struct{ path, sub, ns string }{
		{"/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/a", "s1", "Microsoft.Batch"},
		{"/subscriptions/s1/providers/Microsoft.Compute/virtualMachines", "s1", "Microsoft.Compute"},
		// An extension resource: the last provider is the one refusing.
		{"/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm/providers/Microsoft.Insights/diagnosticSettings/d", "s1", "Microsoft.Insights"},
		{"/SUBSCRIPTIONS/s%2F1/resourcegroups/rg/PROVIDERS/Microsoft.Batch", "s%2F1", "Microsoft.Batch"},
		{"/subscriptions/s1/resourceGroups/rg", "s1", ""},
		{"/providers/Microsoft.Batch/operations", "", ""},
	} {
		u, _ := url.Parse("https://management.azure.com" + tc.path)
		if sub, ns := providerOf(u); sub != tc.sub || ns != tc.ns {
			t.Errorf("providerOf(%s) = %q, %q; want %q, %q", tc.path, sub, ns, tc.sub, tc.ns)
		}
	}
}
