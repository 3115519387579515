package graph_test

import (
	"context"
	"errors"
	"testing"

	"newsgraph/graph"
)

// TestClosedStoreRefusesUse: after Close, reads (with or without a
// request's snapshot) and writes fail with ErrClosed instead of reaching
// Badger, which can wait forever for a read timestamp on a closed store.
func TestClosedStoreRefusesUse(t *testing.T) {
	st := mustOpenDir(t, t.TempDir())
	if _, err := st.Stats(context.Background()); err != nil {
		t.Fatalf("Stats on an open store = %v", err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	ctx, done := st.WithSnapshot(context.Background())
	defer done()
	if _, err := st.Stats(ctx); !errors.Is(err, graph.ErrClosed) {
		t.Errorf("Stats under a snapshot after Close = %v; want ErrClosed", err)
	}
	if _, err := st.EntityByName(context.Background(), "Russia"); !errors.Is(err, graph.ErrClosed) {
		t.Errorf("EntityByName after Close = %v; want ErrClosed", err)
	}
	if err := st.DeleteArticle(context.Background(), "a1"); !errors.Is(err, graph.ErrClosed) {
		t.Errorf("DeleteArticle after Close = %v; want ErrClosed", err)
	}
	if err := st.Ping(context.Background()); !errors.Is(err, graph.ErrClosed) {
		t.Errorf("Ping after Close = %v; want ErrClosed", err)
	}
}
