package extract

import "newsgraph"

// pattern is one relation pattern: the name its edges carry (Relation.
// Pattern), the kind of edge it makes ("" when the edge's lemma decides,
// kind.go), its base confidence (the pattern lowers it for distance, hedges
// and pronouns), and the function that runs it. A pattern runs for each
// actor mention of a sentence (mention), once per sentence (sentence) or
// once per document (document); the rest are read inside another pattern
// (in names it), which runs them where it has what they need.
type pattern struct {
	name     string
	kind     newsgraph.RelationKind
	conf     float64
	mention  func(f *relationFinder, v *sentView, k int)
	sentence func(f *relationFinder, v *sentView)
	document func(f *relationFinder)
	in       patternID
}

// patternID indexes patterns; the patterns run in this order, mention
// patterns first for each mention in turn, then the sentence patterns, and
// the document patterns once all sentences are read.
type patternID int

const (
	patNone patternID = iota
	patTitle
	patOf
	patApposition
	patSuchAs
	patPartyList
	patBacked
	patDepSVO
	patDepOblique
	patDepPassive
	patDepLinked
	patDepConj
	patDepControl
	patDepRelcl
	patDepParticiple
	patDepSpeech
	patDepSpokeTo
	patDepAccording
	patVerbal
	patRoleAfterVerb
	patPassive
	patInvertedSpeech
	patSpokeTo
	patReciprocal
	patAccording
	patEntityForm
	patDivision
	patDepApposition
	patDepCopula
	patDepRelclRole
	patDepEventNoun
	patDepBetween
	patQuote
	numPatterns // the number of patterns, not one
)

// patterns is the registry of relation patterns, in run order. Adding a
// pattern is one function, one row here and its test.
var patterns = [...]pattern{
	patNone: {name: ""},
	// "Russia's President Vladimir Putin", "US Ambassador to Germany X"
	patTitle: {name: "title", conf: confTitle, mention: (*relationFinder).titleRelations},
	// "Presidents Muhammadu Buhari of Nigeria and Patrice Talon of Benin"
	patOf: {name: "of", conf: confTitle, mention: (*relationFinder).ofRelations},
	// "Youssef Chahed, the Prime Minister of Tunisia", on tokens, for the
	// names whose parse shows dep-apposition no role
	patApposition: {name: "apposition", conf: confApposition, in: patDepApposition},
	// "agencies such as the FBI and the CIA"
	patSuchAs: {name: "such-as", kind: newsgraph.Role, conf: confApposition, mention: (*relationFinder).suchAsRelations},
	// "Republicans Mark Meadows and Jim Jordan"
	patPartyList: {name: "party-list", kind: newsgraph.Role, conf: confTitle, mention: (*relationFinder).partyListRelations},
	// "the Saudi-backed government of Yemen"
	patBacked: {name: "backed", conf: confVerbNear, mention: (*relationFinder).backedRelation},
	// On the dependency parse (relations_dep_verbal.go): "Germany banned Mahan Air"
	patDepSVO: {name: "dep-svo", conf: confVerbNear, sentence: (*relationFinder).depSVO},
	// "X fought for Moscow"
	patDepOblique: {name: "dep-obl", conf: confVerbNear, sentence: (*relationFinder).depOblique},
	// "X was elected by Y" -> Y elect X
	patDepPassive: {name: "dep-passive", conf: confVerbNear, sentence: (*relationFinder).depPassive},
	// "the group, which is linked to Y" -> group link to Y
	patDepLinked: {name: "dep-linked", conf: confVerbNear, sentence: (*relationFinder).depLinked},
	// "X met Y and criticised Z" -> X criticise Z
	patDepConj: {name: "dep-conj", conf: confVerbFar, sentence: (*relationFinder).depConj},
	// "X agreed to meet Y", "X allowed Y to halt Z" -> Y halt Z
	patDepControl: {name: "dep-control", conf: confControl, sentence: (*relationFinder).depControl},
	// "the ministry, which accused Russia"
	patDepRelcl: {name: "dep-relcl", conf: confVerbFar, sentence: (*relationFinder).depRelcl},
	// "X attacked Y, accusing Z of"
	patDepParticiple: {name: "dep-participle", conf: confVerbFar, sentence: (*relationFinder).depParticiple},
	// "Reuters claimed Cubans fought" -> Reuters claim Cuba
	patDepSpeech: {name: "dep-speech", kind: newsgraph.Statement, conf: confReported, sentence: (*relationFinder).depSpeech},
	// "in an interview with Q, P said" -> P say with Q
	patDepSpokeTo: {name: "dep-spoke-to", kind: newsgraph.Statement, conf: confReported, sentence: (*relationFinder).depSpokeTo},
	// "according to A, X did" -> A according to X
	patDepAccording: {name: "dep-according", kind: newsgraph.Statement, conf: confReported, sentence: (*relationFinder).depAccording},
	// subject -[verb phrase]-> object, ReVerb style, and reported speech
	patVerbal: {name: "verbal", conf: confVerbNear, sentence: (*relationFinder).relationsVerbal},
	// "X became prime minister of Zimbabwe"
	patRoleAfterVerb: {name: "role-after-verb", conf: confApposition, in: patVerbal},
	// "X was elected by Y" read as Y -[elected]-> X
	patPassive: {name: "passive", conf: confVerbNear, in: patVerbal},
	// `"...," said X`
	patInvertedSpeech: {name: "inverted-speech", kind: newsgraph.Statement, conf: confReported, in: patVerbal},
	// "X said to Y", the one the speaker addressed
	patSpokeTo: {name: "spoke-to", kind: newsgraph.Statement, conf: confReported, in: patVerbal},
	// "Trump and Congress could not reach an agreement"
	patReciprocal: {name: "reciprocal", conf: confVerbFar, in: patVerbal},
	// "according to X, Y ..."
	patAccording: {name: "according-to", conf: confReported, sentence: (*relationFinder).relationsAccording},
	// an agency named after its state ("the Russian Foreign Ministry")
	patEntityForm: {name: "entity-form", kind: newsgraph.Role, conf: confEntityForm, document: (*relationFinder).relationsEntityForms},
	// a company's division named after it and a region ("Nintendo Europe")
	patDivision: {name: "division", kind: newsgraph.Role, conf: confEntityForm, document: (*relationFinder).relationsDivisions},
	// on the dependency tree: "David Yarnton, Nintendo Europe's general
	// manager", "the head of the NHTCU, Mick Deats"
	patDepApposition: {name: "dep-apposition", kind: newsgraph.Role, conf: confApposition, sentence: (*relationFinder).depAppositionRelations},
	// "P is the chairman of C", "P is a Republican"
	patDepCopula: {name: "dep-copula", kind: newsgraph.Role, conf: confApposition, sentence: (*relationFinder).depCopulaRelations},
	// "P, who is chief executive of C,"
	patDepRelclRole: {name: "dep-relcl-role", kind: newsgraph.Role, conf: confApposition, sentence: (*relationFinder).depRelclRoles},
	// "Russia's killing of Litvinenko", "the purchase of WMC by Xstrata"
	patDepEventNoun: {name: "dep-event-noun", conf: confVerbFar, sentence: (*relationFinder).depEventNounRelations},
	// "talks between Iran, Russia and China"
	patDepBetween: {name: "dep-between", conf: confVerbFar, sentence: (*relationFinder).depBetweenRelations},
	// `P said: "... Q ..."`, `"... Q ...," P said` -> P say Q
	patQuote: {name: "quote", kind: newsgraph.Statement, conf: confReported, sentence: (*relationFinder).quoteRelations},
}

// patternConf is each pattern's base confidence, copied from the registry
// so that a pattern function can read its own row (a function the registry
// names cannot read the registry while it is being initialised).
var patternConf [numPatterns]float64

func init() {
	for i, p := range patterns {
		patternConf[i] = p.conf
	}
}

// ofRelations runs ofRelation on mention k, passing on the title a list of
// "X of Y" names shares.
func (f *relationFinder) ofRelations(v *sentView, k int) {
	v.inherited = f.ofRelation(v, k, v.inherited)
}

// runSentencePatterns runs the mention patterns on each mention of v in turn,
// then the sentence patterns on v.
func (f *relationFinder) runSentencePatterns(v *sentView) {
	for k := range v.ms {
		for id, p := range patterns {
			if p.mention != nil && f.runs(patternID(id)) {
				p.mention(f, v, k)
			}
		}
	}
	for id, p := range patterns {
		if p.sentence != nil && f.runs(patternID(id)) {
			p.sentence(f, v)
		}
	}
}

// runs reports whether pattern id is switched on.
func (f *relationFinder) runs(id patternID) bool {
	return f.only == nil || f.only[id]
}

// runDocumentPatterns runs the document patterns once every sentence is read.
func (f *relationFinder) runDocumentPatterns() {
	for id, p := range patterns {
		if p.document != nil && f.runs(patternID(id)) {
			p.document(f)
		}
	}
}

// markPatterns sets on each relation found the name of the pattern that
// made it, and its kind where the pattern knows it.
func (f *relationFinder) markPatterns() {
	for i, id := range f.pats {
		p := patterns[id]
		f.out[i].Pattern = p.name
		if p.kind != "" {
			f.out[i].Kind = p.kind
		}
	}
}
