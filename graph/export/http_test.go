package export

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"newsgraph/graph"
	"newsgraph/graph/gql"
)

// newServer serves /export as newsgraph serve does: behind the GraphQL
// handler's CORS rules, with origin allowed.
func newServer(t *testing.T, maxNodes int, origin string) (*httptest.Server, *graph.Store) {
	t.Helper()
	st := fixtureStore(t, 20)
	log := slog.New(slog.DiscardHandler)
	h, err := gql.NewHandler(st, nil, gql.Options{AllowedOrigins: []string{origin}, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/export", h.WithCORS(Handler(st, HandlerOptions{Timeout: 10 * time.Second, MaxNodes: maxNodes, Log: log})))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, st
}

func TestHandler(t *testing.T) {
	srv, st := newServer(t, 1000, "https://app.example")
	all := stats(t, st).Entities
	sg, err := st.Subgraph(context.Background(), []string{"state:ru"}, 1, 100)
	if err != nil {
		t.Fatal(err)
	}
	aroundRU := len(sg.Nodes)
	tests := []struct {
		query     string
		status    int
		ctype     string
		nodes     int // -1: do not count; all and aroundRU: as the store says
		truncated string
	}{
		{"", 200, "application/graphml+xml", all, "false"},
		{"?format=gexf", 200, "application/gexf+xml", all, "false"},
		{"?format=dot&id=state:ru&depth=1", 200, "text/vnd.graphviz", aroundRU, "false"},
		{"?format=json&id=Putin&depth=0", 200, "application/json", 1, "false"},
		{"?format=d3&id=vladimir%20putin&id=Reuters&depth=0", 200, "application/json", 2, "false"},
		{"?format=graphology&id=state:ua&depth=2&limit=3", 200, "application/json", 3, "true"},
		{"?format=cytoscape&limit=4", 200, "application/json", 4, "true"},
		{"?format=neo4j", 200, "application/zip", all, "false"},
		{"?format=nquads&since=2024-03-01", 200, "application/n-quads", all, "false"},
		{"?format=jsonl", 200, "application/x-ndjson", -1, "false"},
		{"?format=jsonl&events=false", 400, "", 0, ""},
		{"?format=jsonl&id=state:ru", 400, "", 0, ""},
		{"?format=svg", 400, "", 0, ""},
		{"?depth=-1", 400, "", 0, ""},
		{"?depth=9&id=state:ru", 400, "", 0, ""},
		{"?limit=0", 400, "", 0, ""},
		{"?limit=1001", 400, "", 0, ""},
		{"?since=yesterday", 400, "", 0, ""},
		{"?id=state:zz", 404, "", 0, ""},
		{"?id=Nobody%20At%20All", 404, "", 0, ""},
	}
	for _, tt := range tests {
		resp, err := http.Get(srv.URL + "/export" + tt.query)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status || tt.ctype != "" && resp.Header.Get("Content-Type") != tt.ctype {
			t.Errorf("GET /export%s = %d %s; want %d %s\n%.300s", tt.query, resp.StatusCode, resp.Header.Get("Content-Type"), tt.status, tt.ctype, body)
			continue
		}
		if tt.status != 200 {
			continue
		}
		if got := resp.Header.Get(HeaderTruncated); got != tt.truncated {
			t.Errorf("GET /export%s: %s %q; want %q", tt.query, HeaderTruncated, got, tt.truncated)
		}
		if tt.nodes < 0 {
			continue
		}
		f, _ := Lookup(resp.Request.URL.Query().Get("format"))
		p := readers[f.Name](t, body)
		if len(p.nodes) != tt.nodes || p.truncated != (tt.truncated == "true") {
			t.Errorf("GET /export%s: %d nodes, truncated %v in the file; want %d, %s", tt.query, len(p.nodes), p.truncated, tt.nodes, tt.truncated)
		}
	}
}

// TestHandlerWindow: since and until keep the edges whose evidence dates
// overlap the window.
func TestHandlerWindow(t *testing.T) {
	srv, _ := newServer(t, 1000, "")
	count := func(q string) int {
		resp, err := http.Get(srv.URL + "/export?format=d3" + q)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return len(readers["d3"](t, b).edges)
	}
	all, y2024, march, none := count(""), count("&since=2024-01-01"), count("&since=2024-03-01&until=2024-03-31"), count("&until=2000-01-01")
	// The fixture: 4 edges dated 2024-01-02, 3 dated 2024-03-05, 20 x 4
	// in 2023 (one shared by all, so fewer), 2 undated.
	if !(all > y2024 && y2024 == 7 && march == 3 && none == 0) {
		t.Errorf("edges: all %d, since 2024 %d, March 2024 %d, before 2000 %d; want all > 7, 7, 3, 0", all, y2024, march, none)
	}
}

// TestHandlerEvents: an export carries the events of its actors, in the
// date window, unless events=false.
func TestHandlerEvents(t *testing.T) {
	srv, st := newServer(t, 1000, "")
	get := func(q string) (int, parsed) {
		resp, err := http.Get(srv.URL + "/export?format=d3" + q)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			return resp.StatusCode, parsed{}
		}
		return 200, readers["d3"](t, b)
	}
	ua, err := st.Events(context.Background(), graph.EventFilter{Subject: "state:ua"}, graph.PageArgs{})
	if err != nil {
		t.Fatal(err)
	}
	// The fixture: one event per actor of each article; 4 actors on
	// 2024-01-02, 4 on 2024-03-05, 3 undated, the rest in 2023.
	for _, c := range []struct {
		query  string
		events int
	}{
		{"", stats(t, st).Events},
		{"&since=2024-01-01", 8},
		{"&since=2024-03-01&until=2024-03-31", 4},
		{"&until=2000-01-01", 0},
		{"&events=false", 0},
		{"&id=state:ua&depth=0", ua.TotalCount},
	} {
		status, p := get(c.query)
		if status != 200 || len(p.events) != c.events || len(p.eventEdges) != c.events {
			t.Errorf("GET /export?format=d3%s: %d, %d events, %d edges to them; want 200, %d", c.query, status, len(p.events), len(p.eventEdges), c.events)
		}
		for _, e := range p.eventEdges {
			if from, _, _ := strings.Cut(e, " "); p.nodes[from] == nil {
				t.Errorf("GET /export?format=d3%s: event edge %q from no actor of the file", c.query, e)
			}
		}
	}
	if status, _ := get("&events=maybe"); status != 400 {
		t.Errorf("GET /export?events=maybe = %d; want 400", status)
	}
}

// TestHandlerCORS: an allowed origin gets Access-Control-Allow-Origin on the
// GET itself (the bug: only the preflight had it) and may read the
// truncation headers; others get none.
func TestHandlerCORS(t *testing.T) {
	srv, _ := newServer(t, 1000, "https://app.example")
	for _, tt := range []struct {
		method, origin, allow string
		status                int
	}{
		{"GET", "https://app.example", "https://app.example", 200},
		{"OPTIONS", "https://app.example", "https://app.example", 204},
		{"GET", "https://evil.example", "", 200},
		{"POST", "", "", 405},
	} {
		req, _ := http.NewRequest(tt.method, srv.URL+"/export?format=d3&limit=2", nil)
		if tt.origin != "" {
			req.Header.Set("Origin", tt.origin)
		}
		if tt.method == "OPTIONS" {
			req.Header.Set("Access-Control-Request-Method", "GET")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.status || resp.Header.Get("Access-Control-Allow-Origin") != tt.allow {
			t.Errorf("%s /export from %q = %d, Allow-Origin %q; want %d, %q", tt.method, tt.origin, resp.StatusCode,
				resp.Header.Get("Access-Control-Allow-Origin"), tt.status, tt.allow)
		}
		if tt.method == "GET" && tt.allow != "" && !strings.Contains(resp.Header.Get("Access-Control-Expose-Headers"), HeaderTruncated) {
			t.Errorf("GET /export does not expose %s to the page", HeaderTruncated)
		}
	}
}
