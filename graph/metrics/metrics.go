package metrics

import (
	"time"

	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"newsgraph/graph"
)

// Metrics is the registry of one server and the series it records. A nil
// *Metrics records nothing, so code paths without a server (the CLI) pass
// nil.
type Metrics struct {
	reg      *prometheus.Registry
	requests *requests
	ingests  *ingests
}

// New registers the request and ingest series, the store's sizes and
// counts, Badger's expvar metrics, the Go runtime and the process. st may
// be nil (no store series).
func New(st *graph.Store) *Metrics {
	reg := prometheus.NewRegistry()
	m := &Metrics{reg: reg, requests: newRequests(reg), ingests: newIngests(reg)}
	reg.MustRegister(runtimeCollectors()...)
	reg.MustRegister(badgerCollector())
	if st != nil {
		reg.MustRegister(storeCollector{st})
	}
	return m
}

// Handler serves the registry in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// ObserveRequest records one GraphQL request. operation is the operation's
// name ("" for an anonymous one), code the first error's code ("" when it
// succeeded).
func (m *Metrics) ObserveRequest(operation, code string, took time.Duration) {
	if m != nil {
		m.requests.observe(operation, code, took)
	}
}

// Extracted records one extraction of tokens words that took took.
func (m *Metrics) Extracted(tokens int, took time.Duration) {
	if m != nil {
		m.ingests.extracted(tokens, took)
	}
}

// Ingested records what storing one article did; err is Ingest's error,
// or the extraction's when it never reached the store.
func (m *Metrics) Ingested(res graph.IngestResult, err error) {
	if m == nil {
		return
	}
	outcome := "new"
	switch {
	case err != nil:
		outcome = "failed"
	case res.Unchanged:
		outcome = "unchanged"
	case res.Replaced:
		outcome = "replaced"
	}
	m.ingests.articles.WithLabelValues(outcome).Inc()
}
