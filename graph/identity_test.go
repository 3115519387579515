package graph_test

import (
	"context"
	"testing"

	"newsgraph"
	"newsgraph/graph"
)

// Two articles that name one actor by two ids: "Putin" alone (and his
// visit to Russia) and "Vladimir Putin", with the surname as alias.
func putinArticles() (short, full *fixture) {
	short = newFixture("short", "2024-01-02", "Putin visited Russia.").
		ent("person:putin", "Putin", newsgraph.Person).
		ent("state:ru", "Russia", newsgraph.State).
		rel("person:putin", "visited", "visit", "state:ru", 0.8)
	full = newFixture("full", "2024-01-03", "Vladimir Putin spoke. Putin said so.").
		ent("person:vladimir-putin", "Vladimir Putin", newsgraph.Person, "Putin")
	return short, full
}

// TestIdentityDoesNotDependOnOrder: the actor takes the fuller id whichever
// article came first, its edge's id follows, and both ids find it.
func TestIdentityDoesNotDependOnOrder(t *testing.T) {
	ctx := context.Background()
	var rels []string
	for _, order := range []string{"short first", "full first"} {
		st := MustOpenStore(t)
		short, full := putinArticles()
		if order == "short first" {
			short.ingest(t, st)
			full.ingest(t, st)
		} else {
			full.ingest(t, st)
			short.ingest(t, st)
		}
		for _, id := range []string{"person:putin", "person:vladimir-putin"} {
			e, err := st.Entity(ctx, id)
			if err != nil || e.ID != "person:vladimir-putin" || e.Name != "Vladimir Putin" || e.ArticleCount != 2 {
				t.Fatalf("%s: Entity(%s) = %+v, %v; want person:vladimir-putin, Vladimir Putin, 2 articles", order, id, e, err)
			}
		}
		page, err := st.RelationsOf(ctx, "person:vladimir-putin", graph.Out, graph.RelationFilter{}, graph.PageArgs{})
		if err != nil || len(page.Edges) != 1 || page.Edges[0].Node.Subject != "person:vladimir-putin" {
			t.Fatalf("%s: RelationsOf = %+v, %v; want the visit, from person:vladimir-putin", order, page, err)
		}
		r := page.Edges[0].Node
		if got, err := st.Relation(ctx, r.ID); err != nil || got.ID != r.ID {
			t.Errorf("%s: Relation(%s) = %v, %v", order, r.ID, got, err)
		}
		rels = append(rels, r.ID)
	}
	if rels[0] != rels[1] {
		t.Errorf("relation ids %v differ by ingest order", rels)
	}
}

// TestDeleteUndoesRename: the article that renamed an actor, deleted,
// leaves the store that never had it, key for key: the id, the name, the
// edge's id and the id keys are the first article's again.
func TestDeleteUndoesRename(t *testing.T) {
	ctx := context.Background()
	short, full := putinArticles()
	want := MustOpenStore(t)
	short.ingest(t, want)
	got := MustOpenStore(t)
	short.ingest(t, got)
	full.ingest(t, got)
	if e, err := got.Entity(ctx, "person:putin"); err != nil || e.ID != "person:vladimir-putin" {
		t.Fatalf("Entity(person:putin) = %+v, %v; want it renamed person:vladimir-putin", e, err)
	}
	if err := got.DeleteArticle(ctx, "full"); err != nil {
		t.Fatal(err)
	}
	if _, err := got.Entity(ctx, "person:vladimir-putin"); err == nil {
		t.Error("person:vladimir-putin still found after deleting the only article that gave it")
	}
	sameStore(t, "A+B-B", got, want)
}

// TestFormat2GetsProposals: a store written before proposals is upgraded
// on open: each id of an actor becomes its proposal, the ids stay, and a
// later article still renames the actor.
func TestFormat2GetsProposals(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := mustOpenDir(t, dir)
	short, full := putinArticles()
	short.ingest(t, st)
	if err := graph.MakeFormat2(st); err != nil {
		t.Fatal(err)
	}
	if n, err := graph.Proposals(st); err != nil || n != 0 {
		t.Fatalf("Proposals(format 2) = %d, %v; want 0", n, err)
	}
	st.Close()
	st = mustOpenDir(t, dir)
	defer st.Close()
	if n, err := graph.Proposals(st); err != nil || n != 2 {
		t.Errorf("Proposals after the upgrade = %d, %v; want one per actor (2)", n, err)
	}
	if e, err := st.Entity(ctx, "person:putin"); err != nil || e.ID != "person:putin" {
		t.Errorf("Entity(person:putin) after the upgrade = %+v, %v; want it as it was", e, err)
	}
	full.ingest(t, st)
	if e, err := st.Entity(ctx, "person:putin"); err != nil || e.ID != "person:vladimir-putin" {
		t.Errorf("Entity(person:putin) after a fuller id = %+v, %v; want person:vladimir-putin", e, err)
	}
	for _, id := range []string{"short", "full"} {
		if err := st.DeleteArticle(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := graph.Proposals(st); err != nil || n != 0 {
		t.Errorf("Proposals after deleting every article = %d, %v; want 0", n, err)
	}
	if _, err := st.Entity(ctx, "person:putin"); err == nil {
		t.Error("person:putin still found after deleting every article")
	}
}
