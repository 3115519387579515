package gql

import (
	"context"
	"strings"

	graphql "github.com/graph-gophers/graphql-go"

	"newsgraph"
	"newsgraph/graph"
)

// The resolvers of events of one actor (Query.events, Entity.events and
// the Event type).

// eventArgs are the arguments every event list takes.
type eventArgs struct {
	First   int32
	After   *string
	OrderBy string
	windowArgs
}

// events answers an event list filtered by f and args.
func (r *resolver) events(ctx context.Context, op string, args eventArgs, f graph.EventFilter) (*connection[*eventResolver], error) {
	p, countOnly, err := relationPage(ctx, args.First, args.After)
	if err != nil {
		return nil, err
	}
	if f.Window, err = args.window(); err != nil {
		return nil, err
	}
	f.Order = graph.EventOrder(args.OrderBy)
	pg, err := r.st.Events(ctx, f, p)
	if err != nil {
		return nil, r.fail(ctx, op, err)
	}
	return newConnection(pg, countOnly, func(e *graph.Event) eventResolver { return eventResolver{r, e} }), nil
}

func (r *resolver) Events(ctx context.Context, args struct {
	Subject   *graphql.ID
	Predicate *string
	Kind      *string
	eventArgs
}) (*connection[*eventResolver], error) {
	f := graph.EventFilter{Predicate: deref(args.Predicate), Kind: newsgraph.RelationKind(deref(args.Kind))}
	if args.Subject != nil {
		f.Subject = string(*args.Subject)
	}
	return r.events(ctx, "events", args.eventArgs, f)
}

func (e *entityResolver) Events(ctx context.Context, args eventArgs) (*connection[*eventResolver], error) {
	return e.r.events(ctx, "Entity.events", args, graph.EventFilter{Subject: e.e.ID})
}

type eventResolver struct {
	r *resolver
	e *graph.Event
}

func (er *eventResolver) ID() outID          { return outID(er.e.ID) }
func (er *eventResolver) Predicate() string  { return er.e.Predicate }
func (er *eventResolver) Lemma() string      { return er.e.Lemma }
func (er *eventResolver) Kind() string       { return string(er.e.Kind) }
func (er *eventResolver) ObjectText() string { return er.e.ObjectText }
func (er *eventResolver) Date() *string      { return optional(er.e.Date) }

// Modality is the enum value of the event's modality; null for a fact.
func (er *eventResolver) Modality() *string {
	if er.e.Modality == newsgraph.Asserted {
		return nil
	}
	m := strings.ToUpper(string(er.e.Modality))
	return &m
}

func (er *eventResolver) Evidence() *evidenceResolver { return &evidenceResolver{er.r, er.e.Evidence} }

// Subject resolves the event's actor through the request's loader.
func (er *eventResolver) Subject(ctx context.Context) (*entityResolver, error) {
	e, err := loaderFrom(ctx, er.r.st).entity(ctx, er.e.Subject)
	if err != nil {
		// An event's subject is stored with it: missing is corruption,
		// not a client's mistake.
		return nil, er.r.fail(ctx, "Event.subject", internal{err})
	}
	return newEntityResolver(er.r, e), nil
}
