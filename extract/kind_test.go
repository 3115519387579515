package extract

import (
	"testing"

	"newsgraph"
)

func TestRelationKind(t *testing.T) {
	tests := []struct {
		lemma string
		want  newsgraph.RelationKind
	}{
		{"say", newsgraph.Statement},
		{"estimate", newsgraph.Statement},
		{"claim", newsgraph.Statement},
		{"say to", newsgraph.Statement},
		{"announce death of", newsgraph.Statement},
		{"president of", newsgraph.Role},
		{"prime minister of", newsgraph.Role},
		{"handling of issue with", newsgraph.Action},
		{"member of", newsgraph.Role},
		{"part of", newsgraph.Role},
		{"ambassador to", newsgraph.Role},
		{"spokesperson for", newsgraph.Role},
		{"wife of", newsgraph.Role},
		{"scientist of", newsgraph.Role},
		{"sign decree", newsgraph.Action},
		{"fight for", newsgraph.Action},
		{"invade", newsgraph.Action},
		{"serve in", newsgraph.Action},
		{"refer to", newsgraph.Action},
		{"offer to", newsgraph.Action},
		{"resident of", newsgraph.Role},
		{"", newsgraph.Action},
	}
	for _, tt := range tests {
		if got := relationKind(tt.lemma); got != tt.want {
			t.Errorf("relationKind(%q) = %s; want %s", tt.lemma, got, tt.want)
		}
	}
}
