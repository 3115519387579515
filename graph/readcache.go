package graph

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/dgraph-io/badger/v4"
	lru "github.com/hashicorp/golang-lru/v2"
)

// DefaultReadCacheMB is the read cache a server (serve, loadtest) opens
// its store with; Options.ReadCacheMB is 0 (no cache) by default.
const DefaultReadCacheMB = 32

// The read cache keeps what queries decode again and again — actor and edge
// records, the adjacency list of an actor, the uid an id or a name points
// to — across requests, so that a hot actor (a hub, an actor on many
// paths) is not read and decoded from Badger by every request that
// touches it. It is a cache of the store's rows, never of answers: every
// query still runs its resolvers, walks and pages over these values.
//
// It holds values of one store version only: the read timestamp of the
// transactions that read them. Badger gives every read-only transaction
// opened after the same commits the same read timestamp, and any write
// (ingest, replace, delete, reextract, upgrade) commits and so advances it;
// the first read at a newer timestamp starts a new, empty generation, and
// reads at an older one (a snapshot opened before the write) bypass the
// cache. A generation is never written to by a reader of another version,
// so no value outlives the write that changed it. The cache is bounded by
// an estimate of the bytes its values take (Options.ReadCacheMB), least
// recently used first out.
//
// Only reads inside Store.view use it: their transactions are read-only.
// A write transaction reads its own uncommitted changes and must not.
//
// Values in the cache are shared between requests: callers treat the
// records they get as read-only (entity() and relation() copy out of them).
type readCache struct {
	budget int64 // bytes; 0 disables the cache
	gen    atomic.Pointer[cacheGen]
	mu     sync.Mutex // serialises starting a generation
	hits   atomic.Int64
	misses atomic.Int64
}

// cacheGen is the cache of one store version.
type cacheGen struct {
	version uint64
	lru     *lru.Cache[cacheKey, cacheVal]
	cost    atomic.Int64
	budget  int64
}

// cacheKey names a cached value: a kind, and a uid or a string.
type cacheKey struct {
	kind byte // one of the ck constants
	uid  uint64
	s    string
}

const (
	ckEntity byte = iota + 1
	ckRelation
	ckOut // adjacency rows of uid, out-edges
	ckIn  // in-edges
	ckEntityID
	ckName
	ckNeighbours // neighbourRanking of uid; s holds direction and label
)

type cacheVal struct {
	v    any
	cost int64
}

// adjRow is one adjacency row: the edge, the actor at its other end and
// the edge's weight, as the 0x32/0x33 keys hold them.
type adjRow struct {
	rel, other uint64
	weight     int
}

// readCacheMB is Options.ReadCacheMB; 0 or less is off.
func readCacheMB(mb int) int { return max(mb, 0) }

func newReadCache(mb int) *readCache {
	return &readCache{budget: int64(max(mb, 0)) << 20}
}

// at is the generation serving reads of txn, or nil when they must bypass
// the cache (disabled, or txn reads an older version than the cache's).
func (c *readCache) at(txn *badger.Txn) *cacheGen {
	if c == nil || c.budget == 0 {
		return nil
	}
	v := txn.ReadTs()
	g := c.gen.Load()
	if g != nil && g.version == v {
		return g
	}
	if g != nil && g.version > v {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if g = c.gen.Load(); g == nil || g.version < v {
		g = newCacheGen(v, c.budget)
		c.gen.Store(g)
	}
	if g.version != v {
		return nil
	}
	return g
}

func newCacheGen(version uint64, budget int64) *cacheGen {
	g := &cacheGen{version: version, budget: budget}
	// The count bound is only a backstop; the byte budget evicts first.
	g.lru, _ = lru.NewWithEvict(1<<22, func(_ cacheKey, v cacheVal) { g.cost.Add(-v.cost) })
	return g
}

// cached returns the value under k, reading it with load on a miss and
// keeping it when it fits. cost estimates the bytes a value takes.
func cached[T any](c *readCache, txn *badger.Txn, k cacheKey, cost func(T) int64, load func() (T, error)) (T, error) {
	g := c.at(txn)
	if g == nil {
		return load()
	}
	if v, ok := g.lru.Get(k); ok {
		c.hits.Add(1)
		return v.v.(T), nil
	}
	c.misses.Add(1)
	v, err := load()
	if err != nil {
		return v, err
	}
	g.add(k, v, cost(v)+int64(len(k.s))+64)
	return v, nil
}

func (g *cacheGen) add(k cacheKey, v any, cost int64) {
	if cost > g.budget/8 {
		return // one huge list would push out everything else
	}
	if present, _ := g.lru.ContainsOrAdd(k, cacheVal{v, cost}); present {
		return // another request read it meanwhile
	}
	g.cost.Add(cost)
	for g.cost.Load() > g.budget {
		if _, _, ok := g.lru.RemoveOldest(); !ok {
			break
		}
	}
}

// ReadCacheStats counts the read cache's lookups since the store opened.
type ReadCacheStats struct{ Hits, Misses int64 }

// ReadCacheStats returns the read cache's hits and misses so far.
func (s *Store) ReadCacheStats() ReadCacheStats {
	return ReadCacheStats{s.cache.hits.Load(), s.cache.misses.Load()}
}

// Estimated sizes of cached values, in bytes: the struct, its strings and
// the slices and maps it points to, roughly.
// An entity's strings are counted twice: the record and its shared Entity
// point to the same ones, but the aliases' slice and map are copies.
func entityCost(r *entityRec) int64 {
	n := 2 * (160 + len(r.ID) + len(r.Name) + len(r.Country))
	for _, a := range r.Aliases {
		n += 2 * (16 + len(a))
	}
	for a, why := range r.AliasReasons {
		n += 2 * (48 + len(a) + len(why))
	}
	return int64(n)
}

func relationCost(r *relationRec) int64 {
	n := 200 + len(r.ID) + len(r.Subject) + len(r.Object) + len(r.Lemma) + len(r.Kind) + len(r.FirstSeen) + len(r.LastSeen)
	for l := range r.Labels {
		n += 48 + len(l)
	}
	return int64(n)
}

func adjCost(rows []adjRow) int64 { return 24 + 24*int64(cap(rows)) }

func uidCost(uint64) int64 { return 8 }

func uidsCost(u []uint64) int64 { return 24 + 8*int64(cap(u)) }

// The reads below go through the cache; use them only with a transaction
// of Store.view (read-only), and do not change what they return.

// entityAt is getEntity through the read cache.
func (s *Store) entityAt(txn *badger.Txn, uid uint64) (*entityRec, error) {
	return cached(s.cache, txn, cacheKey{kind: ckEntity, uid: uid}, entityCost,
		func() (*entityRec, error) {
			r, err := getEntity(txn, uid)
			if err == nil {
				r.shared = r.entity()
			}
			return r, err
		})
}

// relationAt is getRelation through the read cache.
func (s *Store) relationAt(txn *badger.Txn, uid uint64) (*relationRec, error) {
	return cached(s.cache, txn, cacheKey{kind: ckRelation, uid: uid}, relationCost,
		func() (*relationRec, error) { return getRelation(txn, uid) })
}

// entityUIDAt is entityUID through the read cache.
func (s *Store) entityUIDAt(txn *badger.Txn, id string) (uint64, error) {
	return cached(s.cache, txn, cacheKey{kind: ckEntityID, s: id}, uidCost,
		func() (uint64, error) { return entityUID(txn, id) })
}

// namedAt returns the actors the name index (0x22) lists under the
// normalised name k, through the read cache.
func (s *Store) namedAt(ctx context.Context, txn *badger.Txn, k string) ([]uint64, error) {
	return cached(s.cache, txn, cacheKey{kind: ckName, s: k}, uidsCost, func() ([]uint64, error) {
		var uids []uint64
		err := scan(ctx, txn, namePrefix(k), nil, func(key []byte, _ *badger.Item) (bool, error) {
			uids = append(uids, nameKeyUID(key))
			return true, nil
		})
		return uids, err
	})
}
