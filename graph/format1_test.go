package graph

import (
	"context"
	"encoding/json"

	"github.com/dgraph-io/badger/v4"

	"newsgraph"
)

// MakeFormat1 turns st into a store as format 1 wrote it: entity, relation
// and evidence records in JSON, no predicate and kind indexes or their
// counts, version 1 in meta.
func MakeFormat1(st *Store) error {
	if err := st.db.DropPrefix(relIndexPrefixes()...); err != nil {
		return err
	}
	return st.db.Update(func(txn *badger.Txn) error {
		for _, prefix := range [][]byte{entityPrefix(), relationPrefix(), allEvidencePrefix()} {
			err := scan(context.Background(), txn, prefix, nil, func(k []byte, it *badger.Item) (bool, error) {
				v, err := it.ValueCopy(nil)
				if err != nil {
					return false, err
				}
				var rec any
				switch prefix[0] {
				case pEntity:
					r := &entityRec{}
					rec, err = r, decodeEntity(v, r)
				case pRelation:
					r := &relationRec{}
					rec, err = r, decodeRelation(v, r)
				default:
					r := &newsgraph.Evidence{}
					rec, err = r, decodeEvidence(v, r)
				}
				if err != nil {
					return false, err
				}
				b, err := json.Marshal(rec)
				if err != nil {
					return false, err
				}
				return true, txn.Set(k, b)
			})
			if err != nil {
				return err
			}
		}
		m, err := getMeta(txn)
		if err != nil {
			return err
		}
		m.Version = 1
		b, err := json.Marshal(m)
		if err != nil {
			return err
		}
		return txn.Set(metaKey(), b)
	})
}

// JSONRecords counts the entity, relation and evidence records of st that
// are JSON.
func JSONRecords(st *Store) (int, error) {
	n := 0
	err := st.db.View(func(txn *badger.Txn) error {
		for _, prefix := range [][]byte{entityPrefix(), relationPrefix(), allEvidencePrefix()} {
			err := scan(context.Background(), txn, prefix, nil, func(_ []byte, it *badger.Item) (bool, error) {
				return true, it.Value(func(v []byte) error {
					if len(v) > 0 && v[0] == '{' {
						n++
					}
					return nil
				})
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	return n, err
}
