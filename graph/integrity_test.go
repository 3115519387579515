package graph

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"newsgraph"
)

// TestArticleHashChecked: an article record whose text no longer matches
// the SHA-256 stored with it (damage Badger's checksums did not see) is
// ErrCorrupt naming the article, on every read path, never altered text.
func TestArticleHashChecked(t *testing.T) {
	ctx := context.Background()
	st, err := Open("", DefaultOptions().WithInMemory(true).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a := &newsgraph.Article{ID: "a1", Title: "t", Text: "Russia and Ukraine met in Geneva."}
	ex := &newsgraph.Extraction{Entities: []newsgraph.Entity{{ID: "state:ru", Name: "Russia", Type: newsgraph.State,
		Mentions: []newsgraph.Mention{{Start: 0, End: 6, Text: "Russia"}}}}}
	if _, err := st.Ingest(ctx, a, ex); err != nil {
		t.Fatal(err)
	}
	err = st.db.Update(func(txn *badger.Txn) error {
		rec, err := getArticle(txn, "a1")
		if err != nil {
			return err
		}
		rec.Text = strings.Replace(rec.Text, "met", "hit", 1)
		in := &ingest{txn: txn, maxValue: st.maxValue}
		return in.setValue(articleKey("a1"), rec)
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := st.Article(ctx, "a1"); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "a1") {
		t.Errorf("Article(a1) with altered text = %v, %v; want ErrCorrupt naming a1", got, err)
	}
	if _, err := st.Articles(ctx, PageArgs{}); !errors.Is(err, ErrCorrupt) {
		t.Errorf("Articles() with an altered text = %v; want ErrCorrupt", err)
	}
	if _, err := st.EntityArticles(ctx, "state:ru", 10); !errors.Is(err, ErrCorrupt) {
		t.Errorf("EntityArticles(state:ru) with an altered text = %v; want ErrCorrupt", err)
	}
}
