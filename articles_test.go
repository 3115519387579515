package newsgraph

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readAll collects what ReadPath hands out: articles and per-article errors.
func readAll(t *testing.T, path string, opts ReadOptions) ([]*Article, []error) {
	t.Helper()
	var arts []*Article
	var errs []error
	err := ReadPath(path, opts, func(a *Article, err error) error {
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		t.Fatalf("ReadPath(%q) = %v; want per-article errors only", path, err)
	}
	return arts, errs
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadBadInput(t *testing.T) {
	big := strings.Repeat("word ", 300_000) // 1.5 MB on one line
	tests := []struct {
		name     string
		file     string
		data     string
		max      int
		articles int
		errs     []error // one per failed article, in order
	}{
		{"empty", "a.txt", "", 0, 0, []error{ErrEmpty}},
		{"blank", "a.txt", "  \n\n \t", 0, 0, []error{ErrEmpty}},
		{"binary", "a.txt", "\x7fELF\x02\x01\x01\x00\x00", 0, 0, []error{ErrNotText}},
		{"invalid utf8", "a.txt", "Title\n\nCaf\xe9 society", 0, 0, []error{ErrNotText}},
		{"too large", "a.txt", "Title\n\n" + big, 1 << 20, 0, []error{ErrTooLarge}},
		{"one long line fits", "a.txt", big, 2 << 20, 1, nil},
		{"html as text", "a.html", "<html><body><p>Russia said so.</p></body></html>", 0, 1, nil},
		{"jsonl broken lines", "a.jsonl",
			`{"id":"a1","title":"One","text":"Russia said so."}` + "\n" +
				`{"id":"a2","title":` + "\n" +
				`not json at all` + "\n\n" +
				`{"id":"a3","text":"Kyiv replied.","extra":{"nested":[1,2]},"published_at":"March 3, 2019"}` + "\n",
			0, 2, []error{ErrBadRecord, ErrBadRecord}},
		{"jsonl wrong types", "a.jsonl", `{"id":"a1","text":42}` + "\n" + `{"id":{"x":1},"text":"t"}`, 0, 0,
			[]error{ErrBadRecord, ErrBadRecord}},
		{"jsonl empty text", "a.jsonl", `{"id":"a1","text":""}`, 0, 0, []error{ErrEmpty}},
		{"jsonl line over limit", "a.jsonl", `{"id":"a1","text":"` + big + `"}` + "\n" + `{"id":"a2","text":"fine"}`, 1 << 20, 1,
			[]error{ErrTooLarge}},
		{"json array", "a.json", `[{"id":"x","text":"one"},{"text":"two"},{"text":7}]`, 0, 2, []error{ErrBadRecord}},
		{"json array over one article's limit", "a.json", "[" + strings.Repeat(`{"text":"`+strings.Repeat("word ", 240)+`"},`, 9) +
			`{"text":"last"}]`, 5000, 10, nil},
		{"json array broken mid-way", "a.json", `[{"text":"one"},{"text":"two"},{"text":"thr`, 0, 2, []error{ErrBadRecord}},
		{"json array record over the limit", "a.json", `[{"text":"` + strings.Repeat("x", 3000) + `"},{"text":"fine"}]`, 1000, 1,
			[]error{ErrTooLarge}},
		{"json object", "a.json", `{"title":"T","text":"body","url":"https://example.org/a"}`, 0, 1, nil},
		{"json id with slash", "a.json", `{"id":"a/b","text":"body"}`, 0, 0, []error{ErrBadRecord}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), tt.file, []byte(tt.data))
			arts, errs := readAll(t, p, ReadOptions{MaxArticleBytes: tt.max})
			if len(arts) != tt.articles {
				t.Errorf("ReadPath(%s) gave %d articles; want %d (errors %v)", tt.name, len(arts), tt.articles, errs)
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("ReadPath(%s) errors = %v; want %v", tt.name, errs, tt.errs)
			}
			for i, want := range tt.errs {
				var re *ReadError
				if !errors.As(errs[i], &re) || !errors.Is(errs[i], want) {
					t.Errorf("error %d = %v; want a *ReadError wrapping %v", i, errs[i], want)
				}
			}
			for _, a := range arts {
				if a.ID == "" || a.Text == "" || a.Title == "" {
					t.Errorf("article %+v lacks id, title or text", a)
				}
			}
		})
	}
}

func TestParseTextWikinews(t *testing.T) {
	text := "Nancy Pelosi again elected Speaker\n\nFriday, January 4, 2019  \n\nNancy Pelosi yesterday resumed the office.\n"
	a, err := ParseText("wn.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Nancy Pelosi again elected Speaker" || a.PublishedAt != "2019-01-04" || a.Text != text {
		t.Errorf("ParseText = title %q date %q; want the headline and 2019-01-04, text unchanged", a.Title, a.PublishedAt)
	}
	b, _ := ParseText("other.txt", []byte(text))
	if a.ID != b.ID {
		t.Errorf("ContentID differs for the same text: %s, %s", a.ID, b.ID)
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2019-01-04", "2019-01-04"},
		{"2019-01-04T10:30:00Z", "2019-01-04T10:30:00Z"},
		{"Friday, January 4, 2019", "2019-01-04"},
		{"4 January 2019", "2019-01-04"},
		{"Mon, 02 Jan 2006 15:04:05 -0700", "2006-01-02T22:04:05Z"},
		{"sometime in spring", ""}, // not a date: none (NewArticle warns)
		{"", ""},
	}
	for _, tt := range tests {
		if got := NormalizeDate(tt.in); got != tt.want {
			t.Errorf("NormalizeDate(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestReadDirectory(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	writeFile(t, dir, "a.txt", []byte("A\n\nRussia acted."))
	writeFile(t, filepath.Join(dir, "sub"), "b.jsonl", []byte(`{"text":"one"}`+"\n"+`{"text":"two"}`))
	writeFile(t, dir, "notes.bin", []byte{0, 1, 2})
	arts, errs := readAll(t, dir, ReadOptions{})
	if len(arts) != 3 || len(errs) != 0 {
		t.Errorf("ReadPath(dir) = %d articles, errors %v; want 3 articles, no errors (non-article files skipped)", len(arts), errs)
	}
}

func TestSeeds(t *testing.T) {
	arts, err := Seeds()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) < 172 {
		t.Fatalf("Seeds() = %d articles; want at least 172", len(arts))
	}
	ids := map[string]bool{}
	for _, a := range arts {
		if ids[a.ID] {
			t.Errorf("duplicate seed id %s (%s)", a.ID, a.Source)
		}
		ids[a.ID] = true
		if strings.HasPrefix(filepath.Base(a.Source), "wn_") && (a.URL == "" || a.PublishedAt == "") {
			t.Errorf("seed %s lacks url or date", a.Source)
		}
	}
}

func FuzzReadStream(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"Russia"}` + "\n" + `{"text":`))
	f.Add([]byte("Title\n\nFriday, January 4, 2019\n\nBody"))
	f.Add([]byte(`[{"text":"x"},{"text":1}]`))
	f.Add([]byte{0xff, 0xfe, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		err := ReadStream("fuzz", strings.NewReader(string(data)), ReadOptions{MaxArticleBytes: 1 << 16}, func(a *Article, err error) error {
			if err == nil {
				if a.ID == "" || CheckText([]byte(a.Text), 1<<16) != nil {
					t.Errorf("ReadStream gave an article it should have refused: %+v", a)
				}
			} else if _, ok := err.(*ReadError); !ok {
				t.Errorf("per-article error %T is not a *ReadError", err)
			}
			return nil
		})
		if err != nil {
			t.Errorf("ReadStream = %v; want per-article errors only", err)
		}
	})
}

func TestNewArticle(t *testing.T) {
	long := strings.Repeat("é", 400) // 800 bytes
	tests := []struct {
		name  string
		f     Fields
		title string
		err   error
	}{
		{"title from text", Fields{Text: "\n  First line  \nbody"}, "First line", nil},
		{"title cut on a character", Fields{Title: long, Text: "body"}, strings.Repeat("é", MaxTitleBytes/2), nil},
		{"empty text", Fields{Title: "T", Text: " "}, "", ErrEmpty},
		{"bad id", Fields{ID: "a/b", Text: "body"}, "", ErrBadRecord},
		{"long url", Fields{Text: "body", URL: "https://x/" + strings.Repeat("a", MaxURLBytes)}, "", ErrBadRecord},
	}
	for _, tt := range tests {
		a, err := NewArticle(tt.f, 0)
		if !errors.Is(err, tt.err) || err == nil && (a.Title != tt.title || a.ID != ContentID(a.Title, a.Text)) {
			t.Errorf("NewArticle(%s) = %+v, %v; want title %q, error %v", tt.name, a, err, tt.title, tt.err)
		}
	}
}

func TestNewArticleWarnsOfAnUnreadableDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2022-03-01T10:00:00+01:00", "2022-03-01T09:00:00Z"},
		{"1 March 2022", "2022-03-01"},
		{"sometime in spring", ""},
	} {
		a, err := NewArticle(Fields{Text: "Russia spoke.", PublishedAt: tc.in}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if a.PublishedAt != tc.want || (a.DateWarning != "") != (tc.want == "") {
			t.Errorf("NewArticle(published_at %q) = date %q, warning %q; want %q, a warning only when dropped", tc.in, a.PublishedAt, a.DateWarning, tc.want)
		}
	}
}
