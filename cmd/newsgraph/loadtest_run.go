package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"sync"
	"time"

	"newsgraph/graph/gql/loadshape"
)

// loadResult is what one shape measured: requests served per second and
// their latency quantiles, over every client.
type loadResult struct {
	n        int
	errors   int
	firstErr string
	rps      float64
	p50, p99 time.Duration
	// cpu is the process's CPU time (user and system, clients included)
	// per request: unlike req/s, it hardly moves when other programs load
	// the machine.
	cpu time.Duration
	// cache is the share of the store's read-cache lookups that hit.
	cache string
	// gcPer10k is the collector's cycles per 10,000 requests: each marks
	// the whole live heap (the caches, some 300 MB on the 10k store), so
	// the fewer the better, and unlike CPU time the machine's load does
	// not move them.
	gcPer10k float64
}

// op performs one request; r is the client's own random source.
type op func(ctx context.Context, r *rand.Rand) error

// runLoad runs op from clients goroutines, each looping without pause and
// starting calls for d, and measures every call: a call started before the
// deadline runs to its end (for a minute at most), so that a shape slower
// than d still gets its figures. Client c draws its inputs from a random
// source seeded with seed and c: give each run its own seed, so that no
// run repeats the names and ids an earlier one asked for (the store's read
// cache would then measure a warm replay, not a client's varied stream).
func runLoad(ctx context.Context, clients int, d time.Duration, seed uint64, do op) loadResult {
	ctx, cancel := context.WithTimeout(ctx, d+time.Minute)
	defer cancel()
	deadline := time.Now().Add(d)
	var mu sync.Mutex
	var all []time.Duration
	res := loadResult{}
	var wg sync.WaitGroup
	cpu0 := processCPU()
	gc0 := loadshape.GCCycles()
	start := time.Now()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(c), seed))
			var lat []time.Duration
			errs, first := 0, ""
			for ctx.Err() == nil && time.Now().Before(deadline) {
				t := time.Now()
				err := do(ctx, r)
				lat = append(lat, time.Since(t))
				if err != nil {
					if errs++; first == "" {
						first = err.Error()
					}
				}
			}
			mu.Lock()
			all = append(all, lat...)
			res.errors += errs
			if res.firstErr == "" {
				res.firstErr = first
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	cpu := processCPU() - cpu0
	gc1 := loadshape.GCCycles()
	slices.Sort(all)
	res.n = len(all)
	if res.n > 0 {
		res.cpu = cpu / time.Duration(res.n)
	}
	res.rps = float64(len(all)) / elapsed.Seconds()
	if res.n > 0 {
		res.gcPer10k = 1e4 * float64(gc1-gc0) / float64(res.n)
	}
	res.p50, res.p99 = quantile(all, 0.50), quantile(all, 0.99)
	return res
}

// quantile of sorted durations.
func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, int(q*float64(len(sorted))))]
}

// httpOp posts the body that body makes to url and checks the answer: status
// 200, and for GraphQL no "errors" member.
func httpOp(client *http.Client, url string, body func(r *rand.Rand) []byte) op {
	return func(ctx context.Context, r *rand.Rand) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body(r)))
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("status %d: %.200s", resp.StatusCode, b)
		}
		if bytes.Contains(b, []byte(`"errors":`)) {
			return fmt.Errorf("graphql errors: %.300s", b)
		}
		return nil
	}
}
