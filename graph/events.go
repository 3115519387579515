package graph

// Events of one actor (newsgraph.Event): what an actor did or said that
// names no second actor. They are not aggregated like relations: each is
// kept as the article stated it, under the article's seq (0x40), with an
// index by actor (0x41) and by predicate (0x42), so deleting or replacing
// the article takes them out with a prefix scan (removeArticle).

import (
	"context"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"newsgraph"
)

// Event is one event as stored: the extractor's Event with the store's id
// of its subject and its article's date.
type Event struct {
	// ID names the event by its article and place in it ("event:ID:3").
	ID string
	// Subject is the store's id of the actor.
	Subject    string
	Predicate  string
	Lemma      string
	Kind       newsgraph.RelationKind
	ObjectText string
	// ObjectStart and ObjectEnd are byte offsets of ObjectText in the
	// article's text.
	ObjectStart, ObjectEnd int
	Modality               newsgraph.Modality
	Pattern                string
	// Date is the article's PublishedAt as ParseDate gives it; "" when it
	// had none.
	Date     string
	Evidence newsgraph.Evidence
}

// eventRec is the stored record of an event (codec.go): the extraction's
// event, its subject's uid and its article's date.
type eventRec struct {
	SubjectUID uint64
	Date       string
	newsgraph.Event
}

// subjectID is the current id of the event's subject, which the record
// holds by uid.
func subjectID(txn *badger.Txn, r *eventRec) (string, error) {
	ent, err := getEntity(txn, r.SubjectUID)
	if err != nil {
		return "", fmt.Errorf("graph: subject %d of an event: %w", r.SubjectUID, err)
	}
	return ent.ID, nil
}

func (r *eventRec) event(n uint32) *Event {
	return &Event{
		ID: fmt.Sprintf("event:%s:%d", r.Evidence.ArticleID, n), Subject: r.Subject,
		Predicate: r.Predicate, Lemma: r.Lemma, Kind: r.Kind, ObjectText: r.ObjectText,
		ObjectStart: r.ObjectStart, ObjectEnd: r.ObjectEnd, Modality: r.Modality, Pattern: r.Pattern,
		Date: r.Date, Evidence: r.Evidence,
	}
}

// labels are the normalised forms the predicate index holds the event
// under: its lemma and its predicate, once each.
func (r *eventRec) labels() []string {
	l, p := normPredicate(r.Lemma), normPredicate(r.Predicate)
	switch {
	case l == p || p == "":
		return []string{l}
	case l == "":
		return []string{p}
	}
	return []string{l, p}
}

// addEvents stores the extraction's events under the article's seq; the
// actors are resolved already.
func (in *ingest) addEvents() error {
	date, _ := newsgraph.ParseDate(in.a.PublishedAt)
	for i, e := range in.ex.Events {
		if err := in.ctx.Err(); err != nil {
			return err
		}
		uid := in.byExtID[e.Subject]
		st := in.ents[uid]
		if st == nil {
			return fmt.Errorf("event %d: subject %q not resolved", i, e.Subject)
		}
		rec := &eventRec{SubjectUID: uid, Date: date, Event: e}
		rec.Subject = st.rec.ID
		rec.Evidence.ArticleID = in.a.ID
		n := uint32(i)
		if err := in.setValue(eventKey(in.seq, n), rec); err != nil {
			return err
		}
		if err := in.txn.Set(eventSubjKey(uid, in.seq, n), nil); err != nil {
			return err
		}
		for _, l := range rec.labels() {
			if err := in.txn.Set(eventLabelKey(l, in.seq, n), nil); err != nil {
				return err
			}
		}
	}
	in.m.Events += len(in.ex.Events)
	in.res.Events = len(in.ex.Events)
	return nil
}

// removeEvents deletes the events of article seq and their index rows,
// and returns how many there were.
func removeEvents(ctx context.Context, txn *badger.Txn, seq uint64) (int, error) {
	var keys [][]byte
	events := 0
	err := scan(ctx, txn, articleEventPrefix(seq), nil, func(k []byte, it *badger.Item) (bool, error) {
		rec, err := itemEvent(it)
		if err != nil {
			return false, err
		}
		events++
		seq, n := eventKeyPos(k)
		keys = append(keys, k, eventSubjKey(rec.SubjectUID, seq, n))
		for _, l := range rec.labels() {
			keys = append(keys, eventLabelKey(l, seq, n))
		}
		return true, nil
	})
	if err != nil {
		return 0, err
	}
	return events, deleteKeys(txn, keys...)
}

func itemEvent(it *badger.Item) (*eventRec, error) {
	b, err := valueCopy(it)
	if err != nil {
		return nil, err
	}
	rec := &eventRec{}
	if err := decodeEvent(b, rec); err != nil {
		return nil, fmt.Errorf("graph: event at key %x: %w", it.Key(), err)
	}
	return rec, nil
}

// EventFilter narrows Events; zero fields do not filter.
type EventFilter struct {
	Subject string // entity id
	// Predicate matches the event's lemma or predicate, normalised.
	Predicate string
	Kind      newsgraph.RelationKind
	// Window keeps the events of articles dated inside it.
	Window Window
}

// keeps reports whether f keeps the event rec.
func (f EventFilter) keeps(rec *eventRec) bool {
	if f.Kind != "" && rec.Kind != f.Kind {
		return false
	}
	if p := normPredicate(f.Predicate); p != "" && normPredicate(rec.Lemma) != p && normPredicate(rec.Predicate) != p {
		return false
	}
	return f.Window.contains(rec.Date)
}

// Events pages through the events f selects in stored order, oldest
// article first. An unknown subject gives ErrNotFound. Cursors keep their
// place across ingests. TotalCount reads every event the index holds for
// the subject or predicate (all events without either), unless p.NoCount.
func (s *Store) Events(ctx context.Context, f EventFilter, p PageArgs) (*Page[*Event], error) {
	after, err := decodeCursor(cursorEvent, p.After, eventPosSize)
	if err != nil {
		return nil, fmt.Errorf("graph.Events: %w", err)
	}
	page := &Page[*Event]{}
	err = s.view(ctx, func(txn *badger.Txn) error {
		prefix, err := eventsPrefix(txn, f)
		if err != nil {
			return err
		}
		return eventPage(ctx, txn, prefix, f, after, p, page)
	})
	if err != nil {
		return nil, fmt.Errorf("graph.Events: %w", notFound(err))
	}
	return page, nil
}

// eventsPrefix is the index an event query scans: the subject's, the
// predicate's, or all events.
func eventsPrefix(txn *badger.Txn, f EventFilter) ([]byte, error) {
	switch {
	case f.Subject != "":
		uid, err := entityUID(txn, f.Subject)
		if err != nil {
			return nil, err
		}
		return eventSubjPrefix(uid), nil
	case normPredicate(f.Predicate) != "":
		return eventLabelPrefix(normPredicate(f.Predicate)), nil
	}
	return eventPrefix(), nil
}

// eventPage fills page from the index rows under prefix after the sort
// position after.
func eventPage(ctx context.Context, txn *badger.Txn, prefix []byte, f EventFilter, after []byte, p PageArgs, page *Page[*Event]) error {
	n := p.size()
	count := !p.NoCount
	start := seekAfter(prefix, after)
	if count {
		start = nil
	}
	total := 0
	err := scan(ctx, txn, prefix, start, func(k []byte, it *badger.Item) (bool, error) {
		pos := k[len(k)-eventPosSize:]
		before := after != nil && string(pos) <= string(after)
		if !before && len(page.Edges) == n && !count {
			page.HasNextPage = true
			return false, nil
		}
		rec, err := eventAt(txn, k, it)
		if err != nil || !f.keeps(rec) {
			return err == nil, err
		}
		total++
		switch {
		case before:
		case len(page.Edges) < n:
			if rec.Subject, err = subjectID(txn, rec); err != nil {
				return false, err
			}
			_, i := eventKeyPos(k)
			page.add(encodeCursor(cursorEvent, pos), rec.event(i))
		default:
			page.HasNextPage = true
		}
		return true, nil
	})
	page.TotalCount = total
	if !count {
		page.TotalCount = -1
	}
	return err
}

// eventAt reads the event an index row k points at (k itself for 0x40).
func eventAt(txn *badger.Txn, k []byte, it *badger.Item) (*eventRec, error) {
	if k[0] == pEvent {
		return itemEvent(it)
	}
	item, err := txn.Get(eventKeyAt(k))
	if err != nil {
		return nil, fmt.Errorf("graph: event index row %x without its event: %w", k, err)
	}
	return itemEvent(item)
}
