package extract

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"newsgraph/extract/syntax"
)

// mendTestTree builds a tree from words written "form UPOS XPOS head rel"; a
// form that starts with "+" is written right after the word before it, with
// no space ("co +- +founded").
func mendTestTree(t *testing.T, words ...string) syntax.Tree {
	t.Helper()
	var tr syntax.Tree
	at := 0
	for _, w := range words {
		f := strings.Fields(w)
		if len(f) != 5 {
			t.Fatalf("bad test word %q", w)
		}
		form := f[0]
		if strings.HasPrefix(form, "+") {
			form = form[1:]
		} else if at > 0 {
			at++
		}
		h, err := strconv.Atoi(f[3])
		if err != nil {
			t.Fatal(err)
		}
		tr.Words, tr.UPOS, tr.XPOS = append(tr.Words, form), append(tr.UPOS, f[1]), append(tr.XPOS, f[2])
		tr.Head, tr.Rel = append(tr.Head, h), append(tr.Rel, f[4])
		tr.Spans = append(tr.Spans, [2]int{at, at + len(form)})
		at += len(form)
	}
	return tr
}

// arcs renders the tree as "word<-head:rel" for the words listed.
func arcs(tr syntax.Tree, ws ...int) string {
	var out []string
	for _, w := range ws {
		h := "ROOT"
		if tr.Head[w] > 0 {
			h = tr.Words[tr.Head[w]-1]
		}
		out = append(out, fmt.Sprintf("%s<-%s:%s", tr.Words[w], h, tr.Rel[w]))
	}
	return strings.Join(out, " ")
}

// TestTreeMends gives each rule the wrong shape it mends, and one it must
// leave alone, and checks the arcs it should change and that the result is
// still a tree.
func TestTreeMends(t *testing.T) {
	cases := []struct {
		name  string
		mend  func(*syntax.Tree)
		words []string
		check []int
		want  string
	}{
		{"hyphen verb headed by its prefix", mendHyphenVerbs, []string{
			"Mugabe PROPN NNP 2 nsubj", "co VERB VBD 0 root", "+- PUNCT HYPH 2 punct", "+founded VERB VBD 2 ccomp", "ZANU PROPN NNP 4 obj",
		}, []int{0, 1, 3}, "Mugabe<-founded:nsubj co<-founded:compound founded<-ROOT:root"},
		{"hyphen verb prefix as subject", mendHyphenVerbs, []string{
			"Mugabe PROPN NNP 4 nsubj", "co X AFX 4 nsubj", "+- PUNCT HYPH 2 punct", "+founded VERB VBD 0 root", "ZANU PROPN NNP 4 obj",
		}, []int{0, 1}, "Mugabe<-founded:nsubj co<-founded:compound"},
		{"hyphen with spaces is no prefix", mendHyphenVerbs, []string{
			"co VERB VBD 0 root", "- PUNCT HYPH 1 punct", "founded VERB VBD 1 ccomp",
		}, []int{0, 2}, "co<-ROOT:root founded<-co:ccomp"},
		{"possessor hung on the name before", mendPossessors, []string{
			"Tom PROPN NNP 7 nsubj", ", PUNCT , 3 punct", "Acme PROPN NNP 1 list", "'s PART POS 3 case", "general ADJ JJ 6 amod", "manager NOUN NN 1 list", "said VERB VBD 0 root",
		}, []int{2, 3, 5}, "Acme<-manager:nmod:poss 's<-Acme:case manager<-Tom:list"},
		{"possessor with its case on another word", mendPossessors, []string{
			"Ukraine PROPN NNP 0 root", "and CCONJ CC 3 cc", "UK PROPN NNP 1 conj", "'s PART POS 1 case", "sanctions NOUN NNS 1 nmod",
		}, []int{2, 3}, "UK<-sanctions:nmod:poss 's<-UK:case"},
		{"possessor already right", mendPossessors, []string{
			"Russia PROPN NNP 3 nmod:poss", "'s PART POS 1 case", "invasion NOUN NN 0 root",
		}, []int{0, 1}, "Russia<-invasion:nmod:poss 's<-Russia:case"},
		{"name after a title heads it", mendTitledNames, []string{
			"Senate PROPN NNP 5 nsubj", "Minority PROPN NNP 1 flat", "Whip PROPN NNP 4 compound", "Dick PROPN NNP 1 list", "questioned VERB VBD 0 root",
		}, []int{0, 3}, "Senate<-Dick:compound Dick<-questioned:nsubj"},
		{"name and apposition without a title", mendTitledNames, []string{
			"Francis PROPN NNP 0 root", "D'Souza PROPN NNP 1 flat", "Deputy PROPN NNP 1 list",
		}, []int{2}, "Deputy<-Francis:list"},
		{"name made a compound of a noun across and", mendNameCoordinatedWithNoun, []string{
			"Ann PROPN NNP 4 compound", "and CCONJ CC 3 cc", "incoming VERB VBG 1 conj", "chair NOUN NN 5 nsubj", "questioned VERB VBD 0 root",
		}, []int{0, 1, 2, 3}, "Ann<-questioned:nsubj and<-chair:cc incoming<-chair:amod chair<-Ann:conj"},
		{"compound name with no conjunct", mendNameCoordinatedWithNoun, []string{
			"Acme PROPN NNP 2 compound", "chair NOUN NN 3 nsubj", "resigned VERB VBD 0 root",
		}, []int{0, 1}, "Acme<-chair:compound chair<-resigned:nsubj"},
		{"time word as a second subject", mendTimeWordSubjects, []string{
			"Lee PROPN NNP 3 nsubj", "yesterday NOUN NN 3 nsubj", "questioned VERB VBD 0 root",
		}, []int{0, 1}, "Lee<-questioned:nsubj yesterday<-questioned:obl:tmod"},
		{"time word as the only subject", mendTimeWordSubjects, []string{
			"Today NOUN NN 2 nsubj", "is AUX VBZ 0 root", "Monday PROPN NNP 2 attr",
		}, []int{0}, "Today<-is:nsubj"},
		{"who-clause hung on a thing", mendWhoClauseOnThing, []string{
			"criticism NOUN NN 0 root", "by ADP IN 4 case", "the DET DT 4 det", "minister NOUN NN 1 nmod", "and CCONJ CC 6 cc", "Acme PROPN NNP 4 conj",
			"who PRON WP 8 nsubj", "questioned VERB VBD 1 acl:relcl", "it PRON PRP 8 obj",
		}, []int{7}, "questioned<-minister:acl:relcl"},
		{"who-clause on a role noun", mendWhoClauseOnThing, []string{
			"leader NOUN NN 0 root", "of ADP IN 3 case", "Acme PROPN NNP 1 nmod", "who PRON WP 5 nsubj", "resigned VERB VBD 1 acl:relcl",
		}, []int{4}, "resigned<-leader:acl:relcl"},
		{"which-clause on a thing", mendWhoClauseOnThing, []string{
			"report NOUN NN 0 root", "by ADP IN 3 case", "Acme PROPN NNP 1 nmod", "which PRON WDT 5 nsubj", "named VERB VBD 1 acl:relcl",
		}, []int{4}, "named<-report:acl:relcl"},
		{"name split off its object", mendSplitNames, []string{
			"served VERB VBD 0 root", "under ADP IN 4 case", "President PROPN NNP 4 nmod:desc", "Jean PROPN NNP 1 obl", "Paul PROPN NNP 4 flat", "Dufresne PROPN NNP 1 obj",
		}, []int{5}, "Dufresne<-Jean:flat"},
		{"second object after a bare name", mendSplitNames, []string{
			"gave VERB VBD 0 root", "Tom PROPN NNP 1 iobj", "Acme PROPN NNP 1 obj",
		}, []int{2}, "Acme<-gave:obj"},
		{"oblique on an adverb", mendObliqueOnAdverb, []string{
			"served VERB VBD 0 root", "first ADV RB 1 advmod", "under ADP IN 4 case", "Doe PROPN NNP 2 obl",
		}, []int{3}, "Doe<-served:obl"},
		{"adverb with its own of-phrase", mendObliqueOnAdverb, []string{
			"met VERB VBD 0 root", "ahead ADV RB 1 advmod", "of ADP IN 4 case", "talks NOUN NNS 2 obl",
		}, []int{3}, "talks<-ahead:obl"},
		{"as-phrase on a name", mendAsPhraseOnName, []string{
			"Lee PROPN NNP 2 nsubj", "ran VERB VBD 0 root", "for ADP IN 4 case", "Congress PROPN NNP 2 obl", "as ADP IN 7 case", "a DET DT 7 det", "Democrat PROPN NNP 4 nmod",
		}, []int{6}, "Democrat<-ran:obl"},
		{"as-phrase on a common noun", mendAsPhraseOnName, []string{
			"chose VERB VBD 0 root", "him PRON PRP 1 obj", "for ADP IN 4 case", "role NOUN NN 1 obl", "as ADP IN 6 case", "host NOUN NN 4 nmod",
		}, []int{5}, "host<-role:nmod"},
		{"conjunct of another preposition", mendConjunctOfOtherPreposition, []string{
			"ran VERB VBD 0 root", "for ADP IN 3 case", "Congress PROPN NNP 1 obl", "in ADP IN 5 case", "Ohio PROPN NNP 1 obl",
			"and CCONJ CC 9 cc", "for ADP IN 9 case", "the DET DT 9 det", "Senate PROPN NNP 5 conj",
		}, []int{8}, "Senate<-Congress:conj"},
		{"conjunct of the same preposition", mendConjunctOfOtherPreposition, []string{
			"ran VERB VBD 0 root", "for ADP IN 3 case", "Congress PROPN NNP 1 obl", "in ADP IN 5 case", "Ohio PROPN NNP 1 obl",
			"and CCONJ CC 8 cc", "in ADP IN 8 case", "Iowa PROPN NNP 5 conj",
		}, []int{7}, "Iowa<-Ohio:conj"},
		{"name under a common noun", mendNamesUnderNouns, []string{
			"banned VERB VBD 0 root", "airline NOUN NN 1 obj", "Mahan PROPN NNP 2 flat", "Air PROPN NNP 2 flat",
		}, []int{2, 3}, "Mahan<-airline:appos Air<-Mahan:flat"},
		{"word hung on a comma", mendPunctHeads, []string{
			"member NOUN NN 5 nsubj", ", PUNCT , 4 punct", "Vladimir PROPN NNP 4 nsubj", ", PUNCT , 1 punct", "said VERB VBD 0 root",
		}, []int{2}, "Vladimir<-member:appos"},
		{"subject before its clause's preposition", mendSubjectBeforeMarker, []string{
			"which PRON WDT 2 nsubj", "accused VERB VBD 0 root", "Iran PROPN NNP 5 nsubj", "of ADP IN 5 case", "lying VERB VBG 2 ccomp",
		}, []int{2, 4}, "Iran<-accused:obj lying<-accused:advcl"},
		{"subject after its marker", mendSubjectBeforeMarker, []string{
			"said VERB VBD 0 root", "that SCONJ IN 4 mark", "Iran PROPN NNP 4 nsubj", "lied VERB VBD 1 ccomp",
		}, []int{2, 3}, "Iran<-lied:nsubj lied<-said:ccomp"},
		{"bare name before a subjectless verb", mendBareSubjects, []string{
			"In ADP IN 2 case", "1971 NUM CD 4 obl", ", PUNCT , 2 punct", "Conyers NOUN NNS 7 obl", "co X AFX 7 compound", "+- PUNCT HYPH 5 punct", "+founded VERB VBD 0 root",
		}, []int{3}, "Conyers<-founded:nsubj"},
		{"time name before a subjectless verb", mendBareSubjects, []string{
			"Monday PROPN NNP 2 obl", "saw VERB VBD 0 root",
		}, []int{0}, "Monday<-saw:obl"},
		{"verb with a subject", mendBareSubjects, []string{
			"Kokesh PROPN NNP 3 compound", "he PRON PRP 3 nsubj", "ran VERB VBD 0 root",
		}, []int{0}, "Kokesh<-ran:compound"},
		{"participle after a preposition", mendParticipleAfterPreposition, []string{
			"sanctioned VERB VBD 0 root", "Iran PROPN NNP 1 obj", "over ADV IN 4 advmod", "alleged VERB VBD 1 advcl", "smuggling NOUN NN 6 compound", "plots NOUN NNS 4 obj",
		}, []int{2, 3, 5}, "over<-plots:case alleged<-plots:amod plots<-sanctioned:obl"},
		{"participle after a preposition at the root", mendParticipleAfterPreposition, []string{
			"Acme PROPN NNP 2 nsubj", "sanctioned VERB VBD 4 advcl", "over ADV IN 4 advmod", "alleged VERB VBD 0 root", "plots NOUN NNS 4 obj",
		}, []int{1, 3, 4}, "sanctioned<-plots:advcl alleged<-plots:amod plots<-ROOT:root"},
		{"gerund after a preposition", mendParticipleAfterPreposition, []string{
			"after ADP IN 2 mark", "attacking VERB VBG 0 root", "Iran PROPN NNP 2 obj",
		}, []int{0, 2}, "after<-attacking:mark Iran<-attacking:obj"},
		{"subject of a relative clause hung on its noun", mendSubjectOfRelative, []string{
			"met VERB VBD 0 root", "for ADP IN 4 case", "a DET DT 4 det", "summit NOUN NN 1 obl", "where ADV WRB 8 advmod",
			"on ADP IN 8 case", "Monday PROPN NNP 8 compound", "Doe PROPN NNP 4 nmod", "signed VERB VBD 4 acl", "accord NOUN NN 9 obj",
		}, []int{4, 5, 6, 7}, "where<-signed:advmod on<-Monday:case Monday<-signed:obl Doe<-signed:nsubj"},
		{"name with its own preposition on a noun", mendSubjectOfRelative, []string{
			"summit NOUN NN 0 root", "where ADV WRB 5 advmod", "with ADP IN 4 case", "Acme PROPN NNP 1 nmod", "signed VERB VBD 1 acl",
		}, []int{3}, "Acme<-summit:nmod"},
		{"name on a noun and no relative", mendSubjectOfRelative, []string{
			"summit NOUN NN 0 root", "Acme PROPN NNP 1 nmod", "signed VERB VBD 1 acl",
		}, []int{1}, "Acme<-summit:nmod"},
		{"modifiers before a possessor", mendModifiersBeforePossessor, []string{
			"German ADJ JJ 5 amod", "Chancellor PROPN NNP 5 nmod:poss", "Doe PROPN NNP 5 nmod:poss", "'s PART POS 3 case", "spokesman NOUN NN 6 nsubj", "said VERB VBD 0 root",
		}, []int{0, 1, 2}, "German<-Doe:amod Chancellor<-Doe:compound Doe<-spokesman:nmod:poss"},
		{"modifier after a possessor", mendModifiersBeforePossessor, []string{
			"Doe PROPN NNP 4 nmod:poss", "'s PART POS 1 case", "chief ADJ JJ 4 amod", "spokesman NOUN NN 0 root",
		}, []int{2}, "chief<-spokesman:amod"},
		{"according to hung on a noun", mendAccordingTo, []string{
			"people NOUN NNS 2 nsubj", "died VERB VBD 0 root", "in ADP IN 4 case", "hall NOUN NN 2 obl", ", PUNCT , 8 punct",
			"according VERB VBG 8 case", "to ADP IN 6 fixed", "Reuters PROPN NNP 4 appos",
		}, []int{7}, "Reuters<-died:obl"},
		{"according to on its verb", mendAccordingTo, []string{
			"died VERB VBD 0 root", "according VERB VBG 4 case", "to ADP IN 2 fixed", "Reuters PROPN NNP 1 obl",
		}, []int{3}, "Reuters<-died:obl"},
		{"such as hung on a verb", mendSuchAs, []string{
			"boost VERB VB 0 root", "currencies NOUN NNS 1 obj", "such ADJ JJ 5 case", "as ADP IN 3 fixed", "dollar NOUN NN 1 obl",
		}, []int{4}, "dollar<-currencies:nmod"},
		{"such as on its noun", mendSuchAs, []string{
			"boost VERB VB 0 root", "currencies NOUN NNS 1 obj", "such ADJ JJ 5 case", "as ADP IN 3 fixed", "dollar NOUN NN 2 nmod",
		}, []int{4}, "dollar<-currencies:nmod"},
		{"compound across a comma", mendCompoundAcrossComma, []string{
			"Jane PROPN NNP 4 compound", ", PUNCT , 1 punct", "the DET DT 4 det", "spokeswoman NOUN NN 6 nsubj", ", PUNCT , 4 punct", "spoke VERB VBD 0 root",
		}, []int{0, 3}, "Jane<-spoke:nsubj spokeswoman<-Jane:appos"},
		{"compound without a comma", mendCompoundAcrossComma, []string{
			"Acme PROPN NNP 2 compound", "spokeswoman NOUN NN 3 nsubj", "spoke VERB VBD 0 root",
		}, []int{0, 1}, "Acme<-spokeswoman:compound spokeswoman<-spoke:nsubj"},
		{"name after a comma as parataxis", mendNameAfterComma, []string{
			"president NOUN NN 5 nsubj", ", PUNCT , 3 punct", "Jane PROPN NNP 1 parataxis", ", PUNCT , 1 punct", "said VERB VBD 0 root",
		}, []int{2}, "Jane<-president:appos"},
		{"clause after a comma", mendNameAfterComma, []string{
			"president NOUN NN 0 root", ", PUNCT , 3 punct", "said VERB VBD 1 parataxis",
		}, []int{2}, "said<-president:parataxis"},
		{"subject inside a noun phrase", mendSubjectInNounPhrase, []string{
			"the DET DT 2 det", "States PROPN NNP 4 nsubj", "special ADJ JJ 4 amod", "envoy NOUN NN 5 appos", "resigned VERB VBD 0 root",
		}, []int{1}, "States<-envoy:compound"},
		{"subject of a noun with a copula", mendSubjectInNounPhrase, []string{
			"Tom PROPN NNP 3 nsubj", "is AUX VBZ 3 cop", "envoy NOUN NN 0 root",
		}, []int{0}, "Tom<-envoy:nsubj"},
		{"apposition of an of-phrase's name", mendApposOfPlace, []string{
			"head NOUN NN 7 nsubj", "of ADP IN 3 case", "Acme PROPN NNP 1 nmod", ", PUNCT , 5 punct", "Tom PROPN NNP 3 appos", ", PUNCT , 1 punct", "said VERB VBD 0 root",
		}, []int{4}, "Tom<-head:appos"},
		{"apposition of a name without of", mendApposOfPlace, []string{
			"visited VERB VBD 0 root", "Acme PROPN NNP 1 obj", ", PUNCT , 4 punct", "Tom PROPN NNP 2 appos",
		}, []int{3}, "Tom<-Acme:appos"},
		{"apposition read as a list", mendListedApposition, []string{
			"Tom PROPN NNP 10 nsubj", "Wills PROPN NNP 1 flat", ", PUNCT , 5 punct", "a DET DT 5 det", "executive ADJ JJ 1 conj", "at ADP IN 8 case", "Acme PROPN NNP 8 compound", "Mining PROPN NNP 1 nmod", ", PUNCT , 1 punct", "resigned VERB VBD 0 root",
		}, []int{4, 7}, "executive<-Tom:appos Mining<-Tom:nmod"},
		{"list with its conjunction", mendListedApposition, []string{
			"Tom PROPN NNP 8 nsubj", ", PUNCT , 4 punct", "a DET DT 4 det", "teacher NOUN NN 1 conj", ", PUNCT , 7 punct", "and CCONJ CC 7 cc", "Jane PROPN NNP 1 conj", "spoke VERB VBD 0 root",
		}, []int{3, 6}, "teacher<-Tom:conj Jane<-Tom:conj"},
		{"name after a fronted time phrase", mendNameAfterFrontedPhrase, []string{
			"In ADP IN 3 case", "early ADJ JJ 3 amod", "September PROPN NNP 11 obl", ", PUNCT , 5 punct", "Jane PROPN NNP 3 appos", "Doe PROPN NNP 5 flat", ", PUNCT , 3 punct",
			"the DET DT 9 det", "General PROPN NNP 11 nsubj", ", PUNCT , 9 punct", "dissolved VERB VBD 0 root",
		}, []int{4, 8}, "Jane<-dissolved:nsubj General<-Jane:appos"},
		{"name after a fronted phrase whose verb has a subject", mendNameAfterFrontedPhrase, []string{
			"In ADP IN 2 case", "September PROPN NNP 6 obl", ", PUNCT , 4 punct", "Acme PROPN NNP 2 appos", "it PRON PRP 6 nsubj", "fell VERB VBD 0 root",
		}, []int{3, 4}, "Acme<-September:appos it<-fell:nsubj"},
		{"phrase after an apposition", mendPhraseAfterApposition, []string{
			"Tom PROPN NNP 8 nsubj", ", PUNCT , 4 punct", "a DET DT 4 det", "executive NOUN NN 1 appos", "at ADP IN 6 case", "Acme PROPN NNP 1 nmod", ", PUNCT , 1 punct", "resigned VERB VBD 0 root",
		}, []int{5}, "Acme<-executive:nmod"},
		{"phrase of the name itself", mendPhraseAfterApposition, []string{
			"Tom PROPN NNP 4 nsubj", "of ADP IN 3 case", "Acme PROPN NNP 1 nmod", "resigned VERB VBD 0 root",
		}, []int{2}, "Acme<-Tom:nmod"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tr := mendTestTree(t, c.words...)
			c.mend(&tr)
			if got := arcs(tr, c.check...); got != c.want {
				t.Errorf("mend = %s; want %s", got, c.want)
			}
			if err := syntax.CheckTree(tr.Head); err != nil {
				t.Errorf("mend made no tree: %v", err)
			}
		})
	}
}
