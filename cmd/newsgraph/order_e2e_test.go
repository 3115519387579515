package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"newsgraph"
	"newsgraph/extract"
	"newsgraph/graph"
)

// extracted is one seed article with the extraction of it.
type extracted struct {
	a  *newsgraph.Article
	ex *newsgraph.Extraction
}

// seedExtractions caches extractSeeds for the tests of one run.
var seedExtractions struct {
	sync.Mutex
	arts []extracted
}

// extractSeeds reads every embedded seed article once with the current
// extractor, so that each ingest order stores the same extractions.
func extractSeeds(tb testing.TB) []extracted {
	tb.Helper()
	seedExtractions.Lock()
	defer seedExtractions.Unlock()
	if seedExtractions.arts != nil {
		return slices.Clone(seedExtractions.arts)
	}
	seeds, err := newsgraph.Seeds()
	if err != nil {
		tb.Fatal(err)
	}
	arts, err := extractArticles(seeds)
	if err != nil {
		tb.Fatal(err)
	}
	seedExtractions.arts = arts
	return slices.Clone(arts)
}

// extractArticles reads articles with the current extractor, on all cores.
func extractArticles(as []*newsgraph.Article) ([]extracted, error) {
	x, err := extract.New()
	if err != nil {
		return nil, err
	}
	out := make([]extracted, 0, len(as))
	err = extractAll(context.Background(), x, articleSource(as), func(r result) error {
		if r.err != nil {
			return r.err
		}
		out = append(out, extracted{r.article, r.ex})
		return nil
	})
	return out, err
}

// storeView is what a store says of its actors and edges, by public id.
type storeView struct {
	stats graph.Stats
	// entities and relations map each public id to a line of what the store
	// holds under it.
	entities, relations map[string]string
	// finds maps each extractor id of the articles to the id of the actor
	// it finds.
	finds map[string]string
}

// viewOf ingests arts in their order into a new store and reads it back.
func viewOf(t *testing.T, arts []extracted) storeView {
	t.Helper()
	st := openOrderStore(t)
	defer st.Close()
	ingestInOrder(t, st, arts)
	return readView(t, st, arts)
}

// openOrderStore opens a new store on disk; the caller closes it.
func openOrderStore(t *testing.T) *graph.Store {
	t.Helper()
	st, err := graph.Open(t.TempDir(), graph.DefaultOptions().WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// ingestInOrder ingests arts in their order.
func ingestInOrder(t *testing.T, st *graph.Store, arts []extracted) {
	t.Helper()
	for _, x := range arts {
		a := *x.a
		if _, err := st.Ingest(context.Background(), &a, x.ex); err != nil {
			t.Fatalf("Ingest(%s) = %v", a.ID, err)
		}
	}
}

// readView reads what st says of its actors and edges, and which actor
// each extractor id of arts finds.
func readView(t *testing.T, st *graph.Store, arts []extracted) storeView {
	t.Helper()
	ctx := context.Background()
	v := storeView{entities: map[string]string{}, relations: map[string]string{}}
	var err error
	if v.stats, err = st.Stats(ctx); err != nil {
		t.Fatal(err)
	}
	for p := (graph.PageArgs{First: graph.MaxPageSize}); ; {
		page, err := st.Entities(ctx, graph.EntityFilter{}, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range page.Edges {
			n := e.Node
			v.entities[n.ID] = fmt.Sprintf("%s %s %q country=%s mentions=%d articles=%d aliases=%q reasons=%q",
				n.Type, n.Sector, n.Name, n.Country, n.MentionCount, n.ArticleCount, n.Aliases, sortedPairs(n.AliasReasons))
		}
		if !page.HasNextPage {
			break
		}
		p.After = page.EndCursor
	}
	for p := (graph.PageArgs{First: graph.MaxPageSize}); ; {
		page, err := st.Relations(ctx, graph.RelationFilter{}, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range page.Edges {
			r := e.Node
			v.relations[r.ID] = fmt.Sprintf("%s -%s/%s-> %s weight=%d articles=%d kind=%s seen=%s..%s confidence=%g",
				r.Subject, r.Lemma, r.Predicate, r.Object, r.Weight, r.ArticleCount, r.Kind, r.FirstSeen, r.LastSeen, r.Confidence)
		}
		if !page.HasNextPage {
			break
		}
		p.After = page.EndCursor
	}
	v.finds = findsOf(t, st, arts)
	return v
}

// findsOf maps every extractor id of arts to the id of the actor it finds
// in st ("-" for none).
func findsOf(t *testing.T, st *graph.Store, arts []extracted) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, x := range arts {
		for _, e := range x.ex.Entities {
			if _, ok := out[e.ID]; ok {
				continue
			}
			switch got, err := st.Entity(context.Background(), e.ID); {
			case errors.Is(err, graph.ErrNotFound):
				out[e.ID] = "-"
			case err != nil:
				t.Fatalf("Entity(%q) = %v", e.ID, err)
			default:
				out[e.ID] = got.ID
			}
		}
	}
	return out
}

// sortedPairs lists a map's entries as "key: value", sorted.
func sortedPairs(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k, v := range m {
		out = append(out, k+": "+v)
	}
	sort.Strings(out)
	return out
}

// idDiff lists the ids one map has and the other lacks, and the ids both
// have with different lines.
func idDiff(got, want map[string]string) []string {
	var out []string
	for id, w := range want {
		switch g, ok := got[id]; {
		case !ok:
			out = append(out, "missing "+id+": "+w)
		case g != w:
			out = append(out, fmt.Sprintf("%s: %s; want %s", id, g, w))
		}
	}
	for id, g := range got {
		if _, ok := want[id]; !ok {
			out = append(out, "extra "+id+": "+g)
		}
	}
	sort.Strings(out)
	return out
}

// TestIngestOrderIndependent ingests the same extractions of every seed
// article in three orders (as listed, reversed, shuffled with a fixed seed)
// and wants the same store from each: the same counts, every actor under
// the same id with the same type, name, country, aliases and counts, and
// every edge under the same id between the same ends. An actor's id used to
// be the one the first article that named it gave ("agency:congress" in one
// order, "agency:us:congress" in another), and edge ids follow their ends'.
func TestIngestOrderIndependent(t *testing.T) {
	arts := extractSeeds(t)
	if len(arts) < 100 {
		t.Fatalf("only %d seed articles", len(arts))
	}
	shuffled := slices.Clone(arts)
	rand.New(rand.NewSource(7)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	reversed := slices.Clone(arts)
	slices.Reverse(reversed)

	want := viewOf(t, arts)
	if want.stats.Entities < 1000 || want.stats.Relations < 500 {
		t.Fatalf("stats %+v: the seeds give less than the test needs", want.stats)
	}
	for _, o := range []struct {
		name string
		arts []extracted
	}{{"reversed", reversed}, {"shuffled", shuffled}} {
		got := viewOf(t, o.arts)
		t.Logf("%s: %d of %d actor ids and %d of %d edge ids not in stored order's store", o.name,
			onlyIn(got.entities, want.entities), len(got.entities), onlyIn(got.relations, want.relations), len(got.relations))
		if d := viewDiff(got, want); len(d) > 0 {
			t.Errorf("%s: %d differences from stored order:\n%s", o.name, len(d), strings.Join(head(d, 25), "\n"))
		}
	}
}

// viewDiff lists how got differs from want: counts, actors, edges, and
// which actor each extractor id finds.
func viewDiff(got, want storeView) []string {
	var out []string
	if got.stats != want.stats {
		out = append(out, fmt.Sprintf("stats %+v; want %+v", got.stats, want.stats))
	}
	for _, d := range []struct {
		what      string
		got, want map[string]string
	}{{"actor", got.entities, want.entities}, {"edge", got.relations, want.relations}, {"find", got.finds, want.finds}} {
		for _, l := range idDiff(d.got, d.want) {
			out = append(out, d.what+" "+l)
		}
	}
	return out
}

// onlyIn counts the ids of got that want lacks.
func onlyIn(got, want map[string]string) int {
	n := 0
	for id := range got {
		if _, ok := want[id]; !ok {
			n++
		}
	}
	return n
}

func head(xs []string, n int) []string { return xs[:min(n, len(xs))] }
