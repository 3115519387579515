package graph

import "testing"

// TestReadCacheStaysInBudget: a generation evicts the least recently used
// values once their estimated bytes pass its budget, refuses a value over
// an eighth of it, and counts a value added twice once.
func TestReadCacheStaysInBudget(t *testing.T) {
	const budget = 10000
	g := newCacheGen(1, budget)
	for uid := range uint64(100) {
		g.add(cacheKey{kind: ckEntity, uid: uid}, uid, 500)
		g.add(cacheKey{kind: ckEntity, uid: uid}, uid, 500)
		if c := g.cost.Load(); c > budget {
			t.Fatalf("after %d adds the cache holds %d bytes; budget %d", uid+1, c, budget)
		}
	}
	if n, c := g.lru.Len(), g.cost.Load(); n != budget/500 || c != int64(n)*500 {
		t.Errorf("cache holds %d values, %d bytes; want %d values of 500", n, c, budget/500)
	}
	if _, ok := g.lru.Get(cacheKey{kind: ckEntity, uid: 99}); !ok {
		t.Error("the last value added was evicted")
	}
	if _, ok := g.lru.Get(cacheKey{kind: ckEntity, uid: 0}); ok {
		t.Error("the first value added is still there")
	}
	g.add(cacheKey{kind: ckOut, uid: 1}, []adjRow{}, budget/8+1)
	if _, ok := g.lru.Get(cacheKey{kind: ckOut, uid: 1}); ok {
		t.Error("a value over an eighth of the budget was kept")
	}
}
