package graph

// Events of one actor (newsgraph.Event): what an actor did or said that
// names no second actor. They are not aggregated like relations: each is
// kept as the article stated it, under the article's seq (0x40), so
// deleting or replacing the article finds them with a prefix scan
// (removeArticle). Their index rows by actor, predicate and for all, in
// three orders, and their counts are eventindex.go's; the lists read from
// them are eventlist.go's.

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

// labels are the forms the predicate index holds the event under: its
// lemma and its predicate (indexLabel's form), once each.
func (r *eventRec) labels() []string {
	l, p := indexLabel(r.Lemma), indexLabel(r.Predicate)
	switch {
	case l == p || p == "":
		return []string{l}
	case l == "":
		return []string{p}
	}
	return []string{l, p}
}

// addEvents stores the extraction's events under the article's seq with
// their index rows and counts (eventindex.go); the actors are resolved
// already.
func (in *ingest) addEvents() error {
	date, _ := newsgraph.ParseDate(in.a.PublishedAt)
	counts := eventCounts{}
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
		ix := rec.index(in.seq, n)
		if err := ix.put(in.txn); err != nil {
			return err
		}
		counts.add(ix, 1)
	}
	in.m.Events += len(in.ex.Events)
	in.res.Events = len(in.ex.Events)
	return counts.apply(in.txn)
}

// removeEvents deletes the events of article seq with their index rows and
// counts, and returns how many there were.
func removeEvents(ctx context.Context, txn *badger.Txn, seq uint64) (int, error) {
	var keys [][]byte
	events := 0
	counts := eventCounts{}
	err := scan(ctx, txn, articleEventPrefix(seq), nil, func(k []byte, it *badger.Item) (bool, error) {
		rec, err := itemEvent(it)
		if err != nil {
			return false, err
		}
		events++
		ix := rec.index(eventKeyPos(k))
		keys = append(append(keys, k), ix.rows()...)
		counts.add(ix, -1)
		return true, nil
	})
	if err != nil {
		return 0, err
	}
	if err := deleteKeys(txn, keys...); err != nil {
		return 0, err
	}
	return events, counts.apply(txn)
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

// EventOrder is the order of an event list; the values are the GraphQL
// enum's.
type EventOrder string

// The orders of event lists.
const (
	// EventsStored lists events in stored order: oldest article first, an
	// article's events in its order.
	EventsStored EventOrder = "STORED"
	// EventsNewest lists the events of the newest articles first (by
	// publication date; undated last; ties: the later stored first).
	EventsNewest EventOrder = "NEWEST"
	// EventsByConfidence lists the most confident first (ties: the later
	// stored first).
	EventsByConfidence EventOrder = "CONFIDENCE"
)

// orderByte is the index order byte of o; "" is stored order.
func (o EventOrder) orderByte() (byte, error) {
	switch o {
	case "", EventsStored:
		return eventStored, nil
	case EventsNewest:
		return eventNewest, nil
	case EventsByConfidence:
		return eventConfidence, nil
	}
	return 0, fmt.Errorf("%w: event order %q", ErrBadInput, o)
}

// EventFilter narrows Events; zero fields do not filter.
type EventFilter struct {
	Subject string // entity id
	// Predicate matches the event's lemma or predicate, normalised.
	Predicate string
	Kind      newsgraph.RelationKind
	// Window keeps the events of articles dated inside it.
	Window Window
	// Order is the order of the list; "" is EventsStored.
	Order EventOrder
}

// Events pages through the events f selects in f.Order. An unknown subject
// gives ErrNotFound, an unknown order ErrBadInput. Cursors keep their place
// across ingests, and belong to one order. TotalCount is read from the
// count rows (0x44): one read, or one per day with events in f.Window; it
// is -1 when p.NoCount.
func (s *Store) Events(ctx context.Context, f EventFilter, p PageArgs) (*Page[*Event], error) {
	order, err := f.Order.orderByte()
	if err != nil {
		return nil, fmt.Errorf("graph.Events: %w", err)
	}
	after, err := decodeCursor(eventCursor(order), p.After, eventPosSize(order))
	if err != nil {
		return nil, fmt.Errorf("graph.Events: %w", err)
	}
	page := &Page[*Event]{}
	err = s.view(ctx, func(txn *badger.Txn) error {
		plan, err := planEvents(ctx, txn, f, order, !p.NoCount)
		if err != nil {
			return err
		}
		page.TotalCount = plan.total
		return plan.page(ctx, txn, after, p.size(), page)
	})
	if err != nil {
		return nil, fmt.Errorf("graph.Events: %w", notFound(err))
	}
	return page, nil
}
