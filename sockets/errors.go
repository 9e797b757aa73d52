package sockets

import (
	"errors"
	"strconv"
)

// Python exception classes that carry no errno. The repl may build its own
// errors with these constructors so every exception prints the same way.

// TypeError is Python's TypeError with msg as str(exc).
func TypeError(msg string) *Error { return &Error{Class: "TypeError", Msg: msg} }

// ValueError is Python's ValueError.
func ValueError(msg string) *Error { return &Error{Class: "ValueError", Msg: msg} }

// OverflowError is Python's OverflowError.
func OverflowError(msg string) *Error { return &Error{Class: "OverflowError", Msg: msg} }

// UnicodeError is what Python's idna codec raises for a host name it
// cannot encode, with the codec's wording around msg.
func UnicodeError(msg string) *Error {
	return &Error{Class: "UnicodeError", Msg: "encoding with 'idna' codec failed (UnicodeError: " + msg + ")"}
}

// OSError is a plain OSError without an errno, e.g.
// "illegal IP address string passed to inet_aton".
func OSError(msg string) *Error { return &Error{Class: "OSError", Msg: msg} }

// Interrupted is the KeyboardInterrupt a wait ends with after
// Runtime.Interrupt. Python prints it with no message.
func Interrupted(op string) *Error { return &Error{Class: "KeyboardInterrupt", Op: op} }

// IsInterrupted reports whether err is (or wraps) a KeyboardInterrupt.
func IsInterrupted(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Class == "KeyboardInterrupt"
}

// IsTimeout reports whether err is the TimeoutError of a socket timeout.
func IsTimeout(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Class == "TimeoutError"
}

// timedOut is what CPython raises when a socket timeout expires: the class
// is TimeoutError (socket.timeout is an alias) and there is no errno.
func timedOut(op string) *Error { return &Error{Class: "TimeoutError", Msg: "timed out", Op: op} }

// gai error numbers and glibc's gai_strerror text for the ones an offline
// resolver can produce.
const (
	eaiBadFlags   = -1
	eaiNoName     = -2
	eaiFamily     = -6
	eaiSocktype   = -7
	eaiService    = -8
	eaiAddrFamily = -9
)

var gaiText = map[int]string{
	eaiBadFlags:   "Bad value for ai_flags",
	eaiNoName:     "Name or service not known",
	eaiFamily:     "ai_family not supported",
	eaiSocktype:   "ai_socktype not supported",
	eaiService:    "Servname not supported for ai_socktype",
	eaiAddrFamily: "Address family for hostname not supported",
}

// gaiError is socket.gaierror as CPython prints it.
func gaiError(op string, code int) *Error {
	return &Error{
		Class: "socket.gaierror",
		Errno: code,
		Msg:   "[Errno " + strconv.Itoa(code) + "] " + gaiText[code],
		Op:    op,
	}
}
