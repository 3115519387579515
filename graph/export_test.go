package graph

import (
	"encoding/json"

	"github.com/dgraph-io/badger/v4"
)

// MakeFormat1 turns st into a store as format 1 wrote it: without the
// predicate and kind indexes and their counts, version 1 in meta.
func MakeFormat1(st *Store) error {
	if err := st.db.DropPrefix(relIndexPrefixes()...); err != nil {
		return err
	}
	return st.db.Update(func(txn *badger.Txn) error {
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
