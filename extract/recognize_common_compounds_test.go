package extract

import (
	"testing"

	"newsgraph"
)

// TestCommonCompounds: a sentence's first word that is an English word and
// an organisation's name, before a lower-case noun it modifies, is the
// word (recognize_common_compounds.go); before a verb or a noun of the
// organisation's own it stays the organisation.
func TestCommonCompounds(t *testing.T) {
	agency := newsgraph.Agency
	checkActors(t, mustNew(t), []actorCase{
		{name: "a company's word before a plural", text: "Shell casings were found at the scene.",
			none: []string{"Shell"}},
		{name: "a party's word before a plural", text: "Labour costs rose sharply.",
			none: []string{"Labour Party", "Labour"}},
		{name: "a company before a verb", text: "Shell said on Monday that profits rose.",
			want: map[string]newsgraph.EntityType{"Shell": agency}},
		{name: "a party before a verb", text: "Labour won the election.",
			want: map[string]newsgraph.EntityType{"Labour Party": agency}},
		{name: "a company's shares (company_nouns.txt)", text: "Shell shares fell 2 percent on Friday.",
			want: map[string]newsgraph.EntityType{"Shell": agency}},
		{name: "a party's leader (roles.tsv)", text: "Labour leader Keir Starmer spoke on Monday.",
			want: map[string]newsgraph.EntityType{"Labour Party": agency}},
		{name: "a party's voters (member_nouns.txt)", text: "Labour voters stayed at home.",
			want: map[string]newsgraph.EntityType{"Labour Party": agency}},
		{name: "a state's adjective is no organisation's word", text: "Australian mining firm Dunmore Resources said on Monday it would sell.",
			want: map[string]newsgraph.EntityType{"Australia": newsgraph.State}},
	})
}
