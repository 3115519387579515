package extract

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsgraph"
)

// data holds the gazetteers; data/NOTICE.md says where each comes from and
// under which licence, and data/build.py rebuilds the generated ones.
//
//go:embed data/*.tsv data/*.txt
var data embed.FS

// kind says how a gazetteer phrase names its actor; it becomes the alias
// reason when the phrase is not the canonical name.
type kind uint8

const (
	kindName    kind = iota // the canonical name
	kindAlt                 // another name ("UK", "Britain")
	kindDemonym             // "Russian", "Cubans"
	kindCapital             // "Moscow": the state when it acts, else a place
	kindAcronym             // "NATO", "MoD"
	kindMember              // "Democrats": members named for their party
	kindPlace               // a city
	kindUSState             // a US state: a place, or an agency when it acts
)

var kindReason = [...]string{
	kindName:    "",
	kindAlt:     "alternative name",
	kindDemonym: "demonym",
	kindCapital: "capital",
	kindAcronym: "acronym",
	kindMember:  "party member",
	kindPlace:   "",
	kindUSState: "",
}

// entry is what a gazetteer phrase stands for.
type entry struct {
	typ  newsgraph.EntityType
	kind kind
	name string // canonical name
	iso  string // ISO 3166 alpha-2, lower case, for states and parties' acronyms
}

// gazetteer holds the phrase tables; it is read-only after loadGazetteer.
type gazetteer struct {
	// phrases maps a phrase, keyed as phraseKey keys token runs, to what it
	// names. A phrase may name a state and a place; the first entry wins.
	phrases map[string]entry
	maxLen  int // most tokens in a phrase
	// upper maps the upper-case key of multi-word and long phrases, for
	// all-caps headlines.
	upper  map[string]entry
	given  map[string]bool // given names
	states map[string]string
	// placeISO maps a region's or US state's phrase key to the state it
	// lies in ("New South Wales": "au"). Cities are left out: too many
	// share a name across states ("Cambridge").
	placeISO map[string]string
	// sectors maps an agency's canonical name to its sector
	// (agency_sectors.tsv; every party of parties.tsv is a PARTY).
	sectors map[string]newsgraph.Sector
	// sportsClubs holds the folded names (foldKey) that name a club only in
	// a sports report: cities, counties, common words (clubs.tsv, "sports").
	sportsClubs map[string]bool
	// keys says of every key of phrases and upper, and of every start of
	// one, which it is (keyFlags), so that a search for the longest phrase
	// at a token stops as soon as no phrase starts with the words so far.
	keys map[string]keyFlags
}

// keyFlags say what a string is to the gazetteer: the key of a phrase or of
// an upper-case phrase, or the start of a longer one.
type keyFlags uint8

const (
	keyPhrase      keyFlags = 1 << iota // a key of phrases
	keyUpper                            // a key of upper
	keyPhraseStart                      // a proper prefix of a key of phrases
	keyUpperStart                       // a proper prefix of a key of upper
)

// index fills g.keys once the phrases are all added.
func (g *gazetteer) index() {
	g.keys = make(map[string]keyFlags, 2*len(g.phrases))
	mark := func(k string, whole, start keyFlags) {
		g.keys[k] |= whole
		for i := 1; i < len(k); i++ {
			g.keys[k[:i]] |= start
		}
	}
	for k := range g.phrases {
		mark(k, keyPhrase, keyPhraseStart)
	}
	for k := range g.upper {
		mark(k, keyUpper, keyUpperStart)
	}
}

// match reports whether lookup(k, allCaps) finds k, and more whether some
// longer key it would find starts with k.
func (f keyFlags) match(allCaps bool) (found, more bool) {
	if allCaps {
		return f&(keyPhrase|keyUpper) != 0, f&(keyPhraseStart|keyUpperStart) != 0
	}
	return f&keyPhrase != 0, f&keyPhraseStart != 0
}

// phraseKey keys a phrase by its characters without spaces, with curly
// apostrophes straightened, so a phrase matches however it is tokenized.
func phraseKey(s string) string {
	if plainKey(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case r == '’' || r == '‘':
			b.WriteByte('\'')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// appendPhraseKey appends phraseKey(s) to b.
func appendPhraseKey(b []byte, s string) []byte {
	if plainKey(s) {
		return append(b, s...)
	}
	return append(b, phraseKey(s)...)
}

// plainKey reports whether s is its own phrase key: ASCII without spaces.
func plainKey(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || asciiSpace[c] {
			return false
		}
	}
	return true
}

// asciiSpace marks the ASCII bytes unicode.IsSpace calls space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func (g *gazetteer) add(phrase string, e entry) {
	k := phraseKey(phrase)
	if k == "" {
		return
	}
	if _, ok := g.phrases[k]; ok {
		return
	}
	g.phrases[k] = e
	if n := len(strings.Fields(phrase)) + strings.Count(phrase, "'") + strings.Count(phrase, ","); n > g.maxLen {
		g.maxLen = n
	}
	if u := strings.ToUpper(k); len(u) > 4 || strings.Contains(phrase, " ") {
		if _, ok := g.upper[u]; !ok {
			g.upper[u] = e
		}
	}
}

// lookup returns the entry for a phrase key, trying the upper-case table for
// all-caps text.
func (g *gazetteer) lookup(k string, allCaps bool) (entry, bool) {
	if e, ok := g.phrases[k]; ok {
		return e, true
	}
	if allCaps {
		e, ok := g.upper[k]
		return e, ok
	}
	return entry{}, false
}

// at is lookup for a key in bytes, found by keys.
func (g *gazetteer) at(k []byte, allCaps bool) entry {
	if e, ok := g.phrases[string(k)]; ok || !allCaps {
		return e
	}
	return g.upper[string(k)]
}

func loadGazetteer() (*gazetteer, error) {
	g := &gazetteer{
		phrases:     make(map[string]entry),
		upper:       make(map[string]entry),
		given:       make(map[string]bool),
		states:      make(map[string]string),
		placeISO:    make(map[string]string),
		sectors:     make(map[string]newsgraph.Sector),
		sportsClubs: make(map[string]bool),
	}
	inState := func(name, iso string) {
		k := phraseKey(name)
		if old, ok := g.placeISO[k]; ok && old != iso {
			iso = ""
		}
		g.placeISO[k] = iso
	}
	// Order matters: an earlier table wins a phrase two tables hold.
	err := readTable("data/countries.tsv", func(f []string) {
		if len(f) < 5 {
			return
		}
		iso, name := f[0], f[1]
		g.states[iso] = name
		st := func(k kind) entry { return entry{typ: newsgraph.State, kind: k, name: name, iso: iso} }
		g.add(name, st(kindName))
		for _, a := range split(f[2]) {
			g.add(a, st(kindAlt))
		}
		for _, a := range split(f[3]) {
			g.add(a, st(kindDemonym))
		}
		for _, a := range split(f[4]) {
			g.add(a, st(kindCapital))
		}
	})
	if err != nil {
		return nil, err
	}
	for _, s := range usStates {
		g.add(s, entry{typ: newsgraph.Place, kind: kindUSState, name: s})
		inState(s, "us")
	}
	err = readTable("data/agencies.tsv", func(f []string) {
		name := f[0]
		g.add(name, entry{typ: newsgraph.Agency, name: name})
		if len(f) > 1 {
			for _, a := range split(f[1]) {
				k := kindAlt
				if isAcronym(a) {
					k = kindAcronym
				}
				if strings.HasSuffix(name, "Party") && !isAcronym(a) {
					k = kindMember
				}
				g.add(a, entry{typ: newsgraph.Agency, kind: k, name: name})
			}
		}
	})
	if err != nil {
		return nil, err
	}
	err = readTable("data/clubs.tsv", func(f []string) {
		if len(f) < 2 {
			return
		}
		if f[1] == "sports" {
			g.sportsClubs[foldKey(f[0])] = true
			return
		}
		g.add(f[0], entry{typ: newsgraph.Agency, name: f[0]})
		g.sectors[f[0]] = newsgraph.Sport
	})
	if err != nil {
		return nil, err
	}
	err = readTable("data/parties.tsv", func(f []string) {
		if len(f) < 2 {
			return
		}
		g.add(f[1], entry{typ: newsgraph.Agency, name: f[1]})
		if g.sectors[f[1]] == "" {
			g.sectors[f[1]] = newsgraph.Party
		}
		if len(f) > 2 && f[2] != "" {
			// The party's state: its acronym alone counts only in an
			// article about that state (recognize_parties.go).
			g.add(f[2], entry{typ: newsgraph.Agency, kind: kindAcronym, name: f[1], iso: f[0]})
		}
	})
	if err != nil {
		return nil, err
	}
	err = readTable("data/agency_sectors.tsv", func(f []string) {
		if len(f) == 2 { // the hand-written table wins over parties.tsv
			g.sectors[f[0]] = newsgraph.Sector(f[1])
		}
	})
	if err != nil {
		return nil, err
	}
	err = readTable("data/regions.tsv", func(f []string) {
		if len(f) < 2 {
			return
		}
		g.add(f[0], entry{typ: newsgraph.Place, kind: kindPlace, name: f[0]})
		inState(f[0], f[1])
	})
	if err != nil {
		return nil, err
	}
	err = readTable("data/places.tsv", func(f []string) {
		g.add(f[0], entry{typ: newsgraph.Place, kind: kindPlace, name: f[0]})
	})
	if err != nil {
		return nil, err
	}
	err = readTable("data/given_names.txt", func(f []string) {
		if !calendarWords[strings.ToLower(f[0])] {
			g.given[f[0]] = true
		}
	})
	if err != nil {
		return nil, err
	}
	g.index()
	return g, nil
}

// readTable calls row with the tab-separated fields of every line of an
// embedded file that is neither blank nor a # comment.
func readTable(name string, row func([]string)) error {
	f, err := data.Open(name)
	if err != nil {
		return fmt.Errorf("extract: open %s: %w", name, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		row(strings.Split(line, "\t"))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("extract: read %s: %w", name, err)
	}
	return nil
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// isAcronym reports whether s looks like an acronym: two or more letters,
// mostly capitals ("NATO", "MoD", "U.S.").
func isAcronym(s string) bool {
	up, letters := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			up++
			letters++
		case unicode.IsLetter(r):
			letters++
		case r == '.' || r == '-' || r == '&' || unicode.IsDigit(r):
		default:
			return false
		}
	}
	return letters >= 2 && up*2 > letters
}
