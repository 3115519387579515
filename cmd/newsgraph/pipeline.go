package main

import (
	"context"
	"runtime"
	"time"

	"newsgraph"
	"newsgraph/extract"
)

// result is one article read and extracted, or the error that stopped it.
type result struct {
	article *newsgraph.Article
	ex      *newsgraph.Extraction
	err     error         // a *newsgraph.ReadError or an extraction error
	took    time.Duration // extracting it
}

// source hands articles, or per-article read errors, to emit until emit
// returns an error.
type source func(emit newsgraph.ArticleFunc)

// pathSource reads the articles of paths; a path that cannot be read at all
// is one failure, and the rest go on.
func pathSource(paths []string, ro newsgraph.ReadOptions) source {
	return func(emit newsgraph.ArticleFunc) {
		stopped := false
		watch := func(a *newsgraph.Article, err error) error {
			if e := emit(a, err); e != nil {
				stopped = true
				return e
			}
			return nil
		}
		for _, p := range paths {
			err := newsgraph.ReadPath(p, ro, watch)
			if stopped || err != nil && watch(nil, &newsgraph.ReadError{Source: p, Err: err}) != nil {
				return
			}
		}
	}
}

// articleSource hands out articles already in memory.
func articleSource(arts []*newsgraph.Article) source {
	return func(emit newsgraph.ArticleFunc) {
		for _, a := range arts {
			if emit(a, nil) != nil {
				return
			}
		}
	}
}

// extractAll extracts the articles of src on all cores, handing the results
// to fn in input order. It stops at the first error fn returns, or when ctx
// is done.
func extractAll(ctx context.Context, x *extract.Extractor, src source, fn func(result) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		result
		done chan result
	}
	workers := runtime.GOMAXPROCS(0)
	queue := make(chan *job, 4*workers) // in input order, for fn
	work := make(chan *job)             // for the extractors
	go func() {
		defer close(queue)
		defer close(work)
		src(func(a *newsgraph.Article, err error) error {
			j := &job{result: result{article: a, err: err}, done: make(chan result, 1)}
			select {
			case queue <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			if err != nil {
				j.done <- j.result
				return nil
			}
			select {
			case work <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			return nil
		})
	}()
	for range workers {
		go func() {
			for j := range work {
				r := j.result
				start := time.Now()
				r.ex, r.err = x.Extract(ctx, r.article)
				r.took = time.Since(start)
				j.done <- r
			}
		}()
	}
	for j := range queue {
		var r result
		select {
		case r = <-j.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return ctx.Err()
}
