package graph

import (
	"context"
	"fmt"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"newsgraph"
)

// TestFlattenDropsDeletionMarkers: ingest sessions that move actors' and
// edges' ranks leave deletion markers of the old index rows in several
// tables; a ReadMostly open flattens them away, and the rows left are the
// live ones, one version each, answering as before.
func TestFlattenDropsDeletionMarkers(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	for session := range 3 {
		st, err := Open(dir, DefaultOptions().WithLogger(nil))
		if err != nil {
			t.Fatalf("Open = %v", err)
		}
		for i := range 5 {
			id := fmt.Sprintf("a%d-%d", session, i)
			text := "Russia said that Ukraine must talk."
			a := &newsgraph.Article{ID: id, Title: id, Text: text, PublishedAt: "2024-01-02"}
			ex := &newsgraph.Extraction{
				Entities: []newsgraph.Entity{
					{ID: "state:ru", Name: "Russia", Type: newsgraph.State, Mentions: []newsgraph.Mention{{Start: 0, End: 6, Text: "Russia"}}},
					{ID: "state:ua", Name: "Ukraine", Type: newsgraph.State, Mentions: []newsgraph.Mention{{Start: 17, End: 24, Text: "Ukraine"}}},
				},
				Relations: []newsgraph.Relation{{Subject: "state:ru", Predicate: "said", Lemma: "say", Object: "state:ua",
					Evidence: newsgraph.Evidence{Sentence: text, Start: 0, End: len(text), Confidence: 0.9}}},
			}
			if _, err := st.Ingest(ctx, a, ex); err != nil {
				t.Fatalf("Ingest(%s) = %v", id, err)
			}
		}
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
	}
	st, err := Open(dir, DefaultOptions().WithLogger(nil).WithReadMostly(true))
	if err != nil {
		t.Fatalf("Open(ReadMostly) = %v", err)
	}
	defer st.Close()
	if err := st.Flatten(); err != nil {
		t.Fatalf("Flatten = %v", err)
	}
	markers, versions, keys := 0, 0, 0
	err = st.db.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.PrefetchValues, o.AllVersions = false, true
		it := txn.NewIterator(o)
		defer it.Close()
		var last []byte
		for it.Rewind(); it.Valid(); it.Next() {
			versions++
			if it.Item().IsDeletedOrExpired() {
				markers++
			}
			if k := it.Item().Key(); string(k) != string(last) {
				keys++
				last = append(last[:0], k...)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if markers != 0 || versions != keys {
		t.Errorf("after Flatten: %d deletion markers, %d versions of %d keys; want none and one each", markers, versions, keys)
	}
	e, err := st.Entity(ctx, "state:ru")
	if err != nil || e.MentionCount != 15 {
		t.Errorf("Entity(state:ru) = %+v, %v; want 15 mentions", e, err)
	}
}
