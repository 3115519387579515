package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"text/tabwriter"
	"time"

	"newsgraph/graph"
	"newsgraph/graph/gql"
	"newsgraph/graph/gql/loadshape"
)

// runLoadtest measures the GraphQL API under load: a store of --articles
// articles, the real handler on a loopback port, --clients clients per
// query shape for --duration, beside a hello-world handler and the store's
// own entity read measured in the same run, so that the figures are ratios
// on one machine at one moment.
func runLoadtest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("loadtest", stderr)
	data := fs.String("data", "", "store to build once and reuse (default: a temporary one, removed after)")
	n := fs.Int("articles", 10000, "articles the store must hold: the corpus cycled with variations")
	variants := fs.Int("variants", 10, "variants of each person and agency across cycles of the corpus")
	clients := fs.Int("clients", 50, "concurrent clients")
	d := fs.Duration("duration", 3*time.Second, "time per shape and round")
	rounds := fs.Int("rounds", 1, "rounds over the shapes; each figure is the best round's")
	only := fs.String("shapes", "", "measure only the shapes whose name contains this")
	pred := fs.String("predicate", "say", "predicate of the filtered relations shapes")
	maxCost := fs.Int("max-cost", 0, "the server's --max-cost (0: its default)")
	cacheMB := fs.Int("cache-mb", graph.DefaultCacheMB, "MiB of Badger block cache")
	readCacheMB := fs.Int("read-cache-mb", graph.DefaultReadCacheMB, "MiB of the store's read cache of decoded rows (-1: none)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the measured shapes to this file")
	gc := addGCFlags(fs)
	paths, err := parseFlags(fs, args, 0, -1)
	if err != nil {
		return err
	}
	if err := gc.check(); err != nil {
		return err
	}
	log := newLogger(stderr, false)
	gc.apply(*cacheMB, *readCacheMB, log)
	dir := *data
	if dir == "" {
		if dir, err = os.MkdirTemp("", "newsgraph-loadtest-*"); err != nil {
			return err
		}
		defer os.RemoveAll(dir)
	}
	st, err := graph.Open(dir, graph.DefaultOptions().WithCacheMB(*cacheMB).WithReadCacheMB(*readCacheMB).WithLogger(nil).WithReadMostly(true))
	if err != nil {
		return err
	}
	defer st.Close()
	if err := loadCorpus(ctx, st, paths, *n, *variants, log); err != nil {
		return err
	}
	// Measure the store as a server serves it: flattened (graph.Flatten),
	// which the open started and a corpus built just now needs again.
	if err := st.Flatten(); err != nil {
		return err
	}
	smp, err := loadshape.ReadInputs(ctx, st, *pred)
	if err != nil {
		return err
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	h, err := gql.NewHandler(st, nil, gql.Options{ReadOnly: true, MaxCost: *maxCost,
		Logger: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelError}))})
	if err != nil {
		return err
	}
	gqlURL, stopGQL, err := serveLoopback(h)
	if err != nil {
		return err
	}
	defer stopGQL()
	helloURL, stopHello, err := serveLoopback(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte("hello, world\n"))
	}))
	if err != nil {
		return err
	}
	defer stopHello()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: *clients, MaxConnsPerHost: *clients}}
	type row struct {
		name string
		do   op
	}
	rows := []row{
		{"hello-world handler", httpOp(client, helloURL, func(*rand.Rand) []byte { return nil })},
		{"store.Entity (Go API, no HTTP)", func(ctx context.Context, r *rand.Rand) error {
			_, err := st.Entity(ctx, loadshape.Pick(r, smp.IDs))
			return err
		}},
	}
	for _, sh := range loadshape.Shapes {
		rows = append(rows, row{sh.Name, httpOp(client, gqlURL+"/graphql", shapeBody(sh, smp))})
	}
	fmt.Fprintf(stdout, "store: %d articles, %d entities, %d relations, %d evidence; %d clients, %d round(s) of %s per shape; GOMAXPROCS %d\n\n",
		stats.Articles, stats.Entities, stats.Relations, stats.Evidence, *clients, *rounds, *d, runtime.GOMAXPROCS(0))
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	best := map[string]loadResult{}
	for round := range *rounds {
		for i, r := range rows {
			if *only != "" && !strings.Contains(r.name, *only) && r.name != rows[0].name && r.name != "entity(name:)" {
				continue
			}
			c0 := st.ReadCacheStats()
			res := runLoad(ctx, *clients, *d, uint64(round*len(rows)+i+1), r.do)
			res.cache = cacheDelta(c0, st.ReadCacheStats())
			if b, ok := best[r.name]; !ok || res.rps > b.rps {
				best[r.name] = res
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
		}
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "query\treq/s\tp50 ms\tp99 ms\tvs entity(name:)\tvs hello\tCPU µs/req\tCPU vs entity\tGC cycles/10k req\tread-cache hits\terrors\t")
	ent := best["entity(name:)"]
	hello := best[rows[0].name]
	for _, r := range rows {
		res, ok := best[r.name]
		if !ok {
			continue
		}
		fmt.Fprintf(tw, "%s\t%.0f\t%.1f\t%.1f\t%s\t%.2f\t%d\t%.1f×\t%.1f\t%s\t%d\t\n", r.name, res.rps, ms(res.p50), ms(res.p99),
			slower(ent.rps, res.rps), res.rps/hello.rps, res.cpu.Microseconds(), float64(res.cpu)/float64(max(ent.cpu, 1)),
			res.gcPer10k, res.cache, res.errors)
	}
	tw.Flush()
	for _, r := range rows {
		if res := best[r.name]; res.errors > 0 {
			fmt.Fprintf(stdout, "first error of %s: %s\n", r.name, res.firstErr)
		}
	}
	return nil
}

// cacheDelta is the share of the store's read-cache lookups between a and
// b that hit, "-" when there were none.
func cacheDelta(a, b graph.ReadCacheStats) string {
	hits, misses := b.Hits-a.Hits, b.Misses-a.Misses
	if hits+misses == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(hits)/float64(hits+misses))
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// slower says how many times fewer requests per second than base rps got.
func slower(base, rps float64) string {
	if rps == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f×", base/rps)
}

// startCPUProfile profiles the process into the file path until stop.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// serveLoopback serves h on 127.0.0.1 at a free port; stop shuts it down.
func serveLoopback(h http.Handler) (url string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	stop = func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}
	return "http://" + ln.Addr().String(), stop, nil
}
