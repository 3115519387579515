package extract

import "testing"

// TestVerbalReportedDeep checks that a reporting verb's edge does not go
// to an actor the parse puts in an adjective, an adverbial clause or the
// place phrase of the reported clause, and still goes to the reported clause's subject.
func TestVerbalReportedDeep(t *testing.T) {
	checkEdges(t, []edgeCase{
		{"Minister John Hale said the winner was a Canadian engineer.", "John Hale", "Canada", false},
		{"Senator Mary Cole said the bill would fail if Congress blocked it.", "Mary Cole", "Congress", false},
		{"Police chief Ann Reed said two men had been arrested in France.", "Ann Reed", "France", false},
		{"Minister John Hale said Canada would sign the treaty.", "John Hale", "Canada", true},
	})
}
