package export

import (
	"strings"
	"testing"
	"unicode/utf8"

	"newsgraph/graph"
)

// An event's label is its object text, or a prefix of it of at most
// eventLabelRunes runes, cut at a space when one is near, marked with "…".
func TestEventLabel(t *testing.T) {
	long := strings.Repeat("word ", 30)
	for _, text := range []string{"a new decree", strings.Repeat("é", 60), strings.Repeat("é", 61), long,
		strings.Repeat("x", 200), "Ukraine's " + strings.Repeat("ü", 80)} {
		got := eventLabel(&graph.Event{ObjectText: text})
		switch {
		case utf8.RuneCountInString(text) <= eventLabelRunes:
			if got != text {
				t.Errorf("eventLabel(%q) = %q; want it whole", text, got)
			}
		case !strings.HasSuffix(got, "…") || !strings.HasPrefix(text, strings.TrimSuffix(got, "…")) ||
			utf8.RuneCountInString(got) > eventLabelRunes+1 || !utf8.ValidString(got):
			t.Errorf("eventLabel(%q) = %q; want a prefix of at most %d runes and …", text, got, eventLabelRunes)
		}
	}
	if got := eventLabel(&graph.Event{ObjectText: long}); strings.HasSuffix(strings.TrimSuffix(got, "…"), "wor") {
		t.Errorf("eventLabel(%q) = %q; want it cut at a space", long, got)
	}
}
