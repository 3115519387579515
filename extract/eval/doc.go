// Package eval scores an extractor's output against gold annotation files,
// with the matching rules of the team's evaluation kit (shared/eval/score.py):
// an entity matches a gold one of the same type that shares a surface form
// (name, alias or mention text; case, "the", a final "'s" and dots ignored),
// each gold entity matched once; a relation matches when its ends map to the
// gold pair in that direction and one of its predicate's words stems to one of
// the gold lemmas. Relation precision counts only predicted relations whose
// two ends are gold entities.
//
//	golds, _ := eval.LoadGold("../shared/eval/gold")
//	var total eval.Counts
//	for _, g := range golds {
//		ex, _ := x.Extract(ctx, article(g.Article))
//		total.Add(eval.Score(g, ex))
//	}
//	fmt.Println(total)
package eval
