package graph

import (
	"bytes"
	"context"
	"sort"
	"strings"
	"unicode"

	"github.com/dgraph-io/badger/v4"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"newsgraph"
)

// searchIndex lists every name and alias of every actor, folded (normalised
// as for EntityByName, then without accents), with each actor's rank
// position and type. It is built from the keys of the name and rank indexes
// alone, once per store version (derived.go).
type searchIndex struct {
	names []searchName
	rank  map[uint64]searchRank
}

type searchName struct {
	folded string
	uid    uint64
}

type searchRank struct {
	pos []byte // rankPos(mentions, uid): the order of Entities
	typ newsgraph.EntityType
}

// searchIndexKey is the derivedCache key of the search index.
type searchIndexKey struct{}

// fold normalises a name for search: normName's case and punctuation
// folding, then accents removed (São Paulo: sao paulo).
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, normName(s))
	if err != nil {
		return normName(s)
	}
	return out
}

func (s *Store) searchIndex(ctx context.Context, txn *badger.Txn) (*searchIndex, error) {
	return derive(ctx, &s.derived, txn, searchIndexKey{}, func() (*searchIndex, error) {
		return buildSearchIndex(ctx, txn)
	})
}

func buildSearchIndex(ctx context.Context, txn *badger.Txn) (*searchIndex, error) {
	idx := &searchIndex{rank: map[uint64]searchRank{}}
	folded := map[string]string{} // a name's fold, computed once for the aliases many actors share
	err := scan(ctx, txn, namesPrefix(), nil, func(k []byte, _ *badger.Item) (bool, error) {
		n := nameKeyNorm(k)
		f, ok := folded[n]
		if !ok {
			f = fold(n)
			folded[n] = f
		}
		idx.names = append(idx.names, searchName{f, nameKeyUID(k)})
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	for _, t := range []newsgraph.EntityType{newsgraph.Person, newsgraph.State, newsgraph.Agency, newsgraph.Place} {
		prefix := rankPrefix(t)
		err := scan(ctx, txn, prefix, nil, func(k []byte, _ *badger.Item) (bool, error) {
			idx.rank[rankPosUID(k)] = searchRank{append([]byte{}, sortPos(prefix, k)...), t}
			return true, nil
		})
		if err != nil {
			return nil, err
		}
	}
	return idx, nil
}

// wordStartMatch reports whether q starts a word of name: name begins with
// q, or a word after a space does.
func wordStartMatch(name, q string) bool {
	for i := 0; i <= len(name)-len(q); {
		j := strings.Index(name[i:], q)
		if j < 0 {
			return false
		}
		if at := i + j; at == 0 || name[at-1] == ' ' {
			return true
		}
		i += j + 1
	}
	return false
}

// match returns the actors of type t (any when empty) with a name or alias
// where q starts a word, in rank order (most mentioned first).
func (idx *searchIndex) match(ctx context.Context, q string, t newsgraph.EntityType) ([]uint64, error) {
	seen := map[uint64]bool{}
	var out []uint64
	for i, n := range idx.names {
		if i%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if seen[n.uid] || !wordStartMatch(n.folded, q) {
			continue
		}
		if r, ok := idx.rank[n.uid]; ok && (t == "" || r.typ == t) {
			seen[n.uid] = true
			out = append(out, n.uid)
		}
	}
	sort.Slice(out, func(i, j int) bool { return bytes.Compare(idx.rank[out[i]].pos, idx.rank[out[j]].pos) < 0 })
	return out, nil
}

// inSector keeps the uids of actors that pass f's sector: the search index
// knows types, not sectors, so each is read.
func inSector(txn *badger.Txn, uids []uint64, f EntityFilter) ([]uint64, error) {
	out := uids[:0]
	for _, uid := range uids {
		rec, err := getEntity(txn, uid)
		if err != nil {
			return nil, err
		}
		if f.keeps(rec) {
			out = append(out, uid)
		}
	}
	return out, nil
}

// searchEntities pages the actors matching f.Search (see EntityFilter) in
// rank order; its cursors are rank positions, as in the unfiltered list.
func (s *Store) searchEntities(ctx context.Context, txn *badger.Txn, f EntityFilter, after []byte, n int, page *Page[*Entity]) error {
	q := fold(f.Search)
	if q == "" {
		return nil
	}
	idx, err := s.searchIndex(ctx, txn)
	if err != nil {
		return err
	}
	uids, err := idx.match(ctx, q, f.Type)
	if err == nil && f.Sector != "" {
		uids, err = inSector(txn, uids, f)
	}
	if err != nil {
		return err
	}
	page.TotalCount = len(uids)
	for _, uid := range uids {
		pos := idx.rank[uid].pos
		if after != nil && bytes.Compare(pos, after) <= 0 {
			continue
		}
		if len(page.Edges) == n {
			page.HasNextPage = true
			break
		}
		rec, err := s.entityAt(txn, uid)
		if err != nil {
			return err
		}
		page.add(encodeCursor(cursorEntity, pos), rec.entity())
	}
	return nil
}
