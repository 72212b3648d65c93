package static

import (
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"strings"
	"testing"
)

func TestMultipartForm(t *testing.T) {
	f := newMultipartForm()
	f.field("fileName", "my.txt")
	f.file("files", strings.NewReader("content"))
	body, contentType, err := f.close()
	if err != nil {
		t.Fatal(err)
	}
	media, params, err := mime.ParseMediaType(contentType)
	if err != nil || media != "multipart/form-data" {
		t.Fatalf("content type %q: %v", contentType, err)
	}
	form, err := multipart.NewReader(body, params["boundary"]).ReadForm(1 << 20)
	if err != nil {
		t.Fatal(err)
	}
	if got := form.Value["fileName"]; len(got) != 1 || got[0] != "my.txt" {
		t.Errorf("fileName %q", got)
	}
	files := form.File["files"]
	if len(files) != 1 || files[0].Filename != "files" {
		t.Fatalf("files %+v", files)
	}
	r, _ := files[0].Open()
	data, _ := io.ReadAll(r)
	if string(data) != "content" {
		t.Errorf("file content %q", data)
	}
}

func TestMultipartFormReadError(t *testing.T) {
	f := newMultipartForm()
	f.file("files", failingReader{})
	f.field("after", "x")
	if _, _, err := f.close(); !errors.Is(err, errRead) {
		t.Errorf("error %v, want the reader's", err)
	}
}

var errRead = errors.New("read failed")

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errRead }

func TestMultipartFormNilReader(t *testing.T) {
	f := newMultipartForm()
	f.file("files", nil)
	if _, _, err := f.close(); err == nil || !strings.Contains(err.Error(), "files") {
		t.Errorf("error %v, want one naming the part", err)
	}
}
