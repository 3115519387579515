package extract

import (
	"strings"
	"testing"
)

// TestJointRoleConstructions: coordinated subjects with an interaction
// noun ("X and Y held talks"), a role in a relative clause ("X, who is
// chief executive of Y"), and a role taken over ("X succeeded Y as chief
// executive of Z") give their edges; an actor that is no coordinated
// subject ("According to AP, Iran ...") and the predecessor ("Y") get none.
func TestJointRoleConstructions(t *testing.T) {
	x := mustNew(t)
	tests := []struct {
		text      string
		subj, obj string
		pred      string // a word a predicate must hold, or ""
		absent    string // a word no predicate may hold ("*": no edge at all)
	}{
		{"Chancellor Angela Merkel and President Emmanuel Macron held talks in Berlin on Monday.",
			"Angela Merkel", "Emmanuel Macron", "talks", ""},
		{"Russia and China signed an agreement on gas supplies.", "Russia", "China", "agreement", ""},
		{"According to the Associated Press, Iran has increased cooperation in recent years.",
			"Associated Press", "Iran", "", "cooperation"},
		{"Tim Cook, who is chief executive of Apple, spoke at the event.", "Tim Cook", "Apple", "executive", ""},
		{"Satya Nadella succeeded Steve Ballmer as chief executive of Microsoft in 2014.",
			"Satya Nadella", "Microsoft", "executive", ""},
		{"Satya Nadella succeeded Steve Ballmer as chief executive of Microsoft in 2014.",
			"Steve Ballmer", "Microsoft", "", "*"},
	}
	for _, tt := range tests {
		ex := mustExtract(t, x, tt.text)
		s, o := find(ex, tt.subj), find(ex, tt.obj)
		if s == nil || o == nil {
			t.Errorf("Extract(%q) = %v; want %q and %q", tt.text, names(ex), tt.subj, tt.obj)
			continue
		}
		var got []string
		for _, r := range ex.Relations {
			if r.Subject == s.ID && r.Object == o.ID {
				got = append(got, r.Predicate)
			}
		}
		all := strings.Join(got, "|")
		switch {
		case tt.absent == "*" && len(got) > 0, tt.absent != "" && tt.absent != "*" && strings.Contains(all, tt.absent):
			t.Errorf("Extract(%q): %s -> %s = %q; want none with %q", tt.text, tt.subj, tt.obj, got, tt.absent)
		case tt.pred != "" && !strings.Contains(all, tt.pred):
			t.Errorf("Extract(%q): %s -> %s = %q; want one with %q", tt.text, tt.subj, tt.obj, got, tt.pred)
		}
	}
}
