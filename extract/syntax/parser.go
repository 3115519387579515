package syntax

import "sync"

// Model is a tagger and a parser. It is read-only once loaded and safe for
// concurrent use.
type Model struct {
	tag   tagger
	parse parser
	pool  sync.Pool // of *scratch
}

// parser chooses moves with one perceptron and the label of each arc with
// another, whose features are the move features hashed with the direction.
type parser struct {
	Labels []string
	Move   *perceptron
	Label  *perceptron
	Beam   int     // beam width; 0 or 1 parse greedily
	Margin float32 // moves that far below the best are not kept; 0 keeps Beam
	root   int     // index of "root" in Labels
	para   int     // index of "parataxis"
}

// Tree is the analysis of one sentence, per word (0-based): tags, head (the
// 1-based number of the head word, 0 for the root) and relation (UD deprel).
type Tree struct {
	Words      []string
	UPOS, XPOS []string
	Head       []int
	Rel        []string
	Spans      [][2]int // byte offsets of each word in the text; nil from Parse
}

// scratch is the memory of one Parse call, reused through Model.pool.
type scratch struct {
	lx     lexer
	lex    []lex
	pr     []uint64 // prose's Penn tags, hashed
	xp, up []int
	xh     []uint64 // XPOS, hashed
	tag    tagScratch
	st     state
	feats  []uint64
	lfeats []uint64
	scores []float32
	beam   beam
	labels labelCache
}

func (m *Model) scratch() *scratch {
	if s, ok := m.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{}
}

// Parse tags and parses one sentence of words (UD tokenisation: see
// UDWords), tagging them first with prose (see prosetags.go). Every word
// gets exactly one head and the heads form a tree with one word attached to
// the root; an empty sentence gives an empty tree.
func (m *Model) Parse(words []string) Tree {
	text, spans := joinWords(words)
	return m.parseTagged(words, tagSpans(text, spans))
}

// ParseSentence parses a CoNLL-U sentence's words, ignoring its tags and
// tree. The words are tagged with prose in the sentence's text ("# text",
// else the words joined by spaces), as the extractor would tag them.
func (m *Model) ParseSentence(s *Sentence) Tree {
	return m.parseTagged(s.Forms(), goldTags(s))
}

// parseTagged parses words with prose's Penn tags.
func (m *Model) parseTagged(words, tags []string) Tree {
	n := len(words)
	t := Tree{Words: words, UPOS: make([]string, n), XPOS: make([]string, n), Head: make([]int, n), Rel: make([]string, n)}
	if n == 0 {
		return t
	}
	sc := m.scratch()
	defer m.pool.Put(sc)
	m.tagWords(sc, words, tags)
	m.parse.parse(sc)
	m.tag.agree(sc.lex, sc.pr, sc.xp, sc.up, &sc.tag)
	for i := range words {
		t.XPOS[i], t.UPOS[i] = m.tag.XPOS[sc.xp[i]], m.tag.UPOS[sc.up[i]]
		t.Head[i], t.Rel[i] = int(sc.st.head[i+1]), m.parse.Labels[sc.st.rel[i+1]]
	}
	return t
}

// tagWords fills sc with the words' lexical values, prose's tags (hashed),
// and the tagger's XPOS and UPOS: what the parser reads.
func (m *Model) tagWords(sc *scratch, words, tags []string) {
	n := len(words)
	sc.lex, sc.pr = resize(sc.lex, n), resize(sc.pr, n)
	for i, w := range words {
		sc.lex[i], sc.pr[i] = sc.lx.lex(w), tagHash(tags[i])
	}
	m.tag.classify(sc.lex)
	sc.xp, sc.up, sc.xh = resize(sc.xp, n), resize(sc.up, n), resize(sc.xh, n)
	m.tag.tag(sc.lex, sc.pr, sc.xp, sc.up, sc.xh, &sc.tag)
}

// viewer shows s to the features with sc's words and tags.
func (sc *scratch) viewer(s *state) viewer {
	return viewer{lex: sc.lex, tags: sc.xh, upos: sc.up, s: s}
}

// parse parses sc.lex into sc.st, with the beam if the model has one.
func (p *parser) parse(sc *scratch) {
	if p.Beam > 1 {
		p.runBeam(sc, &sc.beam, p.Beam)
		return
	}
	p.run(sc, nil)
}

// oracle, when training, gives the gold tree and chooses the move to follow
// from the predicted one and the costs.
type oracle interface {
	follow(s *state, feats []uint64, scores []float32, pred int) int
	label(s *state, m int, lfeats []uint64, scores []float32, pred int) int
}

// run parses sc.lex with tags sc.xh and sc.up into sc.st. With an oracle it trains.
func (p *parser) run(sc *scratch, o oracle) {
	s := &sc.st
	s.reset(len(sc.lex))
	v := sc.viewer(s)
	sc.scores = resize(sc.scores, max(nMoves, len(p.Labels)))
	for !s.terminal() {
		sc.feats = parseFeatures(sc.feats[:0], &v)
		scores := sc.scores[:nMoves]
		p.Move.score(sc.feats, scores)
		m := bestMove(s, scores)
		if o != nil {
			m = o.follow(s, sc.feats, scores, m)
		}
		label := 0
		if m == leftArc || m == rightArc {
			label = p.chooseLabel(sc, m, o)
		}
		s.apply(m, label)
	}
	p.oneRoot(s)
}

func bestMove(s *state, scores []float32) int {
	b := -1
	for m := range nMoves {
		if s.valid(m) && (b < 0 || scores[m] > scores[b]) {
			b = m
		}
	}
	return b
}

func (p *parser) chooseLabel(sc *scratch, m int, o oracle) int {
	if m == leftArc && sc.st.b0() == 0 {
		return p.root
	}
	pred := p.predictLabel(sc, m, false, sc.feats)
	if o != nil {
		return o.label(&sc.st, m, sc.lfeats, sc.scores[:len(p.Labels)], pred)
	}
	return pred
}

// predictLabel is the label model's choice for the arc move m makes from
// the configuration with features feats (toRoot: b0 is the root), leaving
// its features in sc.lfeats and its scores in sc.scores.
func (p *parser) predictLabel(sc *scratch, m int, toRoot bool, feats []uint64) int {
	if m == leftArc && toRoot {
		return p.root
	}
	dir := uint64(m) * 0x9e3779b97f4a7c15
	key := dir
	for _, h := range feats[:nLabelFeats] {
		key = mix(key ^ h)
	}
	cache := p.Label.loaded() // a loaded model's labels: fixed weights
	if l, ok := sc.labels.get(key); ok && cache {
		return l
	}
	sc.lfeats = sc.lfeats[:0]
	for _, h := range feats[:nLabelFeats] {
		sc.lfeats = append(sc.lfeats, mix(h^dir))
	}
	scores := sc.scores[:len(p.Labels)]
	p.Label.score(sc.lfeats, scores)
	scores[p.root] = -1e30 // only an arc from the root is "root"
	l := best(scores, nil)
	if cache {
		sc.labels.put(key, l)
	}
	return l
}

// oneRoot keeps the first word attached to the root and hangs the others
// on it as parataxis, so the tree has one root as UD requires.
func (p *parser) oneRoot(s *state) {
	first := -1
	for w := 1; w <= s.n; w++ {
		if s.head[w] != 0 {
			continue
		}
		if first < 0 {
			first = w
			s.rel[w] = int16(p.root)
			continue
		}
		s.head[w], s.rel[w] = int32(first), int16(p.para)
	}
}

func (p *parser) labelIndex(l string) int {
	for i, x := range p.Labels {
		if x == l {
			return i
		}
	}
	return 0
}
