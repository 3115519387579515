package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"newsgraph"
)

// ErrNoContribution is returned by DeleteArticle and Replace for an article
// stored by a newsgraph older than deletion, which did not record what the
// article added: such a store has to be rebuilt from its articles.
var ErrNoContribution = errors.New("graph: article stored without the record deletion needs (rebuild the store)")

// contribution is what one article added to the store, kept with it (key
// 0x14) so that removeArticle can take exactly that out again.
type contribution struct {
	Entities  []entityContribution   `json:"entities"`
	Relations []relationContribution `json:"relations"`
	// Events counts the article's events (0x40 under its seq), which
	// removeArticle takes out with their index rows.
	Events int `json:"events,omitempty"`
}

type entityContribution struct {
	UID      uint64 `json:"uid"`
	Created  bool   `json:"created,omitempty"`
	Mentions int    `json:"mentions"`
	// Named lists the normalised names the article gave the actor (each
	// counted at 0x25), Gave the reasons it gave them, Reasons the aliases
	// that took their reason from it, Proposed the ids, countries and names
	// it proposed (counted at 0x26, identity.go). ExtIDs, in records
	// written before proposals, are the extractor ids it pointed at the
	// actor.
	Named    []string          `json:"named"`
	Gave     map[string]string `json:"gave,omitempty"`
	Reasons  []string          `json:"reasons,omitempty"`
	Proposed []proposal        `json:"proposed,omitempty"`
	// Spellings are the names and aliases as the article wrote them, so
	// that a delete gives an alias the spelling the articles left prefer
	// (respell). Records written before them have none.
	Spellings []string `json:"spellings,omitempty"`
	ExtIDs    []string `json:"ext_ids,omitempty"`
}

type relationContribution struct {
	UID      uint64         `json:"uid"`
	Evidence int            `json:"evidence"`
	Labels   map[string]int `json:"labels"`
	// Kind is the first kind the article gave the edge; KindSet says the
	// edge took it, being without one before.
	Kind    string `json:"kind,omitempty"`
	KindSet bool   `json:"kind_set,omitempty"`
}

// contribution is what this ingest added, for the record at 0x14.
func (in *ingest) contribution() *contribution {
	c := &contribution{Events: len(in.ex.Events)}
	for _, st := range in.ents {
		ec := entityContribution{UID: st.rec.UID, Created: st.isNew, Mentions: len(st.spans), Gave: st.gave,
			Proposed: slices.Collect(maps.Keys(st.proposed))}
		sortProposals(ec.Proposed)
		for n := range st.named {
			ec.Named = append(ec.Named, n)
		}
		ec.Spellings = slices.Sorted(maps.Keys(st.spelled))
		for a := range st.rec.AliasReasons {
			if !st.reasonsBefore[a] {
				ec.Reasons = append(ec.Reasons, a)
			}
		}
		slices.Sort(ec.Named)
		slices.Sort(ec.Reasons)
		c.Entities = append(c.Entities, ec)
	}
	for _, st := range in.rels {
		c.Relations = append(c.Relations, relationContribution{UID: st.rec.UID, Evidence: st.evidence,
			Labels: st.labels, Kind: st.kind, KindSet: st.kindSet})
	}
	slices.SortFunc(c.Entities, func(a, b entityContribution) int { return cmpUID(a.UID, b.UID) })
	slices.SortFunc(c.Relations, func(a, b relationContribution) int { return cmpUID(a.UID, b.UID) })
	return c
}

func cmpUID(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func setOf(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func keysOf(m map[string]string) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// DeleteArticle removes an article and everything it contributed, in one
// transaction: its evidence; edges left with no evidence; its mentions from
// the actors' counts, and the names only it gave them; actors no other
// article names. Deleting the last article stored leaves the store as if it
// had never had it; deleting an earlier one leaves the store that had only
// the others but for the internal ids handed out (an actor the article
// named takes the id and name the articles left choose, identity.go). It fails
// with ErrNotFound for an id not stored, ErrNoContribution for an article
// stored before contributions were recorded.
func (s *Store) DeleteArticle(ctx context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db.IsClosed() {
		return fmt.Errorf("graph.DeleteArticle %s: %w", id, ErrClosed)
	}
	err := s.db.Update(func(txn *badger.Txn) error {
		m, err := getMeta(txn)
		if err != nil {
			return err
		}
		rec := &articleRec{}
		switch err := getJSON(txn, articleKey(id), rec); {
		case errors.Is(err, errNoKey):
			return ErrNotFound
		case err != nil:
			return err
		}
		if err := removeArticle(ctx, txn, m, rec); err != nil {
			return err
		}
		b, err := json.Marshal(m)
		if err != nil {
			return err
		}
		return txn.Set(metaKey(), b)
	})
	if err != nil {
		return fmt.Errorf("graph.DeleteArticle %s: %w", id, err)
	}
	return nil
}

// removeArticle takes the stored article a and its contribution out of the
// store inside txn, updating the counters in m; the caller writes m. It is
// the one place that knows what an article adds: an index that ingest
// writes per article must be undone here too.
func removeArticle(ctx context.Context, txn *badger.Txn, m *meta, a *articleRec) error {
	c := &contribution{}
	switch err := getJSON(txn, articleUndoKey(a.Seq), c); {
	case errors.Is(err, errNoKey):
		return ErrNoContribution
	case err != nil:
		return err
	}
	rm := &removal{ctx: ctx, txn: txn, m: m, seq: a.Seq, others: map[uint64]*contribution{}}
	events, err := removeEvents(ctx, txn, a.Seq)
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	if events != c.Events {
		return fmt.Errorf("%w: article %q has %d events stored, its contribution says %d", ErrCorrupt, a.ID, events, c.Events)
	}
	m.Events -= events
	for _, rc := range c.Relations {
		if err := rm.relation(rc); err != nil {
			return fmt.Errorf("relation %d: %w", rc.UID, err)
		}
	}
	for _, ec := range c.Entities {
		if err := rm.entity(ec); err != nil {
			return fmt.Errorf("entity %d: %w", ec.UID, err)
		}
	}
	m.Articles--
	return deleteKeys(txn, articleKey(a.ID), articleSeqKey(a.Seq), articleUndoKey(a.Seq), extractorKey(a.Extractor, a.Seq))
}

// removal is the state of one removeArticle.
type removal struct {
	ctx context.Context
	txn *badger.Txn
	m   *meta
	seq uint64
	// others caches the contributions of the other articles read to see
	// whether they name an actor too.
	others map[uint64]*contribution
}

func deleteKeys(txn *badger.Txn, keys ...[]byte) error {
	for _, k := range keys {
		if err := txn.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// relation takes the article's evidence out of one edge, and the edge out
// when no evidence is left.
func (rm *removal) relation(rc relationContribution) error {
	r, err := getRelation(rm.txn, rc.UID)
	if err != nil {
		return err
	}
	if err := rm.deleteEvidence(rc.UID); err != nil {
		return err
	}
	rm.m.Evidence -= rc.Evidence
	old := r.index()
	if err := deleteKeys(rm.txn, articleRelKey(rm.seq, r.UID)); err != nil {
		return err
	}
	r.Weight -= rc.Evidence
	r.Articles--
	if r.Weight <= 0 {
		rm.m.Relations--
		if err := putRelIndex(rm.txn, old, nil); err != nil {
			return err
		}
		return deleteKeys(rm.txn, relationKey(r.UID), relTripleKey(r.SubjectUID, r.ObjectUID, r.Lemma), relationIDKey(r.ID))
	}
	for l, n := range rc.Labels {
		if r.Labels[l] -= n; r.Labels[l] <= 0 {
			delete(r.Labels, l)
		}
	}
	if rc.KindSet {
		r.Kind = "" // the kind of the earliest article left that gives one
	}
	if err := rm.recompute(r); err != nil {
		return err
	}
	b, err := marshalValue(r)
	if err != nil {
		return err
	}
	if err := rm.txn.Set(relationKey(r.UID), b); err != nil {
		return err
	}
	return putRelIndex(rm.txn, old, r.index())
}

// deleteEvidence deletes the article's evidence rows of one edge.
func (rm *removal) deleteEvidence(rel uint64) error {
	var keys [][]byte
	err := scan(rm.ctx, rm.txn, key(pEvidence, u64(rel), u64(rm.seq)), nil, func(k []byte, _ *badger.Item) (bool, error) {
		keys = append(keys, k)
		return true, nil
	})
	if err != nil {
		return err
	}
	return deleteKeys(rm.txn, keys...)
}

// recompute sets the confidence, the first and last dates and, when it was
// cleared, the kind of an edge from the evidence left, as ingest would have
// set them from it.
func (rm *removal) recompute(r *relationRec) error {
	r.Confidence, r.FirstSeen, r.LastSeen = 0, "", ""
	dated := map[uint64]bool{}
	return scan(rm.ctx, rm.txn, evidencePrefix(r.UID), nil, func(k []byte, item *badger.Item) (bool, error) {
		var ev newsgraph.Evidence
		b, err := valueCopy(item)
		if err != nil {
			return false, err
		}
		if err := decodeEvidence(b, &ev); err != nil {
			return false, fmt.Errorf("graph: corrupt evidence at key %x: %w", k, err)
		}
		seq := uidAt(k, 9)
		if seq == rm.seq {
			return true, nil
		}
		r.Confidence = max(r.Confidence, ev.Confidence)
		if dated[seq] {
			return true, nil
		}
		dated[seq] = true
		if err := rm.widenDates(r, ev.ArticleID); err != nil {
			return false, err
		}
		return true, rm.kindFrom(r, seq)
	})
}

// kindFrom gives r, when still without a kind, the kind article seq gave
// it, and records that article as the one that set it (KindSet), as ingest
// would have: without the mark, deleting that article too left its kind.
func (rm *removal) kindFrom(r *relationRec, seq uint64) error {
	if r.Kind != "" {
		return nil
	}
	c, err := rm.contributionOf(seq)
	if err != nil {
		return err
	}
	for i := range c.Relations {
		if rc := &c.Relations[i]; rc.UID == r.UID && rc.Kind != "" {
			r.Kind, rc.KindSet = rc.Kind, true
			return rm.putContribution(seq, c)
		}
	}
	return nil
}

// putContribution writes back the contribution of another article.
func (rm *removal) putContribution(seq uint64, c *contribution) error {
	b, err := marshalValue(c)
	if err != nil {
		return err
	}
	return rm.txn.Set(articleUndoKey(seq), b)
}

// reasonFromOthers gives alias a of r, whose reason came from the article
// removed, the best reason (betterReason) the other articles give it, or
// none.
func (rm *removal) reasonFromOthers(r *entityRec, a string) error {
	delete(r.AliasReasons, a)
	if !slices.Contains(r.Aliases, a) {
		return nil
	}
	n := normName(a)
	return scan(rm.ctx, rm.txn, entityArtPrefix(r.UID), nil, func(k []byte, _ *badger.Item) (bool, error) {
		seq := entityArtSeq(k)
		if seq == rm.seq {
			return true, nil
		}
		c, err := rm.contributionOf(seq)
		if err != nil {
			return false, err
		}
		for _, ec := range c.Entities {
			if why := ec.Gave[n]; ec.UID == r.UID && why != "" {
				if cur, ok := r.AliasReasons[a]; !ok || betterReason(why, cur) {
					if r.AliasReasons == nil {
						r.AliasReasons = map[string]string{}
					}
					r.AliasReasons[a] = why
				}
			}
		}
		return true, nil
	})
}

// contributionOf reads (once) the contribution of another article.
func (rm *removal) contributionOf(seq uint64) (*contribution, error) {
	if c := rm.others[seq]; c != nil {
		return c, nil
	}
	c := &contribution{}
	if err := getJSON(rm.txn, articleUndoKey(seq), c); err != nil && !errors.Is(err, errNoKey) {
		return nil, err
	}
	rm.others[seq] = c
	return c, nil
}

func (rm *removal) widenDates(r *relationRec, articleID string) error {
	a := &articleRec{}
	if err := getJSON(rm.txn, articleKey(articleID), a); err != nil {
		return fmt.Errorf("article %s: %w", articleID, err)
	}
	date, ok := newsgraph.ParseDate(a.PublishedAt)
	if !ok {
		return nil
	}
	if r.FirstSeen == "" || date < r.FirstSeen {
		r.FirstSeen = date
	}
	if date > r.LastSeen {
		r.LastSeen = date
	}
	return nil
}

// entity takes the article's mentions and names out of one actor, and the
// actor out when no other article names it.
func (rm *removal) entity(ec entityContribution) error {
	r, err := getEntity(rm.txn, ec.UID)
	if err != nil {
		return err
	}
	before := r.names()
	keys := append(entityRankKeys(r.Type, r.Mentions, r.UID), articleEntKey(rm.seq, r.UID), entityArtKey(r.UID, rm.seq))
	if err := deleteKeys(rm.txn, keys...); err != nil {
		return err
	}
	if err := rm.dropExtIDs(r.UID, ec.ExtIDs); err != nil {
		return err
	}
	r.Mentions -= ec.Mentions
	r.Articles--
	if err := rm.dropNames(r, ec); err != nil {
		return err
	}
	if r.Articles > 0 {
		if err := propose(rm.ctx, rm.txn, r.UID, ec.Proposed, -1); err != nil {
			return err
		}
	} else {
		rm.m.Entities--
		rm.m.EntitiesByType[r.Type]--
		if err := rm.forgetProposals(r, ec.Proposed); err != nil {
			return err
		}
		keys := [][]byte{entityKey(r.UID)}
		for _, n := range before {
			keys = append(keys, nameKey(n, r.UID))
		}
		return deleteKeys(rm.txn, keys...)
	}
	// The id, country and name the articles left choose: a delete undoes
	// the rename the article caused.
	name := r.Name
	given := func(n string) (int, error) { return nameCount(rm.txn, r.UID, n) }
	if err := identify(rm.ctx, rm.txn, r, given); err != nil {
		return err
	}
	if err := rm.reasonForFormerName(r, name); err != nil {
		return err
	}
	after := setOf(r.names())
	for _, n := range before {
		if !after[n] {
			if err := rm.txn.Delete(nameKey(n, r.UID)); err != nil {
				return err
			}
		}
	}
	b, err := marshalValue(r)
	if err != nil {
		return err
	}
	if err := rm.txn.Set(entityKey(r.UID), b); err != nil {
		return err
	}
	for _, k := range entityRankKeys(r.Type, r.Mentions, r.UID) {
		if err := rm.txn.Set(k, nil); err != nil {
			return err
		}
	}
	return nil
}

// forgetProposals deletes the proposals of an actor that goes, and the id
// keys they hold. Only the article removed still proposes anything for it,
// unless the store was upgraded from a format without proposals: then the
// actor may have seeded ones too, and all of its rows are read.
func (rm *removal) forgetProposals(r *entityRec, ps []proposal) error {
	if rm.m.SeededProposals || len(ps) == 0 {
		if err := forgetProposals(rm.ctx, rm.txn, r.UID); err != nil {
			return err
		}
	}
	for _, p := range ps {
		if err := deleteKeys(rm.txn, proposalKey(r.UID, p)); err != nil {
			return err
		}
		if err := releaseID(rm.txn, r.UID, p.ID); err != nil {
			return err
		}
	}
	return releaseID(rm.txn, r.UID, r.ID)
}

// reasonForFormerName gives the former name of a renamed actor, now an
// alias, the reason the earliest article left gave it, as ingest would
// have (applyReasons).
func (rm *removal) reasonForFormerName(r *entityRec, former string) error {
	if former == r.Name {
		return nil
	}
	n := normName(former)
	for _, a := range r.Aliases {
		if _, ok := r.AliasReasons[a]; !ok && normName(a) == n {
			return rm.reasonFromOthers(r, a)
		}
	}
	return nil
}

// dropExtIDs deletes the extractor ids the article pointed at the actor.
func (rm *removal) dropExtIDs(uid uint64, ids []string) error {
	for _, id := range ids {
		switch u, err := getUID(rm.txn, entityIDKey(id)); {
		case errors.Is(err, errNoKey):
		case err != nil:
			return err
		case u == uid:
			if err := rm.txn.Delete(entityIDKey(id)); err != nil {
				return err
			}
		}
	}
	return nil
}

// dropNames removes the names no other article gives the actor, and the
// reasons the article gave.
func (rm *removal) dropNames(r *entityRec, ec entityContribution) error {
	for _, n := range ec.Named {
		k := nameRefKey(r.UID, n)
		left, err := getUID(rm.txn, k)
		if err != nil && !errors.Is(err, errNoKey) {
			return err
		}
		if err := addCount(rm.txn, k, -1); err != nil {
			return err
		}
		if left > 1 {
			continue
		}
		gone := func(x string) bool { return normName(x) == n }
		for _, a := range r.Aliases {
			if gone(a) {
				delete(r.AliasReasons, a)
			}
		}
		r.Aliases = slices.DeleteFunc(r.Aliases, gone)
	}
	for _, a := range rm.reasonsFrom(r, ec) {
		if err := rm.reasonFromOthers(r, a); err != nil {
			return err
		}
	}
	for i, a := range r.Aliases {
		if slices.Contains(ec.Spellings, a) {
			if err := rm.respell(r, i); err != nil {
				return err
			}
		}
	}
	if len(r.AliasReasons) == 0 {
		r.AliasReasons = nil
	}
	if len(r.Aliases) == 0 {
		r.Aliases = nil
	}
	return nil
}

// reasonsFrom lists the aliases of r whose reason may have come from the
// removed article: those it gave their reason first (ec.Reasons), and
// those whose reason is the one it gave (a better one replaces the first).
func (rm *removal) reasonsFrom(r *entityRec, ec entityContribution) []string {
	out := slices.Clone(ec.Reasons)
	for _, a := range r.Aliases {
		if why, ok := r.AliasReasons[a]; ok && ec.Gave[normName(a)] == why && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// respell gives alias i of r, a spelling the removed article gave, the
// spelling the other articles prefer (preferName), with its reason: the
// fuller one a deleted article brought ("U.S. Senate" over "US Senate")
// goes with it. An alias no other record spells stays as it is.
func (rm *removal) respell(r *entityRec, i int) error {
	a, n, best := r.Aliases[i], normName(r.Aliases[i]), ""
	err := scan(rm.ctx, rm.txn, entityArtPrefix(r.UID), nil, func(k []byte, _ *badger.Item) (bool, error) {
		if seq := entityArtSeq(k); seq != rm.seq {
			c, err := rm.contributionOf(seq)
			if err != nil {
				return false, err
			}
			for _, ec := range c.Entities {
				for _, sp := range ec.Spellings {
					if ec.UID == r.UID && normName(sp) == n && (best == "" || preferName(sp, best)) {
						best = sp
					}
				}
			}
		}
		return true, nil
	})
	if err != nil || best == "" || best == a {
		return err
	}
	r.Aliases[i] = best
	if why, ok := r.AliasReasons[a]; ok {
		delete(r.AliasReasons, a)
		r.AliasReasons[best] = why
	}
	return nil
}
