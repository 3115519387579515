package extract

import "testing"

// TestVerbalObjectModifier checks that the verbal pattern takes no state
// named as a compound of its object noun for the object, and keeps an agency
// so named.
func TestVerbalObjectModifier(t *testing.T) {
	checkEdges(t, []edgeCase{
		{"Senator Jane Doe proposed an amendment to the U.S. Constitution on Monday.", "Jane Doe", "United States", false},
		{"Chancellor Jane Doe criticised the France trade deal.", "Jane Doe", "France", false},
		{"Germany banned Mahan Air flights last week.", "Germany", "Mahan Air", true},
	})
}
