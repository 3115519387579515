package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/dgraph-io/badger/v4"

	"newsgraph"
)

// Replay calls fn for every stored article, in stored order, with an
// extraction and joins that, given to IngestReplayed in the same order on an
// empty store, rebuild this store: the same actors with the same ids, names, aliases and
// counts, the same edges with the same labels, kinds and evidence, so the
// same answers to every query. It is what a dump holds (see export's JSON
// Lines format): a store's content in the form the write path takes, so a
// dump outlives changes to the key layout and record encoding.
//
// An actor appears first with its final name and aliases; the other ids
// that articles' extractions used for it come with it as extra entities
// without mentions, each with a name it was proposed with, and joins maps
// them to its id. Replay reads one
// snapshot: what is ingested meanwhile is not in it.
func (s *Store) Replay(ctx context.Context, fn func(a *newsgraph.Article, ex *newsgraph.Extraction, joins map[string]string) error) error {
	return s.view(ctx, func(txn *badger.Txn) error {
		extra, err := extraIDs(ctx, txn)
		if err != nil {
			return err
		}
		r := &replay{txn: txn, extra: extra, seen: map[uint64]bool{}, evSeen: map[uint64]int{}}
		return scan(ctx, txn, articleSeqPrefix(), nil, func(_ []byte, it *badger.Item) (bool, error) {
			id, err := valueCopy(it)
			if err != nil {
				return false, err
			}
			a, ex, joins, err := r.article(ctx, string(id))
			if err != nil {
				return false, fmt.Errorf("graph.Replay %s: %w", id, err)
			}
			return true, fn(a, ex, joins)
		})
	})
}

// replay is the state Replay carries from one article to the next.
type replay struct {
	txn *badger.Txn
	// extra holds the extractor ids that name an actor stored under
	// another id.
	extra map[uint64][]string
	// seen marks the actors already given; evSeen counts each edge's
	// evidence given so far, which picks the label of the next one.
	seen   map[uint64]bool
	evSeen map[uint64]int
}

// extraIDs maps actors to the other extractor ids that name them.
func extraIDs(ctx context.Context, txn *badger.Txn) (map[uint64][]string, error) {
	out := map[uint64][]string{}
	err := scan(ctx, txn, entityIDPrefix(), nil, func(k []byte, it *badger.Item) (bool, error) {
		v, err := valueCopy(it)
		if err != nil {
			return false, err
		}
		uid, err := decodeUID(v)
		if err != nil {
			return false, err
		}
		rec, err := getEntity(txn, uid)
		if err != nil {
			return false, err
		}
		if id := entityIDOf(k); id != rec.ID {
			out[uid] = append(out[uid], id)
		}
		return true, nil
	})
	return out, err
}

func (r *replay) article(ctx context.Context, id string) (*newsgraph.Article, *newsgraph.Extraction, map[string]string, error) {
	rec := &articleRec{}
	if err := getJSON(r.txn, articleKey(id), rec); err != nil {
		return nil, nil, nil, err
	}
	ex := &newsgraph.Extraction{Entities: []newsgraph.Entity{}, Relations: []newsgraph.Relation{}}
	joins := map[string]string{}
	if err := r.entities(ctx, rec.Seq, ex, joins); err != nil {
		return nil, nil, nil, err
	}
	if err := r.relations(ctx, rec.Seq, ex); err != nil {
		return nil, nil, nil, err
	}
	if err := r.events(ctx, rec.Seq, ex); err != nil {
		return nil, nil, nil, err
	}
	a := rec.Article
	return &a, ex, joins, nil
}

// entities adds the article's actors in uid order, so that the ingest hands
// new ones the uids they had, then the other ids of the new ones.
func (r *replay) entities(ctx context.Context, seq uint64, ex *newsgraph.Extraction, joins map[string]string) error {
	var others []newsgraph.Entity
	err := scan(ctx, r.txn, articleEntPrefix(seq), nil, func(k []byte, it *badger.Item) (bool, error) {
		uid := articleEntUID(k)
		rec, err := getEntity(r.txn, uid)
		if err != nil {
			return false, err
		}
		e := newsgraph.Entity{ID: rec.ID, Name: rec.Name, Type: rec.Type, Country: rec.Country, Sector: rec.Sector}
		if err := it.Value(func(v []byte) error { return json.Unmarshal(v, &e.Mentions) }); err != nil {
			return false, fmt.Errorf("graph: corrupt mentions: %w", err)
		}
		if !r.seen[uid] {
			r.seen[uid] = true
			e.Aliases, e.AliasReasons = rec.Aliases, rec.AliasReasons
			names, err := proposedNames(ctx, r.txn, uid)
			if err != nil {
				return false, err
			}
			for _, x := range r.extra[uid] {
				name := rec.Name
				if n, ok := names[x]; ok {
					name = n
				}
				others = append(others, newsgraph.Entity{ID: x, Name: name, Type: rec.Type, Country: rec.Country, Sector: rec.Sector})
				joins[x] = rec.ID
			}
			delete(r.extra, uid)
		}
		ex.Entities = append(ex.Entities, e)
		return true, nil
	})
	ex.Entities = append(ex.Entities, others...)
	return err
}

// proposedNames maps each id proposed for actor uid to the best name it
// was proposed with, which the rebuilt store weighs as the stored one did
// (betterProposal).
func proposedNames(ctx context.Context, txn *badger.Txn, uid uint64) (map[string]string, error) {
	ps, err := proposals(ctx, txn, uid)
	best := map[string]proposal{}
	for _, p := range ps {
		if b, ok := best[p.ID]; !ok || betterSpelling(p, b) {
			best[p.ID] = p
		}
	}
	names := make(map[string]string, len(best))
	for id, p := range best {
		names[id] = p.Name
	}
	return names, err
}

// relations adds the article's evidence, edge by edge in uid order. Each
// piece is labelled so that the edge's label counts come out as stored:
// labels in byte order, each for as many pieces as it counts.
func (r *replay) relations(ctx context.Context, seq uint64, ex *newsgraph.Extraction) error {
	return scan(ctx, r.txn, articleRelPrefix(seq), nil, func(k []byte, _ *badger.Item) (bool, error) {
		uid := articleRelUID(k)
		rec, err := getRelation(r.txn, uid)
		if err != nil {
			return false, err
		}
		labels := make([]string, 0, len(rec.Labels))
		for l := range rec.Labels {
			labels = append(labels, l)
		}
		sort.Strings(labels)
		err = scan(ctx, r.txn, evidenceArticlePrefix(uid, seq), nil, func(_ []byte, it *badger.Item) (bool, error) {
			var ev newsgraph.Evidence
			if err := it.Value(func(v []byte) error { return decodeEvidence(v, &ev) }); err != nil {
				return false, fmt.Errorf("graph: corrupt evidence: %w", err)
			}
			ev.ArticleID = ""
			ex.Relations = append(ex.Relations, newsgraph.Relation{
				Subject: rec.Subject, Object: rec.Object, Lemma: rec.Lemma, Kind: newsgraph.RelationKind(rec.Kind),
				Predicate: nthLabel(labels, rec.Labels, r.evSeen[uid]), Evidence: ev,
			})
			r.evSeen[uid]++
			return true, nil
		})
		return err == nil, err
	})
}

// events adds the article's events in their order, each with its
// subject's current id.
func (r *replay) events(ctx context.Context, seq uint64, ex *newsgraph.Extraction) error {
	return scan(ctx, r.txn, articleEventPrefix(seq), nil, func(_ []byte, it *badger.Item) (bool, error) {
		rec, err := itemEvent(it)
		if err != nil {
			return false, err
		}
		if rec.Subject, err = subjectID(r.txn, rec); err != nil {
			return false, err
		}
		e := rec.Event
		e.Evidence.ArticleID = ""
		ex.Events = append(ex.Events, e)
		return true, nil
	})
}

// nthLabel is the label of an edge's n-th piece of evidence when the sorted
// labels take turns in blocks of their counts.
func nthLabel(sorted []string, counts map[string]int, n int) string {
	for _, l := range sorted {
		if n < counts[l] {
			return l
		}
		n -= counts[l]
	}
	if len(sorted) == 0 {
		return ""
	}
	return sorted[len(sorted)-1]
}

// IngestReplayed is Ingest for what Replay gives: actors are found by id
// only, never joined by name, and an extractor id that joins maps to a
// stored actor's id (of this article or an earlier one) is joined to it.
// So the store it builds is the one Replay read, whatever the order of
// joins by name was when it was first built.
func (s *Store) IngestReplayed(ctx context.Context, a *newsgraph.Article, ex *newsgraph.Extraction, joins map[string]string) (IngestResult, error) {
	if joins == nil {
		joins = map[string]string{}
	}
	return s.ingest(ctx, a, ex, ingestMode{joins: joins})
}

// replayJoin finds the actor joins maps e's id to; 0 (a new actor) when it
// maps it to none.
func (in *ingest) replayJoin(e *newsgraph.Entity) (uint64, error) {
	target, ok := in.joins[e.ID]
	if !ok {
		return 0, nil
	}
	if uid, ok := in.byExtID[target]; ok {
		return uid, nil
	}
	uid, err := entityUID(in.txn, target)
	if err != nil {
		return 0, fmt.Errorf("%w: id %s joins %s, which is not stored", ErrBadInput, e.ID, target)
	}
	return uid, nil
}
