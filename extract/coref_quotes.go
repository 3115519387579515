package extract

import (
	"strings"

	"newsgraph"
	"newsgraph/extract/internal/lexicon"
)

// firstPersons are the pronouns a speaker uses for himself or his side.
var firstPersons = lexicon.NewSet("i", "we", "me", "my", "our", "us")

// firstPlurals are the first persons that speak for a side.
var firstPlurals = lexicon.NewSet("we", "our", "us")

// quoteSpan is a quotation whose speaker the text names: it runs from the
// token after the opening quote (sentence from[0], token from[1]) to the
// token before the closing one (to), and speaker is the actor who says it.
type quoteSpan struct {
	from, to [2]int
	speaker  int
}

// covers returns the token range [a, b) of sentence si inside the quotation,
// empty when the quotation does not reach si.
func (q quoteSpan) covers(si, n int) (a, b int) {
	if si < q.from[0] || si > q.to[0] {
		return 0, 0
	}
	a, b = 0, n
	if si == q.from[0] {
		a = q.from[1]
	}
	if si == q.to[0] {
		b = min(q.to[1], n)
	}
	return a, b
}

// quoteSpans returns the quotations of the views whose speaker the text
// names: `"...," wrote Trump`, `Bolton ... speaking via Twitter: "..."`,
// and a quotation opening the sentence after `P said:`. Curly quotes open
// and close; a straight double quote toggles.
func (f *corefPass) quoteSpans(views []*sentView) []quoteSpan {
	type pos struct{ si, ti int }
	open := false
	var spans [][2]pos
	var start pos
	for si, v := range views {
		if v == nil {
			continue
		}
		for ti, t := range v.toks {
			if t.tag != "QUOTE" || t.text == "'" || t.text == "‘" || t.text == "’" {
				continue
			}
			opening := t.text == "“" || t.text == "``" || (t.text == `"` && !open)
			switch {
			case opening && !open:
				open, start = true, pos{si, ti}
			case !opening && open:
				open = false
				spans = append(spans, [2]pos{start, {si, ti}})
			}
		}
	}
	var out []quoteSpan
	for _, sp := range spans {
		e := f.speakerAfter(views[sp[1].si], sp[1].ti)
		if e < 0 {
			e = f.speakerBefore(views[sp[0].si], sp[0].ti)
		}
		if e < 0 {
			e = f.speakerAcross(views, sp[0].si, sp[0].ti)
		}
		if e >= 0 {
			out = append(out, quoteSpan{from: [2]int{sp[0].si, sp[0].ti + 1}, to: [2]int{sp[1].si, sp[1].ti}, speaker: e})
		}
	}
	return out
}

// quoteSpeakers maps each first-person pronoun inside a quotation to the
// actor the text says spoke it: `"I informed John Bolton ...," wrote Trump`,
// `Bolton ... speaking via Twitter: "I offered to resign"`, `"... Ambassador
// Bolton and I disagreed," Pompeo told the press`.
func (f *corefPass) quoteSpeakers(views []*sentView) map[[2]int]int {
	out := map[[2]int]int{}
	for _, q := range f.quoteSpans(views) {
		for si := q.from[0]; si <= q.to[0]; si++ {
			v := views[si]
			if v == nil {
				continue
			}
			a, b := q.covers(si, len(v.toks))
			for ti := a; ti < b; ti++ {
				t := v.toks[ti]
				if (t.tag == "PRP" || t.tag == "PRP$") && firstPersons[strings.ToLower(t.text)] {
					out[[2]int{si, ti}] = q.speaker
				}
			}
		}
	}
	return out
}

// subjectPronoun reports whether m is a pronoun "he" or "she" the
// coreference stage linked, which may be a speaker: `He said, "I ...`.
func subjectPronoun(v *sentView, m mention) bool {
	return m.resolved && m.first == m.last && v.toks[m.first].tag == "PRP" && relNominative[strings.ToLower(v.toks[m.first].text)]
}

// speakerAcross reads `P said:` at the end of the sentence before a
// quotation that opens sentence si at token o.
func (f *corefPass) speakerAcross(views []*sentView, si, o int) int {
	if o > 0 || si == 0 || views[si-1] == nil {
		return -1
	}
	pv := views[si-1]
	last := len(pv.toks) - 1
	if last < 1 || pv.toks[last].text != ":" {
		return -1
	}
	return f.speakerBefore(pv, last)
}

// speakerAfter reads `"...," wrote Trump` or `"...", Pompeo told` after the
// closing quote at token c.
func (f *corefPass) speakerAfter(v *sentView, c int) int {
	i := c + 1
	if i < len(v.toks) && v.toks[i].tag == "," {
		i++
	}
	if i+1 >= len(v.toks) {
		return -1
	}
	if relIsVerb(v.toks[i].tag) && relSpeechVerbs[lemma(v.toks[i].text, v.toks[i].tag)] && v.at[i+1] >= 0 {
		return v.ms[v.headOf(i+1)].ent
	}
	if h := v.at[i]; h >= 0 && v.chain[h] == i {
		j := v.ms[h].last + 1
		if j < len(v.toks) && relIsVerb(v.toks[j].tag) && relSpeechVerbs[lemma(v.toks[j].text, v.toks[j].tag)] {
			return v.ms[h].ent
		}
	}
	return -1
}

// speakerBefore reads `X said: "...` or `wrote Trump on Twitter, "...`
// before the opening quote at token o: the actor after the nearest reporting
// verb, else the one opening the sentence.
func (f *corefPass) speakerBefore(v *sentView, o int) int {
	for i := o - 1; i >= 0 && i >= o-10; i-- {
		t := v.toks[i]
		l := lemma(t.text, t.tag)
		if !relIsVerb(t.tag) || !relSpeechVerbs[l] && l != "speak" {
			continue
		}
		// The subject before the verb, a person if one is named ("The
		// Senate Minority Leader, Chuck Schumer, said"), else the actor
		// after it ("wrote Trump on Twitter").
		inverted := i > 0 && (v.toks[i-1].tag == "QUOTE" || v.toks[i-1].tag == ",")
		if inverted && i+1 < o && v.at[i+1] >= 0 {
			return v.ms[v.headOf(i+1)].ent
		}
		best := -1
		for k := range v.ms {
			m := v.ms[k]
			if m.last >= i || m.resolved && !subjectPronoun(v, m) || f.doc.ents[m.ent].Type == newsgraph.State {
				continue
			}
			if best < 0 || f.doc.ents[m.ent].Type == newsgraph.Person {
				best = k
			}
		}
		if best >= 0 {
			return v.ms[best].ent
		}
		if i+1 < o && v.at[i+1] >= 0 {
			return v.ms[v.headOf(i+1)].ent
		}
		return -1
	}
	return -1
}
