package translate

import "fmt"

// Error is a Python exception raised while translating: a SyntaxError or
// IndentationError, or an ImportError found at translation time. The
// interpreter turns it into the exception the learner sees.
type Error struct {
	Class string // "SyntaxError", "IndentationError", "ModuleNotFoundError"...
	Msg   string
}

func (e *Error) Error() string { return e.Class + ": " + e.Msg }

// errorf builds an Error of class with a formatted message.
func errorf(class, format string, args ...any) *Error {
	return &Error{Class: class, Msg: fmt.Sprintf(format, args...)}
}
