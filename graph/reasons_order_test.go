package graph_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"newsgraph"
	"newsgraph/graph"
)

// withReason gives alias a of the fixture's last entity the reason why, as
// the extractor does.
func (f *fixture) withReason(a, why string) *fixture {
	e := &f.ex.Entities[len(f.ex.Entities)-1]
	if e.AliasReasons == nil {
		e.AliasReasons = map[string]string{}
	}
	e.AliasReasons[a] = why
	return f
}

// ingestInOrders builds one store per order of fixtures (each a func, so
// that every store gets fresh fixtures) and returns them.
func ingestInOrders(t *testing.T, orders [][]func() *fixture) []*graph.Store {
	t.Helper()
	var out []*graph.Store
	for _, order := range orders {
		st := MustOpenStore(t)
		for _, f := range order {
			f().ingest(t, st)
		}
		if err := st.Check(context.Background()); err != nil {
			t.Errorf("Check() = %v", err)
		}
		out = append(out, st)
	}
	return out
}

// Two articles give the alias "NHC" two reasons: the store keeps the same
// one (the first in byte order) in either order, and a delete of the
// article that gave it leaves the other's, as the store that never had
// that article has it.
func TestAliasReasonDoesNotDependOnOrder(t *testing.T) {
	ctx := context.Background()
	defined := func() *fixture {
		return newFixture("defined", "2019-08-30", "The National Hurricane Center (NHC) warned.").
			ent("agency:national-hurricane-center", "National Hurricane Center", newsgraph.Agency, "NHC").
			withReason("NHC", "acronym defined in text")
	}
	of := func() *fixture {
		return newFixture("of", "2019-08-31", "The National Hurricane Center said. The NHC expects rain.").
			ent("agency:national-hurricane-center", "National Hurricane Center", newsgraph.Agency, "NHC").
			withReason("NHC", "acronym of National Hurricane Center")
	}
	sts := ingestInOrders(t, [][]func() *fixture{{defined, of}, {of, defined}})
	for i, st := range sts {
		e, err := st.Entity(ctx, "agency:national-hurricane-center")
		if err != nil || e.AliasReasons["NHC"] != "acronym defined in text" {
			t.Errorf("order %d: NHC's reason = %+v, %v; want acronym defined in text", i, e, err)
		}
	}
	sameRows(t, "defined+of vs of+defined", graph.Snapshot, sts[0], sts[1])
	if err := sts[1].DeleteArticle(ctx, "defined"); err != nil {
		t.Fatal(err)
	}
	want := ingestInOrders(t, [][]func() *fixture{{of}})[0]
	sameRows(t, "of+defined-defined vs of", graph.Snapshot, sts[1], want)
}

// "Democratic" with the alias "Democratic party" and "Democratic Party"
// join from either side; the alias "Democratic" says it was joined across
// articles whichever came first (it used to say so only when the party
// came first: the other way the reason went to the name, which the
// rename drops).
func TestJoinReasonDoesNotDependOnOrder(t *testing.T) {
	ctx := context.Background()
	party := func() *fixture {
		return newFixture("party", "2019-03-01", "The Democratic Party met. Democrats voted.").
			ent("agency:democratic-party", "Democratic Party", newsgraph.Agency, "Democrats").
			withReason("Democrats", "party member")
	}
	short := func() *fixture {
		return newFixture("short", "2019-03-02", "The Democratic party met. The Democratic leader spoke.").
			ent("agency:democratic", "Democratic", newsgraph.Agency, "Democratic party").
			withReason("Democratic party", "name with descriptor")
	}
	sts := ingestInOrders(t, [][]func() *fixture{{party, short}, {short, party}})
	for i, st := range sts {
		e, err := st.Entity(ctx, "agency:democratic")
		if err != nil || e.ID != "agency:democratic-party" ||
			!strings.HasPrefix(e.AliasReasons["Democratic"], "joined across articles: name Democratic (agency:democratic)") {
			t.Errorf("order %d: Entity(agency:democratic) = %+v, %v; want agency:democratic-party, Democratic joined across articles", i, e, err)
		}
	}
	sameRows(t, "party+short vs short+party", graph.Snapshot, sts[0], sts[1])
	if err := sts[0].DeleteArticle(ctx, "short"); err != nil {
		t.Fatal(err)
	}
	if e, err := sts[0].Entity(ctx, "agency:democratic-party"); err != nil || e.AliasReasons["Democratic"] != "" {
		t.Errorf("after deleting short: %+v, %v; want no join reason left", e, err)
	}
}

// Check passes on a sound store and names an id key that finds the wrong
// actor.
func TestCheckFindsAWrongIDKey(t *testing.T) {
	ctx := context.Background()
	st := MustOpenStore(t)
	short, full := putinArticles()
	short.ingest(t, st)
	full.ingest(t, st)
	if err := st.Check(ctx); err != nil {
		t.Fatalf("Check() = %v; want nil", err)
	}
	if err := graph.PointID(st, "person:putin", "state:ru"); err != nil {
		t.Fatal(err)
	}
	err := st.Check(ctx)
	if !errors.Is(err, graph.ErrInconsistent) || !strings.Contains(err.Error(), `id "person:putin" of actor`) {
		t.Errorf("Check() with person:putin pointing at Russia = %v; want ErrInconsistent naming the id", err)
	}
}

// Check names an actor's rank row left at a mention count it no longer
// has, and an edge whose out-edge row is gone: rows a merge or a delete
// could leave wrong without any record disagreeing.
func TestCheckFindsStaleAndMissingIndexRows(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name, want string
		mangle     func(*graph.Store) error
	}{
		{"stale rank row", "actor rank rows", func(st *graph.Store) error { return graph.AddStaleRank(st, "person:vladimir-putin") }},
		{"missing out row", "index row of edge", func(st *graph.Store) error { return graph.DropOutRows(st, "person:vladimir-putin") }},
	} {
		st := MustOpenStore(t)
		short, full := putinArticles()
		short.ingest(t, st)
		full.ingest(t, st)
		if err := st.Check(ctx); err != nil {
			t.Fatalf("%s: Check() = %v; want nil", tc.name, err)
		}
		if err := tc.mangle(st); err != nil {
			t.Fatal(err)
		}
		if err := st.Check(ctx); !errors.Is(err, graph.ErrInconsistent) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: Check() = %v; want ErrInconsistent naming the %s", tc.name, err, tc.want)
		}
	}
}
