package graph

import (
	"errors"

	"github.com/dgraph-io/badger/v4"
)

// relPlan says how to answer a relation list: which weight-ranked indexes
// to scan, how to tell a row that matches the filter from the index rows
// alone, and the count of matches when an index keeps it.
type relPlan struct {
	prefixes [][]byte
	// keep reports whether the edge of the scanned key k (whose item is it)
	// passes the filter.
	keep func(txn *badger.Txn, k []byte, it *badger.Item) (bool, error)
	// total is the number of matches, or -1 when only reading the list
	// can tell.
	total int
}

func keepAll(*badger.Txn, []byte, *badger.Item) (bool, error) { return true, nil }

// planRelations picks the index for f: an entity's edges when an end is
// given (both for the entity both), else the predicate index, the kind
// index or the list of all edges, whose counts are kept.
func planRelations(txn *badger.Txn, f RelationFilter, both string) (*relPlan, error) {
	label := indexLabel(f.Predicate)
	kind := relKindByte(f.Kind)
	if f.Kind != "" && kind == allTypesByte {
		return &relPlan{keep: keepAll}, nil // no edge has an unknown kind
	}
	end := func(id string) (uint64, error) { return entityUID(txn, id) }
	switch {
	case both != "":
		uid, err := end(both)
		if err != nil {
			return nil, err
		}
		return &relPlan{prefixes: [][]byte{outPrefix(uid), inPrefix(uid)}, keep: adjacencyFilter(label, kind, 0), total: -1}, nil
	case f.Subject != "":
		uid, err := end(f.Subject)
		if err != nil {
			return nil, err
		}
		var obj uint64
		if f.Object != "" {
			if obj, err = end(f.Object); err != nil {
				return nil, err
			}
		}
		return &relPlan{prefixes: [][]byte{outPrefix(uid)}, keep: adjacencyFilter(label, kind, obj), total: -1}, nil
	case f.Object != "":
		uid, err := end(f.Object)
		if err != nil {
			return nil, err
		}
		return &relPlan{prefixes: [][]byte{inPrefix(uid)}, keep: adjacencyFilter(label, kind, 0), total: -1}, nil
	case label != "":
		n, err := getCount(txn, relCountKey(kind, label))
		keep := keepAll
		if kind != allTypesByte {
			keep = func(_ *badger.Txn, _ []byte, it *badger.Item) (bool, error) { return valueIs(it, kind) }
		}
		return &relPlan{prefixes: [][]byte{relLabelPrefix(label)}, keep: keep, total: n}, err
	case kind != allTypesByte:
		n, err := getCount(txn, relCountKey(kind, ""))
		return &relPlan{prefixes: [][]byte{relKindPrefix(kind)}, keep: keepAll, total: n}, err
	}
	m, err := getMeta(txn)
	if err != nil {
		return nil, err
	}
	return &relPlan{prefixes: [][]byte{relRankPrefix()}, keep: keepAll, total: m.Relations}, nil
}

// adjacencyFilter checks the edge of an adjacency row (0x32: its value is
// the object) against a predicate, a kind and an object (zero: any), by
// point reads of the predicate and kind indexes: no edge is decoded.
func adjacencyFilter(label string, kind byte, obj uint64) func(*badger.Txn, []byte, *badger.Item) (bool, error) {
	return func(txn *badger.Txn, k []byte, it *badger.Item) (bool, error) {
		if obj != 0 {
			if other, err := itemUID(it); err != nil || other != obj {
				return false, err
			}
		}
		switch {
		case label != "":
			return hasRow(txn, relLabelAt(label, k), kind)
		case kind != allTypesByte:
			return hasRow(txn, relKindAt(kind, k), allTypesByte)
		}
		return true, nil
	}
}

// hasRow reports whether the row k exists and, unless kind is 0, holds kind.
func hasRow(txn *badger.Txn, k []byte, kind byte) (bool, error) {
	it, err := txn.Get(k)
	if errors.Is(err, errNoKey) {
		return false, nil
	}
	if err != nil || kind == allTypesByte {
		return err == nil, err
	}
	return valueIs(it, kind)
}

// valueIs reports whether the one-byte value of it is b.
func valueIs(it *badger.Item, b byte) (bool, error) {
	ok := false
	err := it.Value(func(v []byte) error {
		ok = len(v) == 1 && v[0] == b
		return nil
	})
	return ok, err
}

// edgeHasLabel reports whether the edge rel of that weight has the
// predicate label (already indexLabel'd); "" matches every edge.
func edgeHasLabel(txn *badger.Txn, label string, weight int, rel uint64) (bool, error) {
	if label == "" {
		return true, nil
	}
	return hasRow(txn, relLabelKey(label, weight, rel), allTypesByte)
}
