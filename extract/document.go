package extract

import (
	"newsgraph"
	"newsgraph/extract/syntax"
)

// document is one article as the pipeline's stages share it: the recogniser
// fills sents and ents, the relation finder reads them.
type document struct {
	text  string
	sents []sentence
	// words counts the word tokens (for throughput figures).
	words int
	// dropped counts the sentences prose failed on, left without tokens.
	dropped int
	// cands are the recognised mentions before resolution.
	cands []cand
	// sports reports whether the article holds a score or a results
	// table (sportsDoc, recognize_teams.go), set before recognition.
	sports bool
	// digest reports whether the article is a press digest, whose lines
	// open with a newspaper's name (pressDigest, digest.go).
	digest bool
	// scorers are the folded one-word names a sports report's results
	// give a goal or a score to ("( Dantell 30 )", scorerNames).
	scorers map[string]bool
	// ents are the article's resolved actors; a mention's ent indexes it.
	ents []newsgraph.Entity
	// corefs are, per sentence, the words the coreference stage linked to
	// an actor (coref.go).
	corefs [][]corefLink
	// quotes are the quotations whose speaker the text names, found by
	// the coreference stage (coref_quotes.go).
	quotes []quoteSpan
	// rels are the relations found between ents.
	rels []newsgraph.Relation
	// views are the sentences as the relation patterns read them (actor
	// mentions with pronouns resolved), kept for the event finder.
	views []*sentView
	// events are the acts and statements of one actor (events.go).
	events []newsgraph.Event
}

// sentence is a span of the text with its tokens and the entity mentions in it.
type sentence struct {
	start, end int // byte offsets in document.text
	toks       []token
	labels     []string     // the NER tagger's IOB label per token, or nil
	mentions   []mention    // in token order, not overlapping
	parsed     *syntax.Tree // the dependency parse, made on first use by tree (parse.go)
}

// token is a word or punctuation token with its Penn Treebank tag (from prose)
// and its byte offsets in document.text.
type token struct {
	text       string
	tag        string
	start, end int
}

// mention is an entity mention inside a sentence: tokens [first, last] stand
// for document.ents[ent]. Role mentions resolved from pronouns or role nouns
// ("he", "the ministry") have resolved set.
type mention struct {
	ent         int
	first, last int // token indexes, inclusive
	resolved    bool
}
