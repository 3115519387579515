package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"newsgraph/extract"
	"newsgraph/extract/syntax"
)

// runParse prints the dependency parse of texts, or of CoNLL-U sentences
// (their words as given, their tags and trees ignored), as CoNLL-U.
func runParse(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("parse", stderr)
	conllu := fs.Bool("conllu", false, "input is CoNLL-U: parse its words, ignore its tags and trees")
	paths, err := parseFlags(fs, args, 0, -1)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	x, err := extract.New(extract.WithNERTagger(false))
	if err != nil {
		return err
	}
	m, err := syntax.Default()
	if err != nil {
		return err
	}
	for _, p := range paths {
		data, err := readInput(p)
		if err != nil {
			return err
		}
		var ss []syntax.Sentence
		if *conllu {
			ss, err = reparse(m, data)
		} else {
			ss, err = parseText(ctx, x, string(data))
		}
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		if err := syntax.WriteCoNLLU(stdout, ss); err != nil {
			return err
		}
	}
	return nil
}

func readInput(p string) ([]byte, error) {
	if p == "-" {
		return io.ReadAll(os.Stdin)
	}
	return os.ReadFile(p)
}

// reparse parses the words of CoNLL-U sentences, keeping their comments.
func reparse(m *syntax.Model, data []byte) ([]syntax.Sentence, error) {
	ss, err := syntax.ReadCoNLLU(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	for i := range ss {
		t := m.ParseSentence(&ss[i])
		for j := range ss[i].Words {
			w := &ss[i].Words[j]
			*w = syntax.Word{Form: w.Form, Lemma: lemmaOf(w.Form, t.XPOS[j]), UPOS: t.UPOS[j], XPOS: t.XPOS[j],
				Head: t.Head[j], Rel: t.Rel[j], Misc: w.Misc}
		}
	}
	return ss, nil
}

// parseText splits text into sentences and words as the extractor does.
func parseText(ctx context.Context, x *extract.Extractor, text string) ([]syntax.Sentence, error) {
	trees, err := x.Parse(ctx, text)
	if err != nil {
		return nil, err
	}
	ss := make([]syntax.Sentence, len(trees))
	for i, t := range trees {
		n := len(t.Words)
		start, end := t.Spans[0][0], t.Spans[n-1][1]
		ss[i].Comments = []string{"text = " + strings.Join(strings.Fields(text[start:end]), " ")}
		for j := range t.Words {
			misc := ""
			if j+1 < n && t.Spans[j+1][0] == t.Spans[j][1] {
				misc = "SpaceAfter=No"
			}
			ss[i].Words = append(ss[i].Words, syntax.Word{Form: t.Words[j], Lemma: lemmaOf(t.Words[j], t.XPOS[j]),
				UPOS: t.UPOS[j], XPOS: t.XPOS[j], Head: t.Head[j], Rel: t.Rel[j], Misc: misc})
		}
	}
	return ss, nil
}

// lemmaOf is the extractor's lemma, but a proper noun keeps its case as in
// UD ("Russia", not "russia").
func lemmaOf(form, xpos string) string {
	if xpos == "NNP" || xpos == "NNPS" {
		return form
	}
	return extract.Lemma(form, xpos)
}
