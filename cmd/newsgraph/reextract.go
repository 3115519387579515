package main

import (
	"context"
	"fmt"
	"io"

	"newsgraph"
	"newsgraph/extract"
	"newsgraph/graph"
)

// runReextract re-runs extraction over the stored articles an extractor of
// another version read, replacing each in its own transaction: stopped at
// any point, it goes on from where it was when run again.
func runReextract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("reextract", stderr)
	sf := addStoreFlags(fs).addSync(fs)
	quiet := fs.Bool("quiet", false, "show no progress bar")
	if _, err := parseFlags(fs, args, 0, 0); err != nil {
		return err
	}
	st, log, err := sf.openStore(stderr)
	if err != nil {
		return err
	}
	defer st.Close()
	x, err := extract.New()
	if err != nil {
		return err
	}
	versions, err := st.ExtractorVersions(ctx)
	if err != nil {
		return err
	}
	if n := versions[graph.UnknownVersion]; n > 0 {
		return fmt.Errorf("%d article(s) were stored by a newsgraph that did not record what they contributed: rebuild the store from the article files (newsgraph ingest into a new --data)", n)
	}
	ids, err := st.StaleArticles(ctx, x.Version(), 0)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d article(s) to re-extract with extractor %s\n", len(ids), x.Version())
	bar := newBar(progressWriter(stderr, *quiet), func() int { return len(ids) }, "re-extracting")
	sum, err := ingestAll(ctx, x, storedSource(ctx, st, ids), ingestRun{store: st.Replace, log: log, bar: bar})
	fmt.Fprintf(stdout, "re-extracted %d, unchanged %d, failed %d\n", sum.Replaced, sum.Unchanged, sum.Failed)
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%d article(s) failed; run reextract again to retry them", sum.Failed)
	}
	return nil
}

// storedSource reads the stored articles ids one at a time.
func storedSource(ctx context.Context, st *graph.Store, ids []string) source {
	return func(emit newsgraph.ArticleFunc) {
		for _, id := range ids {
			a, err := st.Article(ctx, id)
			if err != nil {
				err = &newsgraph.ReadError{Source: id, Err: err}
			}
			if emit(a, err) != nil {
				return
			}
		}
	}
}
