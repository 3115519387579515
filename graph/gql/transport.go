package gql

import (
	"encoding/json"
	"mime"
	"strconv"
	"strings"

	graphql "github.com/graph-gophers/graphql-go"
	"github.com/vektah/gqlparser/v2/ast"
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

// isMutation reports whether the operation of d that a request selects
// (by operationName, or the only one) is a mutation. A query that does not
// parse is not: GraphQL reports its errors.
func isMutation(d *document, operationName string) bool {
	op := d.operation(operationName)
	return op != nil && op.Operation == ast.Mutation
}

// encodeResponse encodes resp as json.Encoder would, in three pieces to
// write one after the other: what comes before the data, the data itself
// and what follows it. graphql-go hands the data over as JSON it wrote
// itself, and it goes out as it is: the encoder would check and compact
// that RawMessage byte by byte, and joining the pieces would copy the
// largest part of a large answer once more. Errors and extensions, small,
// go through encoding/json.
func encodeResponse(resp *graphql.Response) (head, data, tail []byte, err error) {
	head = append(make([]byte, 0, 64), '{')
	sep := ""
	if len(resp.Errors) > 0 {
		errs, err := json.Marshal(resp.Errors)
		if err != nil {
			return nil, nil, nil, err
		}
		head = append(append(head, `"errors":`...), errs...)
		sep = ","
	}
	if len(resp.Data) > 0 {
		head = append(head, sep+`"data":`...)
		data = resp.Data
		sep = ","
	}
	if len(resp.Extensions) > 0 {
		ext, err := json.Marshal(resp.Extensions)
		if err != nil {
			return nil, nil, nil, err
		}
		tail = append(append([]byte(sep+`"extensions":`), ext...), "}\n"...)
		return head, data, tail, nil
	}
	return head, data, []byte("}\n"), nil
}
