//go:build conformance

package tests

import (
	"net/http"
	"strings"
	"testing"
	"time"

	hi "github.com/armgen/armgen/conformance/gen/httpinfrastructure"
)

// errOf keeps the error of a call: errOf(c.Get200(ctx, nil)).
func errOf[T any](_ T, err error) error { return err }

// statusError insists err is the package's *ResponseError of status.
func statusError(t *testing.T, err error, status int) *hi.ResponseError {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want a %d response error", status)
	}
	re := responseError[hi.ResponseError](t, err)
	if re.StatusCode != status {
		t.Fatalf("status %d, want %d (%v)", re.StatusCode, status, err)
	}
	return re
}

// noRedirects is an http.Client that returns a redirect as it is, instead
// of following it as http.Client does by default.
var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// newHI is a client of the server; it retries with the default policy but
// for the delays, which are kept short (the server asks for no wait).
func newHI(d Doer) *hi.Client {
	return hi.NewClient(d, &hi.ClientOptions{Endpoint: server, Retry: hi.RetryOptions{RetryDelay: time.Millisecond}})
}

// Every documented status, of every class, with and without a body.
func TestHTTPInfrastructure(t *testing.T) {
	c := newHI(nil)
	success := []struct {
		name string
		call func(c *hi.Client) error
	}{
		{"HttpSuccess200Put", func(c *hi.Client) error {
			return errOf(c.HTTPSuccess().Put200(ctx, &hi.HTTPSuccessPut200Options{BooleanValue: hi.Ptr(hi.HTTPSuccessPut200BooleanValueTrue)}))
		}},
		{"HttpSuccess200Post", func(c *hi.Client) error {
			return errOf(c.HTTPSuccess().Post200(ctx, &hi.HTTPSuccessPost200Options{BooleanValue: hi.Ptr(hi.HTTPSuccessPost200BooleanValueTrue)}))
		}},
		{"HttpSuccess200Patch", func(c *hi.Client) error {
			return errOf(c.HTTPSuccess().Patch200(ctx, &hi.HTTPSuccessPatch200Options{BooleanValue: hi.Ptr(hi.HTTPSuccessPatch200BooleanValueTrue)}))
		}},
		{"HttpSuccess200Delete", func(c *hi.Client) error {
			return errOf(c.HTTPSuccess().Delete200(ctx, &hi.HTTPSuccessDelete200Options{BooleanValue: hi.Ptr(hi.HTTPSuccessDelete200BooleanValueTrue)}))
		}},
		{"HttpSuccess201Put", func(c *hi.Client) error {
			return errOf(c.HTTPSuccess().Put201(ctx, &hi.HTTPSuccessPut201Options{BooleanValue: hi.Ptr(hi.HTTPSuccessPut201BooleanValueTrue)}))
		}},
		{"HttpSuccess201Post", func(c *hi.Client) error {
			return errOf(c.HTTPSuccess().Post201(ctx, &hi.HTTPSuccessPost201Options{BooleanValue: hi.Ptr(hi.HTTPSuccessPost201BooleanValueTrue)}))
		}},
		{"HttpSuccess202Put", func(c *hi.Client) error {
			return errOf(c.HTTPSuccess().Put202(ctx, &hi.HTTPSuccessPut202Options{BooleanValue: hi.Ptr(hi.HTTPSuccessPut202BooleanValueTrue)}))
		}},
		{"HttpSuccess202Post", func(c *hi.Client) error {
			return errOf(c.HTTPSuccess().Post202(ctx, &hi.HTTPSuccessPost202Options{BooleanValue: hi.Ptr(hi.HTTPSuccessPost202BooleanValueTrue)}))
		}},
		{"HttpSuccess202Patch", func(c *hi.Client) error {
			return errOf(c.HTTPSuccess().Patch202(ctx, &hi.HTTPSuccessPatch202Options{BooleanValue: hi.Ptr(hi.HTTPSuccessPatch202BooleanValueTrue)}))
		}},
		{"HttpSuccess202Delete", func(c *hi.Client) error {
			return errOf(c.HTTPSuccess().Delete202(ctx, &hi.HTTPSuccessDelete202Options{BooleanValue: hi.Ptr(hi.HTTPSuccessDelete202BooleanValueTrue)}))
		}},
		{"HttpSuccess204Put", func(c *hi.Client) error {
			return errOf(c.HTTPSuccess().Put204(ctx, &hi.HTTPSuccessPut204Options{BooleanValue: hi.Ptr(hi.HTTPSuccessPut204BooleanValueTrue)}))
		}},
		{"HttpSuccess204Post", func(c *hi.Client) error {
			return errOf(c.HTTPSuccess().Post204(ctx, &hi.HTTPSuccessPost204Options{BooleanValue: hi.Ptr(hi.HTTPSuccessPost204BooleanValueTrue)}))
		}},
		{"HttpSuccess204Patch", func(c *hi.Client) error {
			return errOf(c.HTTPSuccess().Patch204(ctx, &hi.HTTPSuccessPatch204Options{BooleanValue: hi.Ptr(hi.HTTPSuccessPatch204BooleanValueTrue)}))
		}},
		{"HttpSuccess204Delete", func(c *hi.Client) error {
			return errOf(c.HTTPSuccess().Delete204(ctx, &hi.HTTPSuccessDelete204Options{BooleanValue: hi.Ptr(hi.HTTPSuccessDelete204BooleanValueTrue)}))
		}},
	}
	clientFailures := []struct {
		name   string
		status int
		call   func(c *hi.Client) error
	}{
		{"HttpClientFailure400Head", 400, func(c *hi.Client) error { return errOf(c.HTTPClientFailure().Head400(ctx, nil)) }},
		{"HttpClientFailure400Get", 400, func(c *hi.Client) error { return errOf(c.HTTPClientFailure().Get400(ctx, nil)) }},
		{"HttpClientFailure400Options", 400, func(c *hi.Client) error { return errOf(c.HTTPClientFailure().Options400(ctx, nil)) }},
		{"HttpClientFailure400Put", 400, func(c *hi.Client) error {
			return errOf(c.HTTPClientFailure().Put400(ctx, &hi.HTTPClientFailurePut400Options{BooleanValue: hi.Ptr(hi.HTTPClientFailurePut400BooleanValueTrue)}))
		}},
		{"HttpClientFailure400Post", 400, func(c *hi.Client) error {
			return errOf(c.HTTPClientFailure().Post400(ctx, &hi.HTTPClientFailurePost400Options{BooleanValue: hi.Ptr(hi.HTTPClientFailurePost400BooleanValueTrue)}))
		}},
		{"HttpClientFailure400Patch", 400, func(c *hi.Client) error {
			return errOf(c.HTTPClientFailure().Patch400(ctx, &hi.HTTPClientFailurePatch400Options{BooleanValue: hi.Ptr(hi.HTTPClientFailurePatch400BooleanValueTrue)}))
		}},
		{"HttpClientFailure400Delete", 400, func(c *hi.Client) error {
			return errOf(c.HTTPClientFailure().Delete400(ctx, &hi.HTTPClientFailureDelete400Options{BooleanValue: hi.Ptr(hi.HTTPClientFailureDelete400BooleanValueTrue)}))
		}},
		{"HttpClientFailure401Head", 401, func(c *hi.Client) error { return errOf(c.HTTPClientFailure().Head401(ctx, nil)) }},
		{"HttpClientFailure402Get", 402, func(c *hi.Client) error { return errOf(c.HTTPClientFailure().Get402(ctx, nil)) }},
		{"HttpClientFailure403Get", 403, func(c *hi.Client) error { return errOf(c.HTTPClientFailure().Get403(ctx, nil)) }},
		{"HttpClientFailure403Options", 403, func(c *hi.Client) error { return errOf(c.HTTPClientFailure().Options403(ctx, nil)) }},
		{"HttpClientFailure404Put", 404, func(c *hi.Client) error {
			return errOf(c.HTTPClientFailure().Put404(ctx, &hi.HTTPClientFailurePut404Options{BooleanValue: hi.Ptr(hi.HTTPClientFailurePut404BooleanValueTrue)}))
		}},
		{"HttpClientFailure405Patch", 405, func(c *hi.Client) error {
			return errOf(c.HTTPClientFailure().Patch405(ctx, &hi.HTTPClientFailurePatch405Options{BooleanValue: hi.Ptr(hi.HTTPClientFailurePatch405BooleanValueTrue)}))
		}},
		{"HttpClientFailure406Post", 406, func(c *hi.Client) error {
			return errOf(c.HTTPClientFailure().Post406(ctx, &hi.HTTPClientFailurePost406Options{BooleanValue: hi.Ptr(hi.HTTPClientFailurePost406BooleanValueTrue)}))
		}},
		{"HttpClientFailure407Delete", 407, func(c *hi.Client) error {
			return errOf(c.HTTPClientFailure().Delete407(ctx, &hi.HTTPClientFailureDelete407Options{BooleanValue: hi.Ptr(hi.HTTPClientFailureDelete407BooleanValueTrue)}))
		}},
		{"HttpClientFailure409Put", 409, func(c *hi.Client) error {
			return errOf(c.HTTPClientFailure().Put409(ctx, &hi.HTTPClientFailurePut409Options{BooleanValue: hi.Ptr(hi.HTTPClientFailurePut409BooleanValueTrue)}))
		}},
		{"HttpClientFailure410Head", 410, func(c *hi.Client) error { return errOf(c.HTTPClientFailure().Head410(ctx, nil)) }},
		{"HttpClientFailure411Get", 411, func(c *hi.Client) error { return errOf(c.HTTPClientFailure().Get411(ctx, nil)) }},
		{"HttpClientFailure412Get", 412, func(c *hi.Client) error { return errOf(c.HTTPClientFailure().Get412(ctx, nil)) }},
		{"HttpClientFailure412Options", 412, func(c *hi.Client) error { return errOf(c.HTTPClientFailure().Options412(ctx, nil)) }},
		{"HttpClientFailure413Put", 413, func(c *hi.Client) error {
			return errOf(c.HTTPClientFailure().Put413(ctx, &hi.HTTPClientFailurePut413Options{BooleanValue: hi.Ptr(hi.HTTPClientFailurePut413BooleanValueTrue)}))
		}},
		{"HttpClientFailure414Patch", 414, func(c *hi.Client) error {
			return errOf(c.HTTPClientFailure().Patch414(ctx, &hi.HTTPClientFailurePatch414Options{BooleanValue: hi.Ptr(hi.HTTPClientFailurePatch414BooleanValueTrue)}))
		}},
		{"HttpClientFailure415Post", 415, func(c *hi.Client) error {
			return errOf(c.HTTPClientFailure().Post415(ctx, &hi.HTTPClientFailurePost415Options{BooleanValue: hi.Ptr(hi.HTTPClientFailurePost415BooleanValueTrue)}))
		}},
		{"HttpClientFailure416Get", 416, func(c *hi.Client) error { return errOf(c.HTTPClientFailure().Get416(ctx, nil)) }},
		{"HttpClientFailure417Delete", 417, func(c *hi.Client) error {
			return errOf(c.HTTPClientFailure().Delete417(ctx, &hi.HTTPClientFailureDelete417Options{BooleanValue: hi.Ptr(hi.HTTPClientFailureDelete417BooleanValueTrue)}))
		}},
		{"HttpClientFailure429Head", 429, func(c *hi.Client) error { return errOf(c.HTTPClientFailure().Head429(ctx, nil)) }},
	}
	serverFailures := []struct {
		name   string
		status int
		call   func(c *hi.Client) error
	}{
		{"HttpServerFailure501Head", 501, func(c *hi.Client) error { return errOf(c.HTTPServerFailure().Head501(ctx, nil)) }},
		{"HttpServerFailure501Get", 501, func(c *hi.Client) error { return errOf(c.HTTPServerFailure().Get501(ctx, nil)) }},
		{"HttpServerFailure505Post", 505, func(c *hi.Client) error {
			return errOf(c.HTTPServerFailure().Post505(ctx, &hi.HTTPServerFailurePost505Options{BooleanValue: hi.Ptr(hi.HTTPServerFailurePost505BooleanValueTrue)}))
		}},
		{"HttpServerFailure505Delete", 505, func(c *hi.Client) error {
			return errOf(c.HTTPServerFailure().Delete505(ctx, &hi.HTTPServerFailureDelete505Options{BooleanValue: hi.Ptr(hi.HTTPServerFailureDelete505BooleanValueTrue)}))
		}},
	}
	retries := []struct {
		name   string
		status int
		call   func(c *hi.Client) error
	}{
		{"HttpRetry408Head", 408, func(c *hi.Client) error { return errOf(c.HTTPRetry().Head408(ctx, nil)) }},
		{"HttpRetry500Put", 500, func(c *hi.Client) error {
			return errOf(c.HTTPRetry().Put500(ctx, &hi.HTTPRetryPut500Options{BooleanValue: hi.Ptr(hi.HTTPRetryPut500BooleanValueTrue)}))
		}},
		{"HttpRetry500Patch", 500, func(c *hi.Client) error {
			return errOf(c.HTTPRetry().Patch500(ctx, &hi.HTTPRetryPatch500Options{BooleanValue: hi.Ptr(hi.HTTPRetryPatch500BooleanValueTrue)}))
		}},
		{"HttpRetry502Get", 502, func(c *hi.Client) error { return errOf(c.HTTPRetry().Get502(ctx, nil)) }},
		{"HttpRetry502Options", 502, func(c *hi.Client) error { return errOf(c.HTTPRetry().Options502(ctx, nil)) }},
		{"HttpRetry503Post", 503, func(c *hi.Client) error {
			return errOf(c.HTTPRetry().Post503(ctx, &hi.HTTPRetryPost503Options{BooleanValue: hi.Ptr(hi.HTTPRetryPost503BooleanValueTrue)}))
		}},
		{"HttpRetry503Delete", 503, func(c *hi.Client) error {
			return errOf(c.HTTPRetry().Delete503(ctx, &hi.HTTPRetryDelete503Options{BooleanValue: hi.Ptr(hi.HTTPRetryDelete503BooleanValueTrue)}))
		}},
		{"HttpRetry504Put", 504, func(c *hi.Client) error {
			return errOf(c.HTTPRetry().Put504(ctx, &hi.HTTPRetryPut504Options{BooleanValue: hi.Ptr(hi.HTTPRetryPut504BooleanValueTrue)}))
		}},
		{"HttpRetry504Patch", 504, func(c *hi.Client) error {
			return errOf(c.HTTPRetry().Patch504(ctx, &hi.HTTPRetryPatch504Options{BooleanValue: hi.Ptr(hi.HTTPRetryPatch504BooleanValueTrue)}))
		}},
	}

	for _, tc := range success {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.call(c); err != nil {
				t.Fatal(err)
			}
		})
	}
	// The one with a body, and the HEADs, say more.
	t.Run("HttpSuccess200Get", func(t *testing.T) {
		equal(t, call(c.HTTPSuccess().Get200(ctx, nil)).ok(t).Value, true)
	})
	t.Run("HttpSuccess200Head", func(t *testing.T) { equal(t, call(c.HTTPSuccess().Head200(ctx, nil)).ok(t).Success, true) })
	t.Run("HttpSuccess204Head", func(t *testing.T) { equal(t, call(c.HTTPSuccess().Head204(ctx, nil)).ok(t).Success, true) })
	// A documented 404 of a HEAD is an answer: it does not exist.
	t.Run("HttpSuccess404Head", func(t *testing.T) { equal(t, call(c.HTTPSuccess().Head404(ctx, nil)).ok(t).Success, false) })

	// A status the operation does not document is a *ResponseError with
	// that status (a HEAD's has no body to read).
	for _, tc := range append(clientFailures, serverFailures...) {
		t.Run(tc.name, func(t *testing.T) {
			statusError(t, tc.call(c), tc.status)
		})
	}

	// The server fails the first try (408, 500, 502, 503, 504), keeping
	// track of it in a cookie, as any http.Client with a jar sends back.
	// With retries off, that answer is the error; by default the client
	// tries again and the second try succeeds, the body of a PUT, PATCH,
	// POST or DELETE sent again.
	for _, tc := range retries {
		t.Run(tc.name, func(t *testing.T) {
			off := hi.NewClient(cookieClient(t), &hi.ClientOptions{Endpoint: server, Retry: hi.RetryOptions{MaxRetries: -1}})
			equal(t, statusError(t, tc.call(off), tc.status).Tries, 1)
			r := record(cookieClient(t))
			if err := tc.call(newHI(r)); err != nil {
				t.Fatal(err)
			}
			equal(t, len(r.requests()), 2)
		})
	}
}

// Redirects. http.Client follows 301, 302, 303, 307 and 308 itself (a
// 301 or 302 of a PUT or PATCH, and a 303, as a GET; a 307 with the same
// method and body); armgen then parses the final answer. A Doer that
// does not follow them (CheckRedirect returning http.ErrUseLastResponse)
// gets the documented 3xx itself, with its Location.
func TestHTTPRedirects(t *testing.T) {
	follow := newHI(nil).HTTPRedirects()
	stay := newHI(noRedirects).HTTPRedirects()

	// 300 Multiple Choices is not followed by anyone: it is the answer.
	t.Run("HttpRedirect300Head", func(t *testing.T) {
		r := call(follow.Head300(ctx, nil)).ok(t)
		equal(t, *r.Location, "/http/success/head/200")
		equal(t, r.Success, false) // a 3xx is not a 2xx
	})
	t.Run("HttpRedirect300Get", func(t *testing.T) {
		r := call(follow.Get300(ctx, nil)).ok(t)
		equal(t, *r.Location, "/http/success/get/200")
		equal(t, strings.Join(r.Value, ","), "/http/success/get/200")
	})

	t.Run("HttpRedirect301Head", func(t *testing.T) {
		equal(t, call(follow.Head301(ctx, nil)).ok(t).Success, true)
		r := call(stay.Head301(ctx, nil)).ok(t)
		equal(t, *r.Location, "/http/success/head/200")
	})
	t.Run("HttpRedirect301Get", func(t *testing.T) {
		equal(t, call(follow.Get301(ctx, nil)).ok(t).Location == nil, true)
		equal(t, *call(stay.Get301(ctx, nil)).ok(t).Location, "/http/success/get/200")
	})
	t.Run("HttpRedirect302Head", func(t *testing.T) {
		equal(t, call(follow.Head302(ctx, nil)).ok(t).Success, true)
		equal(t, *call(stay.Head302(ctx, nil)).ok(t).Location, "/http/success/head/200")
	})
	t.Run("HttpRedirect302Get", func(t *testing.T) {
		call(follow.Get302(ctx, nil)).ok(t)
		equal(t, *call(stay.Get302(ctx, nil)).ok(t).Location, "/http/success/get/200")
	})
	// A 301 to a PUT and a 302 to a PATCH are documented as the answer
	// (following them would turn the request into a GET elsewhere): the
	// caller reads Location and decides.
	t.Run("HttpRedirect301Put", func(t *testing.T) {
		r := call(stay.Put301(ctx, &hi.HTTPRedirectsPut301Options{BooleanValue: hi.Ptr(hi.HTTPRedirectsPut301BooleanValueTrue)})).ok(t)
		equal(t, *r.Location, "/http/failure/500")
	})
	t.Run("HttpRedirect302Patch", func(t *testing.T) {
		r := call(stay.Patch302(ctx, &hi.HTTPRedirectsPatch302Options{BooleanValue: hi.Ptr(hi.HTTPRedirectsPatch302BooleanValueTrue)})).ok(t)
		equal(t, *r.Location, "/http/failure/500")
	})
	t.Run("HttpRedirect303Post", func(t *testing.T) {
		call(follow.Post303(ctx, &hi.HTTPRedirectsPost303Options{BooleanValue: hi.Ptr(hi.HTTPRedirectsPost303BooleanValueTrue)})).ok(t)
		r := call(stay.Post303(ctx, &hi.HTTPRedirectsPost303Options{BooleanValue: hi.Ptr(hi.HTTPRedirectsPost303BooleanValueTrue)})).ok(t)
		equal(t, *r.Location, "/http/success/get/200")
	})
	t.Run("HttpRedirect307Head", func(t *testing.T) {
		equal(t, call(follow.Head307(ctx, nil)).ok(t).Success, true)
		equal(t, *call(stay.Head307(ctx, nil)).ok(t).Location, "/http/success/head/200")
	})
	t.Run("HttpRedirect307Get", func(t *testing.T) {
		call(follow.Get307(ctx, nil)).ok(t)
		equal(t, *call(stay.Get307(ctx, nil)).ok(t).Location, "/http/success/get/200")
	})
	t.Run("HttpRedirect307Options", func(t *testing.T) {
		call(follow.Options307(ctx, nil)).ok(t)
		equal(t, *call(stay.Options307(ctx, nil)).ok(t).Location, "/http/success/options/200")
	})
	// A 307 keeps the method and the body: the request body can be sent
	// again (armgen's requests carry GetBody).
	t.Run("HttpRedirect307Put", func(t *testing.T) {
		call(follow.Put307(ctx, &hi.HTTPRedirectsPut307Options{BooleanValue: hi.Ptr(hi.HTTPRedirectsPut307BooleanValueTrue)})).ok(t)
		equal(t, *call(stay.Put307(ctx, nil)).ok(t).Location, "/http/success/put/200")
	})
	t.Run("HttpRedirect307Patch", func(t *testing.T) {
		call(follow.Patch307(ctx, &hi.HTTPRedirectsPatch307Options{BooleanValue: hi.Ptr(hi.HTTPRedirectsPatch307BooleanValueTrue)})).ok(t)
		equal(t, *call(stay.Patch307(ctx, nil)).ok(t).Location, "/http/success/patch/200")
	})
	t.Run("HttpRedirect307Post", func(t *testing.T) {
		call(follow.Post307(ctx, &hi.HTTPRedirectsPost307Options{BooleanValue: hi.Ptr(hi.HTTPRedirectsPost307BooleanValueTrue)})).ok(t)
		equal(t, *call(stay.Post307(ctx, nil)).ok(t).Location, "/http/success/post/200")
	})
	t.Run("HttpRedirect307Delete", func(t *testing.T) {
		call(follow.Delete307(ctx, &hi.HTTPRedirectsDelete307Options{BooleanValue: hi.Ptr(hi.HTTPRedirectsDelete307BooleanValueTrue)})).ok(t)
		equal(t, *call(stay.Delete307(ctx, nil)).ok(t).Location, "/http/success/delete/200")
	})
}

// Error bodies: a documented error model, one that is empty, and none.
func TestHTTPFailure(t *testing.T) {
	c := newHI(nil).HTTPFailure()
	t.Run("ResponsesScenarioEmptyErrorBody", func(t *testing.T) {
		re := statusError(t, errOf(c.GetEmptyError(ctx, nil)), 400)
		equal(t, re.ErrorBody != nil, true)
		equal(t, *re.ErrorBody.Message, "")
		equal(t, re.Message, "")
	})
	// No error model: the body is kept raw, and its message still read.
	t.Run("ResponsesScenarioNoModelErrorBody", func(t *testing.T) {
		re := statusError(t, errOf(c.GetNoModelError(ctx, nil)), 400)
		equal(t, string(re.RawBody), `{"message":"NoErrorModel"}`)
	})
	t.Run("ResponsesScenarioNoModelEmptyBody", func(t *testing.T) {
		re := statusError(t, errOf(c.GetNoModelEmpty(ctx, nil)), 400)
		equal(t, len(re.RawBody), 0)
	})
}

// Operations that document several statuses, with and without bodies, of
// the same or different models, and a default error with a model or
// none. A status not documented is an error, whatever its class; a body
// the spec does not document for a status is not read.
func TestMultipleResponses(t *testing.T) {
	c := newHI(nil).MultipleResponses()
	statusCode := func(t *testing.T, e hi.MyException, want string) {
		t.Helper()
		if e.StatusCode == nil || *e.StatusCode != want {
			t.Fatalf("statusCode %v, want %s (%+v)", e.StatusCode, want, e)
		}
	}
	clientError := func(t *testing.T, err error) {
		t.Helper()
		re := statusError(t, err, 400)
		equal(t, *re.ErrorBody.Message, "client error")
		equal(t, re.Message, "client error")
	}

	// 200 A, 204 none, default Error.
	t.Run("ResponsesScenarioA200MatchingModel", func(t *testing.T) {
		statusCode(t, call(c.Get200Model204NoModelDefaultError200Valid(ctx, nil)).ok(t).MyException, "200")
	})
	t.Run("ResponsesScenarioA204MatchingNoModel", func(t *testing.T) {
		equal(t, call(c.Get200Model204NoModelDefaultError204Valid(ctx, nil)).ok(t).StatusCode == nil, true)
	})
	t.Run("ResponsesScenarioA201DefaultNoModel", func(t *testing.T) {
		re := statusError(t, errOf(c.Get200Model204NoModelDefaultError201Invalid(ctx, nil)), 201)
		equal(t, string(re.RawBody), `{"statusCode":"201"}`)
	})
	t.Run("ResponsesScenarioA202DefaultNoModel", func(t *testing.T) {
		statusError(t, errOf(c.Get200Model204NoModelDefaultError202None(ctx, nil)), 202)
	})
	t.Run("ResponsesScenarioA400DefaultModel", func(t *testing.T) {
		clientError(t, errOf(c.Get200Model204NoModelDefaultError400Valid(ctx, nil)))
	})

	// 200 A, 201 B (A and one more property), default Error.
	t.Run("ResponsesScenarioB200MatchingModel", func(t *testing.T) {
		r := call(c.Get200Model201ModelDefaultError200Valid(ctx, nil)).ok(t)
		statusCode(t, r.MyException, "200")
		equal(t, r.B == nil, true)
	})
	t.Run("ResponsesScenarioB201MatchingModel", func(t *testing.T) {
		r := call(c.Get200Model201ModelDefaultError201Valid(ctx, nil)).ok(t)
		equal(t, r.StatusCode == nil, true)
		equal(t, *r.B.StatusCode, "201")
		equal(t, *r.B.TextStatusCode, "Created")
	})
	t.Run("ResponsesScenarioB400DefaultModel", func(t *testing.T) {
		clientError(t, errOf(c.Get200Model201ModelDefaultError400Valid(ctx, nil)))
	})

	// 200 A, 201 C, 404 D, default Error.
	t.Run("ResponsesScenarioC200MatchingModel", func(t *testing.T) {
		r := call(c.Get200ModelA201ModelC404ModelDDefaultError200Valid(ctx, nil)).ok(t)
		statusCode(t, r.MyException, "200")
		equal(t, r.C == nil && r.D == nil, true)
	})
	t.Run("ResponsesScenarioC201MatchingModel", func(t *testing.T) {
		r := call(c.Get200ModelA201ModelC404ModelDDefaultError201Valid(ctx, nil)).ok(t)
		equal(t, *r.C.HTTPCode, "201")
		equal(t, r.D == nil, true)
	})
	// A documented 404 with a model is an answer, not an error.
	t.Run("ResponsesScenarioC404MatchingModel", func(t *testing.T) {
		r := call(c.Get200ModelA201ModelC404ModelDDefaultError404Valid(ctx, nil)).ok(t)
		equal(t, *r.D.HTTPStatusCode, "404")
		equal(t, r.C == nil, true)
	})
	t.Run("ResponsesScenarioC400DefaultModel", func(t *testing.T) {
		clientError(t, errOf(c.Get200ModelA201ModelC404ModelDDefaultError400Valid(ctx, nil)))
	})

	// 202 none, 204 none, default Error.
	t.Run("ResponsesScenarioD202MatchingNoModel", func(t *testing.T) {
		call(c.Get202None204NoneDefaultError202None(ctx, nil)).ok(t)
	})
	t.Run("ResponsesScenarioD204MatchingNoModel", func(t *testing.T) {
		call(c.Get202None204NoneDefaultError204None(ctx, nil)).ok(t)
	})
	t.Run("ResponsesScenarioD400DefaultModel", func(t *testing.T) {
		clientError(t, errOf(c.Get202None204NoneDefaultError400Valid(ctx, nil)))
	})

	// 202 none, 204 none, default none.
	t.Run("ResponsesScenarioE202MatchingInvalid", func(t *testing.T) {
		// A body the 202 does not document is not read.
		call(c.Get202None204NoneDefaultNone202Invalid(ctx, nil)).ok(t)
	})
	t.Run("ResponsesScenarioE204MatchingNoModel", func(t *testing.T) {
		call(c.Get202None204NoneDefaultNone204None(ctx, nil)).ok(t)
	})
	t.Run("ResponsesScenarioE400DefaultNoModel", func(t *testing.T) {
		equal(t, len(statusError(t, errOf(c.Get202None204NoneDefaultNone400None(ctx, nil)), 400).RawBody), 0)
	})
	t.Run("ResponsesScenarioE400DefaultInvalid", func(t *testing.T) {
		re := statusError(t, errOf(c.Get202None204NoneDefaultNone400Invalid(ctx, nil)), 400)
		equal(t, string(re.RawBody), `{"property":"value"}`)
	})

	// default A (the error model), 200 none.
	t.Run("ResponsesScenarioF200DefaultModel", func(t *testing.T) {
		statusCode(t, call(c.GetDefaultModelA200Valid(ctx, nil)).ok(t).MyException, "200")
	})
	t.Run("ResponsesScenarioF200DefaultNone", func(t *testing.T) {
		equal(t, call(c.GetDefaultModelA200None(ctx, nil)).ok(t).StatusCode == nil, true)
	})
	t.Run("ResponsesScenarioF400DefaultModel", func(t *testing.T) {
		re := statusError(t, errOf(c.GetDefaultModelA400Valid(ctx, nil)), 400)
		equal(t, re.MyException == nil, true) // the server sends no body
	})
	t.Run("ResponsesScenarioF400DefaultNone", func(t *testing.T) {
		re := statusError(t, errOf(c.GetDefaultModelA400None(ctx, nil)), 400)
		// The body is the error model's shape in name only: kept in Extra.
		equal(t, string(re.MyException.Extra["property"]), `"value"`)
	})

	// default none, 200 none.
	t.Run("ResponsesScenarioG200DefaultInvalid", func(t *testing.T) {
		call(c.GetDefaultNone200Invalid(ctx, nil)).ok(t)
	})
	t.Run("ResponsesScenarioG200DefaultNoModel", func(t *testing.T) {
		call(c.GetDefaultNone200None(ctx, nil)).ok(t)
	})
	t.Run("ResponsesScenarioG400DefaultInvalid", func(t *testing.T) {
		re := statusError(t, errOf(c.GetDefaultNone400Invalid(ctx, nil)), 400)
		equal(t, string(re.RawBody), `{"statusCode":"200"}`)
	})
	t.Run("ResponsesScenarioG400DefaultNoModel", func(t *testing.T) {
		statusError(t, errOf(c.GetDefaultNone400None(ctx, nil)), 400)
	})

	// 200 A only.
	t.Run("ResponsesScenarioH200MatchingNone", func(t *testing.T) {
		equal(t, call(c.Get200ModelA200None(ctx, nil)).ok(t).StatusCode == nil, true)
	})
	t.Run("ResponsesScenarioH200MatchingModel", func(t *testing.T) {
		statusCode(t, call(c.Get200ModelA200Valid(ctx, nil)).ok(t).MyException, "200")
	})
	// A body that is not the model's shape decodes leniently: what has no
	// field is kept in Extra, nothing is lost.
	t.Run("ResponsesScenarioH200MatchingInvalid", func(t *testing.T) {
		r := call(c.Get200ModelA200Invalid(ctx, nil)).ok(t)
		equal(t, r.StatusCode == nil, true)
		equal(t, string(r.Extra["statusCodeInvalid"]), `"200"`)
	})
	t.Run("ResponsesScenarioH400NonMatchingNone", func(t *testing.T) {
		statusError(t, errOf(c.Get200ModelA400None(ctx, nil)), 400)
	})
	t.Run("ResponsesScenarioH400NonMatchingModel", func(t *testing.T) {
		re := statusError(t, errOf(c.Get200ModelA400Valid(ctx, nil)), 400)
		equal(t, string(re.RawBody), `{"statusCode":"200"}`)
	})
	t.Run("ResponsesScenarioH400NonMatchingInvalid", func(t *testing.T) {
		statusError(t, errOf(c.Get200ModelA400Invalid(ctx, nil)), 400)
	})
	t.Run("ResponsesScenarioH202NonMatchingModel", func(t *testing.T) {
		statusError(t, errOf(c.Get200ModelA202Valid(ctx, nil)), 202)
	})
}
