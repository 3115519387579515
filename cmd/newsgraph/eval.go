package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"newsgraph/extract"
	"newsgraph/extract/eval"
)

// stringsFlag is a repeatable string flag.
type stringsFlag []string

func (s *stringsFlag) String() string     { return strings.Join(*s, ",") }
func (s *stringsFlag) Set(v string) error { *s = append(*s, v); return nil }

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval", stderr)
	var gold, texts stringsFlag
	fs.Var(&gold, "gold", "directory of gold annotation files (repeatable; default ../shared/eval/gold and ../shared/eval/gold-2, each scored on its own)")
	fs.Var(&texts, "texts", "directory of the articles' texts (repeatable; default ../shared/corpus/seed, wikinews and bbc)")
	verbose := fs.Bool("v", false, "print each article's counts and the precision of each relation pattern and kind")
	misses := fs.Bool("misses", false, "list each article's missed gold relations and wrong predicted ones (dev gold only: never on the held-out set)")
	corefOff := fs.String("coref-off", "", "comma-separated coreference sieves to switch off (see eval-coref)")
	if _, err := parseFlags(fs, args, 0, 0); err != nil {
		return err
	}
	if len(gold) == 0 {
		gold = stringsFlag{"../shared/eval/gold", "../shared/eval/gold-2"}
	}
	for _, dir := range gold {
		if *misses && strings.Contains(dir, "heldout") {
			// The held-out set is scored in aggregate only: listing its
			// relations would tune rules to it.
			return fmt.Errorf("-misses lists a gold set's relations; not for the held-out set %s", dir)
		}
	}
	if len(texts) == 0 {
		texts = stringsFlag{"../shared/corpus/seed", "../shared/corpus/wikinews", "../shared/corpus/bbc"}
	}
	x, err := extract.New(extract.WithoutCorefSieves(strings.Split(*corefOff, ",")...))
	if err != nil {
		return err
	}
	for _, dir := range gold {
		if len(gold) > 1 {
			fmt.Fprintf(stdout, "== %s\n", dir)
		}
		if err := evalGold(ctx, x, dir, texts, *verbose, *misses, stdout); err != nil {
			return err
		}
	}
	return nil
}

// evalGold scores x on the gold files of dir and prints the figures.
func evalGold(ctx context.Context, x *extract.Extractor, dir string, texts []string, verbose, misses bool, stdout io.Writer) error {
	golds, err := eval.LoadGold(dir)
	if err != nil {
		return err
	}
	if len(golds) == 0 {
		return fmt.Errorf("no gold files in %s", dir)
	}
	rows, total, err := eval.Run(ctx, x, golds, texts...)
	if err != nil {
		return err
	}
	if misses {
		printMisses(stdout, rows)
	}
	if verbose {
		for _, r := range rows {
			fmt.Fprintf(stdout, "%-28s ent tp=%d fp=%d fn=%d  rel gold=%d hit=%d pred=%d good=%d\n",
				r.Article, r.EntTP, r.EntFP, r.EntFN, r.RelGold, r.RelHit, r.RelPred, r.RelGood)
		}
		printTallies(stdout, "pattern", total.Patterns)
		printTallies(stdout, "kind", total.Kinds)
	}
	fmt.Fprintf(stdout, "articles=%d gold_entities=%d gold_relations=%d predicted_relations_on_gold_entities=%d\n",
		total.Articles, total.EntTP+total.EntFN, total.RelGold, total.RelPred)
	fmt.Fprintln(stdout, total)
	return nil
}

// printTallies prints the precision of each pattern or kind, so that one
// that does more harm than good shows.
func printTallies(w io.Writer, what string, m map[string]eval.Tally) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t := m[k]
		if k == "" {
			k = "(none)"
		}
		fmt.Fprintf(w, "%-8s %-16s pred=%-4d good=%-4d P=%.3f\n", what, k, t.Pred, t.Good, t.P())
	}
}

// printMisses lists, article by article, the gold relations the extractor
// missed (with the gold evidence) and the predicted ones no gold relation
// matches (with the pattern that made them), to sort errors by
// construction.
func printMisses(w io.Writer, rows []eval.ArticleScore) {
	for _, r := range rows {
		for _, m := range r.Missed {
			fmt.Fprintf(w, "MISS %s  %s -[%s]-> %s  | %s\n", r.Article, m.Subject, strings.Join(m.Predicates, "/"), m.Object, m.Evidence)
		}
		for _, p := range r.Wrong {
			fmt.Fprintf(w, "WRONG %s  %s -[%s]-> %s  (%s) | %s\n", r.Article, p.Subject, p.Predicate, p.Object, p.Pattern, p.Evidence.Sentence)
		}
	}
}
