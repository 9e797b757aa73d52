// Package python is sockrepl's Python interpreter: Python 3 as CPython
// 3.11 behaves, evaluated by go.starlark.net over the sockets package.
//
// One Interp holds one live global namespace (globals.go); Exec runs a
// statement or a program through translate, the echo of expression
// statements, the memory watch and Starlark, and returns a *PyError, an
// *ExitError or nil. The shell, the lessons and the tests all run
// statements through it.
//
// Layout: interp.go is the entry point; error.go turns every failure into
// a Python exception; repr.go, format.go and pytype.go print values as
// Python does; builtins*.go, strmethods.go, bytesmethods.go,
// listmethods.go and bytearray.go give the built-in functions and
// methods; socket*.go, selectmod.go, structmod.go, timemod.go and
// osmod.go are the modules; limits.go keeps runaway statements from
// taking the machine; help.go holds help().
//
// The modules an import brings in are tables (moduletable.go), one file
// each (errnomod.go, jsonmod.go, datetimemod.go...). Types that Python
// code uses but does not subclass (BytesIO, Struct, datetime, array,
// memoryview) are Go values with a methodSet (methods.go), registered so
// that type(x) is their class; buffer.go is the buffer protocol that
// recv_into and pack_into fill; args.go places arguments with CPython's
// messages. The I/O types (poll and epoll objects, selectors and their
// keys, socket files, argparse's parser, actions and groups) are goType
// values (gotype.go): pollobj.go, epollobj.go, selector*.go, sockfile*.go
// with sockmakefile.go and sockextra.go, argparse_*.go with textwrap.go.
// docs/MODULES.md says what each module offers and lacks.
// unreferenced.go closes the sockets nothing refers to; recvreuse.go
// receives into the last result's buffer where the translator has proved
// nothing else can hold it (translate/recvreuse.go).
package python
