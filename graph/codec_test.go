package graph

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"newsgraph"
)

func randomString(r *rand.Rand) string {
	const chars = "aé{}\x00 \"Zß"
	b := []rune{}
	for range r.IntN(12) {
		b = append(b, []rune(chars)[r.IntN(len([]rune(chars)))])
	}
	return string(b)
}

// Records read back from their binary layout equal what was written, and
// so does the JSON of format 1.
func TestRecordCodecRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for i := range 500 {
		e := &entityRec{UID: r.Uint64(), ID: randomString(r), Name: randomString(r), Type: newsgraph.Agency,
			Country: randomString(r), Sector: newsgraph.Sectors[r.IntN(len(newsgraph.Sectors))], Mentions: r.IntN(1 << 20), Articles: r.IntN(1000)}
		for range r.IntN(4) {
			e.Aliases = append(e.Aliases, randomString(r))
		}
		if r.IntN(2) == 0 {
			e.AliasReasons = map[string]string{randomString(r): randomString(r), "x": randomString(r)}
		}
		rel := &relationRec{UID: r.Uint64(), ID: randomString(r), SubjectUID: r.Uint64(), ObjectUID: uint64(i),
			Subject: randomString(r), Object: randomString(r), Lemma: randomString(r), Kind: "ROLE",
			Labels: map[string]int{randomString(r): r.IntN(99) + 1}, Weight: r.IntN(500), Articles: r.IntN(50),
			FirstSeen: "2019-01-02", Confidence: r.Float64()}
		ev := newsgraph.Evidence{ArticleID: randomString(r), Sentence: randomString(r), Start: r.IntN(1 << 30), End: r.IntN(9),
			Quantity: randomString(r), Negated: r.IntN(2) == 1, Confidence: r.Float64()}
		for _, v := range []any{e, rel, ev} {
			for _, enc := range []string{"binary", "json"} {
				var b []byte
				var err error
				if enc == "binary" {
					b, err = marshalValue(v)
				} else {
					b, err = jsonOf(v)
				}
				if err != nil {
					t.Fatal(err)
				}
				got, err := decodeAs(v, b)
				if err != nil || !reflect.DeepEqual(got, v) {
					t.Fatalf("decode(%s(%+v)) = %+v, %v", enc, v, got, err)
				}
			}
		}
	}
}

// An entity written before sectors (tag 0xE1, no sector at its end) still
// reads, without a sector; the new layout keeps its sector.
func TestEntityCodecBeforeSectors(t *testing.T) {
	e := &entityRec{UID: 9, ID: "agency:tass", Name: "TASS", Type: newsgraph.Agency, Mentions: 2, Articles: 1}
	b, _ := marshalValue(e)
	if b[0] != tagEntitySector || b[len(b)-1] != 0 {
		t.Fatalf("marshalValue(%+v) = %x; want tag %x and an empty sector last", e, b, tagEntitySector)
	}
	old := append([]byte{tagEntity}, b[1:len(b)-1]...)
	if got, err := decodeAs(e, old); err != nil || !reflect.DeepEqual(got, e) {
		t.Errorf("decode(old layout %x) = %+v, %v; want %+v", old, got, err, e)
	}
	e.Sector = newsgraph.Media
	b, _ = marshalValue(e)
	if got, err := decodeAs(e, b); err != nil || got.(*entityRec).Sector != newsgraph.Media {
		t.Errorf("decode(%x) = %+v, %v; want sector MEDIA", b, got, err)
	}
}

// A record cut short, or with bytes after its end, or of another kind, is
// an error, never a record with wrong fields.
func TestRecordCodecRefusesDamage(t *testing.T) {
	e := &entityRec{UID: 3, ID: "person:x", Name: "X", Type: newsgraph.Person, Aliases: []string{"Ex"}, Mentions: 4}
	b, _ := marshalValue(e)
	for n := range len(b) {
		if _, err := decodeAs(e, b[:n]); err == nil {
			t.Errorf("decodeEntity of the first %d of %d bytes succeeded", n, len(b))
		}
	}
	if _, err := decodeAs(e, append(b, 0)); err == nil {
		t.Errorf("decodeEntity with a trailing byte succeeded")
	}
	if _, err := decodeAs(&relationRec{}, b); err == nil {
		t.Errorf("decodeRelation of an entity succeeded")
	}
}

func FuzzDecodeRecord(f *testing.F) {
	e, _ := marshalValue(&entityRec{UID: 1, ID: "a", AliasReasons: map[string]string{"b": "c"}})
	rel, _ := marshalValue(&relationRec{UID: 2, Labels: map[string]int{"said": 2}, Confidence: 0.5})
	ev, _ := marshalValue(newsgraph.Evidence{Sentence: "s", End: 1, Negated: true})
	for _, b := range [][]byte{e, rel, ev, []byte(`{"uid":1}`)} {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, v := range []any{&entityRec{}, &relationRec{}, newsgraph.Evidence{}} {
			got, err := decodeAs(v, b)
			if err != nil || len(b) == 0 || b[0] == '{' {
				continue
			}
			// What decodes survives a round trip unchanged: no field is
			// skipped or misread.
			enc, _ := marshalValue(got)
			back, err := decodeAs(v, enc)
			if err != nil {
				t.Fatalf("decode(%x) = %+v, whose encoding %x does not decode: %v", b, got, enc, err)
			}
			if again, _ := marshalValue(back); string(again) != string(enc) {
				t.Fatalf("decode(%x) = %+v, encoded %x, read back as %+v", b, got, enc, back)
			}
		}
	})
}

func decodeAs(like any, b []byte) (any, error) {
	switch like.(type) {
	case *entityRec:
		r := &entityRec{}
		return r, decodeEntity(b, r)
	case *relationRec:
		r := &relationRec{}
		return r, decodeRelation(b, r)
	case newsgraph.Evidence:
		var ev newsgraph.Evidence
		err := decodeEvidence(b, &ev)
		return ev, err
	}
	return nil, fmt.Errorf("no decoder for %T", like)
}

func jsonOf(v any) ([]byte, error) { return json.Marshal(v) }

// An event record reads back as written; one cut short or with a byte
// more is an error.
func TestEventCodec(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 200 {
		e := &eventRec{SubjectUID: r.Uint64(), Date: randomString(r), Event: newsgraph.Event{
			Subject: randomString(r), Predicate: randomString(r), Lemma: randomString(r), Kind: newsgraph.Statement,
			ObjectText: randomString(r), ObjectStart: r.IntN(1 << 20), ObjectEnd: r.IntN(1 << 20),
			Modality: newsgraph.Requested, Pattern: randomString(r),
			Evidence: newsgraph.Evidence{ArticleID: randomString(r), Sentence: randomString(r), Start: r.IntN(99),
				End: r.IntN(999), Quantity: randomString(r), Negated: r.IntN(2) == 1, Confidence: r.Float64()}}}
		b, err := marshalValue(e)
		if err != nil {
			t.Fatal(err)
		}
		got := &eventRec{}
		if err := decodeEvent(b, got); err != nil || !reflect.DeepEqual(got, e) {
			t.Fatalf("decodeEvent(marshalValue(%+v)) = %+v, %v", e, got, err)
		}
		for n := range len(b) {
			if err := decodeEvent(b[:n], &eventRec{}); err == nil {
				t.Fatalf("decodeEvent of the first %d of %d bytes succeeded", n, len(b))
			}
		}
		if err := decodeEvent(append(b, 0), &eventRec{}); err == nil {
			t.Fatal("decodeEvent with a trailing byte succeeded")
		}
	}
}
