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
	// ErrClosed is returned by Ping after Close.
	ErrClosed = errors.New("graph: store closed")
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
}

// DefaultOptions returns on-disk options without fsync per ingest, logging
// to slog.Default.
func DefaultOptions() Options {
	return Options{Logger: slog.Default()}
}

// WithInMemory returns o with InMemory set.
func (o Options) WithInMemory(b bool) Options { o.InMemory = b; return o }

// WithSyncWrites returns o with SyncWrites set.
func (o Options) WithSyncWrites(b bool) Options { o.SyncWrites = b; return o }

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
	// derived caches what is computed from the whole store (derived.go).
	derived derivedCache
}

// Open opens (creating if needed) the store in the directory path. It fails
// with an error wrapping ErrLocked when another process has it open.
func Open(path string, opts Options) (*Store, error) {
	bo := tune(badger.DefaultOptions(path), opts.CacheMB).
		WithInMemory(opts.InMemory).
		WithSyncWrites(opts.SyncWrites).
		WithLogger(badgerLogger{opts.Logger})
	if opts.InMemory {
		bo.Dir, bo.ValueDir = "", ""
	}
	db, err := badger.Open(bo)
	if err != nil {
		if strings.Contains(err.Error(), "Cannot acquire directory lock") {
			return nil, lockedError(path)
		}
		return nil, fmt.Errorf("graph.Open %s: %w", path, err)
	}
	s := &Store{db: db, log: opts.Logger, maxValue: 256 << 20}
	if opts.InMemory {
		s.maxValue = int(bo.ValueThreshold)
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if err := s.upgrade(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("graph.Open %s: %w", path, err)
	}
	return s, nil
}

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
// Backup. The directory must be new or empty (ErrNotEmpty otherwise); on
// error it may hold a partial store and should be removed.
func Restore(ctx context.Context, path string, r io.Reader) error {
	if entries, err := os.ReadDir(path); err == nil && len(entries) > 0 {
		return fmt.Errorf("graph.Restore %s: %w", path, ErrNotEmpty)
	}
	s, err := Open(path, DefaultOptions())
	if err != nil {
		return err
	}
	// Badger's Load wants no concurrent transactions; the store is private
	// to this function until it returns.
	if err := s.db.Load(ctxReader{ctx, r}, 256); err != nil {
		s.Close()
		return fmt.Errorf("graph.Restore %s: %w", path, err)
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
