package gql

import (
	"fmt"
	"strings"
	"testing"

	graphql "github.com/graph-gophers/graphql-go"

	"newsgraph"
)

// mustValidator checks queries against newsgraph.Schema with opts' limits
// (defaults for zero fields).
func mustValidator(tb testing.TB, opts Options) *validator {
	tb.Helper()
	schema, err := graphql.ParseSchema(newsgraph.Schema, nil)
	if err != nil {
		tb.Fatalf("ParseSchema = %v", err)
	}
	return newValidator(schema.AST(), opts.withDefaults())
}

// fragmentChain is a query whose n named fragments each nest four levels
// and spread the next: the last one's fields are at depth 4n+2.
func fragmentChain(n int) string {
	var b strings.Builder
	b.WriteString(`{ entity(name: "putin") { ...F0 } }`)
	for i := range n {
		fmt.Fprintf(&b, "\nfragment F%d on Entity { id relations(first: 1) { edges { node { subject { ...F%d } } } } }", i, i+1)
	}
	fmt.Fprintf(&b, "\nfragment F%d on Entity { id }", n)
	return b.String()
}

// nested is fragmentChain inline: hops entity relations, 4hops+2 levels.
func nested(hops int) string {
	q := "id"
	for range hops {
		q = "id relations(first: 1) { edges { node { subject { " + q + " } } } }"
	}
	return `{ entity(name: "putin") { ` + q + ` } }`
}

func TestValidator(t *testing.T) {
	v := mustValidator(t, Options{})
	aliases := func(n int) string {
		var b strings.Builder
		b.WriteString("{")
		for i := range n {
			fmt.Fprintf(&b, " a%d: stats { articles }", i)
		}
		return b.String() + " }"
	}
	ops := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "query Q%d { stats { articles } }\n", i)
		}
		return b.String()
	}
	// laughs: each fragment spreads the next one twice; 2^30 expansions.
	var laughs strings.Builder
	laughs.WriteString("{ ...L0 }\n")
	for i := range 30 {
		fmt.Fprintf(&laughs, "fragment L%d on Query { ...L%d ...L%d }\n", i, i+1, i+1)
	}
	laughs.WriteString("fragment L30 on Query { stats { articles } }")
	tests := []struct {
		name, query string
		vars        map[string]any
		code        string // "" accepts
		msg         string // in the message when refused
	}{
		{"readme first query", `{
  stats { articles entities relations }
  entity(name: "Putin") {
    id name type aliases mentionCount
    relations(first: 5) {
      edges { node {
        subject { name } predicate object { name } weight
        evidence(first: 1) { sentence quantity negated article { title } }
      } }
    }
  }
}`, nil, "", ""},
		{"graphiql introspection", introspectionQuery, nil, "", ""},
		{"10 levels inline", nested(2), nil, "", ""},
		{"14 levels inline", nested(3), nil, CodeTooDeep, `field "subject" is at depth 13, over the limit of 12`},
		{"2 fragments chained: 10 levels", fragmentChain(2), nil, "", ""},
		{"3 fragments chained: 14 levels", fragmentChain(3), nil, CodeTooDeep, `field "subject" is at depth 13 (via fragments F0 > F1 > F2)`},
		{"20 fragments chained", fragmentChain(20), nil, CodeTooDeep, "over the limit of 12"},
		{"a fragment reused deeper is counted there",
			`{ entity(name: "x") { ...E relations(first: 1) { edges { node { subject { relations(first: 1) { edges { node { subject { articles(first: 1) { entities { ...E } } } } } } } } } } } }
			fragment E on Entity { id articles(first: 1) { entities { id } } }`, nil, CodeTooDeep, `field "entities" is at depth 13 (via fragments E)`},
		{"inline fragments do not hide depth",
			`{ entity(name: "x") { ... on Entity { relations { edges { ... { node { subject { relations { edges { node { subject { relations { edges { node { ... on Relation { object { ... on Entity { id } } } } } } } } } } } } } } } } } }`,
			nil, CodeTooDeep, `field "object" is at depth 13`},
		{"fragment cycle", `{ entity(name: "x") { ...A } } fragment A on Entity { id ...B } fragment B on Entity { ...A }`, nil, CodeBadInput, "fragment cycle: A > B > A"},
		{"self spread", `{ entity(name: "x") { ...A } } fragment A on Entity { relations { edges { node { subject { ...A } } } } }`, nil, CodeBadInput, "fragment cycle: A > A"},
		{"unused fragment cycle", `{ stats { articles } } fragment A on Entity { ...A }`, nil, CodeBadInput, "fragment cycle"},
		{"unknown fragment", `{ entity(name: "x") { ...Nope } }`, nil, CodeBadInput, `unknown fragment "Nope"`},
		{"fragment defined twice", `{ entity(name: "x") { ...A } } fragment A on Entity { id } fragment A on Entity { name }`, nil, CodeBadInput, "defined more than once"},
		{"syntax error", `{ entity(name: "x") { id }`, nil, CodeBadInput, "syntax error"},
		{"no operation", `fragment A on Entity { id }`, nil, CodeBadInput, "no operation"},
		{"100 × 100 × 10",
			`{ entities(first: 100) { edges { node { relations(first: 100) { edges { node { evidence(first: 10) { sentence } } } } } } } }`,
			nil, CodeTooComplex, "lists multiply: 100 × 100)"},
		{"10 × 100 × 10",
			`{ entities(first: 10) { edges { node { relations(first: 100) { edges { node { evidence(first: 10) { sentence } } } } } } } }`,
			nil, CodeTooComplex, `at field "sentence" it passes the cost limit of 10000 (lists multiply: 10 × 100 × 10)`},
		{"first: 1000000 alone is capped, so allowed", `{ entities(first: 1000000) { edges { node { id name } } } }`, nil, "", ""},
		{"first: 1000000 nested counts as 100",
			`{ entities(first: 1000000) { edges { node { relations(first: 1000000) { edges { node { id } } } } } } }`,
			nil, CodeTooComplex, "100 × 100"},
		{"first from a variable", `query($n: Int) { entities(first: $n) { edges { node { relations(first: $n) { edges { node { id } } } } } } }`,
			map[string]any{"n": float64(100)}, CodeTooComplex, "100 × 100"},
		{"first from a small variable", `query($n: Int) { entities(first: $n) { edges { node { relations(first: $n) { edges { node { id } } } } } } }`,
			map[string]any{"n": float64(5)}, "", ""},
		{"first from a variable default", `query($n: Int = 100) { entities(first: $n) { edges { node { relations(first: $n) { edges { node { id } } } } } } }`,
			nil, CodeTooComplex, "100 × 100"},
		{"schema defaults (20) when unset", `query($n: Int) { entities(first: $n) { edges { node { relations { edges { node { id subject { id } object { id } } } } } } } }`,
			nil, "", ""},
		{"null first counts as the cap", `{ entities(first: null) { edges { node { relations(first: null) { edges { node { id } } } } } } }`,
			nil, CodeTooComplex, "100 × 100"},
		{"subgraph edges are ten times the limit",
			`{ subgraph(ids: ["state:ru"], limit: 500) { edges { evidence(first: 5) { sentence } } } }`, nil, CodeTooComplex, "5000 × 5"},
		{"30 aliases", aliases(30), nil, "", ""},
		{"31 aliases", aliases(31), nil, CodeTooComplex, "more than 30 aliased fields"},
		{"10 operations", ops(10), nil, "", ""},
		{"11 operations", ops(11), nil, CodeTooComplex, "11 operations, over the limit of 10"},
		{"billion laughs", laughs.String(), nil, CodeTooComplex, "more than 1000 selections"},
		{"1000 nested braces", "{" + strings.Repeat("a{", 999) + "b" + strings.Repeat("}", 1000), nil, CodeTooDeep, ""},
		{"10000 nested braces", "{" + strings.Repeat("a{", 9999) + "b" + strings.Repeat("}", 10000), nil, CodeBadInput, "syntax error"},
		{"over 64 KiB", "{ stats { articles } }" + strings.Repeat(" ", 64<<10), nil, CodeBadInput, "over the limit of 65536"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qe := v.check(tt.query, tt.vars)
			switch {
			case tt.code == "" && qe != nil:
				t.Errorf("check(%.80q) = %v (%v); want accepted", tt.query, qe.Message, qe.Extensions)
			case tt.code != "" && qe == nil:
				t.Errorf("check(%.80q) accepted; want %s", tt.query, tt.code)
			case tt.code != "" && (qe.Extensions["code"] != tt.code || !strings.Contains(qe.Message, tt.msg)):
				t.Errorf("check(%.80q) = %s %q; want %s with %q", tt.query, qe.Extensions["code"], qe.Message, tt.code, tt.msg)
			}
		})
	}
}

// TestValidatorLimitsAreOptions: each limit follows its option.
func TestValidatorLimitsAreOptions(t *testing.T) {
	v := mustValidator(t, Options{MaxDepth: 4, MaxCost: 50, MaxSelections: 8, MaxAliases: 1, MaxOperations: 1})
	tests := []struct{ query, code string }{
		{`{ entity(name: "x") { relations { totalCount } } }`, ""},
		{`{ entity(name: "x") { relations { edges { node { id } } } } }`, CodeTooDeep},
		{`{ entities(first: 10) { edges { node { id name type } } } }`, ""},
		{`{ entities(first: 20) { edges { node { id name type } } } }`, CodeTooComplex},
		{`{ a: stats { articles } }`, ""},
		{`{ a: stats { articles } b: stats { articles } }`, CodeTooComplex},
		{`{ stats { articles entities relations evidence } s: stats { articles entities relations } }`, CodeTooComplex},
		{`query A { stats { articles } } query B { stats { articles } }`, CodeTooComplex},
	}
	for _, tt := range tests {
		qe := v.check(tt.query, nil)
		got := ""
		if qe != nil {
			got = qe.Extensions["code"].(string)
		}
		if got != tt.code {
			t.Errorf("check(%q) = %q (%v); want %q", tt.query, got, qe, tt.code)
		}
	}
}

// TestValidatorAgreesWithGraphqlGo: what the validator accepts, graphql-go's
// own MaxDepth accepts too (it walks fragments once per depth), and the
// fragment chains it refuses are refused by graphql-go as well: the two
// count depth the same way.
func TestValidatorAgreesWithGraphqlGo(t *testing.T) {
	schema := graphql.MustParseSchema(newsgraph.Schema, nil, graphql.MaxDepth(12))
	v := mustValidator(t, Options{})
	for n := 1; n <= 8; n++ {
		q := fragmentChain(n)
		ours := v.check(q, nil) == nil
		theirs := len(schema.Validate(q)) == 0
		if ours != theirs {
			t.Errorf("fragment chain %d: validator accepts %v, graphql-go MaxDepth accepts %v", n, ours, theirs)
		}
	}
}

// introspectionQuery is the one GraphiQL sends when it opens.
const introspectionQuery = `query IntrospectionQuery {
  __schema {
    queryType { name }
    mutationType { name }
    subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) {
    name description
    args { ...InputValue }
    type { ...TypeRef }
    isDeprecated deprecationReason
  }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name
    ofType { kind name ofType { kind name ofType { kind name } } } } } } }
}`

func TestArticleTextIsCostly(t *testing.T) {
	v := mustValidator(t, Options{})
	if err := v.check(`{ article(id: "a1") { text } }`, nil); err != nil {
		t.Errorf("one article's text refused: %v", err)
	}
	err := v.check(`{ relations(first: 100) { edges { node { evidence(first: 10) { article { text } } } } } }`, nil)
	if err == nil || err.Extensions["code"] != CodeTooComplex {
		t.Errorf("a thousand article texts in one query = %v; want %s", err, CodeTooComplex)
	}
}

// The explorer's query — a depth-2 subgraph of 200 actors with the ends of
// its edges — passes the default cost limit; asking the ends for more than
// their ids, or more subgraphs, does not.
func TestExplorerSubgraphWithinCost(t *testing.T) {
	v := mustValidator(t, Options{})
	explorer := `{ subgraph(ids: ["state:ru"], depth: 2, limit: 200) {
		nodes { id name type mentionCount }
		edges { id predicate kind weight subject { id __typename } object { id } } } }`
	if err := v.check(explorer, nil); err != nil {
		t.Errorf("the explorer's subgraph = %v; want it allowed", err)
	}
	for _, q := range []string{
		`{ subgraph(ids: ["state:ru"], depth: 2, limit: 200) { edges { id subject { id name } object { id name } } } }`,
		`{ subgraph(ids: ["state:ru"], depth: 2, limit: 200) { edges { id subject { id relations(first: 1) { totalCount } } } } }`,
		`{ a: subgraph(ids: ["state:ru"], depth: 2, limit: 200) { edges { id predicate kind weight subject { id } object { id } } }
		   b: subgraph(ids: ["state:ru"], depth: 2, limit: 200) { edges { id predicate kind weight subject { id } object { id } } } }`,
	} {
		if err := v.check(q, nil); err == nil || err.Extensions["code"] != CodeTooComplex {
			t.Errorf("check(%s) = %v; want %s", q, err, CodeTooComplex)
		}
	}
}
