//go:build conformance

package tests

import (
	"strings"
	"testing"

	"github.com/armgen/armgen/conformance/gen/reservedwords"
)

// TestReservedWords checks that parameters named after Go keywords and
// after the generated code's own identifiers travel under their wire names.
func TestReservedWords(t *testing.T) {
	client := reservedwords.NewClient(nil, &reservedwords.ClientOptions{Endpoint: server})
	t.Run("reservedWordsOperationGroupImport", func(t *testing.T) { call(client.Import().OperationOne(ctx, "foo", nil)).ok(t) })
	t.Run("reservedWordsBodyNamedContent", func(t *testing.T) {
		call(client.OperationWithContentParam(ctx, strings.NewReader("hello, world"), nil)).ok(t)
	})
	t.Run("reservedWordsBodyNamedJson", func(t *testing.T) {
		call(client.OperationWithJSONParam(ctx, map[string]any{"hello": "world"}, nil)).ok(t)
	})
	// Form parameters travel as an application/x-www-form-urlencoded body.
	t.Run("reservedWordsBodyNamedData", func(t *testing.T) { call(client.OperationWithDataParam(ctx, "hello", "world", nil)).ok(t) })
	// A file parameter makes the body multipart/form-data.
	t.Run("reservedWordsBodyNamedFiles", func(t *testing.T) {
		call(client.OperationWithFilesParam(ctx, strings.NewReader("file content"), "my.txt", nil)).ok(t)
	})
	t.Run("reservedWordsUrlHeaderQuery", func(t *testing.T) {
		call(client.OperationWithURL(ctx, "foo", "x-ms-header", &reservedwords.OperationWithURLOptions{QueryParameters: []string{"one", "two"}})).ok(t)
	})
	t.Run("reservedWordsHeaderEnum", func(t *testing.T) { call(client.ReservedEnum(ctx, reservedwords.MyEnumImport, nil)).ok(t) })
}
