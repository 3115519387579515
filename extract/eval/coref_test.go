package eval

import (
	"strings"
	"testing"
)

// corefSample is two sentences of GUM-style CoNLL-U: "Byron" opens chain 3,
// "He" (chain 3) and "it" (chain 5, no named mention) refer back.
const corefSample = "# newdoc id = doc1\n# text = Byron wrote.\n" +
	"1\tByron\tByron\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(3-person-new-x-cf1-1-coref-Lord_Byron)\n" +
	"2\twrote\twrite\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n" +
	"3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n" +
	"# text = He read the book and it sold.\n" +
	"1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(3-person-giv-x-cf1-1-ana-Lord_Byron)\n" +
	"2\tread\tread\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
	"3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\tEntity=(5-object-new-x-cf2-2-coref\n" +
	"4\tbook\tbook\tNOUN\tNN\t_\t2\tobj\t_\tEntity=5)\n" +
	"5\tand\tand\tCCONJ\tCC\t_\t7\tcc\t_\t_\n" +
	"6\tit\tit\tPRON\tPRP\t_\t7\tnsubj\t_\tEntity=(5-object-giv-x-cf2-1-ana)\n" +
	"7\tsold\tsell\tVERB\tVBD\t_\t2\tconj\t_\tSpaceAfter=No\n" +
	"8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"

func TestReadAndScoreCoref(t *testing.T) {
	docs, err := ReadCorefDocs(strings.NewReader(corefSample))
	if err != nil || len(docs) != 1 {
		t.Fatalf("ReadCorefDocs = %d docs, %v; want 1, nil", len(docs), err)
	}
	d := docs[0]
	if len(d.Mentions) != 4 {
		t.Fatalf("ReadCorefDocs mentions = %+v; want 4", d.Mentions)
	}
	span := func(w string) [2]int {
		i := strings.Index(d.Text, w)
		return [2]int{i, i + len(w)}
	}
	byron, he, it := span("Byron"), span("He"), span("it ")
	it[1]--
	right := CorefLink{Start: he[0], End: he[1], Sieve: "p", Antecedents: [][2]int{byron}}
	wrong := CorefLink{Start: it[0], End: it[1], Sieve: "q", Antecedents: [][2]int{byron}}
	got, by := ScoreCoref(d, []CorefLink{right, wrong})
	want := CorefCounts{Links: 2, Right: 1, Referring: 1, Found: 1}
	if got != want {
		t.Errorf("ScoreCoref = %+v; want %+v (only He refers to a named chain)", got, want)
	}
	if by["p"].Right != 1 || by["q"].Right != 0 {
		t.Errorf("ScoreCoref by sieve = %+v; want p right, q wrong", by)
	}
}
