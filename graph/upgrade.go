package graph

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// upgrade brings a store written by an older version of the program to
// formatVersion, in place. Each step can be interrupted and run again: it
// writes the new version only once it is complete.
func (s *Store) upgrade(ctx context.Context) error {
	var m *meta
	err := s.db.View(func(txn *badger.Txn) (err error) {
		m, err = getMeta(txn)
		return err
	})
	if err != nil || m.Version >= formatVersion {
		return err
	}
	s.log.Info("upgrading the store's format: building the relation indexes", "from", m.Version, "to", formatVersion)
	if err := s.rebuildRelIndex(ctx); err != nil {
		return fmt.Errorf("graph: upgrading the store from format %d: %w", m.Version, err)
	}
	return s.db.Update(func(txn *badger.Txn) error {
		m, err := getMeta(txn)
		if err != nil {
			return err
		}
		m.Version = formatVersion
		b, err := json.Marshal(m)
		if err != nil {
			return err
		}
		return txn.Set(metaKey(), b)
	})
}

// rebuildRelIndex drops the predicate and kind indexes and their counts and
// builds them again from the relation records.
func (s *Store) rebuildRelIndex(ctx context.Context) error {
	if err := s.db.DropPrefix(relIndexPrefixes()...); err != nil {
		return err
	}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	counts := map[string]int{}
	err := s.db.View(func(txn *badger.Txn) error {
		return scan(ctx, txn, relationPrefix(), nil, func(k []byte, _ *badger.Item) (bool, error) {
			rec, err := getRelation(txn, relationKeyUID(k))
			if err != nil {
				return false, err
			}
			ix := rec.index()
			for k, v := range ix.rows() {
				if err := wb.Set([]byte(k), v); err != nil {
					return false, err
				}
			}
			for _, c := range ix.counts() {
				counts[c]++
			}
			return true, nil
		})
	})
	if err != nil {
		return err
	}
	for k, n := range counts {
		if err := wb.Set([]byte(k), uidValue(uint64(n))); err != nil {
			return err
		}
	}
	return wb.Flush()
}
