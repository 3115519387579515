package extract

import "newsgraph/extract/internal/lexicon"

// Word lists for recognition, written for newsgraph.

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

// orgAlone are head words that name an organisation even alone, capitalised
// mid-sentence ("Parliament voted", "Congress passed").
var orgAlone = lexicon.NewSet("Parliament", "Congress", "Senate", "Duma", "Knesset",
	"Cabinet", "Legislature")

// notAcronyms are capitalised abbreviations that name no organisation.
var notAcronyms = wordSet("not_acronyms.txt")
