//go:build conformance

package tests

import (
	"net/http"
	"testing"

	"github.com/armgen/armgen/conformance/gen/azurespecialproperties"
)

const (
	subscription    = "1234-5678-9012-3456"
	clientRequestID = "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0"
)

// withRequestID is a Doer that sends an x-ms-client-request-id with every
// request that has none, as Azure's client pipelines do: the test server
// insists on one for its subscriptionId scenarios. Generated clients leave
// such cross-cutting headers to the Doer.
type withRequestID struct{}

func (withRequestID) Do(req *http.Request) (*http.Response, error) {
	if req.Header.Get("x-ms-client-request-id") == "" {
		req.Header.Set("x-ms-client-request-id", "armgen-conformance")
	}
	return http.DefaultClient.Do(req)
}

func TestAzureSubscriptionID(t *testing.T) {
	client := azurespecialproperties.NewClient(subscription, withRequestID{}, &azurespecialproperties.ClientOptions{Endpoint: server})
	global, local := client.SubscriptionInCredentials(), client.SubscriptionInMethod()
	t.Run("AzureSubscriptionMethodGlobalValid", func(t *testing.T) { call(global.PostMethodGlobalValid(ctx, nil)).ok(t) })
	t.Run("AzureSubscriptionMethodGlobalNotProvidedValid", func(t *testing.T) {
		call(global.PostMethodGlobalNotProvidedValid(ctx, nil)).ok(t)
	})
	t.Run("AzureSubscriptionPathGlobalValid", func(t *testing.T) { call(global.PostPathGlobalValid(ctx, nil)).ok(t) })
	t.Run("AzureSubscriptionSwaggerGlobalValid", func(t *testing.T) { call(global.PostSwaggerGlobalValid(ctx, nil)).ok(t) })
	t.Run("AzureSubscriptionMethodLocalValid", func(t *testing.T) { call(local.PostMethodLocalValid(ctx, subscription, nil)).ok(t) })
	t.Run("AzureSubscriptionPathLocalValid", func(t *testing.T) { call(local.PostPathLocalValid(ctx, subscription, nil)).ok(t) })
	t.Run("AzureSubscriptionSwaggerLocalValid", func(t *testing.T) { call(local.PostSwaggerLocalValid(ctx, subscription, nil)).ok(t) })
	// An empty subscription, the client's or the method's, is refused
	// before any request is built.
	t.Run("global empty", func(t *testing.T) {
		c := azurespecialproperties.NewClient("", refuse{t}, &azurespecialproperties.ClientOptions{Endpoint: server})
		refusedFor(t, call(c.SubscriptionInCredentials().PostMethodGlobalNull(ctx, nil)).failed(t), "subscriptionId")
	})
	t.Run("local empty", func(t *testing.T) {
		c := azurespecialproperties.NewClient(subscription, refuse{t}, &azurespecialproperties.ClientOptions{Endpoint: server})
		refusedFor(t, call(c.SubscriptionInMethod().PostMethodLocalNull(ctx, "", nil)).failed(t), "subscriptionId")
	})
}

func TestAzureAPIVersion(t *testing.T) {
	client := azurespecialproperties.NewClient(subscription, nil, &azurespecialproperties.ClientOptions{Endpoint: server})
	global, local := client.APIVersionDefault(), client.APIVersionLocal()
	// The spec's api-version is the package's, sent with every request.
	equal(t, azurespecialproperties.APIVersion, "2015-07-01-preview")
	t.Run("AzureApiVersionMethodGlobalValid", func(t *testing.T) { call(global.GetMethodGlobalValid(ctx, nil)).ok(t) })
	t.Run("AzureApiVersionMethodGlobalNotProvidedValid", func(t *testing.T) {
		call(global.GetMethodGlobalNotProvidedValid(ctx, nil)).ok(t)
	})
	t.Run("AzureApiVersionPathGlobalValid", func(t *testing.T) { call(global.GetPathGlobalValid(ctx, nil)).ok(t) })
	t.Run("AzureApiVersionSwaggerGlobalValid", func(t *testing.T) { call(global.GetSwaggerGlobalValid(ctx, nil)).ok(t) })
	// A local api-version (x-ms-api-version: false) is the operation's own:
	// fixed to "2.0" by the spec here, and left out when optional and nil.
	t.Run("AzureApiVersionMethodLocalValid", func(t *testing.T) { call(local.GetMethodLocalValid(ctx, nil)).ok(t) })
	t.Run("AzureApiVersionPathLocalValid", func(t *testing.T) { call(local.GetPathLocalValid(ctx, nil)).ok(t) })
	t.Run("AzureApiVersionSwaggerLocalValid", func(t *testing.T) { call(local.GetSwaggerLocalValid(ctx, nil)).ok(t) })
	t.Run("AzureApiVersionMethodLocalNull", func(t *testing.T) { call(local.GetMethodLocalNull(ctx, nil)).ok(t) })
}

func TestAzureSkipURLEncoding(t *testing.T) {
	c := azurespecialproperties.NewClient(subscription, nil, &azurespecialproperties.ClientOptions{Endpoint: server}).SkipURLEncoding()
	const path, query = "path1/path2/path3", "value1&q2=value2&q3=value3"
	t.Run("AzureMethodPathUrlEncoding", func(t *testing.T) { call(c.GetMethodPathValid(ctx, path, nil)).ok(t) })
	t.Run("AzurePathPathUrlEncoding", func(t *testing.T) { call(c.GetPathPathValid(ctx, path, nil)).ok(t) })
	t.Run("AzureSwaggerPathUrlEncoding", func(t *testing.T) { call(c.GetSwaggerPathValid(ctx, nil)).ok(t) })
	t.Run("AzureMethodQueryUrlEncoding", func(t *testing.T) { call(c.GetMethodQueryValid(ctx, query, nil)).ok(t) })
	t.Run("AzurePathQueryUrlEncoding", func(t *testing.T) { call(c.GetPathQueryValid(ctx, query, nil)).ok(t) })
	t.Run("AzureSwaggerQueryUrlEncoding", func(t *testing.T) { call(c.GetSwaggerQueryValid(ctx, nil)).ok(t) })
	t.Run("AzureMethodQueryUrlEncodingNull", func(t *testing.T) { call(c.GetMethodQueryNull(ctx, nil)).ok(t) })
}

func TestAzureODataFilter(t *testing.T) {
	c := azurespecialproperties.NewClient(subscription, nil, &azurespecialproperties.ClientOptions{Endpoint: server}).OData()
	t.Run("AzureODataFilter", func(t *testing.T) {
		call(c.GetWithFilter(ctx, &azurespecialproperties.ODataGetWithFilterOptions{
			Filter: azurespecialproperties.Ptr("id gt 5 and name eq 'foo'"), Top: azurespecialproperties.Ptr[int32](10), Orderby: azurespecialproperties.Ptr("id"),
		})).ok(t)
	})
}

func TestAzureClientRequestID(t *testing.T) {
	client := azurespecialproperties.NewClient(subscription, nil, &azurespecialproperties.ClientOptions{Endpoint: server})
	c := client.XMSClientRequestID()
	// The caller sends the request the builder returns as it likes, then
	// parses the response as the method would: with the id it sets, or
	// none (the client's methods send a fresh one, which this server
	// refuses).
	send := func(t *testing.T, id string) (azurespecialproperties.XMSClientRequestIDGetResponse, error) {
		req, err := c.NewGetRequest(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := req.Header.Get("x-ms-client-request-id"); got != "" {
			t.Fatalf("the builder set x-ms-client-request-id %q", got)
		}
		if id != "" {
			req.Header.Set("x-ms-client-request-id", id)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return c.ParseGetResponse(resp)
	}
	t.Run("AzureXmsRequestClientIdNull", func(t *testing.T) {
		call(send(t, "")).ok(t)
		equal(t, responseError[azurespecialproperties.ResponseError](t, call(c.Get(ctx, nil)).failed(t)).StatusCode, http.StatusBadRequest)
	})
	t.Run("AzureXmsRequestClientOverwrite", func(t *testing.T) { call(send(t, clientRequestID)).ok(t) })
	// The service's request id comes back in the error.
	t.Run("AzureRequestClientIdInError", func(t *testing.T) {
		e := responseError[azurespecialproperties.ResponseError](t, call(send(t, "some-other-id")).failed(t))
		equal(t, e.StatusCode, http.StatusBadRequest)
		equal(t, e.RequestID, "123")
	})
	t.Run("AzureXmsRequestClientOverwriteViaParameter", func(t *testing.T) { call(c.ParamGet(ctx, clientRequestID, nil)).ok(t) })

	h := client.Header()
	t.Run("AzureXmsCustomNamedRequestId", func(t *testing.T) {
		equal(t, *call(h.CustomNamedRequestID(ctx, clientRequestID, nil)).ok(t).FooRequestID, "123")
		r := call(h.CustomNamedRequestIDHead(ctx, clientRequestID, nil)).ok(t)
		equal(t, r.Success, true)
		equal(t, *r.FooRequestID, "123")
	})
	// x-ms-parameter-grouping: armgen keeps the parameter an argument; the
	// wire is the same.
	t.Run("AzureXmsCustomNamedRequestIdParameterGroup", func(t *testing.T) {
		equal(t, *call(h.CustomNamedRequestIDParamGrouping(ctx, clientRequestID, nil)).ok(t).FooRequestID, "123")
	})
}
