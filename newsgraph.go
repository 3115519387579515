package newsgraph

import (
	"crypto/sha256"
	"encoding/hex"
)

// EntityType is the kind of an actor. The values are the GraphQL enum's.
type EntityType string

// The entity types. PERSON, STATE and AGENCY are actors; PLACE is kept for
// sub-national places (cities, regions, US states as places).
const (
	Person EntityType = "PERSON"
	State  EntityType = "STATE"
	Agency EntityType = "AGENCY"
	Place  EntityType = "PLACE"
)

// Valid reports whether t is one of the four entity types.
func (t EntityType) Valid() bool {
	switch t {
	case Person, State, Agency, Place:
		return true
	}
	return false
}

// Sector is the kind of organisation an agency is. The values are the
// GraphQL enum's.
type Sector string

// The sectors of agencies. Other is for an agency nothing classifies.
const (
	Government    Sector = "GOVERNMENT"
	Legislature   Sector = "LEGISLATURE"
	Judiciary     Sector = "JUDICIARY"
	Military      Sector = "MILITARY"
	Police        Sector = "POLICE"
	Intelligence  Sector = "INTELLIGENCE"
	Party         Sector = "PARTY"
	Media         Sector = "MEDIA"
	Business      Sector = "BUSINESS"
	International Sector = "INTERNATIONAL"
	NGO           Sector = "NGO"
	Education     Sector = "EDUCATION"
	Health        Sector = "HEALTH"
	Sport         Sector = "SPORT"
	Religion      Sector = "RELIGION"
	OtherSector   Sector = "OTHER"
)

// Sectors are the sectors in the GraphQL enum's order.
var Sectors = []Sector{Government, Legislature, Judiciary, Military, Police, Intelligence,
	Party, Media, Business, International, NGO, Education, Health, Sport, Religion, OtherSector}

// Valid reports whether s is one of the sectors.
func (s Sector) Valid() bool {
	for _, v := range Sectors {
		if s == v {
			return true
		}
	}
	return false
}

// Article is one news article as it is read from a file or the API.
type Article struct {
	// ID is given by the source or derived from the text by ContentID.
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
	URL   string `json:"url,omitempty"`
	// PublishedAt is an RFC 3339 date ("2019-01-04") or timestamp when the
	// source gives one that parses; empty otherwise.
	PublishedAt string `json:"published_at,omitempty"`
	// DateWarning says why PublishedAt is empty although the source gave a
	// date: it did not parse (the ingest report shows it). Not stored.
	DateWarning string `json:"-"`
	// Source names where the article was read from (a path, "-", "api").
	Source string `json:"source,omitempty"`
}

// ContentID derives a stable article id from the title and text, so the same
// article read twice gets the same id.
func ContentID(title, text string) string {
	h := sha256.New()
	h.Write([]byte(title))
	h.Write([]byte{0})
	h.Write([]byte(text))
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Mention is one occurrence of an entity: Text == article.Text[Start:End],
// offsets in bytes.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Entity is an actor found in one article.
type Entity struct {
	// ID is stable across articles: "state:ru" (ISO 3166 alpha-2) for states,
	// otherwise the type and a slug of the canonical name
	// ("person:vladimir-putin", "agency:ministry-of-defence").
	ID      string     `json:"id"`
	Name    string     `json:"name"`
	Type    EntityType `json:"type"`
	Aliases []string   `json:"aliases"`
	// Country is the ISO 3166 alpha-2 code (lower case) of the state an
	// agency or person belongs to, when the text says so ("the UK's Ministry
	// of Defence": "gb"). Actors of different countries are never joined, so
	// "Ministry of Defence" of two states stays two actors.
	Country string `json:"country,omitempty"`
	// Sector is what an agency is (government, media, business...), in the
	// spirit of CAMEO's actor codes; empty for persons, states and places.
	Sector Sector `json:"sector,omitempty"`
	// AliasReasons says, for an alias, why it was joined to this entity
	// ("surname of Vladimir Putin", "demonym", "acronym defined in text").
	AliasReasons map[string]string `json:"alias_reasons,omitempty"`
	Mentions     []Mention         `json:"mentions"`
}

// Evidence is the text that states a relation in one article.
type Evidence struct {
	ArticleID string `json:"article_id,omitempty"`
	// Sentence == article.Text[Start:End].
	Sentence string `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	// Quantity is a number with what it counts, when the sentence gives one
	// ("302,000 Russian military personnel killed or wounded").
	Quantity string `json:"quantity,omitempty"`
	// Negated is set when the statement is negated ("has not revealed").
	Negated bool `json:"negated,omitempty"`
	// Confidence in (0, 1]: how sure the extractor is of the edge.
	Confidence float64 `json:"confidence"`
}

// RelationKind says what sort of statement an edge is. The values are the
// GraphQL enum's.
type RelationKind string

// The relation kinds.
const (
	// Action: the subject did something to the object ("signed", "invaded").
	Action RelationKind = "ACTION"
	// Statement: the subject said, claimed, estimated or believed something
	// about the object: who said what.
	Statement RelationKind = "STATEMENT"
	// Role: the subject holds a role in or is part of the object
	// ("president of", "member of", "part of").
	Role RelationKind = "ROLE"
)

// Valid reports whether k is one of the relation kinds.
func (k RelationKind) Valid() bool { return k == Action || k == Statement || k == Role }

// Relation is a directed edge subject -[Predicate]-> object between two
// entities of one Extraction, by their IDs.
type Relation struct {
	Subject string `json:"subject"`
	// Predicate is the normalised label users see ("signed decree",
	// "estimated", "president of").
	Predicate string `json:"predicate"`
	// Lemma is the predicate's lemmatised key ("sign decree", "estimate",
	// "president of") that edges aggregate on.
	Lemma string       `json:"lemma,omitempty"`
	Kind  RelationKind `json:"kind,omitempty"`
	// Pattern names the extractor's pattern that found the relation
	// ("title", "verbal"; see extract/patterns.go), for evaluation.
	Pattern  string   `json:"pattern,omitempty"`
	Object   string   `json:"object"`
	Evidence Evidence `json:"evidence"`
}

// Modality says how far the text vouches for an event: "" when it states
// the act as a fact. The values are the GraphQL enum's, lower case here.
type Modality string

// The modalities of an event the text does not assert as a fact.
const (
	// Asserted: the text states the act ("signed a decree").
	Asserted Modality = ""
	// Possible: a modal of possibility or a hedge ("could sign", "may
	// have signed", "reportedly signed").
	Possible Modality = "possible"
	// Conditional: the act hangs on a condition ("if elected, would
	// sign").
	Conditional Modality = "conditional"
	// Requested: someone asks, urges or demands the act, which has not
	// happened ("urged X to sign").
	Requested Modality = "requested"
)

// Valid reports whether m is one of the modalities.
func (m Modality) Valid() bool {
	return m == Asserted || m == Possible || m == Conditional || m == Requested
}

// Event is an act or a statement of one actor that names no second actor:
// Subject -[Predicate]-> "ObjectText", as in Vladimir Putin -[signed
// decree]-> "a new decree to encourage foreign nationals to sign up".
// Relations hold what one actor did to another; events hold the rest.
type Event struct {
	// Subject is the ID of the actor, an entity of the same Extraction.
	Subject string `json:"subject"`
	// Predicate is the verb and the head noun of its object as written
	// ("signed decree"); Lemma its base form ("sign decree").
	Predicate string `json:"predicate"`
	Lemma     string `json:"lemma"`
	// Kind is Action or Statement ("said ...", with the reported clause
	// as ObjectText).
	Kind RelationKind `json:"kind"`
	// ObjectText is the object phrase or reported clause; it is
	// Evidence.Sentence[ObjectStart-Evidence.Start:ObjectEnd-Evidence.Start].
	ObjectText  string `json:"object_text"`
	ObjectStart int    `json:"object_start"`
	ObjectEnd   int    `json:"object_end"`
	// Modality is set when the text does not state the act as a fact; the
	// evidence's confidence is lowered with it.
	Modality Modality `json:"modality,omitempty"`
	// Pattern names the extractor's rule that found the event ("event",
	// "event-statement"), for evaluation.
	Pattern  string   `json:"pattern,omitempty"`
	Evidence Evidence `json:"evidence"`
}

// Extraction is what the extractor finds in one article.
type Extraction struct {
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
	// Events are the acts and statements of one actor with no second
	// actor (see Event).
	Events []Event `json:"events"`
	// Tokens is how many word tokens the text had (for throughput figures).
	Tokens int `json:"-"`
	// Extractor is the version of the extractor that made it (see
	// extract.ModelVersion); the store records it with the article so that
	// `newsgraph reextract` knows which articles an upgrade left behind.
	Extractor string `json:"-"`
}
