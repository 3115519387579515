package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestServeLimits: the real server applies its limit flags, refuses a
// 20-level named-fragment chain and a 10 MB body, still answers GraphiQL's
// introspection query (13 levels deep), and stops cleanly afterwards.
func TestServeLimits(t *testing.T) {
	s := startServer(t, t.TempDir(), "--no-seed", "--max-depth", "8", "--max-cost", "500")
	post := func(body []byte) (int, gqlResponse) { return s.post(t, body) }
	q := func(query string) []byte {
		b, _ := json.Marshal(map[string]string{"query": query})
		return b
	}
	var chain strings.Builder
	chain.WriteString(`{ entity(name: "Putin") { ...F0 } }`)
	for i := range 20 {
		fmt.Fprintf(&chain, "\nfragment F%d on Entity { id relations(first: 1) { edges { node { subject { ...F%d } } } } }", i, i+1)
	}
	chain.WriteString("\nfragment F20 on Entity { id }")

	tests := []struct {
		name   string
		body   []byte
		status int
		code   string
		limit  float64
	}{
		{"20-level fragment chain", q(chain.String()), 200, "QUERY_TOO_DEEP", 8},
		{"nested lists over --max-cost", q(`{ entities(first: 50) { edges { node { relations(first: 50) { edges { node { id } } } } } } }`), 200, "QUERY_TOO_COMPLEX", 500},
		{"10 MB body", append(append([]byte(`{"query":"{ stats { articles } }`), bytes.Repeat([]byte(" "), 10<<20)...), `"}`...), 413, "BAD_INPUT", 0},
	}
	for _, tt := range tests {
		status, r := post(tt.body)
		if status != tt.status || len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != tt.code {
			t.Errorf("%s = %d %+v; want %d %s", tt.name, status, r.Errors, tt.status, tt.code)
			continue
		}
		if tt.limit != 0 && r.Errors[0].Extensions["limit"] != tt.limit {
			t.Errorf("%s: extensions.limit = %v; want %v (the flag)", tt.name, r.Errors[0].Extensions["limit"], tt.limit)
		}
	}
	status, r := post(q(graphiqlIntrospection))
	if status != 200 || len(r.Errors) > 0 || !bytes.Contains(r.Data, []byte(`"EntityConnection"`)) {
		t.Errorf("GraphiQL's introspection query = %d %+v %.200s; want the schema", status, r.Errors, r.Data)
	}
	var st statsData
	s.query(t, statsQuery, nil, &st)
	s.stop(t)
}

// graphiqlIntrospection is the query GraphiQL sends when it opens.
const graphiqlIntrospection = `query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
  ofType { kind name ofType { kind name ofType { kind name } } } } } } }
}`
