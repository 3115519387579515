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
			uid, err := s.entityUIDAt(txn, id)
			if errors.Is(err, ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			rec, err := s.entityAt(txn, uid)
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

// Ends returns the actors at the ends of rels by id: their subjects when
// subject is set, their objects when object is, leaving out the ids that
// have reports (already at hand) and ends not in the store. An edge read from the store knows its
// ends' internal numbers, so each end costs one read where EntitiesByID
// needs two; an edge made otherwise falls back to the id.
func (s *Store) Ends(ctx context.Context, rels []*Relation, subject, object bool, have func(id string) bool) (map[string]*Entity, error) {
	out := map[string]*Entity{}
	err := s.view(ctx, func(txn *badger.Txn) error {
		get := func(id string, uid uint64) error {
			if _, done := out[id]; done || have(id) {
				return nil
			}
			var err error
			if uid == 0 {
				uid, err = s.entityUIDAt(txn, id)
			}
			var rec *entityRec
			if err == nil {
				rec, err = s.entityAt(txn, uid)
			}
			switch {
			case errors.Is(notFound(err), ErrNotFound):
				return nil // left out, as EntitiesByID does
			case err != nil:
				return fmt.Errorf("%q: %w", id, err)
			}
			out[id] = rec.entity()
			return nil
		}
		for _, r := range rels {
			if subject {
				if err := get(r.Subject, r.subjectUID); err != nil {
					return err
				}
			}
			if object {
				if err := get(r.Object, r.objectUID); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph.Ends: %w", err)
	}
	return out, nil
}
