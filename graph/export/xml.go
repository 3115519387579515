package export

import (
	"bufio"
	"encoding/xml"
	"io"
)

// xmlStream writes an XML document element by element: start tags are
// opened and closed around elements encoded one at a time, so a document of
// any size goes out without being built in memory. The first error sticks.
type xmlStream struct {
	bw   *bufio.Writer
	enc  *xml.Encoder
	open []xml.StartElement
	err  error
}

func newXMLStream(w io.Writer) *xmlStream {
	bw := bufio.NewWriterSize(w, 64<<10)
	x := &xmlStream{bw: bw, enc: xml.NewEncoder(bw)}
	_, x.err = bw.WriteString(xml.Header)
	x.enc.Indent("", " ")
	return x
}

// start opens an element with attributes given as name, value pairs.
func (x *xmlStream) start(name string, attrs ...string) {
	if x.err != nil {
		return
	}
	se := xml.StartElement{Name: xml.Name{Local: name}}
	for i := 0; i+1 < len(attrs); i += 2 {
		se.Attr = append(se.Attr, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
	}
	x.err = x.enc.EncodeToken(se)
	x.open = append(x.open, se)
}

// end closes the innermost open element.
func (x *xmlStream) end() {
	if x.err != nil || len(x.open) == 0 {
		return
	}
	se := x.open[len(x.open)-1]
	x.open = x.open[:len(x.open)-1]
	x.err = x.enc.EncodeToken(se.End())
}

// encode writes v as one element.
func (x *xmlStream) encode(v any) error {
	if x.err == nil {
		x.err = x.enc.Encode(v)
	}
	return x.err
}

// close ends every open element and flushes.
func (x *xmlStream) close() error {
	for len(x.open) > 0 {
		x.end()
	}
	if x.err == nil {
		x.err = x.enc.Flush()
	}
	if x.err == nil {
		_, x.err = x.bw.WriteString("\n")
	}
	if x.err == nil {
		x.err = x.bw.Flush()
	}
	return x.err
}
