// Command train trains the syntax package's tagger and parser on the
// Universal Dependencies treebanks in ../shared/data/ud and writes the
// embedded model, extract/syntax/model.bin.gz. Run it from the repository
// root:
//
//	nice go run ./extract/syntax/cmd/train
//
// It trains on EWT train and GUM train (the CC BY genres), chooses epochs on
// EWT dev, and prints the scores on EWT test and GUM test once, at the end.
// The seed is fixed: the same data gives the same model.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"newsgraph/extract/syntax"
)

func main() {
	ud := flag.String("ud", "../shared/data/ud", "directory of the UD treebanks")
	out := flag.String("o", "extract/syntax/model.bin.gz", "model file to write")
	var opt syntax.TrainOptions
	flag.IntVar(&opt.TagEpochs, "tag-epochs", 0, "most tagger epochs (0: default)")
	flag.IntVar(&opt.ParseEpochs, "parse-epochs", 0, "most parser epochs (0: default)")
	flag.Uint64Var(&opt.Seed, "seed", 1, "random seed")
	flag.UintVar(&opt.MoveBits, "move-bits", 0, "log2 rows of the move weights (0: default)")
	flag.UintVar(&opt.LabelBits, "label-bits", 0, "log2 rows of the label weights (0: default)")
	flag.UintVar(&opt.XPOSBits, "xpos-bits", 0, "log2 rows of the XPOS weights (0: default)")
	flag.UintVar(&opt.UPOSBits, "upos-bits", 0, "log2 rows of the UPOS weights (0: default)")
	trainFiles := flag.String("train", "en_ewt-ud-train.conllu,en_gum-ud-train.conllu", "training files in -ud, comma-separated (fewer for a quick comparison)")
	flag.IntVar(&opt.Beam, "beam", 0, "beam width (0: default; 1: greedy, no beam training)")
	flag.IntVar(&opt.BeamEpochs, "beam-epochs", 0, "most epochs of beam training after the greedy parser's (0: default)")
	flag.BoolVar(&opt.TagOnly, "tag-only", false, "train the tagger only and print its dev scores (no model is written)")
	test := flag.Bool("test", true, "score the model on EWT and GUM test at the end")
	flag.Parse()
	if err := run(*ud, *out, strings.Split(*trainFiles, ","), *test, opt); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(ud, out string, trainFiles []string, test bool, opt syntax.TrainOptions) error {
	start := time.Now()
	read := func(names ...string) ([]syntax.Sentence, error) {
		var all []syntax.Sentence
		for _, n := range names {
			ss, err := readFile(filepath.Join(ud, n))
			if err != nil {
				return nil, err
			}
			all = append(all, ss...)
		}
		return all, nil
	}
	train, err := read(trainFiles...)
	if err != nil {
		return err
	}
	dev, err := read("en_ewt-ud-dev.conllu")
	if err != nil {
		return err
	}
	opt.Log = os.Stderr
	m, err := syntax.Train(train, dev, opt)
	if err != nil {
		return err
	}
	if opt.TagOnly {
		return nil
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Printf("wrote %s (%.1f MB) in %s\n", out, float64(buf.Len())/1e6, time.Since(start).Round(time.Second))
	if !test {
		return nil
	}
	for _, n := range []string{"en_ewt-ud-test.conllu", "en_gum-ud-test.conllu"} {
		test, err := read(n)
		if err != nil {
			return err
		}
		fmt.Printf("%s: %v\n", n, m.Evaluate(test))
	}
	return nil
}

func readFile(path string) ([]syntax.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ss, err := syntax.ReadCoNLLU(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ss, nil
}
