package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"syscall"

	"github.com/dgraph-io/badger/v4"

	"newsgraph"
)

// IngestResult says what one Ingest changed.
type IngestResult struct {
	ArticleID string
	// Unchanged is set when the article was already stored with the same
	// text; nothing was written.
	Unchanged bool
	// Replaced is set when the article replaced a stored one of the same
	// id (Ingest with replace).
	Replaced bool
	// Entities is how many stored actors the article names; NewEntities of
	// them were created by it and JoinedEntities were found through the
	// name and alias index rather than by id.
	Entities, NewEntities, JoinedEntities int
	// Relations is how many edges the article supports, NewRelations of them
	// new; Evidence is the pieces of evidence added.
	Relations, NewRelations, Evidence int
	// MergedEntities counts stored actors merged into another before the
	// article was resolved: one of its entities found one by id and named
	// the other (merge.go).
	MergedEntities int
	// MergeTooBig is set when actors the article bridges were too large
	// to merge in one transaction with it: the article is stored with
	// them apart, as a store that had it before either of them got so
	// large would not hold them.
	MergeTooBig bool
	// SelfRelations counts relations dropped because both ends resolved to
	// the same actor.
	SelfRelations int
	// Events is how many events of one actor the article added.
	Events int
}

// Ingest stores an article and what the extractor found in it, in one
// transaction: all of it is stored or, on any error, none of it.
//
// An empty a.ID is set to newsgraph.ContentID(a.Title, a.Text). Ingesting an
// id that is stored with the same text changes nothing (Unchanged); with a
// different text it fails with ErrConflict: Ingest does not rewrite a stored
// article, Replace does. A bad article or extraction gives ErrBadInput, one too large for
// a transaction ErrTooBig.
//
// Entities are resolved against the store: by the extractor's id first, then
// by their name or multi-word aliases through the name index when that names
// exactly one actor of the same type (a lone surname of a PERSON alias is too
// weak to join on); otherwise they become new actors. Relations aggregate
// per (subject, lemma or predicate, object); relations whose ends resolve to
// one actor are dropped.
func (s *Store) Ingest(ctx context.Context, a *newsgraph.Article, ex *newsgraph.Extraction) (IngestResult, error) {
	return s.ingest(ctx, a, ex, ingestMode{})
}

// Replace is Ingest for an article that may be stored already: a stored
// article of the same id is taken out first (as by DeleteArticle) and the
// new one takes its place in stored order, in one transaction. Replacing an
// article with the same text and an extraction by the same extractor
// version changes nothing (Unchanged); otherwise the result is Replaced when
// there was one to replace.
func (s *Store) Replace(ctx context.Context, a *newsgraph.Article, ex *newsgraph.Extraction) (IngestResult, error) {
	return s.ingest(ctx, a, ex, ingestMode{replace: true})
}

// ingestMode says how an ingest differs from a plain Ingest.
type ingestMode struct {
	// replace takes a stored article of the same id out first (Replace).
	replace bool
	// joins is set for a replay: actors are never joined by name, only
	// the extractor ids it maps to stored ids are joined (IngestReplayed).
	joins map[string]string
	// noMerge skips mergeBridged: the merges did not fit in the
	// transaction (IngestResult.MergeTooBig).
	noMerge bool
}

// ingest is Ingest, Replace, or the exact ingest of a replay, as mode says.
func (s *Store) ingest(ctx context.Context, a *newsgraph.Article, ex *newsgraph.Extraction, mode ingestMode) (IngestResult, error) {
	if a == nil || ex == nil {
		return IngestResult{}, fmt.Errorf("graph.Ingest: %w: nil article or extraction", ErrBadInput)
	}
	if a.ID == "" {
		a.ID = newsgraph.ContentID(a.Title, a.Text)
	}
	if err := validate(a, ex); err != nil {
		return IngestResult{}, fmt.Errorf("graph.Ingest %s: %w", a.ID, err)
	}
	if s.readOnly {
		return IngestResult{}, fmt.Errorf("graph.Ingest %s: %w", a.ID, ErrReadOnly)
	}
	if s.dir != "" {
		if err := checkSpace(s.dir, s.minFree); err != nil {
			return IngestResult{}, fmt.Errorf("graph.Ingest %s: %w", a.ID, err)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db.IsClosed() {
		return IngestResult{}, fmt.Errorf("graph.Ingest %s: %w", a.ID, ErrClosed)
	}
	in, err := s.update(ctx, a, ex, mode)
	if errors.Is(err, badger.ErrTxnTooBig) && in.merging {
		// The actors the article bridges are too large to merge in one
		// transaction (a hub of thousands of edges): the article is
		// stored with them apart, rather than refused as every later
		// article bridging them would be.
		mode.noMerge = true
		in, err = s.update(ctx, a, ex, mode)
		in.res.MergeTooBig = true
	}
	switch {
	case errors.Is(err, badger.ErrTxnTooBig):
		return IngestResult{}, fmt.Errorf("graph.Ingest %s: %w (%d entities, %d relations, %d bytes of text)",
			a.ID, ErrTooBig, len(ex.Entities), len(ex.Relations), len(a.Text))
	case errors.Is(err, ErrTooBig):
		return IngestResult{}, fmt.Errorf("graph.Ingest %s: %w", a.ID, err)
	case errors.Is(err, syscall.ENOSPC):
		return IngestResult{}, fmt.Errorf("graph.Ingest %s: %w: %v", a.ID, ErrStorageFull, err)
	case err != nil:
		return IngestResult{}, fmt.Errorf("graph.Ingest %s: %w", a.ID, err)
	}
	return in.res, nil
}

// update runs one ingest transaction.
func (s *Store) update(ctx context.Context, a *newsgraph.Article, ex *newsgraph.Extraction, mode ingestMode) (*ingest, error) {
	in := &ingest{ctx: ctx, a: a, ex: ex, maxValue: s.maxValue, ingestMode: mode}
	err := s.db.Update(func(txn *badger.Txn) error {
		in.txn = txn
		return in.run()
	})
	return in, err
}

// validate checks what the store relies on before a transaction starts.
func validate(a *newsgraph.Article, ex *newsgraph.Extraction) error {
	if err := newsgraph.ValidID(a.ID); err != nil {
		return fmt.Errorf("%w: %v", ErrBadInput, err)
	}
	if err := newsgraph.CheckText([]byte(a.Text), 0); err != nil {
		return fmt.Errorf("%w: %v", ErrBadInput, err)
	}
	if err := ex.Validate(a.Text); err != nil {
		return fmt.Errorf("%w: %v", ErrBadInput, err)
	}
	return nil
}

// ingest is the state of one Ingest transaction.
type ingest struct {
	ctx context.Context
	txn *badger.Txn
	a   *newsgraph.Article
	ex  *newsgraph.Extraction
	m   *meta
	seq uint64
	// ents holds the actors this article touches, by uid; byExtID maps the
	// extraction's ids to them.
	ents    map[uint64]*entState
	byExtID map[string]uint64
	rels    map[string]*relState // by triple key
	// personNames lists the extraction's persons by their normalised names
	// and aliases and each word of them (sharedInArticle).
	personNames map[string][]string
	res         IngestResult
	// merging is set once mergeBridged starts a merge.
	merging bool
	// maxValue is the largest value the store takes (see Store.maxValue).
	maxValue int
	ingestMode
}

// setValue stores v at k, encoded by marshalValue (codec.go). A value over
// maxValue fails with ErrTooBig here, as Badger would refuse it with an
// error that dumps the value.
func (in *ingest) setValue(k []byte, v any) error {
	b, err := marshalValue(v)
	if err != nil {
		return err
	}
	if len(b) > in.maxValue {
		return fmt.Errorf("%w: a value of %d bytes, limit %d", ErrTooBig, len(b), in.maxValue)
	}
	return in.txn.Set(k, b)
}

type entState struct {
	rec         *entityRec
	oldMentions int
	isNew       bool
	spans       []newsgraph.Mention
	// What the actor had before this article, and what the article named
	// it and added, for its contribution record (delete.go).
	reasonsBefore map[string]bool
	named         map[string]bool
	gave          map[string]string // reasons given, by normalised name
	spelled       map[string]bool   // names and aliases as given
	// proposed holds the ids, countries and names the article gives the
	// actor (identity.go).
	proposed map[proposal]bool
}

// addName adds a name or alias the article gives the actor, noting it and
// its reason for the article's contribution.
func (st *entState) addName(a, why string) {
	st.rec.addAlias(a, why)
	n := normName(a)
	st.named[n] = true
	if n != "" {
		st.spelled[strings.TrimSpace(a)] = true
	}
	if why != "" && (st.gave[n] == "" || betterReason(why, st.gave[n])) {
		st.gave[n] = why
	}
}

type relState struct {
	rec *relationRec
	// old is what the edge's index rows were made from; nil for a new edge.
	old      *relIndex
	isNew    bool
	evidence int            // pieces added by this article
	labels   map[string]int // labels added by this article
	kindSet  bool           // the article gave the edge its kind
	kind     string         // the first kind the article gave the edge
}

func (in *ingest) run() error {
	var err error
	if in.m, err = getMeta(in.txn); err != nil {
		return err
	}
	hash := textHash(in.a.Text)
	old := &articleRec{}
	switch err := getJSON(in.txn, articleKey(in.a.ID), old); {
	case err == nil && old.TextHash == hash && (!in.replace || old.Extractor == in.ex.Extractor):
		in.res = IngestResult{ArticleID: in.a.ID, Unchanged: true}
		return nil
	case err == nil && !in.replace:
		return ErrConflict
	case err == nil:
		if err := removeArticle(in.ctx, in.txn, in.m, old); err != nil {
			return err
		}
		in.seq = old.Seq // the replacement keeps the article's place
		in.res.Replaced = true
	case !errors.Is(err, errNoKey):
		return err
	default:
		in.m.LastArticle++
		in.seq = in.m.LastArticle
	}
	in.res.ArticleID = in.a.ID
	if err := in.mergeBridged(); err != nil {
		return err
	}
	if err := in.resolveEntities(); err != nil {
		return err
	}
	if err := in.addRelations(); err != nil {
		return err
	}
	if err := in.writeEntities(); err != nil {
		return err
	}
	if err := in.writeRelations(); err != nil {
		return err
	}
	if err := in.addEvents(); err != nil {
		return err
	}
	rec := &articleRec{Article: *in.a, Seq: in.seq, TextHash: hash, Extractor: in.ex.Extractor}
	if err := in.setValue(articleKey(in.a.ID), rec); err != nil {
		return err
	}
	if err := in.setValue(articleUndoKey(in.seq), in.contribution()); err != nil {
		return err
	}
	if err := in.txn.Set(extractorKey(in.ex.Extractor, in.seq), nil); err != nil {
		return err
	}
	if err := in.txn.Set(articleSeqKey(in.seq), []byte(in.a.ID)); err != nil {
		return err
	}
	in.m.Articles++
	in.res.Entities, in.res.Relations = len(in.ents), len(in.rels)
	return in.setValue(metaKey(), in.m)
}

func (in *ingest) resolveEntities() error {
	in.ents = map[uint64]*entState{}
	in.byExtID = map[string]uint64{}
	for i := range in.ex.Entities {
		if err := in.ctx.Err(); err != nil {
			return err
		}
		e := &in.ex.Entities[i]
		st, id, _, err := in.resolve(e)
		if err != nil {
			return err
		}
		if id != "" {
			st.proposed[proposal{ID: id, Country: strings.ToLower(e.Country), Name: strings.TrimSpace(e.Name)}] = true
		}
		in.byExtID[e.ID] = st.rec.UID
		r := st.rec
		// A join's reason is not the article's to give: identify gives
		// it from every article's proposals (joinReasons).
		st.addName(e.Name, e.AliasReasons[e.Name])
		for _, al := range e.Aliases {
			st.addName(al, e.AliasReasons[al])
		}
		r.mergeSector(e.Sector)
		r.Mentions += len(e.Mentions)
		st.spans = append(st.spans, e.Mentions...)
	}
	return in.identify()
}

// identify counts the article's proposals and gives each actor it names
// the id, country and name they choose (identity.go), in uid order.
func (in *ingest) identify() error {
	for _, uid := range in.entUIDs() {
		st := in.ents[uid]
		ps := slices.Collect(maps.Keys(st.proposed))
		sortProposals(ps)
		if err := propose(in.ctx, in.txn, uid, ps, 1); err != nil {
			return err
		}
		if in.joins != nil {
			// A replay gives each actor the id, name and country it had,
			// which its proposals choose once all its articles are in:
			// choosing before would rename it back and forth.
			continue
		}
		given := func(n string) (int, error) { return in.given(st, n) }
		var err error
		if st.isNew {
			err = identifyFrom(in.ctx, in.txn, st.rec, ps, given, true)
		} else {
			err = identify(in.ctx, in.txn, st.rec, given)
		}
		if err != nil {
			return err
		}
		st.applyReasons()
	}
	return nil
}

// given counts the articles that give the actor of st the name n, this
// one included.
func (in *ingest) given(st *entState, n string) (int, error) {
	c, err := nameCount(in.txn, st.rec.UID, n)
	if st.named[n] {
		c++
	}
	return c, err
}

// applyReasons gives the actor's aliases the reason the article gave them
// when it is better than the one they have (betterReason), once its name
// is settled: a reason given for what was the name while the article was
// read (and is an alias since a rename) is kept as a store that had the
// same articles in another order keeps it.
func (st *entState) applyReasons() {
	r := st.rec
	for _, a := range r.Aliases {
		why := st.gave[normName(a)]
		if cur, ok := r.AliasReasons[a]; why == "" || ok && !betterReason(why, cur) {
			continue
		}
		if r.AliasReasons == nil {
			r.AliasReasons = map[string]string{}
		}
		r.AliasReasons[a] = why
	}
}

// nameCount is the count at 0x25: the stored articles that give actor uid
// the normalised name n.
func nameCount(txn *badger.Txn, uid uint64, n string) (int, error) {
	c, err := getUID(txn, nameRefKey(uid, n))
	if errors.Is(err, errNoKey) {
		return 0, nil
	}
	return int(c), err
}

// entUIDs returns the uids of the actors the article names, in order.
func (in *ingest) entUIDs() []uint64 {
	uids := slices.Collect(maps.Keys(in.ents))
	slices.Sort(uids)
	return uids
}

// resolve finds or creates the stored actor for e. id is the id e proposes
// for it (e.ID, scoped by country for a namesake; "" when e's id was
// resolved already), joined is set when e was joined to an actor through
// the name index.
func (in *ingest) resolve(e *newsgraph.Entity) (st *entState, id string, joined bool, err error) {
	if uid, ok := in.byExtID[e.ID]; ok {
		return in.ents[uid], "", false, nil
	}
	return in.find(e)
}

// find finds or creates the stored actor for e; see resolve.
func (in *ingest) find(e *newsgraph.Entity) (st *entState, id string, joined bool, err error) {
	id, uid, err := in.byID(e)
	switch {
	case errors.Is(err, errNoKey) && in.joins != nil:
		uid, err = in.replayJoin(e)
	case errors.Is(err, errNoKey):
		uid, joined, err = in.match(e)
	}
	if err != nil {
		return nil, "", false, err
	}
	if uid != 0 {
		if st := in.ents[uid]; st != nil {
			return st, id, joined, nil
		}
		rec, err := getEntity(in.txn, uid)
		if err != nil {
			return nil, "", false, fmt.Errorf("entity %d: %w", uid, err)
		}
		rec.Articles++
		st = &entState{rec: rec, oldMentions: rec.Mentions, reasonsBefore: keysOf(rec.AliasReasons)}
		if joined {
			in.res.JoinedEntities++
		}
	} else {
		in.m.LastEntity++
		rec := &entityRec{UID: in.m.LastEntity, ID: id, Name: strings.TrimSpace(e.Name), Type: e.Type,
			Country: strings.ToLower(e.Country), Articles: 1}
		st = &entState{rec: rec, isNew: true}
		in.res.NewEntities++
	}
	st.named, st.gave, st.proposed = map[string]bool{}, map[string]string{}, map[proposal]bool{}
	st.spelled = map[string]bool{}
	in.ents[st.rec.UID] = st
	return st, id, joined, nil
}

// byID finds the actor e's id names: e.ID, or "id@cc" for a namesake of
// another country; err is errNoKey when there is none.
func (in *ingest) byID(e *newsgraph.Entity) (id string, uid uint64, err error) {
	id = e.ID
	uid, err = getUID(in.txn, entityIDKey(id))
	if err == nil && e.Country != "" {
		// The same id from another country is another actor ("Ministry of
		// Defence" of two states): it lives under an id scoped by country.
		rec, gerr := getEntity(in.txn, uid)
		if gerr != nil {
			return "", 0, fmt.Errorf("entity %d: %w", uid, gerr)
		}
		if otherCountry(rec.Country, e.Country) {
			id = e.ID + "@" + strings.ToLower(e.Country)
			uid, err = getUID(in.txn, entityIDKey(id))
		}
	}
	return id, uid, err
}

// match looks e's name and aliases up among the actors stored before this
// article (the name index) and those it made so far. It returns the uid
// when they name one actor of e's type (joinHit), 0 when none or several
// (ambiguous names stay apart).
func (in *ingest) match(e *newsgraph.Entity) (uint64, bool, error) {
	hits, err := in.nameHits(e)
	if err != nil {
		return 0, false, err
	}
	h, ok := joinHit(hits, e)
	if !ok {
		return 0, false, nil
	}
	return h.rec.UID, true, nil
}

// nameHits are the actors, stored or made by this article, that e's join
// keys join.
func (in *ingest) nameHits(e *newsgraph.Entity) (map[uint64]nameHit, error) {
	hits := map[uint64]nameHit{}
	for _, k := range joinKeys(e) {
		if in.sharedInArticle(e, k.norm) {
			continue
		}
		err := scan(in.ctx, in.txn, namePrefix(k.norm), nil, func(key []byte, _ *badger.Item) (bool, error) {
			uid := nameKeyUID(key)
			if _, ok := hits[uid]; ok {
				return true, nil
			}
			rec, err := getEntity(in.txn, uid)
			if err != nil {
				return false, fmt.Errorf("entity %d: %w", uid, err)
			}
			if k.joins(rec, e) {
				hits[uid] = nameHit{rec, k.norm}
			}
			return true, nil
		})
		if err != nil {
			return nil, err
		}
		in.newHits(hits, k, e)
	}
	return hits, nil
}

// newHits adds to hits the actors this article made so far that key k of
// e joins: their names are indexed when the article is written, and two
// entities of one article join as they would had an earlier article made
// the actor ("Supreme Court" after "United States Supreme Court", alias
// "Supreme Court").
func (in *ingest) newHits(hits map[uint64]nameHit, k joinKey, e *newsgraph.Entity) {
	for uid, st := range in.ents {
		if st.isNew && slices.Contains(st.rec.names(), k.norm) && k.joins(st.rec, e) {
			hits[uid] = nameHit{st.rec, k.norm}
		}
	}
}

// sharedInArticle reports whether e is a person and another person of the
// article has the name or alias norm, or has it as a word of a name
// ("Biden" beside Joe and Hunter Biden): the extractor kept the two apart,
// so the name is ambiguous, whatever the store holds when the article
// comes.
func (in *ingest) sharedInArticle(e *newsgraph.Entity, norm string) bool {
	if e.Type != newsgraph.Person {
		return false
	}
	if in.personNames == nil {
		in.personNames = map[string][]string{}
		for _, o := range in.ex.Entities {
			if o.Type != newsgraph.Person {
				continue
			}
			for _, n := range append([]string{o.Name}, o.Aliases...) {
				k := normName(n)
				for _, w := range append(strings.Fields(k), k) {
					in.personNames[w] = append(in.personNames[w], o.ID)
				}
			}
		}
	}
	for _, id := range in.personNames[norm] {
		if id != e.ID {
			return true
		}
	}
	return false
}

// nameHit is a stored actor a name of an entity found, and the name.
type nameHit struct {
	rec *entityRec
	key string
}

// joinKey is a normalised name of an entity to look up in the name index.
// A strong key (the name, a multi-word alias) joins any name of an actor;
// a person's one-word alias (a lone surname) joins only an actor whose
// name it is: the same join as the lone surname "Biden" makes with a
// stored "Joe Biden" who has it as alias, from the other side, so that
// the two join in either order.
type joinKey struct {
	norm   string
	strong bool
}

func joinKeys(e *newsgraph.Entity) []joinKey {
	var keys []joinKey
	if k := normName(e.Name); k != "" {
		keys = append(keys, joinKey{k, true})
	}
	for _, a := range e.Aliases {
		switch k := normName(a); {
		case k == "":
		case strings.Contains(k, " "):
			keys = append(keys, joinKey{k, true})
		case e.Type == newsgraph.Person:
			keys = append(keys, joinKey{k, false})
		}
	}
	return keys
}

// joins reports whether the key joins e to the stored actor rec, which has
// the name or alias k.norm.
func (k joinKey) joins(rec *entityRec, e *newsgraph.Entity) bool {
	if rec.Type != e.Type || otherCountry(rec.Country, e.Country) {
		return false
	}
	if e.Type == newsgraph.Agency && !strings.EqualFold(rec.Country, e.Country) {
		// A body no article placed in a state ("Supreme Court") is not
		// joined by name to one placed in a state, from either side: which
		// one it would join depended on which were stored when it came.
		return false
	}
	if !k.strong {
		return normName(rec.Name) == k.norm
	}
	return !weakAlias(rec, k.norm)
}

// joinHit is the actor an entity joins among the hits of its names: the
// only one; or, of several, the only one of e's own country ("United
// States Supreme Court" joins the US one, not a "Supreme Court" no article
// gave a country). Otherwise none: the names are ambiguous.
func joinHit(hits map[uint64]nameHit, e *newsgraph.Entity) (nameHit, bool) {
	if len(hits) == 1 {
		for _, h := range hits {
			return h, true
		}
	}
	var same []nameHit
	for _, h := range hits {
		if e.Country != "" && strings.EqualFold(h.rec.Country, e.Country) {
			same = append(same, h)
		}
	}
	if len(same) == 1 {
		return same[0], true
	}
	return nameHit{}, false
}

// weakAlias reports whether k is, for the stored actor rec, a one-word
// alias of an agency or state ("House", "EU"): too weak to join on, from
// either side, so that which actors join does not depend on which came
// first. (A person's lone surname still joins the person it is an alias
// of; it is not a key when it comes as an alias.)
func weakAlias(rec *entityRec, k string) bool {
	return rec.Type != newsgraph.Person && !strings.Contains(k, " ") && normName(rec.Name) != k
}

// otherCountry reports whether two actors are known to belong to different
// states: the UK's Supreme Court is not the US Supreme Court.
func otherCountry(a, b string) bool {
	return a != "" && b != "" && !strings.EqualFold(a, b)
}

func (in *ingest) addRelations() error {
	in.rels = map[string]*relState{}
	date, hasDate := newsgraph.ParseDate(in.a.PublishedAt)
	counters := map[uint64]uint32{}
	for _, r := range in.ex.Relations {
		if err := in.ctx.Err(); err != nil {
			return err
		}
		subj, obj := in.byExtID[r.Subject], in.byExtID[r.Object]
		if subj == obj {
			in.res.SelfRelations++
			continue
		}
		lemma := normPredicate(r.Lemma)
		if lemma == "" {
			lemma = normPredicate(r.Predicate)
		}
		st, err := in.relation(subj, obj, lemma)
		if err != nil {
			return err
		}
		rec := st.rec
		if st.evidence == 0 {
			rec.Articles++
			if hasDate {
				if rec.FirstSeen == "" || date < rec.FirstSeen {
					rec.FirstSeen = date
				}
				if date > rec.LastSeen {
					rec.LastSeen = date
				}
			}
		}
		label := strings.TrimSpace(r.Predicate)
		if label == "" {
			label = lemma
		}
		rec.Labels[label]++
		st.labels[label]++
		if st.kind == "" {
			st.kind = string(r.Kind)
		}
		if rec.Kind == "" && r.Kind != "" {
			rec.Kind = string(r.Kind)
			st.kindSet = true
		}
		rec.Weight++
		rec.Confidence = max(rec.Confidence, r.Evidence.Confidence)
		st.evidence++
		ev := r.Evidence
		ev.ArticleID = in.a.ID
		n := counters[rec.UID]
		counters[rec.UID]++
		if err := in.setValue(evidenceKey(rec.UID, in.seq, n), ev); err != nil {
			return err
		}
		in.m.Evidence++
		in.res.Evidence++
	}
	return nil
}

func (in *ingest) relation(subj, obj uint64, lemma string) (*relState, error) {
	tk := relTripleKey(subj, obj, lemma)
	if st := in.rels[string(tk)]; st != nil {
		return st, nil
	}
	uid, err := getUID(in.txn, tk)
	switch {
	case err == nil:
		rec, err := getRelation(in.txn, uid)
		if err != nil {
			return nil, fmt.Errorf("relation %d: %w", uid, err)
		}
		if rec.Labels == nil {
			rec.Labels = map[string]int{}
		}
		st := &relState{rec: rec, old: rec.index(), labels: map[string]int{}}
		in.rels[string(tk)] = st
		return st, nil
	case !errors.Is(err, errNoKey):
		return nil, err
	}
	in.m.LastRelation++
	s, o := in.ents[subj].rec, in.ents[obj].rec
	rec := &relationRec{
		UID: in.m.LastRelation, ID: relationID(s.ID, lemma, o.ID),
		SubjectUID: subj, ObjectUID: obj, Subject: s.ID, Object: o.ID,
		Lemma: lemma, Labels: map[string]int{},
	}
	st := &relState{rec: rec, isNew: true, labels: map[string]int{}}
	in.rels[string(tk)] = st
	in.res.NewRelations++
	return st, nil
}

// addCount adds d to the count at k (8 bytes; a missing row is 0) and
// deletes the row when the count reaches 0.
func addCount(txn *badger.Txn, k []byte, d int) error {
	_, err := addCountN(txn, k, d)
	return err
}

// addCountN is addCount returning the new count.
func addCountN(txn *badger.Txn, k []byte, d int) (int, error) {
	n, err := getUID(txn, k)
	if err != nil && !errors.Is(err, errNoKey) {
		return 0, err
	}
	if c := int(n) + d; c > 0 {
		return c, txn.Set(k, uidValue(uint64(c)))
	}
	return 0, txn.Delete(k)
}

// relationID derives the public id of an edge from what it aggregates on.
func relationID(subject, lemma, object string) string {
	h := sha256.Sum256([]byte(subject + "\x00" + lemma + "\x00" + object))
	return "rel:" + hex.EncodeToString(h[:8])
}

func (in *ingest) writeEntities() error {
	txn := in.txn
	for _, uid := range in.entUIDs() {
		st := in.ents[uid]
		r := st.rec
		if err := in.setValue(entityKey(uid), r); err != nil {
			return err
		}
		if st.isNew {
			in.m.Entities++
			in.m.EntitiesByType[r.Type]++
		} else {
			for _, k := range entityRankKeys(r.Type, st.oldMentions, uid) {
				if err := txn.Delete(k); err != nil {
					return err
				}
			}
		}
		for _, k := range entityRankKeys(r.Type, r.Mentions, uid) {
			if err := txn.Set(k, nil); err != nil {
				return err
			}
		}
		for _, n := range r.names() {
			if err := txn.Set(nameKey(n, uid), nil); err != nil {
				return err
			}
		}
		for n := range st.named {
			if err := addCount(txn, nameRefKey(uid, n), 1); err != nil {
				return err
			}
		}
		if err := in.setValue(articleEntKey(in.seq, uid), st.spans); err != nil {
			return err
		}
		if err := txn.Set(entityArtKey(uid, in.seq), nil); err != nil {
			return err
		}
	}
	return nil
}

func (in *ingest) writeRelations() error {
	txn := in.txn
	for tk, st := range in.rels {
		r := st.rec
		if err := in.setValue(relationKey(r.UID), r); err != nil {
			return err
		}
		if st.isNew {
			if _, err := txn.Get(relationIDKey(r.ID)); err == nil {
				return fmt.Errorf("relation id %s collides with another edge", r.ID)
			}
			if err := txn.Set([]byte(tk), uidValue(r.UID)); err != nil {
				return err
			}
			if err := txn.Set(relationIDKey(r.ID), uidValue(r.UID)); err != nil {
				return err
			}
			in.m.Relations++
		}
		if err := putRelIndex(txn, st.old, r.index()); err != nil {
			return err
		}
		if err := txn.Set(articleRelKey(in.seq, r.UID), nil); err != nil {
			return err
		}
	}
	return nil
}
