package eval

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"

	"newsgraph/extract/syntax"
)

// Coreference against GUM. GUM's MISC column marks entity mentions with
// their coreference chain: `Entity=(3-person-new-...-Lord_Byron)` on a word
// opens and closes a mention of chain 3 of type person; `(4-place-...` opens
// one that a later `4)` closes. The chain number counts within a document
// (`# newdoc`). A referring mention is a third-person pronoun or a
// definite description ("the company") whose chain has, before it, a named
// mention (headed by a proper noun) of a person, an organisation or a
// place: the words our coreference should link to a named actor.

// CorefDoc is one GUM document: its text (sentences joined by blank lines)
// and its entity mentions.
type CorefDoc struct {
	Name     string
	Text     string
	Mentions []CorefMention
}

// CorefMention is one GUM mention: its byte span in CorefDoc.Text, the byte
// span of its head word, its chain and type, and what kind of phrase it is.
type CorefMention struct {
	Start, End         int
	HeadStart, HeadEnd int
	Chain              int
	Type               string // person, organization, place, ...
	Proper             bool   // headed by a proper noun
	Pronoun            bool   // a third-person personal or possessive pronoun
	Definite           bool   // "the" and a common noun head
}

// CorefLink is a link our coreference made: the byte span of the referring
// words, the rule that made it, and the byte spans of the linked actor's
// named mentions before it.
type CorefLink struct {
	Start, End  int
	Sieve       string
	Antecedents [][2]int
}

// CorefCounts are the figures of coreference links against GUM: Links made,
// Right among them, Referring mentions that should be linked and Found
// among them.
type CorefCounts struct {
	Links, Right     int
	Referring, Found int
}

// Add adds o to c.
func (c *CorefCounts) Add(o CorefCounts) {
	c.Links += o.Links
	c.Right += o.Right
	c.Referring += o.Referring
	c.Found += o.Found
}

func (c CorefCounts) String() string {
	return fmt.Sprintf("links=%d right=%d P=%.3f  referring=%d found=%d R=%.3f",
		c.Links, c.Right, ratio(c.Right, c.Links), c.Referring, c.Found, ratio(c.Found, c.Referring))
}

// thirdPersons are the pronouns a referring mention may be.
var thirdPersons = map[string]bool{"he": true, "she": true, "him": true, "his": true, "her": true,
	"it": true, "its": true, "they": true, "them": true, "their": true}

// namedTypes are the GUM entity types of our actors.
var namedTypes = map[string]bool{"person": true, "organization": true, "place": true}

// ScoreCoref scores links on doc. A link is right when one of its
// antecedent spans holds the head word of a mention of the chain of the
// mention the link's last word heads; a link on words GUM gives no chain
// is wrong. Referring mentions count as found when a right link ends on
// their head word.
func ScoreCoref(doc CorefDoc, links []CorefLink) (CorefCounts, map[string]CorefCounts) {
	byHead := map[int][]int{} // head word end -> mentions
	for k, m := range doc.Mentions {
		byHead[m.HeadEnd] = append(byHead[m.HeadEnd], k)
	}
	firstNamed := map[int]int{} // chain -> start of its first named mention
	for _, m := range doc.Mentions {
		if m.Proper && namedTypes[m.Type] {
			if s, ok := firstNamed[m.Chain]; !ok || m.Start < s {
				firstNamed[m.Chain] = m.Start
			}
		}
	}
	var total CorefCounts
	bySieve := map[string]CorefCounts{}
	found := map[int]bool{}
	for _, l := range links {
		c := CorefCounts{Links: 1}
		for _, k := range byHead[l.End] {
			if doc.chainHeld(doc.Mentions[k].Chain, l.Antecedents) {
				c.Right = 1
				found[k] = true
				break
			}
		}
		total.Add(c)
		s := bySieve[l.Sieve]
		s.Add(c)
		bySieve[l.Sieve] = s
	}
	for k, m := range doc.Mentions {
		if !m.Pronoun && !m.Definite {
			continue
		}
		if s, ok := firstNamed[m.Chain]; !ok || s >= m.Start {
			continue
		}
		total.Referring++
		if found[k] {
			total.Found++
		}
	}
	return total, bySieve
}

// chainHeld reports whether one of spans stands for chain: the innermost
// mention that holds the span, or one whose head word the span holds, is of
// that chain ("Kyle Walker" for "English defender Kyle Walker", "Labour" not
// for "the Labour leader").
func (d *CorefDoc) chainHeld(chain int, spans [][2]int) bool {
	for _, sp := range spans {
		inner := -1
		for k, m := range d.Mentions {
			if sp[0] <= m.HeadStart && m.HeadEnd <= sp[1] && m.Chain == chain {
				return true
			}
			if m.Start <= sp[0] && sp[1] <= m.End && (inner < 0 || m.End-m.Start < d.Mentions[inner].End-d.Mentions[inner].Start) {
				inner = k
			}
		}
		if inner >= 0 && d.Mentions[inner].Chain == chain {
			return true
		}
	}
	return false
}

// ReadCorefDocs reads GUM's CoNLL-U (with its Entity annotation) as
// documents.
func ReadCorefDocs(r io.Reader) ([]CorefDoc, error) {
	ss, err := syntax.ReadCoNLLU(r)
	if err != nil {
		return nil, err
	}
	var docs []CorefDoc
	var b strings.Builder
	for _, s := range ss {
		if name := newdoc(s); name != "" || len(docs) == 0 {
			if len(docs) > 0 {
				docs[len(docs)-1].Text = b.String()
			}
			b.Reset()
			docs = append(docs, CorefDoc{Name: name})
		}
		d := &docs[len(docs)-1]
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		base := b.Len()
		text := s.Text()
		b.WriteString(text)
		d.Mentions = append(d.Mentions, sentenceMentions(s, wordSpans(s, text, base))...)
	}
	if len(docs) > 0 {
		docs[len(docs)-1].Text = b.String()
	}
	return docs, nil
}

// newdoc returns the id of a "# newdoc id = ..." comment of s, or "".
func newdoc(s syntax.Sentence) string {
	for _, c := range s.Comments {
		if id, ok := strings.CutPrefix(c, "newdoc id = "); ok {
			return id
		}
	}
	return ""
}

// wordSpans finds each word of s in text, in order, and returns its byte
// span offset by base; a word not found (a multiword token's part spelt
// otherwise) gets the empty span where the search stands.
func wordSpans(s syntax.Sentence, text string, base int) [][2]int {
	spans := make([][2]int, len(s.Words))
	at := 0
	for i, w := range s.Words {
		k := strings.Index(text[at:], w.Form)
		if k < 0 || k > 40 {
			spans[i] = [2]int{base + at, base + at}
			continue
		}
		spans[i] = [2]int{base + at + k, base + at + k + len(w.Form)}
		at += k + len(w.Form)
	}
	return spans
}

// entityMark matches one mark of GUM's Entity value: an opening "(3-person-
// ..." with an optional ")" closing it on the same word, or a closing "3)".
var entityMark = regexp.MustCompile(`\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)`)

// sentenceMentions reads the mentions of s; spans are its words' offsets.
func sentenceMentions(s syntax.Sentence, spans [][2]int) []CorefMention {
	type open struct {
		word, chain int
		typ         string
	}
	var stack []open
	var out []CorefMention
	for i, w := range s.Words {
		ent := entityValue(w.Misc)
		for _, m := range entityMark.FindAllStringSubmatch(ent, -1) {
			switch {
			case m[1] != "":
				o := open{word: i, chain: atoi(m[1]), typ: m[2]}
				if m[3] == ")" {
					out = append(out, newMention(s, spans, o.word, i, o.chain, o.typ))
				} else {
					stack = append(stack, o)
				}
			case m[4] != "":
				c := atoi(m[4])
				for k := len(stack) - 1; k >= 0; k-- {
					if stack[k].chain == c {
						out = append(out, newMention(s, spans, stack[k].word, i, c, stack[k].typ))
						stack = slices.Delete(stack, k, k+1)
						break
					}
				}
			}
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

// entityValue returns the Entity= value of a MISC column, or "".
func entityValue(misc string) string {
	for _, f := range strings.Split(misc, "|") {
		if v, ok := strings.CutPrefix(f, "Entity="); ok {
			return v
		}
	}
	return ""
}

// newMention builds the mention of words [a, b] of s: its head is the word
// whose head lies outside the span.
func newMention(s syntax.Sentence, spans [][2]int, a, b, chain int, typ string) CorefMention {
	h := b
	for i := a; i <= b; i++ {
		if hd := s.Words[i].Head - 1; hd < a || hd > b {
			h = i
			break
		}
	}
	hw := s.Words[h]
	return CorefMention{
		Start: spans[a][0], End: spans[b][1], HeadStart: spans[h][0], HeadEnd: spans[h][1],
		Chain: chain, Type: typ,
		Proper:   hw.UPOS == "PROPN",
		Pronoun:  a == b && hw.UPOS == "PRON" && thirdPersons[strings.ToLower(hw.Form)],
		Definite: a < h && strings.EqualFold(s.Words[a].Form, "the") && hw.UPOS == "NOUN",
	}
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}
