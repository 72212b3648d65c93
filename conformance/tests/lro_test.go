//go:build conformance

package tests

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"testing"
	"time"

	"github.com/armgen/armgen/conformance/gen/lro"
)

// The test server keeps the state of a long-running operation in a
// cookie, so every client here sends through an http.Client with a
// cookie jar, as a browser would; Azure itself needs none.
func cookieClient(t *testing.T) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar}
}

// pollFrequency is short: the server asks for no wait (Retry-After: 0)
// or none at all, and the whole file runs in well under a second.
const pollFrequency = time.Millisecond

// errNeverEnded is what finish returns for an operation that did not end.
var errNeverEnded = errors.New("the operation did not end within 20s")

// finish follows an operation that BeginX started to its end, as a user
// would: finish(c.BeginX(…)). It has a deadline, so that a poller that
// never ends fails the test instead of hanging it. An error from BeginX
// is returned as it is.
func finish[T any](p *lro.Poller[T], err error) (T, error) {
	var zero T
	if err != nil {
		return zero, err
	}
	c, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	v, err := p.PollUntilDone(c, pollFrequency)
	if c.Err() != nil {
		return zero, fmt.Errorf("%w: %v", errNeverEnded, err)
	}
	return v, err
}

// sad insists the operation failed, and ended doing so.
func sad(t *testing.T, err error) error {
	t.Helper()
	if errors.Is(err, errNeverEnded) {
		t.Fatal(err)
	}
	return call(0, err).failed(t)
}

// product is what the PUT and POST scenarios send.
func product() *lro.Product {
	return &lro.Product{Location: lro.Ptr("West US"), Tags: map[string]string{"k": "v"}}
}

// succeeded checks a resource the operation ended with.
func succeeded(t *testing.T, p lro.Product) {
	t.Helper()
	if p.ID == nil || *p.ID != "100" || p.Properties == nil || p.Properties.ProvisioningState == nil || *p.Properties.ProvisioningState != "Succeeded" {
		t.Fatalf("result %+v (properties %+v), want product 100, Succeeded", p, p.Properties)
	}
}

// failedWith insists the operation failed with the package's
// *ResponseError of the status and returns it.
func failedWith(t *testing.T, err error, status int) *lro.ResponseError {
	t.Helper()
	sad(t, err)
	re := responseError[lro.ResponseError](t, err)
	if re.StatusCode != status {
		t.Fatalf("status %d, want %d (%v)", re.StatusCode, status, err)
	}
	return re
}

// failedState insists the operation ended Failed or Canceled: a
// *ResponseError whose body says so.
func failedState(t *testing.T, err error, state string) {
	t.Helper()
	sad(t, err)
	re := responseError[lro.ResponseError](t, err)
	if !strings.Contains(string(re.RawBody), state) {
		t.Fatalf("error %v with body %s; want one saying %s", err, re.RawBody, state)
	}
}

func TestLRO(t *testing.T) {
	c := lro.NewClient(cookieClient(t), &lro.ClientOptions{Endpoint: server}).LROS()

	// Done at once: a 200 or 201 with a terminal state, or a 204.
	t.Run("LROPutInlineComplete", func(t *testing.T) {
		p := call(c.BeginPut200Succeeded(ctx, &lro.LROSPut200SucceededOptions{Product: product()})).ok(t)
		equal(t, p.Done(), true)
		succeeded(t, call(finish(p, nil)).ok(t).Product)
	})
	t.Run("LROPutInlineComplete201", func(t *testing.T) {
		p := call(c.BeginPut201Succeeded(ctx, &lro.LROSPut201SucceededOptions{Product: product()})).ok(t)
		equal(t, p.Done(), true)
		succeeded(t, call(finish(p, nil)).ok(t).Product)
	})
	t.Run("LROPut200InlineCompleteNoState", func(t *testing.T) {
		r := call(finish(c.BeginPut200SucceededNoState(ctx, &lro.LROSPut200SucceededNoStateOptions{Product: product()}))).ok(t)
		equal(t, *r.ID, "100")
		equal(t, r.Properties == nil, true)
	})
	// A 200 with Succeeded ends a PATCH, whatever headers come with it
	// (this one points to a URL that must not be called).
	t.Run("LROPatchInlineCompleteIgnoreHeaders", func(t *testing.T) {
		p := call(c.BeginPatch200SucceededIgnoreHeaders(ctx, &lro.LROSPatch200SucceededIgnoreHeadersOptions{Product: product()})).ok(t)
		equal(t, p.Done(), true)
		succeeded(t, call(finish(p, nil)).ok(t).Product)
	})
	t.Run("LRODeleteInlineComplete", func(t *testing.T) {
		p := call(c.BeginDelete204Succeeded(ctx, nil)).ok(t)
		equal(t, p.Done(), true)
		call(finish(p, nil)).ok(t)
	})

	// Azure-AsyncOperation (status monitor), then the resource.
	t.Run("LROPatch201WithAsyncHeader", func(t *testing.T) {
		r := call(finish(c.BeginPatch201RetryWithAsyncHeader(ctx, &lro.LROSPatch201RetryWithAsyncHeaderOptions{Product: product()}))).ok(t)
		equal(t, *r.ID, "/lro/patch/201/retry/onlyAsyncHeader")
		equal(t, *r.Properties.ProvisioningState, "Succeeded")
	})
	t.Run("LROPatch202WithAsyncAndLocationHeader", func(t *testing.T) {
		r := call(finish(c.BeginPatch202RetryWithAsyncAndLocationHeader(ctx, &lro.LROSPatch202RetryWithAsyncAndLocationHeaderOptions{Product: product()}))).ok(t)
		// A PATCH ends with the resource itself (its original URL).
		equal(t, *r.ID, "/lro/patch/202/retry/asyncAndLocationHeader")
	})
	t.Run("LROPutAsyncRetrySucceeded", func(t *testing.T) {
		r := call(finish(c.BeginPutAsyncRetrySucceeded(ctx, &lro.LROSPutAsyncRetrySucceededOptions{Product: product()}))).ok(t)
		succeeded(t, r.Product)
	})
	t.Run("LROPutAsyncNoRetrySucceeded", func(t *testing.T) {
		r := call(finish(c.BeginPutAsyncNoRetrySucceeded(ctx, &lro.LROSPutAsyncNoRetrySucceededOptions{Product: product()}))).ok(t)
		succeeded(t, r.Product)
	})
	t.Run("LROPutAsyncRetryFailed", func(t *testing.T) {
		_, err := finish(c.BeginPutAsyncRetryFailed(ctx, &lro.LROSPutAsyncRetryFailedOptions{Product: product()}))
		failedState(t, err, "Failed")
	})
	t.Run("LROPutAsyncNoRetryCanceled", func(t *testing.T) {
		_, err := finish(c.BeginPutAsyncNoRetrycanceled(ctx, &lro.LROSPutAsyncNoRetrycanceledOptions{Product: product()}))
		failedState(t, err, "Canceled")
	})
	// The monitor answers InProgress, then Succeeded; the Location header
	// ("somethingBadWhichShouldNotBeUsed") is not used by a PUT.
	t.Run("LROPutAsyncNoHeaderInRetry", func(t *testing.T) {
		r := call(finish(c.BeginPutAsyncNoHeaderInRetry(ctx, &lro.LROSPutAsyncNoHeaderInRetryOptions{Product: product()}))).ok(t)
		succeeded(t, r.Product)
	})
	t.Run("LROPutSubResourceAsyncInRetry", func(t *testing.T) {
		r := call(finish(c.BeginPutAsyncSubResource(ctx, &lro.LROSPutAsyncSubResourceOptions{Product: &lro.SubProduct{}}))).ok(t)
		equal(t, *r.ID, "100")
		equal(t, *r.Properties.ProvisioningState, "Succeeded")
	})
	t.Run("LROPutNonResourceAsyncInRetry", func(t *testing.T) {
		r := call(finish(c.BeginPutAsyncNonResource(ctx, &lro.LROSPutAsyncNonResourceOptions{SKU: &lro.SKU{Name: lro.Ptr("sku")}}))).ok(t)
		equal(t, *r.Name, "sku")
		equal(t, *r.ID, "100")
	})
	t.Run("LRODeleteAsyncRetrySucceeded", func(t *testing.T) {
		call(finish(c.BeginDeleteAsyncRetrySucceeded(ctx, nil))).ok(t)
	})
	t.Run("LRODeleteAsyncNoRetrySucceeded", func(t *testing.T) {
		call(finish(c.BeginDeleteAsyncNoRetrySucceeded(ctx, nil))).ok(t)
	})
	t.Run("LRODeleteAsyncRetryFailed", func(t *testing.T) {
		_, err := finish(c.BeginDeleteAsyncRetryFailed(ctx, nil))
		failedState(t, err, "Failed")
	})
	t.Run("LRODeleteAsyncRetryCanceled", func(t *testing.T) {
		_, err := finish(c.BeginDeleteAsyncRetrycanceled(ctx, nil))
		failedState(t, err, "Canceled")
	})
	t.Run("LRODeleteAsyncNoHeaderInRetry", func(t *testing.T) {
		call(finish(c.BeginDeleteAsyncNoHeaderInRetry(ctx, nil))).ok(t)
	})
	// A POST's result is at Location once the monitor says Succeeded.
	t.Run("LROPostAsyncRetrySucceeded", func(t *testing.T) {
		r := call(finish(c.BeginPostAsyncRetrySucceeded(ctx, &lro.LROSPostAsyncRetrySucceededOptions{Product: product()}))).ok(t)
		succeeded(t, r.Product)
	})
	t.Run("LROPostAsyncNoRetrySucceeded", func(t *testing.T) {
		r := call(finish(c.BeginPostAsyncNoRetrySucceeded(ctx, &lro.LROSPostAsyncNoRetrySucceededOptions{Product: product()}))).ok(t)
		succeeded(t, r.Product)
	})
	t.Run("LROPostAsyncRetryFailed", func(t *testing.T) {
		_, err := finish(c.BeginPostAsyncRetryFailed(ctx, &lro.LROSPostAsyncRetryFailedOptions{Product: product()}))
		failedState(t, err, "Failed")
		equal(t, strings.Contains(string(responseError[lro.ResponseError](t, err).RawBody), "Internal Server Error"), true)
	})
	t.Run("LROPostAsyncRetryCanceled", func(t *testing.T) {
		_, err := finish(c.BeginPostAsyncRetrycanceled(ctx, &lro.LROSPostAsyncRetrycanceledOptions{Product: product()}))
		failedState(t, err, "Canceled")
	})
	// The result is a list, fetched from Location.
	t.Run("LROPostAndGetList", func(t *testing.T) {
		r := call(finish(c.BeginPost202List(ctx, nil))).ok(t)
		equal(t, len(r.Value), 1)
		equal(t, *r.Value[0].ID, "100")
		equal(t, *r.Value[0].Name, "foo")
	})

	// Both headers, and final-state-via saying (or not) where the result is.
	t.Run("LROPostDoubleHeadersFinalLocationGet", func(t *testing.T) {
		rec := record(cookieClient(t))
		cl := lro.NewClient(rec, &lro.ClientOptions{Endpoint: server}).LROS()
		r := call(finish(cl.BeginPostDoubleHeadersFinalLocationGet(ctx, nil))).ok(t)
		equal(t, *r.ID, "100")
		equal(t, *r.Name, "foo")
		// The three steps the server counts as three scenarios (below).
		equal(t, paths(rec), "POST /lro/LROPostDoubleHeadersFinalLocationGet, GET /lro/LROPostDoubleHeadersFinalLocationGet/asyncOperationUrl, GET /lro/LROPostDoubleHeadersFinalLocationGet/location")
	})
	t.Run("LROPostDoubleHeadersFinalLocationPost", func(t *testing.T) {
		p := call(c.BeginPostDoubleHeadersFinalLocationGet(ctx, nil)).ok(t)
		equal(t, p.Done(), false)
		call(finish(p, nil)).ok(t)
	})
	t.Run("LROPostDoubleHeadersFinalLocationAsync", func(t *testing.T) {
		p := call(c.BeginPostDoubleHeadersFinalLocationGet(ctx, nil)).ok(t)
		if err := p.Poll(ctx); err != nil {
			t.Fatal(err)
		}
		equal(t, p.Done(), true)
		equal(t, *call(p.Result(ctx)).ok(t).ID, "100")
	})
	// final-state-via azure-async-operation: the monitor's body is the
	// result; the server fails a GET of Location.
	t.Run("LROPostDoubleHeadersFinalAzureHeaderGet", func(t *testing.T) {
		r := call(finish(c.BeginPostDoubleHeadersFinalAzureHeaderGet(ctx, nil))).ok(t)
		equal(t, *r.ID, "100")
	})
	// No final-state-via: a POST's result is at Location (ARM's rule).
	t.Run("LROPostDoubleHeadersFinalAzureHeaderGetDefault", func(t *testing.T) {
		r := call(finish(c.BeginPostDoubleHeadersFinalAzureHeaderGetDefault(ctx, nil))).ok(t)
		equal(t, *r.ID, "100")
		equal(t, *r.Name, "foo")
	})

	// Location: polled until it answers other than 202.
	t.Run("LROPut202Retry200", func(t *testing.T) {
		r := call(finish(c.BeginPut202Retry200(ctx, &lro.LROSPut202Retry200Options{Product: product()}))).ok(t)
		equal(t, *r.ID, "100")
		equal(t, *r.Name, "foo")
	})
	t.Run("LROPutNoHeaderInRetry", func(t *testing.T) {
		r := call(finish(c.BeginPutNoHeaderInRetry(ctx, &lro.LROSPutNoHeaderInRetryOptions{Product: product()}))).ok(t)
		succeeded(t, r.Product)
	})
	t.Run("LROPutSubResourceInRetry", func(t *testing.T) {
		r := call(finish(c.BeginPutSubResource(ctx, &lro.LROSPutSubResourceOptions{Product: &lro.SubProduct{}}))).ok(t)
		equal(t, *r.ID, "100")
		equal(t, *r.Properties.ProvisioningState, "Succeeded")
	})
	t.Run("LROPutNonResourceInRetry", func(t *testing.T) {
		r := call(finish(c.BeginPutNonResource(ctx, &lro.LROSPutNonResourceOptions{SKU: &lro.SKU{Name: lro.Ptr("sku")}}))).ok(t)
		equal(t, *r.Name, "sku")
	})
	t.Run("LRODeleteNoHeaderInRetry", func(t *testing.T) {
		call(finish(c.BeginDeleteNoHeaderInRetry(ctx, nil))).ok(t)
	})
	t.Run("LRODelete200", func(t *testing.T) {
		call(finish(c.BeginDelete202Retry200(ctx, nil))).ok(t)
	})
	t.Run("LRODelete204", func(t *testing.T) {
		call(finish(c.BeginDelete202NoRetry204(ctx, nil))).ok(t)
	})
	// The Location answer carries a provisioningState: it decides.
	t.Run("LRODeleteProvisioningSucceededWithBody", func(t *testing.T) {
		r := call(finish(c.BeginDeleteProvisioning202Accepted200Succeeded(ctx, nil))).ok(t)
		succeeded(t, r.Product)
	})
	t.Run("LRODeleteProvisioningFailed", func(t *testing.T) {
		_, err := finish(c.BeginDeleteProvisioning202DeletingFailed200(ctx, nil))
		failedState(t, err, "Failed")
	})
	t.Run("LRODeleteProvisioningCanceled", func(t *testing.T) {
		_, err := finish(c.BeginDeleteProvisioning202Deletingcanceled200(ctx, nil))
		failedState(t, err, "Canceled")
	})
	// A 202 to a poll of Location may move it: the next poll follows.
	t.Run("LROPostSuccededWithBody", func(t *testing.T) {
		r := call(finish(c.BeginPost202Retry200(ctx, &lro.LROSPost202Retry200Options{Product: product()}))).ok(t)
		equal(t, r.Location == nil, true) // the final answer has none
	})
	t.Run("LROPostSuccededNoBody", func(t *testing.T) {
		r := call(finish(c.BeginPost202NoRetry204(ctx, &lro.LROSPost202NoRetry204Options{Product: product()}))).ok(t)
		equal(t, r.ID == nil, true)
	})
	t.Run("LROPost200", func(t *testing.T) {
		r := call(finish(c.BeginPost200WithPayload(ctx, nil))).ok(t)
		equal(t, *r.ID, "1")
		equal(t, *r.Name, "product")
	})

	// The resource's own provisioningState (no headers).
	t.Run("LROPutSucceededWithBody", func(t *testing.T) {
		succeeded(t, call(finish(c.BeginPut201CreatingSucceeded200(ctx, &lro.LROSPut201CreatingSucceeded200Options{Product: product()}))).ok(t).Product)
	})
	t.Run("LROPutSucceededNoBody", func(t *testing.T) {
		succeeded(t, call(finish(c.BeginPut200UpdatingSucceeded204(ctx, &lro.LROSPut200UpdatingSucceeded204Options{Product: product()}))).ok(t).Product)
	})
	t.Run("LROPutFailed", func(t *testing.T) {
		_, err := finish(c.BeginPut201CreatingFailed200(ctx, &lro.LROSPut201CreatingFailed200Options{Product: product()}))
		failedState(t, err, "Failed")
	})
	t.Run("LROPutCanceled", func(t *testing.T) {
		_, err := finish(c.BeginPut200Acceptedcanceled200(ctx, &lro.LROSPut200Acceptedcanceled200Options{Product: product()}))
		failedState(t, err, "Canceled")
	})
}

// paths lists the requests a recorder saw, "METHOD /path" each.
func paths(rec *recorder) string {
	var s []string
	for _, r := range rec.requests() {
		s = append(s, r.Method+" "+r.URL.Path)
	}
	return strings.Join(s, ", ")
}

// headerDoer adds a header to every request, the way a user sends one the
// spec does not declare (a client request id): the polls go through it too.
type headerDoer struct {
	doer        Doer
	name, value string
}

func (h headerDoer) Do(req *http.Request) (*http.Response, error) {
	req.Header.Set(h.name, h.value)
	return h.doer.Do(req)
}

func TestLROCustomHeader(t *testing.T) {
	d := headerDoer{doer: cookieClient(t), name: "x-ms-client-request-id", value: "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0"}
	c := lro.NewClient(d, &lro.ClientOptions{Endpoint: server}).LROSCustomHeader()
	t.Run("CustomHeaderPutAsyncSucceded", func(t *testing.T) {
		r := call(finish(c.BeginPutAsyncRetrySucceeded(ctx, &lro.LROSCustomHeaderPutAsyncRetrySucceededOptions{Product: product()}))).ok(t)
		succeeded(t, r.Product)
	})
	t.Run("CustomHeaderPostAsyncSucceded", func(t *testing.T) {
		call(finish(c.BeginPostAsyncRetrySucceeded(ctx, &lro.LROSCustomHeaderPostAsyncRetrySucceededOptions{Product: product()}))).ok(t)
	})
	t.Run("CustomHeaderPutSucceeded", func(t *testing.T) {
		r := call(finish(c.BeginPut201CreatingSucceeded200(ctx, &lro.LROSCustomHeaderPut201CreatingSucceeded200Options{Product: product()}))).ok(t)
		succeeded(t, r.Product)
	})
	t.Run("CustomHeaderPostSucceeded", func(t *testing.T) {
		call(finish(c.BeginPost202Retry200(ctx, &lro.LROSCustomHeaderPost202Retry200Options{Product: product()}))).ok(t)
	})
}

// The server fails the first try of each request (the first one and the
// polls) with a 500. The client tries each again, the polls too, as its
// retry policy says.
func TestLRORetrys(t *testing.T) {
	client := func(t *testing.T) (lro.LRORetrysClient, *recorder) {
		r := record(cookieClient(t))
		return lro.NewClient(r, &lro.ClientOptions{Endpoint: server, Retry: lro.RetryOptions{RetryDelay: time.Millisecond}}).LRORetrys(), r
	}
	t.Run("LRORetryPutSucceededWithBody", func(t *testing.T) {
		c, r := client(t)
		succeeded(t, call(finish(c.BeginPut201CreatingSucceeded200(ctx, &lro.LRORetrysPut201CreatingSucceeded200Options{Product: product()}))).ok(t).Product)
		equal(t, len(r.requests()), 4) // PUT twice, GET twice
	})
	t.Run("LRORetryErrorPutAsyncSucceeded", func(t *testing.T) {
		c, r := client(t)
		succeeded(t, call(finish(c.BeginPutAsyncRelativeRetrySucceeded(ctx, &lro.LRORetrysPutAsyncRelativeRetrySucceededOptions{Product: product()}))).ok(t).Product)
		equal(t, len(r.requests()), 6) // the PUT, the poll and the final GET, twice each
	})
	t.Run("LRORetryErrorPutAsyncSucceededPolling", func(t *testing.T) {
		c, _ := client(t)
		p := call(c.BeginPutAsyncRelativeRetrySucceeded(ctx, &lro.LRORetrysPutAsyncRelativeRetrySucceededOptions{Product: product()})).ok(t)
		if err := p.Poll(ctx); err != nil {
			t.Fatal(err)
		}
		equal(t, p.Done(), true)
	})
	t.Run("LRORetryErrorDelete202Accepted200Succeeded", func(t *testing.T) {
		c, _ := client(t)
		succeeded(t, call(finish(c.BeginDeleteProvisioning202Accepted200Succeeded(ctx, nil))).ok(t).Product)
	})
	t.Run("LRORetryErrorDelete202Retry200Succeeded", func(t *testing.T) {
		c, _ := client(t)
		call(finish(c.BeginDelete202Retry200(ctx, nil))).ok(t)
	})
	t.Run("LRORetryErrorDeleteAsyncRetrySucceeded", func(t *testing.T) {
		c, _ := client(t)
		call(finish(c.BeginDeleteAsyncRelativeRetrySucceeded(ctx, nil))).ok(t)
	})
	t.Run("LRORetryErrorPost202Retry200Succeeded", func(t *testing.T) {
		c, _ := client(t)
		call(finish(c.BeginPost202Retry200(ctx, &lro.LRORetrysPost202Retry200Options{Product: product()}))).ok(t)
	})
	t.Run("LRORetryErrorPostAsyncRetrySucceeded", func(t *testing.T) {
		c, _ := client(t)
		call(finish(c.BeginPostAsyncRelativeRetrySucceeded(ctx, &lro.LRORetrysPostAsyncRelativeRetrySucceededOptions{Product: product()}))).ok(t)
	})
}

// The sad paths: every one must end in an error, never in a result, a
// panic or a poller that polls forever.
func TestLROSADs(t *testing.T) {
	c := lro.NewClient(cookieClient(t), &lro.ClientOptions{Endpoint: server}).LROSADs()
	p := product

	// An error answer to the first request is returned by BeginX at once.
	t.Run("LRONonRetryPut400", func(t *testing.T) {
		_, err := c.BeginPutNonRetry400(ctx, &lro.LROSADsPutNonRetry400Options{Product: p()})
		failedWith(t, err, 400)
	})
	t.Run("LRONonRetryDelete400", func(t *testing.T) {
		_, err := c.BeginDeleteNonRetry400(ctx, nil)
		failedWith(t, err, 400)
	})
	t.Run("LRONonRetryPost400", func(t *testing.T) {
		_, err := c.BeginPostNonRetry400(ctx, &lro.LROSADsPostNonRetry400Options{Product: p()})
		re := failedWith(t, err, 400)
		equal(t, re.Message, "Expected bad request message")
	})
	// An error answer to a poll ends the operation with it.
	t.Run("LRONonRetryPut201Creating400", func(t *testing.T) {
		_, err := finish(c.BeginPutNonRetry201Creating400(ctx, &lro.LROSADsPutNonRetry201Creating400Options{Product: p()}))
		re := failedWith(t, err, 400)
		equal(t, re.Message, "Error from the server")
	})
	// …also when its body is not JSON: the raw body is kept.
	t.Run("LRONonRetryPut201Creating400InvalidJson", func(t *testing.T) {
		_, err := finish(c.BeginPutNonRetry201Creating400InvalidJSON(ctx, &lro.LROSADsPutNonRetry201Creating400InvalidJSONOptions{Product: p()}))
		re := failedWith(t, err, 400)
		equal(t, string(re.RawBody), `<{ "message" : "Error from the server" }`)
		equal(t, re.CloudError == nil, true)
	})
	t.Run("LRONonRetryPutAsyncRetry400", func(t *testing.T) {
		_, err := finish(c.BeginPutAsyncRelativeRetry400(ctx, &lro.LROSADsPutAsyncRelativeRetry400Options{Product: p()}))
		failedWith(t, err, 400)
	})
	t.Run("LRONonRetryDelete202Retry400", func(t *testing.T) {
		_, err := finish(c.BeginDelete202NonRetry400(ctx, nil))
		failedWith(t, err, 400)
	})
	t.Run("LRONonRetryDeleteAsyncRetry400", func(t *testing.T) {
		_, err := finish(c.BeginDeleteAsyncRelativeRetry400(ctx, nil))
		failedWith(t, err, 400)
	})
	t.Run("LRONonRetryPost202Retry400", func(t *testing.T) {
		_, err := finish(c.BeginPost202NonRetry400(ctx, &lro.LROSADsPost202NonRetry400Options{Product: p()}))
		failedWith(t, err, 400)
	})
	t.Run("LRONonRetryPostAsyncRetry400", func(t *testing.T) {
		_, err := finish(c.BeginPostAsyncRelativeRetry400(ctx, &lro.LROSADsPostAsyncRelativeRetry400Options{Product: p()}))
		failedWith(t, err, 400)
	})

	// A 201 without a provisioningState is still running; a poll that
	// answers with no body at all cannot say how it ends.
	t.Run("LROErrorPut201NoProvisioningStatePayload", func(t *testing.T) {
		_, err := finish(c.BeginPutError201NoProvisioningStatePayload(ctx, &lro.LROSADsPutError201NoProvisioningStatePayloadOptions{Product: p()}))
		sad(t, err)
	})
	// A status monitor without a status, or with no body, or not JSON.
	t.Run("LROErrorPutAsyncNoPollingStatus", func(t *testing.T) {
		_, err := finish(c.BeginPutAsyncRelativeRetryNoStatus(ctx, &lro.LROSADsPutAsyncRelativeRetryNoStatusOptions{Product: p()}))
		sad(t, err)
	})
	t.Run("LROErrorPutAsyncNoPollingStatusPayload", func(t *testing.T) {
		_, err := finish(c.BeginPutAsyncRelativeRetryNoStatusPayload(ctx, &lro.LROSADsPutAsyncRelativeRetryNoStatusPayloadOptions{Product: p()}))
		sad(t, err)
	})
	t.Run("LROErrorDeleteAsyncNoPollingStatus", func(t *testing.T) {
		_, err := finish(c.BeginDeleteAsyncRelativeRetryNoStatus(ctx, nil))
		sad(t, err)
	})
	t.Run("LROErrorPostAsyncNoPollingPayload", func(t *testing.T) {
		_, err := finish(c.BeginPostAsyncRelativeRetryNoPayload(ctx, &lro.LROSADsPostAsyncRelativeRetryNoPayloadOptions{Product: p()}))
		sad(t, err)
	})
	t.Run("LROErrorPutAsyncInvalidJsonPolling", func(t *testing.T) {
		_, err := finish(c.BeginPutAsyncRelativeRetryInvalidJSONPolling(ctx, &lro.LROSADsPutAsyncRelativeRetryInvalidJSONPollingOptions{Product: p()}))
		sad(t, err)
	})
	t.Run("LROErrorDeleteAsyncInvalidJsonPolling", func(t *testing.T) {
		_, err := finish(c.BeginDeleteAsyncRelativeRetryInvalidJSONPolling(ctx, nil))
		sad(t, err)
	})
	t.Run("LROErrorPostAsyncInvalidJsonPolling", func(t *testing.T) {
		_, err := finish(c.BeginPostAsyncRelativeRetryInvalidJSONPolling(ctx, &lro.LROSADsPostAsyncRelativeRetryInvalidJSONPollingOptions{Product: p()}))
		sad(t, err)
	})
	// A first answer that is not JSON.
	t.Run("LROErrorPut200InvalidJson", func(t *testing.T) {
		_, err := finish(c.BeginPut200InvalidJSON(ctx, &lro.LROSADsPut200InvalidJSONOptions{Product: p()}))
		decodeError[lro.ResponseError](t, sad(t, err))
	})
	// Monitor headers that lead nowhere ("/foo", with Retry-After "/bar"):
	// the operation fails, it does not hang.
	t.Run("LROErrorPutAsyncInvalidHeader", func(t *testing.T) {
		_, err := finish(c.BeginPutAsyncRelativeRetryInvalidHeader(ctx, &lro.LROSADsPutAsyncRelativeRetryInvalidHeaderOptions{Product: p()}))
		sad(t, err)
	})
	t.Run("LROErrorDelete202RetryInvalidHeader", func(t *testing.T) {
		_, err := finish(c.BeginDelete202RetryInvalidHeader(ctx, nil))
		sad(t, err)
	})
	t.Run("LROErrorDeleteAsyncInvalidHeader", func(t *testing.T) {
		_, err := finish(c.BeginDeleteAsyncRelativeRetryInvalidHeader(ctx, nil))
		sad(t, err)
	})
	t.Run("LROErrorPost202RetryInvalidHeader", func(t *testing.T) {
		_, err := finish(c.BeginPost202RetryInvalidHeader(ctx, &lro.LROSADsPost202RetryInvalidHeaderOptions{Product: p()}))
		sad(t, err)
	})
	t.Run("LROErrorPostAsyncInvalidHeader", func(t *testing.T) {
		_, err := finish(c.BeginPostAsyncRelativeRetryInvalidHeader(ctx, &lro.LROSADsPostAsyncRelativeRetryInvalidHeaderOptions{Product: p()}))
		sad(t, err)
	})
	// A 202 that gives no way to follow the operation.
	t.Run("LROErrorPostNoLocation", func(t *testing.T) {
		_, err := finish(c.BeginPost202NoLocation(ctx, &lro.LROSADsPost202NoLocationOptions{Product: p()}))
		sad(t, err)
	})
	// A DELETE answered 204 is done: no Location is needed.
	t.Run("LROErrorDeleteNoLocation", func(t *testing.T) {
		call(finish(c.BeginDelete204Succeeded(ctx, nil))).ok(t)
	})
}
