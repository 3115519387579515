package gql

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	schemaast "github.com/graph-gophers/graphql-go/ast"
	gqlerrors "github.com/graph-gophers/graphql-go/errors"
	"github.com/vektah/gqlparser/v2/ast"

	"newsgraph/graph"
)

// The query limits. graphql-go's own MaxDepth is kept as a second line, but
// it cannot be the only one: it walks each fragment once per depth, gives
// no cost, and earlier releases skipped a fragment already visited at any
// depth, so a chain of named fragments passed it. This validator parses the
// document itself (gqlparser; graphql-go's parser is internal), expands
// every fragment spread each time it is used, and refuses the request
// before any resolver runs.
//
// Cost counts the values a query can make the server produce: every field
// counts 1 (path 500, subgraph 200, neighbors 20: they walk the graph) times
// the sizes of the lists around it, except an edge's end asked only for its
// id, which the edge holds (isReference). A list's size is its first argument
// (capped at graph.MaxPageSize, the cap the resolvers apply; for a
// connection it applies to edges), path's maxHops, subgraph's limit for
// nodes and ten times it for edges, and unboundedListSize for the lists
// without an argument (an article's entities and relations, a neighbor's
// relations). An argument that cannot be read (a null, a missing variable)
// counts as its cap. Introspection (__schema, __type) is counted
// multiplied by its real list sizes in this schema (the most fields of any
// type, the most arguments of any field, ...) against a budget of its own,
// maxIntrospectionCost, and may nest maxIntrospectionDepth deep: GraphiQL's
// introspection query is 13 levels deep and its answer a few thousand
// values, all in memory.
const (
	defaultMaxDepth      = 12
	defaultMaxCost       = 10000
	defaultMaxSelections = 1000
	defaultMaxAliases    = 30
	defaultMaxOperations = 10

	// unboundedListSize is what a list without a size argument counts.
	unboundedListSize = 25

	maxIntrospectionDepth = 20
	maxIntrospectionCost  = 200000
)

// Codes of the limit errors, besides BAD_INPUT.
const (
	CodeTooDeep    = "QUERY_TOO_DEEP"    // fields nest deeper than MaxDepth, fragments included
	CodeTooComplex = "QUERY_TOO_COMPLEX" // over MaxCost, MaxSelections, MaxAliases or MaxOperations
)

// fieldWeight is what one value of a field costs beyond 1, for resolvers
// that walk the graph, and for an article's text, which may be megabytes:
// counted as a value it would let one query gather gigabytes of texts
// through evidence { article { text } }.
var fieldWeight = map[string]int64{
	"Query.path":        500,
	"Query.subgraph":    200,
	"Query.neighbors":   20,
	"Query.timeline":    200,
	"Query.communities": 200,
	"Article.text":      1000,
}

// limitError is a refused query: the code, a message, where, and the
// measure against the limit (in extensions, for programs).
func limitError(code string, pos *ast.Position, extra map[string]any, format string, args ...any) *gqlerrors.QueryError {
	qe := &gqlerrors.QueryError{Message: fmt.Sprintf(format, args...), Extensions: map[string]any{"code": code}}
	if pos != nil {
		qe.Locations = []gqlerrors.Location{{Line: pos.Line, Column: pos.Column}}
	}
	for k, v := range extra {
		qe.Extensions[k] = v
	}
	return qe
}

// validator checks a query document against the limits and the schema's
// types (taken from graphql-go's parse of the schema, so both agree on
// which fields are lists).
type validator struct {
	docs       *documents // parsed query texts, shared with the handler
	types      map[string]schemaast.NamedType
	introSizes map[string]int64 // "__Type.fields": the most fields of any type
	maxDepth   int
	maxCost    int64
	maxSels    int
	maxAliases int
	maxOps     int
	maxBytes   int
}

func newValidator(s *schemaast.Schema, o Options) *validator {
	return &validator{
		docs:       &documents{},
		types:      s.Types,
		introSizes: introspectionSizes(s),
		maxDepth:   o.MaxDepth,
		maxCost:    int64(o.MaxCost),
		maxSels:    o.MaxSelections,
		maxAliases: o.MaxAliases,
		maxOps:     o.MaxOperations,
		maxBytes:   o.MaxQueryBytes,
	}
}

// introspectionSizes gives the longest each introspection list can be in
// schema s.
func introspectionSizes(s *schemaast.Schema) map[string]int64 {
	var fields, args, interfaces, possible, enums, inputs int
	countArgs := func(fs schemaast.FieldsDefinition) {
		for _, f := range fs {
			args = max(args, len(f.Arguments))
		}
	}
	for _, t := range s.Types {
		switch t := t.(type) {
		case *schemaast.ObjectTypeDefinition:
			fields, interfaces = max(fields, len(t.Fields)), max(interfaces, len(t.Interfaces))
			countArgs(t.Fields)
		case *schemaast.InterfaceTypeDefinition:
			fields, possible = max(fields, len(t.Fields)), max(possible, len(t.PossibleTypes))
			countArgs(t.Fields)
		case *schemaast.Union:
			possible = max(possible, len(t.UnionMemberTypes))
		case *schemaast.EnumTypeDefinition:
			enums = max(enums, len(t.EnumValuesDefinition))
		case *schemaast.InputObject:
			inputs = max(inputs, len(t.Values))
		}
	}
	for _, d := range s.Directives {
		args = max(args, len(d.Arguments))
	}
	at1 := func(n int) int64 { return int64(max(n, 1)) }
	return map[string]int64{
		"__Schema.types":       at1(len(s.Types)),
		"__Schema.directives":  at1(len(s.Directives)),
		"__Type.fields":        at1(fields),
		"__Type.interfaces":    at1(interfaces),
		"__Type.possibleTypes": at1(possible),
		"__Type.enumValues":    at1(enums),
		"__Type.inputFields":   at1(inputs),
		"__Field.args":         at1(args),
		"__Directive.args":     at1(args),
	}
}

// check refuses a query over the limits, with a QueryError whose
// extensions.code is QUERY_TOO_DEEP, QUERY_TOO_COMPLEX or BAD_INPUT; nil
// lets graphql-go validate and run it. Every operation in the document is
// checked, not only the one operationName picks.
func (v *validator) check(query string, vars map[string]any) *gqlerrors.QueryError {
	if len(query) > v.maxBytes {
		return limitError(CodeBadInput, nil, map[string]any{"limit": v.maxBytes},
			"query is %d bytes, over the limit of %d", len(query), v.maxBytes)
	}
	d := v.docs.parse(query)
	if d.err != nil {
		return d.err
	}
	doc := d.doc
	switch n := len(doc.Operations); {
	case n == 0:
		return limitError(CodeBadInput, nil, nil, "the document has no operation")
	case n > v.maxOps:
		return limitError(CodeTooComplex, doc.Operations[v.maxOps].Position, map[string]any{"limit": v.maxOps},
			"the document has %d operations, over the limit of %d", n, v.maxOps)
	}
	if d.frags != nil {
		return d.frags
	}
	for _, op := range doc.Operations {
		w := &walk{v: v, doc: doc, vars: vars, op: op}
		root := map[ast.Operation]string{ast.Query: "Query", ast.Mutation: "Mutation", ast.Subscription: "Subscription"}[op.Operation]
		if qe := w.selections(op.SelectionSet, root, 1, 1, nil, nil); qe != nil {
			return qe
		}
	}
	return nil
}

// checkFragments refuses duplicate fragment names, spreads of unknown
// fragments and fragment cycles, so that expanding spreads terminates.
func checkFragments(doc *ast.QueryDocument) *gqlerrors.QueryError {
	seen := map[string]bool{}
	for _, f := range doc.Fragments {
		if seen[f.Name] {
			return limitError(CodeBadInput, f.Position, nil, "fragment %q is defined more than once", f.Name)
		}
		seen[f.Name] = true
	}
	const (
		unvisited = iota
		onStack
		done
	)
	state := map[string]int{}
	var stack []string
	var visit func(name string, sels ast.SelectionSet) *gqlerrors.QueryError
	visit = func(name string, sels ast.SelectionSet) *gqlerrors.QueryError {
		for _, sel := range sels {
			switch sel := sel.(type) {
			case *ast.Field:
				if qe := visit(name, sel.SelectionSet); qe != nil {
					return qe
				}
			case *ast.InlineFragment:
				if qe := visit(name, sel.SelectionSet); qe != nil {
					return qe
				}
			case *ast.FragmentSpread:
				f := doc.Fragments.ForName(sel.Name)
				if f == nil {
					return limitError(CodeBadInput, sel.Position, nil, "unknown fragment %q", sel.Name)
				}
				switch state[f.Name] {
				case onStack:
					return limitError(CodeBadInput, sel.Position, nil, "fragment cycle: %s > %s",
						strings.Join(stack[indexOf(stack, f.Name):], " > "), f.Name)
				case unvisited:
					state[f.Name] = onStack
					stack = append(stack, f.Name)
					if qe := visit(f.Name, f.SelectionSet); qe != nil {
						return qe
					}
					stack = stack[:len(stack)-1]
					state[f.Name] = done
				}
			}
		}
		return nil
	}
	for _, op := range doc.Operations {
		if qe := visit("", op.SelectionSet); qe != nil {
			return qe
		}
	}
	for _, f := range doc.Fragments {
		if state[f.Name] == unvisited {
			state[f.Name] = onStack
			stack = append(stack[:0], f.Name)
			if qe := visit(f.Name, f.SelectionSet); qe != nil {
				return qe
			}
			state[f.Name] = done
		}
	}
	return nil
}

func indexOf(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return 0
}

// walk expands one operation, fragments included, counting as it goes; it
// stops at the first limit passed, so its work is bounded by the limits
// whatever the document.
type walk struct {
	v       *validator
	doc     *ast.QueryDocument
	vars    map[string]any
	op      *ast.OperationDefinition
	sels    int
	aliases int
	cost    int64
	intro   int64    // the cost of introspection fields
	frags   []string // the fragments being expanded, for messages
}

// selections walks a selection set on type typ (empty when unknown) whose
// fields are at depth, each worth mult values. sizes gives the list sizes
// that a parent decided for its children (a connection's edges); factors
// are the list sizes multiplied so far, for messages.
func (w *walk) selections(set ast.SelectionSet, typ string, depth int, mult int64, sizes map[string]int64, factors []int64) *gqlerrors.QueryError {
	for _, sel := range set {
		if w.sels++; w.sels > w.v.maxSels {
			return limitError(CodeTooComplex, sel.GetPosition(), map[string]any{"limit": w.v.maxSels},
				"query expands to more than %d selections (fields and fragments, each fragment counted where it is used)%s", w.v.maxSels, w.via())
		}
		switch sel := sel.(type) {
		case *ast.Field:
			if qe := w.field(sel, typ, depth, mult, sizes, factors); qe != nil {
				return qe
			}
		case *ast.InlineFragment:
			t := typ
			if sel.TypeCondition != "" {
				t = sel.TypeCondition
			}
			if qe := w.selections(sel.SelectionSet, t, depth, mult, sizes, factors); qe != nil {
				return qe
			}
		case *ast.FragmentSpread:
			f := w.doc.Fragments.ForName(sel.Name) // checkFragments made sure it exists
			if f == nil || len(w.frags) > len(w.doc.Fragments) {
				return limitError(CodeBadInput, sel.Position, nil, "unknown fragment %q", sel.Name)
			}
			w.frags = append(w.frags, f.Name)
			qe := w.selections(f.SelectionSet, f.TypeCondition, depth, mult, sizes, factors)
			w.frags = w.frags[:len(w.frags)-1]
			if qe != nil {
				return qe
			}
		}
	}
	return nil
}

func (w *walk) via() string {
	if len(w.frags) == 0 {
		return ""
	}
	return " (via fragments " + strings.Join(w.frags, " > ") + ")"
}

func (w *walk) field(f *ast.Field, typ string, depth int, mult int64, sizes map[string]int64, factors []int64) *gqlerrors.QueryError {
	introspection := strings.HasPrefix(typ, "__") || strings.HasPrefix(f.Name, "__") && f.Name != "__typename"
	if maxDepth := w.v.maxDepth; depth > maxDepth && (!introspection || depth > maxIntrospectionDepth) {
		if introspection {
			maxDepth = maxIntrospectionDepth
		}
		return limitError(CodeTooDeep, f.Position, map[string]any{"limit": maxDepth},
			"query too deep: field %q is at depth %d%s, over the limit of %d", f.Name, depth, w.via(), maxDepth)
	}
	if f.Alias != "" && f.Alias != f.Name {
		if w.aliases++; w.aliases > w.v.maxAliases {
			return limitError(CodeTooComplex, f.Position, map[string]any{"limit": w.v.maxAliases},
				"query has more than %d aliased fields%s", w.v.maxAliases, w.via())
		}
	}
	if isReference(typ, f) {
		mult = 0 // depth and selections are still counted below it
	}
	def, child := w.v.fieldDef(typ, f.Name)
	if introspection {
		if w.intro = satAdd(w.intro, mult); w.intro > maxIntrospectionCost {
			return w.tooCostly(f, maxIntrospectionCost, factors)
		}
	} else if w.cost = satAdd(w.cost, satMul(mult, 1+fieldWeight[typ+"."+f.Name])); w.cost > w.v.maxCost {
		return w.tooCostly(f, w.v.maxCost, factors)
	}
	if len(f.SelectionSet) == 0 {
		return nil
	}
	var childSizes map[string]int64
	n, ok := sizes[f.Name]
	switch {
	case ok:
	case def == nil || !isList(def.Type):
	case introspection:
		n, ok = w.v.introSizes[typ+"."+f.Name], true
		if n == 0 {
			n = int64(len(w.v.types))
		}
	default:
		n, ok = w.listSize(typ, def, f), true
	}
	if ok {
		mult = satMul(mult, n)
		factors = append(factors[:len(factors):len(factors)], n)
	}
	if def != nil && !introspection {
		childSizes = w.childSizes(typ, def, f)
	}
	return w.selections(f.SelectionSet, child, depth+1, mult, childSizes, factors)
}

// isReference reports whether f is an edge's end asked for nothing but its
// id (and __typename): a reference to an actor that the edge itself holds,
// answered without a read, so it costs nothing beyond the edge. This is
// what lets an explorer draw a depth-2 subgraph of 200 actors with the ends
// of its edges (nodes carry the names).
func isReference(typ string, f *ast.Field) bool {
	if typ != "Relation" || f.Name != "subject" && f.Name != "object" || len(f.SelectionSet) == 0 {
		return false
	}
	for _, sel := range f.SelectionSet {
		if c, ok := sel.(*ast.Field); !ok || c.Name != "id" && c.Name != "__typename" || len(c.Arguments) > 0 || c.Alias != "" && c.Alias != c.Name {
			return false
		}
	}
	return true
}

func (w *walk) tooCostly(f *ast.Field, limit int64, factors []int64) *gqlerrors.QueryError {
	lists := ""
	if len(factors) > 0 {
		s := make([]string, len(factors))
		for i, n := range factors {
			s[i] = strconv.FormatInt(n, 10)
		}
		lists = " (lists multiply: " + strings.Join(s, " × ") + ")"
	}
	return limitError(CodeTooComplex, f.Position, map[string]any{"limit": limit},
		"query too complex: at field %q%s it passes the cost limit of %d%s; ask for fewer items with first, or fewer nested lists",
		f.Name, w.via(), limit, lists)
}

// listSize is how many items the list field def returns at most.
func (w *walk) listSize(typ string, def *schemaast.FieldDefinition, f *ast.Field) int64 {
	switch {
	case typ == "Query" && def.Name == "path":
		return w.intArg(def, f, "maxHops", 1, graph.MaxHops)
	case def.Arguments.Get("first") != nil:
		return w.intArg(def, f, "first", 1, graph.MaxPageSize)
	}
	return unboundedListSize
}

// childSizes gives the list sizes a field's arguments decide for the lists
// inside its object: a connection's edges, a subgraph's nodes and edges.
func (w *walk) childSizes(typ string, def *schemaast.FieldDefinition, f *ast.Field) map[string]int64 {
	switch {
	case typ == "Query" && def.Name == "subgraph":
		n := w.intArg(def, f, "limit", 1, graph.MaxSubgraphNodes)
		return map[string]int64{"nodes": n, "edges": 10 * n}
	case !isList(def.Type) && def.Arguments.Get("first") != nil:
		return map[string]int64{"edges": w.intArg(def, f, "first", 1, graph.MaxPageSize)}
	}
	return nil
}

// intArg reads an Int argument from the literal, the request's variables,
// the variable's default or the schema's default, and clamps it to
// [lo, hi]; what cannot be read counts as hi.
func (w *walk) intArg(def *schemaast.FieldDefinition, f *ast.Field, name string, lo, hi int64) int64 {
	n, ok := w.argValue(def, f, name)
	if !ok {
		return hi
	}
	return max(lo, min(n, hi))
}

func (w *walk) argValue(def *schemaast.FieldDefinition, f *ast.Field, name string) (int64, bool) {
	schemaDefault := func() (int64, bool) {
		if a := def.Arguments.Get(name); a != nil && a.Default != nil {
			return toInt(a.Default.Deserialize(nil))
		}
		return 0, false
	}
	a := f.Arguments.ForName(name)
	if a == nil || a.Value == nil {
		return schemaDefault()
	}
	switch a.Value.Kind {
	case ast.IntValue:
		n, err := strconv.ParseInt(a.Value.Raw, 10, 64)
		return n, err == nil
	case ast.Variable:
		if v, given := w.vars[a.Value.Raw]; given {
			return toInt(v)
		}
		if vd := w.op.VariableDefinitions.ForName(a.Value.Raw); vd != nil && vd.DefaultValue != nil {
			if vd.DefaultValue.Kind == ast.IntValue {
				n, err := strconv.ParseInt(vd.DefaultValue.Raw, 10, 64)
				return n, err == nil
			}
			return 0, false
		}
		return schemaDefault() // an unset variable leaves the argument unset
	}
	return 0, false
}

func toInt(v any) (int64, bool) {
	switch n := v.(type) {
	case int32:
		return int64(n), true
	case int:
		return int64(n), true
	case int64:
		return n, true
	case float64:
		if n != math.Trunc(n) || math.IsInf(n, 0) || math.IsNaN(n) {
			return 0, false
		}
		return int64(max(math.MinInt32, min(n, math.MaxInt32))), true
	case json.Number:
		i, err := n.Int64()
		return i, err == nil
	}
	return 0, false
}

// fieldDef finds a field of type typ and the name of the type it returns;
// unknown fields give nil and "" (graphql-go refuses them later, but their
// selections are still counted).
func (v *validator) fieldDef(typ, name string) (*schemaast.FieldDefinition, string) {
	switch name {
	case "__schema":
		return nil, "__Schema"
	case "__type":
		return nil, "__Type"
	}
	var fields schemaast.FieldsDefinition
	switch t := v.types[typ].(type) {
	case *schemaast.ObjectTypeDefinition:
		fields = t.Fields
	case *schemaast.InterfaceTypeDefinition:
		fields = t.Fields
	}
	def := fields.Get(name)
	if def == nil {
		return nil, ""
	}
	return def, namedType(def.Type)
}

func isList(t schemaast.Type) bool {
	for {
		switch tt := t.(type) {
		case *schemaast.NonNull:
			t = tt.OfType
		case *schemaast.List:
			return true
		default:
			return false
		}
	}
}

func namedType(t schemaast.Type) string {
	for {
		switch tt := t.(type) {
		case *schemaast.NonNull:
			t = tt.OfType
		case *schemaast.List:
			t = tt.OfType
		case schemaast.NamedType:
			return tt.TypeName()
		default:
			return ""
		}
	}
}

func satMul(a, b int64) int64 {
	if a == 0 || b == 0 {
		return 0
	}
	if a > math.MaxInt64/b {
		return math.MaxInt64
	}
	return a * b
}

func satAdd(a, b int64) int64 {
	if a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}
