package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"newsgraph/extract"
	"newsgraph/extract/eval"
)

// runEvalCoref scores the extractor's coreference links on GUM (by default
// its dev and test files in ../shared/data/ud): precision of the links
// pronouns, role nouns and descriptions get, by sieve, and recall of the
// pronouns and definite descriptions whose chain has a named person,
// organisation or place before them. --genre keeps the documents whose name
// has it (GUM_news_... for news).
func runEvalCoref(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval-coref", stderr)
	ud := fs.String("ud", "../shared/data/ud", "directory of the GUM files, when no FILE is given")
	genre := fs.String("genre", "", "only documents whose name contains this (news, interview, bio, ...)")
	off := fs.String("off", "", "comma-separated sieves to switch off")
	verbose := fs.Bool("v", false, "print each wrong link")
	files, err := parseFlags(fs, args, 0, -1)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		files = []string{filepath.Join(*ud, "en_gum-ud-dev.conllu"), filepath.Join(*ud, "en_gum-ud-test.conllu")}
	}
	x, err := extract.New(extract.WithoutCorefSieves(strings.Split(*off, ",")...))
	if err != nil {
		return err
	}
	var total eval.CorefCounts
	bySieve := map[string]eval.CorefCounts{}
	docs := 0
	for _, f := range files {
		ds, err := readCorefDocs(f)
		if err != nil {
			return err
		}
		for _, d := range ds {
			if !strings.Contains(d.Name, *genre) {
				continue
			}
			links, err := x.Coreference(ctx, d.Text)
			if err != nil {
				return fmt.Errorf("%s: %w", d.Name, err)
			}
			t, s := eval.ScoreCoref(d, corefLinks(links))
			if *verbose {
				printWrongLinks(stdout, d, links)
				fmt.Fprintf(stdout, "doc %s %v\n", d.Name, t)
			}
			total.Add(t)
			for k, c := range s {
				a := bySieve[k]
				a.Add(c)
				bySieve[k] = a
			}
			docs++
		}
	}
	names := make([]string, 0, len(bySieve))
	for k := range bySieve {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		c := bySieve[k]
		fmt.Fprintf(stdout, "sieve  %-15s links=%-4d right=%-4d P=%.3f\n", k, c.Links, c.Right, float64(c.Right)/float64(max(c.Links, 1)))
	}
	fmt.Fprintf(stdout, "documents=%d %v\n", docs, total)
	return nil
}

func readCorefDocs(path string) ([]eval.CorefDoc, error) {
	r, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	ds, err := eval.ReadCorefDocs(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ds, nil
}

func corefLinks(ls []extract.CorefLink) []eval.CorefLink {
	out := make([]eval.CorefLink, len(ls))
	for i, l := range ls {
		out[i] = eval.CorefLink{Start: l.Start, End: l.End, Sieve: l.Sieve, Antecedents: l.Antecedents}
	}
	return out
}

// printWrongLinks prints the links of d that ScoreCoref counts wrong, with
// the words around them and the actor they were linked to.
func printWrongLinks(w io.Writer, d eval.CorefDoc, links []extract.CorefLink) {
	for _, l := range links {
		if t, _ := eval.ScoreCoref(d, corefLinks([]extract.CorefLink{l})); t.Right == 1 {
			continue
		}
		a, b := max(0, l.Start-80), min(len(d.Text), l.End+40)
		ctx := strings.ReplaceAll(d.Text[a:l.Start]+"["+d.Text[l.Start:l.End]+"]"+d.Text[l.End:b], "\n", " ")
		fmt.Fprintf(w, "wrong %s %s -> %s: %s\n", d.Name, l.Sieve, l.Entity, ctx)
	}
}
