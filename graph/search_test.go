package graph_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"newsgraph"
	"newsgraph/graph"
)

// searchStore holds actors whose names test word starts, accents and rank.
func searchStore(t *testing.T) *graph.Store {
	st := MustOpenStore(t)
	newFixture("s1", "2022-01-01", "The Ministry of Defence met São Paulo officials. Defence Intelligence agreed. The Ministry of Defence said so.").
		ent("agency:ministry-of-defence", "Ministry of Defence", newsgraph.Agency, "MoD").
		ent("agency:defence-intelligence", "Defence Intelligence", newsgraph.Agency).
		ent("place:sao-paulo", "São Paulo", newsgraph.Place).
		ingest(t, st)
	newFixture("s2", "2022-01-02", "Vladimir Putin spoke. Putin left. Ursula von der Leyen answered.").
		ent("person:vladimir-putin", "Vladimir Putin", newsgraph.Person, "Putin").
		ent("person:ursula-von-der-leyen", "Ursula von der Leyen", newsgraph.Person).
		ingest(t, st)
	return st
}

func searchNames(t *testing.T, st *graph.Store, f graph.EntityFilter) []string {
	t.Helper()
	p, err := st.Entities(context.Background(), f, graph.PageArgs{First: 10})
	if err != nil {
		t.Fatalf("Entities(%+v) = %v", f, err)
	}
	names := []string{}
	for _, e := range p.Edges {
		names = append(names, e.Node.Name)
	}
	if p.TotalCount != len(names) {
		t.Errorf("Entities(%+v).TotalCount = %d; want %d", f, p.TotalCount, len(names))
	}
	return names
}

func TestSearchMatchesWordStarts(t *testing.T) {
	st := searchStore(t)
	for _, tc := range []struct {
		search string
		typ    newsgraph.EntityType
		want   []string
	}{
		// Ranked by mentions: the Ministry (2 mentions) before Defence Intelligence (1).
		{"defence", "", []string{"Ministry of Defence", "Defence Intelligence"}},
		{"DEFENCE", "", []string{"Ministry of Defence", "Defence Intelligence"}},
		{"of def", "", []string{"Ministry of Defence"}},
		{"intel", "", []string{"Defence Intelligence"}},
		{"mod", "", []string{"Ministry of Defence"}},
		{"sao", "", []string{"São Paulo"}},
		{"São", "", []string{"São Paulo"}},
		{"paulo", "", []string{"São Paulo"}},
		{"leyen", "", []string{"Ursula von der Leyen"}},
		{"von der", "", []string{"Ursula von der Leyen"}},
		{"putin", "", []string{"Vladimir Putin"}},
		{"defence", newsgraph.Place, []string{}},
		{"ence", "", []string{}},  // inside a word, not at its start
		{"aulo", "", []string{}},  // likewise
		{"xyzzy", "", []string{}}, // nothing
	} {
		got := searchNames(t, st, graph.EntityFilter{Search: tc.search, Type: tc.typ})
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Entities(search %q, type %q) = %q; want %q", tc.search, tc.typ, got, tc.want)
		}
	}
}

func TestSearchFollowsIngests(t *testing.T) {
	st := searchStore(t)
	if got := searchNames(t, st, graph.EntityFilter{Search: "defence"}); len(got) != 2 {
		t.Fatalf("before: %q", got)
	}
	// Three more mentions of Defence Intelligence put it first; a new
	// defence actor appears: the cached index follows the store's version.
	newFixture("s3", "2022-01-03", "Defence Intelligence, Defence Intelligence and Defence Intelligence saw the Defence Council.").
		ent("agency:defence-intelligence", "Defence Intelligence", newsgraph.Agency).
		ent("agency:defence-council", "Defence Council", newsgraph.Agency).
		ingest(t, st)
	want := []string{"Defence Intelligence", "Ministry of Defence", "Defence Council"}
	if got := searchNames(t, st, graph.EntityFilter{Search: "defence"}); !reflect.DeepEqual(got, want) {
		t.Errorf("after an ingest: Entities(search defence) = %q; want %q", got, want)
	}
}

func TestSearchPagesWithCursors(t *testing.T) {
	st := searchStore(t)
	ctx := context.Background()
	var got []string
	after := ""
	for range 5 {
		p, err := st.Entities(ctx, graph.EntityFilter{Search: "defence"}, graph.PageArgs{First: 1, After: after})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range p.Edges {
			got = append(got, e.Node.Name)
		}
		if !p.HasNextPage {
			break
		}
		after = p.EndCursor
	}
	if want := []string{"Ministry of Defence", "Defence Intelligence"}; !reflect.DeepEqual(got, want) {
		t.Errorf("paging search defence by 1 = %q; want %q", got, want)
	}
}

func TestEntityByNameStaysExact(t *testing.T) {
	st := searchStore(t)
	if _, err := st.EntityByName(context.Background(), "defence"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("EntityByName(defence) = %v; want ErrNotFound (only search matches word starts)", err)
	}
	if e, err := st.EntityByName(context.Background(), "mod"); err != nil || e.Name != "Ministry of Defence" {
		t.Errorf("EntityByName(mod) = %v, %v; want the Ministry of Defence", e, err)
	}
}
