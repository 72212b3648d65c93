// Package responses_test checks status handling, response headers and
// error models of the generated parsers.
package responses_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/armgen/armgen/golden/testdata/responses/want"
)

func client(t *testing.T, h http.HandlerFunc) *responses.Client {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return responses.NewClient(srv.Client(), &responses.ClientOptions{Endpoint: srv.URL, Retry: responses.RetryOptions{RetryDelay: time.Millisecond}})
}

func TestHeadersAreTyped(t *testing.T) {
	c := client(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("x-ms-request-charge", "2.5")
		w.Header().Set("Last-Modified", "Tue, 15 Nov 1994 08:12:31 GMT")
		fmt.Fprint(w, `{"name":"i","etag":"body-etag"}`)
	})
	res, err := c.Items().Get(context.Background(), "i", nil)
	if err != nil {
		t.Fatal(err)
	}
	// The body's etag keeps the name ETag; the header yields as ETagHeader.
	if *res.ETag != "body-etag" || *res.ETagHeader != `"v1"` || *res.XMSRequestCharge != 2.5 ||
		!res.LastModified.Equal(time.Date(1994, 11, 15, 8, 12, 31, 0, time.UTC)) {
		t.Errorf("result %+v", res)
	}
}

func TestDocumentedErrorModel(t *testing.T) {
	c := client(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(404)
		fmt.Fprint(w, `{"reason":"gone","code":"NotThere","message":"no item i"}`)
	})
	_, err := c.Items().Get(context.Background(), "i", nil)
	var re *responses.ResponseError
	if !errors.As(err, &re) || re.NotFound == nil || *re.NotFound.Reason != "gone" || re.Code != "NotThere" || re.ErrorResponse != nil {
		t.Fatalf("err = %#v", err)
	}
}

func TestDefaultErrorModel(t *testing.T) {
	c := client(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("x-ms-request-id", "rid")
		w.WriteHeader(409)
		fmt.Fprint(w, `{"error":{"code":"Conflict","message":"busy","target":"name"}}`)
	})
	_, err := c.Items().Get(context.Background(), "i", nil)
	var re *responses.ResponseError
	if !errors.As(err, &re) || re.ErrorResponse == nil || re.Code != "Conflict" || re.Message != "busy" || re.Target != "name" || re.RequestID != "rid" {
		t.Fatalf("err = %#v", err)
	}
}

func TestStatusesWithoutBody(t *testing.T) {
	for _, status := range []int{200, 202, 204} {
		c := client(t, func(w http.ResponseWriter, r *http.Request) {
			if status == 202 {
				w.Header().Set("Location", "/ops/1")
				w.Header().Set("Retry-After", "5")
			}
			w.WriteHeader(status)
		})
		res, err := c.Items().Delete(context.Background(), "i", nil)
		if err != nil {
			t.Fatalf("%d: %v", status, err)
		}
		if status == 202 && (res.Location == nil || *res.RetryAfter != 5) {
			t.Errorf("202 headers %+v", res)
		}
	}
}

func TestHeadReportsExistence(t *testing.T) {
	for status, want := range map[int]bool{204: true, 404: false} {
		c := client(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(status) })
		res, err := c.Items().Exists(context.Background(), "i", nil)
		if err != nil || res.Success != want {
			t.Errorf("%d: %+v, %v", status, res, err)
		}
	}
	c := client(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(500) })
	if _, err := c.Items().Exists(context.Background(), "i", nil); err == nil {
		t.Error("500 is an error")
	}
}

func TestNonModelBody(t *testing.T) {
	c := client(t, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `["a","b"]`) })
	res, err := c.Items().ListNames(context.Background(), nil)
	if err != nil || len(res.Value) != 2 {
		t.Fatalf("%+v, %v", res, err)
	}
}

func TestTextAndNumberErrors(t *testing.T) {
	status, body := 0, ""
	c := client(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	})
	for _, tc := range []struct {
		status        int
		body, message string
	}{
		{http.StatusBadRequest, `"ringo is missing"`, "ringo is missing"},
		{http.StatusBadRequest, `not json`, ""},
		{http.StatusConflict, `123`, ""},
	} {
		status, body = tc.status, tc.body
		_, err := c.Items().Delete(context.Background(), "i", nil)
		var re *responses.ResponseError
		if !errors.As(err, &re) || re.StatusCode != tc.status || re.Message != tc.message || string(re.RawBody) != tc.body {
			t.Errorf("%d %s: error %#v", tc.status, tc.body, err)
		}
	}
}
