package export

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"newsgraph"
	"newsgraph/graph"
)

// mustStore opens an in-memory store holding two articles: Russia, Ukraine
// and Putin with two edges, and an unrelated actor.
func mustStore(tb testing.TB) *graph.Store {
	tb.Helper()
	st, err := graph.Open("", graph.DefaultOptions().WithInMemory(true).WithLogger(slog.New(slog.DiscardHandler)))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	text := "Russia's President Vladimir Putin said Russia & Ukraine <talk>. Reuters reported it."
	span := func(s string) []newsgraph.Mention {
		i := strings.Index(text, s)
		return []newsgraph.Mention{{Start: i, End: i + len(s), Text: s}}
	}
	ev := newsgraph.Evidence{Sentence: text, Start: 0, End: len(text), Confidence: 0.9}
	ex := &newsgraph.Extraction{
		Entities: []newsgraph.Entity{
			{ID: "state:ru", Name: "Russia", Type: newsgraph.State, Mentions: span("Russia")},
			{ID: "state:ua", Name: "Ukraine", Type: newsgraph.State, Mentions: span("Ukraine")},
			{ID: "person:vladimir-putin", Name: "Vladimir Putin", Type: newsgraph.Person, Aliases: []string{"Putin"}, Mentions: span("Vladimir Putin")},
			{ID: "agency:reuters", Name: "Reuters", Type: newsgraph.Agency, Mentions: span("Reuters")},
		},
		Relations: []newsgraph.Relation{
			{Subject: "person:vladimir-putin", Predicate: "president of", Lemma: "president of", Object: "state:ru", Evidence: ev},
			{Subject: "state:ru", Predicate: "talks with", Lemma: "talk with", Object: "state:ua", Evidence: ev},
		},
	}
	a := &newsgraph.Article{ID: "a1", Title: "T", Text: text, PublishedAt: "2024-01-02"}
	if _, err := st.Ingest(context.Background(), a, ex); err != nil {
		tb.Fatal(err)
	}
	return st
}

// readGraphML parses GraphML back into node ids and (source, target, label).
func readGraphML(t *testing.T, r io.Reader) (nodes map[string]string, edges []string) {
	t.Helper()
	var doc gmlDoc
	if err := xml.NewDecoder(r).Decode(&doc); err != nil {
		t.Fatalf("GraphML does not parse: %v", err)
	}
	nodes = map[string]string{}
	for _, n := range doc.Graph.Nodes {
		for _, d := range n.Data {
			if d.Key == "label" {
				nodes[n.ID] = d.Value
			}
		}
	}
	for _, e := range doc.Graph.Edges {
		label := ""
		for _, d := range e.Data {
			if d.Key == "predicate" {
				label = d.Value
			}
		}
		edges = append(edges, e.Source+" "+label+" "+e.Target)
	}
	return nodes, edges
}

func TestCollectAndWrite(t *testing.T) {
	st := mustStore(t)
	ctx := context.Background()
	tests := []struct {
		name         string
		opts         Options
		nodes, edges int
	}{
		{"whole graph", Options{}, 4, 2},
		{"top two", Options{Limit: 2}, 2, -1},
		{"around putin, one hop", Options{IDs: []string{"person:vladimir-putin"}, Depth: 1}, 2, 1},
		{"around putin, two hops", Options{IDs: []string{"person:vladimir-putin"}, Depth: 2}, 3, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Collect(ctx, st, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := Write(&buf, GraphML, g); err != nil {
				t.Fatal(err)
			}
			nodes, edges := readGraphML(t, &buf)
			if len(nodes) != tt.nodes || tt.edges >= 0 && len(edges) != tt.edges {
				t.Errorf("Collect(%+v) = %d nodes, edges %v; want %d nodes, %d edges", tt.opts, len(nodes), edges, tt.nodes, tt.edges)
			}
			for _, e := range edges {
				f := strings.Fields(e)
				if nodes[f[0]] == "" || nodes[f[len(f)-1]] == "" {
					t.Errorf("edge %q has an end that is not a node", e)
				}
			}
		})
	}
}

func TestCytoscapeJSON(t *testing.T) {
	st := mustStore(t)
	g, err := Collect(context.Background(), st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, CytoscapeJSON, g); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Elements struct {
			Nodes []struct{ Data map[string]any }
			Edges []struct{ Data map[string]any }
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatalf("cytoscape JSON does not parse: %v", err)
	}
	if len(out.Elements.Nodes) != 4 || len(out.Elements.Edges) != 2 {
		t.Fatalf("cytoscape JSON has %d nodes, %d edges; want 4, 2", len(out.Elements.Nodes), len(out.Elements.Edges))
	}
	e := out.Elements.Edges[0].Data
	if e["source"] == nil || e["target"] == nil || e["label"] == "" || e["first_seen"] != "2024-01-02" {
		t.Errorf("edge data %v lacks source, target, label or first_seen", e)
	}
}

func TestHandler(t *testing.T) {
	srv := httptest.NewServer(Handler(mustStore(t), slog.New(slog.DiscardHandler), 10*time.Second))
	defer srv.Close()
	tests := []struct {
		query  string
		status int
		ctype  string
	}{
		{"?format=graphml&id=state:ru&depth=1", 200, "application/graphml+xml"},
		{"?format=json", 200, "application/json"},
		{"", 200, "application/graphml+xml"},
		{"?format=svg", 400, ""},
		{"?depth=-1", 400, ""},
		{"?limit=0", 400, ""},
		{"?limit=2", 200, "application/graphml+xml"},
		{"?id=state:zz", 404, ""},
	}
	for _, tt := range tests {
		resp, err := http.Get(srv.URL + tt.query)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status || tt.ctype != "" && resp.Header.Get("Content-Type") != tt.ctype {
			t.Errorf("GET /export%s = %d %s; want %d %s\n%s", tt.query, resp.StatusCode, resp.Header.Get("Content-Type"), tt.status, tt.ctype, body)
		}
		if tt.status == 200 && tt.ctype == "application/graphml+xml" {
			if nodes, _ := readGraphML(t, bytes.NewReader(body)); len(nodes) == 0 {
				t.Errorf("GET /export%s gave no nodes", tt.query)
			}
		}
	}
}
