package graph

import (
	"context"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"newsgraph"
)

// The rows that find an event: by actor (0x41), by predicate (0x42) and in
// the list of all (0x43), each in stored, newest-first and most-confident
// order, and the counts per kind, actor, predicate and day (0x44). An
// event's rows and counts are written when its article is stored and
// deleted when it goes, both from eventIndex only, so that no index drifts
// from the records (0x40).

// eventIndexOrders are the orders every event is indexed in.
var eventIndexOrders = []byte{eventStored, eventNewest, eventConfidence}

// eventIndex is what the index rows and counts of one event depend on.
type eventIndex struct {
	seq        uint64
	n          uint32
	subj       uint64
	kind       byte
	date       string
	confidence float64
	labels     []string
}

// index returns what the index rows of the event at (seq, n) depend on.
func (r *eventRec) index(seq uint64, n uint32) *eventIndex {
	return &eventIndex{seq: seq, n: n, subj: r.SubjectUID, kind: relKindByte(r.Kind), date: r.Date,
		confidence: r.Evidence.Confidence, labels: r.labels()}
}

// value is what every index row of the event holds: its kind and date, so
// that a list filters on them without reading the record.
func (ix *eventIndex) value() []byte { return append([]byte{ix.kind}, ix.date...) }

// rows are the keys of the event's index rows.
func (ix *eventIndex) rows() [][]byte {
	var out [][]byte
	for _, o := range eventIndexOrders {
		pos := eventPos(o, ix.seq, ix.n, ix.date, ix.confidence)
		out = append(out, eventAllKey(o, pos), eventSubjKey(ix.subj, o, pos))
		for _, l := range ix.labels {
			out = append(out, eventLabelKey(l, o, pos))
		}
	}
	return out
}

// put writes the event's index rows.
func (ix *eventIndex) put(txn *badger.Txn) error {
	v := ix.value()
	for _, k := range ix.rows() {
		if err := txn.Set(k, v); err != nil {
			return err
		}
	}
	return nil
}

// counts are the count rows (0x44) the event adds one to: every
// combination of its kind or any, its actor or any, each of its labels or
// any, and its day or all days.
func (ix *eventIndex) counts() []string {
	kinds, subjs, labels, days := []byte{allTypesByte}, []uint64{0}, append([]string{""}, ix.labels...), []string{""}
	if ix.kind != allTypesByte {
		kinds = append(kinds, ix.kind)
	}
	subjs = append(subjs, ix.subj)
	if len(ix.date) >= 10 {
		days = append(days, ix.date[:10])
	}
	var out []string
	for _, k := range kinds {
		for _, s := range subjs {
			for _, l := range labels {
				for _, d := range days {
					out = append(out, string(eventCountKey(k, s, l, d)))
				}
			}
		}
	}
	return out
}

// eventCounts gathers the changes to the count rows of one article's
// events, so that each row is read and written once.
type eventCounts map[string]int

func (c eventCounts) add(ix *eventIndex, d int) {
	for _, k := range ix.counts() {
		c[k] += d
	}
}

func (c eventCounts) apply(txn *badger.Txn) error {
	for _, k := range sortedKeys(c) {
		if d := c[k]; d != 0 {
			if err := addCount(txn, []byte(k), d); err != nil {
				return err
			}
		}
	}
	return nil
}

// countEvents is the number of events of kind, actor subj and label (zero
// values: any) in the window w: one read without a window, else one per
// day with such events inside it.
func countEvents(ctx context.Context, txn *badger.Txn, kind byte, subj uint64, label string, w Window) (int, error) {
	all := eventCountKey(kind, subj, label, "")
	if w.IsZero() {
		return getCount(txn, all)
	}
	total := 0
	err := scan(ctx, txn, all, append(append([]byte{}, all...), w.Since...), func(k []byte, it *badger.Item) (bool, error) {
		day := string(k[len(all):])
		if day == "" {
			return true, nil // the count of all days
		}
		if w.Until != "" && day > w.Until {
			return false, nil
		}
		n, err := itemUID(it)
		total += int(n)
		return err == nil, err
	})
	return total, err
}

// rebuildEventIndex drops the event index rows and counts and builds them
// again from the event records: the upgrade to format 4, whose stores had
// only stored-order rows without values and no counts.
func (s *Store) rebuildEventIndex(ctx context.Context) error {
	if err := s.db.DropPrefix(eventIndexPrefixes()...); err != nil {
		return err
	}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	counts := eventCounts{}
	err := s.db.View(func(txn *badger.Txn) error {
		return scan(ctx, txn, eventPrefix(), nil, func(k []byte, it *badger.Item) (bool, error) {
			rec, err := itemEvent(it)
			if err != nil {
				return false, err
			}
			ix := rec.index(eventKeyPos(k))
			v := ix.value()
			for _, r := range ix.rows() {
				if err := wb.Set(r, v); err != nil {
					return false, err
				}
			}
			counts.add(ix, 1)
			return true, nil
		})
	})
	if err != nil {
		return err
	}
	if err := setCounts(wb, counts); err != nil {
		return err
	}
	if err := wb.Flush(); err != nil {
		return fmt.Errorf("event index: %w", err)
	}
	return nil
}

// eventRowValue reads the kind and date an event index row holds.
func eventRowValue(it *badger.Item) (kind byte, date string, err error) {
	err = it.Value(func(v []byte) error {
		if len(v) == 0 {
			return fmt.Errorf("%w: event index row %x without a value", ErrCorrupt, it.Key())
		}
		kind, date = v[0], string(v[1:])
		return nil
	})
	return kind, date, err
}

// kindByteOf is the index byte of an event filter's kind; ok is false for
// a kind no event can have.
func kindByteOf(k newsgraph.RelationKind) (b byte, ok bool) {
	b = relKindByte(k)
	return b, k == "" || b != allTypesByte
}
