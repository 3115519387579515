package lexicon

import (
	"reflect"
	"testing"
	"testing/fstest"
)

var files = fstest.MapFS{
	"months.txt": {Data: []byte("# months, lower case\njanuary\n\n  february \n# a comment\nmarch\n")},
	"nouns.tsv":  {Data: []byte("# noun\tlemma\nministries\tministry\ntalks\ttalk\n")},
	"roles.tsv":  {Data: []byte("# word\ttitle\tlower\npresident\tx\tx\nsir\tx\t\ndesigner\t\tx\n")},
	"broken.tsv": {Data: []byte("no tab here\n")},
}

func TestList(t *testing.T) {
	got := List(files, "months.txt")
	want := []string{"january", "february", "march"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("List(months.txt) = %q; want %q", got, want)
	}
	s := Words(files, "months.txt")
	if !s.Has("march") || s.Has("# a comment") || s.Has("") || len(s) != 3 {
		t.Errorf("Words(months.txt) = %v; want the three months", s)
	}
}

func TestTable(t *testing.T) {
	got := Table(files, "nouns.tsv")
	want := map[string]string{"ministries": "ministry", "talks": "talk"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Table(nouns.tsv) = %v; want %v", got, want)
	}
}

func TestColumn(t *testing.T) {
	for _, tt := range []struct {
		col  string
		want Set
	}{
		{"title", NewSet("president", "sir")},
		{"lower", NewSet("president", "designer")},
	} {
		if got := Column(files, "roles.tsv", tt.col); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Column(roles.tsv, %q) = %v; want %v", tt.col, got, tt.want)
		}
	}
}

func TestBrokenFilesPanic(t *testing.T) {
	for name, load := range map[string]func(){
		"missing file": func() { Words(files, "none.txt") },
		"row no tab":   func() { Table(files, "broken.tsv") },
		"no column":    func() { Column(files, "roles.tsv", "none") },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic; want one", name)
				}
			}()
			load()
		}()
	}
}
