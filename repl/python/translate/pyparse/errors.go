package pyparse

import "fmt"

// Error is a syntax error as CPython reports it.
type Error struct {
	// Kind is "SyntaxError", "IndentationError", "TabError" or
	// "RecursionError" (input nested too deeply to compile).
	Kind string
	Msg  string
	// Lineno and Offset locate the error like SyntaxError's attributes:
	// 1-based line, 1-based column (CPython counts bytes here too).
	// EndLineno and EndOffset are 0 when CPython leaves them unset.
	Lineno, Offset       int
	EndLineno, EndOffset int
	// Text is the source line the error is on, without its newline.
	Text     string
	Filename string
	// Incomplete is true when more input could make the source valid: an
	// open bracket, an unterminated triple-quoted string, a trailing
	// backslash, a block header without a body yet.
	Incomplete bool

	// inField: already placed as CPython places errors inside an
	// f-string's replacement field.
	inField bool
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", e.Filename, e.Lineno, e.Offset, e.Kind, e.Msg)
}

// Message kinds.
const (
	kindSyntax    = "SyntaxError"
	kindIndent    = "IndentationError"
	kindTab       = "TabError"
	kindRecursion = "RecursionError"
)

// bail carries an *Error up through the recursive descent: the parser
// panics with it and Parse recovers exactly this type.
type bail struct{ err *Error }
