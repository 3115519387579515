package graph_test

import (
	"context"
	"errors"
	"testing"

	"newsgraph"
	"newsgraph/graph"
)

// Reads under a snapshot see the store as it was when the snapshot began,
// whatever is ingested meanwhile; reads without one see the new articles.
func TestSnapshotReadsOneView(t *testing.T) {
	st := MustOpenStore(t)
	ctx := context.Background()
	newFixture("s1", "2020-01-01", "Russia sanctioned Ukraine.").
		ent("state:ru", "Russia", newsgraph.State).ent("state:ua", "Ukraine", newsgraph.State).
		rel("state:ru", "sanctioned", "sanction", "state:ua", 0.9).ingest(t, st)

	snap, done := st.WithSnapshot(ctx)
	defer done()
	newFixture("s2", "2020-01-02", "Russia praised Belarus.").
		ent("state:ru", "Russia", newsgraph.State).ent("state:by", "Belarus", newsgraph.State).
		rel("state:ru", "praised", "praise", "state:by", 0.9).ingest(t, st)

	if _, err := st.Entity(snap, "state:by"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Entity(state:by) under the snapshot = %v; want ErrNotFound (ingested after it began)", err)
	}
	if _, err := st.Entity(ctx, "state:by"); err != nil {
		t.Errorf("Entity(state:by) without a snapshot = %v; want the new actor", err)
	}
	old, err := st.Relations(snap, graph.RelationFilter{Subject: "state:ru"}, graph.PageArgs{})
	if err != nil || old.TotalCount != 1 {
		t.Errorf("Relations(ru) under the snapshot = %+v, %v; want the one edge stored before it", old, err)
	}
	now, err := st.Relations(ctx, graph.RelationFilter{Subject: "state:ru"}, graph.PageArgs{})
	if err != nil || now.TotalCount != 2 {
		t.Errorf("Relations(ru) without a snapshot = %+v, %v; want both edges", now, err)
	}
}

// Ends reads the ends of edges by the uids their records hold: the same
// actors as reading each end by id.
func TestEndsMatchEntity(t *testing.T) {
	st := MustOpenStore(t)
	ctx := context.Background()
	newFixture("e1", "2020-01-01", "Russia sanctioned Ukraine. Reuters reported it.").
		ent("state:ru", "Russia", newsgraph.State).ent("state:ua", "Ukraine", newsgraph.State).
		ent("agency:reuters", "Reuters", newsgraph.Agency).
		rel("state:ru", "sanctioned", "sanction", "state:ua", 0.9).
		rel("agency:reuters", "reported", "report", "state:ru", 0.8).ingest(t, st)
	pg, err := st.Relations(ctx, graph.RelationFilter{}, graph.PageArgs{})
	if err != nil || len(pg.Edges) != 2 {
		t.Fatalf("Relations = %+v, %v; want 2 edges", pg, err)
	}
	var rels []*graph.Relation
	for _, e := range pg.Edges {
		rels = append(rels, e.Node)
	}
	skip := "state:ua"
	got, err := st.Ends(ctx, rels, true, true, func(id string) bool { return id == skip })
	if err != nil {
		t.Fatalf("Ends = %v", err)
	}
	if _, ok := got[skip]; ok || len(got) != 2 {
		t.Errorf("Ends = %d actors (%v); want the 2 ends not already at hand", len(got), got)
	}
	for id, e := range got {
		want, err := st.Entity(ctx, id)
		if err != nil || e.ID != want.ID || e.Name != want.Name || e.MentionCount != want.MentionCount {
			t.Errorf("Ends[%s] = %+v; Entity gives %+v, %v", id, e, want, err)
		}
	}
	subjects, err := st.Ends(ctx, rels, true, false, func(string) bool { return false })
	if _, ok := subjects["state:ua"]; err != nil || ok || len(subjects) != 2 {
		t.Errorf("Ends(subjects only) = %v, %v; want state:ru and agency:reuters", subjects, err)
	}
}
