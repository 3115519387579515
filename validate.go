package newsgraph

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// ErrBadExtraction is returned by Extraction.Validate for an extraction that
// breaks one of the rules every stage relies on.
var ErrBadExtraction = errors.New("newsgraph: invalid extraction")

// MaxNameBytes caps an entity's id, name and each alias: they become keys
// in the store, and a name this long is an extraction error anyway.
const MaxNameBytes = 1000

// Validate checks ex against the text it was extracted from: every entity has
// an id, a name, a valid type, country and sector (agencies only), names within MaxNameBytes, and
// mentions inside the text that read as the text does; every relation joins
// two of its entities with a predicate, a valid kind, evidence inside the
// text and a confidence in [0, 1]; every event has a subject among its
// entities, a predicate and lemma, kind ACTION or STATEMENT, evidence and
// an object span inside the text that reads as the text does, and a
// confidence in [0, 1]. The extractor guarantees it; the store
// refuses what fails it.
func (ex *Extraction) Validate(text string) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrBadExtraction, fmt.Sprintf(format, args...))
	}
	span := func(what string, start, end int) error {
		if start < 0 || end < start || end > len(text) {
			return bad("%s span [%d,%d) outside the text (%d bytes)", what, start, end, len(text))
		}
		return nil
	}
	ids := make(map[string]bool, len(ex.Entities))
	for _, e := range ex.Entities {
		if e.ID == "" || strings.TrimSpace(e.Name) == "" {
			return bad("entity %q without id or name", e.ID)
		}
		if ids[e.ID] {
			return bad("entity id %q twice", e.ID)
		}
		ids[e.ID] = true
		for _, n := range append([]string{e.ID, e.Name}, e.Aliases...) {
			if len(n) > MaxNameBytes {
				return bad("entity %.40q: name, alias or id over %d bytes", e.ID, MaxNameBytes)
			}
		}
		if !e.Type.Valid() {
			return bad("entity %s has unknown type %q", e.ID, e.Type)
		}
		if c := e.Country; c != "" && (len(c) != 2 || !isASCIILetters(c)) {
			return bad("entity %s: country %q is not an ISO 3166 alpha-2 code", e.ID, c)
		}
		if err := checkSector(e); err != nil {
			return bad("%v", err)
		}
		for _, m := range e.Mentions {
			if err := span("mention of "+e.ID, m.Start, m.End); err != nil {
				return err
			}
			if text[m.Start:m.End] != m.Text {
				return bad("mention of %s at [%d,%d) reads %q, not %q", e.ID, m.Start, m.End, text[m.Start:m.End], m.Text)
			}
		}
	}
	for _, r := range ex.Relations {
		if !ids[r.Subject] || !ids[r.Object] {
			return bad("relation %s -[%s]-> %s names an entity the extraction does not have", r.Subject, r.Predicate, r.Object)
		}
		if strings.TrimSpace(r.Predicate) == "" && strings.TrimSpace(r.Lemma) == "" {
			return bad("relation %s -> %s without predicate", r.Subject, r.Object)
		}
		if r.Kind != "" && !r.Kind.Valid() {
			return bad("relation %s -> %s has unknown kind %q", r.Subject, r.Object, r.Kind)
		}
		ev := r.Evidence
		if err := span("evidence", ev.Start, ev.End); err != nil {
			return err
		}
		if math.IsNaN(ev.Confidence) || ev.Confidence < 0 || ev.Confidence > 1 {
			return bad("relation confidence %v outside [0, 1]", ev.Confidence)
		}
	}
	for _, e := range ex.Events {
		if err := e.validate(text, ids); err != nil {
			return bad("%v", err)
		}
	}
	return nil
}

// validate checks one event of an extraction whose entity ids are ids.
func (e *Event) validate(text string, ids map[string]bool) error {
	name := fmt.Sprintf("event %s -[%s]->", e.Subject, e.Predicate)
	ev := e.Evidence
	switch {
	case !ids[e.Subject]:
		return fmt.Errorf("%s names a subject the extraction does not have", name)
	case strings.TrimSpace(e.Predicate) == "" || strings.TrimSpace(e.Lemma) == "":
		return fmt.Errorf("%s without predicate or lemma", name)
	case len(e.Predicate) > MaxNameBytes || len(e.Lemma) > MaxNameBytes:
		return fmt.Errorf("%s: predicate or lemma over %d bytes", name, MaxNameBytes)
	case e.Kind != Action && e.Kind != Statement:
		return fmt.Errorf("%s has kind %q; an event is an ACTION or a STATEMENT", name, e.Kind)
	case !e.Modality.Valid():
		return fmt.Errorf("%s has unknown modality %q", name, e.Modality)
	case ev.Start < 0 || ev.End < ev.Start || ev.End > len(text):
		return fmt.Errorf("%s: evidence span [%d,%d) outside the text (%d bytes)", name, ev.Start, ev.End, len(text))
	case e.ObjectStart < ev.Start || e.ObjectEnd < e.ObjectStart || e.ObjectEnd > ev.End:
		return fmt.Errorf("%s: object span [%d,%d) outside its sentence [%d,%d)", name, e.ObjectStart, e.ObjectEnd, ev.Start, ev.End)
	case text[e.ObjectStart:e.ObjectEnd] != e.ObjectText:
		return fmt.Errorf("%s: object at [%d,%d) reads %q, not %q", name, e.ObjectStart, e.ObjectEnd, text[e.ObjectStart:e.ObjectEnd], e.ObjectText)
	case math.IsNaN(ev.Confidence) || ev.Confidence < 0 || ev.Confidence > 1:
		return fmt.Errorf("%s: confidence %v outside [0, 1]", name, ev.Confidence)
	}
	return nil
}

// checkSector reports an entity whose sector is unknown, or set although
// the entity is no agency.
func checkSector(e Entity) error {
	switch {
	case e.Sector == "":
		return nil
	case e.Type != Agency:
		return fmt.Errorf("entity %s is a %s with sector %q; only agencies have one", e.ID, e.Type, e.Sector)
	case !e.Sector.Valid():
		return fmt.Errorf("entity %s has unknown sector %q", e.ID, e.Sector)
	}
	return nil
}

func isASCIILetters(s string) bool {
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return true
}
