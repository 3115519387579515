// Command nertrain trains the extractor's NER tagger (extract/tagger.go) on
// the IOB2 files extract/data/ner_corpora.py writes (*.iob2), scores it on
// the held-out files (*.test) and writes the model the extractor embeds; with
// -score it scores a model already written:
//
//	python3 extract/data/ner_corpora.py ../shared/data/ner /tmp/ner
//	go run ./extract/internal/nertrain -data /tmp/ner -out extract/data/ner_model.gob.gz
//	go run ./extract/internal/nertrain -data /tmp/ner -score extract/data/ner_model.gob.gz
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"newsgraph/extract"
)

func main() {
	var cfg extract.TrainConfig
	flag.StringVar(&cfg.Data, "data", "", "directory of IOB2 training files (*.iob2)")
	flag.StringVar(&cfg.Out, "out", "", "write the trained model here")
	flag.IntVar(&cfg.Epochs, "epochs", 8, "training epochs")
	flag.IntVar(&cfg.MinCount, "min", 2, "keep features seen at least this often")
	flag.BoolVar(&cfg.Uniform, "uniform", false, "weigh every corpus alike, for comparison")
	weights := flag.String("weights", "", "corpus weights in place of the built-in ones: name=w,name=w")
	score := flag.String("score", "", "score this model file on the held-out files instead of training")
	skip := flag.String("skip", "", "comma-separated training files (without .iob2) to leave out")
	flag.Parse()
	if cfg.Data == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if *weights != "" {
		cfg.Weights = map[string]float32{}
		for _, kv := range strings.Split(*weights, ",") {
			k, v, ok := strings.Cut(kv, "=")
			w, err := strconv.ParseFloat(v, 32)
			if !ok || err != nil {
				fmt.Fprintf(os.Stderr, "nertrain: bad weight %q (want name=number)\n", kv)
				os.Exit(2)
			}
			cfg.Weights[k] = float32(w)
		}
	}
	if *skip != "" {
		cfg.Skip = strings.Split(*skip, ",")
	}
	cfg.Logf = func(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) }
	if *score != "" {
		if err := extract.ScoreTagger(cfg.Logf, *score, cfg.Data); err != nil {
			fmt.Fprintln(os.Stderr, "nertrain:", err)
			os.Exit(1)
		}
		return
	}
	if err := extract.TrainTagger(cfg); err != nil {
		fmt.Fprintln(os.Stderr, "nertrain:", err)
		os.Exit(1)
	}
}
