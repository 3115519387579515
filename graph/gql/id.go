package gql

import (
	"fmt"
	"strconv"
)

// outID is the ID scalar as the hot resolvers return it (an actor's, an
// edge's, an article's, an event's id). graphql-go writes a scalar with
// json.Marshal; graphql.ID has a MarshalJSON (strconv.AppendQuote), so the
// encoder calls it and then checks and compacts its output byte by byte: a
// third of the work of writing a subgraph's answer, which holds about three
// ids per edge. outID has no MarshalJSON, so json.Marshal writes it as it
// writes any string (the same JSON value, still by reflection) without a
// MarshalJSON call and the re-check of its output. Arguments stay graphql.ID.
type outID string

// ImplementsGraphQLType makes outID a resolver type of the ID scalar.
func (outID) ImplementsGraphQLType(name string) bool { return name == "ID" }

// UnmarshalGraphQL reads an ID literal as graphql.ID does; graphql-go asks
// for it of every scalar type, though outID is only ever an output.
func (i *outID) UnmarshalGraphQL(input any) error {
	switch input := input.(type) {
	case string:
		*i = outID(input)
	case int32:
		*i = outID(strconv.Itoa(int(input)))
	default:
		return fmt.Errorf("wrong type for ID: %T", input)
	}
	return nil
}
