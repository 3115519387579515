package gql

import (
	"context"

	graphql "github.com/graph-gophers/graphql-go"

	"newsgraph/graph"
)

type bucketResolver struct{ b graph.Bucket }

func (b *bucketResolver) Start() string { return b.b.Start }
func (b *bucketResolver) Count() int32  { return int32(b.b.Count) }

func id(p *graphql.ID) string {
	if p == nil {
		return ""
	}
	return string(*p)
}

// Timeline answers Query.timeline: evidence counts per interval.
func (r *resolver) Timeline(ctx context.Context, args struct {
	Entity    *graphql.ID
	Subject   *graphql.ID
	Object    *graphql.ID
	Predicate *string
	Interval  string
	windowArgs
}) ([]*bucketResolver, error) {
	w, err := args.window()
	if err != nil {
		return nil, err
	}
	bs, err := r.st.Timeline(ctx, graph.TimelineQuery{Entity: id(args.Entity), Subject: id(args.Subject), Object: id(args.Object),
		Predicate: deref(args.Predicate), Interval: graph.Interval(args.Interval), Window: w})
	if err != nil {
		return nil, r.fail(ctx, "timeline", err)
	}
	return mapSlice(bs, func(b graph.Bucket) *bucketResolver { return &bucketResolver{b} }), nil
}
