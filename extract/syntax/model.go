package syntax

import (
	"bytes"
	"compress/gzip"
	_ "embed"
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

const modelVersion = 1

// modelFile is the saved form of a Model.
type modelFile struct {
	Version                     int
	XPOS, UPOS, Labels          []string
	XPOSW, UPOSW, MoveW, LabelW *perceptron
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
	if err := f.check(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrModel, err)
	}
	m := &Model{tag: tagger{XPOS: f.XPOS, UPOS: f.UPOS, X: f.XPOSW, U: f.UPOSW},
		parse: parser{Labels: f.Labels, Move: f.MoveW, Label: f.LabelW}}
	m.parse.setIndexes()
	return m, nil
}

func (f *modelFile) check() error {
	if f.Version != modelVersion {
		return fmt.Errorf("version %d, want %d", f.Version, modelVersion)
	}
	for _, c := range []struct {
		p       *perceptron
		classes int
	}{{f.XPOSW, len(f.XPOS)}, {f.UPOSW, len(f.UPOS)}, {f.MoveW, nMoves}, {f.LabelW, len(f.Labels)}} {
		if c.p == nil || c.p.Classes != c.classes || c.classes == 0 || c.p.Bits == 0 || c.p.Bits > 30 ||
			len(c.p.Q) != c.classes<<c.p.Bits {
			return errors.New("weights do not match their classes")
		}
	}
	return nil
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
		XPOSW: quantised(m.tag.X), UPOSW: quantised(m.tag.U), MoveW: quantised(m.parse.Move), LabelW: quantised(m.parse.Label)}
	if err := gob.NewEncoder(zw).Encode(&f); err != nil {
		return fmt.Errorf("syntax.Save: %w", err)
	}
	return zw.Close()
}

func quantised(p *perceptron) *perceptron {
	if p.Q != nil {
		return p
	}
	return p.quantise()
}
