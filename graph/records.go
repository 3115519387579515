package graph

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/dgraph-io/badger/v4"

	"newsgraph"
)

// Entity is an actor as the store knows it: the union of what every article
// said about it.
type Entity struct {
	// ID is the best of the extractor ids the stored articles give the
	// actor ("person:vladimir-putin" over "person:putin"; identity.go), so
	// it does not depend on the order they came in. The other ids find it
	// too. Name and Country are chosen the same way.
	ID   string
	Name string
	Type newsgraph.EntityType
	// Country is the ISO code of the state the actor belongs to, when an
	// article said so; actors of different countries are never joined.
	Country string
	// Sector is what an agency is (newsgraph.Sectors): the most specific
	// sector any article gave it, OTHER when none said more; empty for
	// persons, states and places.
	Sector  newsgraph.Sector
	Aliases []string
	// AliasReasons says why an alias was joined: the extractor's reason, or
	// "joined across articles: ..." when the store joined two articles' ids.
	AliasReasons map[string]string
	MentionCount int
	ArticleCount int
	// Aliases and AliasReasons may be shared by the entities of several
	// reads of the same actor: treat them as read-only.
}

// Relation is an edge aggregated over every article that states it: one per
// (subject, lemma, object).
type Relation struct {
	// ID is derived from the subject, lemma and object ("rel:1f0c..."), so it
	// is the same in any store built from the same articles.
	ID      string
	Subject string // entity id
	Object  string // entity id
	// Predicate is the label most of the evidence used ("signed decree").
	Predicate string
	// Lemma is the key the edge aggregates on ("sign decree").
	Lemma string
	// Kind is what sort of statement the edge is: an action, a statement
	// (who said what) or a role; empty when the extractor did not say.
	Kind newsgraph.RelationKind
	// Weight is the number of pieces of evidence.
	Weight       int
	ArticleCount int
	// FirstSeen and LastSeen are the earliest and latest PublishedAt of the
	// articles stating the edge; empty when none of them had a date.
	FirstSeen, LastSeen string
	// Confidence is the highest confidence among the evidence.
	Confidence float64
	// Window is the time window the edge was read through (time.go):
	// Weight, ArticleCount, FirstSeen and LastSeen count only the evidence
	// inside it. Zero for the whole edge.
	Window Window
	// subjectUID and objectUID are the ends' internal numbers, as the
	// edge's record holds them, so that Ends reads an end with one Get;
	// zero when not known.
	subjectUID, objectUID uint64
}

// Stats counts what the store holds.
type Stats struct {
	Articles  int
	Entities  int
	Relations int
	Evidence  int
	Events    int
}

// meta is the single row of counters, updated in every ingest transaction.
type meta struct {
	Version int `json:"version"`
	// Last ids handed out; the next one is one more.
	LastArticle  uint64 `json:"last_article"`
	LastEntity   uint64 `json:"last_entity"`
	LastRelation uint64 `json:"last_relation"`

	Articles       int                          `json:"articles"`
	Entities       int                          `json:"entities"`
	EntitiesByType map[newsgraph.EntityType]int `json:"entities_by_type"`
	Relations      int                          `json:"relations"`
	Evidence       int                          `json:"evidence"`
	Events         int                          `json:"events,omitempty"`
	// SeededProposals is set on a store upgraded to format 3: its actors
	// have proposals no article recorded (upgrade.go's seedProposals).
	SeededProposals bool `json:"seeded_proposals,omitempty"`
}

// formatVersion is the layout of keys.go. 2 added the predicate and kind
// indexes and their counts (0x37-0x39); 3 the actors' proposals (0x26); 4
// the event indexes in three orders and their counts (0x41-0x44). Open
// upgrades an older store in place (upgrade.go).
const formatVersion = 4

type articleRec struct {
	newsgraph.Article
	Seq uint64 `json:"seq"`
	// TextHash tells a repeated ingest (same text: unchanged) from a
	// conflicting one (same id, other text).
	TextHash string `json:"text_sha256"`
	// Extractor is the version of the extractor that read it.
	Extractor string `json:"extractor,omitempty"`
}

type entityRec struct {
	UID          uint64               `json:"uid"`
	ID           string               `json:"id"`
	Name         string               `json:"name"`
	Type         newsgraph.EntityType `json:"type"`
	Country      string               `json:"country,omitempty"`
	Sector       newsgraph.Sector     `json:"sector,omitempty"`
	Aliases      []string             `json:"aliases,omitempty"`
	AliasReasons map[string]string    `json:"alias_reasons,omitempty"`
	Mentions     int                  `json:"mentions"`
	Articles     int                  `json:"articles"`
	// shared is the record as an Entity, made once for a record kept in
	// the read cache (readcache.go); nil otherwise.
	shared *Entity
}

// entity is the record as the API returns it. A cached record hands out
// copies of one Entity made when it was read, sharing its aliases and
// their reasons (see Entity), so a hot actor is not sorted and copied
// again for every request.
func (r *entityRec) entity() *Entity {
	if r.shared != nil {
		e := *r.shared
		return &e
	}
	e := &Entity{
		ID: r.ID, Name: r.Name, Type: r.Type, Country: r.Country, Sector: r.Sector,
		// Sorted: the order aliases were first seen in depends on the
		// order articles were ingested in.
		Aliases:      slices.Sorted(slices.Values(r.Aliases)),
		AliasReasons: map[string]string{},
		MentionCount: r.Mentions, ArticleCount: r.Articles,
	}
	for a, why := range r.AliasReasons {
		e.AliasReasons[a] = why
	}
	return e
}

// mergeSector keeps the sector that says most of the actor's and s: any
// sector beats none, a named one beats OTHER, and of two named ones the
// first in newsgraph.Sectors wins, so the sector does not depend on the
// order the articles came in.
func (r *entityRec) mergeSector(s newsgraph.Sector) {
	if r.Type != newsgraph.Agency || s == "" || r.Sector == s {
		return
	}
	if r.Sector == "" || sectorRank(s) < sectorRank(r.Sector) {
		r.Sector = s
	}
}

// sectorRank orders the sectors for mergeSector: named ones by their place
// in newsgraph.Sectors, OTHER and unknown ones last.
func sectorRank(s newsgraph.Sector) int {
	if i := slices.Index(newsgraph.Sectors, s); i >= 0 && s != newsgraph.OtherSector {
		return i
	}
	return len(newsgraph.Sectors)
}

// names returns the normalised name and aliases, each once.
func (r *entityRec) names() []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range append([]string{r.Name}, r.Aliases...) {
		if k := normName(n); k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// setName makes name the actor's name and, when keepOld, its former name an
// alias (identity.go: keepOld is whether an article still gives it).
func (r *entityRec) setName(name string, keepOld bool) {
	old, k := r.Name, normName(name)
	r.Name = name
	r.Aliases = slices.DeleteFunc(r.Aliases, func(a string) bool {
		if normName(a) != k {
			return false
		}
		delete(r.AliasReasons, a)
		return true
	})
	if len(r.AliasReasons) == 0 {
		r.AliasReasons = nil
	}
	if len(r.Aliases) == 0 {
		r.Aliases = nil
	}
	if keepOld {
		r.addAlias(old, "")
	}
}

// addAlias adds a as an alias unless it is the name or already one; why is
// kept when the alias has no reason yet or a worse one (betterReason).
func (r *entityRec) addAlias(a, why string) {
	a = strings.TrimSpace(a)
	k := normName(a)
	if k == "" {
		return
	}
	known := normName(r.Name) == k
	for i, x := range r.Aliases {
		if normName(x) != k {
			continue
		}
		known = true
		if x != a && preferName(a, x) {
			// One spelling in any ingest order: the fuller ("U.S." over "US").
			r.Aliases[i] = a
			if why, ok := r.AliasReasons[x]; ok {
				delete(r.AliasReasons, x)
				r.AliasReasons[a] = why
			}
		} else {
			a = x
		}
		break
	}
	if !known {
		r.Aliases = append(r.Aliases, a)
	}
	if why != "" && k != normName(r.Name) {
		if r.AliasReasons == nil {
			r.AliasReasons = map[string]string{}
		}
		if cur, ok := r.AliasReasons[a]; !ok || betterReason(why, cur) {
			r.AliasReasons[a] = why
		}
	}
}

type relationRec struct {
	UID        uint64         `json:"uid"`
	ID         string         `json:"id"`
	SubjectUID uint64         `json:"subject_uid"`
	ObjectUID  uint64         `json:"object_uid"`
	Subject    string         `json:"subject"`
	Object     string         `json:"object"`
	Lemma      string         `json:"lemma"`
	Kind       string         `json:"kind,omitempty"`
	Labels     map[string]int `json:"labels"`
	Weight     int            `json:"weight"`
	Articles   int            `json:"articles"`
	FirstSeen  string         `json:"first_seen,omitempty"`
	LastSeen   string         `json:"last_seen,omitempty"`
	Confidence float64        `json:"confidence"`
}

// label is the most used predicate; ties go to the first in byte order, so
// it does not change from one read to the next.
func (r *relationRec) label() string {
	best, n := r.Lemma, 0
	for l, c := range r.Labels {
		if c > n || c == n && l < best {
			best, n = l, c
		}
	}
	return best
}

// matches reports whether the predicate filter p (normalised) names the
// edge's lemma or one of its labels.
func (r *relationRec) matches(p string) bool {
	if p == "" || r.Lemma == p {
		return true
	}
	for l := range r.Labels {
		if normPredicate(l) == p {
			return true
		}
	}
	return false
}

func (r *relationRec) relation() *Relation {
	return &Relation{
		ID: r.ID, Subject: r.Subject, Object: r.Object,
		Predicate: r.label(), Lemma: r.Lemma, Kind: newsgraph.RelationKind(r.Kind),
		Weight: r.Weight, ArticleCount: r.Articles,
		FirstSeen: r.FirstSeen, LastSeen: r.LastSeen,
		Confidence: r.Confidence,
		subjectUID: r.SubjectUID, objectUID: r.ObjectUID,
	}
}

// errNoKey is returned by getJSON for a missing key, so callers can turn it
// into ErrNotFound with their own context.
var errNoKey = badger.ErrKeyNotFound

// getJSON decodes the value at k into v; a missing key gives errNoKey.
func getJSON(txn *badger.Txn, k []byte, v any) error {
	item, err := txn.Get(k)
	if err != nil {
		return err
	}
	b, err := valueCopy(item)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("graph: corrupt value at key %x: %w", k, err)
	}
	return nil
}

// getUID reads an 8-byte uid value; a missing key gives errNoKey.
func getUID(txn *badger.Txn, k []byte) (uint64, error) {
	item, err := txn.Get(k)
	if err != nil {
		return 0, err
	}
	b, err := valueCopy(item)
	if err != nil {
		return 0, err
	}
	return decodeUID(b)
}

func getMeta(txn *badger.Txn) (*meta, error) {
	m := &meta{Version: formatVersion}
	err := getJSON(txn, metaKey(), m)
	if errors.Is(err, errNoKey) {
		err = nil
	}
	if m.EntitiesByType == nil {
		m.EntitiesByType = map[newsgraph.EntityType]int{}
	}
	if err == nil && m.Version > formatVersion {
		err = fmt.Errorf("graph: store format %d is newer than this program's %d", m.Version, formatVersion)
	}
	return m, err
}

// getArticle reads an article record and checks its text against the
// stored hash (ErrCorrupt on a mismatch).
func getArticle(txn *badger.Txn, id string) (*articleRec, error) {
	r := &articleRec{}
	if err := getJSON(txn, articleKey(id), r); err != nil {
		return nil, err
	}
	return r, r.verify()
}

func getEntity(txn *badger.Txn, uid uint64) (*entityRec, error) {
	r := &entityRec{}
	if err := getRecord(txn, entityKey(uid), func(v []byte) error { return decodeEntity(v, r) }); err != nil {
		return nil, err
	}
	return r, nil
}

func getRelation(txn *badger.Txn, uid uint64) (*relationRec, error) {
	r := &relationRec{}
	if err := getRecord(txn, relationKey(uid), func(v []byte) error { return decodeRelation(v, r) }); err != nil {
		return nil, err
	}
	return r, nil
}

// getRecord decodes the value at k with decode, which must copy what it
// keeps; a missing key gives errNoKey.
func getRecord(txn *badger.Txn, k []byte, decode func(v []byte) error) error {
	item, err := txn.Get(k)
	if err != nil {
		return err
	}
	if err := item.Value(decode); err != nil {
		return fmt.Errorf("graph: corrupt value at key %x: %w", k, err)
	}
	return nil
}

// normName is the form names and aliases are indexed and looked up in:
// lower case, dots and quotes dropped, runs of space and dashes made one
// space, so "U.S.", "us" and "U S" meet, as do "Al-Assad" and "al Assad".
func normName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '.' || r == '\'' || r == '\u2019' || r == '"' || unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			continue
		case unicode.IsSpace(r) || r == '-' || r == '\u2010' || r == '\u2013':
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// normPredicate is the form predicates aggregate and filter on: lower case,
// single spaces.
func normPredicate(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}
