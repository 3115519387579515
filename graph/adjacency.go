package graph

import (
	"context"

	"github.com/dgraph-io/badger/v4"
)

// walker reads the adjacency rows (0x32 out, 0x33 in) of node after node.
// A node's rows in one direction are read whole (up to maxAdjacency, the
// heaviest first) and kept in the store's read cache, so a hub walked by
// request after request is read from Badger once per store version. On a
// miss the rows come from one iterator per direction, opened at the first
// miss and reused for the whole walk: opening an iterator costs more than
// reading a node's few edges.
type walker struct {
	ctx     context.Context
	txn     *badger.Txn
	cache   *readCache
	out, in *badger.Iterator
	n       int // rows read, to check ctx now and then
}

func newWalker(ctx context.Context, txn *badger.Txn, cache *readCache) *walker {
	return &walker{ctx: ctx, txn: txn, cache: cache}
}

func (w *walker) close() {
	if w.out != nil {
		w.out.Close()
	}
	if w.in != nil {
		w.in.Close()
	}
}

// each calls fn for each edge of uid in direction dir, heaviest first (ties
// by age; Both merges the out- and in-edges into one such order), with the
// edge, the uid at its other end and its weight, until fn returns false.
func (w *walker) each(uid uint64, dir Direction, fn func(rel, other uint64, weight int) (bool, error)) error {
	var out, in []adjRow
	var err error
	if dir != In {
		if out, err = w.rows(uid, ckOut); err != nil {
			return err
		}
	}
	if dir != Out {
		if in, err = w.rows(uid, ckIn); err != nil {
			return err
		}
	}
	for len(out) > 0 || len(in) > 0 {
		if w.n++; w.n%256 == 0 {
			if err := w.ctx.Err(); err != nil {
				return err
			}
		}
		var r adjRow
		if len(in) == 0 || len(out) > 0 && heavierRow(out[0], in[0]) {
			r, out = out[0], out[1:]
		} else {
			r, in = in[0], in[1:]
		}
		if more, err := fn(r.rel, r.other, r.weight); err != nil || !more {
			return err
		}
	}
	return nil
}

// heavierRow reports whether a comes before b in the adjacency keys' order:
// heavier first, then the older edge (smaller uid).
func heavierRow(a, b adjRow) bool {
	if a.weight != b.weight {
		return a.weight > b.weight
	}
	return a.rel < b.rel
}

// rows returns the adjacency rows of uid on side (ckOut or ckIn), heaviest
// first, at most maxAdjacency of them.
func (w *walker) rows(uid uint64, side byte) ([]adjRow, error) {
	return cached(w.cache, w.txn, cacheKey{kind: side, uid: uid}, adjCost, func() ([]adjRow, error) {
		return w.read(uid, side)
	})
}

// read reads the adjacency rows of uid on side from Badger.
func (w *walker) read(uid uint64, side byte) ([]adjRow, error) {
	it, prefix := w.iterator(side), outPrefix(uid)
	if side == ckIn {
		prefix = inPrefix(uid)
	}
	var rows []adjRow
	for it.Seek(prefix); it.ValidForPrefix(prefix) && len(rows) < maxAdjacency; it.Next() {
		if len(rows)%256 == 255 {
			if err := w.ctx.Err(); err != nil {
				return nil, err
			}
		}
		item := it.Item()
		var other uint64
		err := item.Value(func(v []byte) (err error) { other, err = decodeUID(v); return err })
		if err != nil {
			return nil, err
		}
		k := item.Key()
		rows = append(rows, adjRow{rel: rankPosUID(k), other: other, weight: rankPosCount(k)})
	}
	return rows, nil
}

// iterator is the walk's iterator over side's prefix, opened on first use.
func (w *walker) iterator(side byte) *badger.Iterator {
	slot, p := &w.out, pOut
	if side == ckIn {
		slot, p = &w.in, pIn
	}
	if *slot == nil {
		opts := badger.DefaultIteratorOptions
		opts.PrefetchValues = false
		opts.Prefix = []byte{p}
		*slot = w.txn.NewIterator(opts)
	}
	return *slot
}
