package graph

// Checks that stored data is what was written: article texts against the
// SHA-256 stored beside them, Badger's checksum errors as ErrCorrupt, and a
// restored store's records against its counters.

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/y"
)

// textHash is the hex SHA-256 of an article text, as stored in its record.
func textHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// verify checks a read article record against its stored hash; a record
// from before hashes were kept (none stored) passes.
func (r *articleRec) verify() error {
	if r.TextHash != "" && textHash(r.Text) != r.TextHash {
		return fmt.Errorf("%w: the text of article %q does not match its stored SHA-256; restore a backup",
			ErrCorrupt, r.ID)
	}
	return nil
}

// valueCopy is item.ValueCopy that does not take a value Badger failed to
// read for the real one: Badger logs a value-log read error (a checksum
// mismatch included) and returns no value and no error (iterator.go,
// yieldItemValue), so an empty value where the item says there is one
// is ErrCorrupt.
func valueCopy(item *badger.Item) ([]byte, error) {
	b, err := item.ValueCopy(nil)
	if err != nil {
		return nil, corrupt(err)
	}
	if len(b) == 0 && item.ValueSize() > 0 {
		return nil, fmt.Errorf("%w: the value of key %x (%d bytes) could not be read; Badger logged why",
			ErrCorrupt, item.Key(), item.ValueSize())
	}
	return b, nil
}

// corrupt turns Badger's checksum errors into ErrCorrupt. Badger wraps its
// errors with %+v (y.Wrap), so they are matched by their text too.
func corrupt(err error) error {
	if err == nil || errors.Is(err, ErrCorrupt) {
		return err
	}
	if errors.Is(err, y.ErrChecksumMismatch) || strings.Contains(err.Error(), y.ErrChecksumMismatch.Error()) {
		return fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return err
}

// checkCounts compares the counters in meta with the records the store
// holds, so a backup cut short is not taken for a whole store.
func (s *Store) checkCounts(ctx context.Context) error {
	return s.db.View(func(txn *badger.Txn) error {
		m, err := getMeta(txn)
		if err != nil {
			return err
		}
		want := []struct {
			what   string
			prefix []byte
			n      int
		}{
			{"articles", articlePrefix(), m.Articles},
			{"entities", entityPrefix(), m.Entities},
			{"relations", relationPrefix(), m.Relations},
			{"evidence", allEvidencePrefix(), m.Evidence},
		}
		for _, w := range want {
			n := 0
			err := scan(ctx, txn, w.prefix, nil, func([]byte, *badger.Item) (bool, error) { n++; return true, nil })
			if err != nil {
				return err
			}
			if n != w.n {
				return fmt.Errorf("%w: the backup holds %d %s, its counters say %d (cut short?)", ErrDamaged, n, w.what, w.n)
			}
		}
		return nil
	})
}
