package metrics_test

import (
	"fmt"
	"io"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"newsgraph/graph"
	"newsgraph/graph/metrics"
)

func scrape(t *testing.T, m *metrics.Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	b, _ := io.ReadAll(rec.Body)
	return string(b)
}

// TestOperationNamesAreBounded: clients choose operation names, so a
// client sending many must not grow the series without end.
func TestOperationNamesAreBounded(t *testing.T) {
	m := metrics.New(nil)
	for i := range 250 {
		m.ObserveRequest(fmt.Sprintf("Op%d", i), "", time.Millisecond)
	}
	m.ObserveRequest("not a name {", "BAD_INPUT", time.Millisecond)
	m.ObserveRequest("", "", time.Millisecond)
	out := scrape(t, m)
	ops := map[string]bool{}
	for _, mm := range regexp.MustCompile(`newsgraph_graphql_requests_total\{operation="([^"]*)"`).FindAllStringSubmatch(out, -1) {
		ops[mm[1]] = true
	}
	if len(ops) != 102 || !ops["other"] || !ops["anonymous"] || !ops["Op0"] || ops["Op100"] {
		t.Errorf("operation labels: %d (other %v, anonymous %v); want Op0..Op99, other and anonymous", len(ops), ops["other"], ops["anonymous"])
	}
	if !strings.Contains(out, `newsgraph_graphql_requests_total{operation="other",outcome="ok"} 150`) {
		t.Errorf("the 150 names past the bound are not counted as other:\n%s", grep(out, `operation="other"`))
	}
	if !strings.Contains(out, `newsgraph_graphql_refused_total{code="BAD_INPUT"} 1`) {
		t.Errorf("refused BAD_INPUT not counted:\n%s", grep(out, "refused"))
	}
}

// TestNilMetricsRecordNothing: the CLI passes no metrics.
func TestNilMetricsRecordNothing(t *testing.T) {
	var m *metrics.Metrics
	m.ObserveRequest("Op", "", time.Second)
	m.Extracted(10, time.Second)
	m.Ingested(graph.IngestResult{}, nil)
}

func grep(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
