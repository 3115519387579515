package syntax

import (
	"strings"
	"sync"
	"testing"
)

func mustDefault(tb testing.TB) *Model {
	tb.Helper()
	m, err := Default()
	if err != nil {
		tb.Fatalf("Default() = %v", err)
	}
	return m
}

// checkParse asserts what every parse must be: one tag, one head and one
// relation per word, the heads a tree with one word on the root.
func checkParse(t testing.TB, words []string, tr Tree) {
	t.Helper()
	n := len(words)
	if len(tr.UPOS) != n || len(tr.XPOS) != n || len(tr.Head) != n || len(tr.Rel) != n {
		t.Fatalf("Parse(%d words): %d UPOS, %d XPOS, %d heads, %d relations", n, len(tr.UPOS), len(tr.XPOS), len(tr.Head), len(tr.Rel))
	}
	if err := CheckTree(tr.Head); err != nil {
		t.Fatalf("Parse(%q): %v (heads %v)", words, err, tr.Head)
	}
	for i := range n {
		if tr.UPOS[i] == "" || tr.XPOS[i] == "" || tr.Rel[i] == "" || (tr.Rel[i] == "root") != (tr.Head[i] == 0) {
			t.Fatalf("Parse(%q): word %d has UPOS %q XPOS %q rel %q head %d", words, i+1, tr.UPOS[i], tr.XPOS[i], tr.Rel[i], tr.Head[i])
		}
	}
}

func TestParseBadInput(t *testing.T) {
	m := mustDefault(t)
	long := make([]string, 1000)
	for i := range long {
		long[i] = []string{"the", "army", "said", ",", "and", "Russia", "attacked", "towns", "of"}[i%9]
	}
	for name, words := range map[string][]string{
		"empty":       nil,
		"one word":    {"Yes"},
		"1000 words":  long,
		"punctuation": {".", ",", "!", "?", "--", "(", ")", "\"", "...", ";"},
		"digits":      {"1", "22", "333", "4,444", "5.5", "1990", "2-3"},
		"non-Latin":   {"Путин", "подписал", "указ", "。", "東京", "で", "会議", "مرحبا", "★"},
		"odd strings": {"", " ", "\x00", "\xff\xfe", strings.Repeat("a", 10000)},
	} {
		t.Run(name, func(t *testing.T) {
			tr := m.Parse(words)
			checkParse(t, words, tr)
		})
	}
}

func TestParseConcurrent(t *testing.T) {
	m := mustDefault(t)
	words := strings.Fields("The ministry said Russian forces shelled the town , killing two civilians .")
	want := m.Parse(words)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				got := m.Parse(words)
				for i := range got.Head {
					if got.Head[i] != want.Head[i] || got.Rel[i] != want.Rel[i] {
						t.Errorf("concurrent Parse differs at word %d: %d %s; want %d %s", i+1, got.Head[i], got.Rel[i], want.Head[i], want.Rel[i])
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"", "Russia signed the treaty .", ". . .", "1 2 3", "東京 で 会議", "a-b c's d n't May."} {
		f.Add(s)
	}
	m := mustDefault(f)
	f.Fuzz(func(t *testing.T, text string) {
		words := strings.Fields(text)
		tr := m.Parse(words)
		checkParse(t, words, tr)
		tt := m.ParseTokens(tokens(text))
		checkParse(t, tt.Words, tt)
		for i, sp := range tt.Spans {
			if text[sp[0]:sp[1]] != tt.Words[i] {
				t.Fatalf("ParseTokens(%q): word %q spans %v", text, tt.Words[i], sp)
			}
		}
	})
}

func TestLabelFeaturesCount(t *testing.T) {
	var s state
	s.reset(3)
	s.apply(shift, 0)
	v := viewer{lex: make([]lex, 3), tags: make([]uint64, 3), upos: make([]int, 3), s: &s}
	c := newConfig(&v)
	var b fb
	c.labelFeatures(&b)
	if len(b.out) != nLabelFeats {
		t.Errorf("labelFeatures gives %d features; nLabelFeats is %d", len(b.out), nLabelFeats)
	}
}
