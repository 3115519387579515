package extract

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"newsgraph"
	"newsgraph/extract/internal/cputime"
)

// sharedDir is the team's data folder beside the repository.
const sharedDir = "../../shared"

func mustNew(tb testing.TB) *Extractor {
	tb.Helper()
	x, err := New()
	if err != nil {
		tb.Fatalf("New() = %v", err)
	}
	return x
}

func mustExtract(tb testing.TB, x *Extractor, text string) *newsgraph.Extraction {
	tb.Helper()
	ex, err := x.Extract(context.Background(), &newsgraph.Article{Text: text})
	if err != nil {
		tb.Fatalf("Extract(%q) error %v", text, err)
	}
	return ex
}

// find returns the entity with a name or alias s, or nil.
func find(ex *newsgraph.Extraction, s string) *newsgraph.Entity {
	for i, e := range ex.Entities {
		if e.Name == s {
			return &ex.Entities[i]
		}
	}
	for i, e := range ex.Entities {
		for _, a := range e.Aliases {
			if a == s {
				return &ex.Entities[i]
			}
		}
	}
	return nil
}

func TestRecognize(t *testing.T) {
	x := mustNew(t)
	tests := []struct {
		text string
		want map[string]newsgraph.EntityType // name -> type
		none []string                        // no entity by these names
	}{
		{
			text: "Prime Minister Boris Johnson met Chancellor Olaf Scholz in Berlin on Monday.",
			want: map[string]newsgraph.EntityType{"Boris Johnson": newsgraph.Person, "Olaf Scholz": newsgraph.Person},
			none: []string{"Monday", "Prime Minister"},
		},
		{
			text: "The Department of Justice and the Federal Bureau of Investigation opened an inquiry.",
			want: map[string]newsgraph.EntityType{"Department of Justice": newsgraph.Agency, "Federal Bureau of Investigation": newsgraph.Agency},
		},
		{
			text: "Germany and France asked the European Union to act, AFP reported in March.",
			want: map[string]newsgraph.EntityType{"Germany": newsgraph.State, "France": newsgraph.State, "European Union": newsgraph.Agency, "Agence France-Presse": newsgraph.Agency},
			none: []string{"March", "Germany and France"},
		},
		{
			text: "Senator Elizabeth Warren of Massachusetts criticised the Federal Reserve.",
			want: map[string]newsgraph.EntityType{"Elizabeth Warren": newsgraph.Person, "Federal Reserve": newsgraph.Agency},
			none: []string{"Elizabeth Warren of Massachusetts"},
		},
		{
			text: "The Kenyan Ministry of Health said 20 people had died. Kenya has asked the WHO for help.",
			want: map[string]newsgraph.EntityType{"Ministry of Health": newsgraph.Agency, "Kenya": newsgraph.State, "World Health Organization": newsgraph.Agency},
		},
		{
			text: "Apple CEO Tim Cook visited Beijing's Ministry of Commerce.",
			want: map[string]newsgraph.EntityType{"Apple": newsgraph.Agency, "Tim Cook": newsgraph.Person, "Ministry of Commerce": newsgraph.Agency},
		},
		{
			text: "Syrian President Bashar al-Assad spoke to the Turkish Foreign Ministry on Friday.",
			want: map[string]newsgraph.EntityType{"Bashar al-Assad": newsgraph.Person, "Syria": newsgraph.State, "Foreign Ministry": newsgraph.Agency},
			none: []string{"Friday"},
		},
		{
			text: "The lawsuit was filed by California, Oregon and Nevada against the Trump administration.",
			want: map[string]newsgraph.EntityType{"California": newsgraph.Agency, "Oregon": newsgraph.Agency, "Nevada": newsgraph.Agency},
		},
		{
			text: "She moved from Texas to Ohio in 2010.",
			none: []string{"Texas", "Ohio"},
		},
		// Names that look like persons' but are works, vehicles, places
		// or roles.
		{
			text: "The Crew Dragon docked on Sunday. He joined the Grateful Dead in 1967 and appeared on the talk show Morning Joe.",
			none: []string{"Crew Dragon", "Grateful Dead", "Morning Joe"},
		},
		{
			text: "Researchers studied the statues on the island of Rapa Nui. Reports indicate the penguins nest at Punta Tombo.",
			none: []string{"Rapa Nui", "Reports", "Punta Tombo"},
		},
		{
			text: "John Conyers, the former Democratic Dean of the House of Representatives, died. A United States-led coalition struck.",
			want: map[string]newsgraph.EntityType{"John Conyers": newsgraph.Person, "United States": newsgraph.State},
			none: []string{"Democratic Dean", "United States-led"},
		},
		{
			text: "New York City Mayor Bill de Blasio ended his campaign. Support for de Blasio was low.",
			want: map[string]newsgraph.EntityType{"Bill de Blasio": newsgraph.Person, "de Blasio": newsgraph.Person},
			none: []string{"Blasio"},
		},
		{
			text: "The United States Department of State said so. Speaker of the House Nancy Pelosi agreed.",
			want: map[string]newsgraph.EntityType{"United States Department of State": newsgraph.Agency, "Nancy Pelosi": newsgraph.Person},
		},
		{
			text: "The fare was GBP738 for the XC90, and the Europeans said ZERO.",
			none: []string{"GBP738", "XC90", "Europeans", "ZERO"},
		},
	}
	for _, tt := range tests {
		ex := mustExtract(t, x, tt.text)
		for name, typ := range tt.want {
			e := find(ex, name)
			if e == nil || e.Type != typ {
				t.Errorf("Extract(%q): entity %q = %v; want type %s (got %v)", tt.text, name, e, typ, names(ex))
			}
		}
		for _, name := range tt.none {
			if e := find(ex, name); e != nil && e.Type != newsgraph.Place {
				t.Errorf("Extract(%q): found %q as %s; want none", tt.text, name, e.Type)
			}
		}
	}
}

func names(ex *newsgraph.Extraction) []string {
	var out []string
	for _, e := range ex.Entities {
		out = append(out, string(e.Type)+":"+e.Name)
	}
	return out
}

func TestResolve(t *testing.T) {
	x := mustNew(t)
	tests := []struct {
		text    string
		name    string
		typ     newsgraph.EntityType
		aliases []string // each must be an alias of the entity
		apart   []string // names that must be other entities, or none
	}{
		{
			text:    "Russia's President Vladimir Putin spoke on Tuesday. Putin said Moscow would fight for its interests. The Russian president left.",
			name:    "Vladimir Putin",
			typ:     newsgraph.Person,
			aliases: []string{"Putin", "Russian president"},
		},
		{
			text:    "Russia's President Vladimir Putin spoke. Russian troops moved as Moscow has warned.",
			name:    "Russia",
			typ:     newsgraph.State,
			aliases: []string{"Russian", "Moscow"},
		},
		{
			text:    "The Ministry of Defence (MoD) said the UK would help. The MoD gave no figures.",
			name:    "Ministry of Defence",
			typ:     newsgraph.Agency,
			aliases: []string{"MoD"},
		},
		{
			text:    "U.S. officials said the United States and America's allies agreed; American troops will stay.",
			name:    "United States",
			typ:     newsgraph.State,
			aliases: []string{"U.S.", "American"},
		},
		{
			text:  "Boris Johnson met Dustin Johnson at the club. Johnson said it was fun.",
			name:  "Boris Johnson",
			typ:   newsgraph.Person,
			apart: []string{"Johnson"},
		},
		{
			text:    "Recep Tayyip Erdoğan won. Erdogan thanked voters.",
			name:    "Recep Tayyip Erdoğan",
			typ:     newsgraph.Person,
			aliases: []string{"Erdogan"},
		},
	}
	for _, tt := range tests {
		ex := mustExtract(t, x, tt.text)
		e := find(ex, tt.name)
		if e == nil || e.Type != tt.typ || e.Name != tt.name {
			t.Errorf("Extract(%q): %q = %v; want a %s by that name (got %v)", tt.text, tt.name, e, tt.typ, names(ex))
			continue
		}
		for _, a := range tt.aliases {
			if !contains(e.Aliases, a) {
				t.Errorf("Extract(%q): aliases of %s = %q; want %q among them", tt.text, e.Name, e.Aliases, a)
			}
			if e.AliasReasons[a] == "" {
				t.Errorf("Extract(%q): no alias reason for %q of %s", tt.text, a, e.Name)
			}
		}
		for _, a := range tt.apart {
			if contains(e.Aliases, a) {
				t.Errorf("Extract(%q): %q joined %s; want it apart (ambiguous)", tt.text, a, e.Name)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestIDs(t *testing.T) {
	x := mustNew(t)
	ex := mustExtract(t, x, "Britain's Ministry of Defence said Vladimir Putin and the UK disagree.")
	for name, id := range map[string]string{
		"United Kingdom":      "state:gb",
		"Ministry of Defence": "agency:gb:ministry-of-defence",
		"Vladimir Putin":      "person:vladimir-putin",
	} {
		if e := find(ex, name); e == nil || e.ID != id {
			t.Errorf("Extract: id of %q = %v; want %q", name, e, id)
		}
	}
}

// TestSeedArticle checks the article the project started from.
func TestSeedArticle(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(sharedDir, "corpus/seed/000_9021236490f67a0c.txt"))
	if err != nil {
		t.Skipf("seed article not available (%v); it lives in ../shared beside the repository", err)
	}
	x := mustNew(t)
	ex := mustExtract(t, x, string(data))
	want := map[string]newsgraph.EntityType{
		"Vladimir Putin": newsgraph.Person, "Russia": newsgraph.State, "Ukraine": newsgraph.State,
		"Cuba": newsgraph.State, "United Kingdom": newsgraph.State, "United States": newsgraph.State,
		"Reuters": newsgraph.Agency, "TASS": newsgraph.Agency, "Ministry of Defence": newsgraph.Agency,
	}
	count := map[string]int{}
	for _, e := range ex.Entities {
		count[e.Name]++
		if calendarWords[strings.ToLower(e.Name)] {
			t.Errorf("seed: calendar word %q is an entity", e.Name)
		}
	}
	for name, typ := range want {
		e := find(ex, name)
		if e == nil || e.Type != typ || count[name] != 1 {
			t.Errorf("seed: %q = %v (%d entities by that name); want one %s", name, e, count[name], typ)
		}
	}
	if e := find(ex, "Vladimir Putin"); e != nil && !contains(e.Aliases, "Putin") {
		t.Errorf("seed: aliases of Vladimir Putin = %q; want Putin", e.Aliases)
	}
	if e := find(ex, "Ministry of Defence"); e != nil && !contains(e.Aliases, "MoD") {
		t.Errorf("seed: aliases of Ministry of Defence = %q; want MoD", e.Aliases)
	}
	if e := find(ex, "Putin Has Just"); e != nil {
		t.Errorf("seed: headline words became %v", e)
	}
}

// checkDoc asserts the invariants every extraction keeps: tokens in order
// inside their sentences, mentions in token order without overlap, and an
// extraction that Validate accepts (the store refuses any other), its
// evidence reading as the text.
func checkDoc(t *testing.T, x *Extractor, text string) {
	t.Helper()
	doc, _, err := x.read(context.Background(), text)
	if err != nil {
		t.Fatalf("read(%q) error %v", text, err)
	}
	prevEnd := 0
	for _, s := range doc.sents {
		if s.start < prevEnd || s.end > len(text) || s.start >= s.end {
			t.Fatalf("read(%q): sentence [%d,%d) out of order or range", text, s.start, s.end)
		}
		prevEnd = s.end
		tp := s.start
		for _, tk := range s.toks {
			if tk.start < tp || tk.end > s.end || tk.start >= tk.end || text[tk.start:tk.end] != tk.text {
				t.Fatalf("read(%q): token %q [%d,%d) bad in sentence [%d,%d)", text, tk.text, tk.start, tk.end, s.start, s.end)
			}
			tp = tk.end
		}
		last := -1
		for _, m := range s.mentions {
			if m.first <= last || m.first > m.last || m.last >= len(s.toks) || m.ent < 0 || m.ent >= len(doc.ents) {
				t.Fatalf("read(%q): mention %+v bad", text, m)
			}
			last = m.last
		}
	}
	ex := mustExtract(t, x, text)
	if err := ex.Validate(text); err != nil {
		t.Fatalf("Extract(%q).Validate() = %v; want nil", text, err)
	}
	for _, e := range ex.Entities {
		if len(e.Mentions) == 0 {
			t.Errorf("Extract(%q): entity %s without mentions", text, e.ID)
		}
	}
	for _, r := range ex.Relations {
		if ev := r.Evidence; text[ev.Start:ev.End] != ev.Sentence {
			t.Errorf("Extract(%q): evidence %+v does not read as the text", text, ev)
		}
	}
}

func TestOffsets(t *testing.T) {
	x := mustNew(t)
	texts := []string{
		"",
		" ",
		"\n\n\n",
		"Mr. J. Smith of the U.S. Department of State met Dr. Jane Doe.",
		"“Quoted” ‘text’ with curly quotes — and dashes – from Reuters’ desk.",
		"Ünïcödé Ñame visited Zürich and São Paulo; 北京 said 東京 agreed.",
		"ALL CAPS HEADLINE ABOUT NATO AND RUSSIA\n\nBody text about NATO.",
		"\xff\xfe binary \x00 junk \x80\x81 Moscow",
		strings.Repeat("word ", 5000),
		strings.Repeat("Capital ", 3000) + ".",
		strings.Repeat("Ministry Of Grand Title Case Words Without End ", 400) + "\n\nThe ministry said.",
		strings.Repeat("Anna Barkov ", 200) + "met " + strings.Repeat("X", 3000) + " agency officials.",
		"Reuters " + strings.Repeat("x", 1500) + " agency said Reuters.",
		"A.B.C.D.E.F.G.H. U.S.A. U.K. (MoD) (",
		"Putin's.Russia's.Moscow's",
	}
	for _, dir := range []string{"corpus/seed", "corpus/wikinews"} {
		files, _ := filepath.Glob(filepath.Join(sharedDir, dir, "*.txt"))
		for _, f := range files {
			if b, err := os.ReadFile(f); err == nil {
				texts = append(texts, string(b))
			}
		}
	}
	for _, text := range texts {
		checkDoc(t, x, text)
	}
}

// TestCancelLarge: a context cancelled while a large text is read stops
// Extract within about a second, whichever stage it is in.
func TestCancelLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("large text")
	}
	x := mustNew(t)
	a := &newsgraph.Article{Text: largeText(1 << 20)}
	for _, after := range []time.Duration{50 * time.Millisecond, 1500 * time.Millisecond, 2500 * time.Millisecond} {
		ctx, cancel := context.WithTimeout(context.Background(), after)
		start := time.Now()
		_, err := x.Extract(ctx, a)
		late := time.Since(start) - after
		cancel()
		t.Logf("deadline %v: error %v, %v after the deadline", after, err, late)
		if err == nil {
			continue // done before the deadline: nothing to stop
		}
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Extract(1 MB, deadline %v) error = %v; want context.DeadlineExceeded", after, err)
		}
		if late > time.Second {
			t.Errorf("Extract(1 MB, deadline %v) returned %v after the deadline; want within 1s", after, late)
		}
	}
}

func TestCancel(t *testing.T) {
	x := mustNew(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := x.Extract(ctx, &newsgraph.Article{Text: "Vladimir Putin spoke."})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Extract(cancelled) error = %v; want context.Canceled", err)
	}
	if _, err := x.Extract(context.Background(), nil); !errors.Is(err, ErrNilArticle) {
		t.Errorf("Extract(nil) error = %v; want ErrNilArticle", err)
	}
}

func TestConcurrent(t *testing.T) {
	x := mustNew(t)
	text := "Russia's President Vladimir Putin met NATO officials in Brussels. Putin said Moscow wants talks."
	want := names(mustExtract(t, x, text))
	done := make(chan []string)
	for range 8 {
		go func() {
			ex, err := x.Extract(context.Background(), &newsgraph.Article{Text: text})
			if err != nil {
				done <- nil
				return
			}
			done <- names(ex)
		}()
	}
	for range 8 {
		if got := <-done; strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("concurrent Extract = %v; want %v", got, want)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"", "Vladimir Putin signed a decree.", "The Ministry of Defence (MoD) said.",
		`"The talks failed," Putin said, and urged Russia not to sign it.`, "If elected, Trump would build a wall?",
		"U.S. President Donald Trump met Kim Jong-un.", "\xff\xfe", "“Quote,” said Reuters’ AP.",
		"A. B. C.", "(((", "Mr.", "Russia's Russia's Russia's", "al-Assad el-Sisi bin Salman",
		"Big Long Title Case Headline About The Ministry Of Defence And The United Nations Security Council Meeting Today\n\nThe Ministry said.",
		strings.Repeat("Grand Duke ", 120) + "spoke.",
		"The " + strings.Repeat("Aa", 700) + " Party met.",
	} {
		f.Add(s)
	}
	x := mustNew(f)
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<16 {
			return
		}
		checkDoc(t, x, text)
		if !utf8.ValidString(text) {
			return
		}
	})
}

// benchText is 20 Wikinews articles when the corpus is present, a written
// sample otherwise.
func benchText(b *testing.B) string {
	files, _ := filepath.Glob(filepath.Join(sharedDir, "corpus/wikinews/*.txt"))
	var sb strings.Builder
	for _, f := range files[:min(len(files), 20)] {
		if data, err := os.ReadFile(f); err == nil {
			sb.Write(data)
			sb.WriteString("\n\n")
		}
	}
	if sb.Len() == 0 {
		return strings.Repeat("Russia's President Vladimir Putin met officials of the Ministry of Defence in Moscow on Thursday, Reuters reported. ", 200)
	}
	return sb.String()
}

func BenchmarkExtract(b *testing.B) { benchExtract(b, mustNew(b)) }

// benchExtract extracts the benchmark text with x and reports tokens/s.
func benchExtract(b *testing.B, x *Extractor) {
	a := &newsgraph.Article{Text: benchText(b)}
	tokens := 0
	b.ResetTimer()
	cpu := cputime.Since()
	for b.Loop() {
		ex, err := x.Extract(context.Background(), a)
		if err != nil {
			b.Fatal(err)
		}
		tokens += ex.Tokens
	}
	reportSpeed(b, tokens, cpu)
}

// reportSpeed reports tokens per second of wall time and, steadier on a
// shared machine (run with -cpu 1), of the process's CPU time.
func reportSpeed(b *testing.B, tokens int, cpu func() time.Duration) {
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(tokens)/cpu().Seconds(), "tokens/cpu-s")
}

// BenchmarkProseOnly is the baseline: prose's tokenizer, tagger and NER on
// the same text, its model loaded once.
func BenchmarkProseOnly(b *testing.B) {
	model := prose.ModelFromData("en-v2.0.0")
	text := benchText(b)
	tokens := 0
	b.ResetTimer()
	cpu := cputime.Since()
	for b.Loop() {
		doc, err := prose.NewDocument(text, prose.UsingModel(model))
		if err != nil {
			b.Fatal(err)
		}
		for _, tk := range doc.Tokens() {
			if isWord(tk.Text) {
				tokens++
			}
		}
	}
	reportSpeed(b, tokens, cpu)
}

// BenchmarkExtractNoNERTagger is BenchmarkExtract without the statistical
// NER tagger.
func BenchmarkExtractNoNERTagger(b *testing.B) {
	x, err := New(WithNERTagger(false))
	if err != nil {
		b.Fatal(err)
	}
	benchExtract(b, x)
}

// largeText is about size bytes of news-like prose: a few template sentences
// filled with varied persons, bodies and places, so that resolution sees
// many groups and many short forms, as a long feed dump or a hostile request
// would give it.
func largeText(size int) string {
	given := []string{"Anna", "Boris", "Carlos", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemal", "Lucia", "Mateo", "Nadia", "Omar", "Priya"}
	family := []string{"Abbott", "Barkov", "Castillo", "Dunmore", "Eriksen", "Fawzi", "Grummond", "Hartley", "Ibarra", "Jovanic", "Kessler", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quint", "Rahimi", "Sorensen", "Talbot", "Umarov", "Vasquez", "Whitcombe", "Yilmaz"}
	bodies := []string{"Ministry of Defence", "Central Bank", "National Electoral Commission", "Supreme Court", "Ministry of Health", "Federal Police"}
	places := []string{"Moscow", "Lagos", "Lima", "Oslo", "Ankara", "Manila", "Nairobi", "Quito"}
	templates := []string{
		"%s, the minister of the %s, met %s in %s on Tuesday, Reuters reported.",
		"%s said the %s would review the plan, and %s agreed to meet officials in %s.",
		"\"We will not back down,\" %s told reporters after the %s criticised %s during a visit to %s.",
		"%s later said he had spoken to the %s; %s declined to comment in %s.",
	}
	var sb strings.Builder
	for i := 0; sb.Len() < size; i++ {
		p1 := given[i%len(given)] + " " + surname(family, i*7)
		p2 := given[(i*5+3)%len(given)] + " " + surname(family, i*11+1)
		fmt.Fprintf(&sb, templates[i%len(templates)], p1, bodies[i%len(bodies)], p2, places[(i*3)%len(places)])
		if i%6 == 5 {
			sb.WriteString("\n\n")
		} else {
			sb.WriteByte(' ')
		}
	}
	return sb.String()
}

// surname makes one of many surnames from a few: "Abbott", "Barkovena",
// "Castillovic", ...
func surname(family []string, i int) string {
	ends := []string{"", "ena", "ovic", "aro", "elli", "sen", "ani", "ez"}
	return family[i%len(family)] + ends[(i/len(family))%len(ends)] + strings.Repeat("a", i/(len(family)*len(ends))%4)
}

// BenchmarkExtractLarge guards resolution and relation finding against work
// that grows faster than the text: 1 MB must take seconds, not minutes.
func BenchmarkExtractLarge(b *testing.B) {
	x := mustNew(b)
	for _, size := range []int{200 << 10, 1 << 20} {
		b.Run(strconv.Itoa(size>>10)+"KB", func(b *testing.B) {
			a := &newsgraph.Article{Text: largeText(size)}
			tokens := 0
			for b.Loop() {
				ex, err := x.Extract(context.Background(), a)
				if err != nil {
					b.Fatal(err)
				}
				tokens += ex.Tokens
			}
			b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}

func TestFold(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Erdoğan", "Erdogan"},
		{"Łukasz Żurek", "Lukasz Zurek"},
		{"Straße", "Strasse"},
		{"Ærø", "AEro"},
		{"Дмитрий", "Дмитрий"}, // й is a letter of its own in Cyrillic
		{"O’Leary", "O'Leary"},
		{"Nguyễn", "Nguyen"},
	} {
		if got := fold(tt.in); got != tt.want {
			t.Errorf("fold(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
