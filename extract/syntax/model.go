package syntax

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"sync"
)

// model.gob.gz is written by cmd/train; NOTICE.md names its sources.
//
//go:embed model.gob.gz
var embedded []byte

// ErrModel is returned (wrapped) when a model file cannot be read.
var ErrModel = errors.New("syntax: bad model file")

const modelVersion = 2

// modelFile is the saved form of a Model.
type modelFile struct {
	Version                     int
	XPOS, UPOS, Labels          []string
	XPOSW, UPOSW, MoveW, LabelW weights
}

// weights are a perceptron's quantised weights as little-endian int16
// bytes: gob copies a []byte whole, where it would decode an []int16 one
// varint at a time.
type weights struct {
	Classes int
	Bits    uint
	Scale   float32
	Data    []byte
}

func toWeights(p *perceptron) weights {
	if p.Q == nil {
		p = p.quantise()
	}
	b := make([]byte, 2*len(p.Q))
	for i, q := range p.Q {
		binary.LittleEndian.PutUint16(b[2*i:], uint16(q))
	}
	return weights{Classes: p.Classes, Bits: p.Bits, Scale: p.Scale, Data: b}
}

func (w weights) perceptron(classes int) (*perceptron, error) {
	if w.Classes != classes || classes == 0 || classes > maxQClasses || w.Bits == 0 || w.Bits > 30 || len(w.Data) != 2*classes<<w.Bits {
		return nil, errors.New("weights do not match their classes")
	}
	q := make([]int16, len(w.Data)/2)
	for i := range q {
		q[i] = int16(binary.LittleEndian.Uint16(w.Data[2*i:]))
	}
	return &perceptron{Classes: w.Classes, Bits: w.Bits, Scale: w.Scale, Q: q}, nil
}

var defaultModel = sync.OnceValues(func() (*Model, error) { return Load(bytes.NewReader(embedded)) })

// Default returns the embedded model, loaded on first use and then shared.
func Default() (*Model, error) { return defaultModel() }

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrModel, err)
	}
	var f modelFile
	if err := gob.NewDecoder(zr).Decode(&f); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrModel, err)
	}
	if f.Version != modelVersion {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrModel, f.Version, modelVersion)
	}
	m := &Model{tag: tagger{XPOS: f.XPOS, UPOS: f.UPOS}, parse: parser{Labels: f.Labels}}
	for _, w := range []struct {
		to      **perceptron
		from    weights
		classes int
	}{{&m.tag.X, f.XPOSW, len(f.XPOS)}, {&m.tag.U, f.UPOSW, len(f.UPOS)},
		{&m.parse.Move, f.MoveW, nMoves}, {&m.parse.Label, f.LabelW, len(f.Labels)}} {
		if *w.to, err = w.from.perceptron(w.classes); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrModel, err)
		}
	}
	m.parse.setIndexes()
	return m, nil
}

func (p *parser) setIndexes() {
	p.root, p.para = p.labelIndex("root"), p.labelIndex("parataxis")
}

// Save writes the model, weights quantised to int16, gob-encoded and gzipped.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	f := modelFile{Version: modelVersion, XPOS: m.tag.XPOS, UPOS: m.tag.UPOS, Labels: m.parse.Labels,
		XPOSW: toWeights(m.tag.X), UPOSW: toWeights(m.tag.U), MoveW: toWeights(m.parse.Move), LabelW: toWeights(m.parse.Label)}
	if err := gob.NewEncoder(zw).Encode(&f); err != nil {
		return fmt.Errorf("syntax.Save: %w", err)
	}
	return zw.Close()
}
