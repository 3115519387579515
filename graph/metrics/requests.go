package metrics

import (
	"regexp"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// requests counts GraphQL requests by operation name and outcome, times
// them, and counts refused ones by error code.
type requests struct {
	total   *prometheus.CounterVec   // operation, outcome
	latency *prometheus.HistogramVec // operation
	refused *prometheus.CounterVec   // code

	mu  sync.Mutex
	ops map[string]bool // operation names given a series of their own
}

// maxOperations bounds the operation names that get their own series:
// clients choose the names, and each name is a series the server keeps
// forever. Later names are counted as "other".
const maxOperations = 100

var opNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,63}$`)

func newRequests(reg prometheus.Registerer) *requests {
	r := &requests{
		total: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsgraph_graphql_requests_total",
			Help: "GraphQL requests by operation name and outcome (ok or the first error's code).",
		}, []string{"operation", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "newsgraph_graphql_request_duration_seconds",
			Help:    "Time from reading a GraphQL request to its answer, by operation name.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 4, 10), // 0.5 ms .. 131 s
		}, []string{"operation"}),
		refused: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsgraph_graphql_refused_total",
			Help: "GraphQL requests answered with an error, by the error's code.",
		}, []string{"code"}),
		ops: map[string]bool{},
	}
	reg.MustRegister(r.total, r.latency, r.refused)
	return r
}

func (r *requests) observe(operation, code string, took time.Duration) {
	op := r.label(operation)
	outcome := "ok"
	if code != "" {
		outcome = code
		r.refused.WithLabelValues(code).Inc()
	}
	r.total.WithLabelValues(op, outcome).Inc()
	r.latency.WithLabelValues(op).Observe(took.Seconds())
}

// label maps a client's operation name to a bounded set of label values.
func (r *requests) label(op string) string {
	switch {
	case op == "":
		return "anonymous"
	case !opNameRE.MatchString(op):
		return "other"
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ops[op] {
		return op
	}
	if len(r.ops) >= maxOperations {
		return "other"
	}
	r.ops[op] = true
	return op
}
