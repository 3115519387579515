package graph_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"newsgraph"
	"newsgraph/graph"
)

// putinArticle is the running example: one person, two states, an agency.
func putinArticle() *fixture {
	text := "Russian President Vladimir Putin signed a decree on Friday. " +
		"Putin said Ukraine must accept the terms. " +
		"The Ministry of Defence in Moscow estimated losses at 302,000."
	return newFixture("a1", "2019-01-04", text).
		ent("person:vladimir-putin", "Vladimir Putin", newsgraph.Person, "Putin").
		ent("state:ru", "Russia", newsgraph.State, "Russian", "Moscow").
		ent("state:ua", "Ukraine", newsgraph.State).
		ent("agency:ministry-of-defence", "Ministry of Defence", newsgraph.Agency).
		rel("person:vladimir-putin", "said", "say", "state:ua", 0.8).
		rel("agency:ministry-of-defence", "estimated", "estimate", "state:ru", 0.6)
}

func mustStats(t *testing.T, st *graph.Store) graph.Stats {
	t.Helper()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatalf("Stats() = %v", err)
	}
	return s
}

func TestIngestIdempotent(t *testing.T) {
	stores := map[string]func(t *testing.T) *graph.Store{
		"memory": func(t *testing.T) *graph.Store { return MustOpenStore(t) },
		"disk": func(t *testing.T) *graph.Store {
			st := mustOpenDir(t, t.TempDir())
			t.Cleanup(func() { st.Close() })
			return st
		},
	}
	for name, open := range stores {
		t.Run(name, func(t *testing.T) {
			st := open(t)
			first := putinArticle().ingest(t, st)
			if first.Unchanged || first.NewEntities != 4 || first.NewRelations != 2 || first.Evidence != 2 {
				t.Errorf("first Ingest = %+v; want 4 new entities, 2 new relations, 2 evidence", first)
			}
			want := graph.Stats{Articles: 1, Entities: 4, Relations: 2, Evidence: 2}
			if got := mustStats(t, st); got != want {
				t.Fatalf("Stats() = %+v; want %+v", got, want)
			}
			again := putinArticle().ingest(t, st)
			if !again.Unchanged {
				t.Errorf("second Ingest = %+v; want Unchanged", again)
			}
			if got := mustStats(t, st); got != want {
				t.Errorf("Stats() after second ingest = %+v; want %+v", got, want)
			}
			e, err := st.Entity(context.Background(), "person:vladimir-putin")
			if err != nil || e.MentionCount != 3 || e.ArticleCount != 1 {
				t.Errorf("Entity(putin) = %+v, %v; want 3 mentions in 1 article", e, err)
			}
		})
	}
}

func TestIngestDerivesIDAndRefusesConflicts(t *testing.T) {
	st := MustOpenStore(t)
	f := putinArticle()
	f.a.ID = ""
	res := f.ingest(t, st)
	if want := newsgraph.ContentID(f.a.Title, f.a.Text); res.ArticleID != want {
		t.Errorf("Ingest without id: ArticleID = %q; want ContentID %q", res.ArticleID, want)
	}
	putinArticle().ingest(t, st)
	g := putinArticle()
	g.a.Text += " More text."
	_, err := st.Ingest(context.Background(), g.a, g.ex)
	if !errors.Is(err, graph.ErrConflict) {
		t.Fatalf("Ingest(same id, other text) = %v; want ErrConflict", err)
	}
}

// cancelAfter is a context whose Err starts failing after n calls, to cancel
// an ingest in the middle of its transaction.
type cancelAfter struct {
	context.Context
	mu sync.Mutex
	n  int
}

func (c *cancelAfter) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n--; c.n < 0 {
		return context.Canceled
	}
	return nil
}

func TestIngestAtomic(t *testing.T) {
	tests := []struct {
		name   string
		ctx    context.Context
		change func(f *fixture)
		want   error
	}{
		{"relation to unknown entity", context.Background(), func(f *fixture) {
			f.ex.Relations = append(f.ex.Relations, newsgraph.Relation{Subject: "state:ru", Predicate: "attacked", Object: "state:xx"})
		}, graph.ErrBadInput},
		{"mention outside text", context.Background(), func(f *fixture) {
			f.ex.Entities[0].Mentions[0].End = 1 << 20
		}, graph.ErrBadInput},
		{"unknown type", context.Background(), func(f *fixture) { f.ex.Entities[1].Type = "PLANET" }, graph.ErrBadInput},
		{"bad id", context.Background(), func(f *fixture) { f.a.ID = "a/b" }, graph.ErrBadInput},
		{"cancelled before", cancelled(), func(*fixture) {}, context.Canceled},
		// Five checks pass: four entities and the first relation, whose
		// evidence is then written; the second relation finds ctx cancelled.
		{"cancelled midway", &cancelAfter{Context: context.Background(), n: 5}, func(*fixture) {}, context.Canceled},
		// Values under Badger's 1 MiB value threshold count fully towards
		// its ~9.6 MiB transaction limit: eleven 900 KB sentences exceed it.
		{"too big for one transaction", context.Background(), func(f *fixture) {
			bigArticle(f, 30_000, 11)
		}, graph.ErrTooBig},
		{"value too big for an in-memory store", context.Background(), func(f *fixture) {
			bigArticle(f, 120_000, 1) // 3.5 MB
		}, graph.ErrTooBig},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// On disk, as an in-memory store has a tighter value limit.
			st := mustOpenDir(t, t.TempDir())
			defer st.Close()
			if strings.Contains(tt.name, "in-memory") {
				st = MustOpenStore(t)
			}
			f := putinArticle()
			tt.change(f)
			_, err := st.Ingest(tt.ctx, f.a, f.ex)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Ingest() = %v; want %v", err, tt.want)
			}
			if got := mustStats(t, st); got != (graph.Stats{}) {
				t.Errorf("Stats() after failed ingest = %+v; want all zero", got)
			}
			ctx := context.Background()
			if _, err := st.Article(ctx, f.a.ID); !errors.Is(err, graph.ErrNotFound) {
				t.Errorf("Article(%q) after failed ingest = %v; want ErrNotFound", f.a.ID, err)
			}
			if _, err := st.EntityByName(ctx, "Putin"); !errors.Is(err, graph.ErrNotFound) {
				t.Errorf("EntityByName(Putin) after failed ingest = %v; want ErrNotFound", err)
			}
			// The store is still usable: the valid article goes in whole.
			putinArticle().ingest(t, st)
			if got := mustStats(t, st); got.Articles != 1 || got.Entities != 4 {
				t.Errorf("Stats() after a good ingest = %+v; want 1 article, 4 entities", got)
			}
		})
	}
}

// bigArticle makes f's article n sentences long with rels relations whose
// evidence is the whole text.
func bigArticle(f *fixture, n, rels int) {
	big := strings.Repeat("Putin said Ukraine will win. ", n)
	f.a.Text = big
	f.ex.Entities = []newsgraph.Entity{
		{ID: "person:putin", Name: "Putin", Type: newsgraph.Person},
		{ID: "state:ua", Name: "Ukraine", Type: newsgraph.State},
	}
	ev := newsgraph.Evidence{Sentence: big, Start: 0, End: len(big), Confidence: 1}
	f.ex.Relations = nil
	for range rels {
		f.ex.Relations = append(f.ex.Relations, newsgraph.Relation{Subject: "person:putin", Predicate: "said", Object: "state:ua", Evidence: ev})
	}
}

func cancelled() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}

func TestCrossArticleResolution(t *testing.T) {
	ctx := context.Background()
	st := MustOpenStore(t)
	putinArticle().ingest(t, st)
	newFixture("a2", "2019-02-01", "Putin met Boris Johnson. Johnson spoke to the press.").
		ent("person:putin", "Putin", newsgraph.Person).
		ent("person:boris-johnson", "Boris Johnson", newsgraph.Person, "Johnson").
		rel("person:putin", "met", "meet", "person:boris-johnson", 0.7).
		ingest(t, st)
	newFixture("a3", "", "Andrew Johnson was impeached. Johnson was acquitted.").
		ent("person:andrew-johnson", "Andrew Johnson", newsgraph.Person, "Johnson").
		ingest(t, st)
	newFixture("a4", "", "Johnson resigned on Tuesday.").
		ent("person:johnson", "Johnson", newsgraph.Person).
		ingest(t, st)
	newFixture("a5", "", "The Russian Federation protested.").
		ent("state:ru", "Russian Federation", newsgraph.State).
		ingest(t, st)

	tests := []struct {
		lookup   string // id or name
		byName   bool
		wantID   string
		mentions int
	}{
		{"person:putin", false, "person:vladimir-putin", 4},
		{"PUTIN", true, "person:vladimir-putin", 4},
		{"vladimir putin", true, "person:vladimir-putin", 4},
		{"Russian Federation", true, "state:ru", 4},
		{"Boris Johnson", true, "person:boris-johnson", 3},
		{"Andrew Johnson", true, "person:andrew-johnson", 3},
		// Two Johnsons were stored: the third one stays apart.
		{"person:johnson", false, "person:johnson", 1},
		{"johnson", true, "person:johnson", 1},
	}
	for _, tt := range tests {
		var e *graph.Entity
		var err error
		if tt.byName {
			e, err = st.EntityByName(ctx, tt.lookup)
		} else {
			e, err = st.Entity(ctx, tt.lookup)
		}
		if err != nil || e.ID != tt.wantID || e.MentionCount != tt.mentions {
			t.Errorf("lookup(%q) = %+v, %v; want %s with %d mentions", tt.lookup, e, err, tt.wantID, tt.mentions)
		}
	}
	putin, _ := st.Entity(ctx, "person:vladimir-putin")
	if why := putin.AliasReasons["Putin"]; !strings.Contains(why, "joined across articles: name Putin (person:putin) matched Vladimir Putin") {
		t.Errorf("Putin's alias reason = %q; want it to say it was joined across articles", why)
	}
	if putin.ArticleCount != 2 {
		t.Errorf("Putin's ArticleCount = %d; want 2", putin.ArticleCount)
	}
	// Putin, Russia, Ukraine, the ministry, and three Johnsons.
	if got := mustStats(t, st).Entities; got != 7 {
		t.Errorf("Stats().Entities = %d; want 7", got)
	}
	rels, err := st.RelationsOf(ctx, "person:vladimir-putin", graph.Out, graph.RelationFilter{}, graph.PageArgs{})
	if err != nil || rels.TotalCount != 2 {
		t.Fatalf("RelationsOf(putin, OUT) = %+v, %v; want 2 edges (said, met)", rels, err)
	}
	for _, e := range rels.Edges {
		if e.Node.Subject != "person:vladimir-putin" {
			t.Errorf("edge %+v: subject %q; want the resolved id person:vladimir-putin", e.Node, e.Node.Subject)
		}
	}
}

func TestRelationAggregation(t *testing.T) {
	ctx := context.Background()
	st := MustOpenStore(t)
	newFixture("b1", "2020-03-01", "Russia sanctioned Ukraine.").
		ent("state:ru", "Russia", newsgraph.State).ent("state:ua", "Ukraine", newsgraph.State).
		rel("state:ru", "sanctioned", "sanction", "state:ua", 0.5).ingest(t, st)
	newFixture("b2", "2019-06-30", "Moscow sanctions Ukraine again.").
		ent("state:ru", "Russia", newsgraph.State, "Moscow").ent("state:ua", "Ukraine", newsgraph.State).
		rel("state:ru", "sanctions", "sanction", "state:ua", 0.9).ingest(t, st)
	newFixture("b3", "2021-01-01", "Russia sanctioned Ukraine once more.").
		ent("state:ru", "Russia", newsgraph.State).ent("state:ua", "Ukraine", newsgraph.State).
		rel("state:ru", "sanctioned", "sanction", "state:ua", 0.4).ingest(t, st)

	page, err := st.Relations(ctx, graph.RelationFilter{Subject: "state:ru", Object: "state:ua"}, graph.PageArgs{})
	if err != nil || len(page.Edges) != 1 {
		t.Fatalf("Relations(ru -> ua) = %+v, %v; want one aggregated edge", page, err)
	}
	got := page.Edges[0].Node
	want := &graph.Relation{
		ID: got.ID, Subject: "state:ru", Object: "state:ua", Predicate: "sanctioned", Lemma: "sanction",
		Weight: 3, ArticleCount: 3, FirstSeen: "2019-06-30", LastSeen: "2021-01-01", Confidence: 0.9,
	}
	// The fields a caller sees (a stored edge also knows its ends' uids).
	exported := graph.Relation{ID: got.ID, Subject: got.Subject, Object: got.Object, Predicate: got.Predicate,
		Lemma: got.Lemma, Kind: got.Kind, Weight: got.Weight, ArticleCount: got.ArticleCount,
		FirstSeen: got.FirstSeen, LastSeen: got.LastSeen, Confidence: got.Confidence, Window: got.Window}
	if exported != *want {
		t.Errorf("aggregated edge = %+v; want %+v", exported, want)
	}
	ev, err := st.Evidence(ctx, got.ID, 0)
	if err != nil || len(ev) != 3 || ev[1].ArticleID != "b2" || ev[1].Sentence != "Moscow sanctions Ukraine again." {
		t.Errorf("Evidence(%s) = %+v, %v; want 3 pieces in stored order", got.ID, ev, err)
	}
	if r, err := st.Relation(ctx, got.ID); err != nil || r.Weight != 3 {
		t.Errorf("Relation(%s) = %+v, %v; want weight 3", got.ID, r, err)
	}
	for _, pred := range []string{"sanction", "Sanctions", "sanctioned"} {
		p, err := st.Relations(ctx, graph.RelationFilter{Predicate: pred}, graph.PageArgs{})
		if err != nil || p.TotalCount != 1 {
			t.Errorf("Relations(predicate %q) = %+v, %v; want 1", pred, p, err)
		}
	}
	if s := mustStats(t, st); s.Relations != 1 || s.Evidence != 3 {
		t.Errorf("Stats() = %+v; want 1 relation, 3 evidence", s)
	}
}

// corpus ingests n generated articles through capsExtractor; article i names
// Person0..Person(i%k) so mention counts differ.
func corpus(t testing.TB, st *graph.Store, from, n int) {
	t.Helper()
	ctx := context.Background()
	for i := from; i < from+n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "Report %s from the Trade Council.\n", word(i))
		for j := 0; j <= i%7; j++ {
			fmt.Fprintf(&b, "Minister %s met Envoy %s in Russia. ", word(j), word(i+j))
		}
		a := &newsgraph.Article{ID: fmt.Sprintf("gen-%03d", i), Title: "gen", Text: b.String(), PublishedAt: fmt.Sprintf("2020-01-%02d", 1+i%28)}
		ex, err := capsExtractor{}.Extract(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Ingest(ctx, a, ex); err != nil {
			t.Fatalf("Ingest(%s) = %v", a.ID, err)
		}
	}
}

// word spells i in letters, as the extractor needs capitalised words.
func word(i int) string {
	s := ""
	for {
		s = string(rune('a'+i%26)) + s
		if i /= 26; i == 0 {
			break
		}
	}
	return "Q" + s
}

func TestEntitiesPaging(t *testing.T) {
	ctx := context.Background()
	st := MustOpenStore(t)
	corpus(t, st, 0, 50)
	total := mustStats(t, st).Entities
	for _, f := range []graph.EntityFilter{{}, {Type: newsgraph.Person}, {Search: "minister q"}, {Type: newsgraph.State}} {
		for _, size := range []int{1, 7, 100} {
			seen := map[string]bool{}
			var after string
			lastCount, pages, want := 1<<30, 0, -1
			for {
				p, err := st.Entities(ctx, f, graph.PageArgs{First: size, After: after})
				if err != nil {
					t.Fatalf("Entities(%+v, %d, %q) = %v", f, size, after, err)
				}
				if want < 0 {
					want = p.TotalCount
				}
				for _, e := range p.Edges {
					if seen[e.Node.ID] {
						t.Fatalf("Entities(%+v, first %d): %s returned twice", f, size, e.Node.ID)
					}
					seen[e.Node.ID] = true
					if e.Node.MentionCount > lastCount {
						t.Errorf("Entities(%+v): %s has %d mentions after one with %d; want most mentioned first", f, e.Node.ID, e.Node.MentionCount, lastCount)
					}
					if f.Type != "" && e.Node.Type != f.Type {
						t.Errorf("Entities(type %s) returned %s", f.Type, e.Node.ID)
					}
					lastCount = e.Node.MentionCount
				}
				pages++
				if !p.HasNextPage {
					break
				}
				after = p.EndCursor
			}
			if len(seen) != want {
				t.Errorf("Entities(%+v, first %d) paged %d entities in %d pages; want TotalCount %d", f, size, len(seen), pages, want)
			}
		}
	}
	if total <= graph.MaxPageSize {
		t.Fatalf("corpus has %d entities; the cap test needs more than %d", total, graph.MaxPageSize)
	}
	if p, _ := st.Entities(ctx, graph.EntityFilter{}, graph.PageArgs{First: 1000}); p.TotalCount != total || len(p.Edges) != graph.MaxPageSize {
		t.Errorf("Entities(first 1000) = %d edges of %d; want capped at %d of %d", len(p.Edges), p.TotalCount, graph.MaxPageSize, total)
	}
	if _, err := st.Entities(ctx, graph.EntityFilter{}, graph.PageArgs{After: "bm90IGEgY3Vyc29y"}); !errors.Is(err, graph.ErrBadCursor) {
		t.Errorf("Entities(after garbage) = %v; want ErrBadCursor", err)
	}
	arts, _ := st.Articles(ctx, graph.PageArgs{First: 5})
	if _, err := st.Entities(ctx, graph.EntityFilter{}, graph.PageArgs{After: arts.EndCursor}); !errors.Is(err, graph.ErrBadCursor) {
		t.Errorf("Entities(after an article cursor) = %v; want ErrBadCursor", err)
	}
}

func TestCursorsSurviveConcurrentIngest(t *testing.T) {
	ctx := context.Background()
	st := MustOpenStore(t)
	corpus(t, st, 0, 30)
	before, err := st.Articles(ctx, graph.PageArgs{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Go(func() { corpus(t, st, 30, 30) })
	seenArticles := map[string]bool{}
	seenEntities := map[string]bool{}
	var afterA, afterE string
	for moreA, moreE := true, true; moreA || moreE; {
		if moreA {
			p, err := st.Articles(ctx, graph.PageArgs{First: 4, After: afterA})
			if err != nil {
				t.Fatalf("Articles(after %q) = %v", afterA, err)
			}
			for _, e := range p.Edges {
				if seenArticles[e.Node.ID] {
					t.Errorf("Articles: %s returned twice", e.Node.ID)
				}
				seenArticles[e.Node.ID] = true
			}
			moreA, afterA = p.HasNextPage, p.EndCursor
		}
		if moreE {
			p, err := st.Entities(ctx, graph.EntityFilter{}, graph.PageArgs{First: 5, After: afterE})
			if err != nil {
				t.Fatalf("Entities(after %q) = %v", afterE, err)
			}
			for _, e := range p.Edges {
				if seenEntities[e.Node.ID] {
					t.Errorf("Entities: %s returned twice", e.Node.ID)
				}
				seenEntities[e.Node.ID] = true
			}
			moreE, afterE = p.HasNextPage, p.EndCursor
		}
	}
	wg.Wait()
	for _, e := range before.Edges {
		if !seenArticles[e.Node.ID] {
			t.Errorf("Articles paged during ingest missed %s, stored before", e.Node.ID)
		}
	}
	// The last cursor still pages after the ingest: what follows it now is
	// exactly the articles stored since it was handed out.
	p, err := st.Articles(ctx, graph.PageArgs{First: 100, After: afterA})
	if err != nil {
		t.Fatalf("Articles(after the last cursor) = %v", err)
	}
	if got := len(seenArticles) + len(p.Edges); got != 60 {
		t.Errorf("articles paged + after the last cursor = %d; want 60", got)
	}
}

func TestReopenKeepsCounts(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := mustOpenDir(t, dir)
	corpus(t, st, 0, 12)
	putinArticle().ingest(t, st)
	want := mustStats(t, st)
	first, _ := st.Entities(ctx, graph.EntityFilter{}, graph.PageArgs{First: 3})
	if err := st.Close(); err != nil {
		t.Fatalf("Close() = %v", err)
	}
	st = mustOpenDir(t, dir)
	defer st.Close()
	if got := mustStats(t, st); got != want {
		t.Errorf("Stats() after reopen = %+v; want %+v", got, want)
	}
	again, _ := st.Entities(ctx, graph.EntityFilter{}, graph.PageArgs{First: 3})
	if first.EndCursor != again.EndCursor {
		t.Errorf("Entities cursor after reopen = %q; want %q", again.EndCursor, first.EndCursor)
	}
	// New ids continue after the old ones instead of overwriting them.
	newFixture("late", "", "Cuba protested.").ent("state:cu", "Cuba", newsgraph.State).ingest(t, st)
	if got := mustStats(t, st); got.Entities != want.Entities+1 || got.Articles != want.Articles+1 {
		t.Errorf("Stats() after reopen and ingest = %+v; want one more article and entity than %+v", got, want)
	}
}

func TestOpenLocked(t *testing.T) {
	dir := t.TempDir()
	st := mustOpenDir(t, dir)
	defer st.Close()
	_, err := graph.Open(dir, graph.DefaultOptions().WithLogger(nil))
	if !errors.Is(err, graph.ErrLocked) {
		t.Fatalf("second Open(%s) = %v; want ErrLocked", dir, err)
	}
	msg := err.Error()
	if !strings.Contains(msg, "store in use by another process") || !strings.Contains(msg, fmt.Sprint(os.Getpid())) || strings.Contains(msg, "\n") {
		t.Errorf("second Open error = %q; want one line naming pid %d", msg, os.Getpid())
	}
}

func TestBackupRestore(t *testing.T) {
	ctx := context.Background()
	st := MustOpenStore(t)
	corpus(t, st, 0, 10)
	putinArticle().ingest(t, st)
	var buf bytes.Buffer
	if err := st.Backup(ctx, &buf); err != nil {
		t.Fatalf("Backup() = %v", err)
	}
	dir := t.TempDir() + "/restored"
	if err := graph.Restore(ctx, dir, bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatalf("Restore() = %v", err)
	}
	if err := graph.Restore(ctx, dir, bytes.NewReader(buf.Bytes())); !errors.Is(err, graph.ErrNotEmpty) {
		t.Errorf("Restore() into a full dir = %v; want ErrNotEmpty", err)
	}
	re := mustOpenDir(t, dir)
	defer re.Close()
	if got, want := mustStats(t, re), mustStats(t, st); got != want {
		t.Errorf("Stats() after restore = %+v; want %+v", got, want)
	}
	e, err := re.EntityByName(ctx, "putin")
	if err != nil || e.ID != "person:vladimir-putin" {
		t.Errorf("EntityByName(putin) after restore = %+v, %v", e, err)
	}
}

func TestNeighborsPathSubgraph(t *testing.T) {
	ctx := context.Background()
	st := MustOpenStore(t)
	// A chain a -> b -> c -> d, a shortcut a <- x -> d, and e alone.
	text := "Alpha called Bravo. Bravo called Charlie. Charlie called Delta. Xray warned Alpha. Xray warned Delta. Echo slept."
	f := newFixture("chain", "2020-01-01", text)
	for _, n := range []string{"Alpha", "Bravo", "Charlie", "Delta", "Xray", "Echo"} {
		f.ent("person:"+strings.ToLower(n), n, newsgraph.Person)
	}
	f.rel("person:alpha", "called", "call", "person:bravo", 1).
		rel("person:bravo", "called", "call", "person:charlie", 1).
		rel("person:charlie", "called", "call", "person:delta", 1).
		rel("person:xray", "warned", "warn", "person:alpha", 1).
		rel("person:xray", "warned", "warn", "person:delta", 1).
		ingest(t, st)

	ids := func(rels []*graph.Relation) []string {
		var out []string
		for _, r := range rels {
			out = append(out, r.Subject+">"+r.Object)
		}
		return out
	}
	paths := []struct {
		from, to string
		hops     int
		want     []string
	}{
		{"person:alpha", "person:delta", 4, []string{"person:xray>person:alpha", "person:xray>person:delta"}},
		{"person:alpha", "person:charlie", 4, []string{"person:alpha>person:bravo", "person:bravo>person:charlie"}},
		{"person:alpha", "person:charlie", 1, nil},
		{"person:alpha", "person:echo", 4, nil},
		{"person:alpha", "person:alpha", 4, nil},
	}
	for _, tt := range paths {
		got, err := st.Path(ctx, tt.from, tt.to, tt.hops)
		if err != nil || !slices.Equal(ids(got), tt.want) || got == nil {
			t.Errorf("Path(%s, %s, %d) = %v, %v; want %v", tt.from, tt.to, tt.hops, ids(got), err, tt.want)
		}
	}
	if _, err := st.Path(ctx, "person:alpha", "person:nobody", 3); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Path(to unknown) = %v; want ErrNotFound", err)
	}

	nb, err := st.Neighbors(ctx, "person:alpha", graph.Both, "", 10)
	var names []string
	for _, n := range nb {
		names = append(names, n.Entity.ID)
	}
	slices.Sort(names)
	if err != nil || !slices.Equal(names, []string{"person:bravo", "person:xray"}) {
		t.Errorf("Neighbors(alpha, BOTH) = %v, %v; want bravo and xray", names, err)
	}
	if nb, _ := st.Neighbors(ctx, "person:alpha", graph.In, "warn", 10); len(nb) != 1 || nb[0].Entity.ID != "person:xray" || nb[0].Weight != 1 {
		t.Errorf("Neighbors(alpha, IN, warn) = %+v; want xray", nb)
	}

	sg, err := st.Subgraph(ctx, []string{"person:alpha"}, 1, 100)
	if err != nil || len(sg.Nodes) != 3 || len(sg.Edges) != 2 {
		t.Errorf("Subgraph(alpha, 1) = %d nodes %d edges, %v; want 3 nodes 2 edges", len(sg.Nodes), len(sg.Edges), err)
	}
	sg, _ = st.Subgraph(ctx, []string{"person:alpha"}, 2, 100)
	if len(sg.Nodes) != 5 || len(sg.Edges) != 5 {
		t.Errorf("Subgraph(alpha, 2) = %d nodes %d edges; want 5 and 5", len(sg.Nodes), len(sg.Edges))
	}
	sg, _ = st.Subgraph(ctx, []string{"person:alpha"}, 2, 2)
	if len(sg.Nodes) != 2 || len(sg.Edges) != 1 {
		t.Errorf("Subgraph(alpha, 2, limit 2) = %d nodes %d edges; want 2 and 1", len(sg.Nodes), len(sg.Edges))
	}

	both, err := st.RelationsOf(ctx, "person:alpha", graph.Both, graph.RelationFilter{}, graph.PageArgs{First: 1})
	if err != nil || both.TotalCount != 2 || len(both.Edges) != 1 || !both.HasNextPage {
		t.Fatalf("RelationsOf(alpha, BOTH, first 1) = %+v, %v", both, err)
	}
	rest, err := st.RelationsOf(ctx, "person:alpha", graph.Both, graph.RelationFilter{}, graph.PageArgs{First: 5, After: both.EndCursor})
	if err != nil || len(rest.Edges) != 1 || rest.HasNextPage || rest.Edges[0].Node.ID == both.Edges[0].Node.ID {
		t.Errorf("RelationsOf(alpha, BOTH, after) = %+v, %v; want the other edge", rest, err)
	}
	arts, err := st.EntityArticles(ctx, "person:alpha", 5)
	if err != nil || len(arts) != 1 || arts[0].ID != "chain" {
		t.Errorf("EntityArticles(alpha) = %v, %v", arts, err)
	}
	ents, err := st.ArticleEntities(ctx, "chain")
	rels, err2 := st.ArticleRelations(ctx, "chain")
	if err != nil || err2 != nil || len(ents) != 6 || len(rels) != 5 {
		t.Errorf("ArticleEntities/Relations(chain) = %d, %d (%v, %v); want 6, 5", len(ents), len(rels), err, err2)
	}
}

// TestSeedsCorpus stores the embedded corpus (real articles: long texts,
// Unicode, odd dates) through the stand-in extractor, and again after a
// restart, which must change nothing.
func TestSeedsCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("stores 172 articles")
	}
	ctx := context.Background()
	arts, err := newsgraph.Seeds()
	if err != nil {
		t.Fatalf("Seeds() = %v", err)
	}
	dir := t.TempDir()
	ingestAll := func(st *graph.Store) (unchanged int) {
		for _, a := range arts {
			ex, err := capsExtractor{}.Extract(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			res, err := st.Ingest(ctx, a, ex)
			if err != nil {
				t.Fatalf("Ingest(%s) = %v", a.Source, err)
			}
			if res.Unchanged {
				unchanged++
			}
		}
		return unchanged
	}
	st := mustOpenDir(t, dir)
	if n := ingestAll(st); n != 0 {
		t.Errorf("first ingest of the seeds: %d unchanged; want 0", n)
	}
	want := mustStats(t, st)
	if want.Articles != len(arts) || want.Entities == 0 || want.Relations == 0 {
		t.Errorf("Stats() after the seeds = %+v; want %d articles and some entities and relations", want, len(arts))
	}
	st.Close()
	st = mustOpenDir(t, dir)
	defer st.Close()
	if n := ingestAll(st); n != len(arts) {
		t.Errorf("second ingest of the seeds: %d unchanged; want all %d", n, len(arts))
	}
	if got := mustStats(t, st); got != want {
		t.Errorf("Stats() after restart and re-ingest = %+v; want %+v", got, want)
	}
	if _, err := st.EntityByName(ctx, "vladimir putin"); err != nil {
		t.Errorf("EntityByName(vladimir putin) = %v", err)
	}
}

// TestCountriesStayApart: the same agency name of two states is two actors,
// whether the extractor gave them one id or their names match.
func TestCountriesStayApart(t *testing.T) {
	ctx := context.Background()
	st := MustOpenStore(t)
	country := func(f *fixture, c string) *fixture {
		f.ex.Entities[len(f.ex.Entities)-1].Country = c
		return f
	}
	country(newFixture("u1", "", "The US Supreme Court ruled.").
		ent("agency:supreme-court", "Supreme Court", newsgraph.Agency, "US Supreme Court"), "us").ingest(t, st)
	country(newFixture("k1", "", "The UK Supreme Court ruled.").
		ent("agency:supreme-court", "Supreme Court", newsgraph.Agency, "UK Supreme Court"), "gb").ingest(t, st)
	country(newFixture("u2", "", "The Supreme Court of the United States ruled again.").
		ent("agency:supreme-court", "Supreme Court", newsgraph.Agency), "us").ingest(t, st)
	country(newFixture("k2", "", "The British Supreme Court ruled again.").
		ent("agency:british-supreme-court", "Supreme Court", newsgraph.Agency), "gb").ingest(t, st)
	// No country said: joins the one actor whose name matches... of which
	// there are two, so it stays apart.
	newFixture("x1", "", "The Supreme Court ruled.").
		ent("agency:supreme-court-x", "Supreme Court", newsgraph.Agency).ingest(t, st)

	tests := []struct {
		id       string
		country  string
		articles int
	}{
		{"agency:supreme-court", "us", 2},
		{"agency:supreme-court@gb", "gb", 2},
		{"agency:supreme-court-x", "", 1},
	}
	for _, tt := range tests {
		e, err := st.Entity(ctx, tt.id)
		if err != nil || e.Country != tt.country || e.ArticleCount != tt.articles {
			t.Errorf("Entity(%q) = %+v, %v; want country %q in %d articles", tt.id, e, err, tt.country, tt.articles)
		}
	}
	if got := mustStats(t, st).Entities; got != 3 {
		t.Errorf("Stats().Entities = %d; want 3 (US court, UK court, unknown court)", got)
	}
	bad := newFixture("b1", "", "The Court ruled.").ent("agency:court", "Court", newsgraph.Agency)
	bad.ex.Entities[0].Country = "usa"
	if _, err := st.Ingest(ctx, bad.a, bad.ex); !errors.Is(err, graph.ErrBadInput) {
		t.Errorf("Ingest(country %q) = %v; want ErrBadInput", "usa", err)
	}
}

// TestRelationKinds: who said what is a filter over the edges' kinds.
func TestRelationKinds(t *testing.T) {
	ctx := context.Background()
	st := MustOpenStore(t)
	f := newFixture("k1", "", "Reuters claimed Cuba fought for Russia. Putin is president of Russia.").
		ent("agency:reuters", "Reuters", newsgraph.Agency).
		ent("state:cu", "Cuba", newsgraph.State).
		ent("state:ru", "Russia", newsgraph.State).
		ent("person:putin", "Putin", newsgraph.Person).
		rel("agency:reuters", "claimed", "claim", "state:cu", 0.8).
		rel("state:cu", "fought for", "fight for", "state:ru", 0.7).
		rel("person:putin", "president of", "president of", "state:ru", 0.9)
	for i, k := range []newsgraph.RelationKind{newsgraph.Statement, newsgraph.Action, newsgraph.Role} {
		f.ex.Relations[i].Kind = k
	}
	f.ingest(t, st)
	tests := []struct {
		kind newsgraph.RelationKind
		want string // subject ids, in order
	}{
		{"", "3"},
		{newsgraph.Statement, "agency:reuters"},
		{newsgraph.Action, "state:cu"},
		{newsgraph.Role, "person:putin"},
	}
	for _, tt := range tests {
		page, err := st.Relations(ctx, graph.RelationFilter{Kind: tt.kind}, graph.PageArgs{})
		if err != nil {
			t.Fatal(err)
		}
		got := fmt.Sprint(page.TotalCount)
		if tt.kind != "" && page.TotalCount == 1 && len(page.Edges) == 1 && page.Edges[0].Node.Kind == tt.kind {
			got = page.Edges[0].Node.Subject
		}
		if got != tt.want {
			t.Errorf("Relations(kind %q) = %s; want %s", tt.kind, got, tt.want)
		}
	}
	in, err := st.RelationsOf(ctx, "state:ru", graph.In, graph.RelationFilter{Kind: newsgraph.Role}, graph.PageArgs{})
	if err != nil || in.TotalCount != 1 || in.Edges[0].Node.Predicate != "president of" {
		t.Errorf("RelationsOf(russia, IN, ROLE) = %+v, %v; want the president-of edge", in, err)
	}
	bad := newFixture("k2", "", "X did Y.").ent("agency:x", "X", newsgraph.Agency).ent("agency:y", "Y", newsgraph.Agency).
		rel("agency:x", "did", "do", "agency:y", 0.5)
	bad.ex.Relations[0].Kind = "GOSSIP"
	if _, err := st.Ingest(ctx, bad.a, bad.ex); !errors.Is(err, graph.ErrBadInput) {
		t.Errorf("Ingest(kind GOSSIP) = %v; want ErrBadInput", err)
	}
}

// TestRelationsPagingCounts pages a hub's edges with and without filters:
// every page has the total that paging to the end finds, the edges come
// heaviest first and once each, and NoCount changes only TotalCount.
func TestRelationsPagingCounts(t *testing.T) {
	ctx := context.Background()
	st := MustOpenStore(t)
	hub(t, st, 10)
	corpus(t, st, 0, 40)
	type query struct {
		name string
		get  func(graph.PageArgs) (*graph.Page[*graph.Relation], error)
		// want says which edges of all match.
		want func(*graph.Relation) bool
	}
	of := func(id string, dir graph.Direction, f graph.RelationFilter) func(graph.PageArgs) (*graph.Page[*graph.Relation], error) {
		return func(p graph.PageArgs) (*graph.Page[*graph.Relation], error) {
			return st.RelationsOf(ctx, id, dir, f, p)
		}
	}
	rels := func(f graph.RelationFilter) func(graph.PageArgs) (*graph.Page[*graph.Relation], error) {
		return func(p graph.PageArgs) (*graph.Page[*graph.Relation], error) { return st.Relations(ctx, f, p) }
	}
	lemma := func(l string) func(*graph.Relation) bool { return func(r *graph.Relation) bool { return r.Lemma == l } }
	every := func(*graph.Relation) bool { return true }
	queries := []query{
		{"both", of("state:ru", graph.Both, graph.RelationFilter{}), every},
		{"both sanctioned", of("state:ru", graph.Both, graph.RelationFilter{Predicate: "Sanctioned"}), lemma("sanctioned")},
		{"both in", of("state:ru", graph.Both, graph.RelationFilter{Predicate: "in"}), lemma("in")},
		{"out met", of("state:ru", graph.Out, graph.RelationFilter{Predicate: "met"}), func(r *graph.Relation) bool { return r.Lemma == "met" && r.Subject == "state:ru" }},
		{"in", of("state:ru", graph.In, graph.RelationFilter{}), func(r *graph.Relation) bool { return r.Object == "state:ru" }},
		{"kind", of("state:ru", graph.Both, graph.RelationFilter{Kind: newsgraph.Action}), func(r *graph.Relation) bool { return r.Kind == newsgraph.Action }},
		{"all", rels(graph.RelationFilter{}), nil},
		{"all in", rels(graph.RelationFilter{Predicate: "in"}), nil},
		{"subject object", rels(graph.RelationFilter{Subject: "person:envoy-qb", Object: "state:ru"}), func(r *graph.Relation) bool { return r.Subject == "person:envoy-qb" && r.Object == "state:ru" }},
	}
	var hubEdges []*graph.Relation
	for p := (graph.PageArgs{First: graph.MaxPageSize}); ; {
		pg, err := st.RelationsOf(ctx, "state:ru", graph.Both, graph.RelationFilter{}, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range pg.Edges {
			hubEdges = append(hubEdges, e.Node)
		}
		if !pg.HasNextPage {
			break
		}
		p.After = pg.EndCursor
	}
	if len(hubEdges) < 200 {
		t.Fatalf("the hub has %d edges; want 200 or more", len(hubEdges))
	}
	for _, q := range queries {
		want := -1
		if q.want != nil {
			want = 0
			for _, r := range hubEdges {
				if q.want(r) {
					want++
				}
			}
		}
		for _, size := range []int{1, 7, graph.MaxPageSize} {
			seen := map[string]bool{}
			total, pages, last := -2, 0, 1<<62
			for p := (graph.PageArgs{First: size}); ; pages++ {
				pg, err := q.get(p)
				if err != nil {
					t.Fatalf("%s (first %d): %v", q.name, size, err)
				}
				p.NoCount = true
				quick, err := q.get(p)
				p.NoCount = false
				if err != nil || !slices.Equal(ids(quick), ids(pg)) || quick.HasNextPage != pg.HasNextPage || quick.EndCursor != pg.EndCursor {
					t.Fatalf("%s (first %d) with NoCount = %v, %v, %v; want %v, %v", q.name, size, ids(quick), quick.HasNextPage, err, ids(pg), pg.HasNextPage)
				}
				if total == -2 {
					total = pg.TotalCount
				} else if pg.TotalCount != total {
					t.Fatalf("%s (first %d) page %d: TotalCount %d; want %d as on the first page", q.name, size, pages, pg.TotalCount, total)
				}
				for _, e := range pg.Edges {
					if seen[e.Node.ID] || e.Node.Weight > last {
						t.Fatalf("%s (first %d): edge %s (weight %d) again or out of order", q.name, size, e.Node.ID, e.Node.Weight)
					}
					seen[e.Node.ID], last = true, e.Node.Weight
				}
				if !pg.HasNextPage {
					break
				}
				p.After = pg.EndCursor
			}
			if len(seen) != total || want >= 0 && total != want {
				t.Errorf("%s (first %d): TotalCount %d, %d edges paged; want %d", q.name, size, total, len(seen), max(want, len(seen)))
			}
		}
	}
}

func ids(p *graph.Page[*graph.Relation]) []string {
	var out []string
	for _, e := range p.Edges {
		out = append(out, e.Node.ID)
	}
	return out
}

// TestSubgraphHeaviestEdgesFirst: when the limit cuts a hop short, the
// neighbours kept are those of the heaviest edges, whichever their direction.
func TestSubgraphHeaviestEdgesFirst(t *testing.T) {
	st := MustOpenStore(t)
	newFixture("heavy", "2020-01-02", "Alpha met Bravo. Charlie warned Alpha. Delta called Alpha.").
		ent("person:alpha", "Alpha", newsgraph.Person).
		ent("person:bravo", "Bravo", newsgraph.Person).
		ent("person:charlie", "Charlie", newsgraph.Person).
		ent("person:delta", "Delta", newsgraph.Person).
		rel("person:alpha", "met", "meet", "person:bravo", 0.9).
		rel("person:charlie", "warned", "warn", "person:alpha", 0.9).
		rel("person:charlie", "warned", "warn", "person:alpha", 0.9).
		rel("person:charlie", "warned", "warn", "person:alpha", 0.9).
		rel("person:delta", "called", "call", "person:alpha", 0.9).
		ingest(t, st)
	for limit, want := range map[int]string{2: "alpha charlie", 3: "alpha charlie bravo", 4: "alpha charlie bravo delta"} {
		sg, err := st.Subgraph(context.Background(), []string{"person:alpha"}, 1, limit)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, n := range sg.Nodes {
			got = append(got, strings.TrimPrefix(n.ID, "person:"))
		}
		if strings.Join(got, " ") != want {
			t.Errorf("Subgraph(alpha, 1, %d) = %v; want %s", limit, got, want)
		}
	}
}
