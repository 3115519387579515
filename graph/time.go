package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/dgraph-io/badger/v4"

	"newsgraph"
)

// Window selects evidence by the publication date of its article: Since
// and Until are dates ("2006-01-02"), both inclusive; an empty one leaves
// that end open. Evidence of undated articles is outside every window but
// the zero one, which selects everything.
type Window struct{ Since, Until string }

// NewWindow parses since and until as newsgraph.ParseDate does (a
// timestamp counts for its day). It fails with ErrBadInput for a bound
// that is not a date or a window that ends before it starts.
func NewWindow(since, until string) (Window, error) {
	var w Window
	for _, b := range []struct {
		name, in string
		out      *string
	}{{"since", since, &w.Since}, {"until", until, &w.Until}} {
		if b.in == "" {
			continue
		}
		d, ok := newsgraph.ParseDate(b.in)
		if !ok {
			return Window{}, fmt.Errorf("%w: %s %q is not a date (want 2006-01-02 or RFC 3339)", ErrBadInput, b.name, b.in)
		}
		*b.out = d[:10]
	}
	if w.Since != "" && w.Until != "" && w.Until < w.Since {
		return Window{}, fmt.Errorf("%w: until %s is before since %s", ErrBadInput, w.Until, w.Since)
	}
	return w, nil
}

// IsZero reports whether w selects everything.
func (w Window) IsZero() bool { return w == Window{} }

// contains reports whether an article dated date (ParseDate's form, "" for
// none) is inside w.
func (w Window) contains(date string) bool {
	if w.IsZero() {
		return true
	}
	if len(date) < 10 {
		return false
	}
	d := date[:10]
	return (w.Since == "" || d >= w.Since) && (w.Until == "" || d <= w.Until)
}

// articleDatesKey is the derivedCache key of the article dates.
type articleDatesKey struct{}

// articleDates maps each article's seq to its date ("" when undated), read
// once per store version.
func (s *Store) articleDates(ctx context.Context, txn *badger.Txn) (map[uint64]string, error) {
	return derive(ctx, &s.derived, txn, articleDatesKey{}, func() (map[uint64]string, error) {
		dates := map[uint64]string{}
		err := scan(ctx, txn, articlePrefix(), nil, func(_ []byte, it *badger.Item) (bool, error) {
			var rec struct {
				Seq         uint64 `json:"seq"`
				PublishedAt string `json:"published_at"`
			}
			err := it.Value(func(b []byte) error { return json.Unmarshal(b, &rec) })
			if err != nil {
				return false, fmt.Errorf("graph: corrupt article record: %w", err)
			}
			if d, ok := newsgraph.ParseDate(rec.PublishedAt); ok {
				dates[rec.Seq] = d[:10]
			} else {
				dates[rec.Seq] = ""
			}
			return true, nil
		})
		return dates, err
	})
}

// evidenceDates calls fn with the date of each piece of evidence of the
// edge rel, in stored order; only keys are read.
func evidenceDates(ctx context.Context, txn *badger.Txn, dates map[uint64]string, rel uint64, fn func(seq uint64, date string)) error {
	return scan(ctx, txn, evidencePrefix(rel), nil, func(k []byte, _ *badger.Item) (bool, error) {
		seq := evidenceKeySeq(k)
		fn(seq, dates[seq])
		return true, nil
	})
}

// inWindow returns the edge as seen through w: weight, article count and
// first and last dates counted from its evidence inside w only; nil when
// none is inside.
func inWindow(ctx context.Context, txn *badger.Txn, dates map[uint64]string, rec *relationRec, w Window) (*Relation, error) {
	r := rec.relation()
	if w.IsZero() {
		return r, nil
	}
	r.Weight, r.ArticleCount, r.FirstSeen, r.LastSeen = 0, 0, "", ""
	lastSeq := uint64(0)
	err := evidenceDates(ctx, txn, dates, rec.UID, func(seq uint64, date string) {
		if !w.contains(date) {
			return
		}
		r.Weight++
		if seq != lastSeq {
			r.ArticleCount++
			lastSeq = seq
		}
		if r.FirstSeen == "" || date < r.FirstSeen {
			r.FirstSeen = date
		}
		r.LastSeen = max(r.LastSeen, date)
	})
	if err != nil || r.Weight == 0 {
		return nil, err
	}
	r.Window = w
	return r, nil
}

// windowedPage pages the edges under prefixes that keep accepts, weighed
// by their evidence inside w, heaviest first (ties by uid, as the weight
// indexes order them). Every candidate edge is read: a window cannot use
// the stored weights' order.
func (s *Store) windowedPage(ctx context.Context, txn *badger.Txn, prefixes [][]byte, keep func(*badger.Txn, []byte, *badger.Item) (bool, error),
	w Window, after []byte, p PageArgs, page *Page[*Relation]) error {
	dates, err := s.articleDates(ctx, txn)
	if err != nil {
		return err
	}
	type hit struct {
		pos []byte
		rel *Relation
	}
	var hits []hit
	seen := map[uint64]bool{}
	for _, prefix := range prefixes {
		err := scan(ctx, txn, prefix, nil, func(k []byte, it *badger.Item) (bool, error) {
			uid := rankPosUID(k)
			if seen[uid] {
				return true, nil
			}
			seen[uid] = true
			if ok, err := keep(txn, k, it); err != nil || !ok {
				return err == nil, err
			}
			rec, err := getRelation(txn, uid)
			if err != nil {
				return false, err
			}
			r, err := inWindow(ctx, txn, dates, rec, w)
			if err == nil && r != nil {
				hits = append(hits, hit{rankPos(r.Weight, uid), r})
			}
			return err == nil, err
		})
		if err != nil {
			return err
		}
	}
	sort.Slice(hits, func(i, j int) bool { return string(hits[i].pos) < string(hits[j].pos) })
	page.TotalCount = len(hits)
	n := p.size()
	for _, h := range hits {
		if after != nil && string(h.pos) <= string(after) {
			continue
		}
		if len(page.Edges) == n {
			page.HasNextPage = true
			break
		}
		page.add(encodeCursor(cursorRelation, h.pos), h.rel)
	}
	return nil
}

// InWindow returns the edges as seen through w (see Relation.Window),
// dropping those with no evidence inside it; the zero window returns rels.
func (s *Store) InWindow(ctx context.Context, rels []*Relation, w Window) ([]*Relation, error) {
	if w.IsZero() {
		return rels, nil
	}
	var out []*Relation
	err := s.view(ctx, func(txn *badger.Txn) error {
		dates, err := s.articleDates(ctx, txn)
		if err != nil {
			return err
		}
		for _, r := range rels {
			uid, err := getUID(txn, relationIDKey(r.ID))
			if err != nil {
				return notFound(err)
			}
			rec, err := getRelation(txn, uid)
			if err != nil {
				return err
			}
			wr, err := inWindow(ctx, txn, dates, rec, w)
			if err != nil {
				return err
			}
			if wr != nil {
				out = append(out, wr)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph.InWindow: %w", err)
	}
	return out, nil
}

// EvidenceIn returns up to first pieces of evidence of the edge id inside w,
// in the order their articles were stored (all of them when first <= 0).
func (s *Store) EvidenceIn(ctx context.Context, id string, w Window, first int) ([]newsgraph.Evidence, error) {
	var out []newsgraph.Evidence
	err := s.view(ctx, func(txn *badger.Txn) error {
		var dates map[uint64]string
		if !w.IsZero() {
			var err error
			if dates, err = s.articleDates(ctx, txn); err != nil {
				return err
			}
		}
		uid, err := getUID(txn, relationIDKey(id))
		if err != nil {
			return err
		}
		return scan(ctx, txn, evidencePrefix(uid), nil, func(k []byte, it *badger.Item) (bool, error) {
			if first > 0 && len(out) == first {
				return false, nil
			}
			if !w.contains(dates[evidenceKeySeq(k)]) {
				return true, nil
			}
			var ev newsgraph.Evidence
			if err := it.Value(func(b []byte) error { return decodeEvidence(b, &ev) }); err != nil {
				return false, fmt.Errorf("graph: corrupt evidence: %w", err)
			}
			out = append(out, ev)
			return true, nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("graph.Evidence %q: %w", id, notFound(err))
	}
	return out, nil
}

// bucketStart is the first day of the DAY, WEEK (Monday) or MONTH holding
// date ("2006-01-02").
func bucketStart(date string, interval Interval) (string, error) {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return "", err
	}
	switch interval {
	case Week:
		t = t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	case Month:
		t = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return t.Format("2006-01-02"), nil
}

// windowWeigher returns a function giving an edge's weight inside w (0 when
// it has no evidence there), for walks; with the zero window it returns the
// stored weight unread.
func (s *Store) windowWeigher(ctx context.Context, txn *badger.Txn, w Window) (func(rel uint64, stored int) (int, error), error) {
	if w.IsZero() {
		return func(_ uint64, stored int) (int, error) { return stored, nil }, nil
	}
	dates, err := s.articleDates(ctx, txn)
	if err != nil {
		return nil, err
	}
	return func(rel uint64, _ int) (int, error) {
		n := 0
		err := evidenceDates(ctx, txn, dates, rel, func(_ uint64, date string) {
			if w.contains(date) {
				n++
			}
		})
		return n, err
	}, nil
}

// NeighborsIn is Neighbors counting only the edges' evidence inside w:
// neighbours linked only outside it are left out, the rest weighed and
// ordered by their evidence inside it. It reads the MaxPageSize most
// heavily linked neighbours overall and keeps first of them.
func (s *Store) NeighborsIn(ctx context.Context, id string, dir Direction, predicate string, first int, w Window) ([]Neighbor, error) {
	if w.IsZero() {
		return s.Neighbors(ctx, id, dir, predicate, first)
	}
	nbs, err := s.Neighbors(ctx, id, dir, predicate, MaxPageSize)
	if err != nil {
		return nil, err
	}
	out := nbs[:0]
	for _, nb := range nbs {
		if nb.Relations, err = s.InWindow(ctx, nb.Relations, w); err != nil {
			return nil, err
		}
		nb.Weight = 0
		for _, r := range nb.Relations {
			nb.Weight += r.Weight
		}
		if nb.Weight > 0 {
			sort.SliceStable(nb.Relations, func(i, j int) bool { return nb.Relations[i].Weight > nb.Relations[j].Weight })
			out = append(out, nb)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Weight > out[j].Weight })
	return out[:min(len(out), PageArgs{First: first}.size())], nil
}

// SubgraphIn is Subgraph keeping the edges with evidence inside w, weighed
// by it, and the actors they join (the seeds always stay). The walk itself
// follows every edge, so a window may leave fewer than limit actors.
func (s *Store) SubgraphIn(ctx context.Context, ids []string, depth, limit int, w Window) (*Subgraph, error) {
	sg, err := s.Subgraph(ctx, ids, depth, limit)
	if err != nil || w.IsZero() {
		return sg, err
	}
	if sg.Edges, err = s.InWindow(ctx, sg.Edges, w); err != nil {
		return nil, err
	}
	keep := map[string]bool{}
	for _, id := range ids {
		keep[id] = true
	}
	for _, r := range sg.Edges {
		keep[r.Subject], keep[r.Object] = true, true
	}
	nodes := sg.Nodes[:0]
	for _, n := range sg.Nodes {
		if keep[n.ID] {
			nodes = append(nodes, n)
		}
	}
	sg.Nodes = nodes
	return sg, nil
}
