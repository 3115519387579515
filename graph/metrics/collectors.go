package metrics

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"newsgraph/graph"
)

func runtimeCollectors() []prometheus.Collector {
	return []prometheus.Collector{
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	}
}

// badgerCollector exports the counters Badger publishes through expvar
// (badger y/metrics.go). Its maps are keyed by data directory or LSM level.
func badgerCollector() prometheus.Collector {
	ints := []string{"read_num_vlog", "read_bytes_vlog", "write_num_vlog", "write_bytes_vlog",
		"read_bytes_lsm", "write_bytes_l0", "get_num_memtable", "get_num_user", "put_num_user",
		"write_bytes_user", "get_with_result_num_user", "iterator_num_user", "compaction_current_num_lsm"}
	maps := []string{"write_bytes_compaction", "get_num_lsm", "hit_num_lsm_bloom_filter",
		"size_bytes_lsm", "size_bytes_vlog", "write_pending_num_memtable"}
	exports := map[string]*prometheus.Desc{}
	for _, n := range ints {
		exports["badger_"+n] = prometheus.NewDesc("badger_"+n, "Badger's expvar badger_"+n+".", nil, nil)
	}
	for _, n := range maps {
		exports["badger_"+n] = prometheus.NewDesc("badger_"+n, "Badger's expvar badger_"+n+".", []string{"key"}, nil)
	}
	return collectors.NewExpvarCollector(exports)
}

// storeCollector reads the store's counts and size at each scrape.
type storeCollector struct{ st *graph.Store }

var (
	storeCountDesc = prometheus.NewDesc("newsgraph_store_items", "What the store holds, by kind.", []string{"kind"}, nil)
	storeSizeDesc  = prometheus.NewDesc("newsgraph_store_size_bytes", "Size of the store on disk, by part (lsm, vlog).", []string{"part"}, nil)
)

func (c storeCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- storeCountDesc
	ch <- storeSizeDesc
}

func (c storeCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if s, err := c.st.Stats(ctx); err == nil {
		for kind, n := range map[string]int{"articles": s.Articles, "entities": s.Entities, "relations": s.Relations, "evidence": s.Evidence} {
			ch <- prometheus.MustNewConstMetric(storeCountDesc, prometheus.GaugeValue, float64(n), kind)
		}
	}
	lsm, vlog := c.st.Size()
	ch <- prometheus.MustNewConstMetric(storeSizeDesc, prometheus.GaugeValue, float64(lsm), "lsm")
	ch <- prometheus.MustNewConstMetric(storeSizeDesc, prometheus.GaugeValue, float64(vlog), "vlog")
}
