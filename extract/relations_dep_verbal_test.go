package extract

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"newsgraph"
)

// depRelStrings renders the relations a dependency pattern made as
// "pattern: Subject -[lemma]-> Object", negated ones with a "not " before
// the lemma.
func depRelStrings(doc *document, rs []newsgraph.Relation) []string {
	name := map[string]string{}
	for _, e := range doc.ents {
		name[e.ID] = e.Name
	}
	var out []string
	for _, r := range rs {
		neg := ""
		if r.Evidence.Negated {
			neg = "not "
		}
		out = append(out, fmt.Sprintf("%s: %s -[%s%s]-> %s", r.Pattern, name[r.Subject], neg, r.Lemma, name[r.Object]))
	}
	return out
}

var (
	depGermany = relEnt{"Germany", newsgraph.State, nil}
	depMahan   = relEnt{"Mahan Air", newsgraph.Agency, nil}
	depKyiv    = relEnt{"Ukraine", newsgraph.State, []string{"Kyiv"}}
	depNATO    = relEnt{"NATO", newsgraph.Agency, nil}
	depCNN     = relEnt{"CNN", newsgraph.Agency, nil}
	depReuters = relEnt{"Reuters", newsgraph.Agency, nil}
	depIran    = relEnt{"Iran", newsgraph.State, nil}
	depPelosi  = relEnt{"Nancy Pelosi", newsgraph.Person, []string{"Pelosi"}}
	depHouse   = relEnt{"House of Representatives", newsgraph.Agency, []string{"House"}}
)

// depRelations runs the dependency patterns alone on doc.
func depRelations(doc *document) []newsgraph.Relation {
	f := newRelationFinder(doc)
	f.ctx = context.Background()
	f.only = map[patternID]bool{}
	for id, p := range patterns {
		if strings.HasPrefix(p.name, "dep-") {
			f.only[patternID(id)] = true
		}
	}
	return f.run()
}

func TestDependencyPatterns(t *testing.T) {
	tests := []struct {
		name string
		text string
		ents []relEnt
		want []string // each must be found, by the pattern named
		not  []string // none may be found, by any pattern ("*")
	}{
		{
			name: "subject verb object",
			text: "Germany banned Mahan Air in January.",
			ents: []relEnt{depGermany, depMahan},
			want: []string{"dep-svo: Germany -[ban]-> Mahan Air"},
		},
		{
			name: "negated",
			text: "Germany did not ban Mahan Air.",
			ents: []relEnt{depGermany, depMahan},
			want: []string{"dep-svo: Germany -[not ban]-> Mahan Air"},
		},
		{
			name: "oblique with its preposition",
			text: "Russia fought against Ukraine for years.",
			ents: []relEnt{russia, depKyiv},
			want: []string{"dep-obl: Russia -[fight against]-> Ukraine"},
		},
		{
			name: "place is not an object",
			text: "Putin was born in Russia and worked in Germany.",
			ents: []relEnt{putin, russia, depGermany},
			not:  []string{"*: Vladimir Putin -[work in]-> Germany"},
		},
		{
			name: "passive agent",
			text: "Pelosi was elected by the House on Thursday.",
			ents: []relEnt{depPelosi, depHouse},
			want: []string{"dep-passive: House of Representatives -[elect]-> Nancy Pelosi"},
			not:  []string{"*: Nancy Pelosi -[elect]-> House of Representatives"},
		},
		{
			name: "passive agent acting on the actor of its noun",
			text: "The sanctions against Iran were criticised by Germany.",
			ents: []relEnt{depIran, depGermany},
			want: []string{"dep-passive: Germany -[criticise sanction against]-> Iran"},
		},
		{
			name: "passive agent and the owner of its noun",
			text: "Putin's plan would be led by Germany.",
			ents: []relEnt{putin, depGermany},
			not:  []string{"*: Germany -[lead]-> Vladimir Putin"},
		},
		{
			name: "passive agent and the as phrase",
			text: "The body was identified as Nancy Pelosi by a Reuters spokesman.",
			ents: []relEnt{depPelosi, depReuters},
			want: []string{"dep-passive: Reuters -[identify as]-> Nancy Pelosi"},
		},
		{
			name: "passive agent and the origin of its agent",
			text: "The medal was won by Nancy Pelosi from Germany.",
			ents: []relEnt{depPelosi, depGermany},
			not:  []string{"*: Nancy Pelosi -[win from]-> Germany"},
		},
		{
			name: "a participle on an issued statement is the issuer's act",
			text: "Germany issued a statement condemning Iran on Monday.",
			ents: []relEnt{depGermany, depIran},
			want: []string{"dep-participle: Germany -[condemn]-> Iran"},
		},
		{
			name: "a say participle on an issued statement reports",
			text: "Germany released a statement saying Iran had attacked Mahan Air.",
			ents: []relEnt{depGermany, depIran, depMahan},
			want: []string{"dep-speech: Germany -[saying]-> Iran"},
		},
		{
			name: "a participle on a cited report is not the citer's",
			text: "Germany cited a report accusing Iran of lying.",
			ents: []relEnt{depGermany, depIran},
			not:  []string{"*: Germany -[accuse]-> Iran"},
		},
		{
			name: "shared subject of coordinated verbs",
			text: "Germany met Iran on Monday and criticised Mahan Air.",
			ents: []relEnt{depGermany, depIran, depMahan},
			want: []string{"dep-svo: Germany -[meet]-> Iran", "dep-conj: Germany -[criticise]-> Mahan Air"},
		},
		{
			name: "coordinated objects",
			text: "Germany sanctioned Iran and Mahan Air.",
			ents: []relEnt{depGermany, depIran, depMahan},
			want: []string{"dep-svo: Germany -[sanction]-> Iran", "dep-svo: Germany -[sanction]-> Mahan Air"},
		},
		{
			name: "subject control",
			text: "Putin agreed to meet Germany next week.",
			ents: []relEnt{putin, depGermany},
			want: []string{"dep-control: Vladimir Putin -[meet]-> Germany"},
		},
		{
			name: "object control",
			text: "Russia allowed Germany to halt Mahan Air.",
			ents: []relEnt{russia, depGermany, depMahan},
			want: []string{"dep-control: Germany -[halt]-> Mahan Air"},
			not:  []string{"*: Russia -[halt]-> Mahan Air"},
		},
		{
			name: "relative clause",
			text: "The sanctions came from Germany, which accused Iran of lying.",
			ents: []relEnt{depGermany, depIran},
			want: []string{"dep-relcl: Germany -[accuse]-> Iran"},
		},
		{
			name: "speaker of a reported clause",
			text: "Reuters claimed Iran had attacked Germany.",
			ents: []relEnt{depReuters, depIran, depGermany},
			want: []string{"dep-speech: Reuters -[claim]-> Iran", "dep-svo: Iran -[attack]-> Germany"},
		},
		{
			name: "speaker after the clause it reports",
			text: "Brenton Tarrant had a valid gun licence allowing him to buy weapons, ABC reported.",
			ents: []relEnt{{"Brenton Tarrant", newsgraph.Person, nil}, {"ABC", newsgraph.Agency, nil}},
			want: []string{"dep-speech: ABC -[report]-> Brenton Tarrant"},
		},
		{
			name: "the interviewer is not the speaker",
			text: "In an interview with CNN, Putin said Germany had banned Mahan Air.",
			ents: []relEnt{depCNN, putin, depGermany, depMahan},
			want: []string{"dep-speech: Vladimir Putin -[say]-> Germany"},
			not:  []string{"*: CNN -[say]-> Germany"},
		},
		{
			name: "according to a source, the speaker speaks",
			text: "According to Reuters, Putin said Germany had banned Mahan Air.",
			ents: []relEnt{depReuters, putin, depGermany, depMahan},
			want: []string{"dep-speech: Vladimir Putin -[say]-> Germany"},
			not:  []string{"*: Reuters -[say]-> Germany", "*: Reuters -[according to]-> Vladimir Putin"},
		},
		{
			name: "a name in apposition speaks",
			text: "A member of the parliament, Vladimir Putin, said Germany had banned Mahan Air.",
			ents: []relEnt{putin, depGermany, depMahan},
			want: []string{"dep-speech: Vladimir Putin -[say]-> Germany"},
		},
		{
			name: "unnamed official speaks for the body",
			text: "A NATO spokesman said Russia had attacked Ukraine.",
			ents: []relEnt{depNATO, russia, depKyiv},
			want: []string{"dep-speech: NATO -[say]-> Russia"},
		},
		{
			name: "the one spoken to",
			text: "In an interview with CNN, Putin said the talks had failed.",
			ents: []relEnt{depCNN, putin},
			want: []string{"dep-spoke-to: Vladimir Putin -[say with]-> CNN"},
		},
		{
			name: "the owner of what a verb acts on",
			text: "Germany condemned Russia's invasion of Ukraine.",
			ents: []relEnt{depGermany, russia, depKyiv},
			want: []string{"dep-svo: Germany -[condemn]-> Russia"},
		},
		{
			name: "a state a verb of motion goes to is a place",
			text: "Putin returned to Germany and left Iran.",
			ents: []relEnt{putin, depGermany, depIran},
			not:  []string{"*: Vladimir Putin -[return to]-> Germany", "*: Vladimir Putin -[leave]-> Iran"},
		},
		{
			name: "a name under its title speaks",
			text: "Mr Putin said Germany had banned Mahan Air.",
			ents: []relEnt{putin, depGermany, depMahan},
			want: []string{"dep-speech: Vladimir Putin -[say]-> Germany"},
		},
		{
			name: "a coordinated verb of belief under a title",
			text: "Mr Putin also met Iran but felt that Germany could be outdone by NATO.",
			ents: []relEnt{putin, depIran, depGermany, depNATO},
			want: []string{"dep-speech: Vladimir Putin -[felt]-> Germany"},
		},
		{
			name: "a body of the speaker's own is not spoken of",
			text: "The Interior Ministry of Germany has closed the mosque, German officials said.",
			ents: []relEnt{{"Interior Ministry", newsgraph.Agency, nil}, {"Germany", newsgraph.State, []string{"German"}}},
			not:  []string{"*: Germany -[say]-> Interior Ministry"},
		},
		{
			name: "the subject of a relative clause on a noun",
			text: "Ministers of the Arab League met in Cairo for a summit where on Monday President Jane Doe of Norland and Tom Wills of Acme Mining signed a deal with NATO.",
			ents: []relEnt{{"Arab League", newsgraph.Agency, nil}, {"Jane Doe", newsgraph.Person, nil}, {"Tom Wills", newsgraph.Person, nil}, {"Acme Mining", newsgraph.Agency, nil}, depNATO},
			want: []string{"dep-svo: Jane Doe -[sign deal with]-> NATO"},
			not:  []string{"*: Arab League -[meet for summit]-> Jane Doe"},
		},
		{
			name: "the owner of a concession's noun is not acted on",
			text: "Despite Iran's objections, Germany ended the deal.",
			ents: []relEnt{depIran, depGermany},
			not:  []string{"*: Germany -[end despite objection]-> Iran"},
		},
		{
			name: "the maker of a reported thing",
			text: "Putin claimed the NATO offer was aimed at Germany.",
			ents: []relEnt{putin, depNATO, depGermany},
			want: []string{"dep-speech: Vladimir Putin -[claim]-> NATO"},
		},
		{
			name: "the owner of a reported thing",
			text: "Putin felt that Germany's plan was wrong.",
			ents: []relEnt{putin, depGermany},
			want: []string{"dep-speech: Vladimir Putin -[felt]-> Germany"},
		},
		{
			name: "a source qualifying a clause hung on the main one",
			text: "Putin started the attack, and many people died in the hall, according to Reuters.",
			ents: []relEnt{putin, depReuters},
			want: []string{"dep-according: Reuters -[according to]-> Vladimir Putin"},
		},
		{
			name: "a tie in the passive through a relative pronoun",
			text: "Hezbollah, which is linked to Iran, attacked the base.",
			ents: []relEnt{{"Hezbollah", newsgraph.Agency, nil}, depIran},
			want: []string{"dep-linked: Hezbollah -[link to]-> Iran"},
		},
		{
			name: "a tie in a participle on its noun",
			text: "Mahan Air is a carrier allied with Iran.",
			ents: []relEnt{depMahan, depIran},
			want: []string{"dep-linked: Mahan Air -[ally with]-> Iran"},
		},
		{
			name: "a tie with an agent is another pattern's",
			text: "Mahan Air was linked to the attack by Germany.",
			ents: []relEnt{depMahan, depGermany},
			not:  []string{"dep-linked: Mahan Air -[link to]-> Germany"},
		},
		{
			name: "request is not a fact",
			text: "Russia demanded that Germany ban Mahan Air.",
			ents: []relEnt{russia, depGermany, depMahan},
			not:  []string{"*: Germany -[ban]-> Mahan Air"},
		},
		{
			name: "hypothetical is not a fact",
			text: "If elected, Putin would sanction NATO.",
			ents: []relEnt{putin, depNATO},
			not:  []string{"dep-svo: Vladimir Putin -[sanction]-> NATO"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := relDoc(t, tt.text, tt.ents...)
			got := depRelStrings(doc, depRelations(doc))
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("relations(%q) = %q; want %q", tt.text, got, w)
				}
			}
			for _, n := range tt.not {
				for _, g := range got {
					if g == n || n[0] == '*' && len(g) > len(n)-1 && g[len(g)-len(n)+1:] == n[1:] && g[:len(g)-len(n)+1] != "" {
						t.Errorf("relations(%q) = %q; want no %q", tt.text, got, n)
					}
				}
			}
		})
	}
}

// depSentence returns a sentence of about n tokens naming an actor every
// few words, in coordinated clauses, lists and reported speech.
func depSentence(n int) (string, []relEnt) {
	clause := "Germany said Iran had attacked Mahan Air and NATO , which criticised Russia , "
	var b strings.Builder
	for b.Len() == 0 || len(strings.Fields(b.String())) < n-1 {
		b.WriteString(clause)
	}
	b.WriteString(".")
	return b.String(), []relEnt{depGermany, depIran, depMahan, depNATO, russia}
}

// BenchmarkDependencyPatterns runs the dependency patterns on one long
// sentence of 50, 100 and 200 tokens (parsed once, outside the timing): the
// time per op should double with the length, not quadruple.
func BenchmarkDependencyPatterns(b *testing.B) {
	benchPatternsByLength(b, depSentence, func(doc *document) int { return len(depRelations(doc)) })
}

// TestAccordingToSource runs every pattern: "according to A, P said" makes
// P the speaker, so no pattern gives A an edge to P.
func TestAccordingToSource(t *testing.T) {
	x := relExtractor(t)
	text := "According to Reuters, Putin said Germany had banned Mahan Air."
	doc := relDoc(t, text, depReuters, putin, depGermany, depMahan)
	got := relStrings(doc, x.relationsOf(doc))
	for _, g := range got {
		if strings.HasPrefix(g, "Reuters -[") && strings.HasSuffix(g, "]-> Vladimir Putin") {
			t.Errorf("findRelations(%q) = %q; want no edge from Reuters to Putin", text, got)
		}
	}
	if !slices.Contains(got, "Vladimir Putin -[say]-> Germany") {
		t.Errorf("findRelations(%q) = %q; want Vladimir Putin -[say]-> Germany", text, got)
	}
}

// TestDepPlaceOfNounObject checks that a place phrase on the noun a verb
// acts on ("died from his injuries at the hospital") gives no edge, while
// another phrase on it does ("made a plea to X").
func TestDepPlaceOfNounObject(t *testing.T) {
	hospital := relEnt{"John Radcliffe Hospital", newsgraph.Agency, nil}
	tests := []struct {
		text string
		ents []relEnt
		obj  string
		want bool
	}{
		{"Putin died from his injuries at John Radcliffe Hospital.", []relEnt{putin, hospital}, "John Radcliffe Hospital", false},
		{"Putin made a plea to Germany.", []relEnt{putin, depGermany}, "Germany", true},
	}
	for _, tt := range tests {
		doc := relDoc(t, tt.text, tt.ents...)
		got := depRelStrings(doc, depRelations(doc))
		found := false
		for _, g := range got {
			found = found || strings.HasSuffix(g, "]-> "+tt.obj) && strings.Contains(g, "Vladimir Putin -[")
		}
		if found != tt.want {
			t.Errorf("relations(%q) = %q; edge to %s found = %v, want %v", tt.text, got, tt.obj, found, tt.want)
		}
	}
}
