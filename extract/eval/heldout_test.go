package eval_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"newsgraph"
	"newsgraph/extract"
	"newsgraph/extract/eval"
)

// Floors on the held-out gold (testdata/heldout): articles annotated without
// looking at the extractor's output and never used to tune it. They measure
// how the extractor does on news it was not fitted to; the texts are the
// embedded seeds, so this runs in any clone.
const (
	floorHeldoutEntityF1   = 0.89
	floorHeldoutRelationF1 = 0.50
)

func TestHeldoutGold(t *testing.T) {
	golds, err := eval.LoadGold(filepath.Join("testdata", "heldout"))
	if err != nil {
		t.Fatal(err)
	}
	if len(golds) == 0 {
		t.Skip("no held-out gold files")
	}
	seeds, err := newsgraph.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*newsgraph.Article{}
	for _, a := range seeds {
		byName[filepath.Base(a.Source)] = a
	}
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	rows, total, err := eval.RunWith(context.Background(), x, golds, func(g eval.Gold) (*newsgraph.Article, error) {
		if a, ok := byName[g.Article]; ok {
			return a, nil
		}
		return nil, fmt.Errorf("not among the seeds")
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		t.Logf("%-28s %s", r.Article, r.Counts)
	}
	t.Logf("held-out total: %s", total)
	if f := total.EntityF1(); f < floorHeldoutEntityF1 {
		t.Errorf("held-out entity F1 = %.3f; want >= %.2f", f, floorHeldoutEntityF1)
	}
	if f := total.RelationF1(); f < floorHeldoutRelationF1 {
		t.Errorf("held-out relation F1 = %.3f; want >= %.2f", f, floorHeldoutRelationF1)
	}
}
