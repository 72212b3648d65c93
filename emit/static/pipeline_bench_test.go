package static

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"
)

// What the pipeline adds to a request that succeeds at once, against a
// Doer that answers from memory (no network, so that only the pipeline's
// own cost shows): compare Direct with the others.
func BenchmarkPipeline200(b *testing.B) {
	ok := doerFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 200, Header: http.Header{}, Body: http.NoBody, Request: r}, nil
	})
	token := func(context.Context, []string, string) (string, time.Time, error) {
		return "t", time.Now().Add(time.Hour), nil
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelWarn}))
	for _, bc := range []struct {
		name string
		doer interface {
			Do(*http.Request) (*http.Response, error)
		}
	}{
		{"Direct", ok},
		{"Pipeline", newPipeline(ok, pipelineOptions{pkg: "batch", apiVersion: "2024-02-01", endpoint: "https://management.azure.com"})},
		{"PipelineToken", newPipeline(ok, pipelineOptions{pkg: "batch", apiVersion: "2024-02-01", endpoint: "https://management.azure.com", token: token})},
		{"PipelineTokenLoggerOff", newPipeline(ok, pipelineOptions{pkg: "batch", apiVersion: "2024-02-01", endpoint: "https://management.azure.com", token: token, logger: quiet})},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req, err := newRequest(context.Background(), "PATCH", "https://management.azure.com", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/a",
					nil, strings.NewReader(`{"tags":{"a":"b"}}`), "application/json")
				if err != nil {
					b.Fatal(err)
				}
				resp, err := send(bc.doer, req)
				if err != nil || resp.StatusCode != 200 {
					b.Fatal(err)
				}
			}
		})
	}
}
