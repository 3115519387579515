package graph

import (
	"bytes"
	"cmp"
	"strings"
	"testing"
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
		// Name rows: the name and uid come back; order is (name, uid).
		n1, n2 = normName(n1), normName(n2)
		k1, k2 := nameKey(n1, u1), nameKey(n2, u2)
		if string(k1[1:len(k1)-9]) != n1 || k1[len(k1)-9] != nameSep || uidAt(k1, len(k1)-8) != u1 {
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
