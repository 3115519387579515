package export

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"newsgraph"
	"newsgraph/graph"
)

// mustOpen opens an empty in-memory store.
func mustOpen(tb testing.TB) *graph.Store {
	tb.Helper()
	st, err := graph.Open("", graph.DefaultOptions().WithInMemory(true).WithLogger(slog.New(slog.DiscardHandler)))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

// article builds an article whose text names each actor once ("Then X
// spoke."), and an extraction with those actors, an event of each (X -[spoke]->
// "spoke"), and the relations given as "subj|predicate|kind|obj" between
// their positions in names.
type fixtureActor struct {
	id, name string
	typ      newsgraph.EntityType
	country  string
	aliases  []string
}

// fixtureSectors are the sectors the fixture's extractor gives agencies.
var fixtureSectors = map[string]newsgraph.Sector{
	"agency:reuters": newsgraph.Media, "agency:ministry-of-defence": newsgraph.Government, "agency:odd": newsgraph.OtherSector,
}

func fixtureArticle(id, date string, actors []fixtureActor, rels ...string) (*newsgraph.Article, *newsgraph.Extraction) {
	var text strings.Builder
	ex := &newsgraph.Extraction{}
	for _, a := range actors {
		text.WriteString("Then ")
		start := text.Len()
		text.WriteString(a.name)
		ex.Entities = append(ex.Entities, newsgraph.Entity{ID: a.id, Name: a.name, Type: a.typ, Country: a.country, Aliases: a.aliases,
			Sector:   fixtureSectors[a.id],
			Mentions: []newsgraph.Mention{{Start: start, End: text.Len(), Text: a.name}}})
		text.WriteString(" ")
		ex.Events = append(ex.Events, newsgraph.Event{Subject: a.id, Predicate: "spoke", Lemma: "speak", Kind: newsgraph.Statement,
			ObjectText: "spoke", ObjectStart: text.Len(), ObjectEnd: text.Len() + len("spoke"),
			Evidence: newsgraph.Evidence{Start: start - len("Then "), End: text.Len() + len("spoke."), Confidence: 0.6}})
		text.WriteString("spoke. ")
	}
	t := text.String()
	for i := range ex.Events {
		ev := &ex.Events[i].Evidence
		ev.Sentence = t[ev.Start:ev.End]
	}
	for i, r := range rels {
		f := strings.Split(r, "|")
		ex.Relations = append(ex.Relations, newsgraph.Relation{Subject: f[0], Predicate: f[1], Kind: newsgraph.RelationKind(f[2]), Object: f[3],
			Evidence: newsgraph.Evidence{Sentence: t, Start: 0, End: len(t), Confidence: 0.5 + float64(i%5)/10, Quantity: f[1]}})
	}
	return &newsgraph.Article{ID: id, Title: "Article " + id, Text: t, PublishedAt: date, URL: "https://example.org/" + id}, ex
}

// fixtureStore holds a small graph with the cases exports must carry:
// names with quotes, ampersands, angle brackets and backslashes; an actor
// joined across articles under another id; the same id for two countries'
// bodies; two edges between one pair; statements; dated and undated
// articles; and, with extra > 0, extra synthetic articles whose actors and
// edges go past one page of the store's lists (100).
func fixtureStore(tb testing.TB, extra int) *graph.Store {
	tb.Helper()
	st := mustOpen(tb)
	ru := fixtureActor{"state:ru", "Russia", newsgraph.State, "", []string{"Russian"}}
	ua := fixtureActor{"state:ua", "Ukraine", newsgraph.State, "", nil}
	putin := fixtureActor{"person:vladimir-putin", "Vladimir Putin", newsgraph.Person, "ru", []string{"Putin"}}
	odd := fixtureActor{"agency:odd", `Bureau "Q" & <Sons> \ Co`, newsgraph.Agency, "", nil}
	modGB := fixtureActor{"agency:ministry-of-defence", "Ministry of Defence", newsgraph.Agency, "gb", []string{"MoD"}}
	modRU := fixtureActor{"agency:ministry-of-defence", "Ministry of Defence", newsgraph.Agency, "ru", nil}
	putin2 := fixtureActor{"person:president-putin", "President Putin", newsgraph.Person, "ru", []string{"Vladimir Putin"}}
	reuters := fixtureActor{"agency:reuters", "Reuters", newsgraph.Agency, "", nil}
	ingest := func(a *newsgraph.Article, ex *newsgraph.Extraction) {
		tb.Helper()
		if _, err := st.Ingest(context.Background(), a, ex); err != nil {
			tb.Fatal(err)
		}
	}
	ingest(fixtureArticle("a1", "2024-01-02", []fixtureActor{ru, ua, putin, odd},
		"person:vladimir-putin|president of|ROLE|state:ru",
		"state:ru|attacked|ACTION|state:ua",
		"state:ru|attacks|ACTION|state:ua",
		"agency:odd|said|STATEMENT|state:ru"))
	ingest(fixtureArticle("a2", "2024-03-05T10:00:00Z", []fixtureActor{putin2, ua, modGB, reuters},
		"person:president-putin|warned|STATEMENT|state:ua",
		"agency:ministry-of-defence|estimated|STATEMENT|state:ua",
		"agency:reuters|reported|STATEMENT|person:president-putin"))
	ingest(fixtureArticle("a3", "", []fixtureActor{modRU, ru, ua},
		"agency:ministry-of-defence|part of|ROLE|state:ru",
		"state:ru|attack|ACTION|state:ua"))
	for i := range extra {
		var actors []fixtureActor
		var rels []string
		for j := range 4 {
			k := (i*3 + j) % (extra + 7)
			actors = append(actors, fixtureActor{fmt.Sprintf("person:p%d", k), fmt.Sprintf("Person %d", k), newsgraph.Person, "", nil})
		}
		for j := 1; j < 4; j++ {
			rels = append(rels, fmt.Sprintf("%s|met %d|ACTION|%s", actors[0].id, j, actors[j].id))
		}
		actors = append(actors, ua)
		rels = append(rels, actors[1].id+"|criticised||state:ua")
		ingest(fixtureArticle(fmt.Sprintf("x%d", i), fmt.Sprintf("2023-%02d-%02d", 1+i%12, 1+i%28), actors, rels...))
	}
	return st
}

// export writes the store in format name with opts.
func export(tb testing.TB, st *graph.Store, name string, opts Options) []byte {
	tb.Helper()
	f, err := Lookup(name)
	if err != nil {
		tb.Fatal(err)
	}
	g, err := Open(context.Background(), st, opts)
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf, g); err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return buf.Bytes()
}

func stats(tb testing.TB, st *graph.Store) graph.Stats {
	tb.Helper()
	s, err := st.Stats(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return s
}
