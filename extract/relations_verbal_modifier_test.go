package extract

import (
	"context"
	"testing"

	"newsgraph"
)

// TestVerbalObjectModifier checks that the verbal pattern takes no state
// named as a compound of its object noun for the object, and keeps an agency
// so named.
func TestVerbalObjectModifier(t *testing.T) {
	checkEdges(t, []edgeCase{
		{"Senator Jane Doe proposed an amendment to the U.S. Constitution on Monday.", "Jane Doe", "United States", false},
		{"Germany banned Mahan Air flights last week.", "Germany", "Mahan Air", true},
	})
}

// TestVerbalStateCompound checks the verbal pattern alone on a state
// compounded with its object noun: dep-svo reads such a state as the
// owner of the thing acted on ("changed Russian law"), which on the
// held-out set is right more often than not, so only the verbal pattern
// is asked here.
func TestVerbalStateCompound(t *testing.T) {
	text := "Chancellor Jane Doe criticised the France trade deal."
	doc := relDoc(t, text, relEnt{"Jane Doe", newsgraph.Person, nil}, relEnt{"France", newsgraph.State, nil})
	f := newRelationFinder(doc)
	f.ctx = context.Background()
	f.only = map[patternID]bool{patVerbal: true}
	if got := depRelStrings(doc, f.run()); len(got) > 0 {
		t.Errorf("verbal relations(%q) = %q; want none", text, got)
	}
}

// TestVerbalDemonymDescribes checks that a demonym describing a thing in a
// phrase of the verb is no object of it, while a demonym of the object, of
// a reported subject or of a body of the state stands for its state.
func TestVerbalDemonymDescribes(t *testing.T) {
	checkEdges(t, []edgeCase{
		{"Acme Holdings plans to boost holdings of currencies such as the Canadian dollar.", "Acme Holdings", "Canada", false},
		{"Jane Doe said the ringleader was believed to be a Russian.", "Jane Doe", "Russia", false},
		{"Jane Doe changed Russian law in 2020.", "Jane Doe", "Russia", true},
		{"Jane Doe met with Russian officials on Monday.", "Jane Doe", "Russia", true},
	})
}

// TestVerbalGivenName checks that a name given by "called" or "named" is
// not the object of the verb before it.
func TestVerbalGivenName(t *testing.T) {
	checkEdges(t, []edgeCase{
		{"In 1924 the country was a British colony called Rhodesia.", "United Kingdom", "Rhodesia", false},
		{"A Polish chef named John Smith attacked him.", "Poland", "John Smith", false},
	})
}

// TestVerbalNotAsserted checks that the verbal pattern states no act
// that is only asked for or supposed, and keeps a request the subject
// itself makes.
func TestVerbalNotAsserted(t *testing.T) {
	checkEdges(t, []edgeCase{
		{"Jane Doe joined the calls asking the United States to waive immunity for John Smith.", "United States", "John Smith", false},
		{"Senator Ted Cruz proposed to set limits on service in the Senate.", "Ted Cruz", "Senate", true},
	})
}

// TestVerbalNounAgent checks that the maker named in a "by" phrase of the
// object noun is no object of the verb, while an object of its own is.
func TestVerbalNounAgent(t *testing.T) {
	checkEdges(t, []edgeCase{
		{"The Coast Guard announced an order by Admiral John Smith on Monday.", "Coast Guard", "John Smith", false},
		{"The Coast Guard praised Admiral John Smith on Monday.", "Coast Guard", "John Smith", true},
	})
}
