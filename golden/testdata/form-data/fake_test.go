package formdata_test

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/armgen/armgen/golden/testdata/form-data/want"
	"github.com/armgen/armgen/golden/testdata/form-data/want/fake"
)

// Form parameters, url-encoded or multipart with files, reach the func.
func TestFormsAgainstFake(t *testing.T) {
	var got []string
	srv := &fake.Server{Forms: &fake.FormsServer{
		Data: func(ctx context.Context, data string, options *formdata.FormsDataOptions) (formdata.FormsDataResponse, error) {
			got = append([]string{data}, options.Tags...)
			if options.Count != nil {
				got = append(got, "count "+string(rune('0'+*options.Count)))
			}
			return formdata.FormsDataResponse{}, nil
		},
		Files: func(ctx context.Context, file io.Reader, fileName string, options *formdata.FormsFilesOptions) (formdata.FormsFilesResponse, error) {
			b, err := io.ReadAll(file)
			got = []string{fileName, string(b)}
			if options != nil && options.Extra != nil {
				extra, _ := io.ReadAll(options.Extra)
				got = append(got, string(extra))
			}
			return formdata.FormsFilesResponse{}, err
		},
	}}
	c := formdata.NewClient(fake.NewDoer(srv), nil).Forms()
	if _, err := c.Data(context.Background(), "a&b=c", &formdata.FormsDataOptions{Count: formdata.Ptr[int32](4), Tags: []string{"x", "y z"}}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a&b=c", "x", "y z", "count 4"}, got); diff != "" {
		t.Errorf("Data (-sent +got):\n%s", diff)
	}
	if _, err := c.Files(context.Background(), strings.NewReader("file\x00bytes"), "f.bin", &formdata.FormsFilesOptions{Extra: strings.NewReader("more")}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"f.bin", "file\x00bytes", "more"}, got); diff != "" {
		t.Errorf("Files (-sent +got):\n%s", diff)
	}
}
