// Command nertrain trains the extractor's NER tagger (extract/tagger.go) on
// the IOB2 files extract/data/ner_corpora.py writes, scores it on held-out
// documents and writes the model the extractor embeds:
//
//	python3 extract/data/ner_corpora.py ../shared/data/ner /tmp/ner
//	go run ./extract/internal/nertrain -data /tmp/ner -mode cv
//	go run ./extract/internal/nertrain -data /tmp/ner -mode full -out extract/data/ner_model.gob.gz
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"newsgraph/extract"
)

func main() {
	var cfg extract.TrainConfig
	flag.StringVar(&cfg.Data, "data", "", "directory of IOB2 training files (*.iob2)")
	flag.StringVar(&cfg.Mode, "mode", "cv", "cv (hold out every fifth wikigold document), heldout (all of wikigold) or full")
	flag.StringVar(&cfg.Out, "out", "", "write the trained model here")
	flag.IntVar(&cfg.Epochs, "epochs", 8, "training epochs")
	flag.IntVar(&cfg.MinCount, "min", 2, "keep features seen at least this often")
	skip := flag.String("skip", "", "comma-separated training files (without .iob2) to leave out")
	flag.Parse()
	if cfg.Data == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if *skip != "" {
		cfg.Skip = strings.Split(*skip, ",")
	}
	cfg.Logf = func(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) }
	if err := extract.TrainTagger(cfg); err != nil {
		fmt.Fprintln(os.Stderr, "nertrain:", err)
		os.Exit(1)
	}
}
