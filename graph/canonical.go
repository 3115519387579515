package graph

// Which of the names given to one actor it is known by, chosen so that the
// same articles give the same name in any ingest order: one actor id may
// come with several spellings ("US intelligence", "U.S. intelligence"),
// and the first one stored used to win. Alias spellings follow the same
// order (entityRec.addAlias), and so do the reasons given for an alias
// (betterReason).

import (
	"strings"
	"unicode/utf8"
)

// preferName reports whether name a is a better canonical name than b:
// the fuller spelling, then first in byte order. identity.go picks an
// actor's name with it among the names given with its id.
func preferName(a, b string) bool {
	if na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b); na != nb {
		return na > nb
	}
	return a < b
}

// joinedPrefix starts the reason the store gives an alias it joined from
// another article (ingest.go's match).
const joinedPrefix = "joined across articles: "

// betterReason reports whether reason a is the one to keep for an alias
// over b when articles give it both: the extractor's reason before the
// store's "joined across articles", then the first in byte order. The
// first one stored used to stay ("acronym defined in text" in one order,
// "acronym of National Hurricane Center" in another).
func betterReason(a, b string) bool {
	if ja, jb := strings.HasPrefix(a, joinedPrefix), strings.HasPrefix(b, joinedPrefix); ja != jb {
		return jb
	}
	return a < b
}
