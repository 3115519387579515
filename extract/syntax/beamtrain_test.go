package syntax

import (
	"strings"
	"testing"
)

// tinyTreebank is three sentences whose trees greedy training on so little
// gets wrong and the beam must learn.
const tinyTreebank = `# text = Police arrested the men who attacked the embassy on Monday.
1	Police	police	NOUN	NNS	_	2	nsubj	_	_
2	arrested	arrest	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	men	man	NOUN	NNS	_	2	obj	_	_
5	who	who	PRON	WP	_	6	nsubj	_	_
6	attacked	attack	VERB	VBD	_	4	acl:relcl	_	_
7	the	the	DET	DT	_	8	det	_	_
8	embassy	embassy	NOUN	NN	_	6	obj	_	_
9	on	on	ADP	IN	_	10	case	_	_
10	Monday	Monday	PROPN	NNP	_	6	obl	_	SpaceAfter=No
11	.	.	PUNCT	.	_	2	punct	_	_

# text = Russia and China signed the treaty in Moscow.
1	Russia	Russia	PROPN	NNP	_	4	nsubj	_	_
2	and	and	CCONJ	CC	_	3	cc	_	_
3	China	China	PROPN	NNP	_	1	conj	_	_
4	signed	sign	VERB	VBD	_	0	root	_	_
5	the	the	DET	DT	_	6	det	_	_
6	treaty	treaty	NOUN	NN	_	4	obj	_	_
7	in	in	ADP	IN	_	8	case	_	_
8	Moscow	Moscow	PROPN	NNP	_	4	obl	_	SpaceAfter=No
9	.	.	PUNCT	.	_	4	punct	_	_

# text = The minister said the talks had failed.
1	The	the	DET	DT	_	2	det	_	_
2	minister	minister	NOUN	NN	_	3	nsubj	_	_
3	said	say	VERB	VBD	_	0	root	_	_
4	the	the	DET	DT	_	5	det	_	_
5	talks	talk	NOUN	NNS	_	7	nsubj	_	_
6	had	have	AUX	VBD	_	7	aux	_	_
7	failed	fail	VERB	VBN	_	3	ccomp	_	SpaceAfter=No
8	.	.	PUNCT	.	_	3	punct	_	_

`

// TestTrainBeamLearnsTheTrainingTrees trains a small model on three
// sentences, with and without the beam: global training must fit them
// better than the greedy parser it starts from, every parse a tree.
func TestTrainBeamLearnsTheTrainingTrees(t *testing.T) {
	ss, err := ReadCoNLLU(strings.NewReader(tinyTreebank))
	if err != nil {
		t.Fatal(err)
	}
	uas := map[int]float64{}
	for _, width := range []int{1, 3} {
		opt := TrainOptions{TagEpochs: 5, ParseEpochs: 1, Folds: 2, Beam: width, BeamEpochs: 8,
			XPOSBits: 10, UPOSBits: 10, MoveBits: 12, LabelBits: 10}
		m, err := Train(ss, ss, opt)
		if err != nil {
			t.Fatal(err)
		}
		if m.parse.Beam != width && width > 1 {
			t.Fatalf("trained model's beam = %d, want %d", m.parse.Beam, width)
		}
		for _, s := range ss {
			checkParse(t, s.Forms(), m.ParseSentence(&s))
		}
		uas[width] = m.Evaluate(ss).UAS
	}
	if uas[3] < 0.9 || uas[3] <= uas[1] {
		t.Errorf("UAS on the training sentences: %.3f with the beam, %.3f greedy; want the beam's >= 0.9 and above greedy", uas[3], uas[1])
	}
}
