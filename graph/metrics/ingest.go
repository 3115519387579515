package metrics

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// ingests counts articles stored (by outcome), the time extraction took and
// the tokens it read, for the seeding at start and ingestArticle alike.
type ingests struct {
	articles *prometheus.CounterVec // outcome: new, unchanged, replaced, failed
	seconds  prometheus.Histogram
	tokens   prometheus.Counter
}

func newIngests(reg prometheus.Registerer) *ingests {
	i := &ingests{
		articles: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsgraph_ingest_articles_total",
			Help: "Articles ingested, by outcome: new, unchanged, replaced or failed.",
		}, []string{"outcome"}),
		seconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "newsgraph_extraction_seconds",
			Help:    "Time to extract one article's actors and relations.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 14), // 1 ms .. 8 s
		}),
		tokens: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "newsgraph_extracted_tokens_total",
			Help: "Word tokens read by the extractor.",
		}),
	}
	for _, o := range []string{"new", "unchanged", "replaced", "failed"} {
		i.articles.WithLabelValues(o) // present at 0 from the start
	}
	reg.MustRegister(i.articles, i.seconds, i.tokens)
	return i
}

func (i *ingests) extracted(tokens int, took time.Duration) {
	i.tokens.Add(float64(tokens))
	i.seconds.Observe(took.Seconds())
}
