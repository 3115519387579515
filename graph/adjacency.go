package graph

import (
	"bytes"
	"context"

	"github.com/dgraph-io/badger/v4"
)

// walker reads the adjacency rows (0x32 out, 0x33 in) of node after node
// with one iterator per direction, opened once for a whole walk: opening
// an iterator costs more than reading a node's few edges.
type walker struct {
	ctx     context.Context
	out, in *badger.Iterator
	n       int // rows read, to check ctx now and then
}

func newWalker(ctx context.Context, txn *badger.Txn) *walker {
	open := func(p byte) *badger.Iterator {
		opts := badger.DefaultIteratorOptions
		opts.PrefetchValues = false
		opts.Prefix = []byte{p}
		return txn.NewIterator(opts)
	}
	return &walker{ctx: ctx, out: open(pOut), in: open(pIn)}
}

func (w *walker) close() {
	w.out.Close()
	w.in.Close()
}

// each calls fn for each edge of uid in direction dir, heaviest first (ties
// by age; Both merges the out- and in-edges into one such order), with the
// edge, the uid at its other end and its weight, until fn returns false.
func (w *walker) each(uid uint64, dir Direction, fn func(rel, other uint64, weight int) (bool, error)) error {
	type side struct {
		it     *badger.Iterator
		prefix []byte
	}
	var sides []side
	if dir != In {
		sides = append(sides, side{w.out, outPrefix(uid)})
	}
	if dir != Out {
		sides = append(sides, side{w.in, inPrefix(uid)})
	}
	for _, s := range sides {
		s.it.Seek(s.prefix)
	}
	for {
		if w.n++; w.n%256 == 0 {
			if err := w.ctx.Err(); err != nil {
				return err
			}
		}
		best := -1
		var bestPos []byte
		for i, s := range sides {
			if !s.it.ValidForPrefix(s.prefix) {
				continue
			}
			if pos := sortPos(s.prefix, s.it.Item().Key()); best < 0 || bytes.Compare(pos, bestPos) < 0 {
				best, bestPos = i, pos
			}
		}
		if best < 0 {
			return nil
		}
		it := sides[best].it
		k := it.Item().Key()
		other, err := itemUID(it.Item())
		if err != nil {
			return err
		}
		more, err := fn(rankPosUID(k), other, rankPosCount(k))
		if err != nil || !more {
			return err
		}
		it.Next()
	}
}
