package graph

// The edges of an actor merged into another (merge.go): an edge the other
// already has (same other end and lemma) takes its evidence, any other
// edge moves to the new end. No article names both actors (namedApart), so
// no edge joins the two and no article supports both of two edges joined.

import (
	"encoding/binary"
	"errors"
	"slices"

	"github.com/dgraph-io/badger/v4"
)

// relations moves or merges every edge of from.
func (mg *merger) relations() error {
	rels, err := edgesOf(mg.ctx, mg.txn, mg.from)
	if err != nil {
		return err
	}
	for _, uid := range rels {
		if err := mg.relation(uid); err != nil {
			return err
		}
	}
	return nil
}

// relation moves, merges or drops one edge of from.
func (mg *merger) relation(uid uint64) error {
	r, err := getRelation(mg.txn, uid)
	if err != nil {
		return err
	}
	s, o := r.SubjectUID, r.ObjectUID
	if s == mg.from {
		s = mg.into
	}
	if o == mg.from {
		o = mg.into
	}
	ev, err := mg.evidence(r.UID)
	if err != nil {
		return err
	}
	if s == o {
		return errNamedApart
	}
	switch t, err := getUID(mg.txn, relTripleKey(s, o, r.Lemma)); {
	case err == nil:
		return mg.joinRelation(r, t, ev)
	case !errors.Is(err, errNoKey):
		return err
	}
	return mg.moveRelation(r, s, o)
}

// evidenceRow is one evidence row of an edge.
type evidenceRow struct {
	seq   uint64
	n     uint32
	key   []byte
	value []byte
}

// evidence reads the evidence rows of edge rel.
func (mg *merger) evidence(rel uint64) ([]evidenceRow, error) {
	var out []evidenceRow
	err := scan(mg.ctx, mg.txn, evidencePrefix(rel), nil, func(k []byte, it *badger.Item) (bool, error) {
		v, err := valueCopy(it)
		out = append(out, evidenceRow{evidenceKeySeq(k), binary.BigEndian.Uint32(k[len(k)-4:]), k, v})
		return err == nil, err
	})
	return out, err
}

// seqsOf are the articles of the rows, each once.
func seqsOf(ev []evidenceRow) []uint64 {
	var out []uint64
	for _, e := range ev {
		out = append(out, e.seq)
	}
	return slices.Compact(out)
}

// removeRelationRows deletes the record, keys and index rows of r and its
// articles' rows, which no longer name it.
func (mg *merger) removeRelationRows(r *relationRec, ev []evidenceRow) error {
	if err := putRelIndex(mg.txn, r.index(), nil); err != nil {
		return err
	}
	keys := [][]byte{relationKey(r.UID), relTripleKey(r.SubjectUID, r.ObjectUID, r.Lemma), relationIDKey(r.ID)}
	for _, e := range ev {
		keys = append(keys, e.key)
	}
	for _, seq := range seqsOf(ev) {
		keys = append(keys, articleRelKey(seq, r.UID))
	}
	mg.m.Relations--
	return deleteKeys(mg.txn, keys...)
}

// moveRelation gives edge r the ends s and o and the id that follows.
func (mg *merger) moveRelation(r *relationRec, s, o uint64) error {
	old := r.index()
	if err := deleteKeys(mg.txn, relTripleKey(r.SubjectUID, r.ObjectUID, r.Lemma), relationIDKey(r.ID)); err != nil {
		return err
	}
	into, err := getEntity(mg.txn, mg.into)
	if err != nil {
		return err
	}
	if r.SubjectUID == mg.from {
		r.Subject = into.ID
	}
	if r.ObjectUID == mg.from {
		r.Object = into.ID
	}
	r.SubjectUID, r.ObjectUID = s, o
	r.ID = relationID(r.Subject, r.Lemma, r.Object)
	if err := mg.txn.Set(relTripleKey(s, o, r.Lemma), uidValue(r.UID)); err != nil {
		return err
	}
	if err := mg.txn.Set(relationIDKey(r.ID), uidValue(r.UID)); err != nil {
		return err
	}
	if err := mg.setRelation(r); err != nil {
		return err
	}
	return putRelIndex(mg.txn, old, r.index())
}

func (mg *merger) setRelation(r *relationRec) error {
	b, err := marshalValue(r)
	if err != nil {
		return err
	}
	return mg.txn.Set(relationKey(r.UID), b)
}

// joinRelation adds edge r to edge t, which has the ends r gets: its
// evidence, weight, labels and articles, and its entries in the articles'
// contributions.
func (mg *merger) joinRelation(r *relationRec, tUID uint64, ev []evidenceRow) error {
	t, err := getRelation(mg.txn, tUID)
	if err != nil {
		return err
	}
	old := t.index()
	for _, e := range ev {
		switch _, err := mg.txn.Get(evidenceKey(t.UID, e.seq, e.n)); {
		case err == nil:
			return errNamedApart
		case !errors.Is(err, errNoKey):
			return err
		}
		if err := mg.txn.Set(evidenceKey(t.UID, e.seq, e.n), e.value); err != nil {
			return err
		}
	}
	for _, seq := range seqsOf(ev) {
		t.Articles++
		if err := mg.txn.Set(articleRelKey(seq, t.UID), nil); err != nil {
			return err
		}
		c, err := mg.contribution(seq)
		if err != nil {
			return err
		}
		c.Relations = renumber(c.Relations, r.UID, t.UID, func(rc *relationContribution) *uint64 { return &rc.UID })
	}
	mergeRelationRec(t, r)
	if t.Kind == "" {
		t.Kind = r.Kind
	}
	if err := mg.joinKind(t); err != nil {
		return err
	}
	if err := mg.removeRelationRows(r, ev); err != nil {
		return err
	}
	if err := mg.setRelation(t); err != nil {
		return err
	}
	return putRelIndex(mg.txn, old, t.index())
}

// mergeRelationRec adds what r aggregates to t.
func mergeRelationRec(t, r *relationRec) {
	t.Weight += r.Weight
	if t.Labels == nil {
		t.Labels = map[string]int{}
	}
	for l, n := range r.Labels {
		t.Labels[l] += n
	}
	t.Confidence = max(t.Confidence, r.Confidence)
	if r.FirstSeen != "" && (t.FirstSeen == "" || r.FirstSeen < t.FirstSeen) {
		t.FirstSeen = r.FirstSeen
	}
	if r.LastSeen > t.LastSeen {
		t.LastSeen = r.LastSeen
	}
}

// joinKind gives joined edge t the kind of the earliest article (by seq)
// of either edge that gives one, as ingest in stored order and delete's
// recompute give it, and marks that article alone as the one that set it
// (KindSet): keeping t's kind made the merged edge's kind depend on which
// actor had been stored first. With no article's kind recorded (records
// from before kinds were), t keeps the kind it has.
func (mg *merger) joinKind(t *relationRec) error {
	ev, err := mg.evidence(t.UID)
	if err != nil {
		return err
	}
	kind := ""
	for _, seq := range seqsOf(ev) {
		c, err := mg.contribution(seq)
		if err != nil {
			return err
		}
		for i := range c.Relations {
			rc := &c.Relations[i]
			if rc.UID != t.UID {
				continue
			}
			rc.KindSet = kind == "" && rc.Kind != ""
			if rc.KindSet {
				kind = rc.Kind
			}
		}
	}
	if kind != "" {
		t.Kind = kind
	}
	return nil
}
