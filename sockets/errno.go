//go:build linux

package sockets

import (
	"errors"
	"strconv"
	"strings"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// sysError wraps an errno from the system call op once, as CPython would
// raise it: the OSError subclass PEP 3151 maps the errno to, and
// "[Errno N] strerror" as glibc words it.
func sysError(op string, err error) *Error {
	e, ok := err.(unix.Errno) // what system calls return: no errors.As walk
	if !ok {
		// A variable of its own: one whose address errors.As takes
		// lives on the heap, and e would cost every error an allocation.
		var wrapped unix.Errno
		if !errors.As(err, &wrapped) {
			return &Error{Class: "OSError", Msg: err.Error(), Op: op, Err: err}
		}
		e = wrapped
	}
	return &Error{
		Class: errnoClass(e),
		Errno: int(e),
		Msg:   errnoMessage(e),
		Op:    op,
		Err:   e,
	}
}

// errnoMessages caches "[Errno 11] Resource temporarily unavailable" for
// the errnos below 256: a non-blocking loop meets EAGAIN at every turn.
var errnoMessages [256]atomic.Pointer[string]

func errnoMessage(e unix.Errno) string {
	if e >= 0 && int(e) < len(errnoMessages) {
		if m := errnoMessages[e].Load(); m != nil {
			return *m
		}
	}
	m := "[Errno " + strconv.Itoa(int(e)) + "] " + strerror(e)
	if e >= 0 && int(e) < len(errnoMessages) {
		errnoMessages[e].Store(&m)
	}
	return m
}

// errnoClass is CPython's errno -> exception class table (PEP 3151).
func errnoClass(e unix.Errno) string {
	switch e {
	case unix.EAGAIN, unix.EALREADY, unix.EINPROGRESS:
		return "BlockingIOError"
	case unix.ECHILD:
		return "ChildProcessError"
	case unix.EPIPE, unix.ESHUTDOWN:
		return "BrokenPipeError"
	case unix.ECONNABORTED:
		return "ConnectionAbortedError"
	case unix.ECONNREFUSED:
		return "ConnectionRefusedError"
	case unix.ECONNRESET:
		return "ConnectionResetError"
	case unix.EEXIST:
		return "FileExistsError"
	case unix.ENOENT:
		return "FileNotFoundError"
	case unix.EISDIR:
		return "IsADirectoryError"
	case unix.ENOTDIR:
		return "NotADirectoryError"
	case unix.EINTR:
		return "InterruptedError"
	case unix.EACCES, unix.EPERM:
		return "PermissionError"
	case unix.ESRCH:
		return "ProcessLookupError"
	case unix.ETIMEDOUT:
		return "TimeoutError"
	}
	return "OSError"
}

// strerror is glibc's message. Go's table is glibc's text in lower case,
// so only the first letter and unknown numbers need fixing.
func strerror(e unix.Errno) string {
	if e == unix.EHWPOISON { // missing from Go's table
		return "Memory page has hardware error"
	}
	s := e.Error()
	if s == "" || strings.HasPrefix(s, "errno ") {
		return "Unknown error " + strconv.Itoa(int(e))
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// errnoName is the symbolic name strace prints: "ECONNREFUSED".
func errnoName(e unix.Errno) string {
	if n := unix.ErrnoName(e); n != "" {
		return n
	}
	return strconv.Itoa(int(e))
}

// PathError is the OSError CPython raises for a call on a file name:
// "[Errno 2] No such file or directory: '/tmp/x'".
func PathError(op string, err error, path any) *Error {
	e := sysError(op, err)
	if e.Errno != 0 {
		e.Msg += ": " + Repr(path)
	}
	return e
}

// Strerror is os.strerror(n): glibc's message for any int, "Success" for
// 0 and "Unknown error N" for a number it does not know.
func Strerror(n int) string {
	if n == 0 {
		return "Success"
	}
	if n < 0 {
		return "Unknown error " + strconv.Itoa(n)
	}
	return strerror(unix.Errno(n))
}
