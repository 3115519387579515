package graph

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/dgraph-io/badger/v4/y"

	"newsgraph"
)

// Errors returned by the Store. Callers test them with errors.Is; the
// returned errors wrap them with the operation and the id concerned.
var (
	// ErrNotFound is returned when an entity, relation or article id (or an
	// entity name) is not in the store.
	ErrNotFound = errors.New("graph: not found")
	// ErrLocked is returned by Open when another process holds the data
	// directory; the message names the process when its pid is known.
	ErrLocked = errors.New("graph: store in use by another process")
	// ErrConflict is returned by Ingest for an article id that is already
	// stored with a different text. Ingest never rewrites a stored article:
	// give the new version its own id (or none, to derive one from the
	// text), or call Replace.
	ErrConflict = errors.New("graph: article id already stored with a different text")
	// ErrBadInput is returned by Ingest for an article or extraction that
	// cannot be stored: empty text, a bad id, an unknown entity type, an
	// offset outside the text, a relation naming an entity the extraction
	// does not have.
	ErrBadInput = errors.New("graph: invalid article or extraction")
	// ErrTooBig is returned by Ingest when one article's writes do not fit in
	// one Badger transaction; nothing of it is stored.
	ErrTooBig = errors.New("graph: article too large to store in one transaction")
	// ErrNotEmpty is returned by Restore when the target directory already
	// holds data.
	ErrNotEmpty = errors.New("graph: restore target is not empty")
	// ErrClosed is returned by reads and Ping after Close.
	ErrClosed = errors.New("graph: store closed")
	// ErrDamaged is returned by Open for a directory whose Badger files do
	// not make a whole store (a MANIFEST missing, cut short or not listing a
	// table; a corrupt table). Nothing in the directory is changed.
	ErrDamaged = errors.New("graph: store damaged")
	// ErrNoStore is returned by a read-only Open of a directory that is not
	// a store, and by Open of a directory holding other files.
	ErrNoStore = errors.New("graph: not a newsgraph store")
	// ErrCorrupt is returned by reads that find stored data failing its
	// checksum: an article text whose SHA-256 differs from the one stored
	// with it, or a Badger block or value checksum mismatch.
	ErrCorrupt = errors.New("graph: stored data is corrupt")
	// ErrInconsistent is returned by Check when the store's rows disagree
	// with each other or with its counters (check.go).
	ErrInconsistent = errors.New("graph: store rows disagree")
	// ErrStorageFull is returned by Ingest when the store's file system has
	// less free space than the margin Badger's pre-sized files need.
	ErrStorageFull = errors.New("graph: not enough free disk space")
	// ErrReadOnly is returned by Ingest on a store opened read-only.
	ErrReadOnly = errors.New("graph: store opened read-only")
)

// Extractor finds the entities and relations of one article. Package extract
// provides the real one; the store only needs this method.
type Extractor interface {
	Extract(ctx context.Context, a *newsgraph.Article) (*newsgraph.Extraction, error)
}

// Options configure Open. Start from DefaultOptions and change fields with
// the With methods.
type Options struct {
	// InMemory keeps everything in memory; the path given to Open is ignored.
	// Values are limited to 1 MiB there, so an article over about 1 MiB
	// fails with ErrTooBig.
	InMemory bool
	// SyncWrites fsyncs every ingest before it returns, so a power loss
	// cannot lose an acknowledged article. Without it a crash of the process
	// loses nothing, a crash of the machine may lose the last writes.
	SyncWrites bool
	// Logger receives Badger's messages: its errors and warnings as such,
	// its chatty info as Debug. Nil discards them.
	Logger *slog.Logger
	// CacheMB is the size of Badger's block cache in MiB; zero means
	// DefaultCacheMB. tuning.go says how the other Badger options are set.
	CacheMB int
	// ReadOnly opens the store without writing anything: no recovery, no
	// compaction, no marker. The directory must already be a store
	// (ErrNoStore otherwise) and Ingest fails with ErrReadOnly.
	ReadOnly bool
	// MinFreeBytes is the free space below which Ingest refuses with
	// ErrStorageFull. DefaultOptions sets the margin Badger's files need.
	MinFreeBytes int64
	// ReadMostly tunes Badger for serving queries rather than bulk
	// ingest: level 0 is compacted as soon as it has a table (tuning.go),
	// which halves the cost of reads and walks for some more compaction
	// work on each write; and a writable store is flattened into one level
	// in the background once opened (flatten.go). Close waits for that
	// flatten, which cannot be cancelled (1.7 s on a 10k-article store).
	ReadMostly bool
	// ReadCacheMB bounds the read cache (readcache.go): decoded actors,
	// edges and adjacency lists kept across requests until the next write.
	// Zero or less: no cache (servers use DefaultReadCacheMB). Off by
	// default: with it, an ingest killed and run again stored one event
	// more or less than a clean run (cmd/newsgraph TestKillMidIngest), a
	// difference not explained yet.
	ReadCacheMB int
}

// DefaultOptions returns on-disk options without fsync per ingest, logging
// to slog.Default.
func DefaultOptions() Options {
	return Options{Logger: slog.Default(), MinFreeBytes: diskMargin}
}

// WithReadOnly returns o with ReadOnly set.
func (o Options) WithReadOnly(b bool) Options { o.ReadOnly = b; return o }

// WithMinFreeBytes returns o with MinFreeBytes set.
func (o Options) WithMinFreeBytes(n int64) Options { o.MinFreeBytes = n; return o }

// WithInMemory returns o with InMemory set.
func (o Options) WithInMemory(b bool) Options { o.InMemory = b; return o }

// WithSyncWrites returns o with SyncWrites set.
func (o Options) WithSyncWrites(b bool) Options { o.SyncWrites = b; return o }

// WithReadMostly returns o with ReadMostly set.
func (o Options) WithReadMostly(b bool) Options { o.ReadMostly = b; return o }

// WithReadCacheMB returns o with ReadCacheMB set.
func (o Options) WithReadCacheMB(mb int) Options { o.ReadCacheMB = mb; return o }

// WithCacheMB returns o with CacheMB set.
func (o Options) WithCacheMB(mb int) Options { o.CacheMB = mb; return o }

// WithLogger returns o with Logger set.
func (o Options) WithLogger(l *slog.Logger) Options { o.Logger = l; return o }

// Store is the knowledge graph kept in a Badger database. Its methods are
// safe for concurrent use: reads run on consistent snapshots while ingests,
// which are serialised, commit.
type Store struct {
	db  *badger.DB
	log *slog.Logger
	// maxValue is the largest value Badger takes: values over its
	// ValueThreshold go to the value log, which an in-memory store lacks.
	maxValue int
	// mu serialises ingests: they read-modify-write the counters in meta and
	// the rank keys, which concurrent transactions would only conflict on.
	mu sync.Mutex
	// dir is the data directory ("" in memory); minFree the free-space
	// margin ingests keep.
	dir      string
	minFree  int64
	readOnly bool
	// fresh: Open created the store in a new or empty directory.
	fresh bool
	// derived caches what is computed from the whole store (derived.go).
	derived derivedCache
	// cache keeps decoded rows across requests (readcache.go).
	cache *readCache
	// bg counts background work Close waits for; flatMu serialises
	// flattening (flatten.go).
	bg     sync.WaitGroup
	flatMu sync.Mutex
}

// Open opens (creating if needed) the store in the directory path. It fails
// with an error wrapping ErrLocked when another process has it open,
// ErrDamaged when the directory's Badger files do not make a whole store
// (nothing is changed then), and ErrNoStore for a read-only open of a
// directory that is not a store.
func Open(path string, opts Options) (*Store, error) {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	var ds dirState
	if !opts.InMemory {
		var err error
		if ds, err = checkDir(path, opts.ReadOnly); err != nil {
			return nil, err
		}
	}
	bo := badgerOptions(path, opts)
	db, err := openBadger(bo)
	if opts.ReadOnly && err != nil && strings.Contains(err.Error(), badger.ErrTruncateNeeded.Error()) {
		// A store not closed cleanly has a write-ahead log to replay, which
		// a read-only open cannot do: recover it once (Badger truncates
		// only the log's unwritten tail), then open read-only.
		opts.Logger.Info("store was not closed cleanly: replaying its write-ahead log", "data", path)
		if db, err = openBadger(bo.WithReadOnly(false)); err == nil {
			if err = db.Close(); err == nil {
				db, err = openBadger(bo)
			}
		}
	}
	if err != nil {
		return nil, openError(path, err)
	}
	s := &Store{db: db, log: opts.Logger, maxValue: 256 << 20, readOnly: opts.ReadOnly, fresh: ds.fresh,
		cache: newReadCache(readCacheMB(opts.ReadCacheMB))}
	if opts.InMemory {
		s.maxValue = int(bo.ValueThreshold)
	} else {
		s.dir, s.minFree = path, opts.MinFreeBytes
	}
	if !opts.InMemory && !opts.ReadOnly && !ds.marked {
		if err := writeMarker(path); err != nil {
			db.Close()
			return nil, fmt.Errorf("graph.Open %s: %w", path, err)
		}
	}
	if err := s.upgrade(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("graph.Open %s: %w", path, err)
	}
	if opts.ReadMostly && !opts.ReadOnly && !opts.InMemory {
		s.startFlatten()
	}
	return s, nil
}

// Sizes of Badger's memory-mapped files, set deliberately rather than left
// to the defaults (64 MiB memtables, 1 GiB value logs): each memtable has a
// write-ahead log mapped at twice memTableSize and each value log is mapped
// at twice valueLogFileSize, so these bound the space Badger claims ahead of
// writing, which the free-space margin (diskMargin) must cover.
const (
	memTableSize     = 16 << 20
	valueLogFileSize = 64 << 20
	baseTableSize    = 2 << 20
)

// badgerOptions maps Options onto Badger's, with checksums verified on
// every read: each table block as it is read (OnBlockRead; a table's index
// is verified whenever a table is opened, in any mode) and value-log
// entries (VerifyValueChecksum); openBadger checks every table whole once,
// when the store is opened. Badger's OnTableAndBlockRead would check whole
// every table it opens, also each one a flush or a compaction has just
// written from memory: that pass filled the block cache with blocks no read
// asked for, and held each new table's builder (its whole content, twice)
// until it was done. On a 10k-article ingest that was a fifth of the peak
// RSS.
func badgerOptions(path string, opts Options) badger.Options {
	bo := tune(badger.DefaultOptions(path), opts.CacheMB, opts.ReadMostly).
		WithInMemory(opts.InMemory).
		WithReadOnly(opts.ReadOnly && !opts.InMemory).
		WithSyncWrites(opts.SyncWrites).
		WithLogger(badgerLogger{opts.Logger}).
		WithMemTableSize(memTableSize).
		WithValueLogFileSize(valueLogFileSize).
		WithBaseTableSize(baseTableSize).
		WithChecksumVerificationMode(options.OnBlockRead).
		WithVerifyValueChecksum(true)
	if opts.InMemory {
		bo.Dir, bo.ValueDir = "", ""
	}
	return bo
}

// openBadger opens Badger, turning a panic at open (a corrupt table footer
// panics in Badger's table code) into an error, and checks every block of
// every table once (badgerOptions says why not at each table Badger opens).
func openBadger(bo badger.Options) (db *badger.DB, err error) {
	defer func() {
		if v := recover(); v != nil {
			db, err = nil, fmt.Errorf("%w: badger panicked while opening: %v", ErrDamaged, v)
		}
	}()
	if db, err = badger.Open(bo); err != nil {
		return nil, err
	}
	if err := db.VerifyChecksum(); err != nil {
		db.Close()
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	return db, nil
}

// openError wraps an error of badger.Open with what to do about it.
func openError(path string, err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "Cannot acquire directory lock"):
		return lockedError(path)
	case errors.Is(err, ErrDamaged), errors.Is(err, y.ErrChecksumMismatch),
		strings.Contains(msg, "file does not exist for table"), strings.Contains(msg, "checksum"),
		strings.Contains(msg, "Opening table"), strings.Contains(msg, "MANIFEST"), strings.Contains(msg, "manifest"):
		if !errors.Is(err, ErrDamaged) {
			err = fmt.Errorf("%w: %v", ErrDamaged, err)
		}
		return fmt.Errorf("graph.Open %s: %w; restore a backup (newsgraph restore) into a new directory", path, err)
	}
	return fmt.Errorf("graph.Open %s: %w", path, err)
}

// Fresh reports whether Open created the store in a new or empty
// directory. A store that was one before, even if it holds nothing now, is
// not fresh: callers seed only fresh stores.
func (s *Store) Fresh() bool { return s.fresh }

// lockedError names the process holding path, from the pid Badger writes
// into its LOCK file.
func lockedError(path string) error {
	pid := ""
	if b, err := os.ReadFile(filepath.Join(path, "LOCK")); err == nil {
		if n, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && n > 0 {
			pid = strconv.Itoa(n)
		}
	}
	if pid == "" {
		return fmt.Errorf("graph.Open %s: %w", path, ErrLocked)
	}
	return fmt.Errorf("graph.Open %s: %w (pid %s)", path, ErrLocked, pid)
}

// Close flushes and closes the store. The Store must not be used after.
func (s *Store) Close() error {
	s.bg.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("graph.Close: %w", err)
	}
	return nil
}

// Ping reports whether the store can serve reads; /healthz calls it.
func (s *Store) Ping(ctx context.Context) error {
	if s.db.IsClosed() {
		return ErrClosed
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.View(func(txn *badger.Txn) error {
		_, err := getMeta(txn)
		return err
	})
}

// Backup writes a full backup of the store to w in Badger's backup format
// (a stream of protobuf key-value lists). It runs on a snapshot, so ingests
// may go on meanwhile; cancelling ctx stops it.
func (s *Store) Backup(ctx context.Context, w io.Writer) error {
	if _, err := s.db.Backup(ctxWriter{ctx, w}, 0); err != nil {
		return fmt.Errorf("graph.Backup: %w", err)
	}
	return ctx.Err()
}

// Restore creates a store in the directory path from a backup written by
// Backup. The directory must be new or empty (ErrNotEmpty otherwise). The
// backup is loaded into a temporary directory beside path, checked (its
// counters must match the records it holds), and renamed to path only then:
// a failed or cut backup leaves path as it was.
func Restore(ctx context.Context, path string, r io.Reader) error {
	if entries, err := os.ReadDir(path); err == nil && len(entries) > 0 {
		return fmt.Errorf("graph.Restore %s: %w", path, ErrNotEmpty)
	}
	parent := filepath.Dir(filepath.Clean(path))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("graph.Restore %s: %w", path, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(path)+".restoring-")
	if err != nil {
		return fmt.Errorf("graph.Restore %s: %w", path, err)
	}
	if err := loadInto(ctx, tmp, r); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("graph.Restore %s: %w", path, err)
	}
	// rename(2) replaces an empty directory; a missing one is created.
	if err := os.Rename(tmp, path); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("graph.Restore %s: %w", path, err)
	}
	return nil
}

// loadInto loads a backup into the new store dir and checks it is whole.
func loadInto(ctx context.Context, dir string, r io.Reader) error {
	// No read cache: Badger's Load writes without advancing the read
	// timestamp the cache's generations go by.
	s, err := Open(dir, DefaultOptions().WithLogger(nil).WithSyncWrites(true).WithReadCacheMB(-1))
	if err != nil {
		return err
	}
	// Badger's Load wants no concurrent transactions; the store is private
	// to this function until it returns.
	if err := s.db.Load(ctxReader{ctx, r}, 256); err != nil {
		s.Close()
		return err
	}
	if err := s.checkCounts(ctx); err != nil {
		s.Close()
		return err
	}
	return s.Close()
}

type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// badgerLogger sends Badger's log lines to slog; a nil logger drops them.
type badgerLogger struct{ l *slog.Logger }

func (b badgerLogger) log(level slog.Level, format string, args ...any) {
	if b.l == nil {
		return
	}
	b.l.Log(context.Background(), level, strings.TrimSpace(fmt.Sprintf(format, args...)), "component", "badger")
}

func (b badgerLogger) Errorf(f string, a ...any)   { b.log(slog.LevelError, f, a...) }
func (b badgerLogger) Warningf(f string, a ...any) { b.log(slog.LevelWarn, f, a...) }
func (b badgerLogger) Infof(f string, a ...any)    { b.log(slog.LevelDebug, f, a...) }
func (b badgerLogger) Debugf(f string, a ...any)   { b.log(slog.LevelDebug-4, f, a...) }
