package extract

import (
	"embed"

	"newsgraph/extract/internal/lexicon"
)

// wordFiles are the word lists of the stages: one concept a file, written
// for newsgraph (data/NOTICE.md).
//
//go:embed data/words
var wordFiles embed.FS

// wordSet returns the set of words of data/words/name.
func wordSet(name string) lexicon.Set { return lexicon.Words(wordFiles, "data/words/"+name) }

// wordList returns the words of data/words/name in file order.
func wordList(name string) []string { return lexicon.List(wordFiles, "data/words/"+name) }

// wordTable returns the two-column table data/words/name as a map.
func wordTable(name string) map[string]string { return lexicon.Table(wordFiles, "data/words/"+name) }

// wordColumn returns the words of the table data/words/name marked in
// column col: one table holds the words of one concept (roles.tsv) with a
// column per use, so that each word is written once.
func wordColumn(name, col string) lexicon.Set {
	return lexicon.Column(wordFiles, "data/words/"+name, col)
}

// The word lists of the stages, by stage. Each is a file of data/words, or a
// column of one of its tables.

// Text: sentences and tokens.

// abbreviations end in a stop that ends no sentence ("Gen.", "Jan.").
var abbreviations = wordSet("abbreviations.txt")

// sentenceStarters open a sentence after an abbreviation's stop.
var sentenceStarters = wordSet("sentence_starters.txt")

// adjectiveEndings turn a name into an adjective after a hyphen
// ("Saudi-led", "London-based", "Iranian-backed").
var adjectiveEndings = wordList("adjective_endings.txt")

// Recognition.

// orgAlone are head words that name an organisation even alone, capitalised
// mid-sentence ("Parliament voted", "Congress passed").
var orgAlone = lexicon.NewSet("Parliament", "Congress", "Senate", "Duma", "Knesset",
	"Cabinet", "Legislature", "Treasury")

// commonCaps are words capitalised only because they open a sentence, a
// quote or a headline; a name never starts with one.
var commonCaps = wordSet("common_caps.txt")

// personTitles are titles and roles written before a person's name, lower
// case, one or more words ("prime minister").
var personTitles = wordColumn("roles.tsv", "person_title")

// lowerTitles are role nouns that, written in lower case just before a
// capitalised name, say the name is a person's ("designer Tim Gunn").
var lowerTitles = wordColumn("roles.tsv", "lower_title")

// orgHeads are words that end an organisation's name ("Labour Party",
// "Defence Ministry") or start it before "of" ("Ministry of Defence").
var orgHeads = wordColumn("org_heads.tsv", "org_head")

// orgOpeners are words of other languages that open a company's or a
// bank's name ("Banco Bilbao Vizcaya", "Norsk Hydro").
var orgOpeners = wordSet("org_openers.txt")

// notAcronyms are capitalised abbreviations that name no organisation.
var notAcronyms = wordSet("not_acronyms.txt")

// minorWords stay lower case in title-cased headlines.
var minorWords = wordSet("minor_words.txt")

// connectors may join capitalised words inside a name ("Ministry of the
// Interior", "Bank of England", "Osama bin Laden").
var connectors = wordSet("connectors.txt")

// companyHeads end a company's legal name, which may hold "and" ("Pacific
// Gas and Electric Company").
var companyHeads = wordColumn("org_heads.tsv", "company_head")

// nonPersonHeads end names of works, products, vehicles and institutions
// that are named like persons: shows, series, comics, spacecraft, teams.
var nonPersonHeads = wordSet("non_person_heads.txt")

// workNouns, in lower case before a name, say it names a work, a product
// or a vehicle ("the show Morning Joe", "the spacecraft Crew Dragon").
var workNouns = wordSet("work_nouns.txt")

// placeWords name a kind of place before "of" and a name ("the island of
// Rapa Nui", "the town of Paradise") or after it ("the Tokyo Metropolitan
// area").
var placeWords = wordSet("place_words.txt")

// ofHeads take "of", "for" or "on" inside a name.
var ofHeads = wordColumn("org_heads.tsv", "of_head")

// nonEntityHeads end names of things that are no actor: events, laws,
// treaties, prizes ("Free Trade Area", "Paris Agreement", "World Cup").
var nonEntityHeads = wordSet("non_entity_heads.txt")

// placeHeads end, and placeStarts begin, names of places.
var placeHeads = wordSet("place_heads.txt")

var placeStarts = wordSet("place_starts.txt")

// serviceNouns name a state's services in lower case after the state.
var serviceNouns = wordSet("service_nouns.txt")

var saidVerbs = wordSet("said_verbs.txt")

// nonActorStarts open names of things named like persons: storms and ships.
var nonActorStarts = wordSet("non_actor_starts.txt")

// marketIndices are stock-market indices; an index is no actor.
var marketIndices = wordSet("market_indices.txt")

// indexWords end an index's name after its short form ("Nasdaq Composite").
var indexWords = wordSet("index_words.txt")

// currencyCodes open amounts written as one token ("GBP738", "USD910").
var currencyCodes = wordSet("currency_codes.txt")

// adjectiveSuffixes end common words, mostly adjectives ("careful").
var adjectiveSuffixes = wordList("adjective_suffixes.txt")

// Gazetteers.

var usStates = wordList("us_states.txt")

// calendarWords are never entities, nor given names.
var calendarWords = wordColumn("calendar.tsv", "calendar_word")

// Countries.

// govHeads are the head words of government bodies every state has, so that
// the name alone does not say whose they are.
var govHeads = wordColumn("org_heads.tsv", "gov_head")

// bodyWords qualify government bodies; golem's dictionary, which lists
// inflected words, lacks some of them.
var bodyWords = wordSet("body_words.txt")

// supranational words name bodies above states ("European Parliament",
// "International Criminal Court"), never one state's.
var supranational = wordSet("supranational.txt")

// Resolution.

// descriptorNouns say what kind of organisation a name is when written
// beside it: "Reuters news agency", "the state media agency TASS".
var descriptorNouns = wordSet("descriptor_nouns.txt")

var govVerbs = wordSet("gov_verbs.txt")

// stateNouns after a demonym make it stand for the state: "the Greek foreign
// minister", "Russian troops", "the Turkish government".
var stateNouns = wordSet("state_nouns.txt")

// genericWords are common nouns that, capitalised alone, name no actor:
// the head words of organisations and places, directions, collectives.
var genericWords = wordSet("generic_words.txt")

// publicFigures are surnames that wire copy writes alone for a public figure
// ("Clinton met Yeltsin"), mapped to the figure's full name.
var publicFigures = wordTable("public_figures.tsv")

// nameSuffixes end a person's name after the surname ("Jr.", "III").
var nameSuffixes = wordSet("name_suffixes.txt")

// praiseWords judge what follows them ("Great Service"): before an
// organisation's head word alone they make a review's verdict, no name.
var praiseWords = wordSet("praise_words.txt")

// extraTitles are roles written before a name that personTitles and
// lowerTitles do not hold because they never stand for a person alone.
var extraTitles = wordColumn("roles.tsv", "extra_title")

// Quantities.

// relNumberWords are the spelled-out magnitudes that continue a count.
var relNumberWords = wordSet("number_words.txt")

// Relations: closed classes of English, not names.

// relNegations mark a negated verb group.
var relNegations = lexicon.NewSet("not", "n't", "never")

// The pronouns the coreference sieves link (coref_pronouns.go): he and she
// for a person, "it" for a state or an agency.
var (
	relPronounsPerson = lexicon.NewSet("he", "she", "him", "his", "her")
	relPronounsIt     = lexicon.NewSet("it", "its")
)

// corefDescriptions maps the head nouns of definite descriptions ("the
// company", "the network") to the sector of the agency they stand for, or
// "-" when only an agency whose name has that word fits ("the ministry").
var corefDescriptions = wordTable("coref_descriptions.tsv")

// relReciprocalVerbs are the lemmas of verbs whose coordinated subjects act on
// each other ("Trump and Congress could not agree").
var relReciprocalVerbs = lexicon.NewSet(
	"agree", "disagree", "reach", "meet", "negotiate", "clash", "cooperate",
	"talk", "discuss", "quarrel",
)

// relNominative are the subject pronouns, which are never a verb's object.
var relNominative = lexicon.NewSet("i", "we", "he", "she", "they")

// relChannelPreps introduce the medium of a statement ("via Twitter",
// "in an interview"), not what it is about.
var relChannelPreps = lexicon.NewSet("via", "through", "during", "in", "at")

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

// relReportNouns turn "according to X's estimates" into the verb of X's edge.
var relReportNouns = wordTable("report_nouns.tsv")

// relPartNouns are the nouns that make an agency part of another in an
// apposition ("UNESCO, a specialized agency of the United Nations").
var relPartNouns = wordSet("part_nouns.txt")

// relPrepVerbs are participles that work as prepositions ("firms
// including Siemens", "according to"); they head no verb group.
var relPrepVerbs = wordSet("prep_verbs.txt")

// relSpeechNouns and participles open the phrase that names whom a speaker
// spoke to: "in remarks to ABC", "in an interview with Sputnik News",
// "speaking to Agence France-Presse".
var relSpeechNouns = wordSet("speech_nouns.txt")

// statementNouns are the lemmas of statements a body issues: a participle
// on one states the issuer's act (dep.go statementIssuer).
var statementNouns = wordSet("statement_nouns.txt")

// issueVerbs are the lemmas of verbs by which a body puts out a statement
// of its own ("issued", "released"), not one it cites.
var issueVerbs = wordSet("issue_verbs.txt")

// relRoleNouns are nouns of role that are not titles before a name but name
// what a person is to an actor in an apposition or after "as" ("one of
// Zelensky's aides", "served as Trump's lawyer").
var relRoleNouns = wordColumn("roles.tsv", "role_noun")

// relRoleVerbs are the lemmas of verbs that give their subject an office or a
// role named after them ("became prime minister of", "was sworn in as
// Puerto Rico's governor").
var relRoleVerbs = wordSet("role_verbs.txt")

// divisionRegions name a company's division after its name ("Nintendo
// Europe").
var divisionRegions = wordSet("division_regions.txt")

// relSuccessorVerbs are the lemmas of verbs whose subject takes over its
// object's role ("succeeded Y as chief executive of Z").
var relSuccessorVerbs = wordSet("successor_verbs.txt")

// relInteractionNouns are the lemmas of nouns for what two parties do with
// each other.
var relInteractionNouns = wordSet("interaction_nouns.txt")

// relPlaceNouns name where an actor is, not what it does ("the country's
// border with Mexico").
var relPlaceNouns = wordSet("place_nouns.txt")

// relHedgeAdverbs say the writer does not vouch for the statement.
var relHedgeAdverbs = wordSet("hedge_adverbs.txt")

// relHedgeVerbs report a belief about the verb after them: "is believed to
// have", "appears to", "is said to".
var relHedgeVerbs = wordSet("hedge_verbs.txt")

// eventCues are the modals, adverbs and governing verbs that keep an
// event from being stated as a fact, each with what it makes of the event:
// "possible", "conditional", "requested" or "negated" (events.go).
var eventCues = wordTable("event_cues.tsv")

// Relation kinds.

// kinNouns are family ties, roles a person holds to another.
var kinNouns = wordColumn("roles.tsv", "kin_noun")
