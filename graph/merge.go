package graph

// Merging two stored actors into one. An article's entity finds its actor
// by id first; when its names also join another stored actor (the one-word
// alias "Trump" of a stored "Donald Trump" and a lone-surname "Trump"
// stored before the alias came), the two are one actor, as they are in a
// store that had the articles in an order where the names met before both
// had ids. mergeActors moves everything of the second into the first:
// its articles and mentions, names and proposals, edges (mergerel.go) and
// events, and the contribution records delete.go reads, so that the store
// is the one the same articles give in any order.

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/dgraph-io/badger/v4"
)

// merger is the state of one mergeActors.
type merger struct {
	ctx        context.Context
	txn        *badger.Txn
	m          *meta
	into, from uint64
	// contribs holds the contribution records changed, by article seq,
	// written at the end.
	contribs map[uint64]*contribution
}

// errNamedApart is returned by a merge of actors an article names apart,
// which mergeBridged never asks for (namedApart).
var errNamedApart = errors.New("graph: merging actors an article names apart")

// mergeActors moves actor from into actor into inside txn, updating m, and
// gives the merged actor the id, name and country its proposals choose.
func mergeActors(ctx context.Context, txn *badger.Txn, m *meta, into, from uint64) error {
	mg := &merger{ctx: ctx, txn: txn, m: m, into: into, from: from, contribs: map[uint64]*contribution{}}
	for _, step := range []func() error{mg.relations, mg.articles, mg.entity, mg.events, mg.writeContributions} {
		if err := step(); err != nil {
			return fmt.Errorf("merging actor %d into %d: %w", from, into, err)
		}
	}
	return nil
}

// contribution reads (once) the contribution record of article seq.
func (mg *merger) contribution(seq uint64) (*contribution, error) {
	if c := mg.contribs[seq]; c != nil {
		return c, nil
	}
	c := &contribution{}
	if err := getJSON(mg.txn, articleUndoKey(seq), c); err != nil {
		return nil, err
	}
	mg.contribs[seq] = c
	return c, nil
}

func (mg *merger) writeContributions() error {
	for seq, c := range mg.contribs {
		b, err := marshalValue(c)
		if err != nil {
			return err
		}
		if err := mg.txn.Set(articleUndoKey(seq), b); err != nil {
			return err
		}
	}
	return nil
}

// articles moves the article rows of from (0x24, 0x12) to into and merges
// the actor entries of their contribution records.
func (mg *merger) articles() error {
	var seqs []uint64
	err := scan(mg.ctx, mg.txn, entityArtPrefix(mg.from), nil, func(k []byte, _ *badger.Item) (bool, error) {
		seqs = append(seqs, entityArtSeq(k))
		return true, nil
	})
	if err != nil {
		return err
	}
	for _, seq := range seqs {
		if err := mg.spans(seq); err != nil {
			return err
		}
		if err := deleteKeys(mg.txn, entityArtKey(mg.from, seq)); err != nil {
			return err
		}
		if err := mg.txn.Set(entityArtKey(mg.into, seq), nil); err != nil {
			return err
		}
		c, err := mg.contribution(seq)
		if err != nil {
			return err
		}
		c.Entities = renumber(c.Entities, mg.from, mg.into, func(e *entityContribution) *uint64 { return &e.UID })
	}
	return nil
}

// renumber gives the entries of xs with uid from the uid to, in uid order
// (where uid points into an entry).
func renumber[T any](xs []T, from, to uint64, uid func(*T) *uint64) []T {
	for i := range xs {
		if u := uid(&xs[i]); *u == from {
			*u = to
		}
	}
	slices.SortFunc(xs, func(a, b T) int { return cmpUID(*uid(&a), *uid(&b)) })
	return xs
}

// spans moves the mentions of from in article seq to into.
func (mg *merger) spans(seq uint64) error {
	switch _, err := mg.txn.Get(articleEntKey(seq, mg.into)); {
	case err == nil:
		return errNamedApart
	case !errors.Is(err, errNoKey):
		return err
	}
	item, err := mg.txn.Get(articleEntKey(seq, mg.from))
	if err != nil {
		return err
	}
	v, err := valueCopy(item)
	if err != nil {
		return err
	}
	if err := deleteKeys(mg.txn, articleEntKey(seq, mg.from)); err != nil {
		return err
	}
	return mg.txn.Set(articleEntKey(seq, mg.into), v)
}

// entity merges the records, names, proposals and id keys of from into
// into's, deletes from, and lets the proposals choose into's id.
func (mg *merger) entity() error {
	into, err := getEntity(mg.txn, mg.into)
	if err != nil {
		return err
	}
	from, err := getEntity(mg.txn, mg.from)
	if err != nil {
		return err
	}
	before := into.names()
	keys := append(entityRankKeys(into.Type, into.Mentions, into.UID), entityRankKeys(from.Type, from.Mentions, from.UID)...)
	keys = append(keys, entityKey(from.UID))
	for _, n := range from.names() {
		keys = append(keys, nameKey(n, from.UID))
	}
	if err := deleteKeys(mg.txn, keys...); err != nil {
		return err
	}
	into.Mentions += from.Mentions
	into.Articles += from.Articles
	into.mergeSector(from.Sector)
	into.addAlias(from.Name, "")
	for _, a := range from.Aliases {
		into.addAlias(a, from.AliasReasons[a])
	}
	if err := mg.moveNameCounts(); err != nil {
		return err
	}
	if err := mg.moveProposals(from); err != nil {
		return err
	}
	mg.m.Entities--
	mg.m.EntitiesByType[from.Type]--
	given := func(n string) (int, error) { return nameCount(mg.txn, into.UID, n) }
	if err := identify(mg.ctx, mg.txn, into, given); err != nil {
		return err
	}
	return mg.writeEntity(into, before)
}

// writeEntity stores the merged record with its rank and name rows.
func (mg *merger) writeEntity(r *entityRec, before []string) error {
	after := r.names()
	for _, n := range before {
		if !slices.Contains(after, n) {
			if err := mg.txn.Delete(nameKey(n, r.UID)); err != nil {
				return err
			}
		}
	}
	for _, n := range after {
		if err := mg.txn.Set(nameKey(n, r.UID), nil); err != nil {
			return err
		}
	}
	for _, k := range entityRankKeys(r.Type, r.Mentions, r.UID) {
		if err := mg.txn.Set(k, nil); err != nil {
			return err
		}
	}
	b, err := marshalValue(r)
	if err != nil {
		return err
	}
	return mg.txn.Set(entityKey(r.UID), b)
}

// moveNameCounts adds the name counts of from (0x25) to into's.
func (mg *merger) moveNameCounts() error {
	counts := map[string]int{}
	prefix := key(pNameRef, u64(mg.from))
	err := scan(mg.ctx, mg.txn, prefix, nil, func(k []byte, it *badger.Item) (bool, error) {
		n, err := itemUID(it)
		counts[string(k[len(prefix):])] = int(n)
		return err == nil, err
	})
	if err != nil {
		return err
	}
	for n, c := range counts {
		if err := mg.txn.Delete(nameRefKey(mg.from, n)); err != nil {
			return err
		}
		if err := addCount(mg.txn, nameRefKey(mg.into, n), c); err != nil {
			return err
		}
	}
	return nil
}

// moveProposals adds the proposals of from (0x26) to into's and points
// their ids at into.
func (mg *merger) moveProposals(from *entityRec) error {
	ps, err := proposals(mg.ctx, mg.txn, from.UID)
	if err != nil {
		return err
	}
	for _, p := range ps {
		n, err := getUID(mg.txn, proposalKey(from.UID, p))
		if err != nil {
			return err
		}
		if err := mg.txn.Delete(proposalKey(from.UID, p)); err != nil {
			return err
		}
		if err := addCount(mg.txn, proposalKey(mg.into, p), int(n)); err != nil {
			return err
		}
	}
	for _, id := range append(proposalIDs(ps), from.ID) {
		if err := releaseID(mg.txn, from.UID, id); err != nil {
			return err
		}
		if err := claimID(mg.txn, mg.into, id); err != nil {
			return err
		}
	}
	return nil
}

// events gives the events of from (0x40) into as their subject, with their
// index rows and counts, and the id into has now (as an ingest after the
// merge would write it).
func (mg *merger) events() error {
	into, err := getEntity(mg.txn, mg.into)
	if err != nil {
		return err
	}
	var keys [][]byte
	err = scan(mg.ctx, mg.txn, eventSubjPrefix(mg.from, eventStored), nil, func(k []byte, _ *badger.Item) (bool, error) {
		keys = append(keys, eventKeyAt(eventStored, sortPos(eventSubjPrefix(mg.from, eventStored), k)))
		return true, nil
	})
	if err != nil {
		return err
	}
	counts := eventCounts{}
	for _, k := range keys {
		it, err := mg.txn.Get(k)
		if err != nil {
			return err
		}
		rec, err := itemEvent(it)
		if err != nil {
			return err
		}
		seq, n := eventKeyPos(k)
		old := rec.index(seq, n)
		if err := deleteKeys(mg.txn, old.rows()...); err != nil {
			return err
		}
		counts.add(old, -1)
		rec.SubjectUID, rec.Subject = mg.into, into.ID
		ix := rec.index(seq, n)
		if err := ix.put(mg.txn); err != nil {
			return err
		}
		counts.add(ix, 1)
		b, err := marshalValue(rec)
		if err != nil {
			return err
		}
		if err := mg.txn.Set(k, b); err != nil {
			return err
		}
	}
	return counts.apply(mg.txn)
}

// mergeBridged merges, before the article is resolved, the stored actors
// its entities bridge: an entity whose id finds one actor and whose names
// join exactly one other (joinHit) makes them one, unless a stored article
// names the two apart (namedApart). A replay joins only what its dump
// says; an ingest whose merges do not fit in its transaction makes none
// (IngestResult.MergeTooBig).
func (in *ingest) mergeBridged() error {
	if in.joins != nil || in.noMerge {
		return nil
	}
	for i := range in.ex.Entities {
		e := &in.ex.Entities[i]
		_, into, err := in.byID(e)
		switch {
		case errors.Is(err, errNoKey):
			continue
		case err != nil:
			return err
		}
		hits, err := in.nameHits(e)
		if err != nil {
			return err
		}
		delete(hits, into)
		h, ok := joinHit(hits, e)
		if !ok || h.rec.Type != e.Type {
			continue
		}
		switch apart, err := namedApart(in.ctx, in.txn, into, h.rec.UID); {
		case err != nil:
			return err
		case apart:
			continue
		}
		in.merging = true
		if err := mergeActors(in.ctx, in.txn, in.m, into, h.rec.UID); err != nil {
			return err
		}
		in.res.MergedEntities++
	}
	return nil
}

// namedApart reports whether a stored article names actors a and b as two
// entities: the extractor kept them apart there ("Biden" beside "Joe
// Biden" and "Hunter Biden"), which ingest respects from either side
// (sharedInArticle), so a merge must too.
func namedApart(ctx context.Context, txn *badger.Txn, a, b uint64) (bool, error) {
	apart := false
	err := scan(ctx, txn, entityArtPrefix(b), nil, func(k []byte, _ *badger.Item) (bool, error) {
		switch _, err := txn.Get(entityArtKey(a, entityArtSeq(k))); {
		case err == nil:
			apart = true
			return false, nil
		case !errors.Is(err, errNoKey):
			return false, err
		}
		return true, nil
	})
	return apart, err
}
