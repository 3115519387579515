package extract

import (
	"slices"
	"strings"

	"newsgraph/extract/syntax"
)

// dep.go reads a sentence's dependency tree (parse.go, package syntax)
// against the extractor's tokens and actor mentions. The dependency
// patterns (relations_dep_*.go) and the events of one actor ask it:
//
//   - which token and which actor mention a UD word belongs to (by byte
//     offsets: a token may be split into several words, "well-known");
//   - a word's dependents by relation, and its head;
//   - the subject of a verb, its own or inherited (a coordinated verb shares
//     its first conjunct's subject, an xcomp takes its controller, a relative
//     clause's verb its head noun, a participle the noun it modifies, or
//     the issuer of the statement it qualifies: "issued a statement
//     condemning X");
//   - the actors a noun phrase stands for: its own mention, its conjuncts
//     ("A and B", "A, B and C"), the members after "including", and the body
//     an unnamed spokesman speaks for;
//   - whether the clause is negated, and its mood: asserted, hedged by a
//     modal, hypothetical ("if elected"), or requested ("demanded that O
//     publish", "urged Y to halt").
//
// The tree is built once per sentence view; every question is answered by
// walking at most the words of the sentence once, so a pattern that asks a
// fixed number of questions per word stays linear in the sentence's length.

// depTree is one sentence's tree with its words placed among the sentence's
// tokens and actor mentions. Words are 0-based; Head in the embedded Tree is
// 1-based with 0 for the root (package syntax's convention), which head
// hides.
type depTree struct {
	syntax.Tree
	tok    []int    // word -> index of the token that holds it
	ment   []int    // word -> index of the actor mention that holds it, or -1
	kids   [][]int  // word -> its dependents, in word order
	lemmas []string // word -> lower-case lemma
}

// newDepTree places the words of t among toks (the sentence's tokens, with
// byte offsets) and ms (actor mentions over token ranges, not overlapping).
// A tree without Spans, or one whose words do not fall inside tokens, gives
// each word the token before it, so no index is ever out of range.
func newDepTree(t syntax.Tree, toks []token, ms []mention) *depTree {
	n := len(t.Words)
	d := &depTree{Tree: t, tok: make([]int, n), ment: make([]int, n), kids: make([][]int, n), lemmas: make([]string, n)}
	at := make([]int, len(toks))
	for i := range at {
		at[i] = -1
	}
	for k, m := range ms {
		for i := max(m.first, 0); i <= m.last && i < len(toks); i++ {
			at[i] = k
		}
	}
	ti := 0
	for w := 0; w < n; w++ {
		if w < len(t.Spans) {
			for ti+1 < len(toks) && toks[ti].end <= t.Spans[w][0] {
				ti++
			}
		}
		d.tok[w] = ti
		d.ment[w] = -1
		if ti < len(at) {
			d.ment[w] = at[ti]
		}
		if h := d.head(w); h >= 0 {
			d.kids[h] = append(d.kids[h], w)
		}
		d.lemmas[w] = lemma(t.Words[w], t.XPOS[w])
	}
	return d
}

// head returns the head word of w, or -1 for the root.
func (d *depTree) head(w int) int {
	if w < 0 || w >= len(d.Head) {
		return -1
	}
	return d.Head[w] - 1
}

// rel returns the relation of w to its head without its subtype ("nsubj"
// for "nsubj:pass").
func (d *depTree) rel(w int) string {
	r := d.Rel[w]
	if i := strings.IndexByte(r, ':'); i >= 0 {
		return r[:i]
	}
	return r
}

// hasRel reports whether w's relation is one of rels; a rel without a
// subtype matches every subtype of it ("obl" matches "obl:tmod"), one with
// a subtype only itself. (The relation without its subtype has no colon,
// so a rel equal to it has none either.)
func (d *depTree) hasRel(w int, rels ...string) bool {
	full, base := d.Rel[w], d.rel(w)
	for _, r := range rels {
		if r == full || r == base {
			return true
		}
	}
	return false
}

// children returns the dependents of w whose relation is one of rels (as
// hasRel matches them), in word order.
func (d *depTree) children(w int, rels ...string) []int {
	var out []int
	for _, c := range d.kids[w] {
		if d.hasRel(c, rels...) {
			out = append(out, c)
		}
	}
	return out
}

// child returns the first dependent of w with one of rels, or -1.
func (d *depTree) child(w int, rels ...string) int {
	for _, c := range d.kids[w] {
		if d.hasRel(c, rels...) {
			return c
		}
	}
	return -1
}

// isVerb reports whether w heads a clause: a verb, or an auxiliary the
// parser left as a head, that does not stand as a noun's modifier or
// argument.
func (d *depTree) isVerb(w int) bool {
	if d.hasRel(w, "amod", "compound", "nsubj", "obj", "nmod", "flat", "det", "case") {
		return false // "US banking giant Citigroup": a participle as a modifier
	}
	return d.UPOS[w] == "VERB" || d.UPOS[w] == "AUX" && d.child(w, "nsubj", "obj") >= 0
}

// caseOf returns the lower-case preposition of a nominal w ("by" in "by the
// House"; "according to" for its fixed phrase), or "".
func (d *depTree) caseOf(w int) string {
	c := d.child(w, "case")
	if c < 0 {
		return ""
	}
	p := strings.ToLower(d.Words[c])
	for _, f := range d.children(c, "fixed") {
		p += " " + strings.ToLower(d.Words[f])
	}
	return p
}

// depSubject is the subject of a verb: the word (-1 for none), whether the
// verb is passive, and the relation of the clause it was passed through
// ("" for the verb's own subject; "conj", "xcomp", "relcl", "advcl" or
// "acl" for an inherited one).
type depSubject struct {
	word    int
	passive bool
	via     string
}

// subject returns the subject of verb v, its own or inherited: a
// coordinated verb shares its first conjunct's, an infinitive takes its
// controller's, a relative clause's verb its head noun when the relative
// pronoun is its subject, a participle the subject of the clause or the
// noun it hangs on.
func (d *depTree) subject(v int) depSubject {
	s := d.subjectDepth(v, 0)
	return s
}

// maxInherit bounds how many clauses a subject is passed through.
const maxInherit = 4

func (d *depTree) subjectDepth(v, depth int) depSubject {
	none := depSubject{word: -1}
	if s := d.child(v, "nsubj", "csubj"); s >= 0 {
		pass := d.Rel[s] == "nsubj:pass" || d.Rel[s] == "csubj:pass"
		if d.isRelativePronoun(s) {
			return depSubject{d.antecedent(v, s), pass, "relcl"}
		}
		return depSubject{s, pass, ""}
	}
	h := d.head(v)
	if h < 0 || depth >= maxInherit {
		return none
	}
	passive := d.passiveVerb(v)
	switch d.rel(v) {
	case "conj":
		if !d.isVerb(h) {
			return none
		}
		return depSubject{d.subjectDepth(h, depth+1).word, passive, "conj"}
	case "xcomp":
		if !d.isVerb(h) {
			return none // "the request of X to suspend": a noun's, not a clause's
		}
		return depSubject{d.controller(h, depth), passive, "xcomp"}
	case "advcl":
		if d.child(v, "mark") >= 0 && d.XPOS[v] != "VBG" && d.XPOS[v] != "VBN" {
			return none // "... after X left": a clause with its own subject
		}
		return depSubject{d.subjectDepth(h, depth+1).word, passive, "advcl"}
	case "acl":
		if d.Rel[v] == "acl:relcl" || d.XPOS[v] == "VBN" {
			// "the treaty Russia signed": its own subject or none; "a
			// decree signed by X": the noun is the object.
			return none
		}
		if iv := d.statementIssuer(h); iv >= 0 {
			// "the ministry issued a statement condemning X": the
			// issuer condemns X, not its statement.
			return depSubject{d.subjectDepth(iv, depth+1).word, passive, "acl"}
		}
		return depSubject{h, passive, "acl"}
	}
	return none
}

// statementIssuer returns the verb that issues noun n (a verb of
// data/words/issue_verbs.txt) when n is a statement
// (data/words/statement_nouns.txt) that is the verb's object,
// or a noun in a phrase of that verb after such an object, on which the
// parser may hang a participle ("posted a message on Twitter blaming
// X"); else -1.
func (d *depTree) statementIssuer(n int) int {
	v := d.head(n)
	if v < 0 || !d.isVerb(v) || !issueVerbs[d.lemmas[v]] {
		return -1
	}
	switch {
	case d.hasRel(n, "obj") && statementNouns[d.lemmas[n]]:
		return v
	case d.hasRel(n, "obl"):
		for _, o := range d.children(v, "obj") {
			if o < n && statementNouns[d.lemmas[o]] {
				return v
			}
		}
	}
	return -1
}

// antecedent returns the noun a relative clause at verb v with relative
// pronoun rp is about: the head of the acl:relcl, or, where the parser
// attached the clause elsewhere, the noun phrase right before the pronoun
// ("came from Germany, which accused ..."), or -1.
func (d *depTree) antecedent(v, rp int) int {
	if d.hasRel(v, "acl:relcl") {
		return d.head(v)
	}
	w := rp - 1
	for w >= 0 && d.UPOS[w] == "PUNCT" {
		w--
	}
	if w < 0 || d.UPOS[w] != "PROPN" && d.UPOS[w] != "NOUN" {
		return -1
	}
	for d.hasRel(w, "flat", "compound", "nmod") && d.head(w) > w && d.head(w) < rp {
		w = d.head(w) // inside the phrase: "the Foreign Ministry"
	}
	for d.hasRel(w, "nmod", "flat") && d.head(w) >= 0 && d.head(w) < w {
		w = d.head(w) // "the ministry of Russia, which"
	}
	return w
}

// controller returns the subject of an infinitive under verb h: h's object
// when it has one ("X allowed Y to halt Z": Y halts), else h's subject ("X
// agreed to meet Y": X meets).
func (d *depTree) controller(h, depth int) int {
	if o := d.child(h, "obj", "iobj"); o >= 0 && !d.subjectControl(h) {
		return o
	}
	return d.subjectDepth(h, depth+1).word
}

// subjectControl reports whether verb h passes its subject, not its object,
// to an infinitive ("X promised Y to ...").
func (d *depTree) subjectControl(h int) bool {
	return depSubjectControlVerbs[d.lemmas[h]]
}

// isRelativePronoun reports whether w is "who", "which" or "that" opening a
// relative clause.
func (d *depTree) isRelativePronoun(w int) bool {
	return d.XPOS[w] == "WDT" || d.XPOS[w] == "WP" || strings.EqualFold(d.Words[w], "that") && d.UPOS[w] == "PRON"
}

// passiveVerb reports whether v is passive: a passive auxiliary or subject.
func (d *depTree) passiveVerb(v int) bool {
	return d.child(v, "aux:pass", "nsubj:pass") >= 0
}

// negated reports whether verb v is negated: "not", "n't" or "never" among
// its dependents, or those of the auxiliary or copula it stands on.
func (d *depTree) negated(v int) bool {
	for _, c := range d.kids[v] {
		if relNegations[strings.ToLower(d.Words[c])] && (d.rel(c) == "advmod" || d.rel(c) == "neg" || d.rel(c) == "aux") {
			return true
		}
	}
	return false
}

// mood is how a clause presents its act.
type mood int

const (
	asserted     mood = iota
	hedged            // a modal of possibility: "could", "may", "might"
	hypothetical      // a condition: "if elected", "unless"
	requested         // asked of someone: "demanded that O publish", "urged Y to halt"
)

// moodOf returns the mood of verb v's clause, looking up through the
// clauses that hold it (a condition or request above it covers it too).
func (d *depTree) moodOf(v int) mood {
	return d.moodThrough(v, "conj", "xcomp", "ccomp", "advcl")
}

// moodThrough is the mood of v's clause, climbing to the clause above it
// while v hangs on it by one of rels.
func (d *depTree) moodThrough(v int, rels ...string) mood {
	for depth := 0; v >= 0 && depth <= maxInherit; depth++ {
		if m := d.ownMood(v); m != asserted {
			return m
		}
		h := d.head(v)
		if h < 0 {
			break
		}
		if d.requestedOf(v, h) {
			return requested
		}
		if !d.hasRel(v, rels...) {
			break
		}
		v = h
	}
	return asserted
}

// requestedOf reports whether clause v is what request verb h asks for:
// its complement ("demanded that O publish", "urged Y to halt"), or an
// infinitive the parser hung on it as an adverbial clause while h has an
// object ("asking the United States to waive").
func (d *depTree) requestedOf(v, h int) bool {
	if !depRequestVerbs[d.lemmas[h]] {
		return false
	}
	if d.rel(v) == "ccomp" || d.rel(v) == "xcomp" {
		return true
	}
	return d.rel(v) == "advcl" && d.infinitive(v) && d.child(h, "obj", "iobj") >= 0
}

// infinitive reports whether verb v is a "to" infinitive.
func (d *depTree) infinitive(v int) bool {
	for _, m := range d.children(v, "mark") {
		if strings.EqualFold(d.Words[m], "to") {
			return true
		}
	}
	return false
}

// ownMood reads the mood words among v's own dependents.
func (d *depTree) ownMood(v int) mood {
	for _, c := range d.kids[v] {
		w := strings.ToLower(d.Words[c])
		switch {
		case d.rel(c) == "mark" && depConditionMarks[w]:
			return hypothetical
		case d.rel(c) == "advcl" && d.conditional(c):
			return hypothetical // "if elected, X would ..."
		case d.rel(c) == "aux" && relHedgeModals[w]:
			return hedged
		case d.rel(c) == "advmod" && relHedgeAdverbs[w]:
			return hedged
		}
	}
	return asserted
}

// conditional reports whether clause c is a condition ("if elected").
func (d *depTree) conditional(c int) bool {
	for _, m := range d.children(c, "mark") {
		if depConditionMarks[strings.ToLower(d.Words[m])] {
			return true
		}
	}
	return false
}

// clauseActors returns the actor mentions of clause w's own words: the
// words under w, leaving out the clauses nested in it (relative,
// adverbial, complement clauses), adjectives ("Iranian videos": a
// demonym describes, it does not name what is reported about) and the
// words under skip (-1 for none), in word order, each once.
func (d *depTree) clauseActors(w, skip int) []int {
	var out []int
	seen := map[int]bool{}
	stack := []int{w}
	var words []int
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x == skip || x != w && d.hasRel(x, "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "amod") {
			continue
		}
		words = append(words, x)
		stack = append(stack, d.kids[x]...)
	}
	slices.Sort(words)
	for _, x := range words {
		if k := d.mention(x); k >= 0 && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// apposed returns the mention of a name in apposition to w, or -1.
func (d *depTree) apposed(w int) int {
	for _, c := range d.children(w, "appos") {
		if k := d.mention(c); k >= 0 {
			return k
		}
	}
	return -1
}

// mention returns the actor mention noun phrase w stands for: the mention
// that holds w, or -1.
func (d *depTree) mention(w int) int {
	if w < 0 || w >= len(d.ment) {
		return -1
	}
	return d.ment[w]
}

// actors returns the actor mentions noun phrase w stands for: its own
// mention, or the body an unnamed speaker speaks for ("a spokesman for the
// NHTCU", "an NHTCU spokeswoman"), then its conjuncts ("A, B and C") and
// the members named after "including" or "such as". A list longer than
// maxList gives nothing (the guidelines leave long lists out).
func (d *depTree) actors(w int) []int {
	var out []int
	add := func(k int) {
		for _, x := range out {
			if x == k {
				return
			}
		}
		out = append(out, k)
	}
	if k := d.ownActor(w); k >= 0 {
		add(k)
	}
	for _, c := range d.kids[w] {
		switch {
		case d.rel(c) == "conj" && !d.headsClause(c):
			if k := d.ownActor(c); k >= 0 {
				add(k)
			}
		case d.rel(c) == "nmod" && depListPreps[d.caseOf(c)] || d.Rel[c] == "acl" && depListPreps[d.lemmas[c]]:
			for _, m := range d.listMembers(c) {
				add(m)
			}
		}
	}
	if len(out) > maxList {
		return nil
	}
	return out
}

// headsClause reports whether nominal w has a verb or an auxiliary among
// its dependents: then it is the subject of a clause of its own the
// parser hung on it ("defeated ISIS and Turkey would be moving"), not a
// list member.
func (d *depTree) headsClause(w int) bool {
	if n := w + 1; n < len(d.Words) && depFiniteTags[d.XPOS[n]] {
		return true // "and Turkey would be moving": a subject before its verb
	}
	for _, c := range d.kids[w] {
		if d.UPOS[c] == "VERB" || d.UPOS[c] == "AUX" {
			return true
		}
	}
	return false
}

// depFiniteTags are the Penn tags of a finite verb or a modal, which a
// subject comes right before.
var depFiniteTags = map[string]bool{"MD": true, "VBD": true, "VBZ": true, "VBP": true}

// listMembers returns the actors of the list an "including" or "such as"
// phrase at c names.
func (d *depTree) listMembers(c int) []int {
	if d.Rel[c] == "acl" {
		c = d.child(c, "obj", "obl")
		if c < 0 {
			return nil
		}
	}
	var out []int
	for _, w := range append([]int{c}, d.children(c, "conj")...) {
		if k := d.ownActor(w); k >= 0 {
			out = append(out, k)
		}
	}
	return out
}

// ownActor returns the mention of w itself, of the name in apposition to
// it, or of the body w speaks for when w is an unnamed speaker noun.
func (d *depTree) ownActor(w int) int {
	if k := d.mention(w); k >= 0 {
		return k
	}
	if k := d.apposed(w); k >= 0 {
		return k // "a member of the parliament, Samir Dilou, said"
	}
	for _, c := range d.children(w, "flat") {
		if k := d.mention(c); k >= 0 {
			return k // "Mr Jolin" parsed with the title as the head
		}
	}
	for _, n := range d.children(w, "nmod") {
		if k := d.apposed(n); k >= 0 && d.mention(n) < 0 {
			return k // the same, the name attached to "the parliament"
		}
	}
	if !depSpeakerNouns[d.lemmas[w]] {
		return -1
	}
	for _, c := range d.kids[w] {
		if d.hasRel(c, "compound", "nmod", "amod") && d.mention(c) >= 0 {
			return d.mention(c)
		}
	}
	return -1
}

// Word lists of dep.go.
var (
	// depSubjectControlVerbs pass their subject to an infinitive even with
	// an object: "X promised Y to ...".
	depSubjectControlVerbs = wordSet("subject_control_verbs.txt")
	// depRequestVerbs ask for an act that has not happened: "demanded that
	// O publish", "urged Y to halt Z".
	depRequestVerbs = wordSet("request_verbs.txt")
	// depConditionMarks open a condition: "if elected".
	depConditionMarks = wordSet("condition_marks.txt")
	// depListPreps open the members of a group: "firms including A and B".
	depListPreps = wordSet("list_preps.txt")
	// depSpeakerNouns are unnamed people who speak or act for the body
	// named with them: "a spokesman for the NHTCU".
	depSpeakerNouns = wordSet("speaker_nouns.txt")
)
