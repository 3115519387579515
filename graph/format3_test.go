package graph

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// MakeFormat3 turns st into a store as format 3 wrote it: its events
// indexed in stored order only, by actor (0x41 entUID seq n) and predicate
// (0x42 label 0x00 seq n), with empty values, no list of all events
// (0x43) and no counts (0x44); version 3 in meta.
func MakeFormat3(st *Store) error {
	if err := st.db.DropPrefix(eventIndexPrefixes()...); err != nil {
		return err
	}
	return st.db.Update(func(txn *badger.Txn) error {
		err := scan(context.Background(), txn, eventPrefix(), nil, func(k []byte, it *badger.Item) (bool, error) {
			rec, err := itemEvent(it)
			if err != nil {
				return false, err
			}
			pos := k[1:]
			if err := txn.Set(key(pEventSubj, u64(rec.SubjectUID), pos), nil); err != nil {
				return false, err
			}
			for _, l := range rec.labels() {
				if err := txn.Set(key(pEventLabel, []byte(l), []byte{nameSep}, pos), nil); err != nil {
					return false, err
				}
			}
			return true, nil
		})
		if err != nil {
			return err
		}
		m, err := getMeta(txn)
		if err != nil {
			return err
		}
		m.Version = 3
		b, err := json.Marshal(m)
		if err != nil {
			return err
		}
		return txn.Set(metaKey(), b)
	})
}

// EventIndexDiff recounts the event index rows and counts (0x41-0x44) from
// the event records and returns how the stored ones differ: nothing when
// they are what the records give.
func EventIndexDiff(st *Store) ([]string, error) {
	want := map[string]string{}
	counts := eventCounts{}
	got := map[string]string{}
	err := eachRow(st, func(_ *badger.Txn, k, v []byte) error {
		switch k[0] {
		case pEvent:
			rec := &eventRec{}
			if err := decodeEvent(v, rec); err != nil {
				return err
			}
			ix := rec.index(eventKeyPos(k))
			for _, r := range ix.rows() {
				want[string(r)] = string(ix.value())
			}
			counts.add(ix, 1)
		case pEventSubj, pEventLabel, pEventAll:
			got[string(k)] = string(v)
		case pEventCount:
			n, err := decodeUID(v)
			got[string(k)] = fmt.Sprint(n)
			return err
		}
		return nil
	})
	for k, n := range counts {
		want[k] = fmt.Sprint(n)
	}
	var diff []string
	for k, v := range want {
		if got[k] != v {
			diff = append(diff, fmt.Sprintf("%x = %q; want %q", k, got[k], v))
		}
	}
	for k, v := range got {
		if _, ok := want[k]; !ok {
			diff = append(diff, fmt.Sprintf("extra %x = %q", k, v))
		}
	}
	return diff, err
}

// ScanCountEvents counts the events f selects as format 3 did: by reading
// every event the actor's or the predicate's stored-order index (or the
// list of all) holds and checking it against f. For benchmarks beside
// Events, whose totalCount reads the counts.
func ScanCountEvents(st *Store, f EventFilter) (int, error) {
	total := 0
	err := st.db.View(func(txn *badger.Txn) error {
		prefix := eventPrefix()
		switch label := indexLabel(f.Predicate); {
		case f.Subject != "":
			uid, err := entityUID(txn, f.Subject)
			if err != nil {
				return err
			}
			prefix = eventSubjPrefix(uid, eventStored)
		case label != "":
			prefix = eventLabelPrefix(label, eventStored)
		}
		return scan(context.Background(), txn, prefix, nil, func(k []byte, it *badger.Item) (bool, error) {
			if k[0] != pEvent {
				item, err := txn.Get(eventKeyAt(eventStored, sortPos(prefix, k)))
				if err != nil {
					return false, err
				}
				it = item
			}
			rec, err := itemEvent(it)
			if err != nil {
				return false, err
			}
			if scanKeeps(f, rec) {
				total++
			}
			return true, nil
		})
	})
	return total, err
}

// scanKeeps is format 3's check of an event against a filter.
func scanKeeps(f EventFilter, rec *eventRec) bool {
	if f.Kind != "" && rec.Kind != f.Kind {
		return false
	}
	if p := normPredicate(f.Predicate); p != "" && normPredicate(rec.Lemma) != p && normPredicate(rec.Predicate) != p {
		return false
	}
	return f.Window.contains(rec.Date)
}
