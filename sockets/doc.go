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
//
// Where this package knowingly differs from CPython 3.11:
//   - Reprs name enum members (family=AddressFamily.AF_INET), as the
//     source material and Python up to 3.10 show them; 3.11 prints numbers.
//   - recv(n) sizes its buffer from what is queued, so recv(10**12)
//     works where CPython raises MemoryError.
//   - Name resolution is offline (numeric hosts, the empty host, '<broadcast>',
//     /etc/hosts): an unknown name fails at once instead of asking DNS.
//     Otherwise getaddrinfo follows glibc's checks, tables and order.
//   - A host name with non-ASCII letters skips Python's idna codec (ASCII
//     names get its label checks): no such name is known offline, so it
//     fails as unknown where CPython may first raise UnicodeError.
//   - The sockets it creates are O_NONBLOCK in the kernel in every mode
//     (kernelnb.go), which no Python call can see; a descriptor leaving
//     the package (detach(), SCM_RIGHTS) gets CPython's flag first.
//
// A socket's TCP state is the kernel's, read through TCP_INFO. State 7 is
// called CLOSED; note that a socket whose connection went on to TIME_WAIT
// is itself CLOSED: the TIME_WAIT entry lives only in the kernel's table
// (ListKernel).
//
// Files: runtime.go and wait.go hold the Runtime and the wait helper;
// socket.go, connect.go, io.go and dup.go the socket operations;
// kernelnb.go the descriptors' O_NONBLOCK flag; select.go,
// poll.go and epoll.go the waits on many descriptors (select, poll, epoll);
// sockaddr.go the address forms; errno.go and errors.go the exceptions;
// state.go, kernel.go and diag.go the kernel's view; resolve.go,
// getaddrinfo.go, services.go and inet.go the module functions; syscalls.go
// the system calls (in variables, so tests can inject faults);
// collector.go the Go collector's pace for recv loops;
// unsupported.go the non-Linux build.
package sockets
