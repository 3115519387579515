package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"

	"github.com/schollz/progressbar/v3"

	"newsgraph"
	"newsgraph/extract"
	"newsgraph/graph"
	"newsgraph/graph/metrics"
)

// ingestSummary counts what an ingest run did.
type ingestSummary struct {
	New, Unchanged, Replaced, Failed int
	NewEntities, Relations           int
	// Events counts the events of one actor the new articles added.
	Events int
	// Undated counts the articles stored without a date because theirs did
	// not parse.
	Undated int
}

// storeFunc stores one article: graph.Store's Ingest or Replace.
type storeFunc func(context.Context, *newsgraph.Article, *newsgraph.Extraction) (graph.IngestResult, error)

// ingestRun says how ingestAll stores and reports.
type ingestRun struct {
	store   storeFunc
	log     *slog.Logger
	bar     *progressbar.ProgressBar // see newBar
	metrics *metrics.Metrics         // nil: none recorded
}

// ingestAll extracts and stores the articles of src, one transaction an
// article; a failed article is logged and counted, and the rest go on.
func ingestAll(ctx context.Context, x *extract.Extractor, src source, run ingestRun) (ingestSummary, error) {
	var sum ingestSummary
	m, log := run.metrics, run.log
	err := extractAll(ctx, x, src, func(r result) error {
		defer run.bar.Add(1)
		if r.err != nil {
			m.Ingested(graph.IngestResult{}, r.err)
			sum.Failed++
			log.Warn("article not ingested", "err", r.err)
			return nil
		}
		m.Extracted(r.ex.Tokens, r.took)
		res, err := run.store(ctx, r.article, r.ex)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if errors.Is(err, graph.ErrStorageFull) {
			// Every article after would be refused the same way.
			m.Ingested(res, err)
			sum.Failed++
			return err
		}
		m.Ingested(res, err)
		sum.add(res, err)
		if err != nil {
			log.Warn("article not ingested", "source", r.article.Source, "id", r.article.ID, "err", err)
		} else {
			if r.article.DateWarning != "" && !res.Unchanged {
				sum.Undated++
				log.Warn("article stored without a date", "source", r.article.Source, "id", res.ArticleID, "warning", r.article.DateWarning)
			}
			if res.MergeTooBig {
				log.Warn("article stored without merging the actors it bridges: too large for one transaction", "source", r.article.Source, "id", res.ArticleID)
			}
			log.Debug("ingested", "source", r.article.Source, "id", res.ArticleID,
				"entities", res.Entities, "relations", res.Relations, "unchanged", res.Unchanged)
		}
		return nil
	})
	run.bar.Finish()
	return sum, err
}

func (sum *ingestSummary) add(res graph.IngestResult, err error) {
	switch {
	case err != nil:
		sum.Failed++
	case res.Unchanged:
		sum.Unchanged++
	case res.Replaced:
		sum.Replaced++
	default:
		sum.New++
		sum.NewEntities += res.NewEntities
		sum.Relations += res.Relations
		sum.Events += res.Events
	}
}

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("ingest", stderr)
	sf := addStoreFlags(fs).addSync(fs)
	maxBytes := fs.Int("max-article-bytes", newsgraph.DefaultMaxArticleBytes, "reject articles larger than this")
	// 160: the parser's weights (46 MB) live outside the Go heap since
	// they are kept on huge pages (extract/syntax/hugepages_linux.go), so
	// the heap's limit is lower by about as much as it was at 200 with
	// them inside; README, Performance, has the measurements.
	memMB := fs.Int("mem-limit-mb", 160, "soft limit of the Go heap in MiB while ingesting (0: none; $GOMEMLIMIT wins)")
	quiet := fs.Bool("quiet", false, "show no progress bar (none is shown when stderr is not a terminal)")
	replace := fs.Bool("replace", false, "replace stored articles of the same id (another text, or read by another extractor) instead of refusing them")
	debugAddr := fs.String("debug-addr", "", "serve pprof (/debug/pprof/, e.g. heap) on this address while ingesting; off by default")
	paths, err := parseFlags(fs, args, 1, -1)
	if err != nil {
		return err
	}
	softMemoryLimit(*memMB)
	st, log, err := sf.openStore(stderr)
	if err != nil {
		return err
	}
	defer st.Close()
	side, err := startSideListeners("", *debugAddr, nil, log)
	if err != nil {
		return err
	}
	defer side.close()
	x, err := extract.New()
	if err != nil {
		return err
	}
	ro := newsgraph.ReadOptions{MaxArticleBytes: *maxBytes}
	bar := newBar(progressWriter(stderr, *quiet), func() int { return countArticles(paths, ro) }, "ingesting")
	store := st.Ingest
	if *replace {
		store = st.Replace
	}
	sum, err := ingestAll(ctx, x, pathSource(paths, ro), ingestRun{store: store, log: log, bar: bar})
	stats, serr := st.Stats(context.WithoutCancel(ctx))
	fmt.Fprintf(stdout, "articles: %d new, %d unchanged, %d failed", sum.New, sum.Unchanged, sum.Failed)
	if *replace {
		fmt.Fprintf(stdout, ", %d replaced", sum.Replaced)
	}
	fmt.Fprintln(stdout)
	if sum.Undated > 0 {
		fmt.Fprintf(stdout, "warning: %d article(s) stored without a date: their published_at did not parse (see the log)\n", sum.Undated)
	}
	if serr == nil {
		fmt.Fprintf(stdout, "store: %d articles, %d entities (%d new), %d relations, %d evidence, %d events (%d new)\n",
			stats.Articles, stats.Entities, sum.NewEntities, stats.Relations, stats.Evidence, stats.Events, sum.Events)
	}
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%d article(s) failed", sum.Failed)
	}
	return serr
}

// softMemoryLimit asks the Go runtime to keep its memory under mb MiB
// (debug.SetMemoryLimit) unless $GOMEMLIMIT set a limit already or mb is 0.
// Extraction makes garbage fast, and by default the heap may grow to twice
// what is live before a collection: on a 10k-article ingest that was half
// the peak RSS. It is a soft limit: past it the collector works harder, the
// program never fails for it.
func softMemoryLimit(mb int) {
	if mb > 0 && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(int64(mb) << 20)
	}
}
