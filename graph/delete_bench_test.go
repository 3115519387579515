package graph_test

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkDeleteArticle deletes articles of a hub store (every article
// names Russia, so its actor keeps many articles while each goes), oldest
// first: the order that cannot simply undo the last write. Compare with
// BenchmarkIngest's articles/s on articles of the same size.
func BenchmarkDeleteArticle(b *testing.B) {
	ctx := context.Background()
	st := mustOpenDir(b, b.TempDir())
	defer st.Close()
	hub(b, st, b.N+50)
	b.ResetTimer()
	for i := range b.N {
		if err := st.DeleteArticle(ctx, fmt.Sprint("hub-", i)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkReplace replaces each article of a hub store with a new
// extraction of the same text, as reextract does after an upgrade.
func BenchmarkReplace(b *testing.B) {
	ctx := context.Background()
	st := mustOpenDir(b, b.TempDir())
	defer st.Close()
	hub(b, st, b.N+50)
	x := capsVersion{"v2"}
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		a, err := st.Article(ctx, fmt.Sprint("hub-", i))
		if err != nil {
			b.Fatal(err)
		}
		ex, err := x.Extract(ctx, a)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := st.Replace(ctx, a, ex)
		if err != nil || !res.Replaced {
			b.Fatalf("Replace(%s) = %+v, %v", a.ID, res, err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
