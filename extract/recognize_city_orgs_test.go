package extract

import (
	"testing"

	"newsgraph"
)

// TestCityOrganisations: a city's name with a word of its own names an
// organisation (recognize_city_orgs.go); a place's head word, an event, a
// possessive plural or "in" before it keeps the city a place.
func TestCityOrganisations(t *testing.T) {
	checkActors(t, mustNew(t), []actorCase{
		{name: "club with a dictionary word", text: "He signed for Perth Glory after the season ended.",
			want: map[string]newsgraph.EntityType{"Perth Glory": newsgraph.Agency}},
		{name: "exchange", text: "Shares in the company rose 4 percent on the Oslo Bourse on Friday.",
			want: map[string]newsgraph.EntityType{"Oslo Bourse": newsgraph.Agency}},
		{name: "plural nickname outside a sports report", text: "He played two seasons for the Rochester Jeffersons before he retired.",
			want: map[string]newsgraph.EntityType{"Rochester Jeffersons": newsgraph.Agency}},
		{name: "newspaper", text: "The Boston Globe reported the sale on its website.",
			want: map[string]newsgraph.EntityType{"Boston Globe": newsgraph.Agency}},
		{name: "a club's dotted closer (club_words.tsv)", text: "He met a Sunderland A.F.C. footballer in town .",
			want: map[string]newsgraph.EntityType{"Sunderland A.F.C.": newsgraph.Agency}},
		{name: "event", text: "She won the Chicago Marathon in record time.",
			none: []string{"Chicago Marathon"}},
		{name: "place head", text: "Trucks crossed the Richmond Highway at dawn.",
			none: []string{"Richmond Highway"}},
		{name: "after in", text: "The bomber crashed in Windsor Locks on Wednesday.",
			none: []string{"Windsor Locks"}},
		{name: "a role after the city", text: "A detective for the Los Angeles Sheriff 's office testified on Monday.",
			none: []string{"Los Angeles Sheriff"}},
		{name: "a treaty's plural head (non_entity_heads.txt)", text: "Ukraine and Russia signed the Minsk Agreements in 2015.",
			none: []string{"Minsk Agreements"}},
		{name: "a place noun after the words (place_words.txt)", text: "Heavy snow fell across the Tokyo Metropolitan area on Sunday.",
			none: []string{"Tokyo Metropolitan"}},
		{name: "plural possessive", text: "The film won five awards from the London Critics' Circle on Wednesday.",
			none: []string{"London Critics"}},
	})
}

// TestPlacesWithOrganisationHeads: territories whose names end in an
// organisation's head word ("Bank") are places of the gazetteer
// (regions.tsv), not organisations, and so are bases named after the force
// that keeps them ("Air Base": place_heads.txt).
func TestPlacesWithOrganisationHeads(t *testing.T) {
	checkActors(t, mustNew(t), []actorCase{
		{name: "air base", text: "Jets flew from Ramstein Air Base on Monday .",
			none: []string{"Ramstein Air Base", "Air Base"}},
		{name: "air force base", text: "There is a large Air Force Base near the town .",
			none: []string{"Air Force Base"}},
	})
	ex := mustExtract(t, mustNew(t), "Troops left the West Bank town on Tuesday after clashes in the Gaza Strip .\n")
	for _, name := range []string{"West Bank", "Gaza Strip"} {
		if e := find(ex, name); e == nil || e.Type != newsgraph.Place {
			t.Errorf("Extract: %q = %v; want a PLACE (got %v)", name, e, names(ex))
		}
	}
}

// TestCityNamedLikeClub: outside a sports report a closer that is also a
// place's head word ("City", "Town") leaves the city a place
// (recognize_teams.go's clubRest); in a sports report it makes the club.
func TestCityNamedLikeClub(t *testing.T) {
	checkActors(t, mustNew(t), []actorCase{
		{name: "a refinery's town", text: "Valero cut rates at its Texas City refinery on Monday .",
			none: []string{"Texas City"}},
		{name: "a club with a listed name", text: "Leicester City said its shares rose 3 percent .",
			want: map[string]newsgraph.EntityType{"Leicester City": newsgraph.Agency}},
		{name: "a club in a sports report", text: "SOCCER - RESULTS .\nBarnsley 2 Swindon Town 1\nSwindon Town lost again on Saturday .\n",
			want: map[string]newsgraph.EntityType{"Swindon Town": newsgraph.Agency}},
	})
}
