package graph_test

import (
	"context"
	"testing"

	"newsgraph"
	"newsgraph/graph"
)

// Three articles on one person: "Trump" alone, "Donald Trump" without the
// surname as alias, and "Donald Trump" with it. In the order lone,
// without, with, the first two are stored as two actors before the third
// bridges them: it finds "Donald Trump" by id and its alias "Trump" names
// the other, so the two are merged, with their edges (both visited
// Ukraine: one edge) and events, as every other order stores them.
func trumpArticles() (lone, without, with func() *fixture) {
	lone = func() *fixture {
		f := newFixture("lone", "2019-09-01", "Trump visited Ukraine.").
			ent("person:trump", "Trump", newsgraph.Person).
			ent("state:ua", "Ukraine", newsgraph.State).
			rel("person:trump", "visited", "visit", "state:ua", 0.7)
		f.ex.Events = []newsgraph.Event{{Subject: "person:trump", Predicate: "visited", Lemma: "visit", Kind: newsgraph.Action,
			Evidence: newsgraph.Evidence{Sentence: f.a.Text, Start: 0, End: len(f.a.Text), Confidence: 0.7}}}
		return f
	}
	without = func() *fixture {
		return newFixture("without", "2019-09-02", "Donald Trump visited Ukraine. Donald Trump met Zelensky.").
			ent("person:donald-trump", "Donald Trump", newsgraph.Person).
			ent("state:ua", "Ukraine", newsgraph.State).
			ent("person:zelensky", "Zelensky", newsgraph.Person).
			rel("person:donald-trump", "visited", "visit", "state:ua", 0.9).
			rel("person:donald-trump", "met", "meet", "person:zelensky", 0.8)
	}
	with = func() *fixture {
		return newFixture("with", "2019-09-03", "Donald Trump spoke. Trump said so.").
			ent("person:donald-trump", "Donald Trump", newsgraph.Person, "Trump").
			withReason("Trump", "surname of Donald Trump")
	}
	return lone, without, with
}

func TestBridgeMergesActorsStoredApart(t *testing.T) {
	ctx := context.Background()
	lone, without, with := trumpArticles()
	sts := ingestInOrders(t, [][]func() *fixture{{lone, without, with}, {with, lone, without}, {without, with, lone}})
	got := sts[0]
	for _, id := range []string{"person:trump", "person:donald-trump"} {
		e, err := got.Entity(ctx, id)
		if err != nil || e.ID != "person:donald-trump" || e.ArticleCount != 3 || e.MentionCount != 6 {
			t.Errorf("Entity(%s) = %+v, %v; want person:donald-trump of 3 articles, 6 mentions", id, e, err)
		}
	}
	page, err := got.RelationsOf(ctx, "person:donald-trump", graph.Out, graph.RelationFilter{Predicate: "visit"}, graph.PageArgs{})
	if err != nil || len(page.Edges) != 1 || page.Edges[0].Node.Weight != 2 || page.Edges[0].Node.ArticleCount != 2 {
		t.Errorf("visits of Donald Trump = %+v, %v; want one edge of weight 2 from 2 articles", page, err)
	}
	evs, err := got.Events(ctx, graph.EventFilter{Subject: "person:donald-trump"}, graph.PageArgs{})
	if err != nil || len(evs.Edges) != 1 {
		t.Errorf("Events(Donald Trump) = %+v, %v; want the lone article's event", evs, err)
	}
	for i, st := range sts[1:] {
		sameRows(t, "order 0 vs "+[]string{"1", "2"}[i], graph.Snapshot, got, st)
	}
	// A delete after a merge takes the article out of the merged actor.
	if err := got.DeleteArticle(ctx, "lone"); err != nil {
		t.Fatal(err)
	}
	if err := got.Check(ctx); err != nil {
		t.Errorf("Check() after the delete = %v", err)
	}
	want := ingestInOrders(t, [][]func() *fixture{{without, with}})[0]
	sameRows(t, "merged then lone deleted vs never lone", graph.Snapshot, got, want)
}

// An article that names two persons apart ("Biden" beside "Joe Biden")
// keeps them apart: a later article whose "Joe Biden" has the alias
// "Biden" does not merge them, in any order.
func TestBridgeKeepsActorsNamedApart(t *testing.T) {
	ctx := context.Background()
	apart := func() *fixture {
		return newFixture("apart", "2019-09-01", "Joe Biden and Hunter Biden. Biden said.").
			ent("person:joe-biden", "Joe Biden", newsgraph.Person).
			ent("person:hunter-biden", "Hunter Biden", newsgraph.Person).
			ent("person:biden", "Biden", newsgraph.Person)
	}
	bridge := func() *fixture {
		return newFixture("bridge", "2019-09-02", "Joe Biden spoke. Biden said so.").
			ent("person:joe-biden", "Joe Biden", newsgraph.Person, "Biden")
	}
	sts := ingestInOrders(t, [][]func() *fixture{{apart, bridge}, {bridge, apart}})
	for i, st := range sts {
		if e, err := st.Entity(ctx, "person:biden"); err != nil || e.ID != "person:biden" {
			t.Errorf("order %d: Entity(person:biden) = %+v, %v; want it apart", i, e, err)
		}
	}
	sameRows(t, "apart+bridge vs bridge+apart", graph.Snapshot, sts[0], sts[1])
}

// Deleting the article that gave an alias its fuller spelling leaves the
// spelling the other article gives ("US Senate"), as the store that never
// had it.
func TestDeleteRespellsAlias(t *testing.T) {
	ctx := context.Background()
	dotted := func() *fixture {
		return newFixture("dotted", "2019-09-01", "The Senate met. The U.S. Senate voted.").
			ent("agency:us:senate", "Senate", newsgraph.Agency, "U.S. Senate")
	}
	plain := func() *fixture {
		return newFixture("plain", "2019-09-02", "The Senate met. The US Senate voted.").
			ent("agency:us:senate", "Senate", newsgraph.Agency, "US Senate")
	}
	sts := ingestInOrders(t, [][]func() *fixture{{dotted, plain}, {plain}})
	if err := sts[0].DeleteArticle(ctx, "dotted"); err != nil {
		t.Fatal(err)
	}
	if e, err := sts[0].Entity(ctx, "agency:us:senate"); err != nil || len(e.Aliases) != 1 || e.Aliases[0] != "US Senate" {
		t.Errorf("Senate after deleting dotted = %+v, %v; want the alias US Senate", e, err)
	}
	sameRows(t, "dotted+plain-dotted vs plain", graph.Snapshot, sts[0], sts[1])
}

// One article names "United States Supreme Court" (alias "Supreme Court")
// and "Supreme Court" apart; another names only "Supreme Court". Stored
// after the other, the first article's two join the actor the other made;
// stored first, they used to stay two actors (the second's name was not
// looked up among the actors the same article had made), and the other
// article then found "Supreme Court" by id.
func TestEntitiesOfOneArticleJoinAsAcrossArticles(t *testing.T) {
	ctx := context.Background()
	both := func() *fixture {
		return newFixture("both", "2019-06-01", "The United States Supreme Court ruled. The Supreme Court said.").
			ent("agency:united-states-supreme-court", "United States Supreme Court", newsgraph.Agency, "Supreme Court").
			ent("agency:us:supreme-court", "Supreme Court", newsgraph.Agency)
	}
	court := func() *fixture {
		return newFixture("court", "2019-06-02", "The Supreme Court met.").
			ent("agency:us:supreme-court", "Supreme Court", newsgraph.Agency)
	}
	us := func(f func() *fixture) func() *fixture {
		return func() *fixture {
			x := f()
			for i := range x.ex.Entities {
				x.ex.Entities[i].Country = "US"
			}
			return x
		}
	}
	sts := ingestInOrders(t, [][]func() *fixture{{us(both), us(court)}, {us(court), us(both)}})
	for i, st := range sts {
		e, err := st.Entity(ctx, "agency:united-states-supreme-court")
		if err != nil || e.ID != "agency:us:supreme-court" || e.ArticleCount != 2 {
			t.Errorf("order %d: Entity(agency:united-states-supreme-court) = %+v, %v; want agency:us:supreme-court of 2 articles", i, e, err)
		}
	}
	sameRows(t, "both+court vs court+both", graph.Snapshot, sts[0], sts[1])
}

// kinded gives the fixture's relations kind k.
func kinded(f func() *fixture, k newsgraph.RelationKind) func() *fixture {
	return func() *fixture {
		x := f()
		for i := range x.ex.Relations {
			x.ex.Relations[i].Kind = k
		}
		return x
	}
}

// Two edges joined by a merge take the kind of the earliest article that
// gives one, as an edge built in stored order does: the merged edge kept
// the kind of the actor merged into ("without", stored second), where
// every other order gives the kind of "lone". A delete of "lone" after the
// merge leaves the other's kind.
func TestBridgeJoinedEdgeTakesEarliestKind(t *testing.T) {
	ctx := context.Background()
	lone, without, with := trumpArticles()
	lone, without = kinded(lone, newsgraph.Action), kinded(without, newsgraph.Statement)
	sts := ingestInOrders(t, [][]func() *fixture{{lone, without, with}, {with, lone, without}})
	for i, st := range sts {
		page, err := st.RelationsOf(ctx, "person:donald-trump", graph.Out, graph.RelationFilter{Predicate: "visit"}, graph.PageArgs{})
		if err != nil || len(page.Edges) != 1 || page.Edges[0].Node.Kind != newsgraph.Action {
			t.Errorf("order %d: visits of Donald Trump = %+v, %v; want one ACTION edge", i, page, err)
		}
	}
	sameRows(t, "lone, without, with vs with, lone, without", graph.Snapshot, sts[0], sts[1])
	if err := sts[0].DeleteArticle(ctx, "lone"); err != nil {
		t.Fatal(err)
	}
	want := ingestInOrders(t, [][]func() *fixture{{without, with}})[0]
	sameRows(t, "merged then lone deleted vs never lone", graph.Snapshot, sts[0], want)
}
