package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/jdkato/prose/v2"

	"newsgraph"
	"newsgraph/extract"
)

// runBench times the extractor against prose alone (tokens, tags, sentences
// and prose's NER, its model loaded once) on the same articles in the same
// run, so that the figures compare like with like. Beside wall time it
// prints the process's CPU time, which other processes' turns on a shared
// machine do not inflate (it includes the garbage collector's work on other
// cores). Each contender counts tokens its own way: prose every token,
// punctuation included, the extractor words only, so per article the
// extractor does more than its tokens/s say.
func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("bench", stderr)
	rounds := fs.Int("rounds", 3, "passes over the articles for each contender")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of newsgraph's extraction (not prose's) to this file")
	paths, err := parseFlags(fs, args, 0, -1)
	if err != nil {
		return err
	}
	articles, err := loadArticles(paths)
	if err != nil {
		return err
	}
	if len(articles) == 0 {
		return fmt.Errorf("no articles")
	}
	var bytes int
	for _, a := range articles {
		bytes += len(a.Text)
	}
	model, err := proseModel()
	if err != nil {
		return err
	}
	x, err := extract.New()
	if err != nil {
		return err
	}
	type contender struct {
		name string
		run  func(a *newsgraph.Article) (tokens int, err error)
		par  int
		ours bool // profiled with --cpuprofile
	}
	proseRun := func(a *newsgraph.Article) (int, error) {
		doc, err := prose.NewDocument(a.Text, prose.UsingModel(model))
		if err != nil {
			return 0, err
		}
		doc.Sentences()
		doc.Entities()
		return len(doc.Tokens()), nil
	}
	ourRun := func(a *newsgraph.Article) (int, error) {
		ex, err := x.Extract(ctx, a)
		if err != nil {
			return 0, err
		}
		return ex.Tokens, nil
	}
	cores := runtime.GOMAXPROCS(0)
	contenders := []contender{
		{"prose alone", proseRun, 1, false},
		{"newsgraph extract", ourRun, 1, true},
		{fmt.Sprintf("newsgraph extract, %d goroutines", cores), ourRun, cores, true},
	}
	tw := tabwriter.NewWriter(stdout, 0, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(stdout, "%d articles, %d bytes, %d rounds each, GOMAXPROCS=%d\n", len(articles), bytes, *rounds, cores)
	fmt.Fprintln(tw, "contender\ttokens\tseconds\ttokens/s\tarticles/s\tms/article\tcpu seconds\ttokens/cpu-s\t")
	for _, c := range contenders {
		// One warm-up pass so that lazy loading is not timed.
		if _, err := c.run(articles[0]); err != nil {
			return err
		}
		if c.ours && *cpuProfile != "" {
			stop, err := startCPUProfile(*cpuProfile)
			if err != nil {
				return err
			}
			defer stop()
			*cpuProfile = "" // one profile over every contender of ours
		}
		start, cpu := time.Now(), processCPU()
		tokens, err := runParallel(ctx, articles, *rounds, c.par, c.run)
		if err != nil {
			return fmt.Errorf("%s: %w", c.name, err)
		}
		secs, cpuSecs := time.Since(start).Seconds(), (processCPU() - cpu).Seconds()
		n := float64(len(articles) * *rounds)
		fmt.Fprintf(tw, "%s\t%d\t%.2f\t%.0f\t%.1f\t%.2f\t%.2f\t%.0f\t\n", c.name, tokens, secs, float64(tokens)/secs, n/secs, 1000*secs/n, cpuSecs, float64(tokens)/max(cpuSecs, 1e-9))
	}
	return tw.Flush()
}

func runParallel(ctx context.Context, articles []*newsgraph.Article, rounds, par int, run func(*newsgraph.Article) (int, error)) (int, error) {
	var mu sync.Mutex
	var total int
	var firstErr error
	work := make(chan *newsgraph.Article)
	var wg sync.WaitGroup
	for range par {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for a := range work {
				n, err := run(a)
				mu.Lock()
				total += n
				if err != nil && firstErr == nil {
					firstErr = err
				}
				mu.Unlock()
			}
		}()
	}
	for r := 0; r < rounds && ctx.Err() == nil; r++ {
		for _, a := range articles {
			work <- a
		}
	}
	close(work)
	wg.Wait()
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	return total, firstErr
}

// proseModel loads prose's default model once: prose.NewDocument reloads it
// on every call unless it is given one.
func proseModel() (*prose.Model, error) {
	doc, err := prose.NewDocument("Model warm-up.", prose.WithSegmentation(false))
	if err != nil {
		return nil, err
	}
	return doc.Model, nil
}

// loadArticles reads paths, or the embedded seeds when there are none. A
// per-article read error fails the whole load: benchmarks want clean input.
func loadArticles(paths []string) ([]*newsgraph.Article, error) {
	if len(paths) == 0 {
		return newsgraph.Seeds()
	}
	var out []*newsgraph.Article
	for _, p := range paths {
		err := newsgraph.ReadPath(p, newsgraph.ReadOptions{}, func(a *newsgraph.Article, err error) error {
			if err != nil {
				return err
			}
			out = append(out, a)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
