package graph

import (
	"bytes"
	"strings"
	"testing"
)

func FuzzCursor(f *testing.F) {
	f.Add(encodeCursor(cursorEntity, rankPos(3, 42)))
	f.Add(encodeCursor(cursorArticle, u64(7)))
	f.Add("")
	f.Add("!!!")
	f.Fuzz(func(t *testing.T, c string) {
		for _, k := range []struct {
			kind byte
			size int
		}{{cursorEntity, 16}, {cursorRelation, 16}, {cursorArticle, 8}} {
			pos, err := decodeCursor(k.kind, c, k.size)
			if err != nil || c == "" {
				continue
			}
			if len(pos) != k.size {
				t.Fatalf("decodeCursor(%q) = %d bytes; want %d", c, len(pos), k.size)
			}
			if again := encodeCursor(k.kind, pos); again != c {
				t.Fatalf("encodeCursor(decodeCursor(%q)) = %q", c, again)
			}
		}
	})
}

func TestRankPosOrder(t *testing.T) {
	// Larger counts sort first; equal counts by uid.
	tests := []struct{ a, b []byte }{
		{rankPos(10, 5), rankPos(9, 1)},
		{rankPos(3, 1), rankPos(3, 2)},
		{rankPos(1<<40, 9), rankPos(0, 0)},
	}
	for _, tt := range tests {
		if bytes.Compare(tt.a, tt.b) >= 0 {
			t.Errorf("rankPos order: %x should sort before %x", tt.a, tt.b)
		}
	}
	k := outKey(7, 12, 99)
	if rankPosUID(k) != 99 || rankPosCount(k) != 12 || uidAt(k, 1) != 7 {
		t.Errorf("outKey(7, 12, 99) decodes to subject %d, weight %d, rel %d", uidAt(k, 1), rankPosCount(k), rankPosUID(k))
	}
}

func FuzzNormName(f *testing.F) {
	for _, s := range []string{"Vladimir Putin", "U.S.", "al-Assad", "  Ministry   of Defence ", "Russia's", "İstanbul", "a\x00b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := normName(s)
		if strings.IndexByte(n, nameSep) >= 0 {
			t.Fatalf("normName(%q) = %q holds the index separator", s, n)
		}
		if again := normName(n); again != n {
			t.Fatalf("normName(normName(%q)) = %q; want %q", s, again, n)
		}
		if strings.HasPrefix(n, " ") || strings.HasSuffix(n, " ") || strings.Contains(n, "  ") {
			t.Fatalf("normName(%q) = %q has stray spaces", s, n)
		}
	})
}
