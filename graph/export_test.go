package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/dgraph-io/badger/v4"
)

// Dump returns every key and value of the store, for tests that compare
// whole stores. The last-id counters of meta are left out: a store that
// had an article and lost it has handed out ids a fresh store has not.
func Dump(s *Store) (map[string]string, error) {
	out := map[string]string{}
	err := eachRow(s, func(_ *badger.Txn, k, v []byte) error {
		if k[0] == pMeta {
			var m meta
			if err := json.Unmarshal(v, &m); err != nil {
				return err
			}
			m.LastArticle, m.LastEntity, m.LastRelation = 0, 0, 0
			var err error
			if v, err = json.Marshal(m); err != nil {
				return err
			}
		}
		out[fmt.Sprintf("%x", k)] = string(v)
		return nil
	})
	return out, err
}

// eachRow calls fn with every key and value of the store, in key order.
func eachRow(s *Store, fn func(txn *badger.Txn, k, v []byte) error) error {
	return s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			if err := fn(txn, it.Item().KeyCopy(nil), v); err != nil {
				return err
			}
		}
		return nil
	})
}

// Snapshot returns what the store holds keyed by public ids, without the
// internal ids and positions a store hands out in ingest order: for tests
// that compare stores built in different orders.
func Snapshot(s *Store) (map[string]string, error) {
	out := map[string]string{}
	put := func(k string, v any) error {
		b, err := json.Marshal(v)
		out[k] = string(b)
		return err
	}
	err := eachRow(s, func(txn *badger.Txn, k, v []byte) error { return snapshotRow(txn, k, v, put) })
	return out, err
}

func snapshotRow(txn *badger.Txn, k, v []byte, put func(string, any) error) error {
	entityID := func(uid uint64) string {
		r, err := getEntity(txn, uid)
		if err != nil {
			return fmt.Sprintf("missing entity %d", uid)
		}
		return r.ID
	}
	articleID := func(seq uint64) string {
		item, err := txn.Get(articleSeqKey(seq))
		if err != nil {
			return fmt.Sprintf("missing article %d", seq)
		}
		b, _ := item.ValueCopy(nil)
		return string(b)
	}
	switch k[0] {
	case pMeta:
		var m meta
		if err := json.Unmarshal(v, &m); err != nil {
			return err
		}
		m.LastArticle, m.LastEntity, m.LastRelation = 0, 0, 0
		return put("meta", m)
	case pArticle:
		var a articleRec
		if err := json.Unmarshal(v, &a); err != nil {
			return err
		}
		a.Seq = 0
		return put("article "+a.ID, a)
	case pArticleEnt:
		return put("mentions "+articleID(uidAt(k, 1))+" "+entityID(uidAt(k, 9)), string(v))
	case pArticleRel:
		return put("article relation "+articleID(uidAt(k, 1))+" "+fmt.Sprint(relationIDOf(txn, uidAt(k, 9))), "")
	case pEntity:
		var r entityRec
		if err := decodeEntity(v, &r); err != nil {
			return err
		}
		r.UID = 0
		return put("entity "+r.ID, r)
	case pEntityID:
		uid, _ := decodeUID(v)
		return put("entity id "+string(k[1:]), entityID(uid))
	case pName:
		return put("name "+string(k[1:len(k)-9])+" "+entityID(nameKeyUID(k)), "")
	case pEntityArt:
		return put("entity article "+entityID(uidAt(k, 1))+" "+articleID(entityArtSeq(k)), "")
	case pNameRef:
		n, _ := decodeUID(v)
		return put("name count "+entityID(uidAt(k, 1))+" "+string(k[9:]), n)
	case pRelation:
		var r relationRec
		if err := decodeRelation(v, &r); err != nil {
			return err
		}
		r.UID, r.SubjectUID, r.ObjectUID = 0, 0, 0
		return put("relation "+r.ID, r)
	case pEvidence:
		return put(fmt.Sprintf("evidence %s %s %d", relationIDOf(txn, uidAt(k, 1)), articleID(uidAt(k, 9)), uint32(uidAt(k, len(k)-8))), string(v))
	case pOut, pIn:
		return put(fmt.Sprintf("edge %x %s %s %d", k[0], entityID(uidAt(k, 1)), relationIDOf(txn, rankPosUID(k)), rankPosCount(k)), "")
	case pEntityRank:
		return put(fmt.Sprintf("entity rank %d %s %d", k[1], entityID(rankPosUID(k)), rankPosCount(k)), "")
	case pRelRank:
		return put(fmt.Sprintf("relation rank %s %d", relationIDOf(txn, rankPosUID(k)), rankPosCount(k)), "")
	case pRelLabel:
		return put(fmt.Sprintf("relation label %q %s %d", k[1:len(k)-17], relationIDOf(txn, rankPosUID(k)), rankPosCount(k)), v)
	case pRelKind:
		return put(fmt.Sprintf("relation kind %d %s %d", k[1], relationIDOf(txn, rankPosUID(k)), rankPosCount(k)), "")
	case pRelCount:
		n, _ := decodeUID(v)
		return put(fmt.Sprintf("relation count %d %q", k[1], k[2:]), n)
	case pEvent:
		var r eventRec
		if err := decodeEvent(v, &r); err != nil {
			return err
		}
		seq, n := eventKeyPos(k)
		r.SubjectUID = 0
		return put(fmt.Sprintf("event %s %d", articleID(seq), n), r)
	case pEventSubj:
		return put(fmt.Sprintf("event subject %s %s", entityID(uidAt(k, 1)), eventRowName(k[9], k[10:], articleID)), string(v))
	case pEventLabel:
		sep := bytes.IndexByte(k, nameSep)
		return put(fmt.Sprintf("event label %q %s", k[1:sep], eventRowName(k[sep+1], k[sep+2:], articleID)), string(v))
	case pEventAll:
		return put("event row "+eventRowName(k[1], k[2:], articleID), string(v))
	case pEventCount:
		n, _ := decodeUID(v)
		rest := k[10:]
		sep := bytes.IndexByte(rest, nameSep)
		subj := ""
		if uid := uidAt(k, 2); uid != 0 {
			subj = entityID(uid)
		}
		return put(fmt.Sprintf("event count %d %s %q %q", k[1], subj, rest[:sep], rest[sep+1:]), n)
	}
	return nil // the rest holds internal ids only, or is checked through the rows above
}

// eventRowName names an event index row's order and event by article id,
// without the seq in its position.
func eventRowName(order byte, pos []byte, articleID func(uint64) string) string {
	seq, n := eventKeyPos(eventKeyAt(order, pos))
	return fmt.Sprintf("%d %x %s %d", order, pos[:len(pos)-12], articleID(seq), n)
}

func relationIDOf(txn *badger.Txn, uid uint64) string {
	r, err := getRelation(txn, uid)
	if err != nil {
		return fmt.Sprintf("missing relation %d", uid)
	}
	return r.ID
}

// ForgetContributions deletes what ingest records for deletion and
// re-extraction (0x14, 0x15, 0x25), making s a store written by a newsgraph
// from before them.
func ForgetContributions(s *Store) error {
	return s.db.DropPrefix([]byte{pArticleUndo}, []byte{pExtractor}, []byte{pNameRef})
}

// MakeFormat2 turns st into a store as format 2 wrote it: no proposals
// (0x26), version 2 in meta.
func MakeFormat2(st *Store) error {
	if err := st.db.DropPrefix([]byte{pProposal}); err != nil {
		return err
	}
	return st.db.Update(func(txn *badger.Txn) error {
		m, err := getMeta(txn)
		if err != nil {
			return err
		}
		m.Version = 2
		b, err := json.Marshal(m)
		if err != nil {
			return err
		}
		return txn.Set(metaKey(), b)
	})
}

// Proposals counts the proposal rows (0x26).
func Proposals(st *Store) (int, error) {
	n := 0
	err := eachRow(st, func(_ *badger.Txn, k, _ []byte) error {
		if k[0] == pProposal {
			n++
		}
		return nil
	})
	return n, err
}

// PointID points the id key of id at the actor that id2 finds, as a store
// whose id keys went wrong would: for tests of Check.
func PointID(st *Store, id, id2 string) error {
	return st.db.Update(func(txn *badger.Txn) error {
		uid, err := getUID(txn, entityIDKey(id2))
		if err != nil {
			return err
		}
		return txn.Set(entityIDKey(id), uidValue(uid))
	})
}

// AddStaleRank adds a rank row for actor id at a mention count it does not
// have, as a write that forgot to delete the old row would: for tests of
// Check.
func AddStaleRank(st *Store, id string) error {
	return st.db.Update(func(txn *badger.Txn) error {
		uid, err := getUID(txn, entityIDKey(id))
		if err != nil {
			return err
		}
		r, err := getEntity(txn, uid)
		if err != nil {
			return err
		}
		return txn.Set(entityRankKey(allTypesByte, r.Mentions+7, uid), nil)
	})
}

// DropOutRows deletes the out-edge rows (0x32) of actor id, as a write
// that forgot them would: for tests of Check.
func DropOutRows(st *Store, id string) error {
	return st.db.Update(func(txn *badger.Txn) error {
		uid, err := getUID(txn, entityIDKey(id))
		if err != nil {
			return err
		}
		var keys [][]byte
		err = scan(context.Background(), txn, key(pOut, u64(uid)), nil, func(k []byte, _ *badger.Item) (bool, error) {
			keys = append(keys, slices.Clone(k))
			return true, nil
		})
		if err != nil {
			return err
		}
		return deleteKeys(txn, keys...)
	})
}
