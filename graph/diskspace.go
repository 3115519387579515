package graph

// The free-space guard. Badger writes through memory-mapped files that it
// sizes up front (the write-ahead log of a memtable at twice MemTableSize,
// a value log at twice ValueLogFileSize) and fills later; on a full disk a
// store into such a page is a SIGBUS, which kills the process rather than
// failing a write. So ingests check free space first and refuse below a
// margin that covers what Badger may still write before the next check: a
// memtable's log and its flush to a table, compaction output, and the
// value log's growth.

import (
	"fmt"
)

// diskMargin is the least free space, in bytes, an ingest leaves room for
// with the Badger options Open sets (see badgerOptions).
// Two memtables' worth covers a log filling while the previous one is
// flushed to a table; 32 MiB more covers compaction output before it frees
// its inputs and a value-log write of the largest article.
const diskMargin = 2*memTableSize + 32<<20

// freeSpace reports the bytes available to this process on the file
// system holding dir; ok is false where the platform cannot say.
var freeSpace = statfsFree

// checkSpace returns an error wrapping ErrStorageFull when the file system
// of dir has less than min bytes free.
func checkSpace(dir string, min int64) error {
	free, ok, err := freeSpace(dir)
	if err != nil {
		return fmt.Errorf("graph: free space of %s: %w", dir, err)
	}
	if ok && free < min {
		return fmt.Errorf("%w: %s has %s free, ingests need at least %s; free some space or move the store",
			ErrStorageFull, dir, mib(free), mib(min))
	}
	return nil
}

func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

// DiskSpace reports the free bytes on the store's file system and the
// margin below which ingests are refused; ok is false for an in-memory
// store or where the platform cannot say.
func (s *Store) DiskSpace() (free, margin int64, ok bool) {
	if s.dir == "" {
		return 0, 0, false
	}
	free, ok, err := freeSpace(s.dir)
	return free, s.minFree, ok && err == nil
}
