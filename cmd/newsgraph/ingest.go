package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"newsgraph"
	"newsgraph/extract"
	"newsgraph/graph"
)

const defaultDataDir = "./newsgraph-data"

// storeFlags are the flags of every command that opens a store.
type storeFlags struct {
	data    *string
	sync    *bool
	verbose *bool
}

func addStoreFlags(fs interface {
	String(name, value, usage string) *string
	Bool(name string, value bool, usage string) *bool
}) storeFlags {
	return storeFlags{
		data:    fs.String("data", defaultDataDir, "data directory of the store"),
		sync:    fs.Bool("sync", false, "fsync every ingest (survives power loss, slower)"),
		verbose: fs.Bool("v", false, "log debug detail"),
	}
}

func (f storeFlags) open(log *slog.Logger) (*graph.Store, error) {
	return graph.Open(*f.data, graph.DefaultOptions().WithSyncWrites(*f.sync).WithLogger(log))
}

// openReadOnly opens the store for a command that only reads (query,
// export, backup): Badger read-only, and a directory that is not a store
// is refused rather than created.
func (f storeFlags) openReadOnly(log *slog.Logger) (*graph.Store, error) {
	return graph.Open(*f.data, graph.DefaultOptions().WithReadOnly(true).WithLogger(log))
}

// ingestSummary counts what an ingest run did.
type ingestSummary struct {
	New, Unchanged, Failed int
	NewEntities, Relations int
}

// ingestAll extracts and stores the articles of src, one transaction an
// article; a failed article is logged and counted, and the rest go on.
func ingestAll(ctx context.Context, st *graph.Store, x *extract.Extractor, src source, log *slog.Logger, progress io.Writer) (ingestSummary, error) {
	var sum ingestSummary
	bar := newBar(progress)
	err := extractAll(ctx, x, src, func(r result) error {
		defer bar.Add(1)
		if r.err != nil {
			sum.Failed++
			log.Warn("article not ingested", "err", r.err)
			return nil
		}
		res, err := st.Ingest(ctx, r.article, r.ex)
		switch {
		case ctx.Err() != nil:
			return ctx.Err()
		case errors.Is(err, graph.ErrStorageFull):
			// Every article after would be refused the same way.
			sum.Failed++
			return err
		case err != nil:
			sum.Failed++
			log.Warn("article not ingested", "source", r.article.Source, "id", r.article.ID, "err", err)
		case res.Unchanged:
			sum.Unchanged++
		default:
			sum.New++
			sum.NewEntities += res.NewEntities
			sum.Relations += res.Relations
			log.Debug("ingested", "source", r.article.Source, "id", res.ArticleID,
				"entities", res.Entities, "relations", res.Relations)
		}
		return nil
	})
	bar.Finish()
	return sum, err
}

// newBar shows progress on w when it is a terminal, and nothing otherwise.
func newBar(w io.Writer) *progressbar.ProgressBar {
	f, ok := w.(*os.File)
	visible := ok && term.IsTerminal(int(f.Fd()))
	return progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetVisibility(visible),
		progressbar.OptionSetDescription("ingesting"),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionShowIts(),
		progressbar.OptionShowCount(),
		progressbar.OptionClearOnFinish(),
	)
}

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("ingest", stderr)
	sf := addStoreFlags(fs)
	maxBytes := fs.Int("max-article-bytes", newsgraph.DefaultMaxArticleBytes, "reject articles larger than this")
	paths, err := parseFlags(fs, args, 1, -1)
	if err != nil {
		return err
	}
	log := newLogger(stderr, *sf.verbose)
	st, err := sf.open(log)
	if err != nil {
		return err
	}
	defer st.Close()
	x, err := extract.New()
	if err != nil {
		return err
	}
	sum, err := ingestAll(ctx, st, x, pathSource(paths, newsgraph.ReadOptions{MaxArticleBytes: *maxBytes}), log, stderr)
	stats, serr := st.Stats(context.WithoutCancel(ctx))
	fmt.Fprintf(stdout, "articles: %d new, %d unchanged, %d failed\n", sum.New, sum.Unchanged, sum.Failed)
	if serr == nil {
		fmt.Fprintf(stdout, "store: %d articles, %d entities (%d new), %d relations, %d evidence\n",
			stats.Articles, stats.Entities, sum.NewEntities, stats.Relations, stats.Evidence)
	}
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%d article(s) failed", sum.Failed)
	}
	return serr
}
