package extract

import (
	"context"
	"errors"
	"sync"

	"newsgraph"
)

// ErrNilArticle is returned by Extract when it is given no article.
var ErrNilArticle = errors.New("extract: nil article")

// Extractor finds the actors and relations of articles. It holds prose's
// tagging model (postag.go), the NER tagger and the gazetteers, loaded once
// by New; it is safe for concurrent use by many goroutines.
type Extractor struct {
	corefOff map[string]bool // coreference sieves switched off (coref.go)
	pos      *posTagger
	nerOn    bool // use ner's labels
	gaz      *gazetteer
	ner      *tagger // nil when the embedded model is empty
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

// WithoutCorefSieves switches the named coreference sieves off (coref.go's
// corefSieves), to measure what each adds.
func WithoutCorefSieves(names ...string) Option {
	return func(x *Extractor) {
		x.corefOff = map[string]bool{}
		for _, n := range names {
			x.corefOff[n] = true
		}
	}
}

// The models and the gazetteers are read-only once built, so one copy
// serves every Extractor of the process.
var (
	loadOnce sync.Once
	basePOS  *posTagger
	baseGaz  *gazetteer
	baseNER  *tagger
	loadErr  error
)

func load() {
	basePOS, loadErr = loadPOSTagger()
	if loadErr == nil {
		baseGaz, loadErr = loadGazetteer()
	}
	if loadErr == nil && len(nerModelData) > 0 {
		baseNER, loadErr = loadTagger(nerModelData)
	}
}

// New returns an Extractor. The first call loads prose's tagging model,
// the NER tagger and the embedded gazetteers (about a second); later calls
// share them.
func New(opts ...Option) (*Extractor, error) {
	loadOnce.Do(load)
	if loadErr != nil {
		return nil, loadErr
	}
	x := &Extractor{pos: basePOS, gaz: baseGaz, ner: baseNER, nerOn: true}
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
// are byte offsets into a.Text. Every stage watches ctx: once ctx is done,
// Extract stops within a few milliseconds and returns ctx.Err() and no
// extraction. The extraction it returns passes Validate(a.Text).
func (x *Extractor) Extract(ctx context.Context, a *newsgraph.Article) (*newsgraph.Extraction, error) {
	if a == nil {
		return nil, ErrNilArticle
	}
	doc := &document{text: a.Text}
	if err := x.run(ctx, doc, x.stages()); err != nil {
		return nil, err
	}
	ex := &newsgraph.Extraction{Entities: doc.ents, Relations: doc.rels, Events: doc.events, Tokens: doc.words, Extractor: x.Version()}
	if ex.Entities == nil {
		ex.Entities = []newsgraph.Entity{}
	}
	if ex.Relations == nil {
		ex.Relations = []newsgraph.Relation{}
	}
	if ex.Events == nil {
		ex.Events = []newsgraph.Event{}
	}
	cleanNames(ex)
	return ex, nil
}

// stage is one step of the pipeline: it reads what the stages before it left
// in doc and adds its own part. Once ctx is done it stops, within stopEvery
// sentences or mentions, and returns ctx.Err().
type stage func(ctx context.Context, doc *document) error

// eventStage is the index of findEvents in stages, for the benchmark that
// prices it.
const eventStage = 6

// stages are the extractor's stages in run order; doc.go names the file of
// each.
func (x *Extractor) stages() []stage {
	return []stage{
		x.readText,      // sentences and tokens with byte offsets, prose's tags
		x.tagNames,      // the NER tagger's labels per token
		x.recognize,     // candidate mentions: gazetteers, patterns, labels
		x.resolve,       // one entity per actor; role nouns and demonyms
		x.corefer,       // pronouns, role nouns and descriptions linked to actors
		x.findRelations, // edges between the actors
		x.relationKinds, // ACTION, STATEMENT or ROLE for each edge
		x.findEvents,    // acts and statements of one actor, on the parse
		x.sectors,       // the sector of each agency
	}
}

// corefStage is the index of the coreference stage in stages.
const corefStage = 4

// run runs stages over doc in order; it stops at the first error.
func (x *Extractor) run(ctx context.Context, doc *document, stages []stage) error {
	for _, st := range stages {
		if err := st(ctx, doc); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

// read runs the stages before relation finding and returns the document and
// its word count.
func (x *Extractor) read(ctx context.Context, text string) (*document, int, error) {
	doc := &document{text: text}
	if err := x.run(ctx, doc, x.stages()[:4]); err != nil {
		return nil, 0, err
	}
	return doc, doc.words, nil
}

// stopped reports whether a stage at its step n should look at ctx and
// finds it done.
func stopped(ctx context.Context, n int) bool {
	return n%stopEvery == 0 && ctx.Err() != nil
}
