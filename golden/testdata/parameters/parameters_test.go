// Package parameters_test checks request building on the wire.
package parameters_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/armgen/armgen/golden/testdata/parameters/want"
)

func TestSkipURLEncodingQuery(t *testing.T) {
	var raw string
	var values []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, values = r.URL.RawQuery, r.URL.Query()["q2"]
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	c := parameters.NewClient("sub", srv.Client(), &parameters.ClientOptions{Endpoint: srv.URL}).Things()
	_, err := c.Legacy(context.Background(), &parameters.ThingsLegacyOptions{
		APIVersion: parameters.Ptr("1 0"), Raw: parameters.Ptr("value1&q2=value2"),
	})
	if err != nil {
		t.Fatal(err)
	}
	// The encoded parameter is escaped; the raw one goes as it is, so the
	// server reads the q2 it carries.
	if raw != "api-version=1+0&raw=value1&q2=value2" || len(values) != 1 || values[0] != "value2" {
		t.Errorf("query %q (q2 %q)", raw, values)
	}
	if _, err := c.Legacy(context.Background(), nil); err != nil || raw != "" {
		t.Errorf("query %q, err %v: unset parameters are not sent", raw, err)
	}
}

func TestEmptyPathValuesRefused(t *testing.T) {
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.URL.EscapedPath())
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	c := parameters.NewClient("sub", srv.Client(), &parameters.ClientOptions{Endpoint: srv.URL}).Things()
	ctx := context.Background()
	for name, call := range map[string]func() error{
		"key":   func() error { _, err := c.Blob(ctx, nil, parameters.ColorRed, []string{"a"}, nil); return err },
		"color": func() error { _, err := c.Blob(ctx, []byte("k"), "", []string{"a"}, nil); return err },
		"parts": func() error { _, err := c.Blob(ctx, []byte("k"), parameters.ColorRed, []string{}, nil); return err },
	} {
		if err := call(); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("empty %s: error %v, want one naming it", name, err)
		}
	}
	if len(paths) != 0 {
		t.Errorf("sent %q, want nothing sent", paths)
	}
	if _, err := c.Blob(ctx, []byte("k?"), parameters.ColorGreen, []string{"a/b", ""}, nil); err != nil {
		t.Fatal(err)
	}
	if want := "/api/blobs/az8=/green/a%2Fb%2C"; len(paths) != 1 || paths[0] != want {
		t.Errorf("sent %q, want %s", paths, want)
	}
}

func TestBinaryBody(t *testing.T) {
	var body, contentType string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body)
		body, contentType = string(data), r.Header.Get("Content-Type")
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	c := parameters.NewClient("sub", srv.Client(), &parameters.ClientOptions{Endpoint: srv.URL}).Things()
	if _, err := c.Upload(context.Background(), &parameters.ThingsUploadOptions{Content: strings.NewReader("\x00bytes")}); err != nil {
		t.Fatal(err)
	}
	if body != "\x00bytes" || contentType != "application/octet-stream" {
		t.Errorf("body %q, content type %q: the bytes go as they are", body, contentType)
	}
	if _, err := c.Upload(context.Background(), nil); err != nil || body != "" {
		t.Errorf("body %q, err %v: an unset optional body is not sent", body, err)
	}
}
