package translate

import "fmt"

// Error is a Python exception raised while translating: a SyntaxError or
// IndentationError (with where it is, as CPython's SyntaxError carries
// it), or an ImportError found at translation time. The interpreter
// turns it into the exception the learner sees.
type Error struct {
	Class string // "SyntaxError", "IndentationError", "ModuleNotFoundError"...
	Msg   string
	// Where, when known: 1-based line and column (bytes, as CPython's
	// SyntaxError.offset), the file name and the line's text.
	Filename        string
	Line, Col       int
	EndLine, EndCol int
	Text            string
}

func (e *Error) Error() string { return e.Class + ": " + e.Msg }

// errorf builds an Error of class with a formatted message.
func errorf(class, format string, args ...any) *Error {
	return &Error{Class: class, Msg: fmt.Sprintf(format, args...)}
}
