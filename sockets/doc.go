// Package sockets gives Python socket-module semantics over real Linux
// system calls (golang.org/x/sys/unix).
//
// It knows nothing of Starlark, terminals or colour. Values that cross the
// API use plain Go types standing for Python values:
//
//	None  -> nil          int   -> int        float -> float64
//	str   -> string       bytes -> []byte     tuple -> Tuple
//	bool  -> bool
//
// Every error returned is a *Error that names the Python exception class,
// the errno and CPython's message, wrapped once at the syscall.
//
// Every wait (accept, connect, recv, send, select, sleep) goes through one
// helper that polls the socket together with the Runtime's wake fd, so
// Runtime.Interrupt ends any blocked call with KeyboardInterrupt and leaves
// the socket as it was, and an observer sees a Progress report about every
// 100 ms.
package sockets
