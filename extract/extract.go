package extract

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/jdkato/prose/v2"

	"newsgraph"
)

// ErrNilArticle is returned by Extract when it is given no article.
var ErrNilArticle = errors.New("extract: nil article")

// Extractor finds the actors and relations of articles. It holds prose's
// model and the gazetteers, loaded once by New; it is safe for concurrent use
// by many goroutines.
type Extractor struct {
	model *prose.Model
	nerOn bool // use ner's labels
	gaz   *gazetteer
	ner   *tagger // nil when the embedded model is empty
}

// Option changes how New builds an Extractor.
type Option func(*Extractor)

// WithNERTagger turns the package's statistical named-entity tagger
// (tagger.go) on or off as one signal of recognition (on by default). Off,
// recognition relies on the gazetteers, patterns and part-of-speech tags
// alone. prose's own NER model is never used.
func WithNERTagger(on bool) Option {
	return func(x *Extractor) { x.nerOn = on }
}

// The prose model and the gazetteers are read-only once built, so one copy
// serves every Extractor of the process.
var (
	loadOnce  sync.Once
	baseModel *prose.Model
	baseGaz   *gazetteer
	baseNER   *tagger
	loadErr   error
)

func load() {
	defer func() {
		// prose panics when its embedded assets do not decode.
		if r := recover(); r != nil {
			loadErr = fmt.Errorf("extract: load prose model: %v", r)
		}
	}()
	baseModel = prose.ModelFromData("en-v2.0.0")
	baseGaz, loadErr = loadGazetteer()
	if loadErr == nil && len(nerModelData) > 0 {
		baseNER, loadErr = loadTagger(nerModelData)
	}
}

// New returns an Extractor. The first call loads prose's tagging and NER
// model and the embedded gazetteers (about a second); later calls share them.
func New(opts ...Option) (*Extractor, error) {
	loadOnce.Do(load)
	if loadErr != nil {
		return nil, loadErr
	}
	x := &Extractor{model: baseModel, gaz: baseGaz, ner: baseNER, nerOn: true}
	for _, o := range opts {
		o(x)
	}
	return x, nil
}

// stopEvery is how many sentences or mentions a stage handles between two
// looks at its context: often enough to stop within milliseconds, seldom
// enough to cost nothing.
const stopEvery = 64

// Extract finds the entities and relations of a. Mention and evidence offsets
// are byte offsets into a.Text. Every stage (tokenising, recognition,
// resolution, relation finding) watches ctx: once ctx is done, Extract stops
// within a few milliseconds and returns ctx.Err() and no extraction. The
// extraction it returns passes Validate(a.Text).
func (x *Extractor) Extract(ctx context.Context, a *newsgraph.Article) (*newsgraph.Extraction, error) {
	if a == nil {
		return nil, ErrNilArticle
	}
	doc, ntok, err := x.read(ctx, a.Text)
	if err != nil {
		return nil, err
	}
	rels := x.findRelations(doc, stopper(ctx))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ex := &newsgraph.Extraction{
		Entities:  doc.ents,
		Relations: withKinds(rels),
		Tokens:    ntok,
		Extractor: x.Version(),
	}
	if ex.Entities == nil {
		ex.Entities = []newsgraph.Entity{}
	}
	if ex.Relations == nil {
		ex.Relations = []newsgraph.Relation{}
	}
	cleanNames(ex)
	return ex, nil
}

// read runs the stages before relation finding: sentences and tokens, then
// recognition and resolution. It returns the document and its word count.
func (x *Extractor) read(ctx context.Context, text string) (*document, int, error) {
	doc := &document{text: text}
	var labels [][]string
	ntok := 0
	for _, sp := range splitSentences(text) {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		toks, lab := x.tokenize(text, sp[0], sp[1])
		if len(toks) == 0 {
			continue
		}
		for _, t := range toks {
			if isWord(t.text) {
				ntok++
			}
		}
		doc.sents = append(doc.sents, sentence{start: sp[0], end: sp[1], toks: toks})
		labels = append(labels, lab)
	}
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	x.recognize(doc, labels, stopper(ctx))
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	return doc, ntok, nil
}

// stopper is the check the later stages make every stopEvery steps; they
// give up, leaving their work half done, when it reports true.
func stopper(ctx context.Context) func() bool {
	if ctx.Done() == nil {
		return func() bool { return false } // never cancelled
	}
	return func() bool { return ctx.Err() != nil }
}
