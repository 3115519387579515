package graph_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"newsgraph"
	"newsgraph/graph"
)

// storeWith makes an on-disk store in a new temp dir holding n small
// articles and one whose text (over Badger's 1 MiB value threshold) lives in
// the value log; it is closed on return.
func storeWith(t *testing.T, n int) (dir string, bigID string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "store")
	st := mustOpenDir(t, dir)
	for i := range n {
		newFixture(strings.Repeat("a", i+1), "", "Russia and Ukraine met in Geneva.").
			ent("state:ru", "Russia", newsgraph.State).ent("state:ua", "Ukraine", newsgraph.State).
			rel("state:ru", "met", "meet", "state:ua", 0.5).ingest(t, st)
	}
	text := "MARKER-START " + strings.Repeat("The ministry said the talks went on. ", 40000)
	f := newFixture("big", "", text)
	f.ingest(t, st)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, "big"
}

// listing returns the names and sizes of the files in dir.
func listing(t *testing.T, dir string) map[string]int64 {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, e := range entries {
		fi, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = fi.Size()
	}
	return out
}

func filesWith(t *testing.T, dir, suffix string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, "*"+suffix))
	if len(m) == 0 {
		t.Fatalf("no %s file in %s: %v", suffix, dir, listing(t, dir))
	}
	slices.Sort(m)
	return m
}

// TestOpenRefusesMissingManifest: without its MANIFEST a store is refused,
// read-only or not, and every file is left as it was (Badger would have
// deleted the tables and opened an empty store).
func TestOpenRefusesMissingManifest(t *testing.T) {
	dir, _ := storeWith(t, 3)
	filesWith(t, dir, ".sst")
	if err := os.Remove(filepath.Join(dir, "MANIFEST")); err != nil {
		t.Fatal(err)
	}
	before := listing(t, dir)
	for _, ro := range []bool{true, false} {
		st, err := graph.Open(dir, graph.DefaultOptions().WithLogger(nil).WithReadOnly(ro))
		if err == nil {
			st.Close()
			t.Fatalf("Open(read-only=%v) of a store without MANIFEST = nil error", ro)
		}
		if !errors.Is(err, graph.ErrDamaged) || !strings.Contains(err.Error(), "MANIFEST") || !strings.Contains(err.Error(), "restore") {
			t.Errorf("Open(read-only=%v) = %v; want ErrDamaged naming the MANIFEST and saying to restore", ro, err)
		}
		if after := listing(t, dir); !mapsEqual(before, after) {
			t.Errorf("Open(read-only=%v) changed the directory: %v -> %v", ro, before, after)
		}
	}
}

// TestOpenRefusesCutManifest: a MANIFEST cut in its last record is refused
// without deleting the table that record named.
func TestOpenRefusesCutManifest(t *testing.T) {
	dir, _ := storeWith(t, 3)
	filesWith(t, dir, ".sst")
	m := filepath.Join(dir, "MANIFEST")
	fi, err := os.Stat(m)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(m, fi.Size()-3); err != nil {
		t.Fatal(err)
	}
	before := listing(t, dir)
	st, err := graph.Open(dir, graph.DefaultOptions().WithLogger(nil))
	if err == nil {
		st.Close()
		t.Fatal("Open of a store with a cut MANIFEST = nil error")
	}
	if !errors.Is(err, graph.ErrDamaged) || !strings.Contains(err.Error(), "cut short") {
		t.Errorf("Open = %v; want ErrDamaged saying the MANIFEST is cut short", err)
	}
	if after := listing(t, dir); !mapsEqual(before, after) {
		t.Errorf("Open changed the directory: %v -> %v", before, after)
	}
}

func mapsEqual(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// flip inverts one byte of the file at off (negative: from the end).
func flip(t *testing.T, name string, off int64) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if off < 0 {
		off += int64(len(b))
	}
	b[off] ^= 0xff
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFlippedValueLogByteIsDataCorrupt: one byte of an article's text
// changed in the value log is reported as ErrCorrupt naming the article,
// never returned as altered text.
func TestFlippedValueLogByteIsDataCorrupt(t *testing.T) {
	dir, id := storeWith(t, 1)
	var hit string
	var at int
	for _, name := range filesWith(t, dir, ".vlog") {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if i := bytes.Index(b, []byte("MARKER-START")); i >= 0 {
			hit, at = name, i
		}
	}
	if hit == "" {
		t.Fatal("the big article's text is in no .vlog file")
	}
	flip(t, hit, int64(at+5000))
	st, err := graph.Open(dir, graph.DefaultOptions().WithLogger(nil).WithReadOnly(true))
	if err != nil {
		t.Fatalf("Open after a value-log flip = %v", err)
	}
	defer st.Close()
	a, err := st.Article(context.Background(), id)
	if !errors.Is(err, graph.ErrCorrupt) || !strings.Contains(err.Error(), id) {
		t.Fatalf("Article(%s) after a flipped byte = %v, %v; want ErrCorrupt naming it", id, a != nil, err)
	}
}

// A table whose footer or one of whose data blocks is damaged makes Open
// fail with ErrDamaged; no panic escapes (Badger panics on some footers).
// Badger checks a data block only when it reads it (OnBlockRead), so the
// tables are checked whole when the store is opened (openBadger).
func TestFlippedTableByteIsRefused(t *testing.T) {
	dir, _ := storeWith(t, 3)
	for _, tt := range []struct {
		where string
		off   int64
	}{{"footer", -1}, {"footer", -5}, {"footer", -9}, {"block", 16}, {"block", 200}} {
		t.Run(tt.where, func(t *testing.T) {
			d := filepath.Join(t.TempDir(), "copy")
			copyDir(t, dir, d)
			flip(t, filesWith(t, d, ".sst")[0], tt.off)
			st, err := graph.Open(d, graph.DefaultOptions().WithLogger(nil))
			if err == nil {
				st.Close()
				t.Fatalf("Open with a flipped .sst %s byte (%d) = nil error", tt.where, tt.off)
			}
			if !errors.Is(err, graph.ErrDamaged) || !strings.Contains(err.Error(), "restore") {
				t.Errorf("Open = %v; want ErrDamaged with advice to restore", err)
			}
		})
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestRestoreCutBackupLeavesNothing: a backup cut short is refused and the
// target directory gets no store (it used to hold a partial one that
// serve then opened).
func TestRestoreCutBackupLeavesNothing(t *testing.T) {
	dir, _ := storeWith(t, 30)
	st := mustOpenDir(t, dir)
	var buf bytes.Buffer
	if err := st.Backup(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, frac := range []int{2, 3, 4} {
		target := filepath.Join(t.TempDir(), "restored")
		cut := buf.Bytes()[:buf.Len()*(frac-1)/frac]
		err := graph.Restore(context.Background(), target, bytes.NewReader(cut))
		if err == nil {
			t.Errorf("Restore of %d/%d of a backup = nil error", frac-1, frac)
		}
		if _, serr := os.Stat(target); !errors.Is(serr, os.ErrNotExist) {
			t.Errorf("Restore of a cut backup left %s: %v", target, listing(t, target))
		}
		left, _ := filepath.Glob(filepath.Join(filepath.Dir(target), ".restored*"))
		if len(left) > 0 {
			t.Errorf("Restore left its temporary directory: %v", left)
		}
	}
	target := filepath.Join(t.TempDir(), "whole")
	if err := graph.Restore(context.Background(), target, bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatalf("Restore of the whole backup = %v", err)
	}
}

// TestReadOnlyOpenWritesNothing: a read-only open of an empty or missing
// directory is refused and creates nothing.
func TestReadOnlyOpenWritesNothing(t *testing.T) {
	empty := t.TempDir()
	missing := filepath.Join(t.TempDir(), "none")
	for _, dir := range []string{empty, missing} {
		st, err := graph.Open(dir, graph.DefaultOptions().WithLogger(nil).WithReadOnly(true))
		if err == nil {
			st.Close()
			t.Fatalf("Open(%s, read-only) = nil error; want ErrNoStore", dir)
		}
		if !errors.Is(err, graph.ErrNoStore) {
			t.Errorf("Open(%s, read-only) = %v; want ErrNoStore", dir, err)
		}
	}
	if e, _ := os.ReadDir(empty); len(e) != 0 {
		t.Errorf("read-only Open wrote %v into an empty directory", e)
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("read-only Open created %s", missing)
	}
}

// TestFreshOnlyOnce: a store is fresh when Open creates it, not after, even
// when it holds nothing; a directory of other files is not taken for one.
func TestFreshOnlyOnce(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	st := mustOpenDir(t, dir)
	if !st.Fresh() {
		t.Error("Fresh() of a store just created = false")
	}
	st.Close()
	st = mustOpenDir(t, dir)
	if st.Fresh() {
		t.Error("Fresh() of an empty store opened a second time = true")
	}
	st.Close()
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "notes.txt"), []byte("mine"), 0o644)
	if st, err := graph.Open(other, graph.DefaultOptions().WithLogger(nil)); !errors.Is(err, graph.ErrNoStore) {
		if err == nil {
			st.Close()
		}
		t.Errorf("Open(directory of other files) = %v; want ErrNoStore", err)
	}
}

// TestFreeSpaceGuard: below the free-space margin Ingest refuses with
// ErrStorageFull and stores nothing, while reads go on.
func TestFreeSpaceGuard(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	st := mustOpenDir(t, dir)
	f := newFixture("one", "", "Russia and Ukraine met.").ent("state:ru", "Russia", newsgraph.State)
	f.ingest(t, st)
	free, margin, ok := st.DiskSpace()
	if !ok || free <= 0 || margin <= 0 {
		t.Fatalf("DiskSpace() = %d, %d, %v; want the free bytes and the margin", free, margin, ok)
	}
	st.Close()
	st, err := graph.Open(dir, graph.DefaultOptions().WithLogger(nil).WithMinFreeBytes(free*4))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	g := newFixture("two", "", "Cuba spoke.").ent("state:cu", "Cuba", newsgraph.State)
	if _, err := st.Ingest(context.Background(), g.a, g.ex); !errors.Is(err, graph.ErrStorageFull) {
		t.Errorf("Ingest below the margin = %v; want ErrStorageFull", err)
	}
	s, err := st.Stats(context.Background())
	if err != nil || s.Articles != 1 {
		t.Errorf("Stats after a refused ingest = %+v, %v; want 1 article", s, err)
	}
	if _, err := st.Article(context.Background(), "one"); err != nil {
		t.Errorf("Article(one) on a full disk = %v", err)
	}
}

// TestFlippedWALByteIsRefused: a store left as a crash leaves it (its
// write-ahead log not yet flushed) opens with everything acknowledged; with
// one byte flipped early in that log it is refused, where Badger would
// have replayed up to the flip and silently dropped the rest.
func TestFlippedWALByteIsRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "live")
	st := mustOpenDir(t, dir)
	for i := range 20 {
		newFixture(fmt.Sprintf("art-%02d", i), "", "Russia and Ukraine met in Geneva.").
			ent("state:ru", "Russia", newsgraph.State).ingest(t, st)
	}
	crashed := filepath.Join(t.TempDir(), "crashed")
	copyDir(t, dir, crashed) // what a SIGKILL leaves: the log is in the page cache
	st.Close()
	os.Remove(filepath.Join(crashed, "LOCK"))
	damaged := filepath.Join(t.TempDir(), "damaged")
	copyDir(t, crashed, damaged)

	st = mustOpenDir(t, crashed)
	if s, err := st.Stats(context.Background()); err != nil || s.Articles != 20 {
		t.Errorf("Stats after a crash = %+v, %v; want 20 articles", s, err)
	}
	st.Close()

	wal := filesWith(t, damaged, ".mem")[0]
	flip(t, wal, 200)
	st, err := graph.Open(damaged, graph.DefaultOptions().WithLogger(nil))
	if err == nil {
		s, _ := st.Stats(context.Background())
		st.Close()
		t.Fatalf("Open with a flipped write-ahead-log byte = nil error (store holds %d of 20 articles)", s.Articles)
	}
	if !errors.Is(err, graph.ErrDamaged) || !strings.Contains(err.Error(), ".mem") {
		t.Errorf("Open = %v; want ErrDamaged naming the .mem file", err)
	}
}
