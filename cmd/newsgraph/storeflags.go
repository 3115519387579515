package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"newsgraph/graph"
)

const defaultDataDir = "./newsgraph-data"

// addrFile is written into the data directory by serve while it runs, so a
// command that finds the store locked can say where the server listens.
// serve --read-only writes nothing into the store: it writes the address
// to runtimeAddrPath instead.
const addrFile = "newsgraph.addr"

// runtimeAddrPath is where serve --read-only records its address for the
// store in dir: a file named after the directory's absolute path in the
// user's runtime directory ($XDG_RUNTIME_DIR, else the temporary one).
func runtimeAddrPath(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	h := sha256.Sum256([]byte(abs))
	base := os.Getenv("XDG_RUNTIME_DIR")
	if base == "" {
		base = os.TempDir()
	}
	return filepath.Join(base, "newsgraph-"+hex.EncodeToString(h[:8])+".addr")
}

// addrPath is where serve records its address for the store in dir.
func addrPath(dir string, readOnly bool) string {
	if readOnly {
		return runtimeAddrPath(dir)
	}
	return filepath.Join(dir, addrFile)
}

// readCacheMB is --read-cache-mb for a server (addServing); the other
// commands run without the read cache (see graph.Options.ReadCacheMB).
func (f *storeFlags) readCacheMB() int {
	if f.readCache == nil {
		return -1
	}
	return *f.readCache
}

// storeFlags are the flags of every command that opens a store. sync is
// only offered by the commands that write (addSync).
type storeFlags struct {
	data      *string
	sync      *bool
	verbose   *bool
	logFormat *string
	cacheMB   *int
	readCache *int // nil but for a server (addServing)
	// readMostly opens the store tuned for serving (graph.Options.ReadMostly).
	readMostly bool
}

func addStoreFlags(fs *flag.FlagSet) *storeFlags {
	return &storeFlags{
		data:      fs.String("data", defaultDataDir, "data directory of the store"),
		verbose:   fs.Bool("v", false, "log debug detail"),
		logFormat: fs.String("log-format", "text", "log lines as text (key=value) or json"),
		cacheMB:   fs.Int("cache-mb", graph.DefaultCacheMB, "MiB of Badger block cache"),
	}
}

// addServing tunes the store for a server, which mostly answers queries
// (graph.Options.ReadMostly), and offers --read-cache-mb, the cache of
// decoded rows it keeps across requests.
func (f *storeFlags) addServing(fs *flag.FlagSet) *storeFlags {
	f.readMostly = true
	f.readCache = fs.Int("read-cache-mb", graph.DefaultReadCacheMB, "MiB of decoded actors, edges and adjacency the server keeps across requests until the next write (-1: none)")
	return f
}

// addSync offers --sync, for the commands that write to the store.
func (f *storeFlags) addSync(fs *flag.FlagSet) *storeFlags {
	f.sync = fs.Bool("sync", false, "fsync every write (survives power loss, slower)")
	return f
}

// logger is the logger the flags ask for, writing to stderr.
func (f *storeFlags) logger(stderr io.Writer) (*slog.Logger, error) {
	return newFormatLogger(stderr, *f.verbose, *f.logFormat)
}

// openStore opens the store with the logger the flags ask for, which it
// returns too for the command's own lines.
func (f *storeFlags) openStore(stderr io.Writer) (*graph.Store, *slog.Logger, error) {
	log, err := f.logger(stderr)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.open(log)
	return st, log, err
}

// openReadOnlyStore is openStore for the commands that only read (query,
// export, backup): Badger opens read-only, and a directory that is not a
// store is refused rather than created.
func (f *storeFlags) openReadOnlyStore(stderr io.Writer) (*graph.Store, *slog.Logger, error) {
	log, err := f.logger(stderr)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.openWith(log, true)
	return st, log, err
}

func (f *storeFlags) open(log *slog.Logger) (*graph.Store, error) { return f.openWith(log, false) }

func (f *storeFlags) openWith(log *slog.Logger, readOnly bool) (*graph.Store, error) {
	sync := f.sync != nil && *f.sync
	st, err := graph.Open(*f.data, graph.DefaultOptions().WithSyncWrites(sync).WithReadOnly(readOnly).WithLogger(log).WithCacheMB(*f.cacheMB).WithReadCacheMB(f.readCacheMB()).WithReadMostly(f.readMostly))
	if errors.Is(err, graph.ErrLocked) {
		return nil, lockedHint(*f.data, err)
	}
	return st, err
}

// lockedHint adds to ErrLocked what the user can do: a running server
// holds the store, and the CLI cannot share it, so go through its API.
func lockedHint(dir string, err error) error {
	if addr := recordedAddr(addrPath(dir, false)); addr != "" {
		return fmt.Errorf("%w\nA newsgraph server is running on this store at %s: stop it, or use its HTTP API (%s/graphql)", err, addr, addr)
	}
	if addr := recordedAddr(addrPath(dir, true)); addr != "" {
		return fmt.Errorf("%w\nA read-only newsgraph server is running on this store at %s: stop it to write; to read, use its HTTP API (%s/graphql) or a read-only command (query, export, backup)", err, addr, addr)
	}
	return fmt.Errorf("%w\nIf a newsgraph server runs on this store, stop it or use its HTTP API (POST /graphql)", err)
}

// recordedAddr is the address recorded in the file at p; "" when none.
func recordedAddr(p string) string {
	b, err := os.ReadFile(p)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}
