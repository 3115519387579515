package graph

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"

	"newsgraph"
)

// The record encoding of entities (0x20), relations (0x30) and evidence
// (0x35), the values every query reads: a tag byte, then the fields in a
// fixed order — unsigned varints for counts and ids, varint-length-prefixed
// bytes for strings, 8 bytes for a float, maps as a count and their pairs
// in key order. It is several times faster to decode than JSON and about
// half its size. Format 1 stored these records as JSON; a reader still
// tells the two apart by their first byte ('{' for JSON), so a store being
// upgraded reads right at every step. Adding a field to a record means a
// new tag for its layout here, read beside the old.
//
// Meta, articles and mention spans stay JSON: they are read once a request
// at most.

const (
	tagEntity   byte = 0xE1 // read only: an entity before sectors
	tagRelation byte = 0xE2
	tagEvidence byte = 0xE3
	// tagEntitySector is the entity layout of tagEntity with the agency's
	// sector after the articles count; written for every entity.
	tagEntitySector byte = 0xE4
	// tagEvent is an event of one actor (0x40): a store that has none
	// reads as before.
	tagEvent byte = 0xE5
)

// errCorrupt is wrapped by the decoders for a value that is not a record of
// the kind asked.
var errCorrupt = errors.New("graph: corrupt record")

// marshalValue encodes a value to store: records in their binary layout,
// anything else as JSON.
func marshalValue(v any) ([]byte, error) {
	switch r := v.(type) {
	case *entityRec:
		return r.appendBinary(nil), nil
	case *relationRec:
		return r.appendBinary(nil), nil
	case newsgraph.Evidence:
		return appendEvidence(nil, &r), nil
	case *eventRec:
		return r.appendBinary(nil), nil
	}
	return json.Marshal(v)
}

func (r *entityRec) appendBinary(b []byte) []byte {
	b = append(b, tagEntitySector)
	b = binary.AppendUvarint(b, r.UID)
	b = appendStr(b, r.ID)
	b = appendStr(b, r.Name)
	b = appendStr(b, string(r.Type))
	b = appendStr(b, r.Country)
	b = binary.AppendUvarint(b, uint64(len(r.Aliases)))
	for _, a := range r.Aliases {
		b = appendStr(b, a)
	}
	b = binary.AppendUvarint(b, uint64(len(r.AliasReasons)))
	for _, k := range sortedKeys(r.AliasReasons) {
		b = appendStr(appendStr(b, k), r.AliasReasons[k])
	}
	b = binary.AppendUvarint(b, uint64(r.Mentions))
	b = binary.AppendUvarint(b, uint64(r.Articles))
	return appendStr(b, string(r.Sector))
}

func decodeEntity(v []byte, r *entityRec) error {
	if len(v) > 0 && v[0] == '{' {
		return json.Unmarshal(v, r)
	}
	d := decoder{b: v}
	tag := d.byte()
	if tag != tagEntity && tag != tagEntitySector {
		d.fail()
	}
	r.UID = d.uint()
	r.ID, r.Name, r.Type, r.Country = d.str(), d.str(), newsgraph.EntityType(d.str()), d.str()
	if n := d.count(); n > 0 {
		r.Aliases = make([]string, n)
		for i := range r.Aliases {
			r.Aliases[i] = d.str()
		}
	}
	if n := d.count(); n > 0 {
		r.AliasReasons = make(map[string]string, n)
		for range n {
			k := d.str()
			r.AliasReasons[k] = d.str()
		}
	}
	r.Mentions, r.Articles = int(d.uint()), int(d.uint())
	if tag == tagEntitySector {
		r.Sector = newsgraph.Sector(d.str())
	}
	return d.end("entity")
}

func (r *relationRec) appendBinary(b []byte) []byte {
	b = append(b, tagRelation)
	b = binary.AppendUvarint(b, r.UID)
	b = appendStr(b, r.ID)
	b = binary.AppendUvarint(b, r.SubjectUID)
	b = binary.AppendUvarint(b, r.ObjectUID)
	b = appendStr(b, r.Subject)
	b = appendStr(b, r.Object)
	b = appendStr(b, r.Lemma)
	b = appendStr(b, r.Kind)
	b = binary.AppendUvarint(b, uint64(len(r.Labels)))
	for _, k := range sortedKeys(r.Labels) {
		b = binary.AppendUvarint(appendStr(b, k), uint64(r.Labels[k]))
	}
	b = binary.AppendUvarint(b, uint64(r.Weight))
	b = binary.AppendUvarint(b, uint64(r.Articles))
	b = appendStr(b, r.FirstSeen)
	b = appendStr(b, r.LastSeen)
	return binary.BigEndian.AppendUint64(b, math.Float64bits(r.Confidence))
}

func decodeRelation(v []byte, r *relationRec) error {
	if len(v) > 0 && v[0] == '{' {
		return json.Unmarshal(v, r)
	}
	d := decoder{b: v}
	d.tag(tagRelation)
	r.UID, r.ID = d.uint(), d.str()
	r.SubjectUID, r.ObjectUID = d.uint(), d.uint()
	r.Subject, r.Object, r.Lemma, r.Kind = d.str(), d.str(), d.str(), d.str()
	n := d.count()
	r.Labels = make(map[string]int, n)
	for range n {
		k := d.str()
		r.Labels[k] = int(d.uint())
	}
	r.Weight, r.Articles = int(d.uint()), int(d.uint())
	r.FirstSeen, r.LastSeen = d.str(), d.str()
	r.Confidence = d.float()
	return d.end("relation")
}

func appendEvidence(b []byte, ev *newsgraph.Evidence) []byte {
	b = append(b, tagEvidence)
	b = appendStr(b, ev.ArticleID)
	b = appendStr(b, ev.Sentence)
	b = binary.AppendUvarint(b, uint64(ev.Start))
	b = binary.AppendUvarint(b, uint64(ev.End))
	b = appendStr(b, ev.Quantity)
	neg := byte(0)
	if ev.Negated {
		neg = 1
	}
	b = append(b, neg)
	return binary.BigEndian.AppendUint64(b, math.Float64bits(ev.Confidence))
}

func decodeEvidence(v []byte, ev *newsgraph.Evidence) error {
	if len(v) > 0 && v[0] == '{' {
		return json.Unmarshal(v, ev)
	}
	d := decoder{b: v}
	d.tag(tagEvidence)
	ev.ArticleID, ev.Sentence = d.str(), d.str()
	ev.Start, ev.End = int(d.uint()), int(d.uint())
	ev.Quantity = d.str()
	switch d.byte() {
	case 0:
		ev.Negated = false
	case 1:
		ev.Negated = true
	default:
		d.fail()
	}
	ev.Confidence = d.float()
	return d.end("evidence")
}

func (r *eventRec) appendBinary(b []byte) []byte {
	b = append(b, tagEvent)
	b = binary.AppendUvarint(b, r.SubjectUID)
	for _, s := range []string{r.Subject, r.Predicate, r.Lemma, string(r.Kind), r.ObjectText} {
		b = appendStr(b, s)
	}
	b = binary.AppendUvarint(b, uint64(r.ObjectStart))
	b = binary.AppendUvarint(b, uint64(r.ObjectEnd))
	for _, s := range []string{string(r.Modality), r.Pattern, r.Date} {
		b = appendStr(b, s)
	}
	return appendEvidence(b, &r.Evidence)
}

func decodeEvent(v []byte, r *eventRec) error {
	d := decoder{b: v}
	d.tag(tagEvent)
	r.SubjectUID = d.uint()
	r.Subject, r.Predicate, r.Lemma, r.Kind, r.ObjectText = d.str(), d.str(), d.str(), newsgraph.RelationKind(d.str()), d.str()
	r.ObjectStart, r.ObjectEnd = int(d.uint()), int(d.uint())
	r.Modality, r.Pattern, r.Date = newsgraph.Modality(d.str()), d.str(), d.str()
	if d.err {
		return d.end("event")
	}
	return decodeEvidence(d.b, &r.Evidence)
}

func appendStr(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// decoder reads a record's fields in order; the first short or malformed
// field sets err, and every read after it returns zero.
type decoder struct {
	b   []byte
	err bool
}

func (d *decoder) fail() { d.err, d.b = true, nil }

func (d *decoder) tag(t byte) {
	if d.byte() != t {
		d.fail()
	}
}

func (d *decoder) byte() byte {
	if len(d.b) == 0 {
		d.fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) uint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a length, refusing one longer than the bytes left could hold.
func (d *decoder) count() int {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *decoder) str() string {
	n := d.count()
	if d.err {
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) float() float64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	f := math.Float64frombits(binary.BigEndian.Uint64(d.b))
	d.b = d.b[8:]
	return f
}

// end checks that the record was read whole, to the last byte.
func (d *decoder) end(kind string) error {
	if d.err || len(d.b) != 0 {
		return fmt.Errorf("%w: malformed %s", errCorrupt, kind)
	}
	return nil
}
