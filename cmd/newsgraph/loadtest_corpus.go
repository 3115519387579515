package main

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"newsgraph"
	"newsgraph/extract"
	"newsgraph/graph"
)

// loadCorpus fills st with n articles for the load test: the articles of
// paths (the embedded seeds when none) extracted once each, then stored
// again and again with variations until n are stored. A store that already
// holds n articles is used as it is, so a --data store is built once.
//
// Cycle k of the corpus stores each article under a new id, dated k days
// later, with its people and agencies renamed to their k-th variant
// ("Vladimir Putin (k3)") while states stay themselves: the graph then grows
// with the corpus — new actors, new edges, hubs whose degree grows with
// every cycle — as a real news stream's does, rather than only re-weighting
// the same edges.
func loadCorpus(ctx context.Context, st *graph.Store, paths []string, n, variants int, log *slog.Logger) error {
	stats, err := st.Stats(ctx)
	if err != nil || stats.Articles >= n {
		return err
	}
	arts, err := loadArticles(paths)
	if err != nil {
		return err
	}
	if len(arts) == 0 {
		return fmt.Errorf("no articles to build the store from")
	}
	x, err := extract.New()
	if err != nil {
		return err
	}
	start := time.Now()
	var base []result
	err = extractAll(ctx, x, articleSource(arts), func(r result) error {
		if r.err == nil {
			base = append(base, r)
		}
		return nil
	})
	if err != nil {
		return err
	}
	log.Info("load test corpus extracted", "articles", len(base), "took", time.Since(start).Round(time.Millisecond))
	for i := stats.Articles; i < n; i++ {
		r := base[i%len(base)]
		k := i / len(base)
		a, ex := variant(r.article, r.ex, k, k%max(variants, 1))
		if _, err := st.Ingest(ctx, a, ex); err != nil {
			return fmt.Errorf("storing article %d: %w", i, err)
		}
		if (i+1)%1000 == 0 {
			log.Info("load test corpus", "stored", i+1, "of", n, "took", time.Since(start).Round(time.Millisecond))
		}
	}
	return nil
}

// variant is article a of cycle k with its extraction, people and agencies
// renamed to variant v (none for v 0).
func variant(a *newsgraph.Article, ex *newsgraph.Extraction, k, v int) (*newsgraph.Article, *newsgraph.Extraction) {
	if k == 0 {
		return a, ex
	}
	va := *a
	va.ID = a.ID + "~" + strconv.Itoa(k)
	if d, ok := newsgraph.ParseDate(a.PublishedAt); ok {
		if t, err := time.Parse("2006-01-02", d[:min(len(d), 10)]); err == nil {
			va.PublishedAt = t.AddDate(0, 0, k).Format("2006-01-02")
		}
	}
	if v == 0 {
		return &va, ex
	}
	suffix := " (k" + strconv.Itoa(v) + ")"
	vx := &newsgraph.Extraction{Relations: make([]newsgraph.Relation, len(ex.Relations)), Tokens: ex.Tokens}
	renamed := map[string]string{}
	for _, e := range ex.Entities {
		if e.Type != newsgraph.State {
			old := e.ID
			e.ID += "-k" + strconv.Itoa(v)
			e.Name += suffix
			e.Aliases = append([]string{}, e.Aliases...)
			for i := range e.Aliases {
				e.Aliases[i] += suffix
			}
			e.AliasReasons = nil
			renamed[old] = e.ID
		}
		vx.Entities = append(vx.Entities, e)
	}
	for i, r := range ex.Relations {
		if id, ok := renamed[r.Subject]; ok {
			r.Subject = id
		}
		if id, ok := renamed[r.Object]; ok {
			r.Object = id
		}
		vx.Relations[i] = r
	}
	return &va, vx
}
