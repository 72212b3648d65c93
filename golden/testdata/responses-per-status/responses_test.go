// Package responses_test reads each success response into the field of
// its own schema.
package responses_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	responses "github.com/armgen/armgen/golden/testdata/responses-per-status/want"
)

func TestEachStatusHasItsBody(t *testing.T) {
	bodies := map[int]string{200: `{"name":"t1","receipt":"r-1"}`, 201: `{"number":7}`, 202: `3`, 203: `{"number":8}`, 404: `{"text":"try t2"}`}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		status, _ := strconv.Atoi(r.URL.Query().Get("status"))
		w.WriteHeader(status)
		fmt.Fprint(w, bodies[status])
	}))
	defer srv.Close()
	c := responses.NewClient(srv.Client(), &responses.ClientOptions{Endpoint: srv.URL}).Things()
	put := func(status int) responses.ThingsPutResponse {
		t.Helper()
		req, err := c.NewPutRequest(context.Background(), "t1", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.URL.RawQuery = "status=" + strconv.Itoa(status)
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		r, err := c.ParsePutResponse(resp)
		if err != nil {
			t.Fatalf("%d: %v", status, err)
		}
		return r
	}
	if r := put(200); r.Name == nil || *r.Name != "t1" || *r.Receipt != "r-1" || r.ReceiptBody != nil || r.Value202 != nil || r.Hint != nil {
		t.Errorf("200: %+v", r)
	}
	if r := put(201); r.Name != nil || r.ReceiptBody == nil || *r.ReceiptBody.Number != 7 {
		t.Errorf("201: %+v", r)
	}
	if r := put(203); r.ReceiptBody == nil || *r.ReceiptBody.Number != 8 {
		t.Errorf("203: %+v", r)
	}
	if r := put(202); r.Value202 == nil || *r.Value202 != 3 || r.ReceiptBody != nil {
		t.Errorf("202: %+v", r)
	}
	if r := put(404); r.Hint == nil || *r.Hint.Text != "try t2" {
		t.Errorf("404: %+v", r)
	}
}
