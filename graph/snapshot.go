package graph

import (
	"context"

	"github.com/dgraph-io/badger/v4"
)

// A snapshot is one read-only Badger transaction that every read of a
// request shares: a GraphQL query makes many store calls (a page, the ends
// of its edges, each edge's evidence), and opening a transaction for each
// costs timestamps and watermarks, while one gives the whole answer a single
// consistent view of the store. Badger allows concurrent reads (Get and
// iterators) on a read-only transaction, so the resolvers that graphql-go
// runs in parallel may share it.
type snapshot struct {
	st  *Store
	txn *badger.Txn
}

type snapshotKey struct{}

// WithSnapshot returns ctx carrying a read-only transaction on s that the
// store's reads under ctx use instead of opening their own, and the function
// that ends it; call it once every read under ctx has returned. Use it for
// a request that only reads: writes do not go through it, and reads under
// ctx do not see writes made after it began.
func (s *Store) WithSnapshot(ctx context.Context) (context.Context, func()) {
	if s.db.IsClosed() {
		// Badger waits forever for a read timestamp on a closed store when a
		// commit's mark was still pending at Close; the reads under ctx fail
		// with ErrClosed instead (view).
		return ctx, func() {}
	}
	txn := s.db.NewTransaction(false)
	return context.WithValue(ctx, snapshotKey{}, &snapshot{st: s, txn: txn}), txn.Discard
}

// snapshotTxn is the transaction of ctx's snapshot on s, or nil.
func (s *Store) snapshotTxn(ctx context.Context) *badger.Txn {
	if sn, ok := ctx.Value(snapshotKey{}).(*snapshot); ok && sn.st == s {
		return sn.txn
	}
	return nil
}
