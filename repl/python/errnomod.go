package python

import (
	"sort"

	"go.starlark.net/starlark"
	"golang.org/x/sys/unix"

	"sockrepl/sockets"
)

// errnoAliases are the second names Linux gives three numbers (x/sys/unix
// names each number once). Python's errorcode keeps, for each number, the
// name its table lists last (errnoCanonical).
var errnoAliases = map[string]unix.Errno{
	"EWOULDBLOCK": unix.EAGAIN,
	"EDEADLOCK":   unix.EDEADLK,
	"EOPNOTSUPP":  unix.EOPNOTSUPP,
}

// errnoRenamed are numbers x/sys/unix calls by a name CPython lacks.
var errnoRenamed = map[string]string{"EFSCORRUPTED": "EUCLEAN"}

// errnoCanonical is errorcode's choice for the numbers that have two names.
var errnoCanonical = map[unix.Errno]string{
	unix.EAGAIN:     "EAGAIN",
	unix.EDEADLK:    "EDEADLOCK",
	unix.EOPNOTSUPP: "ENOTSUP",
}

// errnoNames is every errno name CPython 3.11 defines on Linux, with its
// number: x/sys/unix's table of names, plus the aliases. Numbers run to
// ERFKILL (132): EHWPOISON (133) came to the errno module in 3.12.
func errnoNames() map[string]unix.Errno {
	const last = 132
	names := map[string]unix.Errno{}
	for n := unix.Errno(1); n <= last; n++ {
		if name := unix.ErrnoName(n); name != "" {
			if py, ok := errnoRenamed[name]; ok {
				name = py
			}
			names[name] = n
		}
	}
	for name, n := range errnoAliases {
		names[name] = n
	}
	return names
}

// errnoDocs explain the numbers socket programs compare e.errno with.
var errnoDocs = map[string]string{
	"ECONNREFUSED": "111: nothing listens at that address (connect); compare e.errno with it in an except clause.",
	"EADDRINUSE":   "98: the address is taken (bind), often by a socket in TIME_WAIT: SO_REUSEADDR lets a server rebind it.",
	"EAGAIN":       "11 (also EWOULDBLOCK): a non-blocking call had nothing to do yet; BlockingIOError carries it.",
	"EINPROGRESS":  "115: a non-blocking connect() has started; wait until the socket is writable.",
	"ECONNRESET":   "104: the peer reset the connection (it closed with data unread, or it was never there).",
	"EPIPE":        "32: writing to a connection the peer has closed; BrokenPipeError carries it.",
	"EINTR":        "4: a wait was interrupted by a signal.",
	"ETIMEDOUT":    "110: the peer stopped answering (connect or keepalive gave up).",
}

// newErrnoModule is errno: each error number by name, and errorcode, the
// names by number.
func newErrnoModule(*Interp) starlark.Value {
	names := errnoNames()
	sorted := make([]string, 0, len(names))
	for name := range names {
		sorted = append(sorted, name)
	}
	sort.Strings(sorted)
	codes := starlark.NewDict(len(names))
	var rows []row
	for _, name := range sorted {
		n := names[name]
		r := row{name: name, value: starlark.MakeInt(int(n))}
		if doc, ok := errnoDocs[name]; ok {
			r.sig, r.doc = "errno."+name, doc
		}
		rows = append(rows, r)
		if c, ok := errnoCanonical[n]; ok && c != name {
			continue
		}
		codes.SetKey(starlark.MakeInt(int(n)), starlark.String(name))
	}
	rows = append(rows, row{name: "errorcode", value: codes, sig: "errno.errorcode", doc: "A dict from error number to name: errno.errorcode[111] is 'ECONNREFUSED'."})
	return table{name: "errno", doc: "Error numbers by name (errno.ECONNREFUSED is 111) and errorcode, names by number; os.strerror(n) gives the message. Every Linux name is here; those below are the ones socket programs compare e.errno with.", rows: rows}.module()
}

// osStrerror is os.strerror(code): glibc's message for an error number.
func osStrerror(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "posix.strerror() takes no keyword arguments")
	}
	if len(args) != 1 {
		return nil, pyErrorf("TypeError", "posix.strerror() takes exactly one argument (%d given)", len(args))
	}
	n, err := cIntArgStrict(args[0])
	if err != nil {
		return nil, err
	}
	return starlark.String(sockets.Strerror(n)), nil
}

// cIntArgStrict is Argument Clinic's int conversion: a Python int that
// fits a C int, with one message for every overflow.
func cIntArgStrict(v starlark.Value) (int, error) {
	if !isPyInt(v) {
		return 0, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(v))
	}
	x, ok := smallIntOf(v)
	if !ok || x > 1<<31-1 || x < -1<<31 {
		return 0, pyErrorf("OverflowError", "Python int too large to convert to C int")
	}
	return int(x), nil
}
