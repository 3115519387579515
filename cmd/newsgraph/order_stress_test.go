package main

import (
	"context"
	"errors"
	"flag"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"newsgraph"
	"newsgraph/graph"
)

// The stress check of ingest order: TestIngestOrderStress. In CI it tries
// one random order; a campaign tries more, e.g.
//
//	go test ./cmd/newsgraph -run TestIngestOrderStress -order.runs=20 -order.seed=0 -v
//
// (-order.seed=0 takes a seed from the clock; each run logs its seed, which
// -order.seed replays as the first run).
var (
	orderRuns = flag.Int("order.runs", 1, "random ingest orders TestIngestOrderStress tries")
	orderSeed = flag.Int64("order.seed", 1, "seed of TestIngestOrderStress's first order (run i uses seed+i); 0 for the clock")
)

// corpusDir is the shared Wikinews corpus, beside the repository.
const corpusDir = "../../../shared/corpus/wikinews"

// TestIngestOrderStress ingests the seeds (and the shared Wikinews corpus
// articles that are not among them) in random orders, then deletes a random
// third of them and ingests those again in another order, and wants from
// every store the one a clean ingest in stored order gives: the same
// counts, actors, edges and the same actor found by every extractor id.
// The store with the third deleted must be the clean store of the rest.
// Every store must pass Store.Check (counters, id keys, name index,
// relation ids).
func TestIngestOrderStress(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests the seeds 4 times per run; skipped with -short")
	}
	arts := slices.Concat(extractSeeds(t), corpusExtra(t))
	want := viewOf(t, arts)
	seed := *orderSeed
	if seed == 0 {
		seed = time.Now().UnixNano()
	}
	for i := range *orderRuns {
		rs := seed + int64(i)
		t.Run("", func(t *testing.T) {
			t.Logf("seed %d (replay: -order.seed=%d)", rs, rs)
			stressOrder(t, rand.New(rand.NewSource(rs)), arts, want)
		})
	}
}

// stressOrder is one run of TestIngestOrderStress.
func stressOrder(t *testing.T, rng *rand.Rand, arts []extracted, want storeView) {
	ctx := context.Background()
	order := shuffledCopy(rng, arts)
	st := openOrderStore(t)
	defer st.Close()
	ingestInOrder(t, st, order)
	compareViews(t, "shuffled", st, arts, want)

	gone := shuffledCopy(rng, order[:len(order)/3])
	kept := order[len(order)/3:]
	for _, x := range gone {
		if err := st.DeleteArticle(ctx, x.a.ID); err != nil {
			t.Fatalf("DeleteArticle(%s) = %v", x.a.ID, err)
		}
	}
	compareViews(t, "a third deleted", st, kept, viewOf(t, kept))

	ingestInOrder(t, st, shuffledCopy(rng, gone))
	compareViews(t, "the third ingested again", st, arts, want)
}

// compareViews reads st and reports how it differs from want, and what
// Store.Check finds.
func compareViews(t *testing.T, what string, st *graph.Store, arts []extracted, want storeView) {
	t.Helper()
	if err := st.Check(context.Background()); err != nil {
		t.Errorf("%s: Check() = %v", what, err)
	}
	if d := viewDiff(readView(t, st, arts), want); len(d) > 0 {
		t.Errorf("%s: %d differences from a clean ingest in stored order:\n%s", what, len(d), strings.Join(head(d, 40), "\n"))
	}
}

func shuffledCopy(rng *rand.Rand, arts []extracted) []extracted {
	out := slices.Clone(arts)
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// corpusExtra extracts the articles of the shared Wikinews corpus whose
// text is not among the seeds' (today the seeds hold all of it).
func corpusExtra(t *testing.T) []extracted {
	t.Helper()
	if _, err := os.Stat(corpusDir); errors.Is(err, fs.ErrNotExist) {
		t.Logf("no shared corpus at %s: the seeds alone", filepath.Clean(corpusDir))
		return nil
	}
	as, err := newsgraph.ReadSeedFS(os.DirFS(corpusDir))
	if err != nil {
		t.Fatalf("reading %s: %v", corpusDir, err)
	}
	seeds, err := newsgraph.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, a := range seeds {
		known[a.ID] = true
		known[a.Text] = true
	}
	as = slices.DeleteFunc(as, func(a *newsgraph.Article) bool { return known[a.ID] || known[a.Text] })
	t.Logf("%d articles of %s not among the seeds", len(as), filepath.Clean(corpusDir))
	out, err := extractArticles(as)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
