package extract

import (
	"context"
	"strings"
	"testing"

	"newsgraph"
)

// corefLinkOf runs coreference on text and returns the name of the actor
// the n-th occurrence (1-based) of word was linked to, and the sieve, or ""
// when it was not linked.
func corefLinkOf(t *testing.T, text, word string, n int) (name, sieve string) {
	t.Helper()
	x := relExtractor(t)
	links, err := x.Coreference(context.Background(), text)
	if err != nil {
		t.Fatalf("Coreference(%q) = %v", text, err)
	}
	at := -1
	for k := 0; k < n; k++ {
		i := indexFrom(text, word, at+1)
		if i < 0 {
			t.Fatalf("%q has no occurrence %d of %q", text, n, word)
		}
		at = i
	}
	ex, err := x.Extract(context.Background(), articleOf(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range links {
		if l.Start <= at && at < l.End {
			for _, e := range ex.Entities {
				if e.ID == l.Entity {
					return e.Name, l.Sieve
				}
			}
			return l.Entity, l.Sieve
		}
	}
	return "", ""
}

func TestCoreferenceSieves(t *testing.T) {
	tests := []struct {
		name, text, word string
		n                int
		want, sieve      string // want "" means no link
	}{
		// pronoun-person
		{"he for the one person before", "Vladimir Putin spoke on Monday. He criticised Ukraine.", "He", 1, "Vladimir Putin", "pronoun-person"},
		{"his in the same sentence", "Recep Erdogan praised his plan, said Erdogan's office.", "his", 1, "Recep Erdogan", "pronoun-person"},
		{"two persons before, neither opens the sentence: the subject", "On Monday in Paris, Emmanuel Macron met Olaf Scholz. He spoke.", "He", 1, "Emmanuel Macron", "pronoun-person"},
		{"he for the subject of the main verb before", "Yesterday the German chancellor Olaf Scholz met Emmanuel Macron. He spoke.", "He", 1, "Olaf Scholz", "pronoun-person"},
		{"he not for a person named in an object when the subject is none", "After a long debate in Paris on Monday, the talks between Olaf Scholz and Emmanuel Macron ended. He spoke.", "He", 1, "", ""},
		{"he four sentences after his name", "Vladimir Putin spoke on Monday. The talks lasted an hour. Prices rose. Markets fell. He criticised the decision.", "He", 1, "Vladimir Putin", "pronoun-person"},
		{"he five sentences after a name is too far", "Vladimir Putin spoke on Monday. The talks lasted an hour. Prices rose. Markets fell. Banks closed. He criticised the decision.", "He", 1, "", ""},
		{"him is not the subject of his own verb", "Boris Johnson spoke on Monday. Later Keir Starmer praised him.", "him", 1, "Boris Johnson", "pronoun-person"},
		{"no person before", "The storm hit the coast. He said nothing.", "He", 1, "", ""},
		{"she not for a person named by he", "John Smith arrived. He met Kim Jones and Robin Brown. Later she left. He stayed.", "she", 1, "", ""},
		{"his in a fronted phrase for the subject after it", "In his speech on Monday, Barack Obama thanked Kenya.", "his", 1, "Barack Obama", "pronoun-person"},
		{"his after a finite verb is no fronted phrase", "Kenya said that in his speech, Barack Obama thanked Uganda.", "his", 1, "", ""},
		{"she not for a person titled Mr", "Prosecutor Mark Tedeschi spoke on Monday. Mr. Tedeschi told the court that she was ill.", "she", 1, "", ""},
		{"he after a quotation not for a person it names", `The talks ended. "Chancellor Helmut Kohl was right," he said.`, "he", 1, "", ""},
		{"she for the one woman by her given name", "Angela Merkel met Tim Cook on Monday. She praised Kenya.", "She", 1, "Angela Merkel", "pronoun-person"},
		{"he for the one man by his given name", "Angela Merkel met Tim Cook on Monday. He praised Kenya.", "He", 1, "Tim Cook", "pronoun-person"},
		{"a given name of both sexes tells nothing", "On Monday, the talks between Robin Peele and Kim Cattrall ended. She praised Kenya.", "She", 1, "", ""},
		{"a title before the given name", "Mr Carol Reed met Angela Merkel on Monday. He praised Kenya.", "He", 1, "Carol Reed", "pronoun-person"},
		{"she for a person titled Mrs", "Mrs Angela Merkel spoke on Monday. She praised Kenya.", "She", 1, "Angela Merkel", "pronoun-person"},
		// pronoun-it
		{"its opening an apposition", "Microsoft makes Windows. Apple, its rival, makes macOS.", "its", 1, "", ""},
		{"its for the agency", "Microsoft said on Monday that its profits rose.", "its", 1, "Microsoft", "pronoun-it"},
		{"subject it for the agency opening the sentence before", "Gazprom raised gas prices. It blamed the weather.", "It", 1, "Gazprom", "pronoun-it"},
		{"empty it", "Gazprom raised gas prices. It is thought that demand fell.", "It", 1, "", ""},
		{"it after a verb is an object", "Gazprom raised gas prices. Analysts expected it.", "it", 1, "", ""},
		{"it after a say-verb is the subject of its clause", "Russia said it would send troops to Kenya.", "it", 1, "Russia", "pronoun-it"},
		{"it after that is the subject of its clause", "Gazprom denied that it had raised gas prices.", "it", 1, "Gazprom", "pronoun-it"},
		{"it after a verb before a base form is an object", "Gazprom raised prices. Analysts let it go.", "it", 1, "", ""},
		{"it for a state named in an earlier sentence", "Russia raised gas prices. It blamed Ukraine.", "It", 1, "", ""},
		// description
		{"the company for the business", "Microsoft bought a small start-up on Monday. The company said the deal was worth $2bn.", "company", 1, "Microsoft", "description"},
		{"the ministry for the ministry", "The Ministry of Defence bought new tanks. The ministry said they cost $2bn.", "ministry", 1, "Ministry of Defence", "description"},
		{"two companies: which is unclear", "Microsoft and Apple signed a deal on Monday. The company said it was worth $2bn.", "company", 1, "", ""},
		{"the company introducing a name", "Microsoft spoke. The company Apple said nothing.", "company", 1, "", ""},
		{"the company as a predicate", "Microsoft spoke. Apple is the company that makes the iPhone.", "company", 1, "", ""},
		{"the company in an apposition", "Apple spoke. Microsoft, the company behind Windows, objected.", "company", 1, "Microsoft", "description"},
		{"the embassy for the embassy named before", "Dominic Raab wrote to the US Embassy in London on Monday. On Tuesday Raab urged the embassy to reconsider.", "embassy", 1, "US Embassy", "description"},
		{"the army for the one military body", "The Syrian Army shelled Aleppo on Monday. Witnesses said the army fired on the crowd.", "army", 1, "Syrian Army", "description"},
		{"a noun no agency fits", "The Ministry of Defence bought new tanks. The network said they cost $2bn.", "network", 1, "", ""},
		// role-holder and main-state
		{"the president for the one president", "US President Joe Biden spoke on Monday. Later the president visited Kenya.", "president", 1, "Joe Biden", "role-holder"},
		{"the president with an age", "US President Joe Biden spoke on Monday. Later the president, 81, visited Kenya.", "president", 1, "Joe Biden", "role-holder"},
		{"a vice president is not the president", "Vice President Kamala Harris spoke on Monday. Later the president visited Kenya.", "president", 1, "", ""},
		{"the country for the state of its sentence", "Kenya held elections. In Venezuela, millions have fled the country.", "country", 1, "Venezuela", "main-state"},
		{"the Country in a title", "Kenya held elections. Kenya counted votes. She starred in A Month in the Country.", "Country", 1, "", ""},
		{"the owners are several", "Club owner John Smith spoke. Later the owners met.", "owners", 1, "", ""},
		{"the country for the state named most", "Kenya held elections. Kenya counted votes. Observers said the country was calm.", "country", 1, "Kenya", "main-state"},
		// quote-speaker
		{"I in the quote after said:", "Boris Johnson said:\n\"I will leave the EU.\"", "I", 1, "Boris Johnson", "quote-speaker"},
		{"we in the quote after said:", "Boris Johnson said:\n\"We will leave the EU.\"", "We", 1, "Boris Johnson", "quote-we"},
		{"I after a speaker who is a pronoun", "Boris Johnson visited Watford on Monday. He said, \"I think the talks failed.\"", "I", 1, "Boris Johnson", "quote-speaker"},
		{"he in a quote is not the narrator's", "Boris Johnson visited Watford. \"He was wrong,\" said Keir Starmer.", "He", 1, "", ""},
		{"he in a quotation that runs on from the sentence before", "Boris Johnson visited Watford. Keir Starmer said: \"The visit failed. He was wrong.\"", "He", 1, "", ""},
		{"an open quotation ends with its paragraph", "Boris Johnson visited Watford. \"The visit failed.\n\nHe left on Monday.", "He", 1, "Boris Johnson", "pronoun-person"},
		{"his in a quotation for the person it names before", "\"I asked John Bolton for his resignation,\" Donald Trump wrote.", "his", 1, "John Bolton", "pronoun-in-quote"},
		{"his in a quotation naming two men", "\"I asked John Bolton and Mike Pence for his view,\" Donald Trump wrote.", "his", 1, "", ""},
		{"no speaker before a quote after a full stop", "Boris Johnson arrived.\n\"We will leave the EU.\"", "We", 1, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, sieve := corefLinkOf(t, tt.text, tt.word, tt.n)
			if got != tt.want || tt.want != "" && sieve != tt.sieve {
				t.Errorf("Coreference(%q) links %q to %q by %q; want %q by %q", tt.text, tt.word, got, sieve, tt.want, tt.sieve)
			}
		})
	}
}

// TestCorefSievesOff checks that a sieve switched off links nothing.
func TestCorefSievesOff(t *testing.T) {
	x, err := New(WithoutCorefSieves("pronoun-person"))
	if err != nil {
		t.Fatal(err)
	}
	links, err := x.Coreference(context.Background(), "Vladimir Putin spoke on Monday. He criticised Ukraine.")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range links {
		if l.Sieve == "pronoun-person" {
			t.Errorf("Coreference with pronoun-person off = %+v; want no pronoun-person link", l)
		}
	}
}

func articleOf(text string) *newsgraph.Article { return &newsgraph.Article{Text: text} }

// indexFrom returns the byte index of word in text at or after from, as a
// whole word, or -1.
func indexFrom(text, word string, from int) int {
	for from <= len(text) {
		i := strings.Index(text[from:], word)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(word)
		if (i == 0 || !isWordByte(text[i-1])) && (end == len(text) || !isWordByte(text[end])) {
			return i
		}
		from = i + 1
	}
	return -1
}

func isWordByte(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}
