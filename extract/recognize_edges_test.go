package extract

import (
	"strings"
	"testing"

	"newsgraph"
)

// TestMentionEdges: an organisation's mention holds the words the text
// writes its name with (recognize_edges.go) while its name leaves them out:
// a legal form after a comma or a possessive, an abbreviation's stop; a
// "The" before the name stays out.
func TestMentionEdges(t *testing.T) {
	x := mustNew(t)
	tests := []struct {
		text, name string
		mention    string // the mention's text, exact
		absent     string // a mention text that must not appear
	}{
		{text: "Critics praised the new album by The Velvet Lanterns last week.",
			name: "Velvet Lanterns", mention: "Velvet Lanterns", absent: "The Velvet Lanterns"},
		{text: "The Marlow Foundation gave the school a grant.",
			name: "Marlow Foundation", mention: "Marlow Foundation", absent: "The Marlow Foundation"},
		{text: "She left her post at Brantwell , Inc. of Ohio in May.",
			name: "Brantwell", mention: "Brantwell , Inc."},
		{text: "Shares of Dunmore Corp. fell 3 percent on Tuesday.",
			name: "Dunmore Corp", mention: "Dunmore Corp."},
		{text: "Analysts said McDonald 's Corp would open 40 stores.",
			name: "McDonald's", mention: "McDonald 's Corp"},
		{text: "The station was founded by electrical company Brantley 's Limited in 1931.",
			name: "Brantley", mention: "Brantley 's Limited"},
	}
	for _, tt := range tests {
		ex := mustExtract(t, x, tt.text)
		e := find(ex, tt.name)
		if e == nil || e.Type != newsgraph.Agency {
			t.Errorf("Extract(%q): %q = %v; want an AGENCY (got %v)", tt.text, tt.name, e, names(ex))
			continue
		}
		if !hasMention(e, tt.mention) {
			t.Errorf("Extract(%q): mentions of %q = %v; want %q", tt.text, tt.name, e.Mentions, tt.mention)
		}
		if tt.absent != "" && hasMention(e, tt.absent) {
			t.Errorf("Extract(%q): mentions of %q = %v; want no %q", tt.text, tt.name, e.Mentions, tt.absent)
		}
	}
}

// TestStopAtSentenceEnd: a stop that ends the sentence is no part of the
// abbreviation before it.
func TestStopAtSentenceEnd(t *testing.T) {
	text := "The contract went to Dunmore Corp."
	ex := mustExtract(t, mustNew(t), text)
	e := find(ex, "Dunmore Corp")
	if e == nil {
		t.Fatalf("Extract(%q): no Dunmore Corp (got %v)", text, names(ex))
	}
	for _, m := range e.Mentions {
		if m.End > len(text)-1 {
			t.Errorf("Extract(%q): mention %q ends at %d; want the final stop left out", text, m.Text, m.End)
		}
	}
}

func hasMention(e *newsgraph.Entity, text string) bool {
	for _, m := range e.Mentions {
		if m.Text == text {
			return true
		}
	}
	return false
}

// TestPersonBeforeLegalForm: a person's possessive before a legal form
// makes no company of the person.
func TestPersonBeforeLegalForm(t *testing.T) {
	text := "Putin 's Corp was a joke , critics said ."
	ex := mustExtract(t, mustNew(t), text)
	for _, e := range ex.Entities {
		if e.Type == newsgraph.Agency && strings.Contains(e.Name, "Putin") {
			t.Errorf("Extract(%q): agency %q; want no company of Putin's name", text, e.Name)
		}
	}
}

// TestLoneLegalForm: a company's legal form after a person's possessive is
// no company of its own ("Limited").
func TestLoneLegalForm(t *testing.T) {
	for _, text := range []string{
		"Alan Price 's Limited company had failed by 1990.",
		"Mary Brook's Corp business closed last year.",
	} {
		ex := mustExtract(t, mustNew(t), text)
		for _, e := range ex.Entities {
			if companyHeads[e.Name] || strings.HasPrefix(e.Name, "Limited") || strings.HasPrefix(e.Name, "Corp") {
				t.Errorf("Extract(%q): %q = %v; want no company named by its legal form alone (got %v)", text, e.Name, e.Type, names(ex))
			}
		}
	}
}
