package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// EntitiesByID returns the actors with the ids (or ids an article's
// extraction used for them), read in one transaction: what a page of edges
// needs for its ends. Ids not in the store are left out of the map.
func (s *Store) EntitiesByID(ctx context.Context, ids []string) (map[string]*Entity, error) {
	out := make(map[string]*Entity, len(ids))
	err := s.view(ctx, func(txn *badger.Txn) error {
		for _, id := range ids {
			if _, done := out[id]; done {
				continue
			}
			uid, err := entityUID(txn, id)
			if errors.Is(err, ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			rec, err := getEntity(txn, uid)
			if err != nil {
				return err
			}
			out[id] = rec.entity()
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph.EntitiesByID: %w", err)
	}
	return out, nil
}
