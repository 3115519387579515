package graph

// Which of the ids and names given to one actor it is known by, chosen so
// that the same articles give the same ids and names in any ingest order.
// An actor first stored under one extractor id may later be joined by an
// article that calls it by another (agency:congress, agency:us:congress);
// the actor then takes the better of the two by a fixed order (preferID),
// not the one that came first. Its earlier id keeps resolving to it, and its
// relations' ids, derived from their ends' ids, are re-derived with it.

import (
	"strings"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"
)

// preferID reports whether id a is a better public id than b: scoped to a
// country (agency:us:congress over agency:congress), then more specific
// (more words), then first in byte order.
func preferID(a, b string) bool {
	if ca, cb := strings.Count(a, ":"), strings.Count(b, ":"); ca != cb {
		return ca > cb
	}
	if wa, wb := strings.Count(a, "-"), strings.Count(b, "-"); wa != wb {
		return wa > wb
	}
	return a < b
}

// preferName reports whether name a is a better canonical name than b for
// one id: the fuller spelling, then first in byte order.
func preferName(a, b string) bool {
	if na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b); na != nb {
		return na > nb
	}
	return a < b
}

// prefer lets the stored actor st take the id and name the article gives it
// (id, name) when they are better ones. A rename is done only when no other
// actor holds the id.
func (in *ingest) prefer(st *entState, id, name string) error {
	r := st.rec
	name = strings.TrimSpace(name)
	switch {
	case id == r.ID:
		if name != "" && name != r.Name && preferName(name, r.Name) {
			r.setName(name)
		}
		return nil
	case !preferID(id, r.ID):
		return nil
	}
	switch uid, err := getUID(in.txn, entityIDKey(id)); {
	case err == nil && uid != r.UID:
		return nil
	case err != nil && err != errNoKey:
		return err
	}
	if st.formerID == "" {
		st.formerID = r.ID
	}
	r.ID = id
	if name != "" {
		r.setName(name)
	}
	return nil
}

// renameRelations re-derives the ids of the stored relations of the actors
// this article renamed. The former relation ids keep resolving.
func (in *ingest) renameRelations() error {
	for uid, st := range in.ents {
		if st.formerID == "" {
			continue
		}
		if err := in.txn.Set(entityIDKey(st.rec.ID), uidValue(uid)); err != nil {
			return err
		}
		for _, prefix := range [][]byte{outPrefix(uid), inPrefix(uid)} {
			var rels []uint64
			err := scan(in.ctx, in.txn, prefix, nil, func(k []byte, _ *badger.Item) (bool, error) {
				rels = append(rels, rankPosUID(k))
				return true, nil
			})
			if err != nil {
				return err
			}
			for _, rel := range rels {
				if err := in.renameRelation(rel); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// renameRelation sets a stored relation's end ids from its actors' current
// ids and derives its id again.
func (in *ingest) renameRelation(uid uint64) error {
	rec, err := getRelation(in.txn, uid)
	if err != nil {
		return err
	}
	if st := in.ents[rec.SubjectUID]; st != nil {
		rec.Subject = st.rec.ID
	}
	if st := in.ents[rec.ObjectUID]; st != nil {
		rec.Object = st.rec.ID
	}
	id := relationID(rec.Subject, rec.Lemma, rec.Object)
	if id != rec.ID {
		switch _, err := in.txn.Get(relationIDKey(id)); {
		case err == errNoKey:
			if err := in.txn.Set(relationIDKey(id), uidValue(uid)); err != nil {
				return err
			}
			rec.ID = id
		case err != nil:
			return err
		}
	}
	return in.setJSON(relationKey(uid), rec)
}
