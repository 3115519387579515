package newsgraph

import (
	"errors"
	"testing"
)

// eventExtraction is a valid extraction with one event; each case of
// TestValidateEvents breaks one rule of it.
func eventExtraction() (string, *Extraction) {
	text := "Putin signed a decree."
	return text, &Extraction{
		Entities: []Entity{{ID: "person:putin", Name: "Putin", Type: Person, Mentions: []Mention{{Start: 0, End: 5, Text: "Putin"}}}},
		Events: []Event{{Subject: "person:putin", Predicate: "signed decree", Lemma: "sign decree", Kind: Action,
			ObjectText: "a decree", ObjectStart: 13, ObjectEnd: 21,
			Evidence: Evidence{Sentence: text, Start: 0, End: len(text), Confidence: 0.7}}},
	}
}

func TestValidateEvents(t *testing.T) {
	text, ex := eventExtraction()
	if err := ex.Validate(text); err != nil {
		t.Fatalf("Validate(valid event) = %v", err)
	}
	for name, breakIt := range map[string]func(e *Event){
		"unknown subject":     func(e *Event) { e.Subject = "person:nobody" },
		"no predicate":        func(e *Event) { e.Predicate = " " },
		"no lemma":            func(e *Event) { e.Lemma = "" },
		"ROLE kind":           func(e *Event) { e.Kind = Role },
		"unknown modality":    func(e *Event) { e.Modality = "maybe" },
		"object outside":      func(e *Event) { e.ObjectEnd = 40 },
		"object not the text": func(e *Event) { e.ObjectText = "a treaty" },
		"object before sentence": func(e *Event) {
			e.Evidence.Start = 14
		},
		"evidence outside":  func(e *Event) { e.Evidence.End = 99 },
		"confidence over 1": func(e *Event) { e.Evidence.Confidence = 1.5 },
	} {
		text, ex := eventExtraction()
		breakIt(&ex.Events[0])
		if err := ex.Validate(text); !errors.Is(err, ErrBadExtraction) {
			t.Errorf("Validate(event with %s) = %v; want ErrBadExtraction", name, err)
		}
	}
}
