package extract

import (
	"reflect"
	"sort"
	"sync"
	"testing"
)

// unsortedForms returns up to n words whose base forms golem's dictionary
// holds out of order: the first Lemmas call on such a word sorts the
// dictionary's slice in place. It reads golem's unexported fields through
// reflection, read-only.
func unsortedForms(t *testing.T, n int) []string {
	t.Helper()
	l := lemmatizer()
	if l == nil {
		t.Skip("golem dictionary did not load")
	}
	v := reflect.ValueOf(l).Elem()
	m, forms := v.FieldByName("m"), v.FieldByName("v")
	var words []string
	for it := m.MapRange(); it.Next() && len(words) < n; {
		f := forms.Index(int(it.Value().Int()))
		s := make([]string, f.Len())
		for i := range s {
			s[i] = f.Index(i).String()
		}
		if !sort.StringsAreSorted(s) {
			words = append(words, it.Key().String())
		}
	}
	if len(words) == 0 {
		t.Skip("no unsorted entries left in golem's dictionary")
	}
	return words
}

// TestLemmaConcurrent looks words up from several goroutines at once, as
// parallel extractions do, starting with words whose dictionary entries
// golem has not sorted yet. golem's Lemmas sorts that shared slice in
// place, so without the guard in lemma.go this is a data race that CI's
// -race run of ./extract/... reports; every goroutine must also get the
// answer a lone call gives.
func TestLemmaConcurrent(t *testing.T) {
	words := unsortedForms(t, 200)
	var wg sync.WaitGroup
	got := make([][]string, 4)
	start := make(chan struct{})
	for g := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for _, w := range words {
				got[g] = append(got[g], lemma(w, "VBD"))
			}
		}()
	}
	close(start)
	wg.Wait()
	for i, w := range words {
		want := lemma(w, "VBD")
		for g := range got {
			if got[g][i] != want {
				t.Errorf("lemma(%q, VBD) = %q in goroutine %d; want %q", w, got[g][i], g, want)
			}
		}
	}
}
