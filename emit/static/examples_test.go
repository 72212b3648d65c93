package static

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

func TestJSONDiff(t *testing.T) {
	for _, tc := range []struct {
		want, got string
		same      bool
	}{
		{`{"a":1,"b":[true,null]}`, `{"b":[true,null],"a":1.0}`, true},
		{`{"t":"2016-03-10T23:48:38.9878479Z"}`, `{"t":"2016-03-10T23:48:38.9878479Z"}`, true},
		{`{"t":"2016-03-10T23:48:38"}`, `{"t":"2016-03-10T23:48:38Z"}`, true},
		{`{"t":"Mon, 02 Jan 2006 15:04:05 GMT"}`, `{"t":"Mon, 02 Jan 2006 15:04:05 UTC"}`, true},
		{`{"a":1}`, `{"a":1,"b":2}`, false},
		{`{"a":1,"b":2}`, `{"a":1}`, false},
		{`{"a":"x"}`, `{"a":"y"}`, false},
		{`{"a":null}`, `{}`, false},
		{`[1,2]`, `[1]`, false},
	} {
		if got := jsonDiff([]byte(tc.want), []byte(tc.got)); (got == "") != tc.same {
			t.Errorf("jsonDiff(%s, %s) = %q, want same=%v", tc.want, tc.got, got, tc.same)
		}
	}
}

// The example server accepts the request its example describes. (That it
// reports a wrong one is what every generated example test relies on; a
// wrong request fails the test that sends it, which a test here cannot
// observe without failing itself.)
func TestExampleServer(t *testing.T) {
	srv := exampleServer(t, exampleCall{
		method: "PUT", path: "/things/a%2Fb", query: map[string]string{"api-version": "1"},
		header: map[string]string{"If-Match": "*"}, body: `{"x":1}`,
		status: 201, response: map[string]string{"Location": "/op"}, reply: `{"id":"a/b"}`,
	})
	req, _ := http.NewRequestWithContext(context.Background(), "PUT", srv.URL+"/things/a%2Fb?api-version=1", strings.NewReader(`{ "x" : 1.0 }`))
	req.Header.Set("If-Match", "*")
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body := readBody(resp)
	if resp.StatusCode != 201 || resp.Header.Get("Location") != "/op" || string(body) != `{"id":"a/b"}` {
		t.Errorf("reply %d %v %s", resp.StatusCode, resp.Header, body)
	}
	checkReply(t, `{"id":"a/b"}`, map[string]string{"id": "a/b"}, nil)
}
