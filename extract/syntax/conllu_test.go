package syntax

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

const sample = `# text = Russia signed it.
1	Russia	Russia	PROPN	NNP	_	2	nsubj	_	_
2	signed	sign	VERB	VBD	_	0	root	_	_
3	it	it	PRON	PRP	_	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	.	_	2	punct	_	_

`

func TestReadCoNLLURoundTrip(t *testing.T) {
	ss, err := ReadCoNLLU(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 1 || len(ss[0].Words) != 4 || ss[0].Text() != "Russia signed it." || ss[0].Words[0].Head != 2 {
		t.Fatalf("ReadCoNLLU(sample) = %+v", ss)
	}
	var buf bytes.Buffer
	if err := WriteCoNLLU(&buf, ss); err != nil {
		t.Fatal(err)
	}
	if buf.String() != sample {
		t.Errorf("WriteCoNLLU(ReadCoNLLU(sample)) =\n%s\nwant\n%s", buf.String(), sample)
	}
}

func TestReadCoNLLUSkipsRangesAndEmptyNodes(t *testing.T) {
	in := "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n" +
		"3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n3.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t_\t_\n"
	ss, err := ReadCoNLLU(strings.NewReader(in))
	if err != nil || len(ss) != 1 || strings.Join(ss[0].Forms(), " ") != "do n't go" {
		t.Fatalf("ReadCoNLLU = %+v, %v; want the words do n't go", ss, err)
	}
}

func TestReadCoNLLUErrorsNameTheLine(t *testing.T) {
	for _, tc := range []struct{ in, line string }{
		{"1\tx\tx\tX\tX\t_\t0\troot\t_\n", "line 1"},
		{"# c\n1\tx\tx\tX\tX\t_\t0\troot\t_\t_\n3\ty\ty\tX\tX\t_\t1\tdep\t_\t_\n", "line 3"},
		{"\n\nx\tx\tx\tX\tX\t_\t0\troot\t_\t_\n", "line 3"},
		{"1\tx\tx\tX\tX\t_\tseven\troot\t_\t_\n", "line 1"},
		{"1\t\tx\tX\tX\t_\t0\troot\t_\t_\n", "line 1"},
		{"1\tx\tx\tX\tX\t_\t-1\troot\t_\t_\n", "line 1"},
	} {
		_, err := ReadCoNLLU(strings.NewReader(tc.in))
		if !errors.Is(err, ErrCoNLLU) || !strings.Contains(err.Error(), tc.line+":") {
			t.Errorf("ReadCoNLLU(%q) = %v; want ErrCoNLLU at %s", tc.in, err, tc.line)
		}
	}
}

func TestCheckTree(t *testing.T) {
	for _, tc := range []struct {
		heads []int
		ok    bool
	}{
		{nil, true}, {[]int{0}, true}, {[]int{2, 0, 2}, true},
		{[]int{0, 0}, false}, {[]int{2, 1}, false}, {[]int{1}, false}, {[]int{0, 3, 2}, false}, {[]int{0, 5}, false},
	} {
		if err := CheckTree(tc.heads); (err == nil) != tc.ok {
			t.Errorf("CheckTree(%v) = %v; want ok %v", tc.heads, err, tc.ok)
		}
	}
}
