// Package eval scores an extractor's output against gold annotation files,
// with the matching rules of the team's evaluation kit (shared/eval/score.py):
// an entity matches a gold one of the same type that shares a surface form
// (name, alias or mention text; case, "the", a final "'s" and dots ignored),
// each gold entity matched once; a relation matches when its ends map to the
// gold pair in that direction and one of its predicate's words stems to one of
// the gold lemmas. Relation precision counts only predicted relations whose
// two ends are gold entities.
//
//	golds, err := eval.LoadGold("../shared/eval/gold")
//	...
//	rows, total, err := eval.Run(ctx, x, golds, "../shared/corpus/seed", "../shared/corpus/wikinews")
//	fmt.Println(total) // entF1=0.964 entP=... relF1=...
package eval
