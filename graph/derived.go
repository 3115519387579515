package graph

import (
	"context"
	"sync"

	"github.com/dgraph-io/badger/v4"
)

// maxDerivedSlots bounds the values kept (one per key: the search index,
// analytics per time window); past it the cache starts afresh.
const maxDerivedSlots = 64

// derivedCache keeps values computed from the whole store — the search
// index, the graph analytics — for one store version: the read timestamp
// of the transaction they were computed in, which every commit advances.
// A read at a later version recomputes a value once; concurrent readers of
// one key share one computation, and different keys do not wait on each
// other.
type derivedCache struct {
	mu    sync.Mutex
	slots map[any]*derivedSlot
}

type derivedSlot struct {
	mu      sync.Mutex
	version uint64
	ok      bool
	value   any
}

func (c *derivedCache) slot(key any) *derivedSlot {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.slots == nil || len(c.slots) >= maxDerivedSlots && c.slots[key] == nil {
		c.slots = map[any]*derivedSlot{}
	}
	s := c.slots[key]
	if s == nil {
		s = &derivedSlot{}
		c.slots[key] = s
	}
	return s
}

// derive returns the value for key at the version of txn, computing it with
// compute (which must read through txn and watch ctx) when the cache holds
// none for that version.
func derive[T any](ctx context.Context, c *derivedCache, txn *badger.Txn, key any, compute func() (T, error)) (T, error) {
	version := txn.ReadTs()
	s := c.slot(key)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ok && s.version == version {
		return s.value.(T), nil
	}
	if err := ctx.Err(); err != nil {
		var zero T
		return zero, err
	}
	v, err := compute()
	// A reader on an older snapshot than the cache's does not store, so the
	// cache never goes back in time.
	if err == nil && (!s.ok || version > s.version) {
		s.version, s.value, s.ok = version, v, true
	}
	return v, err
}
