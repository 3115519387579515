package extract

import "newsgraph/extract/internal/lexicon"

// Word lists of the relation patterns: closed classes of English, not names.

// relSpeechVerbs are the lemmas of verbs that report a statement, a belief or an
// estimate: their object is the first actor of the clause they introduce.
var relSpeechVerbs = wordSet("speech_verbs.txt")

// relTitleWords are nouns of office and role that make a phrase before a name
// a title even when capitalised ("Senate Minority Leader, Chuck Schumer").
var relTitleWords = wordColumn("roles.tsv", "title_word")

// relLeaderTitles are titles that say more than membership of a party.
var relLeaderTitles = wordColumn("roles.tsv", "leader_title")

// relTimeWords are nouns of time, never part of a title or a predicate.
var relTimeWords = wordColumn("calendar.tsv", "time_word")

// relMonths are the month names a day number stands next to in a date.
var relMonths = wordColumn("calendar.tsv", "month")

// relAuxiliaries are the verbs that carry tense, voice or mood for the verb after
// them; they are left out of predicates.
var relAuxiliaries = wordSet("auxiliaries.txt")

// relBeForms are the forms of "be", the copula.
var relBeForms = wordSet("be_forms.txt")

// relNegations mark a negated verb group.
var relNegations = lexicon.NewSet("not", "n't", "never")

// relReportNouns turn "according to X's estimates" into the verb of X's edge.
var relReportNouns = wordTable("report_nouns.tsv")

// relPronouns are the pronouns that stand for one actor: he and she for a
// person, "it" for a state or an agency.
var relPronouns = map[string]string{
	"he": "PERSON", "she": "PERSON", "him": "PERSON", "his": "PERSON", "her": "PERSON",
	"it": "ORG",
}

// relPartNouns are the nouns that make an agency part of another in an
// apposition ("UNESCO, a specialized agency of the United Nations").
var relPartNouns = wordSet("part_nouns.txt")

// relReciprocalVerbs are the lemmas of verbs whose coordinated subjects act on
// each other ("Trump and Congress could not agree").
var relReciprocalVerbs = lexicon.NewSet(
	"agree", "disagree", "reach", "meet", "negotiate", "clash", "cooperate",
	"talk", "discuss", "quarrel",
)

// relPrepVerbs are participles that work as prepositions ("firms
// including Siemens", "according to"); they head no verb group.
var relPrepVerbs = wordSet("prep_verbs.txt")

// relSpeechNouns and participles open the phrase that names whom a speaker
// spoke to: "in remarks to ABC", "in an interview with Sputnik News",
// "speaking to Agence France-Presse".
var relSpeechNouns = wordSet("speech_nouns.txt")

// relNominative are the subject pronouns, which are never a verb's object.
var relNominative = lexicon.NewSet("i", "we", "he", "she", "they")

// relChannelPreps introduce the medium of a statement ("via Twitter",
// "in an interview"), not what it is about.
var relChannelPreps = lexicon.NewSet("via", "through", "during", "in", "at")

// relRoleNouns are nouns of role that are not titles before a name but name
// what a person is to an actor in an apposition or after "as" ("one of
// Zelensky's aides", "served as Trump's lawyer").
var relRoleNouns = wordColumn("roles.tsv", "role_noun")

// relRoleVerbs are the lemmas of verbs that give their subject an office or a
// role named after them ("became prime minister of", "was sworn in as
// Puerto Rico's governor").
var relRoleVerbs = wordSet("role_verbs.txt")
