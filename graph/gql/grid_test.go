package gql_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"

	"newsgraph"
	"newsgraph/graph"
	"newsgraph/graph/gql"
)

// gridExtractor is a deterministic stand-in for package extract over
// generated articles: every "E<n>" is an agency, and each sentence
// "E<a> <verb> E<b>." relates the two.
type gridExtractor struct{}

var gridSentence = regexp.MustCompile(`E(\d+) (\w+) E(\d+)\.`)

func (gridExtractor) Extract(ctx context.Context, a *newsgraph.Article) (*newsgraph.Extraction, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ex := &newsgraph.Extraction{}
	index := map[string]int{}
	mention := func(num string, start, end int) string {
		id := "agency:e" + num
		i, ok := index[id]
		if !ok {
			i = len(ex.Entities)
			index[id] = i
			ex.Entities = append(ex.Entities, newsgraph.Entity{ID: id, Name: "E" + num, Type: newsgraph.Agency})
		}
		ex.Entities[i].Mentions = append(ex.Entities[i].Mentions, newsgraph.Mention{Start: start, End: end, Text: a.Text[start:end]})
		return id
	}
	for _, m := range gridSentence.FindAllStringSubmatchIndex(a.Text, -1) {
		subj := mention(a.Text[m[2]:m[3]], m[2]-1, m[3])
		obj := mention(a.Text[m[6]:m[7]], m[6]-1, m[7])
		if subj == obj {
			continue
		}
		ex.Relations = append(ex.Relations, newsgraph.Relation{
			Subject: subj, Predicate: a.Text[m[4]:m[5]], Object: obj,
			Evidence: newsgraph.Evidence{Sentence: a.Text[m[0]:m[1]], Start: m[0], End: m[1], Confidence: 0.5},
		})
	}
	return ex, nil
}

// gridText is article i of a graph over n agencies: E(i) met E(i+1), E(i+1)
// warned E(3i+7), all mod n, so the graph is connected and has hubs.
func gridText(i, n int) string {
	a, b, c := i%n, (i+1)%n, (3*i+7)%n
	return fmt.Sprintf("Report %d\nE%d met E%d. E%d warned E%d.", i, a, b, b, c)
}

// gridStore is a store of articles gridText(0..articles-1, agencies).
func gridStore(tb testing.TB, articles, agencies int) *graph.Store {
	tb.Helper()
	st := MustOpenStore(tb)
	ctx := context.Background()
	for i := range articles {
		a := &newsgraph.Article{ID: fmt.Sprintf("g%d", i), Title: fmt.Sprintf("Report %d", i), Text: gridText(i, agencies)}
		ex, _ := gridExtractor{}.Extract(ctx, a)
		if _, err := st.Ingest(ctx, a, ex); err != nil {
			tb.Fatalf("Ingest(%s) = %v", a.ID, err)
		}
	}
	return st
}

// gridServer serves st on 127.0.0.1 with opts; the log is discarded unless
// opts has one.
func gridServer(tb testing.TB, st *graph.Store, x graph.Extractor, opts gql.Options) *httptest.Server {
	tb.Helper()
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	h, err := gql.NewHandler(st, x, opts)
	if err != nil {
		tb.Fatalf("NewHandler() = %v", err)
	}
	srv := httptest.NewServer(h)
	tb.Cleanup(srv.Close)
	return srv
}

// gqlResponse is a decoded GraphQL answer and its HTTP status.
type gqlResponse struct {
	Status int
	Data   json.RawMessage
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	}
}

func (r *gqlResponse) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

func (r *gqlResponse) message() string {
	if len(r.Errors) == 0 {
		return ""
	}
	return r.Errors[0].Message
}

// do posts body to /graphql; it returns an error instead of failing so
// that goroutines can call it.
func do(client *http.Client, url string, body []byte) (*gqlResponse, error) {
	resp, err := client.Post(url+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out := &gqlResponse{Status: resp.StatusCode}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return nil, fmt.Errorf("status %d, body not JSON: %v", resp.StatusCode, err)
	}
	return out, nil
}

func body(query string, vars map[string]any) []byte {
	b, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return b
}

// query posts a query and fails the test on a transport error.
func query(t *testing.T, url, q string, vars map[string]any) *gqlResponse {
	t.Helper()
	r, err := do(http.DefaultClient, url, body(q, vars))
	if err != nil {
		t.Fatalf("POST %.60q: %v", q, err)
	}
	return r
}

// lockedBuffer collects a log written from many goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
