package syntax

import (
	"slices"
	"testing"
)

func TestBuildLexicon(t *testing.T) {
	xpos := []string{"NN", "NNP", "VB"}
	var tr []*example
	add := func(n int, forms []string, tags ...int) {
		for range n {
			tr = append(tr, &example{forms: forms, xpos: tags})
		}
	}
	add(5, []string{"We", "Press", "on"}, 0, 1, 2)    // "press": NNP, capitalised inside
	add(5, []string{"the", "press", "said"}, 0, 0, 2) // "press": NN, lower case
	add(4, []string{"Rare", "word", "ok"}, 1, 0, 0)   // "rare": four times, left out
	lex := buildLexicon(tr, xpos)
	for form, want := range map[string]string{"press": "NN|NNP/m", "said": "VB/l", "we": "NN/?"} {
		if lex[form] != want {
			t.Errorf("lexicon[%q] = %q; want %q", form, lex[form], want)
		}
	}
	if c, ok := lex["rare"]; ok {
		t.Errorf("a form seen %d times is in the lexicon (%q); want at least %d", 4, c, lexiconMin)
	}
}

func TestClassifyUnknownForms(t *testing.T) {
	tg := &tagger{classes: lexiconIndex(map[string]string{"press": "NN|NNP/m"})}
	var lx lexer
	ls := []lex{lx.lex("Press"), lx.lex("zyzzyva")}
	tg.classify(ls)
	if ls[0].amb == none || ls[0].caps == none {
		t.Errorf("Press: no lexicon class")
	}
	if !slices.Equal([]uint64{ls[1].amb, ls[1].caps}, []uint64{none, none}) {
		t.Errorf("an unknown form has a lexicon class")
	}
}
