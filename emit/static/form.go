package static

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
)

// multipartForm builds a multipart/form-data request body: the form
// parameters of an operation that consumes it or uploads a file. The body
// is built in memory.
type multipartForm struct {
	buf bytes.Buffer
	w   *multipart.Writer
	err error
}

func newMultipartForm() *multipartForm {
	f := &multipartForm{}
	f.w = multipart.NewWriter(&f.buf)
	return f
}

// field adds a text part.
func (f *multipartForm) field(name, value string) {
	if f.err == nil {
		f.err = f.w.WriteField(name, value)
	}
}

// file adds a file part, named after the parameter, read from r.
func (f *multipartForm) file(name string, r io.Reader) {
	if f.err != nil {
		return
	}
	if r == nil {
		f.err = fmt.Errorf("form file %s: no reader", name)
		return
	}
	part, err := f.w.CreateFormFile(name, name)
	if err == nil {
		_, err = io.Copy(part, r)
	}
	f.err = err
}

// close ends the form and returns the body and its content type, which
// carries the boundary.
func (f *multipartForm) close() (io.Reader, string, error) {
	if f.err == nil {
		f.err = f.w.Close()
	}
	if f.err != nil {
		return nil, "", f.err
	}
	return &f.buf, f.w.FormDataContentType(), nil
}
