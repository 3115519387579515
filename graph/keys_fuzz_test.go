package graph

import (
	"bytes"
	"cmp"
	"strings"
	"testing"

	"newsgraph"
)

// FuzzKeys: every key gives back the parts it was built from, and keys of
// one prefix sort the way the scans rely on: adjacency and rank rows by
// (count descending, uid), name rows by (name, uid), with a name's exact and
// search prefixes matching exactly the rows they should.
func FuzzKeys(f *testing.F) {
	f.Add("russia", "russian", uint64(1), uint64(2), uint64(3), uint64(4), uint32(5), uint32(5))
	f.Add("a", "a", uint64(0), uint64(1<<63), uint64(1<<64-1), uint64(7), uint32(0), uint32(1<<32-1))
	f.Add("", "b", uint64(9), uint64(9), uint64(9), uint64(9), uint32(1), uint32(2))
	f.Add("putin", "put", uint64(256), uint64(255), uint64(1), uint64(2), uint32(300), uint32(299))
	f.Fuzz(func(t *testing.T, n1, n2 string, u1, u2, u3, u4 uint64, w1, w2 uint32) {
		// Rank positions: count and uid come back, the larger count first.
		for _, k := range [][]byte{outKey(u1, int(w1), u2), inKey(u1, int(w1), u2), relRankKey(int(w1), u2), entityRankKey(3, int(w1), u2)} {
			if rankPosUID(k) != u2 || rankPosCount(k) != int(w1) {
				t.Fatalf("key %x: uid %d count %d; want %d %d", k, rankPosUID(k), rankPosCount(k), u2, w1)
			}
		}
		if k := outKey(u1, int(w1), u2); k[0] != pOut || uidAt(k, 1) != u1 || len(k) != 25 {
			t.Fatalf("outKey(%d, %d, %d) = %x", u1, w1, u2, k)
		}
		a, b := outKey(u1, int(w1), u2), outKey(u1, int(w2), u3)
		want := cmp.Or(-cmp.Compare(w1, w2), cmp.Compare(u2, u3))
		if got := bytes.Compare(a, b); got != want {
			t.Fatalf("outKey order (%d, %d) vs (%d, %d) = %d; want %d", w1, u2, w2, u3, got, want)
		}
		if got, want := bytes.Compare(outKey(u1, int(w1), u2), outKey(u4, int(w2), u3)), cmp.Compare(u1, u4); u1 != u4 && got != want {
			t.Fatalf("outKey of subjects %d, %d compare %d; want %d", u1, u4, got, want)
		}
		// Fixed-width parts.
		if k := evidenceKey(u1, u2, w1); uidAt(k, 1) != u1 || uidAt(k, 9) != u2 || len(k) != 21 {
			t.Fatalf("evidenceKey(%d, %d, %d) = %x", u1, u2, w1, k)
		}
		if k := articleEntKey(u1, u2); uidAt(k, 1) != u1 || uidAt(k, 9) != u2 || k[0] != pArticleEnt {
			t.Fatalf("articleEntKey(%d, %d) = %x", u1, u2, k)
		}
		if got, want := bytes.Compare(evidenceKey(u1, u2, w1), evidenceKey(u1, u3, w2)), cmp.Or(cmp.Compare(u2, u3), cmp.Compare(w1, w2)); got != want {
			t.Fatalf("evidenceKey order (%d, %d) vs (%d, %d) = %d; want %d", u2, w1, u3, w2, got, want)
		}
		// Each row sits under the scan prefix of its owner, not under
		// another owner's, and gives back the id the scan reads from it.
		for _, c := range []struct {
			name        string
			k, own, oth []byte
			got, want   uint64
		}{
			{"articleEntKey", articleEntKey(u1, u2), articleEntPrefix(u1), articleEntPrefix(u3), articleEntUID(articleEntKey(u1, u2)), u2},
			{"articleRelKey", articleRelKey(u1, u2), articleRelPrefix(u1), articleRelPrefix(u3), articleRelUID(articleRelKey(u1, u2)), u2},
			{"entityArtKey", entityArtKey(u1, u2), entityArtPrefix(u1), entityArtPrefix(u3), entityArtSeq(entityArtKey(u1, u2)), u2},
			{"outKey", outKey(u1, int(w1), u2), outPrefix(u1), outPrefix(u3), rankPosUID(outKey(u1, int(w1), u2)), u2},
			{"inKey", inKey(u1, int(w1), u2), inPrefix(u1), inPrefix(u3), rankPosUID(inKey(u1, int(w1), u2)), u2},
			{"evidenceKey", evidenceKey(u1, u2, w1), evidencePrefix(u1), evidencePrefix(u3), uidAt(evidenceKey(u1, u2, w1), 9), u2},
			{"relRankKey", relRankKey(int(w1), u2), relRankPrefix(), outPrefix(u1)[:1], rankPosUID(relRankKey(int(w1), u2)), u2},
			{"articleSeqKey", articleSeqKey(u1), articleSeqPrefix(), articleEntPrefix(u1)[:1], uidAt(articleSeqKey(u1), 1), u1},
			{"nameKey", nameKey(normName(n1), u1), namePrefix(normName(n1)), namePrefix(normName(n1) + "x"), nameKeyUID(nameKey(normName(n1), u1)), u1},
		} {
			if !bytes.HasPrefix(c.k, c.own) || c.got != c.want {
				t.Fatalf("%s = %x: under %x %v, decodes to %d; want true, %d", c.name, c.k, c.own, bytes.HasPrefix(c.k, c.own), c.got, c.want)
			}
			if !bytes.Equal(c.own, c.oth) && bytes.HasPrefix(c.k, c.oth) {
				t.Fatalf("%s = %x is under the other prefix %x", c.name, c.k, c.oth)
			}
			// The sort position after the prefix is a cursor's: seeking to
			// it finds the row again.
			if pos := sortPos(c.own, c.k); !bytes.Equal(seekAfter(c.own, pos), c.k) {
				t.Fatalf("%s: seekAfter(prefix, sortPos(prefix, %x)) = %x", c.name, c.k, seekAfter(c.own, pos))
			}
		}
		if seekAfter(outPrefix(u1), nil) != nil {
			t.Fatalf("seekAfter(prefix, nil) is not nil")
		}
		// Entity rank rows: one under all types, one under the type.
		for _, typ := range []newsgraph.EntityType{newsgraph.Person, newsgraph.State, newsgraph.Agency, newsgraph.Place} {
			ks := entityRankKeys(typ, int(w1), u2)
			if len(ks) != 2 || !bytes.HasPrefix(ks[0], rankPrefix("")) || !bytes.HasPrefix(ks[1], rankPrefix(typ)) || bytes.Equal(rankPrefix(""), rankPrefix(typ)) {
				t.Fatalf("entityRankKeys(%s, %d, %d) = %x; want under %x and %x", typ, w1, u2, ks, rankPrefix(""), rankPrefix(typ))
			}
			for _, k := range ks {
				if rankPosUID(k) != u2 || rankPosCount(k) != int(w1) || !bytes.Equal(sortPos(rankPrefix(typ), k), rankPos(int(w1), u2)) {
					t.Fatalf("entityRankKeys(%s, %d, %d) row %x does not decode", typ, w1, u2, k)
				}
			}
		}
		if got, err := decodeUID(uidValue(u1)); got != u1 || err != nil {
			t.Fatalf("decodeUID(uidValue(%d)) = %d, %v", u1, got, err)
		}
		// Name rows: the name and uid come back; order is (name, uid).
		n1, n2 = normName(n1), normName(n2)
		k1, k2 := nameKey(n1, u1), nameKey(n2, u2)
		if string(k1[1:len(k1)-9]) != n1 || k1[len(k1)-9] != nameSep || nameKeyUID(k1) != u1 {
			t.Fatalf("nameKey(%q, %d) = %x does not decode", n1, u1, k1)
		}
		if got, want := bytes.Compare(k1, k2), cmp.Or(strings.Compare(n1, n2), cmp.Compare(u1, u2)); got != want {
			t.Fatalf("nameKey order (%q, %d) vs (%q, %d) = %d; want %d", n1, u1, n2, u2, got, want)
		}
		if got := bytes.HasPrefix(k2, namePrefix(n1)); got != (n1 == n2) {
			t.Fatalf("namePrefix(%q) matches the row of %q: %v", n1, n2, got)
		}
		if got := bytes.HasPrefix(k2, nameSearchPrefix(n1)); got != strings.HasPrefix(n2, n1) {
			t.Fatalf("nameSearchPrefix(%q) matches the row of %q: %v", n1, n2, got)
		}
		// Cursors give back the sort position.
		pos := rankPos(int(w1), u1)
		for _, kind := range []byte{cursorEntity, cursorRelation} {
			got, err := decodeCursor(kind, encodeCursor(kind, pos), 16)
			if err != nil || !bytes.Equal(got, pos) {
				t.Fatalf("decodeCursor(encodeCursor(%x)) = %x, %v", pos, got, err)
			}
		}
		if _, err := decodeCursor(cursorArticle, encodeCursor(cursorEntity, pos), 16); err == nil {
			t.Fatalf("an entity cursor was taken for an article cursor")
		}
	})
}
