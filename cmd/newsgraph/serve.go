package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"newsgraph"
	"newsgraph/extract"
	"newsgraph/graph"
	"newsgraph/graph/export"
	"newsgraph/graph/gql"
	"newsgraph/graph/metrics"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	sf := addStoreFlags(fs).addSync(fs).addServing(fs)
	addr := fs.String("addr", "localhost:8080", "address to listen on (HOST:PORT)")
	readOnly := fs.Bool("read-only", false, "reject mutations")
	token := fs.String("token", os.Getenv("NEWSGRAPH_TOKEN"), "bearer token that mutations must carry (default $NEWSGRAPH_TOKEN; none: mutations open)")
	var origins stringsFlag
	fs.Var(&origins, "cors-origin", "origin allowed to call the API from a browser (repeatable; * for any; none by default)")
	maxBody := fs.Int64("max-body-bytes", 1<<20, "largest request body; larger ones get 413")
	maxArticle := fs.Int("max-article-bytes", newsgraph.DefaultMaxArticleBytes, "largest article text ingestArticle takes")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit of one request")
	maxDepth := fs.Int("max-depth", 12, "deepest field nesting a query may have, counted through fragments")
	maxCost := fs.Int("max-cost", 10000, "most values a query may ask for, list sizes (first) multiplied through nesting")
	maxAliases := fs.Int("max-aliases", 30, "most aliased fields in one query")
	maxExport := fs.Int("max-export-nodes", export.DefaultMaxNodes, "most actors one GET /export may ask for (the whole graph's default)")
	noSeed := fs.Bool("no-seed", false, "do not ingest the embedded seeds into a new store")
	var hosts stringsFlag
	fs.Var(&hosts, "allowed-host", "extra Host name accepted when serving on loopback (repeatable)")
	metricsAddr := fs.String("metrics-addr", "", "serve /metrics on this address instead of the main listener (HOST:PORT)")
	debugAddr := fs.String("debug-addr", "", "serve pprof (/debug/pprof/) on this address; off by default, never on the main listener")
	gc := addGCFlags(fs)
	if _, err := parseFlags(fs, args, 0, 0); err != nil {
		return err
	}
	if err := gc.check(); err != nil {
		return err
	}
	open := sf.openStore
	if *readOnly {
		// Read-only all the way down: Badger opens read-only and nothing,
		// seeds included, is written.
		open = sf.openReadOnlyStore
	}
	st, log, err := open(stderr)
	if err != nil {
		return err
	}
	gc.apply(*sf.cacheMB, sf.readCacheMB(), log)
	defer func() {
		if err := st.Close(); err != nil {
			log.Error("closing store", "err", err)
		}
	}()
	x, err := extract.New()
	if err != nil {
		return err
	}
	// Bind first: a taken port fails at once, before minutes of seeding.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	warnStale(ctx, st, x, log)
	m := metrics.New(st)
	side, err := startSideListeners(*metricsAddr, *debugAddr, m, log)
	if err != nil {
		return err
	}
	defer side.close()
	if !*noSeed && !*readOnly {
		if err := seedIfEmpty(ctx, st, x, log, m); err != nil {
			return err
		}
	}
	h, err := gql.NewHandler(st, x, gql.Options{
		ReadOnly: *readOnly, Token: *token, AllowedOrigins: origins,
		MaxBodyBytes: *maxBody, MaxArticleBytes: *maxArticle, Timeout: *timeout, Logger: log,
		MaxDepth: *maxDepth, MaxCost: *maxCost, MaxAliases: *maxAliases,
		Version: readVersion().String(), Metrics: m,
	})
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("/export", h.WithCORS(export.Handler(st, export.HandlerOptions{Timeout: *timeout, MaxNodes: *maxExport, Log: log})))
	mux.Handle("/", h)
	if *metricsAddr == "" {
		mux.Handle("GET /metrics", m.Handler())
	}
	srv := &http.Server{
		Handler:           gql.CheckHost(gql.Observe(mux, log, m), ln.Addr().String(), *addr, hosts),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       *timeout,
		WriteTimeout:      *timeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	url := "http://" + ln.Addr().String()
	if host, port, err := net.SplitHostPort(ln.Addr().String()); err == nil && (host == "127.0.0.1" || host == "::1") && strings.HasPrefix(*addr, "localhost") {
		url = "http://localhost:" + port
	}
	removeAddr := writeAddr(addrPath(*sf.data, *readOnly), url, log)
	defer removeAddr()
	log.Info("serving", "graphql", url+"/graphql", "graphiql", url+"/", "export", url+"/export?format=graphml", "data", *sf.data,
		"read_only", *readOnly, "token_required", *token != "", "version", readVersion().String())
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// writeAddr records at p (addrPath) where the server listens, for the CLI
// to name when it finds the store locked; the returned function removes
// the record.
func writeAddr(p, url string, log *slog.Logger) func() {
	if err := os.WriteFile(p, []byte(url+"\n"), 0o644); err != nil {
		log.Warn("cannot record the listening address", "file", p, "err", err)
		return func() {}
	}
	return func() { os.Remove(p) }
}

// warnStale says when the store holds articles another extractor version
// read: their actors and relations are not what this binary would find
// until `newsgraph reextract` runs.
func warnStale(ctx context.Context, st *graph.Store, x *extract.Extractor, log *slog.Logger) {
	versions, err := st.ExtractorVersions(ctx)
	if err != nil {
		log.Warn("cannot read the store's extractor versions", "err", err)
		return
	}
	stale := 0
	for v, n := range versions {
		if v != x.Version() {
			stale += n
		}
	}
	if stale > 0 {
		log.Warn("the store holds articles read by another extractor version: stop the server and run newsgraph reextract",
			"articles", stale, "extractor", x.Version(), "store_versions", fmt.Sprint(versions))
	}
}

// seedIfEmpty ingests the embedded seed corpus into a store Open has just
// created, or one holding only some of the seeds (a first start stopped
// while seeding): articles already stored are skipped. A store with any
// other article is the user's and is left alone, and so is one that was a
// store before and now holds nothing (emptied, not new).
func seedIfEmpty(ctx context.Context, st *graph.Store, x *extract.Extractor, log *slog.Logger, m *metrics.Metrics) error {
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if stats.Articles == 0 && !st.Fresh() {
		log.Warn("store holds no articles but is not new: not seeding it (ingest articles, or serve a new --data directory)")
		return nil
	}
	seeds, err := newsgraph.Seeds()
	if err != nil || stats.Articles > len(seeds) {
		return err
	}
	present := 0
	for _, a := range seeds {
		switch _, err := st.Article(ctx, a.ID); {
		case err == nil:
			present++
		case !errors.Is(err, graph.ErrNotFound):
			return err
		}
	}
	if present == len(seeds) || present < stats.Articles {
		return nil
	}
	if present == 0 {
		log.Info("empty store: ingesting the embedded seed articles", "articles", len(seeds))
	} else {
		log.Info("seeding was interrupted: ingesting the embedded seed articles not yet stored",
			"stored", present, "articles", len(seeds))
	}
	start := time.Now()
	sum, err := ingestAll(ctx, x, articleSource(seeds), ingestRun{store: st.Ingest, log: log, bar: newBar(nil, nil, ""), metrics: m})
	if err != nil {
		return fmt.Errorf("seeding: %w", err)
	}
	stats, err = st.Stats(ctx)
	if err != nil {
		return err
	}
	log.Info("seeded", "new", sum.New, "failed", sum.Failed, "articles", stats.Articles,
		"entities", stats.Entities, "relations", stats.Relations, "took", time.Since(start).Round(time.Millisecond))
	return nil
}
