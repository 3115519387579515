package graph

// Checks made before Badger sees a data directory. Badger treats its
// MANIFEST as the truth: a table file the MANIFEST does not list is deleted
// at open, and a directory without a MANIFEST is a new, empty database. So a
// lost or cut MANIFEST would make Badger delete the store it describes. The
// checks below refuse such a directory, touching nothing, and tell new
// directories (which may be seeded) from ones that were a store before
// (which never are).

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4/pb"
	"github.com/dgraph-io/badger/v4/table"
	"google.golang.org/protobuf/proto"
)

const (
	// markerFile is written into a directory when this program creates a
	// store in it. A directory that has it was a store, even when it now
	// looks empty.
	markerFile   = "NEWSGRAPH"
	manifestFile = "MANIFEST"
)

// badgerAux are the files Badger writes besides tables, value logs and
// write-ahead logs (*.mem); a directory with only these never held data.
var badgerAux = map[string]bool{"KEYREGISTRY": true, "LOCK": true, "DISCARD": true}

// dirState is what checkDir found in a data directory.
type dirState struct {
	// fresh: the directory is missing or empty, so Open creates the store.
	fresh bool
	// marked: the directory has the marker of a store this program made.
	marked bool
}

// checkDir inspects path before Badger opens it. It refuses, with
// ErrDamaged, a directory holding Badger data files whose MANIFEST is
// missing, unreadable, cut short or silent about a table; with ErrNoStore a
// read-only open of a directory that is not a store.
func checkDir(path string, readOnly bool) (dirState, error) {
	entries, err := os.ReadDir(path)
	switch {
	case errors.Is(err, os.ErrNotExist) && !readOnly:
		return dirState{fresh: true}, nil
	case err != nil && !errors.Is(err, os.ErrNotExist):
		return dirState{}, fmt.Errorf("graph.Open %s: %w", path, err)
	}
	var st dirState
	var tables []uint64
	var wals []string
	data, foreign, manifest := 0, 0, false
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == markerFile:
			st.marked = true
		case name == manifestFile:
			manifest = true
		case strings.HasSuffix(name, ".sst"):
			if id, ok := table.ParseFileID(name); ok {
				tables = append(tables, id)
			}
			data++
		case strings.HasSuffix(name, ".vlog"):
			data++
		case strings.HasSuffix(name, ".mem"):
			wals = append(wals, filepath.Join(path, name))
		case !badgerAux[name]:
			foreign++
		}
	}
	switch {
	case !manifest && data > 0:
		return st, fmt.Errorf("graph.Open %s: %w: %s is missing but %d table and value-log files are there; "+
			"nothing was changed: restore a backup (newsgraph restore) into a new directory",
			path, ErrDamaged, filepath.Join(path, manifestFile), data)
	case !manifest && readOnly:
		return st, fmt.Errorf("graph.Open %s: %w", path, ErrNoStore)
	case !manifest && !st.marked && foreign > 0:
		return st, fmt.Errorf("graph.Open %s: %w: the directory holds other files; give an empty or new directory",
			path, ErrNoStore)
	case !manifest && !st.marked:
		st.fresh = true
		return st, nil
	case !manifest:
		return st, nil
	}
	if err := checkManifest(path, tables); err != nil {
		return st, err
	}
	for _, w := range wals {
		if err := checkWAL(w); err != nil {
			return st, fmt.Errorf("graph.Open %s: %w: %v; replaying it would drop the writes after that entry. "+
				"Nothing was changed: restore a backup (newsgraph restore) into a new directory", path, ErrDamaged, err)
		}
	}
	return st, nil
}

// checkManifest reads the MANIFEST's change sets and refuses a store whose
// MANIFEST ends in a partial record, fails its checksums, or never mentions
// a table file whose id is below the highest one it mentions (a lost
// record). A table above every id the MANIFEST knows is what a crash
// between writing a table and recording it leaves; Badger rebuilds it from
// the write-ahead log.
func checkManifest(path string, tables []uint64) error {
	name := filepath.Join(path, manifestFile)
	mentioned, err := readManifest(name)
	if err != nil {
		return fmt.Errorf("graph.Open %s: %w: %s: %v; nothing was changed: restore a backup (newsgraph restore) into a new directory",
			path, ErrDamaged, name, err)
	}
	var highest uint64
	for id := range mentioned {
		highest = max(highest, id)
	}
	for _, id := range tables {
		if !mentioned[id] && id < highest {
			return fmt.Errorf("graph.Open %s: %w: %s does not list table %s; nothing was changed: restore a backup (newsgraph restore) into a new directory",
				path, ErrDamaged, name, table.IDToFilename(id))
		}
	}
	return nil
}

// readManifest returns the table ids a MANIFEST mentions (created or
// deleted). Its layout (badger manifest.go): 8 bytes of magic, then records
// of a 4-byte length, a 4-byte CRC-32C and a pb.ManifestChangeSet.
func readManifest(name string) (map[uint64]bool, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	r := bufio.NewReader(f)
	var magic [8]byte
	if _, err := io.ReadFull(r, magic[:]); err != nil || string(magic[:4]) != "Bdgr" {
		return nil, errors.New("not a Badger MANIFEST (bad magic)")
	}
	castagnoli := crc32.MakeTable(crc32.Castagnoli)
	ids := map[uint64]bool{}
	for off := int64(8); ; {
		var head [8]byte
		n, err := io.ReadFull(r, head[:])
		if err == io.EOF {
			return ids, nil
		}
		length := int64(binary.BigEndian.Uint32(head[:4]))
		if err != nil || length > fi.Size()-off-8 {
			return nil, fmt.Errorf("cut short: a partial record at byte %d of %d", off+int64(n), fi.Size())
		}
		buf := make([]byte, length)
		if _, err := io.ReadFull(r, buf); err != nil {
			return nil, err
		}
		if crc32.Checksum(buf, castagnoli) != binary.BigEndian.Uint32(head[4:]) {
			return nil, fmt.Errorf("checksum mismatch in the record at byte %d", off)
		}
		var cs pb.ManifestChangeSet
		if err := proto.Unmarshal(buf, &cs); err != nil {
			return nil, fmt.Errorf("bad record at byte %d: %v", off, err)
		}
		for _, c := range cs.Changes {
			ids[c.Id] = true
		}
		off += 8 + length
	}
}

// writeMarker records that this program made a store in path.
func writeMarker(path string) error {
	body := "newsgraph store, created " + time.Now().UTC().Format(time.RFC3339) + "\n" +
		"Badger's files beside this one hold the graph: back it up with `newsgraph backup`.\n"
	return os.WriteFile(filepath.Join(path, markerFile), []byte(body), 0o644)
}
