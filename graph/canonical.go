package graph

// Which of the names given to one actor it is known by, chosen so that the
// same articles give the same name in any ingest order: one actor id may
// come with several spellings ("US intelligence", "U.S. intelligence"),
// and the first one stored used to win. Alias spellings follow the same
// order (entityRec.addAlias).

import "unicode/utf8"

// preferName reports whether name a is a better canonical name than b:
// the fuller spelling, then first in byte order. identity.go picks an
// actor's name with it among the names given with its id.
func preferName(a, b string) bool {
	if na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b); na != nb {
		return na > nb
	}
	return a < b
}
