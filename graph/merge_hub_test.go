package graph_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"newsgraph"
)

// hubArticle is article i of a hub: "Trump" met n persons, one edge each.
func hubArticle(i, n int) *fixture {
	text := "Trump met"
	var names []string
	for j := 0; j < n; j++ {
		name := fmt.Sprintf("Person%dx%d Q", i, j)
		names = append(names, name)
		text += " " + name + "."
	}
	f := newFixture(fmt.Sprintf("hub-%d", i), "2019-08-01", text).ent("person:trump", "Trump", newsgraph.Person)
	for _, name := range names {
		id := "person:" + strings.ToLower(strings.ReplaceAll(name, " ", "-"))
		f.ent(id, name, newsgraph.Person).rel("person:trump", "met", "meet", id, 0.5)
	}
	return f
}

// A lone "Trump" with 12,000 edges is too large to merge into "Donald
// Trump" in one transaction. The article bridging them used to be refused
// as too large (34 bytes of text, one entity), and so every later article
// naming "Donald Trump" with the alias "Trump"; it is stored with the two
// apart, saying so (MergeTooBig), and the store's rows agree.
func TestBridgeTooLargeToMergeKeepsActorsApart(t *testing.T) {
	if testing.Short() || raceOn {
		t.Skip("builds an actor of 12,000 edges (skipped with -short and under -race)")
	}
	ctx := context.Background()
	_, without, with := trumpArticles()
	st := MustOpenStore(t)
	for i := 0; i < 120; i++ {
		hubArticle(i, 100).ingest(t, st)
	}
	without().ingest(t, st)
	for _, id := range []string{"with", "with-again"} {
		f := with()
		f.a.ID = id
		res, err := st.Ingest(ctx, f.a, f.ex)
		if err != nil || !res.MergeTooBig || res.MergedEntities != 0 {
			t.Fatalf("Ingest(%s) = %+v, %v; want it stored, MergeTooBig", id, res, err)
		}
	}
	if err := st.Check(ctx); err != nil {
		t.Error(err)
	}
	if e, err := st.Entity(ctx, "person:trump"); err != nil || e.ID != "person:trump" || e.ArticleCount != 120 {
		t.Errorf("Entity(person:trump) = %+v, %v; want the hub apart, of 120 articles", e, err)
	}
	if e, err := st.Entity(ctx, "person:donald-trump"); err != nil || e.ArticleCount != 3 {
		t.Errorf("Entity(person:donald-trump) = %+v, %v; want 3 articles", e, err)
	}
}
