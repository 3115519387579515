package graph_test

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"newsgraph"
	"newsgraph/graph"
)

// randomEvents is an article of three actors with n events of random
// actor, predicate, kind and confidence, one per sentence.
func randomEvents(r *rand.Rand, id, date string, n int) (*newsgraph.Article, *newsgraph.Extraction) {
	head := "Putin, the Kremlin and Lavrov spoke. "
	var b strings.Builder
	b.WriteString(head)
	type span struct{ start, end int }
	spans := make([]span, n)
	for i := range spans {
		s := b.Len()
		fmt.Fprintf(&b, "Item %d happened. ", i)
		spans[i] = span{s, b.Len() - 1}
	}
	text := b.String()
	ex := &newsgraph.Extraction{Entities: []newsgraph.Entity{
		{ID: "person:putin", Name: "Putin", Type: newsgraph.Person, Mentions: []newsgraph.Mention{{Start: 0, End: 5, Text: "Putin"}}},
		{ID: "agency:kremlin", Name: "Kremlin", Type: newsgraph.Agency, Mentions: []newsgraph.Mention{{Start: 11, End: 18, Text: "Kremlin"}}},
		{ID: "person:lavrov", Name: "Lavrov", Type: newsgraph.Person, Mentions: []newsgraph.Mention{{Start: 23, End: 29, Text: "Lavrov"}}},
	}}
	preds := [][2]string{{"signed decree", "sign decree"}, {"said", "say"}, {"signs decree", "sign decree"}, {"visited", "visit"}}
	for _, sp := range spans {
		p := preds[r.IntN(len(preds))]
		kind := newsgraph.Action
		if p[1] == "say" || r.IntN(4) == 0 {
			kind = newsgraph.Statement
		}
		ex.Events = append(ex.Events, newsgraph.Event{
			Subject: ex.Entities[r.IntN(3)].ID, Predicate: p[0], Lemma: p[1], Kind: kind,
			ObjectText: text[sp.start : sp.start+4], ObjectStart: sp.start, ObjectEnd: sp.start + 4,
			Evidence: newsgraph.Evidence{Sentence: text[sp.start:sp.end], Start: sp.start, End: sp.end,
				Confidence: float64(1+r.IntN(9)) / 10},
		})
	}
	return &newsgraph.Article{ID: id, Title: id, Text: text, PublishedAt: date}, ex
}

// eventStore is a store of articles with random events, dated over a few
// days (one undated, one with a time of day), and the events in stored
// order.
func eventStore(t testing.TB, articles, perArticle int) (*graph.Store, []*graph.Event) {
	t.Helper()
	ctx := context.Background()
	st := MustOpenStore(t)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range articles {
		date := fmt.Sprintf("2024-03-%02d", 1+r.IntN(9))
		switch i % 7 {
		case 3:
			date = ""
		case 5:
			date = "2024-03-04T10:30:00Z"
		}
		a, ex := randomEvents(r, fmt.Sprintf("art%03d", i), date, perArticle)
		if _, err := st.Ingest(ctx, a, ex); err != nil {
			t.Fatalf("Ingest(%s) = %v", a.ID, err)
		}
	}
	return st, allEvents(t, st, graph.EventFilter{})
}

// allEvents pages through the events f selects, three at a time, checking
// totalCount on every page against the number of events walked.
func allEvents(t testing.TB, st *graph.Store, f graph.EventFilter) []*graph.Event {
	t.Helper()
	var out []*graph.Event
	var totals []int
	after := ""
	for {
		p, err := st.Events(context.Background(), f, graph.PageArgs{First: 3, After: after})
		if err != nil {
			t.Fatalf("Events(%+v) = %v", f, err)
		}
		totals = append(totals, p.TotalCount)
		for _, e := range p.Edges {
			out = append(out, e.Node)
		}
		if !p.HasNextPage {
			break
		}
		after = p.EndCursor
	}
	for _, n := range totals {
		if n != len(out) {
			t.Errorf("Events(%+v): totalCount %v on its pages; %d events listed", f, totals, len(out))
			break
		}
	}
	return out
}

// wantEvents is what the list f selects should be, worked out from all
// events in stored order.
func wantEvents(stored []*graph.Event, f graph.EventFilter) []*graph.Event {
	pos := map[*graph.Event]int{}
	var out []*graph.Event
	norm := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
	for i, e := range stored {
		pos[e] = i
		if f.Subject != "" && e.Subject != f.Subject || f.Kind != "" && e.Kind != f.Kind {
			continue
		}
		if p := norm(f.Predicate); p != "" && norm(e.Predicate) != p && norm(e.Lemma) != p {
			continue
		}
		if d := e.Date; f.Window != (graph.Window{}) && (d == "" || f.Window.Since != "" && d[:10] < f.Window.Since || f.Window.Until != "" && d[:10] > f.Window.Until) {
			continue
		}
		out = append(out, e)
	}
	// Ties in both orders: the later article first, an article's events in
	// its order.
	tie := func(a, b *graph.Event) int {
		if a.Evidence.ArticleID != b.Evidence.ArticleID {
			return cmp.Compare(pos[b], pos[a])
		}
		return cmp.Compare(pos[a], pos[b])
	}
	switch f.Order {
	case graph.EventsNewest:
		slices.SortStableFunc(out, func(a, b *graph.Event) int {
			switch {
			case a.Date == "" && b.Date != "":
				return 1 // undated last
			case b.Date == "" && a.Date != "":
				return -1
			}
			return cmp.Or(cmp.Compare(b.Date, a.Date), tie(a, b))
		})
	case graph.EventsByConfidence:
		slices.SortStableFunc(out, func(a, b *graph.Event) int {
			return cmp.Or(cmp.Compare(b.Evidence.Confidence, a.Evidence.Confidence), tie(a, b))
		})
	}
	return out
}

func eventIDs(evs []*graph.Event) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = e.ID
	}
	return out
}

// Every combination of actor, predicate, kind and window, in each order,
// pages (three at a time) through exactly the events worked out from the
// whole list, in the order's order, with totalCount right on every page.
func TestEventListsFilteredAndOrdered(t *testing.T) {
	st, stored := eventStore(t, 14, 12)
	if len(stored) != 14*12 {
		t.Fatalf("%d events stored; want %d", len(stored), 14*12)
	}
	windows := []graph.Window{{}, {Since: "2024-03-04"}, {Until: "2024-03-04"}, {Since: "2024-03-03", Until: "2024-03-06"}, {Since: "2025-01-01"}}
	for _, subj := range []string{"", "person:putin", "agency:kremlin"} {
		for _, pred := range []string{"", "sign decree", "Signed  Decree", "say", "nothing"} {
			for _, kind := range []newsgraph.RelationKind{"", newsgraph.Statement, newsgraph.Role} {
				for _, w := range windows {
					for _, o := range []graph.EventOrder{graph.EventsStored, graph.EventsNewest, graph.EventsByConfidence} {
						f := graph.EventFilter{Subject: subj, Predicate: pred, Kind: kind, Window: w, Order: o}
						got, want := eventIDs(allEvents(t, st, f)), eventIDs(wantEvents(stored, f))
						if !slices.Equal(got, want) {
							t.Fatalf("Events(%+v) =\n%v\nwant\n%v", f, got, want)
						}
					}
				}
			}
		}
	}
}

// checkEventIndex fails unless the event index rows and counts are those
// a recount from the event records gives.
func checkEventIndex(t *testing.T, what string, st *graph.Store) {
	t.Helper()
	diff, err := graph.EventIndexDiff(st)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range diff {
		if i == 10 {
			t.Errorf("%s: ... %d differences in all", what, len(diff))
			break
		}
		t.Errorf("%s: %s", what, d)
	}
}

// Deleting and replacing articles (a re-extraction is a replace) keeps
// every event index row and count equal to a recount from the records, and
// the lists equal to what the records left give.
func TestEventCountsAfterDeleteAndReplace(t *testing.T) {
	ctx := context.Background()
	st, _ := eventStore(t, 10, 8)
	checkEventIndex(t, "after ingest", st)
	for _, id := range []string{"art002", "art005", "art009"} {
		if err := st.DeleteArticle(ctx, id); err != nil {
			t.Fatalf("DeleteArticle(%s) = %v", id, err)
		}
	}
	checkEventIndex(t, "after deletes", st)
	r := rand.New(rand.NewPCG(7, 8))
	for _, c := range []struct {
		id, date string
		n        int
	}{{"art003", "2024-03-08", 5}, {"art004", "", 11}, {"art000", "2024-03-01T08:00:00Z", 0}} {
		a, ex := randomEvents(r, c.id, c.date, c.n)
		if _, err := st.Replace(ctx, a, ex); err != nil {
			t.Fatalf("Replace(%s) = %v", c.id, err)
		}
	}
	checkEventIndex(t, "after replaces", st)
	stored := allEvents(t, st, graph.EventFilter{})
	if want := (10-3-3)*8 + 5 + 11 + 0; len(stored) != want { // 10 stored, 3 deleted, 3 replaced
		t.Errorf("%d events left; want %d", len(stored), want)
	}
	for _, f := range []graph.EventFilter{
		{Subject: "person:lavrov", Order: graph.EventsNewest, Window: graph.Window{Since: "2024-03-02"}},
		{Predicate: "visit", Kind: newsgraph.Action, Order: graph.EventsByConfidence},
		{Kind: newsgraph.Statement, Window: graph.Window{Until: "2024-03-05"}},
	} {
		if got, want := eventIDs(allEvents(t, st, f)), eventIDs(wantEvents(stored, f)); !slices.Equal(got, want) {
			t.Errorf("after deletes and replaces, Events(%+v) = %v; want %v", f, got, want)
		}
	}
	for _, id := range []string{"art000", "art001", "art003", "art004", "art006", "art007", "art008"} {
		if err := st.DeleteArticle(ctx, id); err != nil {
			t.Fatalf("DeleteArticle(%s) = %v", id, err)
		}
	}
	checkEventIndex(t, "after deleting all", st)
	if p, err := st.Events(ctx, graph.EventFilter{}, graph.PageArgs{}); err != nil || p.TotalCount != 0 || len(p.Edges) != 0 {
		t.Errorf("Events on an emptied store = %+v, %v; want none", p, err)
	}
}

// A format-3 store (events in stored order only, no counts) is upgraded on
// open to the store the same articles give today, key for key.
func TestEventIndexUpgradeFromFormat3(t *testing.T) {
	dir := t.TempDir()
	st := mustOpenDir(t, dir)
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 6 {
		a, ex := randomEvents(r, fmt.Sprintf("a%d", i), fmt.Sprintf("2024-05-%02d", 1+i%3), 7)
		if _, err := st.Ingest(context.Background(), a, ex); err != nil {
			t.Fatal(err)
		}
	}
	want, err := graph.Dump(st)
	if err != nil {
		t.Fatal(err)
	}
	if err := graph.MakeFormat3(st); err != nil {
		t.Fatal(err)
	}
	if diff, _ := graph.EventIndexDiff(st); len(diff) == 0 {
		t.Fatal("a format-3 store has today's event index; the test did not make an old one")
	}
	st.Close()
	st = mustOpenDir(t, dir)
	defer st.Close()
	got, err := graph.Dump(st)
	if err != nil {
		t.Fatal(err)
	}
	compareRows(t, "format 3 upgraded", got, want)
	checkEventIndex(t, "upgraded", st)
}

// A store whose articles gave events but no edge has actors and no graph:
// its analytics are zeros, not a panic in gonum's PageRank (the explorer
// asks for them as soon as it opens such a store).
func TestAnalyticsOfAStoreWithEventsOnly(t *testing.T) {
	st, _ := eventStore(t, 2, 3)
	a, err := st.Analytics(context.Background(), graph.Window{})
	if err != nil {
		t.Fatal(err)
	}
	if c := a.Centrality["person:putin"]; c.PageRank != 0 || c.Degree != 0 {
		t.Errorf("centrality of an actor without edges = %+v; want zeros", c)
	}
}
