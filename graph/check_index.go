package graph

// Check's look at the rows that find actors and edges (check.go): each
// actor's rank rows (0x23), each edge's index rows (0x32-0x34, 0x37,
// 0x38, relindex.go) with the values they hold, the two rows of each
// article an actor is named in (0x12, 0x24), and no more rows under those
// prefixes than the records make, so a stale row a merge or a delete
// left behind is found as well as a missing one.

import (
	"bytes"
	"errors"

	"github.com/dgraph-io/badger/v4"
)

// indexRows checks the index rows of the actors and edges read before.
func (c *checker) indexRows() error {
	rankRows, relRows := 0, 0
	for _, r := range c.ents {
		for _, k := range entityRankKeys(r.Type, r.Mentions, r.UID) {
			rankRows++
			if err := c.rowIs(k, nil, "rank row of actor "+r.ID); err != nil {
				return err
			}
		}
	}
	for _, r := range c.rels {
		for k, v := range r.index().rows() {
			relRows++
			if err := c.rowIs([]byte(k), v, "index row of edge "+r.ID); err != nil {
				return err
			}
		}
	}
	if err := c.rowCount([]byte{pEntityRank}, rankRows, "actor rank rows (0x23)"); err != nil {
		return err
	}
	n := 0
	for _, p := range []byte{pOut, pIn, pRelRank, pRelLabel, pRelKind} {
		if err := c.countRows([]byte{p}, &n); err != nil {
			return err
		}
	}
	if n != relRows {
		c.problem("%d edge index rows (0x32-0x34, 0x37, 0x38); the edges make %d", n, relRows)
	}
	return c.articleRows()
}

// rowIs notes a problem when row k is missing or holds other than v.
func (c *checker) rowIs(k, v []byte, what string) error {
	it, err := c.txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		c.problem("%s missing (%x)", what, k)
		return nil
	}
	if err != nil {
		return err
	}
	got, err := valueCopy(it)
	if err != nil {
		return err
	}
	if !bytes.Equal(got, v) {
		c.problem("%s holds %x, want %x", what, got, v)
	}
	return nil
}

// countRows adds the rows under prefix to n.
func (c *checker) countRows(prefix []byte, n *int) error {
	return scan(c.ctx, c.txn, prefix, nil, func([]byte, *badger.Item) (bool, error) { *n++; return true, nil })
}

// rowCount notes a problem when prefix has other than want rows.
func (c *checker) rowCount(prefix []byte, want int, what string) error {
	n := 0
	if err := c.countRows(prefix, &n); err != nil {
		return err
	}
	if n != want {
		c.problem("%d %s; the records make %d", n, what, want)
	}
	return nil
}

// articleRows checks that each row of an actor's articles (0x24) has its
// article's row of the actor's mentions (0x12), for an actor that exists,
// and that there are as many of one as of the other.
func (c *checker) articleRows() error {
	n := 0
	err := scan(c.ctx, c.txn, []byte{pEntityArt}, nil, func(k []byte, _ *badger.Item) (bool, error) {
		n++
		uid, seq := uidAt(k, 1), entityArtSeq(k)
		if c.ents[uid] == nil {
			c.problem("article row of no actor (uid %d, article %d)", uid, seq)
		}
		if _, err := c.txn.Get(articleEntKey(seq, uid)); errors.Is(err, badger.ErrKeyNotFound) {
			c.problem("actor %d lists article %d, which has no mentions of it", uid, seq)
		} else if err != nil {
			return false, err
		}
		return true, nil
	})
	if err != nil {
		return err
	}
	return c.rowCount([]byte{pArticleEnt}, n, "article mention rows (0x12)")
}
