package python

import (
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

	"sockrepl/sockets"
)

// pyModule is a built-in module: a starlarkstruct.Module whose missing
// attributes raise Python's AttributeError and whose repr is Python's.
type pyModule struct {
	*starlarkstruct.Module
}

func (m pyModule) Attr(name string) (starlark.Value, error) {
	if v := m.Members[name]; v != nil {
		return v, nil
	}
	if name == "__name__" {
		return starlark.String(m.Name), nil
	}
	return nil, suggest(pyErrorf("AttributeError", "module '%s' has no attribute '%s'", m.Name, name), name, attrNamesOf(m))
}

func (m pyModule) Repr() string { return "<module '" + m.Name + "' (built-in)>" }

func newModule(name string, members starlark.StringDict) pyModule {
	members.Freeze()
	return pyModule{&starlarkstruct.Module{Name: name, Members: members}}
}

// newSocketModule is the socket module of one session. Members:
//
//	socket(family=AF_INET, type=SOCK_STREAM, proto=0)   the socket class
//	socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0)
//	create_connection(address, timeout=None, source_address=None)
//	send_fds(sock, buffers, fds), recv_fds(sock, bufsize, maxfds)
//	CMSG_LEN(n), CMSG_SPACE(n)
//	gethostname(), gethostbyname(host)
//	getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)
//	htons, ntohs, htonl, ntohl
//	inet_aton, inet_ntoa, inet_pton, inet_ntop
//	getdefaulttimeout(), setdefaulttimeout(t)
//	create_server, has_dualstack_ipv6, has_ipv6, fromfd (sockextra.go)
//	getservbyname, getservbyport, getprotobyname (sockextra.go)
//	error (OSError), timeout (TimeoutError), gaierror
//	every constant of sockets.Constants(): AF_*, SOCK_*, SOL_*, SO_*,
//	IPPROTO_*, TCP_*, SHUT_*, MSG_*, AI_*, ... (enum members where
//	CPython has an enum)
func newSocketModule(rt *sockets.Runtime) pyModule {
	m := starlark.StringDict{
		"socket":             socketClass(rt),
		"SocketType":         socketClass(rt),
		"socketpair":         starlark.NewBuiltin("socketpair", socketpairFn(rt)),
		"create_connection":  starlark.NewBuiltin("create_connection", createConnectionFn(rt)),
		"send_fds":           starlark.NewBuiltin("send_fds", sendFdsFn),
		"recv_fds":           starlark.NewBuiltin("recv_fds", recvFdsFn),
		"CMSG_LEN":           starlark.NewBuiltin("CMSG_LEN", cmsgFn("CMSG_LEN", sockets.CmsgLen)),
		"CMSG_SPACE":         starlark.NewBuiltin("CMSG_SPACE", cmsgFn("CMSG_SPACE", sockets.CmsgSpace)),
		"gethostname":        starlark.NewBuiltin("gethostname", gethostnameFn),
		"gethostbyname":      starlark.NewBuiltin("gethostbyname", gethostbynameFn),
		"getaddrinfo":        starlark.NewBuiltin("getaddrinfo", getaddrinfoFn),
		"getdefaulttimeout":  starlark.NewBuiltin("getdefaulttimeout", getdefaulttimeoutFn(rt)),
		"setdefaulttimeout":  starlark.NewBuiltin("setdefaulttimeout", setdefaulttimeoutFn(rt)),
		"create_server":      starlark.NewBuiltin("create_server", createServerFn(rt)),
		"has_dualstack_ipv6": starlark.NewBuiltin("has_dualstack_ipv6", hasDualstackFn),
		"has_ipv6":           starlark.True,
		"fromfd":             starlark.NewBuiltin("fromfd", fromfdFn(rt)),
		"getservbyname":      starlark.NewBuiltin("getservbyname", getservbynameFn),
		"getservbyport":      starlark.NewBuiltin("getservbyport", getservbyportFn),
		"getprotobyname":     starlark.NewBuiltin("getprotobyname", getprotobynameFn),
		"htons":              starlark.NewBuiltin("htons", swapFn("htons", sockets.Htons)),
		"ntohs":              starlark.NewBuiltin("ntohs", swapFn("ntohs", sockets.Ntohs)),
		"htonl":              starlark.NewBuiltin("htonl", swapFn("htonl", sockets.Htonl)),
		"ntohl":              starlark.NewBuiltin("ntohl", swapFn("ntohl", sockets.Ntohl)),
		"inet_aton":          starlark.NewBuiltin("inet_aton", inetAtonFn),
		"inet_ntoa":          starlark.NewBuiltin("inet_ntoa", inetNtoaFn),
		"inet_pton":          starlark.NewBuiltin("inet_pton", inetPtonFn),
		"inet_ntop":          starlark.NewBuiltin("inet_ntop", inetNtopFn),
		"error":              osError,
		"timeout":            exceptionClasses["TimeoutError"],
		"gaierror":           exceptionClasses["socket.gaierror"],
		"herror":             exceptionClasses["socket.herror"],
		"AddressFamily":      &pyType{name: "AddressFamily", kind: "enum"},
		"SocketKind":         &pyType{name: "SocketKind", kind: "enum"},
		"MsgFlag":            &pyType{name: "MsgFlag", kind: "enum"},
		"AddressInfo":        &pyType{name: "AddressInfo", kind: "enum"},
	}
	for _, c := range sockets.Constants() {
		if c.Enum != "" {
			m[c.Name] = enumValue(c.Enum, c.Value)
		} else {
			m[c.Name] = starlark.MakeInt(c.Value)
		}
	}
	return newModule("socket", m)
}

// unboundMethods are socket.socket.recv and friends: called with the
// socket as the first argument, as Python allows.
var unboundMethods = func() map[string]*starlark.Builtin {
	m := map[string]*starlark.Builtin{}
	for name := range socketMethods {
		name := name
		m[name] = starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) == 0 {
				return nil, pyErrorf("TypeError", "unbound method socket.%s() needs an argument", name)
			}
			sv, ok := args[0].(*socketValue)
			if !ok {
				return nil, pyErrorf("TypeError", "descriptor '%s' for 'socket' objects doesn't apply to a '%s' object", name, pyTypeName(args[0]))
			}
			bound, err := sv.Attr(name)
			if err != nil {
				return nil, err
			}
			return starlark.Call(thread, bound, args[1:], kwargs)
		})
	}
	return m
}()

// socketClass is socket.socket: calling it makes a socket.
func socketClass(rt *sockets.Runtime) *pyType {
	return &pyType{name: "socket.socket", attrs: unboundMethods, call: func(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) > 4 {
			return nil, pyErrorf("TypeError", "socket.__init__() takes from 1 to 5 positional arguments but %d were given", len(args)+1)
		}
		vals := []starlark.Value{starlark.MakeInt(-1), starlark.MakeInt(-1), starlark.MakeInt(-1), starlark.None}
		copy(vals, args)
		names := []string{"family", "type", "proto", "fileno"}
		for _, kv := range kwargs {
			k := string(kv[0].(starlark.String))
			i := indexOf(names, k)
			if i < 0 {
				return nil, pyErrorf("TypeError", "socket.__init__() got an unexpected keyword argument '%s'", k)
			}
			if i < len(args) {
				return nil, pyErrorf("TypeError", "socket.__init__() got multiple values for argument '%s'", k)
			}
			vals[i] = kv[1]
		}
		if vals[3] != starlark.None {
			return adoptFD(rt, vals)
		}
		var ints [3]int
		for i := 0; i < 3; i++ {
			if vals[i] == starlark.None {
				ints[i] = -1
				continue
			}
			n, err := cIntArg(vals[i])
			if err != nil {
				return nil, err
			}
			ints[i] = n
		}
		if ints[2] < 0 {
			ints[2] = 0
		}
		s, err := rt.Socket(ints[0], ints[1], ints[2])
		if err != nil {
			return nil, err
		}
		return newSocketValue(rt, s), nil
	}}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

// optInts reads up to len(names) optional int arguments (None or absent
// give -1), positional or by keyword.
func optInts(fn string, args starlark.Tuple, kwargs []starlark.Tuple, names ...string) ([]int, error) {
	out := make([]int, len(names))
	vals := make([]starlark.Value, len(names))
	var pairs []any
	for i, n := range names {
		pairs = append(pairs, n+"?", &vals[i])
	}
	if err := starlark.UnpackArgs(fn, args, kwargs, pairs...); err != nil {
		return nil, err
	}
	for i, v := range vals {
		if v == nil || v == starlark.None {
			out[i] = -1
			continue
		}
		n, err := cIntArg(v)
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}

func socketpairFn(rt *sockets.Runtime) builtinFn {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		v, err := optInts("socketpair", args, kwargs, "family", "type", "proto")
		if err != nil {
			return nil, err
		}
		a, b, err := rt.Socketpair(v[0], v[1], v[2])
		if err != nil {
			return nil, err
		}
		return starlark.Tuple{newSocketValue(rt, a), newSocketValue(rt, b)}, nil
	}
}

func createConnectionFn(rt *sockets.Runtime) builtinFn {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var addr, timeout, source starlark.Value = nil, starlark.None, starlark.None
		if len(args) == 0 && len(kwargs) == 0 {
			return nil, pyErrorf("TypeError", "create_connection() missing 1 required positional argument: 'address'")
		}
		if err := starlark.UnpackArgs("create_connection", args, kwargs, "address", &addr, "timeout?", &timeout, "source_address?", &source); err != nil {
			return nil, err
		}
		a, err := fromStarlark(addr)
		if err != nil {
			return nil, err
		}
		t, err := timeoutArg(timeout)
		if err != nil {
			return nil, err
		}
		var src any
		if source != starlark.None {
			if src, err = fromStarlark(source); err != nil {
				return nil, err
			}
		}
		s, err := rt.CreateConnection(a, t, src)
		if err != nil {
			return nil, err
		}
		return newSocketValue(rt, s), nil
	}
}

func gethostnameFn(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args)+len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "_socket.gethostname() takes no arguments (%d given)", len(args)+len(kwargs))
	}
	h, err := sockets.Gethostname()
	if err != nil {
		return nil, err
	}
	return starlark.String(h), nil
}

func gethostbynameFn(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "gethostbyname() takes no keyword arguments")
	}
	if len(args) != 1 {
		return nil, pyErrorf("TypeError", "gethostbyname() takes exactly 1 argument (%d given)", len(args))
	}
	var host string
	switch h := args[0].(type) {
	case starlark.String:
		host = string(h)
	case starlark.Bytes, *byteArray:
		b, _ := asBytes(h)
		host = string(b)
	default:
		return nil, pyErrorf("TypeError", "gethostbyname() argument 1 must be str, bytes or bytearray, not %s", pyTypeName(args[0]))
	}
	a, err := sockets.Gethostbyname(host)
	if err != nil {
		return nil, err
	}
	return starlark.String(a), nil
}

func getaddrinfoFn(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var host, port starlark.Value
	var family, typ, proto, flags starlark.Value = starlark.MakeInt(0), starlark.MakeInt(0), starlark.MakeInt(0), starlark.MakeInt(0)
	if len(args) < 2 && len(kwargs) == 0 {
		missing := []string{"'host' and 'port'", "'port'"}[len(args)]
		return nil, pyErrorf("TypeError", "getaddrinfo() missing %d required positional argument%s: %s", 2-len(args), []string{"s", ""}[len(args)], missing)
	}
	if err := starlark.UnpackArgs("getaddrinfo", args, kwargs, "host", &host, "port", &port,
		"family?", &family, "type?", &typ, "proto?", &proto, "flags?", &flags); err != nil {
		return nil, err
	}
	h, err := fromStarlark(host)
	if err != nil {
		return nil, err
	}
	p, err := fromStarlark(port)
	if err != nil {
		return nil, err
	}
	var ints [4]int
	for i, v := range []starlark.Value{family, typ, proto, flags} {
		if ints[i], err = cIntArg(v); err != nil {
			return nil, err
		}
	}
	res, err := sockets.Getaddrinfo(h, p, ints[0], ints[1], ints[2], ints[3])
	if err != nil {
		return nil, err
	}
	out := make([]starlark.Value, len(res))
	for i, t := range res {
		tv := ToStarlark(t).(starlark.Tuple)
		if len(tv) == 5 {
			if f, ok := t[0].(int); ok {
				tv[0] = enumValue("AddressFamily", f)
			}
			if k, ok := t[1].(int); ok {
				tv[1] = enumValue("SocketKind", k)
			}
		}
		out[i] = tv
	}
	return starlark.NewList(out), nil
}

func swapFn(name string, f func(int) (int, error)) builtinFn {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		v, err := oneArg(name, args, kwargs)
		if err != nil {
			return nil, err
		}
		if !isPyInt(v) {
			return nil, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(v))
		}
		n, _ := bigOf(v)
		if !n.IsInt64() {
			if n.Sign() < 0 {
				return nil, pyErrorf("OverflowError", "%s: can't convert negative Python int to C %d-bit unsigned integer", name, swapBits(name))
			}
			return nil, pyErrorf("OverflowError", "%s: Python int too large to convert to C %d-bit unsigned integer", name, swapBits(name))
		}
		r, err := f(int(n.Int64()))
		if err != nil {
			return nil, err
		}
		return starlark.MakeInt(r), nil
	}
}

func swapBits(name string) int {
	if strings.HasSuffix(name, "s") {
		return 16
	}
	return 32
}

func strArg(fn string, v starlark.Value) (string, error) {
	s, ok := v.(starlark.String)
	if !ok {
		return "", pyErrorf("TypeError", "%s() argument 1 must be str, not %s", fn, pyTypeName(v))
	}
	return string(s), nil
}

func inetAtonFn(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("inet_aton", args, kwargs)
	if err != nil {
		return nil, err
	}
	s, err := strArg("inet_aton", v)
	if err != nil {
		return nil, err
	}
	b, err := sockets.InetAton(s)
	if err != nil {
		return nil, err
	}
	return starlark.Bytes(b), nil
}

func inetNtoaFn(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("inet_ntoa", args, kwargs)
	if err != nil {
		return nil, err
	}
	b, err := dataArg(v)
	if err != nil {
		return nil, err
	}
	s, err := sockets.InetNtoa(b)
	if err != nil {
		return nil, err
	}
	return starlark.String(s), nil
}

func inetPtonFn(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fam, addr starlark.Value
	if err := starlark.UnpackPositionalArgs("inet_pton", args, kwargs, 2, &fam, &addr); err != nil {
		return nil, err
	}
	f, err := cIntArg(fam)
	if err != nil {
		return nil, err
	}
	s, ok := addr.(starlark.String)
	if !ok {
		return nil, pyErrorf("TypeError", "inet_pton() argument 2 must be str, not %s", pyTypeName(addr))
	}
	b, err := sockets.InetPton(f, string(s))
	if err != nil {
		return nil, err
	}
	return starlark.Bytes(b), nil
}

func inetNtopFn(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fam, packed starlark.Value
	if err := starlark.UnpackPositionalArgs("inet_ntop", args, kwargs, 2, &fam, &packed); err != nil {
		return nil, err
	}
	f, err := cIntArg(fam)
	if err != nil {
		return nil, err
	}
	b, err := dataArg(packed)
	if err != nil {
		return nil, err
	}
	s, err := sockets.InetNtop(f, b)
	if err != nil {
		return nil, err
	}
	return starlark.String(s), nil
}
