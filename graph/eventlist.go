package graph

import (
	"bytes"
	"context"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// eventPlan says how to answer an event list: which index to scan in which
// order, what a row must hold to match, and the count of matches.
type eventPlan struct {
	order  byte
	prefix []byte // nil: nothing can match
	kind   byte
	w      Window
	// also is the other index a row must be in too (for an actor and a
	// predicate, the one not scanned); nil for none.
	also  func(pos []byte) []byte
	total int
}

// planEvents picks the index for f: the actor's or the predicate's (when
// both are given, the one with fewer events; the other is checked by a
// point read), else all events. It reads the total from the counts when
// count is set (else total is -1).
func planEvents(ctx context.Context, txn *badger.Txn, f EventFilter, order byte, count bool) (*eventPlan, error) {
	plan := &eventPlan{order: order, w: f.Window, total: -1}
	kind, ok := kindByteOf(f.Kind)
	if !ok {
		plan.total = 0 // no event has a kind outside the enum
		return plan, nil
	}
	plan.kind = kind
	var subj uint64
	if f.Subject != "" {
		uid, err := entityUID(txn, f.Subject)
		if err != nil {
			return nil, err
		}
		subj = uid
	}
	label := indexLabel(f.Predicate)
	if count {
		n, err := countEvents(ctx, txn, kind, subj, label, f.Window)
		if err != nil {
			return nil, err
		}
		plan.total = n
	}
	bySubj := func(pos []byte) []byte { return eventSubjKey(subj, order, pos) }
	byLabel := func(pos []byte) []byte { return eventLabelKey(label, order, pos) }
	switch {
	case subj != 0 && label != "":
		fewer, err := subjectHasFewer(txn, subj, label)
		if err != nil {
			return nil, err
		}
		if fewer {
			plan.prefix, plan.also = eventSubjPrefix(subj, order), byLabel
		} else {
			plan.prefix, plan.also = eventLabelPrefix(label, order), bySubj
		}
	case subj != 0:
		plan.prefix = eventSubjPrefix(subj, order)
	case label != "":
		plan.prefix = eventLabelPrefix(label, order)
	default:
		plan.prefix = eventAllPrefix(order)
	}
	return plan, nil
}

// subjectHasFewer reports whether actor subj has fewer events than the
// predicate label has.
func subjectHasFewer(txn *badger.Txn, subj uint64, label string) (bool, error) {
	s, err := getCount(txn, eventCountKey(allTypesByte, subj, "", ""))
	if err != nil {
		return false, err
	}
	l, err := getCount(txn, eventCountKey(allTypesByte, 0, label, ""))
	return s <= l, err
}

// start is where the scan for the page after the sort position after
// begins: past after, and in newest-first order past the events newer
// than the window.
func (p *eventPlan) start(after []byte) []byte {
	start := seekAfter(p.prefix, after)
	if p.order == eventNewest && p.w.Until != "" {
		from := append(append([]byte{}, p.prefix...), eventNewestFrom(p.w.Until)...)
		if bytes.Compare(from, start) > 0 {
			start = from
		}
	}
	return start
}

// page fills page with the n events after the sort position after.
func (p *eventPlan) page(ctx context.Context, txn *badger.Txn, after []byte, n int, page *Page[*Event]) error {
	if p.prefix == nil {
		return nil
	}
	return scan(ctx, txn, p.prefix, p.start(after), func(k []byte, it *badger.Item) (bool, error) {
		pos := sortPos(p.prefix, k)
		if after != nil && bytes.Compare(pos, after) <= 0 {
			return true, nil
		}
		kind, date, err := eventRowValue(it)
		if err != nil {
			return false, err
		}
		if p.order == eventNewest && p.w.Since != "" && (len(date) < 10 || date[:10] < p.w.Since) {
			return false, nil // the rest is older still
		}
		if keep, err := p.keeps(txn, pos, kind, date); err != nil || !keep {
			return err == nil, err
		}
		if len(page.Edges) == n {
			page.HasNextPage = true
			return false, nil
		}
		e, err := p.event(txn, pos)
		if err != nil {
			return false, err
		}
		page.add(encodeCursor(eventCursor(p.order), pos), e)
		return true, nil
	})
}

// keeps reports whether the event at pos, of that kind and date, matches.
func (p *eventPlan) keeps(txn *badger.Txn, pos []byte, kind byte, date string) (bool, error) {
	if (p.kind != allTypesByte && kind != p.kind) || !p.w.contains(date) {
		return false, nil
	}
	if p.also == nil {
		return true, nil
	}
	return hasRow(txn, p.also(pos), allTypesByte)
}

// event reads the event at pos, with its subject's current id.
func (p *eventPlan) event(txn *badger.Txn, pos []byte) (*Event, error) {
	k := eventKeyAt(p.order, pos)
	item, err := txn.Get(k)
	if err != nil {
		return nil, fmt.Errorf("%w: event index row without its event %x: %v", ErrCorrupt, k, err)
	}
	rec, err := itemEvent(item)
	if err != nil {
		return nil, err
	}
	if rec.Subject, err = subjectID(txn, rec); err != nil {
		return nil, err
	}
	_, i := eventKeyPos(k)
	return rec.event(i), nil
}
