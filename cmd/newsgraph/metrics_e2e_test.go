package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// scrape reads /metrics and returns each sample by its series
// (`name{labels}`) as Prometheus writes it.
func scrape(t *testing.T, url string) map[string]float64 {
	t.Helper()
	resp, err := http.Get(url + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("GET /metrics = %d %s", resp.StatusCode, b)
	}
	out := map[string]float64{}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			t.Fatalf("metrics line %q: %v", line, err)
		}
		out[line[:i]] = v
	}
	return out
}

// TestMetricsAndRequestLog drives a server through a few requests and reads
// the request and ingest series back from /metrics, and one JSON log line
// per request from its log.
func TestMetricsAndRequestLog(t *testing.T) {
	s := startServer(t, t.TempDir(), "--no-seed", "--log-format", "json")
	const ingest = `mutation Add($in: ArticleInput!) { ingestArticle(input: $in) { id } }`
	texts := []string{"Russia and Ukraine met in Geneva on Monday.", "France criticised Germany over the budget."}
	for i, text := range texts {
		var out any
		s.query(t, ingest, map[string]any{"in": map[string]any{"id": fmt.Sprint("a", i), "text": text}}, &out)
	}
	var out any
	s.query(t, ingest, map[string]any{"in": map[string]any{"id": "a0", "text": texts[0]}}, &out) // unchanged
	for range 3 {
		s.query(t, `query Counts { stats { articles } }`, nil, &out)
	}
	body, _ := json.Marshal(map[string]any{"query": `query Deep { entities { edges { node { relations { edges { node { subject { relations { edges { node { subject { relations { edges { node { id } } } } } } } } } } } } } } }`})
	if _, r := s.post(t, body); len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "QUERY_TOO_COMPLEX" {
		t.Fatalf("deep query: %+v; want QUERY_TOO_COMPLEX", r.Errors)
	}

	m := scrape(t, s.url)
	want := map[string]float64{
		`newsgraph_graphql_requests_total{operation="Add",outcome="ok"}`:                 3,
		`newsgraph_graphql_requests_total{operation="Counts",outcome="ok"}`:              3,
		`newsgraph_graphql_requests_total{operation="Deep",outcome="QUERY_TOO_COMPLEX"}`: 1,
		`newsgraph_graphql_refused_total{code="QUERY_TOO_COMPLEX"}`:                      1,
		`newsgraph_graphql_request_duration_seconds_count{operation="Counts"}`:           3,
		`newsgraph_ingest_articles_total{outcome="new"}`:                                 2,
		`newsgraph_ingest_articles_total{outcome="unchanged"}`:                           1,
		`newsgraph_ingest_articles_total{outcome="failed"}`:                              0,
		`newsgraph_extraction_seconds_count`:                                             3,
		`newsgraph_store_items{kind="articles"}`:                                         2,
	}
	for series, v := range want {
		if got, ok := m[series]; !ok || got != v {
			t.Errorf("/metrics %s = %v (present %v); want %v", series, got, ok, v)
		}
	}
	for _, name := range []string{"newsgraph_extracted_tokens_total", "go_goroutines", "badger_put_num_user", "process_resident_memory_bytes"} {
		if _, ok := m[name]; !ok {
			t.Errorf("/metrics has no %s", name)
		}
	}
	if m["newsgraph_extracted_tokens_total"] < 10 {
		t.Errorf("newsgraph_extracted_tokens_total = %v; want the tokens of three articles", m["newsgraph_extracted_tokens_total"])
	}
	s.stop(t)

	requests := map[string]int{}
	for _, line := range strings.Split(s.logs.String(), "\n") {
		var rec struct {
			Msg, Path, Operation, Code string
			Status                     int
		}
		if json.Unmarshal([]byte(line), &rec) != nil {
			if strings.TrimSpace(line) != "" {
				t.Errorf("log line is not JSON: %q", line)
			}
			continue
		}
		if rec.Msg == "request" && rec.Path == "/graphql" {
			requests[rec.Operation+" "+rec.Code]++
		}
	}
	if requests["Add "] != 3 || requests["Counts "] != 3 || requests["Deep QUERY_TOO_COMPLEX"] != 1 {
		t.Errorf("request log lines by operation and code = %v; want Add 3, Counts 3, Deep QUERY_TOO_COMPLEX 1", requests)
	}
}

var sideRE = regexp.MustCompile(`msg="(metrics|debug) listener" url=(http://\S+)`)

// TestSideListeners: pprof only on --debug-addr, /metrics only on
// --metrics-addr when it is given.
func TestSideListeners(t *testing.T) {
	s := startServer(t, t.TempDir(), "--no-seed", "--debug-addr", "127.0.0.1:0", "--metrics-addr", "127.0.0.1:0")
	defer s.stop(t)
	urls := map[string]string{}
	for _, m := range sideRE.FindAllStringSubmatch(s.logs.String(), -1) {
		urls[m[1]] = m[2]
	}
	if urls["metrics"] == "" || urls["debug"] == "" {
		t.Fatalf("no metrics and debug listener in the log:\n%s", s.logs)
	}
	for _, c := range []struct {
		url  string
		want int
	}{
		{urls["debug"] + "/debug/pprof/", http.StatusOK},
		{urls["metrics"] + "/metrics", http.StatusOK},
		{s.url + "/debug/pprof/", http.StatusNotFound},
		{s.url + "/metrics", http.StatusNotFound},
	} {
		resp, err := http.Get(c.url)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.want {
			t.Errorf("GET %s = %d; want %d", c.url, resp.StatusCode, c.want)
		}
	}
}
