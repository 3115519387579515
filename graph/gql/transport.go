package gql

import (
	"mime"
	"strconv"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// Media types of GraphQL over HTTP responses. application/graphql-response+json
// is the one the GraphQL over HTTP spec prefers: with it, a request that
// fails before execution (no data entry) gets a 4xx status; with the legacy
// application/json every well-formed GraphQL request gets 200.
const (
	mediaJSON             = "application/json"
	mediaGraphQLResponse  = "application/graphql-response+json"
	mediaGraphQLRespParam = mediaGraphQLResponse + "; charset=utf-8"
	mediaJSONParam        = mediaJSON + "; charset=utf-8"
)

// responseType picks the response media type for an Accept header: the
// client's preferred of the two, application/json when it names neither but
// accepts anything (or sends no Accept), "" when it accepts neither.
func responseType(accept string) string {
	if strings.TrimSpace(accept) == "" {
		return mediaJSON
	}
	best, bestQ := "", 0.0
	for _, part := range strings.Split(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if v, ok := params["q"]; ok {
			if q, err = strconv.ParseFloat(v, 64); err != nil {
				continue
			}
		}
		var got string
		switch mt {
		case mediaGraphQLResponse, mediaJSON:
			got = mt
		case "*/*", "application/*":
			got = mediaJSON
		default:
			continue
		}
		// On equal q the spec's preferred type wins.
		if q > bestQ || q == bestQ && q > 0 && got == mediaGraphQLResponse {
			best, bestQ = got, q
		}
	}
	return best
}

// isMutation reports whether the operation of query that a request selects
// (by operationName, or the only one) is a mutation. A query that does not
// parse is not: GraphQL reports its errors.
func isMutation(query, operationName string) bool {
	doc, err := parser.ParseQuery(&ast.Source{Input: query})
	if err != nil {
		return false
	}
	for _, op := range doc.Operations {
		if op.Name == operationName || operationName == "" && len(doc.Operations) == 1 {
			return op.Operation == ast.Mutation
		}
	}
	return false
}
