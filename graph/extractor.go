package graph

import (
	"context"
	"slices"

	"github.com/dgraph-io/badger/v4"
)

// UnknownVersion is the version ExtractorVersions gives the articles
// stored before versions were recorded: they cannot be deleted or
// re-extracted (ErrNoContribution), only rebuilt.
const UnknownVersion = "unknown"

// ExtractorVersions counts the stored articles by the version of the
// extractor that read them. serve compares it with its own extractor's
// version.
func (s *Store) ExtractorVersions(ctx context.Context) (map[string]int, error) {
	out := map[string]int{}
	err := s.db.View(func(txn *badger.Txn) error {
		m, err := getMeta(txn)
		if err != nil {
			return err
		}
		known := 0
		err = scan(ctx, txn, extractorPrefix(), nil, func(k []byte, _ *badger.Item) (bool, error) {
			v, _ := extractorKeyParts(k)
			out[v]++
			known++
			return true, nil
		})
		if n := m.Articles - known; n > 0 {
			out[UnknownVersion] += n
		}
		return err
	})
	return out, err
}

// StaleArticles returns the ids of up to limit (0: all) stored articles
// that an extractor other than version read, in stored order: what
// `newsgraph reextract` has left to do.
func (s *Store) StaleArticles(ctx context.Context, version string, limit int) ([]string, error) {
	var seqs []uint64
	var ids []string
	err := s.db.View(func(txn *badger.Txn) error {
		err := scan(ctx, txn, extractorPrefix(), nil, func(k []byte, _ *badger.Item) (bool, error) {
			if v, seq := extractorKeyParts(k); v != version {
				seqs = append(seqs, seq)
			}
			return true, nil
		})
		if err != nil {
			return err
		}
		slices.Sort(seqs)
		if limit > 0 && len(seqs) > limit {
			seqs = seqs[:limit]
		}
		for _, seq := range seqs {
			item, err := txn.Get(articleSeqKey(seq))
			if err != nil {
				return err
			}
			id, err := valueCopy(item)
			if err != nil {
				return err
			}
			ids = append(ids, string(id))
		}
		return nil
	})
	return ids, err
}
