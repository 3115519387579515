package syntax

import (
	"slices"
	"strings"
	"testing"
)

var beamSentences = []string{
	"Russia and China signed the treaty in Moscow on Monday .",
	"The minister , who was appointed last year , said the army would not withdraw .",
	"Protesters were arrested by police after clashes near the parliament building .",
	"He told reporters that the talks had failed and that sanctions would follow .",
	", , . 1 2 3",
	"Совет Федерации одобрил закон .",
}

// withBeam is the default model decoding with a beam of the given width.
func withBeam(t *testing.T, width int) *Model {
	t.Helper()
	d := mustDefault(t)
	return &Model{tag: d.tag, parse: parser{Labels: d.parse.Labels, Move: d.parse.Move, Label: d.parse.Label,
		Beam: width, root: d.parse.root, para: d.parse.para}}
}

func TestBeamOfOneIsGreedy(t *testing.T) {
	greedy, one := withBeam(t, 0), withBeam(t, 1)
	one.parse.Beam = 1
	for _, s := range beamSentences {
		words := strings.Fields(s)
		g := greedy.Parse(words)
		sc := one.scratch()
		text, spans := joinWords(words)
		one.tagWords(sc, words, tagSpans(text, spans))
		n := len(words)
		one.parse.runBeam(sc, &sc.beam, 1)
		for i := range n {
			if int(sc.st.head[i+1]) != g.Head[i] || one.parse.Labels[sc.st.rel[i+1]] != g.Rel[i] {
				t.Fatalf("%q: word %d: beam of 1 gives %d %s, greedy %d %s", s, i+1,
					sc.st.head[i+1], one.parse.Labels[sc.st.rel[i+1]], g.Head[i], g.Rel[i])
			}
		}
	}
}

func TestBeamTrees(t *testing.T) {
	m := withBeam(t, 4)
	long := slices.Repeat(strings.Fields("the army said , and Russia attacked towns of"), 30)
	for _, s := range append(beamSentences, "", strings.Join(long, " ")) {
		words := strings.Fields(s)
		checkParse(t, words, m.Parse(words))
	}
}
