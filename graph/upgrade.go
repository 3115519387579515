package graph

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"newsgraph"
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
	if s.readOnly {
		return fmt.Errorf("graph: the store has format %d and this newsgraph reads format %d: open it once for writing (newsgraph serve or ingest) to upgrade it", m.Version, formatVersion)
	}
	s.log.Info("upgrading the store's format", "from", m.Version, "to", formatVersion)
	if err := s.upgradeSteps(ctx, m.Version); err != nil {
		return fmt.Errorf("graph: upgrading the store from format %d: %w", m.Version, err)
	}
	return s.db.Update(func(txn *badger.Txn) error {
		m, err := getMeta(txn)
		if err != nil {
			return err
		}
		if m.Version < 3 {
			m.SeededProposals = m.Articles > 0
		}
		m.Version = formatVersion
		b, err := json.Marshal(m)
		if err != nil {
			return err
		}
		return txn.Set(metaKey(), b)
	})
}

// upgradeSteps runs the steps from format version up.
func (s *Store) upgradeSteps(ctx context.Context, version int) error {
	if version < 2 {
		// Binary records, relation indexes.
		if err := s.reencodeRecords(ctx); err != nil {
			return err
		}
		if err := s.rebuildRelIndex(ctx); err != nil {
			return err
		}
	}
	if version < 3 {
		if err := s.seedProposals(ctx); err != nil {
			return err
		}
	}
	// Format 3 had the events' stored-order rows only, without counts.
	return s.rebuildEventIndex(ctx)
}

// seedProposals gives every actor without proposals (0x26) one for each id
// that finds it, with its country and name, counted once and never taken
// back: the articles of an older store did not record what they proposed.
// Such an actor keeps its id until an article proposes a better one.
func (s *Store) seedProposals(ctx context.Context) error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err := s.db.View(func(txn *badger.Txn) error {
		return scan(ctx, txn, entityIDPrefix(), nil, func(k []byte, it *badger.Item) (bool, error) {
			v, err := valueCopy(it)
			if err != nil {
				return false, err
			}
			uid, err := decodeUID(v)
			if err != nil {
				return false, err
			}
			if seeded, err := hasProposals(ctx, txn, uid); err != nil || seeded {
				return err == nil, err
			}
			rec, err := getEntity(txn, uid)
			if err != nil {
				return false, err
			}
			p := proposal{ID: entityIDOf(k), Country: rec.Country, Name: rec.Name}
			return true, wb.Set(proposalKey(uid, p), uidValue(1))
		})
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}

// hasProposals reports whether actor uid has a proposal row.
func hasProposals(ctx context.Context, txn *badger.Txn, uid uint64) (bool, error) {
	found := false
	err := scan(ctx, txn, proposalPrefix(uid), nil, func([]byte, *badger.Item) (bool, error) {
		found = true
		return false, nil
	})
	return found, err
}

// reencodeRecords rewrites the entity, relation and evidence records that
// are still JSON in their binary layout (codec.go).
func (s *Store) reencodeRecords(ctx context.Context) error {
	decoders := map[byte]func(v []byte) (any, error){
		pEntity: func(v []byte) (any, error) {
			r := &entityRec{}
			return r, decodeEntity(v, r)
		},
		pRelation: func(v []byte) (any, error) {
			r := &relationRec{}
			return r, decodeRelation(v, r)
		},
		pEvidence: func(v []byte) (any, error) {
			var ev newsgraph.Evidence
			return ev, decodeEvidence(v, &ev)
		},
	}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	for _, prefix := range [][]byte{entityPrefix(), relationPrefix(), allEvidencePrefix()} {
		decode := decoders[prefix[0]]
		err := s.db.View(func(txn *badger.Txn) error {
			return scan(ctx, txn, prefix, nil, func(k []byte, it *badger.Item) (bool, error) {
				v, err := valueCopy(it)
				if err != nil || len(v) == 0 || v[0] != '{' {
					return err == nil, err
				}
				rec, err := decode(v)
				if err != nil {
					return false, fmt.Errorf("key %x: %w", k, err)
				}
				b, err := marshalValue(rec)
				if err != nil {
					return false, err
				}
				return true, wb.Set(k, b)
			})
		})
		if err != nil {
			return err
		}
	}
	return wb.Flush()
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
	if err := setCounts(wb, counts); err != nil {
		return err
	}
	return wb.Flush()
}

// setCounts writes count rows, each key's count as its value, in a rebuild's
// write batch.
func setCounts(wb *badger.WriteBatch, counts map[string]int) error {
	for k, n := range counts {
		if err := wb.Set([]byte(k), uidValue(uint64(n))); err != nil {
			return err
		}
	}
	return nil
}
