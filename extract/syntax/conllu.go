package syntax

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ErrCoNLLU is returned (wrapped, with the line number) for malformed CoNLL-U.
var ErrCoNLLU = errors.New("syntax: malformed CoNLL-U")

// Sentence is one CoNLL-U sentence block: its comments and its syntactic
// words. Multiword token lines (1-2) and empty nodes (8.1) are skipped on
// reading: the parser works on words.
type Sentence struct {
	Comments []string // without the leading "# "
	Words    []Word
}

// Text is the sentence's "# text = ..." comment, or its words joined by spaces.
func (s *Sentence) Text() string {
	for _, c := range s.Comments {
		if t, ok := strings.CutPrefix(c, "text = "); ok {
			return t
		}
	}
	return strings.Join(s.Forms(), " ")
}

// Forms returns the words' forms.
func (s *Sentence) Forms() []string {
	f := make([]string, len(s.Words))
	for i, w := range s.Words {
		f[i] = w.Form
	}
	return f
}

// Word is one CoNLL-U word line. Head is the 1-based number of the head word,
// 0 for the root.
type Word struct {
	Form, Lemma, UPOS, XPOS, Feats string
	Head                           int
	Rel, Deps, Misc                string
}

// ReadCoNLLU reads every sentence of r. A malformed line is an error that
// names its line number.
func ReadCoNLLU(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Words) > 0 || len(cur.Comments) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.TrimSpace(line) == "":
			flush()
		case strings.HasPrefix(line, "#"):
			cur.Comments = append(cur.Comments, strings.TrimSpace(strings.TrimPrefix(line, "#")))
		default:
			w, skip, err := parseWordLine(line, len(cur.Words))
			if err != nil {
				return nil, fmt.Errorf("%w: line %d: %v", ErrCoNLLU, n, err)
			}
			if !skip {
				cur.Words = append(cur.Words, w)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("syntax.ReadCoNLLU: %w", err)
	}
	flush()
	return out, nil
}

// parseWordLine reads one ten-column line; have is how many words the
// sentence has so far, to check that IDs run 1, 2, 3...
func parseWordLine(line string, have int) (w Word, skip bool, err error) {
	f := strings.Split(line, "\t")
	if len(f) != 10 {
		return w, false, fmt.Errorf("%d tab-separated columns, want 10", len(f))
	}
	if strings.ContainsAny(f[0], "-.") {
		return w, true, nil // multiword token range or empty node
	}
	id, err := strconv.Atoi(f[0])
	if err != nil || id != have+1 {
		return w, false, fmt.Errorf("word ID %q, want %d", f[0], have+1)
	}
	if f[1] == "" {
		return w, false, errors.New("empty FORM")
	}
	head := -1
	if f[6] != "_" {
		if head, err = strconv.Atoi(f[6]); err != nil || head < 0 {
			return w, false, fmt.Errorf("HEAD %q is not a word number", f[6])
		}
	}
	return Word{Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5],
		Head: head, Rel: f[7], Deps: f[8], Misc: f[9]}, false, nil
}

// CheckTrees reports the first sentence whose heads do not form a tree over
// its words (head out of range, missing, or a cycle).
func CheckTrees(ss []Sentence) error {
	for i := range ss {
		heads := make([]int, len(ss[i].Words))
		for j, w := range ss[i].Words {
			heads[j] = w.Head
		}
		if err := CheckTree(heads); err != nil {
			return fmt.Errorf("sentence %d: %w", i+1, err)
		}
	}
	return nil
}

// WriteCoNLLU writes the sentences as CoNLL-U blocks; empty fields become "_".
func WriteCoNLLU(w io.Writer, ss []Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range ss {
		for _, c := range s.Comments {
			fmt.Fprintf(bw, "# %s\n", c)
		}
		for i, x := range s.Words {
			head := "_"
			if x.Head >= 0 {
				head = strconv.Itoa(x.Head)
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", i+1, x.Form,
				blank(x.Lemma), blank(x.UPOS), blank(x.XPOS), blank(x.Feats), head,
				blank(x.Rel), blank(x.Deps), blank(x.Misc))
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

func blank(s string) string {
	if s == "" {
		return "_"
	}
	return s
}
