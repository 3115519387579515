package eval

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"newsgraph"
	"newsgraph/extract/internal/lexicon"
)

// Gold is one article's hand-made annotation.
type Gold struct {
	Article   string         `json:"article"`
	Entities  []GoldEntity   `json:"entities"`
	Relations []GoldRelation `json:"relations"`
}

// GoldEntity is an actor the article names, with every other surface form.
type GoldEntity struct {
	Name    string               `json:"name"`
	Type    newsgraph.EntityType `json:"type"`
	Aliases []string             `json:"aliases"`
}

// GoldRelation is a relation the article states, by the gold entities' names.
type GoldRelation struct {
	Subject    string   `json:"subject"`
	Object     string   `json:"object"`
	Predicates []string `json:"predicates"`
	Evidence   string   `json:"evidence"`
}

// LoadGold reads every *.json gold file of dir, in name order.
func LoadGold(dir string) ([]Gold, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []Gold
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		var g Gold
		if err := json.Unmarshal(data, &g); err != nil {
			return nil, fmt.Errorf("eval.LoadGold %s: %w", n, err)
		}
		names := map[string]bool{}
		for _, e := range g.Entities {
			names[e.Name] = true
		}
		for _, r := range g.Relations {
			if !names[r.Subject] || !names[r.Object] {
				return nil, fmt.Errorf("eval.LoadGold %s: relation %q -> %q names an entity the file does not list", n, r.Subject, r.Object)
			}
		}
		out = append(out, g)
	}
	return out, nil
}

// TextPath is where the article a gold file names lies in textDir (a leading
// "bbc_" is dropped when the file is not found under its own name).
func (g Gold) TextPath(textDir string) string {
	p := filepath.Join(textDir, g.Article)
	if _, err := os.Stat(p); err != nil && strings.HasPrefix(g.Article, "bbc_") {
		return filepath.Join(textDir, strings.TrimPrefix(g.Article, "bbc_"))
	}
	return p
}

// Counts are the raw figures of one or more scored articles.
type Counts struct {
	Articles            int
	EntTP, EntFP, EntFN int
	RelGold, RelHit     int // gold relations, and those found
	RelPred, RelGood    int // predicted relations between gold entities, and those right
	PairHit             int // gold relations whose (subject, object) pair was predicted
	// Patterns and Kinds split RelPred and RelGood by the extractor's
	// pattern that made each relation (Relation.Pattern) and by its kind.
	Patterns, Kinds map[string]Tally
	// Missed are the gold relations not found, and Wrong the predicted
	// relations between gold entities that match none, named by the gold
	// entities' names: what `newsgraph eval -misses` lists.
	Missed []GoldRelation
	Wrong  []newsgraph.Relation
}

// Tally is the predicted relations between gold entities of one pattern or
// kind, and how many of them are right.
type Tally struct{ Pred, Good int }

// P is the tally's precision.
func (t Tally) P() float64 { return ratio(t.Good, t.Pred) }

// count adds a predicted relation, right or not, to the tally of key in m.
func count(m map[string]Tally, key string, good bool) {
	t := m[key]
	t.Pred++
	if good {
		t.Good++
	}
	m[key] = t
}

// addTallies adds the tallies of from into *to.
func addTallies(to *map[string]Tally, from map[string]Tally) {
	if *to == nil {
		*to = map[string]Tally{}
	}
	for k, t := range from {
		s := (*to)[k]
		(*to)[k] = Tally{s.Pred + t.Pred, s.Good + t.Good}
	}
}

// Add adds c2 into c.
func (c *Counts) Add(c2 Counts) {
	c.Articles += c2.Articles
	c.EntTP += c2.EntTP
	c.EntFP += c2.EntFP
	c.EntFN += c2.EntFN
	c.RelGold += c2.RelGold
	c.RelHit += c2.RelHit
	c.RelPred += c2.RelPred
	c.RelGood += c2.RelGood
	c.PairHit += c2.PairHit
	addTallies(&c.Patterns, c2.Patterns)
	addTallies(&c.Kinds, c2.Kinds)
	c.Missed = append(c.Missed, c2.Missed...)
	c.Wrong = append(c.Wrong, c2.Wrong...)
}

func ratio(a, b int) float64 {
	if b < 1 {
		b = 1
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// EntityP, EntityR and EntityF1 are entity precision, recall and F1.
func (c Counts) EntityP() float64  { return ratio(c.EntTP, c.EntTP+c.EntFP) }
func (c Counts) EntityR() float64  { return ratio(c.EntTP, c.EntTP+c.EntFN) }
func (c Counts) EntityF1() float64 { return f1(c.EntityP(), c.EntityR()) }

// RelationP, RelationR and RelationF1 are relation precision, recall and F1.
func (c Counts) RelationP() float64  { return ratio(c.RelGood, c.RelPred) }
func (c Counts) RelationR() float64  { return ratio(c.RelHit, c.RelGold) }
func (c Counts) RelationF1() float64 { return f1(c.RelationP(), c.RelationR()) }

// PairR is the share of gold relations whose entity pair was predicted with
// any predicate.
func (c Counts) PairR() float64 { return ratio(c.PairHit, c.RelGold) }

// String prints the figures in score.py's machine-readable form.
func (c Counts) String() string {
	return fmt.Sprintf("entF1=%.3f entP=%.3f entR=%.3f relR=%.3f relP=%.3f relF1=%.3f pairR=%.3f",
		c.EntityF1(), c.EntityP(), c.EntityR(), c.RelationR(), c.RelationP(), c.RelationF1(), c.PairR())
}

func scored(t newsgraph.EntityType) bool {
	return t == newsgraph.Person || t == newsgraph.State || t == newsgraph.Agency
}

var (
	leadingArticle  = regexp.MustCompile(`^(the|a|an)\s+`)
	finalPossessive = regexp.MustCompile(`'s?$`)
	words           = regexp.MustCompile(`[A-Za-z]+`)
)

// Norm is the form names are compared in: lower case, no leading article,
// no final possessive, no dots, single spaces.
func Norm(s string) string {
	s = strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "\u2019", "'"))), " ")
	s = leadingArticle.ReplaceAllString(s, "")
	s = finalPossessive.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, ".", "")
	return strings.Join(strings.Fields(s), " ")
}

func formSet(name string, aliases []string, mentions []newsgraph.Mention) map[string]bool {
	out := map[string]bool{Norm(name): true}
	for _, a := range aliases {
		out[Norm(a)] = true
	}
	for _, m := range mentions {
		out[Norm(m.Text)] = true
	}
	delete(out, "")
	return out
}

// Score scores one article's extraction against its gold file.
func Score(g Gold, ex *newsgraph.Extraction) Counts {
	var pents []newsgraph.Entity
	if ex != nil {
		for _, e := range ex.Entities {
			if scored(e.Type) {
				pents = append(pents, e)
			}
		}
	}
	gforms := make([]map[string]bool, len(g.Entities))
	gname := make([]string, len(g.Entities))
	for j, ge := range g.Entities {
		gforms[j] = formSet(ge.Name, ge.Aliases, nil)
		gname[j] = Norm(ge.Name)
	}
	// Candidate pairs, best first: a name-to-name match, then the predicted
	// name among the gold forms, then any shared form.
	type cand struct{ rank, i, j int }
	var cands []cand
	for i, p := range pents {
		pf := formSet(p.Name, p.Aliases, p.Mentions)
		pn := Norm(p.Name)
		for j, ge := range g.Entities {
			if ge.Type != p.Type || !intersects(pf, gforms[j]) {
				continue
			}
			rank := 2
			if pn == gname[j] {
				rank = 0
			} else if gforms[j][pn] {
				rank = 1
			}
			cands = append(cands, cand{rank, i, j})
		}
	}
	sort.Slice(cands, func(a, b int) bool {
		x, y := cands[a], cands[b]
		if x.rank != y.rank {
			return x.rank < y.rank
		}
		if x.i != y.i {
			return x.i < y.i
		}
		return x.j < y.j
	})
	p2g := map[int]int{}
	used := map[int]bool{}
	for _, c := range cands {
		if _, ok := p2g[c.i]; ok || used[c.j] {
			continue
		}
		p2g[c.i] = c.j
		used[c.j] = true
	}
	c := Counts{Articles: 1, EntTP: len(used), EntFP: len(pents) - len(p2g), EntFN: len(g.Entities) - len(used),
		Patterns: map[string]Tally{}, Kinds: map[string]Tally{}}
	id2g := map[string]int{}
	for i, j := range p2g {
		id2g[pents[i].ID] = j
	}

	type grel struct {
		s, o  int
		stems map[string]bool
	}
	gidx := map[string]int{}
	for j, ge := range g.Entities {
		gidx[ge.Name] = j
	}
	var grels []grel
	for _, r := range g.Relations {
		st := map[string]bool{}
		for _, p := range r.Predicates {
			st[Stem(p)] = true
		}
		grels = append(grels, grel{gidx[r.Subject], gidx[r.Object], st})
	}
	c.RelGold = len(grels)
	seen := map[string]bool{}
	matched := map[int]bool{}
	pairs := map[[2]int]bool{}
	if ex != nil {
		for _, r := range ex.Relations {
			s, ok1 := id2g[r.Subject]
			o, ok2 := id2g[r.Object]
			if !ok1 || !ok2 || s == o {
				continue
			}
			ws := map[string]bool{}
			// The predicate as read and its lemma both count: "sued" and "sue".
			for _, w := range words.FindAllString(r.Predicate+" "+r.Lemma, -1) {
				ws[Stem(w)] = true
			}
			key := fmt.Sprintf("%d|%d|%s", s, o, sortedKeys(ws))
			if seen[key] {
				continue
			}
			seen[key] = true
			c.RelPred++
			pairs[[2]int{s, o}] = true
			hit := false
			for k, gr := range grels {
				if gr.s == s && gr.o == o && intersects(ws, gr.stems) {
					matched[k] = true
					hit = true
				}
			}
			if hit {
				c.RelGood++
			} else {
				w := r
				w.Subject, w.Object = g.Entities[s].Name, g.Entities[o].Name
				c.Wrong = append(c.Wrong, w)
			}
			count(c.Patterns, r.Pattern, hit)
			count(c.Kinds, string(r.Kind), hit)
		}
	}
	c.RelHit = len(matched)
	for k, gr := range grels {
		if pairs[[2]int{gr.s, gr.o}] {
			c.PairHit++
		}
		if !matched[k] {
			c.Missed = append(c.Missed, g.Relations[k])
		}
	}
	return c
}

func intersects(a, b map[string]bool) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]bool) string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, " ")
}

// files hold the irregular verb forms.
//
//go:embed irregular.tsv
var files embed.FS

// irregular maps irregular verb forms to their base ("fought": "fight").
var irregular = lexicon.Table(files, "irregular.tsv")

// Stem is the kit's crude stemmer, the same for a word's inflections
// (score.py's stem): irregular forms to their base, "-ied"/"-ies" to "-y",
// one suffix off, "-is" as "-iz" (criticised, criticized), a doubled final
// consonant undone. It only has to map a predicate's word and a gold lemma
// to the same string.
func Stem(w string) string {
	w = strings.Trim(strings.ToLower(w), ".,;:'\"()")
	if b, ok := irregular[w]; ok {
		w = b
	}
	if len(w) > 4 && (strings.HasSuffix(w, "ied") || strings.HasSuffix(w, "ies")) {
		return w[:len(w)-3] + "y"
	}
	for _, suf := range []string{"ing", "ed", "es", "s", "e"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	if strings.HasSuffix(w, "is") && len(w) > 5 {
		w = strings.ReplaceAll(w, "is", "iz")
	}
	if n := len(w); n > 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiou", rune(w[n-1])) {
		w = w[:n-1]
	}
	return w
}

// Extractor is what Run scores: extract.Extractor satisfies it.
type Extractor interface {
	Extract(ctx context.Context, a *newsgraph.Article) (*newsgraph.Extraction, error)
}

// ArticleScore is one gold article's counts.
type ArticleScore struct {
	Article string
	Counts
}

// Run extracts every gold article, looked up in the first of textDirs that
// has it, and scores it. It returns each article's counts and their sum.
func Run(ctx context.Context, x Extractor, golds []Gold, textDirs ...string) ([]ArticleScore, Counts, error) {
	return RunWith(ctx, x, golds, func(g Gold) (*newsgraph.Article, error) {
		var data []byte
		var err error
		for _, dir := range textDirs {
			if data, err = os.ReadFile(g.TextPath(dir)); err == nil {
				break
			}
		}
		if err != nil {
			return nil, err
		}
		return newsgraph.ParseText(g.Article, data)
	})
}

// RunWith is Run with the articles found by text.
func RunWith(ctx context.Context, x Extractor, golds []Gold, text func(Gold) (*newsgraph.Article, error)) ([]ArticleScore, Counts, error) {
	var rows []ArticleScore
	var total Counts
	for _, g := range golds {
		a, err := text(g)
		if err != nil {
			return nil, total, fmt.Errorf("eval.Run: text of %s: %w", g.Article, err)
		}
		ex, err := x.Extract(ctx, a)
		if err != nil {
			return nil, total, fmt.Errorf("eval.Run: extract %s: %w", g.Article, err)
		}
		c := Score(g, ex)
		rows = append(rows, ArticleScore{g.Article, c})
		total.Add(c)
	}
	return rows, total, nil
}
