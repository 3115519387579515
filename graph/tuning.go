package graph

import "github.com/dgraph-io/badger/v4"

// DefaultCacheMB is the default of Options.CacheMB.
const DefaultCacheMB = 64

// tune sets the Badger options chosen for newsgraph's workload: many small
// records read at random by concurrent queries, written by one ingest at a
// time in transactions of up to a few MiB (an article's text and what it
// adds), on machines with a few cores and a few hundred MiB to spare.
//
//   - BlockCacheSize: cacheMB MiB (Badger's default is 256 MiB). Tables are
//     Snappy-compressed, so hot blocks are kept decompressed here; a 10k
//     article store is about 60 MiB on disk, so 64 MiB holds its hot part.
//   - IndexCacheSize 0 (Badger's default): table indexes and bloom filters
//     stay in memory, a few MiB for such a store, so no lookup waits on one.
//   - The sizes of the memory-mapped files (memtable 16 MiB, value-log
//     files 64 MiB, base tables 2 MiB) are set in store.go's badgerOptions,
//     where the free-space margin that covers them is. A transaction may use
//     15% of a memtable (2.4 MiB); an article text over ValueThreshold goes
//     to the value log and counts only as a pointer, so an article of up to
//     4 MiB (--max-article-bytes) still fits in one transaction.
//   - NumMemtables 2 (default 5): ingest is bound by extraction, not by
//     flushing, so two memtables do not stall it, and the three spared are
//     up to 192 MiB less resident while ingesting.
//   - NumCompactors 2 (default 4): the machines have a few cores and
//     queries need them more than compaction does.
//   - ValueThreshold 1 MiB (the default): records stay in the LSM tree, only
//     article texts over 1 MiB go to the value log.
//   - NumLevelZeroTables 1 when ReadMostly (serving), Badger's default 5
//     otherwise (bulk ingest). Each level-0 table spans the whole key range
//     (a flush holds records and index rows of every kind), so every read
//     checks each one and every iterator merges them all; with the default
//     a store that stops being written keeps up to four of them for good.
//     On the 10k-article loadtest store four such tables doubled the CPU of
//     a point read (store.Entity 26 → 12 µs once compacted) and of the
//     walks (hub neighbours, subgraphs, paths about half). Compacting at
//     each flush rewrites the level below every time: building that store
//     took 22% more CPU and 87 MiB more peak RSS, which is why ingest keeps
//     the default and a server compacts what ingest left, in the
//     background, once it opens the store. A store opened ReadOnly
//     (serve --read-only) cannot compact: it serves the level-0 tables
//     as ingest left them. Serve it writable once (or run any writable
//     ReadMostly open, such as loadtest --data) to compact it for good;
//     the read cache (readcache.go), which a read-only store never has
//     to drop, takes most reads of hot rows off Badger either way.
func tune(bo badger.Options, cacheMB int, readMostly bool) badger.Options {
	if cacheMB <= 0 {
		cacheMB = DefaultCacheMB
	}
	if readMostly {
		bo = bo.WithNumLevelZeroTables(1)
	}
	return bo.
		WithBlockCacheSize(int64(cacheMB) << 20).
		WithIndexCacheSize(0).
		WithNumMemtables(2).
		WithNumCompactors(2).
		WithValueThreshold(1 << 20)
}
