package graph

// A check of Badger's write-ahead logs (*.mem) before Badger replays them.
// Badger reads a log up to its first entry that fails its CRC and drops the
// rest as the torn tail of a crash, so one flipped byte in the middle of a
// log silently loses every acknowledged write after it. A real torn tail is
// one partial entry followed only by zeros (the log is pre-sized and
// written in order); anything written after a bad entry means damage.

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
)

// walHeaderSize is the log file's own header (Badger's vlogHeaderSize:
// key id and IV), before the first entry.
const walHeaderSize = 20

// checkWAL returns an error when the log file name has an entry failing its
// checksum with data written after it.
func checkWAL(name string) error {
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	off := walHeaderSize
	for off < len(b) {
		n, ok := walEntry(b[off:])
		switch {
		case n == 0: // zeros: the end of what was written
			return nil
		case ok:
			off += n
			continue
		}
		end := off + max(n, 1)
		if end < len(b) && len(bytes.TrimRight(b[end:], "\x00")) > 0 {
			return fmt.Errorf("entry at byte %d of %s fails its checksum and writes follow it", off, name)
		}
		return nil // a torn tail: the crash Badger recovers from
	}
	return nil
}

// walEntry decodes the entry at the start of b (Badger's header.Decode:
// meta, user meta, uvarint key and value lengths and expiry; then key,
// value and a big-endian CRC-32C of all before it). n is its length (0 for
// zeros, the end of the log; for a bad entry the length its header claims,
// or what is left), ok whether its checksum holds.
func walEntry(b []byte) (n int, ok bool) {
	if len(b) < 2 || b[0] == 0 && b[1] == 0 && (len(b) < 3 || b[2] == 0) {
		return 0, false
	}
	i := 2
	klen, c := binary.Uvarint(b[i:])
	i += max(c, 0)
	vlen, c := binary.Uvarint(b[i:])
	i += max(c, 0)
	_, c = binary.Uvarint(b[i:])
	i += max(c, 0)
	end := uint64(i) + klen + vlen
	if c <= 0 || klen > 1<<16 || end+crc32.Size > uint64(len(b)) {
		// Lengths no write, torn or not, could leave: a damaged header.
		return i, false
	}
	sum := binary.BigEndian.Uint32(b[end : end+crc32.Size])
	n = int(end) + crc32.Size
	return n, crc32.Checksum(b[:end], castagnoli) == sum
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)
