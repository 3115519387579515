package graph

import (
	"context"
	"fmt"
	"sort"

	"github.com/dgraph-io/badger/v4"
)

// Interval is the width of a timeline's buckets; the values are the
// GraphQL enum's.
type Interval string

// The intervals.
const (
	Day   Interval = "DAY"
	Week  Interval = "WEEK" // Monday to Sunday
	Month Interval = "MONTH"
)

// TimelineQuery selects the evidence a timeline counts: that of the edges
// of Entity, of the edges between Subject and Object (either direction), or
// of every edge, narrowed by Predicate; inside Window.
type TimelineQuery struct {
	Entity          string
	Subject, Object string
	Predicate       string
	Interval        Interval
	Window          Window
}

// Bucket is one step of a timeline: the pieces of evidence dated from
// Start (a day, "2006-01-02") to the start of the next bucket.
type Bucket struct {
	Start string
	Count int
}

// Timeline counts the evidence q selects per interval, oldest bucket
// first; buckets without evidence are left out, and so is undated
// evidence. Around very large hubs only the heaviest edges are read, as in
// Neighbors.
func (s *Store) Timeline(ctx context.Context, q TimelineQuery) ([]Bucket, error) {
	switch q.Interval {
	case Day, Week, Month:
	case "":
		q.Interval = Month
	default:
		return nil, fmt.Errorf("graph.Timeline: %w: interval %q", ErrBadInput, q.Interval)
	}
	if (q.Subject == "") != (q.Object == "") {
		return nil, fmt.Errorf("graph.Timeline: %w: a pair needs both subject and object", ErrBadInput)
	}
	counts := map[string]int{}
	err := s.view(ctx, func(txn *badger.Txn) error {
		dates, err := s.articleDates(ctx, txn)
		if err != nil {
			return err
		}
		rels, err := timelineEdges(ctx, txn, q)
		if err != nil {
			return err
		}
		for _, rel := range rels {
			err := evidenceDates(ctx, txn, dates, rel, func(_ uint64, date string) {
				if date == "" || !q.Window.contains(date) {
					return
				}
				if start, err := bucketStart(date, q.Interval); err == nil {
					counts[start]++
				}
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph.Timeline: %w", notFound(err))
	}
	out := make([]Bucket, 0, len(counts))
	for start, n := range counts {
		out = append(out, Bucket{start, n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out, nil
}

// timelineEdges returns the uids of the edges q selects (before its window).
func timelineEdges(ctx context.Context, txn *badger.Txn, q TimelineQuery) ([]uint64, error) {
	pred := normPredicate(q.Predicate)
	var out []uint64
	add := func(rel uint64) (bool, error) {
		rec, err := getRelation(txn, rel)
		if err != nil {
			return false, err
		}
		if rec.matches(pred) {
			out = append(out, rel)
		}
		return len(out) < maxAdjacency, nil
	}
	switch {
	case q.Subject != "":
		a, err := entityUID(txn, q.Subject)
		if err != nil {
			return nil, err
		}
		b, err := entityUID(txn, q.Object)
		if err != nil {
			return nil, err
		}
		w := newWalker(ctx, txn, nil)
		defer w.close()
		err = w.each(a, Both, func(rel, other uint64, _ int) (bool, error) {
			if other != b {
				return true, nil
			}
			return add(rel)
		})
		return out, err
	case q.Entity != "":
		uid, err := entityUID(txn, q.Entity)
		if err != nil {
			return nil, err
		}
		w := newWalker(ctx, txn, nil)
		defer w.close()
		err = w.each(uid, Both, func(rel, _ uint64, _ int) (bool, error) { return add(rel) })
		return out, err
	case pred == "":
		return nil, fmt.Errorf("%w: a timeline needs an entity, a pair or a predicate", ErrBadInput)
	}
	err := scan(ctx, txn, relRankPrefix(), nil, func(k []byte, _ *badger.Item) (bool, error) { return add(rankPosUID(k)) })
	return out, err
}
