// Package lexicon loads the extractor's word lists: plain text files with
// one entry a line, or tab-separated tables, with "#" comment lines.
//
//	var months = lexicon.Words(files, "data/words/months.txt")
//	if months.Has("march") { ... }
//
// A Set is a map, so a lookup is as cheap as the map literal it replaces and
// reads the same (months[w]). The files live in extract/data/words, where
// data/NOTICE.md says where they came from.
package lexicon
