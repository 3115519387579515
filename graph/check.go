package graph

// Check: that the rows of a store agree with each other, as ingest and
// delete in any order must leave them (the counters in meta, the id keys
// and proposals of identity.go, the name index, relation ids and ends).

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/dgraph-io/badger/v4"
)

// maxProblems is how many disagreements Check names in its error.
const maxProblems = 10

// Check reads the whole store and fails with ErrInconsistent naming what
// disagrees: a counter and the records it counts; an actor its own id or a
// proposed id does not find; an id key that finds no actor, or one that
// neither has nor is proposed that id; a name or alias missing from the
// name index, or an index row for a name the actor lacks; an edge whose
// ends, id, id key or aggregation key do not match its actors; an index
// row of an actor or edge missing, stale or holding another value, and an
// actor's article row without the article's row of its mentions.
func (s *Store) Check(ctx context.Context) error {
	if err := s.checkCounts(ctx); err != nil {
		return fmt.Errorf("graph.Check: %w: %v", ErrInconsistent, err)
	}
	c := &checker{ctx: ctx, ents: map[uint64]*entityRec{}, proposed: map[uint64]map[string]bool{}}
	err := s.db.View(func(txn *badger.Txn) error {
		c.txn = txn
		for _, step := range []func() error{c.entities, c.idKeys, c.nameKeys, c.relations, c.indexRows} {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	})
	switch {
	case err != nil:
		return fmt.Errorf("graph.Check: %w", err)
	case len(c.problems) > 0:
		return fmt.Errorf("graph.Check: %w: %d problems: %s", ErrInconsistent, c.count,
			strings.Join(c.problems, "; "))
	}
	return nil
}

// checker is the state of one Check.
type checker struct {
	ctx      context.Context
	txn      *badger.Txn
	ents     map[uint64]*entityRec
	proposed map[uint64]map[string]bool // ids proposed, by actor
	rels     []*relationRec
	problems []string
	count    int
}

func (c *checker) problem(format string, args ...any) {
	if c.count++; len(c.problems) < maxProblems {
		c.problems = append(c.problems, fmt.Sprintf(format, args...))
	}
}

// idFinds reports which actor id finds (0 for none).
func (c *checker) idFinds(id string) (uint64, error) {
	uid, err := getUID(c.txn, entityIDKey(id))
	if errors.Is(err, errNoKey) {
		return 0, nil
	}
	return uid, err
}

// entities reads every actor and checks that its id and every id proposed
// for it find it, and that the name index has its names.
func (c *checker) entities() error {
	return scan(c.ctx, c.txn, entityPrefix(), nil, func(k []byte, item *badger.Item) (bool, error) {
		r := &entityRec{}
		if err := item.Value(func(v []byte) error { return decodeEntity(v, r) }); err != nil {
			return false, fmt.Errorf("entity at %x: %w", k, err)
		}
		c.ents[r.UID] = r
		ps, err := proposals(c.ctx, c.txn, r.UID)
		if err != nil {
			return false, err
		}
		c.proposed[r.UID] = map[string]bool{}
		for _, id := range append([]string{r.ID}, proposalIDs(ps)...) {
			c.proposed[r.UID][id] = true
			if u, err := c.idFinds(id); err != nil {
				return false, err
			} else if u != r.UID {
				c.problem("id %q of actor %d (%s) finds actor %d", id, r.UID, r.ID, u)
			}
		}
		for _, n := range r.names() {
			if _, err := c.txn.Get(nameKey(n, r.UID)); err != nil {
				c.problem("name %q of actor %s not indexed (%v)", n, r.ID, err)
			}
		}
		return true, nil
	})
}

func proposalIDs(ps []proposal) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}

// idKeys checks that every id key finds an actor that has or is proposed
// that id.
func (c *checker) idKeys() error {
	return scan(c.ctx, c.txn, entityIDPrefix(), nil, func(k []byte, item *badger.Item) (bool, error) {
		uid, err := itemUID(item)
		if err != nil {
			return false, err
		}
		id := entityIDOf(k)
		switch {
		case c.ents[uid] == nil:
			c.problem("id %q finds no actor (uid %d)", id, uid)
		case !c.proposed[uid][id]:
			c.problem("id %q finds actor %s, which no article gives it", id, c.ents[uid].ID)
		}
		return true, nil
	})
}

// nameKeys checks that every name index row names an actor that has it.
func (c *checker) nameKeys() error {
	return scan(c.ctx, c.txn, namesPrefix(), nil, func(k []byte, _ *badger.Item) (bool, error) {
		uid, n := nameKeyUID(k), nameKeyNorm(k)
		r := c.ents[uid]
		switch {
		case r == nil:
			c.problem("name %q indexed for no actor (uid %d)", n, uid)
		case !containsName(r, n):
			c.problem("name %q indexed for actor %s, which lacks it", n, r.ID)
		}
		return true, nil
	})
}

func containsName(r *entityRec, n string) bool {
	for _, x := range r.names() {
		if x == n {
			return true
		}
	}
	return false
}

// relations checks every edge against its ends and its keys.
func (c *checker) relations() error {
	return scan(c.ctx, c.txn, relationPrefix(), nil, func(k []byte, item *badger.Item) (bool, error) {
		r := &relationRec{}
		if err := item.Value(func(v []byte) error { return decodeRelation(v, r) }); err != nil {
			return false, fmt.Errorf("relation at %x: %w", k, err)
		}
		c.rels = append(c.rels, r)
		s, o := c.ents[r.SubjectUID], c.ents[r.ObjectUID]
		switch {
		case s == nil || o == nil:
			c.problem("edge %s has an end that is no actor (%d, %d)", r.ID, r.SubjectUID, r.ObjectUID)
			return true, nil
		case r.Subject != s.ID || r.Object != o.ID:
			c.problem("edge %s names its ends %s, %s; they are %s, %s", r.ID, r.Subject, r.Object, s.ID, o.ID)
		case r.ID != relationID(s.ID, r.Lemma, o.ID):
			c.problem("edge %s has not the id of its ends and lemma", r.ID)
		}
		for _, key := range [][]byte{relationIDKey(r.ID), relTripleKey(r.SubjectUID, r.ObjectUID, r.Lemma)} {
			if u, err := getUID(c.txn, key); err != nil || u != r.UID {
				c.problem("key %x of edge %s finds %d (%v)", key, r.ID, u, err)
			}
		}
		return true, nil
	})
}
