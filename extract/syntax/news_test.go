package syntax

import (
	"strings"
	"testing"
)

// arc is a dependency a reader puts in a sentence: the word dep (its first
// occurrence) hangs on head with relation rel. A rel without a subtype
// ("nsubj") accepts any subtype ("nsubj:pass"). A dep of words joined by "|"
// accepts any of them: a two-word proper name is flat in UD (its head the
// first word) or a compound (its head the last), and the treebanks do both.
type arc struct{ dep, head, rel string }

// TestNewsSentences: sentences of Wikinews articles (../shared/corpus/
// wikinews, the dev corpus; the text is here so the test runs without it),
// tokenized as prose does, with the subjects, objects, conjuncts and passive
// agents a reader finds in them, checked by hand against UD's guidelines.
func TestNewsSentences(t *testing.T) {
	m := mustDefault(t)
	for _, tc := range []struct {
		text string
		arcs []arc
	}{
		{"The Thai Raksa Chart party was founded by supporters of the Shinawatra family .", []arc{
			{"party", "founded", "nsubj:pass"}, {"supporters", "founded", "obl"}, {"by", "supporters", "case"},
			{"family", "supporters", "nmod"}}},
		{"Press TV said the crash was followed by a fire .", []arc{
			{"Press|TV", "said", "nsubj"}, {"followed", "said", "ccomp"}, {"crash", "followed", "nsubj:pass"},
			{"fire", "followed", "obl"}}},
		{"Firefighters put the fire out on Saturday and were subsequently pictured searching the charred apartments .", []arc{
			{"Firefighters", "put", "nsubj"}, {"fire", "put", "obj"}, {"pictured", "put", "conj"},
			{"apartments", "searching", "obj"}}},
		{"Nancy Pelosi became the first woman to serve as Speaker of the House in 2007 and held the post until 2011 .", []arc{
			{"Nancy", "became", "nsubj"}, {"Pelosi", "Nancy", "flat"}, {"held", "became", "conj"}, {"post", "held", "obj"}}},
		{"Alabama and Mississippi had low youth suicide rates of around 4.5 per 100,000 people but high household gun ownership rates of over 50 % .", []arc{
			{"Alabama", "had", "nsubj"}, {"Mississippi", "Alabama", "conj"}, {"rates", "had", "obj"}}},
		{"The district was recaptured by the state in 2016 following heavy bombing , in an operation supported by Russia .", []arc{
			{"district", "recaptured", "nsubj:pass"}, {"state", "recaptured", "obl"}, {"Russia", "supported", "obl"}}},
	} {
		words := strings.Fields(tc.text)
		tr := m.Parse(words)
		for _, a := range tc.arcs {
			if !hasArc(t, words, tr, a) {
				t.Errorf("Parse(%q): want %s <-%s- %s; got %v", tc.text, a.dep, a.rel, a.head, arcsOf(words, tr))
			}
		}
	}
}

// hasArc is whether tr has a (one of its deps) over words.
func hasArc(t *testing.T, words []string, tr Tree, a arc) bool {
	h := index(t, words, a.head)
	for _, dep := range strings.Split(a.dep, "|") {
		d := index(t, words, dep)
		rel := tr.Rel[d]
		if !strings.Contains(a.rel, ":") {
			rel = universal(rel)
		}
		if tr.Head[d] == h+1 && rel == a.rel {
			return true
		}
	}
	return false
}

// arcsOf is the tree as "dep <-rel- head" lines, for failure messages.
func arcsOf(words []string, tr Tree) []string {
	var out []string
	for d, w := range words {
		head := "ROOT"
		if tr.Head[d] > 0 {
			head = words[tr.Head[d]-1]
		}
		out = append(out, w+" <-"+tr.Rel[d]+"- "+head)
	}
	return out
}

func index(t *testing.T, words []string, w string) int {
	t.Helper()
	for i, x := range words {
		if x == w {
			return i
		}
	}
	t.Fatalf("test word %q not in %q", w, words)
	return 0
}
