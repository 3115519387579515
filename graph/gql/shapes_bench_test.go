package gql_test

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"newsgraph"
	"newsgraph/graph"
	"newsgraph/graph/gql"
	"newsgraph/graph/gql/loadshape"
)

// newsExtractor is a deterministic stand-in for package extract over the
// generated news of newsText: "P<n>" is a person, "A<n>" an agency, "S<n>"
// a state, and each sentence "X <verb> Y." relates two of them, its lemma
// the verb's first word.
type newsExtractor struct{}

var newsSentence = regexp.MustCompile(`([PAS])(\d+) (\w+) ([PAS])(\d+)\.`)

var newsTypes = map[string]struct {
	prefix string
	typ    newsgraph.EntityType
}{"P": {"person:p", newsgraph.Person}, "A": {"agency:a", newsgraph.Agency}, "S": {"state:s", newsgraph.State}}

var newsLemmas = map[string]string{"said": "say", "met": "meet", "warned": "warn"}

func (newsExtractor) Extract(ctx context.Context, a *newsgraph.Article) (*newsgraph.Extraction, error) {
	ex := &newsgraph.Extraction{}
	index := map[string]int{}
	mention := func(kind, num string, start, end int) string {
		t := newsTypes[kind]
		id := t.prefix + num
		i, ok := index[id]
		if !ok {
			i = len(ex.Entities)
			index[id] = i
			ex.Entities = append(ex.Entities, newsgraph.Entity{ID: id, Name: kind + num, Type: t.typ})
		}
		ex.Entities[i].Mentions = append(ex.Entities[i].Mentions, newsgraph.Mention{Start: start, End: end, Text: a.Text[start:end]})
		return id
	}
	for _, m := range newsSentence.FindAllStringSubmatchIndex(a.Text, -1) {
		subj := mention(a.Text[m[2]:m[3]], a.Text[m[4]:m[5]], m[2], m[5])
		obj := mention(a.Text[m[8]:m[9]], a.Text[m[10]:m[11]], m[8], m[11])
		verb := a.Text[m[6]:m[7]]
		kind := newsgraph.Action
		if verb == "said" {
			kind = newsgraph.Statement
		}
		ex.Relations = append(ex.Relations, newsgraph.Relation{
			Subject: subj, Predicate: verb, Lemma: newsLemmas[verb], Kind: kind, Object: obj,
			Evidence: newsgraph.Evidence{Sentence: a.Text[m[0]:m[1]], Start: m[0], End: m[1], Confidence: 0.5},
		})
	}
	return ex, nil
}

// newsText is generated article i: a person speaks of a state and an
// agency meets a person; one article in four adds a state warning an
// agency. States are few and drawn skewed, so the first ones are hubs, as
// real countries are in the news; people and agencies are many, most
// mentioned once or twice, as in a news stream.
func newsText(r *rand.Rand, i int) string {
	const people, agencies, states = 6000, 1500, 30
	hub := func() int { return r.IntN(r.IntN(states) + 1) }
	text := fmt.Sprintf("Report %d\nP%d said S%d. A%d met P%d.", i, r.IntN(people), hub(), r.IntN(agencies), r.IntN(people))
	if i%4 == 0 {
		text += fmt.Sprintf(" S%d warned A%d.", hub(), r.IntN(agencies))
	}
	return text
}

// shapesStore is a generated store of n articles (for 4,000: about 5,000
// actors, 9,000 edges, a few hubs of several hundred edges) in dir, as a server
// reads one: in tables on disk (closed after ingest, so that the memtables
// are flushed), reopened ReadMostly with the server's caches and
// flattened. An in-memory store would
// serve every read from Badger's memtables, which no real server does.
func shapesStore(tb testing.TB, dir string, n int) *graph.Store {
	tb.Helper()
	st, err := graph.Open(dir, graph.DefaultOptions().WithLogger(nil))
	if err != nil {
		tb.Fatal(err)
	}
	ctx := context.Background()
	r := rand.New(rand.NewPCG(16, 16))
	for i := range n {
		a := &newsgraph.Article{ID: fmt.Sprintf("n%d", i), Title: fmt.Sprintf("Report %d", i),
			Text: newsText(r, i), PublishedAt: fmt.Sprintf("2020-%02d-%02d", 1+i%12, 1+i%28)}
		ex, _ := newsExtractor{}.Extract(ctx, a)
		if _, err := st.Ingest(ctx, a, ex); err != nil {
			tb.Fatalf("Ingest(%s) = %v", a.ID, err)
		}
	}
	if err := st.Close(); err != nil {
		tb.Fatal(err)
	}
	if st, err = graph.Open(dir, graph.DefaultOptions().WithReadMostly(true).
		WithCacheMB(graph.DefaultCacheMB).WithReadCacheMB(graph.DefaultReadCacheMB).WithLogger(nil)); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	if err := st.Flatten(); err != nil {
		tb.Fatal(err)
	}
	return st
}

// BenchmarkShapes serves each query shape of the load test
// (package loadshape) through the handler, JSON request to JSON answer,
// in process: the CPU and allocations of a request without the network
// or a client. Each op draws new variables, as the load test's clients do.
// cpu-µs/op is the process's CPU time per op (the collector and Badger's
// goroutines included), steadier than ns/op on a loaded machine;
// gc-cycles/10k-ops the collections per 10,000 ops, which the load does not
// move at all.
func BenchmarkShapes(b *testing.B) {
	st := shapesStore(b, b.TempDir(), 4000)
	ctx := context.Background()
	in, err := loadshape.ReadInputs(ctx, st, "say")
	if err != nil {
		b.Fatal(err)
	}
	h := shapesHandler(b, st)
	for _, sh := range loadshape.Shapes {
		b.Run(strings.NewReplacer(" ", "_", ",", "").Replace(sh.Name), func(b *testing.B) {
			r := rand.New(rand.NewPCG(1, 2))
			var answered int
			cpu0, gc0 := loadshape.ProcessCPU(), loadshape.GCCycles()
			for b.Loop() {
				n, err := serveShape(h, sh, r, in)
				if err != nil {
					b.Fatal(err)
				}
				answered += n
			}
			b.ReportMetric(float64((loadshape.ProcessCPU()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op")
			b.ReportMetric(1e4*float64(loadshape.GCCycles()-gc0)/float64(b.N), "gc-cycles/10k-ops")
			b.ReportMetric(float64(answered)/float64(b.N), "answer-bytes/op")
		})
	}
}

// shapesHandler is the read-only handler loadtest serves.
func shapesHandler(tb testing.TB, st *graph.Store) *gql.Handler {
	tb.Helper()
	h, err := gql.NewHandler(st, nil, gql.Options{ReadOnly: true, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		tb.Fatal(err)
	}
	return h
}

// serveShape serves one request of sh, its variables drawn with r from in,
// and returns the answer's length; an error when the status is not 200 or
// the answer has errors.
func serveShape(h http.Handler, sh loadshape.Shape, r *rand.Rand, in *loadshape.Inputs) (int, error) {
	w := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(string(body(sh.Query, sh.Variables(r, in)))))
	req.Header.Set("Content-Type", "application/json")
	h.ServeHTTP(w, req)
	if w.Code != http.StatusOK || strings.Contains(w.Body.String(), `"errors":`) {
		return 0, fmt.Errorf("%s: status %d: %.300s", sh.Name, w.Code, w.Body.String())
	}
	return w.Body.Len(), nil
}
