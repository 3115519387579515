package gql

import (
	"log/slog"
	"net/http"
	"time"

	graphql "github.com/graph-gophers/graphql-go"

	"newsgraph/graph/metrics"
)

// Observe wraps the server's handler: one log line per request (method,
// path, status, bytes, duration and, for GraphQL, the operation name and
// the refused code; health checks and scrapes at debug level) and the
// request metrics. m may be nil.
func Observe(next http.Handler, log *slog.Logger, m *metrics.Metrics) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ow := &observedWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(ow, r)
		took := time.Since(start)
		attrs := []any{"method", r.Method, "path", r.URL.Path, "status", ow.status,
			"bytes", ow.bytes, "duration", took.Round(time.Microsecond)}
		if ow.graphql {
			attrs = append(attrs, "operation", ow.operation)
			m.ObserveRequest(ow.operation, ow.code, took)
		}
		if ow.code != "" {
			attrs = append(attrs, "code", ow.code)
		}
		level := slog.LevelInfo
		if r.URL.Path == "/healthz" || r.URL.Path == "/metrics" {
			level = slog.LevelDebug // probes and scrapes every few seconds
		}
		log.Log(r.Context(), level, "request", attrs...)
	})
}

// observedWriter counts what a handler wrote; the GraphQL handler notes on
// it the operation and the code of the first error.
type observedWriter struct {
	http.ResponseWriter
	status          int
	bytes           int64
	wroteHeader     bool
	graphql         bool
	operation, code string
}

func (w *observedWriter) WriteHeader(status int) {
	if !w.wroteHeader {
		w.status, w.wroteHeader = status, true
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *observedWriter) Write(p []byte) (int, error) {
	w.wroteHeader = true
	n, err := w.ResponseWriter.Write(p)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (w *observedWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// noteGraphQL records on w, when Observe wraps it, which operation ran and
// the code of its first error ("" when none).
func noteGraphQL(w http.ResponseWriter, operation, code string) {
	if ow, ok := w.(*observedWriter); ok {
		ow.graphql, ow.operation, ow.code = true, operation, code
	}
}

// operationName is the name of the operation a request runs: the one it
// names, else that of the document's only operation ("" when anonymous or
// unparsable).
func operationName(d *document, given string) string {
	if given != "" {
		return given
	}
	if op := d.operation(""); op != nil {
		return op.Name
	}
	return ""
}

// firstCode is the extensions.code of a response's first error.
func firstCode(resp *graphql.Response) string {
	for _, e := range resp.Errors {
		if c, ok := e.Extensions["code"].(string); ok {
			return c
		}
	}
	return ""
}
