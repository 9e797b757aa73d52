package python

import (
	"go.starlark.net/starlark"
	"golang.org/x/sys/unix"

	"sockrepl/sockets"
)

// The socket module's functions beyond the basics: create_server, the
// default timeout, fromfd and socket(fileno=...), and the services and
// protocols databases.

func getdefaulttimeoutFn(rt *sockets.Runtime) builtinFn {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args)+len(kwargs) > 0 {
			return nil, pyErrorf("TypeError", "_socket.getdefaulttimeout() takes no arguments (%d given)", len(args)+len(kwargs))
		}
		return timeoutValue(rt.DefaultTimeout()), nil
	}
}

func setdefaulttimeoutFn(rt *sockets.Runtime) builtinFn {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := noKwargs("setdefaulttimeout", kwargs); err != nil {
			return nil, err
		}
		if len(args) != 1 {
			return nil, pyErrorf("TypeError", "_socket.setdefaulttimeout() takes exactly one argument (%d given)", len(args))
		}
		t, err := timeoutArg(args[0])
		if err != nil {
			return nil, err
		}
		return starlark.None, rt.SetDefaultTimeout(t)
	}
}

func hasDualstackFn(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if _, err := bindArgs("has_dualstack_ipv6", false, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.True, nil
}

// createServerFn is socket.create_server(address, *, family=AF_INET,
// backlog=None, reuse_port=False, dualstack_ipv6=False), as socket.py
// builds it: SO_REUSEADDR, SO_REUSEPORT if asked, IPV6_V6ONLY for IPv6,
// bind (an OSError names the address), listen.
func createServerFn(rt *sockets.Runtime) builtinFn {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		v, err := bindArgs("create_server", false, args, kwargs, "address", "*family?", "*backlog?", "*reuse_port?", "*dualstack_ipv6?")
		if err != nil {
			return nil, err
		}
		family := unix.AF_INET
		if v[1] != nil {
			if family, err = cIntArg(v[1]); err != nil {
				return nil, err
			}
		}
		reusePort := v[3] != nil && bool(v[3].Truth())
		dualstack := v[4] != nil && bool(v[4].Truth())
		if dualstack && family != unix.AF_INET6 {
			return nil, pyErrorf("ValueError", "dualstack_ipv6 requires AF_INET6 family")
		}
		s, err := rt.Socket(family, unix.SOCK_STREAM, 0)
		if err != nil {
			return nil, err
		}
		fail := func(err error) (starlark.Value, error) {
			s.Close()
			return nil, err
		}
		s.Setsockopt(unix.SOL_SOCKET, unix.SO_REUSEADDR, 1) // as socket.py, errors ignored
		if reusePort {
			if err := s.Setsockopt(unix.SOL_SOCKET, unix.SO_REUSEPORT, 1); err != nil {
				return fail(err)
			}
		}
		if family == unix.AF_INET6 {
			only := 1
			if dualstack {
				only = 0
			}
			if err := s.Setsockopt(unix.IPPROTO_IPV6, unix.IPV6_V6ONLY, only); err != nil {
				return fail(err)
			}
		}
		addr, err := addrArg(v[0])
		if err != nil {
			return fail(err)
		}
		if err := s.Bind(addr); err != nil {
			pe := asPyError(err)
			if !exceptionClassOf(pe).isSubclass(osError) {
				return fail(err)
			}
			inst := exceptionValue(pe)
			strerror := orNone(inst.exc.strerror)
			errno := orNone(inst.exc.errno)
			msg := pyStr(strerror) + " (while attempting to bind on address " + Repr(v[0]) + ")"
			class := "OSError"
			if n, ok := smallIntOf(errno); ok {
				if c, ok := errnoClasses[int(n)]; ok {
					class = c
				}
			}
			return fail(&PyError{Class: class, Errno: pe.Errno, Msg: "[Errno " + pyStr(errno) + "] " + msg, Args: starlark.Tuple{errno, starlark.String(msg)}})
		}
		if b := orNone(v[2]); b != starlark.None {
			n, err := cIntArg(b)
			if err != nil {
				return fail(err)
			}
			err = s.Listen(n)
		} else {
			err = s.Listen()
		}
		if err != nil {
			return fail(err)
		}
		return newSocketValue(rt, s), nil
	}
}

// fromfdFn is socket.fromfd(fd, family, type, proto=0): a socket on a
// duplicate of fd.
func fromfdFn(rt *sockets.Runtime) builtinFn {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		v, err := bindArgs("fromfd", false, args, kwargs, "fd", "family", "type", "proto?")
		if err != nil {
			return nil, err
		}
		if v[3] == nil {
			v[3] = starlark.MakeInt(0)
		}
		var ints [4]int
		for i, x := range v {
			if ints[i], err = cIntArg(x); err != nil {
				return nil, err
			}
		}
		s, err := rt.FromFD(ints[0], ints[1], ints[2], ints[3])
		if err != nil {
			return nil, err
		}
		return newSocketValue(rt, s), nil
	}
}

// adoptFD is socket.socket(family, type, proto, fileno): allowed for a
// descriptor that detach() or recv_fds() handed out, which the shell
// still owns.
func adoptFD(rt *sockets.Runtime, vals []starlark.Value) (starlark.Value, error) {
	fd, err := cIntArg(vals[3])
	if err != nil {
		return nil, err
	}
	if fd < 0 {
		return nil, pyErrorf("ValueError", "negative file descriptor")
	}
	if !rt.Detached(fd) {
		return nil, pyErrorf("ValueError", "socket(fileno=...) takes only a descriptor that detach() or recv_fds() gave out: for another socket's descriptor use s.dup() or socket.fromfd(fd, family, type)")
	}
	var ints [3]int
	for i := 0; i < 3; i++ {
		ints[i] = -1
		if vals[i] != starlark.None {
			if ints[i], err = cIntArg(vals[i]); err != nil {
				return nil, err
			}
		}
	}
	s, err := rt.Adopt(fd, ints[0], ints[1], ints[2])
	if err != nil {
		return nil, err
	}
	return newSocketValue(rt, s), nil
}

// strArgN reads argument n of fn as a str.
func strArgN(fn string, n int, v starlark.Value) (string, error) {
	s, ok := v.(starlark.String)
	if !ok {
		return "", pyErrorf("TypeError", "%s() argument %d must be str, not %s", fn, n, pyTypeName(v))
	}
	return string(s), nil
}

// protoArgs reads the (first[, proto]) arguments of the services
// functions, PyArg_ParseTuple style.
func protoArgs(fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, string, error) {
	if err := noKwargs(fn, kwargs); err != nil {
		return nil, "", err
	}
	switch {
	case len(args) == 0:
		return nil, "", pyErrorf("TypeError", "%s() takes at least 1 argument (0 given)", fn)
	case len(args) > 2:
		return nil, "", pyErrorf("TypeError", "%s() takes at most 2 arguments (%d given)", fn, len(args))
	}
	proto := ""
	if len(args) == 2 {
		p, err := strArgN(fn, 2, args[1])
		if err != nil {
			return nil, "", err
		}
		proto = p
	}
	return args[0], proto, nil
}

func getservbynameFn(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	first, proto, err := protoArgs("getservbyname", args, kwargs)
	if err != nil {
		return nil, err
	}
	name, err := strArgN("getservbyname", 1, first)
	if err != nil {
		return nil, err
	}
	port, err := sockets.Getservbyname(name, proto)
	if err != nil {
		return nil, err
	}
	return starlark.MakeInt(port), nil
}

func getservbyportFn(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	first, proto, err := protoArgs("getservbyport", args, kwargs)
	if err != nil {
		return nil, err
	}
	if !isPyInt(first) {
		return nil, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(first))
	}
	port, ok := smallIntOf(first)
	if !ok {
		return nil, pyErrorf("OverflowError", "Python int too large to convert to C long")
	}
	if port < -1<<31 || port >= 1<<31 {
		port = -1 // CPython's C int check comes after the range message
	}
	name, err := sockets.Getservbyport(int(port), proto)
	if err != nil {
		return nil, err
	}
	return starlark.String(name), nil
}

func getprotobynameFn(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("getprotobyname", args, kwargs)
	if err != nil {
		return nil, pyErrorf("TypeError", "getprotobyname() takes exactly 1 argument (%d given)", len(args)+len(kwargs))
	}
	name, err := strArgN("getprotobyname", 1, v)
	if err != nil {
		return nil, err
	}
	n, err := sockets.Getprotobyname(name)
	if err != nil {
		return nil, err
	}
	return starlark.MakeInt(n), nil
}
