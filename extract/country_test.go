package extract

import (
	"slices"
	"testing"
)

func TestCountry(t *testing.T) {
	x := mustNew(t)
	tests := []struct {
		text, name, country, id string // id "" is not checked
	}{
		{"The UK's Ministry of Defence said the losses were heavy.", "Ministry of Defence", "gb", "agency:gb:ministry-of-defence"},
		{"The Ministry of Defence of Russia denied the report on Friday.", "Ministry of Defence", "ru", "agency:ru:ministry-of-defence"},
		{"The Turkish Ministry of Foreign Affairs condemned the decision.", "Ministry of Foreign Affairs", "tr", "agency:tr:ministry-of-foreign-affairs"},
		{"The US Supreme Court ruled on Tuesday that the law stands.", "Supreme Court", "us", "agency:us:supreme-court"},
		{"The figures were reported by the Russian state media agency TASS on Monday.", "TASS", "ru", "agency:tass"},
		{"The Parliament of New South Wales passed the bill on Thursday.", "Parliament of New South Wales", "au", ""},
		{"Russia's President Vladimir Putin signed the decree.", "Vladimir Putin", "ru", "person:vladimir-putin"},
		{"German Chancellor Olaf Scholz met reporters in the capital.", "Olaf Scholz", "de", ""},
		{"Youssef Chahed, the Prime Minister of Tunisia, spoke on Sunday.", "Youssef Chahed", "tn", ""},
		// A generic body takes the article's dominant state ...
		{"Tunisia held elections. Voters in Tunisia waited for hours. Observers praised Tunisia. The Parliament voted on Tuesday.", "Parliament", "tn", "agency:tn:parliament"},
		// ... and none when the article has no clear one.
		{"The Senate voted on Tuesday. France and Germany welcomed the vote.", "Senate", "", "agency:senate"},
		// A name that is not a generic body keeps its id.
		{"The Central Intelligence Agency of the United States declined to comment.", "Central Intelligence Agency", "us", "agency:central-intelligence-agency"},
	}
	for _, tt := range tests {
		ex := mustExtract(t, x, tt.text)
		e := find(ex, tt.name)
		if e == nil {
			t.Errorf("Extract(%q): no entity %q; have %v", tt.text, tt.name, names(ex))
			continue
		}
		if e.Country != tt.country {
			t.Errorf("Extract(%q): %s country = %q; want %q", tt.text, tt.name, e.Country, tt.country)
		}
		if tt.id != "" && e.ID != tt.id {
			t.Errorf("Extract(%q): %s id = %q; want %q", tt.text, tt.name, e.ID, tt.id)
		}
	}
}

// TestTwoStatesBodies: two states' bodies of one name are two actors in one
// article, and a bare mention joins neither when the article favours none.
func TestTwoStatesBodies(t *testing.T) {
	x := mustNew(t)
	text := "The UK's Ministry of Defence and the Ministry of Defence of Russia gave different numbers."
	ex := mustExtract(t, x, text)
	var ids []string
	for _, e := range ex.Entities {
		if e.Name == "Ministry of Defence" {
			ids = append(ids, e.ID)
		}
	}
	slices.Sort(ids)
	if want := []string{"agency:gb:ministry-of-defence", "agency:ru:ministry-of-defence"}; !slices.Equal(ids, want) {
		t.Errorf("Extract(%q) Ministry of Defence ids = %v; want %v", text, ids, want)
	}
}

func TestUnseenErrors(t *testing.T) {
	x := mustNew(t)
	tests := []struct {
		text string
		want []string // names that must be entities (name, not alias)
		not  []string // forms that must be no entity's name or alias
	}{
		// Titles are no part of a person's name.
		{"Emergencies Minister Yevgeny Zinichev arrived at the scene on Monday.", []string{"Yevgeny Zinichev"}, nil},
		{"State Senator Patricia Ann Spearman introduced the bill.", []string{"Patricia Ann Spearman"}, nil},
		{"In a meeting he was told by Emergencies Minister Yevgeny Zinichev that help was coming.", []string{"Yevgeny Zinichev"}, []string{"In a meeting he was told by Emergencies Minister Yevgeny Zinichev"}},
		// Storms and ships are named like persons but are no actors.
		{"Hurricane Dorian struck the islands on Sunday. Dorian then moved north.", nil, []string{"Hurricane Dorian", "Dorian"}},
		{"The crew of the MV Namse Bangdzod was rescued.", nil, []string{"MV Namse Bangdzod", "Namse Bangdzod"}},
		// Bare generic nouns are no actors.
		{"Police said the man was arrested near the station on Friday.", nil, []string{"Police"}},
		{"A spokesman for the Ministry declined to comment.", nil, []string{"Ministry"}},
		// A compound of two actors is a mention of each, no place.
		{"Donald Trump denied any wrongdoing in the Trump-Ukraine scandal.", []string{"Donald Trump", "Ukraine"}, []string{"Trump-Ukraine"}},
		{"Talks on US-China trade resumed in Geneva.", []string{"United States", "China"}, []string{"US-China"}},
	}
	for _, tt := range tests {
		ex := mustExtract(t, x, tt.text)
		for _, w := range tt.want {
			if e := find(ex, w); e == nil || e.Name != w {
				t.Errorf("Extract(%q): no entity named %q; have %v", tt.text, w, names(ex))
			}
		}
		for _, n := range tt.not {
			if e := find(ex, n); e != nil {
				t.Errorf("Extract(%q) = entity %q (%s, aliases %v); want none named %q", tt.text, e.Name, e.Type, e.Aliases, n)
			}
		}
	}
}
