package syntax

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
)

// model.bin.gz is written by cmd/train; NOTICE.md names its sources.
//
//go:embed model.bin.gz
var embedded []byte

// ErrModel is returned (wrapped) when a model file cannot be read.
var ErrModel = errors.New("syntax: bad model file")

// A model file is gzipped: the magic line, a little-endian uint32 length and
// that many bytes of JSON header (tag and label names, each weight array's
// shape), then each array's int16 weights, little-endian, in header order.
// Loading reads the arrays straight into place: no decoder walks them.
const magic = "newsgraph syntax model 4\n"

// header describes a model file's contents.
type header struct {
	XPOS, UPOS, Labels []string
	Beam               int               `json:",omitempty"` // the parser's beam width
	Margin             float32           `json:",omitempty"` // and its margin
	Arrays             []array           // XPOS, UPOS, moves, labels
	Lexicon            map[string]string `json:",omitempty"` // the tagger's (see lexicon.go)
}

// array is the shape of one perceptron's weights.
type array struct {
	Classes int
	Bits    uint
	Scale   float32
}

var defaultModel = sync.OnceValues(func() (*Model, error) { return Load(bytes.NewReader(embedded)) })

// Default returns the embedded model, loaded on first use and then shared.
func Default() (*Model, error) { return defaultModel() }

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	m, err := load(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrModel, err)
	}
	return m, nil
}

func load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	var h header
	if err := readHeader(br, &h); err != nil {
		return nil, err
	}
	m := &Model{tag: tagger{XPOS: h.XPOS, UPOS: h.UPOS, Lexicon: h.Lexicon, classes: lexiconIndex(h.Lexicon)}, parse: parser{Labels: h.Labels, Beam: h.Beam, Margin: h.Margin}}
	ps := []**perceptron{&m.tag.X, &m.tag.U, &m.parse.Move, &m.parse.Label}
	want := []int{len(h.XPOS), len(h.UPOS), nMoves, len(h.Labels)}
	if len(h.Arrays) != len(ps) {
		return nil, fmt.Errorf("%d weight arrays, want %d", len(h.Arrays), len(ps))
	}
	for i, a := range h.Arrays {
		if a.Classes != want[i] || a.Classes == 0 || a.Classes > maxClasses || a.Bits == 0 || a.Bits > 30 {
			return nil, fmt.Errorf("weight array %d: %d classes, %d bits", i, a.Classes, a.Bits)
		}
		p := &perceptron{Classes: a.Classes, Bits: a.Bits, Scale: a.Scale}
		if p.packed, err = readPacked(br, a.Classes, 1<<a.Bits, p); err != nil {
			return nil, fmt.Errorf("weight array %d: %v", i, err)
		}
		*ps[i] = p
	}
	if _, err := br.ReadByte(); err != io.EOF {
		return nil, errors.New("data after the last weight array")
	}
	m.parse.setIndexes()
	return m, nil
}

func readHeader(br *bufio.Reader, h *header) error {
	got := make([]byte, len(magic))
	if _, err := io.ReadFull(br, got); err != nil || string(got) != magic {
		return errors.New("not a syntax model of this version")
	}
	var n uint32
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil || n > 1<<20 {
		return errors.New("bad header length")
	}
	js := make([]byte, n)
	if _, err := io.ReadFull(br, js); err != nil {
		return err
	}
	return json.Unmarshal(js, h)
}

func (p *parser) setIndexes() {
	p.root, p.para = p.labelIndex("root"), p.labelIndex("parataxis")
}

// Save writes the model: weights quantised to int16, in the format Load reads.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := m.write(zw); err != nil {
		return fmt.Errorf("syntax.Save: %w", err)
	}
	return zw.Close()
}

// write writes the model file's contents before compression.
func (m *Model) write(w io.Writer) error {
	ps := []*perceptron{m.tag.X, m.tag.U, m.parse.Move, m.parse.Label}
	h := header{XPOS: m.tag.XPOS, UPOS: m.tag.UPOS, Labels: m.parse.Labels, Beam: m.parse.Beam, Margin: m.parse.Margin, Lexicon: m.tag.Lexicon}
	for i, p := range ps {
		ps[i] = p.quantised()
		h.Arrays = append(h.Arrays, array{Classes: ps[i].Classes, Bits: ps[i].Bits, Scale: ps[i].Scale})
	}
	js, err := json.Marshal(h)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(magic)
	binary.Write(bw, binary.LittleEndian, uint32(len(js)))
	bw.Write(js)
	for _, p := range ps {
		binary.Write(bw, binary.LittleEndian, p.Q)
	}
	return bw.Flush()
}
