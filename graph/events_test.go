package graph_test

import (
	"context"
	"errors"
	"testing"

	"newsgraph"
	"newsgraph/graph"
)

// eventExtraction is one article with two actors and three events: two
// of Putin's, one of the Kremlin's.
func eventExtraction(id, date string) (*newsgraph.Article, *newsgraph.Extraction) {
	text := "Putin signed a decree. The Kremlin said talks failed. Putin could sign a law."
	a := &newsgraph.Article{ID: id, Title: "t", Text: text, PublishedAt: date}
	sent := func(start, end int) newsgraph.Evidence {
		return newsgraph.Evidence{Sentence: text[start:end], Start: start, End: end, Confidence: 0.7}
	}
	ev := func(subj, pred, lemma string, kind newsgraph.RelationKind, obj string, s, e int, m newsgraph.Modality) newsgraph.Event {
		start := s
		for i := s; i+len(obj) <= e; i++ {
			if text[i:i+len(obj)] == obj {
				start = i
				break
			}
		}
		return newsgraph.Event{Subject: subj, Predicate: pred, Lemma: lemma, Kind: kind, ObjectText: obj,
			ObjectStart: start, ObjectEnd: start + len(obj), Modality: m, Evidence: sent(s, e)}
	}
	ex := &newsgraph.Extraction{
		Entities: []newsgraph.Entity{
			{ID: "person:putin", Name: "Putin", Type: newsgraph.Person, Mentions: []newsgraph.Mention{{Start: 0, End: 5, Text: "Putin"}}},
			{ID: "agency:kremlin", Name: "Kremlin", Type: newsgraph.Agency, Mentions: []newsgraph.Mention{{Start: 27, End: 34, Text: "Kremlin"}}},
		},
		Events: []newsgraph.Event{
			ev("person:putin", "signed decree", "sign decree", newsgraph.Action, "a decree", 0, 22, ""),
			ev("agency:kremlin", "said", "say", newsgraph.Statement, "talks failed", 23, 53, ""),
			ev("person:putin", "sign law", "sign law", newsgraph.Action, "a law", 54, 77, newsgraph.Possible),
		},
	}
	return a, ex
}

func TestEventsStoredAndPaged(t *testing.T) {
	ctx := context.Background()
	st := MustOpenStore(t)
	for i, d := range []string{"2024-01-05", "2024-03-05"} {
		a, ex := eventExtraction(string(rune('a'+i)), d)
		if err := ex.Validate(a.Text); err != nil {
			t.Fatal(err)
		}
		res, err := st.Ingest(ctx, a, ex)
		if err != nil || res.Events != 3 {
			t.Fatalf("Ingest(%s) = %+v, %v; want 3 events", a.ID, res, err)
		}
	}
	count := func(f graph.EventFilter) int {
		t.Helper()
		p, err := st.Events(ctx, f, graph.PageArgs{First: 100})
		if err != nil {
			t.Fatalf("Events(%+v) = %v", f, err)
		}
		if p.TotalCount != len(p.Edges) {
			t.Errorf("Events(%+v): totalCount %d, %d edges", f, p.TotalCount, len(p.Edges))
		}
		return len(p.Edges)
	}
	w, _ := graph.NewWindow("2024-02-01", "")
	for _, c := range []struct {
		f    graph.EventFilter
		want int
	}{
		{graph.EventFilter{}, 6},
		{graph.EventFilter{Subject: "person:putin"}, 4},
		{graph.EventFilter{Subject: "person:putin", Predicate: "signed decree"}, 2},
		{graph.EventFilter{Predicate: "sign decree"}, 2},
		{graph.EventFilter{Kind: newsgraph.Statement}, 2},
		{graph.EventFilter{Subject: "agency:kremlin", Window: w}, 1},
	} {
		if got := count(c.f); got != c.want {
			t.Errorf("Events(%+v) = %d events; want %d", c.f, got, c.want)
		}
	}
	// Pages of two walk all four of Putin's events, oldest first, once each.
	var seen []string
	after := ""
	for range 4 {
		p, err := st.Events(ctx, graph.EventFilter{Subject: "person:putin"}, graph.PageArgs{First: 2, After: after})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range p.Edges {
			seen = append(seen, e.Node.ID)
			if e.Node.Subject != "person:putin" || e.Node.Evidence.ArticleID == "" {
				t.Errorf("event %+v: want Putin's, with its article", e.Node)
			}
		}
		if !p.HasNextPage {
			break
		}
		after = p.EndCursor
	}
	want := []string{"event:a:0", "event:a:2", "event:b:0", "event:b:2"}
	if len(seen) != len(want) {
		t.Fatalf("paged events = %v; want %v", seen, want)
	}
	for i := range want {
		if seen[i] != want[i] {
			t.Errorf("paged events = %v; want %v", seen, want)
			break
		}
	}
	if _, err := st.Events(ctx, graph.EventFilter{Subject: "person:nobody"}, graph.PageArgs{}); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Events(unknown subject) = %v; want ErrNotFound", err)
	}
	if _, err := st.Events(ctx, graph.EventFilter{}, graph.PageArgs{After: "bad"}); !errors.Is(err, graph.ErrBadCursor) {
		t.Errorf("Events(after a bad cursor) = %v; want ErrBadCursor", err)
	}
	// Deleting an article takes its events out.
	if err := st.DeleteArticle(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	if got := count(graph.EventFilter{}); got != 3 {
		t.Errorf("after deleting a: %d events; want 3", got)
	}
	if s, _ := st.Stats(ctx); s.Events != 3 {
		t.Errorf("Stats().Events = %d; want 3", s.Events)
	}
}

// An event whose subject is not an entity of its extraction is refused,
// and nothing of the article is stored.
func TestEventWithUnknownSubjectRefused(t *testing.T) {
	ctx := context.Background()
	st := MustOpenStore(t)
	a, ex := eventExtraction("a", "")
	ex.Events[0].Subject = "person:nobody"
	if _, err := st.Ingest(ctx, a, ex); !errors.Is(err, graph.ErrBadInput) {
		t.Fatalf("Ingest(event of an unknown subject) = %v; want ErrBadInput", err)
	}
	if s, _ := st.Stats(ctx); s.Articles != 0 || s.Events != 0 {
		t.Errorf("Stats() = %+v after a refused ingest; want nothing stored", s)
	}
}
