package export

import (
	"context"
	"io"
	"testing"
)

// BenchmarkWrite writes the whole graph of a synthetic store in each format
// and reports nodes and edges written per second and bytes per element.
func BenchmarkWrite(b *testing.B) {
	st := fixtureStore(b, 500)
	s := stats(b, st)
	elems := float64(s.Entities + s.Relations)
	for _, f := range formats {
		b.Run(f.Name, func(b *testing.B) {
			var n int64
			for b.Loop() {
				g, err := Open(context.Background(), st, Options{})
				if err != nil {
					b.Fatal(err)
				}
				cw := &counter{}
				if err := f.Write(cw, g); err != nil {
					b.Fatal(err)
				}
				n = cw.n
			}
			b.ReportMetric(elems*float64(b.N)/b.Elapsed().Seconds(), "elements/s")
			b.ReportMetric(float64(n)/elems, "bytes/element")
		})
	}
}

type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

var _ io.Writer = (*counter)(nil)
