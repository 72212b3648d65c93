// Package formdata_test checks form bodies on the wire.
package formdata_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/armgen/armgen/golden/testdata/form-data/want"
)

func TestURLEncodedForm(t *testing.T) {
	var got *http.Request
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			t.Error(err)
		}
		got = r
	}))
	defer srv.Close()
	c := formdata.NewClient(srv.Client(), &formdata.ClientOptions{Endpoint: srv.URL}).Forms()
	if _, err := c.Data(context.Background(), "hello world", &formdata.FormsDataOptions{Count: formdata.Ptr[int32](3), Tags: []string{"a", "b&c"}}); err != nil {
		t.Fatal(err)
	}
	if ct := got.Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
		t.Errorf("content type %q", ct)
	}
	if got.PostForm.Get("data") != "hello world" || got.PostForm.Get("count") != "3" || !slices.Equal(got.PostForm["tags"], []string{"a", "b&c"}) {
		t.Errorf("form %v", got.PostForm)
	}
	if _, err := c.Data(context.Background(), "x", nil); err != nil {
		t.Fatal(err)
	}
	if len(got.PostForm) != 1 {
		t.Errorf("form %v: unset parameters are not sent", got.PostForm)
	}
}

func TestMultipartForm(t *testing.T) {
	var fields map[string][]string
	var files map[string]string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseMultipartForm(1 << 20); err != nil {
			t.Error(err)
			return
		}
		fields, files = r.MultipartForm.Value, map[string]string{}
		for name, fhs := range r.MultipartForm.File {
			f, _ := fhs[0].Open()
			data, _ := io.ReadAll(f)
			files[name] = string(data)
		}
	}))
	defer srv.Close()
	c := formdata.NewClient(srv.Client(), &formdata.ClientOptions{Endpoint: srv.URL}).Forms()
	if _, err := c.Files(context.Background(), strings.NewReader("file content"), "my.txt", nil); err != nil {
		t.Fatal(err)
	}
	if len(fields) != 1 || fields["fileName"][0] != "my.txt" || len(files) != 1 || files["file"] != "file content" {
		t.Errorf("fields %v, files %v", fields, files)
	}
	if _, err := c.Files(context.Background(), nil, "my.txt", nil); err == nil {
		t.Error("a nil file was sent")
	}
}
