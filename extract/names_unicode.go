package extract

// The last stage of Extract: names made safe to be canonical. A name is
// NFC-normalised and loses its format and control characters (Unicode Cf,
// Cc: a right-to-left override, a zero-width joiner), which print as nothing
// and would make two actors of one. A word mixing scripts ("Рutin", a
// Cyrillic Р among Latin letters) is folded to its look-alike in the word's
// main script through the Unicode confusables (UTS #39 skeletons), so the
// look-alike joins the actor it imitates; the name as written is kept as an
// alias with the reason.

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/mtibben/confusables"
	"golang.org/x/text/unicode/norm"

	"newsgraph"
)

// scripts are the scripts whose letters are told apart in a word; letters
// of others are left alone.
var scripts = []*unicode.RangeTable{unicode.Latin, unicode.Cyrillic, unicode.Greek}

// cleanName is s in NFC without format and control characters, its spaces
// trimmed.
func cleanName(s string) string {
	s = norm.NFC.String(s)
	if strings.IndexFunc(s, invisible) >= 0 {
		s = strings.Map(func(r rune) rune {
			if invisible(r) {
				return -1
			}
			return r
		}, s)
	}
	return strings.TrimSpace(s)
}

func invisible(r rune) bool { return unicode.In(r, unicode.Cf, unicode.Cc) }

// foldMixedScript replaces, in each word of s that mixes scripts, the
// letters of the word's lesser scripts by their confusable look-alike in
// its main one. It returns s unchanged, and no note, when no word mixes
// scripts or a letter has no single-letter look-alike.
func foldMixedScript(s string) (string, string) {
	var notes []string
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) })
	for _, w := range words {
		main := mainScript(w)
		if main == nil {
			continue
		}
		folded, ok := foldWord(w, main)
		if !ok || folded == w {
			continue
		}
		s = strings.Replace(s, w, folded, 1)
		notes = append(notes, fmt.Sprintf("%q as %q", w, folded))
	}
	if len(notes) == 0 {
		return s, ""
	}
	return s, "mixed-script look-alike folded (Unicode confusables): " + strings.Join(notes, ", ")
}

// mainScript returns the script most letters of w belong to when w has
// letters of two or more scripts, Latin on a tie; nil otherwise.
func mainScript(w string) *unicode.RangeTable {
	counts := make([]int, len(scripts))
	for _, r := range w {
		for i, sc := range scripts {
			if unicode.Is(sc, r) {
				counts[i]++
			}
		}
	}
	used, best := 0, 0
	for i, n := range counts {
		if n > 0 {
			used++
		}
		if n > counts[best] {
			best = i
		}
	}
	if used < 2 {
		return nil
	}
	return scripts[best]
}

// foldWord maps each letter of w outside main to its skeleton when that is
// one letter of main; ok is false when a letter has no such look-alike.
func foldWord(w string, main *unicode.RangeTable) (string, bool) {
	var b strings.Builder
	for _, r := range w {
		if !unicode.IsLetter(r) || unicode.Is(main, r) {
			b.WriteRune(r)
			continue
		}
		sk := []rune(confusables.Skeleton(string(r)))
		if len(sk) != 1 || !unicode.Is(main, sk[0]) {
			return w, false
		}
		b.WriteRune(sk[0])
	}
	return b.String(), true
}

// cleanNames applies cleanName and foldMixedScript to every entity's name,
// aliases and id. Entities whose ids become one are merged, and relations
// follow them; a name that was folded stays as an alias with the reason.
func cleanNames(ex *newsgraph.Extraction) {
	renamed := map[string]string{}
	byID := map[string]int{}
	out := ex.Entities[:0]
	for _, e := range ex.Entities {
		old := e.ID
		cleanEntity(&e)
		renamed[old] = e.ID
		if i, ok := byID[e.ID]; ok {
			mergeEntity(&out[i], &e)
			continue
		}
		byID[e.ID] = len(out)
		out = append(out, e)
	}
	ex.Entities = out
	rels := ex.Relations[:0]
	for _, r := range ex.Relations {
		r.Subject, r.Object = renamed[r.Subject], renamed[r.Object]
		if r.Subject != r.Object { // two ends merged into one actor
			rels = append(rels, r)
		}
	}
	ex.Relations = rels
	for i := range ex.Events {
		ex.Events[i].Subject = renamed[ex.Events[i].Subject]
	}
}

// cleanEntity cleans one entity's name, aliases and id in place.
func cleanEntity(e *newsgraph.Entity) {
	written := e.Name
	name, why := foldMixedScript(cleanName(e.Name))
	if name == "" {
		return // nothing visible to name it by: left as the extractor made it
	}
	e.Name = name
	e.ID, _ = foldMixedScript(e.ID)
	aliases := make([]string, 0, len(e.Aliases)+1)
	reasons := make(map[string]string, len(e.AliasReasons)+1)
	for _, a := range e.Aliases {
		c, awhy := foldMixedScript(cleanName(a))
		if r, ok := e.AliasReasons[a]; ok && awhy == "" {
			awhy = r
		}
		if c != "" && c != e.Name {
			aliases = append(aliases, c)
			if awhy != "" {
				reasons[c] = awhy
			}
		}
	}
	if why != "" {
		if w := cleanName(written); w != e.Name {
			aliases = append(aliases, w)
			reasons[w] = why
		}
	}
	e.Aliases, e.AliasReasons = aliases, reasons
}

// mergeEntity adds b's mentions and aliases to a.
func mergeEntity(a, b *newsgraph.Entity) {
	a.Mentions = append(a.Mentions, b.Mentions...)
	sort.Slice(a.Mentions, func(i, j int) bool { return a.Mentions[i].Start < a.Mentions[j].Start })
	for _, al := range append([]string{b.Name}, b.Aliases...) {
		if al == a.Name || slices.Contains(a.Aliases, al) {
			continue
		}
		a.Aliases = append(a.Aliases, al)
		if r, ok := b.AliasReasons[al]; ok {
			a.AliasReasons[al] = r
		}
	}
}
