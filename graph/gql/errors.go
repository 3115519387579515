package gql

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	gqlerrors "github.com/graph-gophers/graphql-go/errors"

	"newsgraph"
	"newsgraph/graph"
)

// Error codes clients find in a GraphQL error's extensions.code.
const (
	CodeBadInput        = "BAD_INPUT"       // the request's arguments are wrong; the message says how
	CodeNotFound        = "NOT_FOUND"       // an id or name is not in the graph
	CodeConflict        = "CONFLICT"        // an article id is stored with another text
	CodeForbidden       = "FORBIDDEN"       // mutations are disabled, or need POST
	CodeUnauthenticated = "UNAUTHENTICATED" // mutations need the bearer token
	CodeTimeout         = "TIMEOUT"         // the request ran out of time
	CodeInternal        = "INTERNAL"        // anything else; details are in the server log only
	CodeDataCorrupt     = "DATA_CORRUPT"    // stored data failed its checksum; restore a backup
	CodeStorageFull     = "STORAGE_FULL"    // too little free disk space to ingest; reads go on
)

// Error is the one error type resolvers return: a code for programs and a
// message for people. Internal errors carry a generic message; their detail
// goes to the log.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Extensions puts the code into the GraphQL error (graphql-go calls it).
func (e *Error) Extensions() map[string]any { return map[string]any{"code": e.Code} }

func badInput(msg string) *Error { return &Error{Code: CodeBadInput, Message: cut(msg)} }

// maxEcho is the most of a message's middle (where the echoed input sits)
// kept in an error: an id of 900 KB is not sent back.
const maxEcho = 200

// cut shortens a long message to its first maxEcho characters and its last
// 80 (the reason), saying how much was left out.
func cut(msg string) string {
	r := []rune(msg)
	if len(r) <= maxEcho+80 {
		return msg
	}
	return fmt.Sprintf("%s…[%d characters cut]…%s", string(r[:maxEcho]), len(r)-maxEcho-80, string(r[len(r)-80:]))
}

// classify maps a store or extractor error to an *Error, logging the ones
// whose detail is not for clients.
func classify(ctx context.Context, log *slog.Logger, op string, err error) error {
	var e *Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &e):
		return e
	case errors.Is(err, graph.ErrNotFound):
		return &Error{Code: CodeNotFound, Message: cut(err.Error())}
	case errors.Is(err, graph.ErrBadInput), errors.Is(err, graph.ErrBadCursor), errors.Is(err, graph.ErrTooBig),
		errors.Is(err, newsgraph.ErrEmpty), errors.Is(err, newsgraph.ErrTooLarge),
		errors.Is(err, newsgraph.ErrNotText), errors.Is(err, newsgraph.ErrBadRecord):
		return badInput(err.Error())
	case errors.Is(err, graph.ErrCorrupt):
		log.ErrorContext(ctx, "stored data is corrupt", "op", op, "err", err)
		return &Error{Code: CodeDataCorrupt, Message: cut(err.Error())}
	case errors.Is(err, graph.ErrStorageFull):
		log.WarnContext(ctx, "ingest refused: disk space", "err", err)
		return &Error{Code: CodeStorageFull, Message: cut(err.Error())}
	case errors.Is(err, graph.ErrConflict):
		return &Error{Code: CodeConflict, Message: cut(err.Error())}
	case errors.Is(err, context.DeadlineExceeded):
		return &Error{Code: CodeTimeout, Message: "request timed out"}
	case errors.Is(err, context.Canceled):
		return &Error{Code: CodeTimeout, Message: "request cancelled"}
	}
	log.ErrorContext(ctx, "graphql resolver failed", "op", op, "err", err)
	return &Error{Code: CodeInternal, Message: "internal error"}
}

// panicHandler logs a resolver panic and shows the client only INTERNAL.
type panicHandler struct{ log *slog.Logger }

func (p panicHandler) MakePanicError(ctx context.Context, v any) *gqlerrors.QueryError {
	p.log.ErrorContext(ctx, "graphql resolver panicked", "panic", v)
	qe := gqlerrors.Errorf("internal error")
	qe.Extensions = map[string]any{"code": CodeInternal}
	return qe
}
