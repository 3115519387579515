package graph

import (
	"fmt"
	"time"
)

// Flattening a store for serving. Ingest rewrites index rows whose keys
// hold a count or a weight (an actor's rank by mentions, an edge's place
// in the adjacency, predicate and kind indexes) every time the count
// moves, and Badger keeps each old key as a deletion marker until a
// compaction into the last level drops it. On the 10k-article loadtest
// store the rank index held 32k markers beside its 31k live rows, the
// predicate index 62k beside 19k, and every scan of them (a page of
// agencies, a predicate's edges) stepped over the markers one by one.
// Badger's Flatten compacts every level into the last one, which drops
// them: on that store it took 1.7 s and made a deep page of 100 agencies
// about a fifth cheaper. A store already in one level is left as it is.

// Flatten compacts the store into one level of tables, dropping the
// deletion markers and old versions its rows left. A ReadMostly open
// starts it in the background (Close waits for it); calling it waits for
// that one to end first. It does nothing on a read-only store.
func (s *Store) Flatten() error {
	if s.readOnly {
		return nil
	}
	s.flatMu.Lock()
	defer s.flatMu.Unlock()
	if err := s.db.Flatten(1); err != nil {
		return fmt.Errorf("graph.Flatten: %w", err)
	}
	return nil
}

// startFlatten flattens the store in the background, for a server about
// to read it for long.
func (s *Store) startFlatten() {
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		start := time.Now()
		if err := s.Flatten(); err != nil {
			s.log.Warn("flattening the store for serving failed; it serves as it is", "err", err)
			return
		}
		s.log.Debug("store flattened for serving", "took", time.Since(start).Round(time.Millisecond))
	}()
}
