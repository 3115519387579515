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
