package graph

// Which of the names given to one actor it is known by, chosen so that the
// same articles give the same name in any ingest order: one actor id may
// come with several spellings ("US intelligence", "U.S. intelligence"),
// and the first one stored used to win. Alias spellings follow the same
// order (entityRec.addAlias).

import (
	"strings"
	"unicode/utf8"
)

// preferName reports whether name a is a better canonical name than b for
// one id: the fuller spelling, then first in byte order.
func preferName(a, b string) bool {
	if na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b); na != nb {
		return na > nb
	}
	return a < b
}

// prefer lets the stored actor st take the name the article gives it when
// the article names it by the actor's own id and the name is a better one.
func (in *ingest) prefer(st *entState, name string) error {
	r := st.rec
	name = strings.TrimSpace(name)
	if name != "" && name != r.Name && normName(name) == normName(r.Name) && preferName(name, r.Name) {
		r.setName(name)
	}
	return nil
}
