package graph_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"newsgraph"
	"newsgraph/graph"
)

// A random stream of articles over a few actors and predicates, kept with
// what each edge must be found by: its lemma and every label it was stated
// with, and the kind it was first given.
type edgeTruth struct {
	labels map[string]bool
	kind   newsgraph.RelationKind
}

var indexPredicates = []struct{ label, lemma string }{
	{"said", "say"}, {"says", "say"}, {"Told", "say"}, {"attacked", "attack"},
	{"met", "meet"}, {"met with", "meet"}, {"sanctioned", "sanction"}, {"president of", "president of"},
}

var indexKinds = []newsgraph.RelationKind{"", newsgraph.Action, newsgraph.Statement, newsgraph.Role}

// ingestRandom stores n random articles into st and returns the truth per
// edge, keyed by subject, lemma and object.
func ingestRandom(t *testing.T, st *graph.Store, from, n int, r *rand.Rand) map[[3]string]*edgeTruth {
	truth := map[[3]string]*edgeTruth{}
	for i := from; i < from+n; i++ {
		text := fmt.Sprintf("Article %d.", i)
		ex := &newsgraph.Extraction{}
		ids := map[string]bool{}
		actor := func() string {
			id := fmt.Sprintf("person:p%02d", r.IntN(25))
			if r.IntN(4) == 0 {
				id = fmt.Sprintf("state:%c%c", 'a'+r.IntN(3), 'a'+r.IntN(2))
			}
			if !ids[id] {
				ids[id] = true
				typ := newsgraph.Person
				if strings.HasPrefix(id, "state:") {
					typ = newsgraph.State
				}
				ex.Entities = append(ex.Entities, newsgraph.Entity{ID: id, Name: strings.ToUpper(id[strings.Index(id, ":")+1:]) + " " + id[:2], Type: typ})
			}
			return id
		}
		for range 1 + r.IntN(5) {
			s, o := actor(), actor()
			if s == o {
				continue
			}
			p := indexPredicates[r.IntN(len(indexPredicates))]
			k := indexKinds[r.IntN(len(indexKinds))]
			ex.Relations = append(ex.Relations, newsgraph.Relation{Subject: s, Predicate: p.label, Lemma: p.lemma, Kind: k, Object: o,
				Evidence: newsgraph.Evidence{Sentence: text, End: len(text), Confidence: 0.5}})
			e := truth[[3]string{s, p.lemma, o}]
			if e == nil {
				e = &edgeTruth{labels: map[string]bool{p.lemma: true}}
				truth[[3]string{s, p.lemma, o}] = e
			}
			e.labels[strings.ToLower(p.label)] = true
			if e.kind == "" {
				e.kind = k
			}
		}
		a := &newsgraph.Article{ID: fmt.Sprintf("a%d", i), Title: "t", Text: text}
		if _, err := st.Ingest(context.Background(), a, ex); err != nil {
			t.Fatalf("Ingest(%s) = %v", a.ID, err)
		}
	}
	return truth
}

// allPages reads every page of a filtered relation list, checking that each
// page's TotalCount is the number of edges the pages hold.
func allPages(t *testing.T, st *graph.Store, f graph.RelationFilter) []*graph.Relation {
	t.Helper()
	var out []*graph.Relation
	p := graph.PageArgs{First: 7}
	total := -1
	for {
		pg, err := st.Relations(context.Background(), f, p)
		if err != nil {
			t.Fatalf("Relations(%+v) = %v", f, err)
		}
		if total >= 0 && pg.TotalCount != total {
			t.Fatalf("Relations(%+v): TotalCount changed from %d to %d between pages", f, total, pg.TotalCount)
		}
		total = pg.TotalCount
		for _, e := range pg.Edges {
			out = append(out, e.Node)
		}
		if !pg.HasNextPage {
			break
		}
		p.After = pg.EndCursor
	}
	if total != len(out) {
		t.Errorf("Relations(%+v): TotalCount %d; pages hold %d edges", f, total, len(out))
	}
	return out
}

// checkIndexes compares every predicate and kind filter of st with the
// truth: the same edges, heaviest first.
func checkIndexes(t *testing.T, st *graph.Store, truth map[[3]string]*edgeTruth) {
	t.Helper()
	filters := []string{""}
	for _, p := range indexPredicates {
		filters = append(filters, p.label, p.lemma, strings.ToUpper(p.label))
	}
	for _, pred := range filters {
		for _, kind := range indexKinds {
			f := graph.RelationFilter{Predicate: pred, Kind: kind}
			got := allPages(t, st, f)
			want := 0
			for _, e := range truth {
				if (pred == "" || e.labels[strings.ToLower(pred)]) && (kind == "" || e.kind == kind) {
					want++
				}
			}
			if len(got) != want {
				t.Errorf("Relations(%+v) gave %d edges; want %d", f, len(got), want)
			}
			for i, r := range got {
				e := truth[[3]string{r.Subject, r.Lemma, r.Object}]
				if e == nil || pred != "" && !e.labels[strings.ToLower(pred)] || kind != "" && r.Kind != kind {
					t.Errorf("Relations(%+v) gave %s -[%s]-> %s (%s), which does not match", f, r.Subject, r.Lemma, r.Object, r.Kind)
				}
				if i > 0 && got[i-1].Weight < r.Weight {
					t.Errorf("Relations(%+v): weight %d after %d", f, r.Weight, got[i-1].Weight)
				}
			}
		}
	}
}

// The predicate and kind indexes, kept up as edges gain weight, labels and
// kinds article by article, answer as the edges say, and an upgrade of a
// format-1 store (JSON records, no indexes) re-encodes its records and
// builds the same indexes from scratch.
func TestRelationIndexes(t *testing.T) {
	dir := t.TempDir()
	st := mustOpenDir(t, dir)
	truth := ingestRandom(t, st, 0, 300, rand.New(rand.NewPCG(1, 2)))
	checkIndexes(t, st, truth)
	before := allPages(t, st, graph.RelationFilter{Predicate: "say", Kind: newsgraph.Statement})

	if err := graph.MakeFormat1(st); err != nil {
		t.Fatal(err)
	}
	if got := allPages(t, st, graph.RelationFilter{Predicate: "say"}); len(got) != 0 {
		t.Fatalf("a format-1 store found %d edges by predicate; the test did not drop the index", len(got))
	}
	if n, err := graph.JSONRecords(st); err != nil || n == 0 {
		t.Fatalf("JSONRecords(format 1) = %d, %v; want JSON records", n, err)
	}
	if got := allPages(t, st, graph.RelationFilter{}); len(got) != len(truth) {
		t.Fatalf("a format-1 store reads %d edges; want %d", len(got), len(truth))
	}
	st.Close()
	st = mustOpenDir(t, dir)
	defer st.Close()
	if n, err := graph.JSONRecords(st); err != nil || n != 0 {
		t.Fatalf("JSONRecords(upgraded) = %d, %v; want 0", n, err)
	}
	checkIndexes(t, st, truth)
	after := allPages(t, st, graph.RelationFilter{Predicate: "say", Kind: newsgraph.Statement})
	if !slices.EqualFunc(before, after, func(a, b *graph.Relation) bool { return a.ID == b.ID }) {
		t.Errorf("after the upgrade, say/STATEMENT lists other edges")
	}
	// The store goes on from the upgraded indexes.
	more := ingestRandom(t, st, 300, 100, rand.New(rand.NewPCG(3, 4)))
	for k, e := range more {
		old := truth[k]
		if old == nil {
			truth[k] = e
			continue
		}
		for l := range e.labels {
			old.labels[l] = true
		}
		if old.kind == "" {
			old.kind = e.kind
		}
	}
	checkIndexes(t, st, truth)
}
