package extract

// Word lists of the relation patterns: closed classes of English, not names.

func relWordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// relSpeechVerbs are the lemmas of verbs that report a statement, a belief or an
// estimate: their verbObject is the first actor of the clause they introduce.
var relSpeechVerbs = relWordSet(
	"say", "claim", "believe", "estimate", "announce", "allege", "report",
	"note", "state", "argue", "suggest", "deny", "insist", "think", "add",
	"confirm", "warn", "write", "tweet", "declare", "assert", "acknowledge",
	"predict", "reveal", "explain", "stress", "emphasize", "emphasise",
	"maintain", "contend", "admit", "assess", "conclude", "indicate", "tell",
	"accuse", "complain", "expect", "reply", "respond", "comment", "remark",
	"observe", "recall", "testify", "concede", "speculate", "calculate",
)

// relTitleWords are nouns of office and role that make a phrase before a name
// a title even when capitalised ("Senate Minority Leader, Chuck Schumer").
var relTitleWords = relWordSet(
	"president", "presidents", "minister", "ministers", "leader", "leaders",
	"chancellor", "secretary", "speaker", "chairman", "chair", "chairperson",
	"chairwoman", "whip", "senator", "senators", "representative",
	"representatives", "governor", "mayor", "ambassador", "spokesman",
	"spokesperson", "spokeswoman", "director", "head", "chief", "commissioner",
	"general", "judge", "king", "queen", "prince", "princess", "member", "members",
	"advisor", "adviser", "officer", "commander", "founder", "ceo", "executive",
	"editor", "correspondent", "reporter", "envoy", "deputy", "attorney",
	"premier", "emir", "sultan", "monarch", "justice", "lawmaker", "mp", "mep",
	"congressman", "congresswoman", "candidate", "nominee", "drummer",
	"guitarist", "singer", "player", "coach", "captain", "manager", "owner",
	"analyst", "official", "diplomat", "counsel", "prosecutor", "inspector",
	"superintendent", "chairmen", "vice", "pope", "cardinal", "bishop", "archbishop",
)

// relLeaderTitles are titles that say more than membership of a party.
var relLeaderTitles = relWordSet(
	"leader", "chairman", "chair", "chairperson", "chairwoman", "president",
	"head", "whip", "secretary", "spokesman", "spokesperson", "spokeswoman",
	"founder", "treasurer", "director", "chief", "deputy",
)

// relTimeWords are nouns of time, never part of a title or a predicate.
var relTimeWords = relWordSet(
	"yesterday", "today", "tonight", "tomorrow", "monday", "tuesday",
	"wednesday", "thursday", "friday", "saturday", "sunday", "january",
	"february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "week", "weeks", "month", "months", "year",
	"years", "day", "days", "morning", "evening", "night", "afternoon",
	"weekend", "time", "times", "decade", "decades", "century", "hour", "hours",
	"moment", "period", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
	"sept", "oct", "nov", "dec",
)

// relMonths are the month names a day number stands next to in a date.
var relMonths = relWordSet(
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "jan.", "feb",
	"feb.", "mar", "mar.", "apr", "apr.", "jun", "jun.", "jul", "jul.", "aug",
	"aug.", "sep", "sep.", "sept", "sept.", "oct", "oct.", "nov", "nov.", "dec",
	"dec.",
)

// relAuxiliaries are the verbs that carry tense, voice or mood for the verb after
// them; they are left out of predicates.
var relAuxiliaries = relWordSet(
	"be", "am", "is", "are", "was", "were", "been", "being", "'s", "'re", "'m",
	"have", "has", "had", "having", "'ve", "'d", "do", "does", "did",
	"will", "would", "shall", "should", "can", "could", "may", "might", "must",
	"wo", "ca", "'ll", "get", "gets", "got", "gotten", "getting",
)

// relBeForms are the forms of "be", the copula.
var relBeForms = relWordSet("be", "am", "is", "are", "was", "were", "been", "being", "'s", "'re", "'m")

// relNegations mark a negated verb group.
var relNegations = relWordSet("not", "n't", "never")

// relReportNouns turn "according to X's estimates" into the verb of X's edge.
var relReportNouns = map[string]string{
	"estimate": "estimated", "estimates": "estimated", "report": "reported",
	"reports": "reported", "figure": "reported", "figures": "reported",
	"data": "reported", "statement": "stated", "statements": "stated",
	"assessment": "assessed", "assessments": "assessed", "analysis": "analysed",
	"survey": "surveyed", "tweet": "tweeted", "tweets": "tweeted",
	"count": "counted", "calculations": "calculated", "poll": "polled",
	"research": "researched", "study": "studied", "claims": "claimed",
	"claim": "claimed", "sources": "reported", "source": "reported",
	"announcement": "announced", "interview": "said", "remarks": "said",
	"filing": "filed", "records": "reported", "documents": "reported",
}

// relPronouns are the pronouns that stand for one actor: he and she for a
// person, "it" for a state or an agency.
var relPronouns = map[string]string{
	"he": "PERSON", "she": "PERSON", "him": "PERSON", "his": "PERSON", "her": "PERSON",
	"it": "ORG",
}

// relPartNouns are the nouns that make an agency part of another in an
// apposition ("UNESCO, a specialized agency of the United Nations").
var relPartNouns = relWordSet(
	"agency", "body", "branch", "arm", "unit", "division", "subsidiary",
	"department", "wing", "organ", "office", "ministry", "affiliate",
	"member", "part", "committee", "commission", "service", "bureau", "council",
)

// relReciprocalVerbs are the lemmas of verbs whose coordinated subjects act on
// each other ("Trump and Congress could not agree").
var relReciprocalVerbs = relWordSet(
	"agree", "disagree", "reach", "meet", "negotiate", "clash", "cooperate",
	"talk", "discuss", "quarrel",
)

// relPrepVerbs are participles that work as prepositions ("firms
// including Siemens", "according to"); they head no verb group.
var relPrepVerbs = relWordSet(
	"including", "according", "following", "regarding", "concerning",
	"excluding", "given", "compared", "considering", "involving", "pending",
	"amid", "notwithstanding", "barring",
)

// relSpeechNouns and participles open the phrase that names whom a speaker
// spoke to: "in remarks to ABC", "in an interview with Sputnik News",
// "speaking to Agence France-Presse".
var relSpeechNouns = relWordSet(
	"remarks", "remark", "interview", "interviews", "statement", "comments",
	"speaking", "talking", "speech", "conversation", "letter", "message",
)

// relNominative are the subject pronouns, which are never a verb's object.
var relNominative = relWordSet("i", "we", "he", "she", "they")

// relChannelPreps introduce the medium of a statement ("via Twitter",
// "in an interview"), not what it is about.
var relChannelPreps = relWordSet("via", "through", "during", "in", "at")

// relRoleNouns are nouns of role that are not titles before a name but name
// what a person is to an actor in an apposition or after "as" ("one of
// Zelensky's aides", "served as Trump's lawyer").
var relRoleNouns = relWordSet(
	"aide", "aides", "lawyer", "lawyers", "attorney", "rapporteur", "envoy", "father",
	"mother", "son", "daughter", "wife", "husband", "brother", "sister", "ally", "allies",
	"citizen", "national", "employee", "staffer", "partner", "successor", "predecessor",
	"critic", "supporter", "opponent", "rival", "founder", "co-founder", "leader",
	"spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "assistant",
)

// relRoleVerbs are the lemmas of verbs that give their subject an office or a
// role named after them ("became prime minister of", "was sworn in as
// Puerto Rico's governor").
var relRoleVerbs = relWordSet(
	"become", "remain", "serve", "name", "appoint", "elect", "consider", "nominate",
	"choose", "select", "swear", "install", "reelect", "re-elect", "confirm", "succeed",
)
