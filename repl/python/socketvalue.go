package python

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"sync/atomic"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"sockrepl/sockets"
)

// socketValue is a socket.socket object: a method table over one
// *sockets.Socket. Values compare and hash by the socket they hold, so a
// socket works as a dict key and select() can hand back the very objects
// it was given.
type socketValue struct {
	s  *sockets.Socket
	rt *sockets.Runtime
	// ioRefs counts the makefile() files still open; closeAsked is
	// socket.close() having been called while some were. CPython keeps
	// the descriptor open until both the socket and its files are closed.
	ioRefs     int
	closeAsked bool
	// lastRecv is the buffers last handed to a recv site (recvreuse.go).
	lastRecv atomic.Pointer[recvBuffers]
}

var (
	_ starlark.HasAttrs   = (*socketValue)(nil)
	_ starlark.Comparable = (*socketValue)(nil)
	_ pyValue             = (*socketValue)(nil)
)

// SocketOf returns the *sockets.Socket behind a socket value (for %ls,
// lessons, completion).
func SocketOf(v starlark.Value) (*sockets.Socket, bool) {
	if sv, ok := v.(*socketValue); ok {
		return sv.s, true
	}
	return nil, false
}

// newSocketValue makes the one Python object of a new socket; the
// interpreter tracks it, to close the socket once nothing refers to the
// object (unreferenced.go).
func newSocketValue(rt *sockets.Runtime, s *sockets.Socket) *socketValue {
	v := &socketValue{s: s, rt: rt}
	if r := registryOf(rt); r != nil {
		r.track(v)
	}
	return v
}

func (v *socketValue) String() string        { return v.Repr() }
func (v *socketValue) Repr() string          { return v.s.ReprClosed(v.closeAsked) }
func (v *socketValue) Type() string          { return "socket" }
func (v *socketValue) Freeze()               {}
func (v *socketValue) Truth() starlark.Bool  { return true }
func (v *socketValue) Hash() (uint32, error) { return ptrHash(v.s), nil }

// ptrHash spreads a pointer's address over 32 bits.
func ptrHash(p *sockets.Socket) uint32 {
	var h uint32 = 2166136261
	for _, c := range []byte(fmt.Sprintf("%p", p)) {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

func (v *socketValue) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	same := v.s == y.(*socketValue).s
	switch op {
	case syntax.EQL:
		return same, nil
	case syntax.NEQ:
		return !same, nil
	}
	return false, pyErrorf("TypeError", "'%s' not supported between instances of 'socket' and 'socket'", op)
}

// socketMethod is one method: how CPython checks its arguments, then the call.
type socketMethod struct {
	style    argStyle
	min, max int
	fn       func(v *socketValue, args starlark.Tuple) (starlark.Value, error)
}

// socketKwMethods are the methods written in Python in CPython's
// socket.py, which take keywords and may call back into Python: each
// checks its own arguments.
var socketKwMethods = map[string]func(thread *starlark.Thread, v *socketValue, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error){
	"makefile": sockMakefile,
	"sendfile": sockSendfile,
}

// argStyle is which CPython argument parser a method uses; each words
// its complaints differently.
type argStyle int

const (
	noArgs    argStyle = iota // METH_NOARGS: "socket.fileno() takes no arguments (1 given)"
	oneArg_                   // METH_O: "socket.bind() takes exactly one argument (0 given)"
	tupleArgs                 // PyArg_ParseTuple: "recv() takes at least 1 argument (0 given)"
	pyMethod                  // a Python-level method: "socket.close() takes 1 positional argument but 2 were given"
	kwArgs                    // PyArg_ParseTupleAndKeywords (recv_into): read by intoArgs
)

var socketMethods = map[string]socketMethod{
	"accept":        {pyMethod, 0, 0, sockAccept},
	"bind":          {oneArg_, 1, 1, sockBind},
	"close":         {pyMethod, 0, 0, sockClose},
	"connect":       {oneArg_, 1, 1, sockConnect},
	"connect_ex":    {oneArg_, 1, 1, sockConnectEx},
	"fileno":        {noArgs, 0, 0, sockFileno},
	"getpeername":   {noArgs, 0, 0, sockGetpeername},
	"getsockname":   {noArgs, 0, 0, sockGetsockname},
	"getsockopt":    {tupleArgs, 2, 3, sockGetsockopt},
	"setsockopt":    {tupleArgs, 3, 3, sockSetsockopt},
	"getblocking":   {noArgs, 0, 0, sockGetblocking},
	"setblocking":   {oneArg_, 1, 1, sockSetblocking},
	"gettimeout":    {noArgs, 0, 0, sockGettimeout},
	"settimeout":    {oneArg_, 1, 1, sockSettimeout},
	"listen":        {tupleArgs, 0, 1, sockListen},
	"recv":          {tupleArgs, 1, 2, sockRecv},
	"recvfrom":      {tupleArgs, 1, 2, sockRecvfrom},
	"recv_into":     {kwArgs, 1, 3, sockRecvInto},
	"recvfrom_into": {kwArgs, 1, 3, sockRecvfromInto},
	"send":          {tupleArgs, 1, 2, sockSend},
	"sendall":       {tupleArgs, 1, 2, sockSendall},
	"sendto":        {tupleArgs, 2, 3, sockSendto},
	"sendmsg":       {tupleArgs, 1, 4, sockSendmsg},
	"recvmsg":       {tupleArgs, 1, 3, sockRecvmsg},
	"shutdown":      {oneArg_, 1, 1, sockShutdown},
	"dup":           {pyMethod, 0, 0, sockDup},
	"detach":        {pyMethod, 0, 0, sockDetach},
	// with socket.socket() as s: the socket is the context manager, and
	// leaving the block closes it.
	"__enter__": {pyMethod, 0, 0, func(v *socketValue, _ starlark.Tuple) (starlark.Value, error) { return v, nil }},
	"__exit__": {pyMethod, 3, 3, func(v *socketValue, _ starlark.Tuple) (starlark.Value, error) {
		_, err := sockClose(v, nil)
		return starlark.None, err
	}},
}

// checkArgs words argument-count errors the way CPython does for style.
func checkArgs(name string, m socketMethod, args starlark.Tuple, kwargs []starlark.Tuple) error {
	n := len(args)
	if len(kwargs) > 0 {
		if m.style == pyMethod {
			return pyErrorf("TypeError", "socket.%s() got an unexpected keyword argument '%s'", name, kwargs[0][0].(starlark.String))
		}
		return pyErrorf("TypeError", "socket.%s() takes no keyword arguments", name)
	}
	if n >= m.min && n <= m.max {
		return nil
	}
	switch m.style {
	case noArgs:
		return pyErrorf("TypeError", "socket.%s() takes no arguments (%d given)", name, n)
	case oneArg_:
		return pyErrorf("TypeError", "socket.%s() takes exactly one argument (%d given)", name, n)
	case pyMethod:
		verb := "were"
		if n+1 == 1 {
			verb = "was"
		}
		return pyErrorf("TypeError", "socket.%s() takes 1 positional argument but %d %s given", name, n+1, verb)
	}
	if name == "sendto" {
		return pyErrorf("TypeError", "sendto() takes 2 or 3 arguments (%d given)", n)
	}
	plural := func(k int) string {
		if k == 1 {
			return "argument"
		}
		return "arguments"
	}
	switch {
	case m.min == m.max:
		return pyErrorf("TypeError", "%s() takes exactly %d %s (%d given)", name, m.min, plural(m.min), n)
	case n < m.min:
		return pyErrorf("TypeError", "%s() takes at least %d %s (%d given)", name, m.min, plural(m.min), n)
	}
	return pyErrorf("TypeError", "%s() takes at most %d %s (%d given)", name, m.max, plural(m.max), n)
}

func (v *socketValue) Attr(name string) (starlark.Value, error) {
	switch name {
	case "family":
		return enumValue("AddressFamily", v.s.Family()), nil
	case "type":
		return enumValue("SocketKind", v.s.Type()), nil
	case "proto":
		return starlark.MakeInt(v.s.Proto()), nil
	case "timeout":
		return timeoutValue(v.s.Gettimeout()), nil
	}
	b, ok := socketBuiltins[name]
	if !ok {
		return nil, suggest(pyErrorf("AttributeError", "'socket' object has no attribute '%s'", name), name, attrNamesOf(v))
	}
	return b.BindReceiver(v), nil
}

// socketBuiltins are the methods as builtins, made once: s.recv only
// binds one to the socket.
var socketBuiltins = func() map[string]*starlark.Builtin {
	out := make(map[string]*starlark.Builtin, len(socketMethods))
	for name, m := range socketMethods {
		out[name] = starlark.NewBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return runSocketMethod(thread, name, m, b.Receiver().(*socketValue), args, kwargs)
		})
	}
	for name, fn := range socketKwMethods {
		out[name] = starlark.NewBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return fn(thread, b.Receiver().(*socketValue), args, kwargs)
		})
	}
	return out
}()

// socketCalls are the same methods for s.recv(...) written as a call:
// the socket comes first in args (starlark.MethodOwner), so no bound
// builtin is made, and they borrow their arguments.
var socketCalls = func() map[string]*starlark.Builtin {
	out := make(map[string]*starlark.Builtin, len(socketMethods))
	for name, m := range socketMethods {
		out[name] = starlark.NewBorrowingBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return runSocketMethod(thread, name, m, args[0].(*socketValue), args[1:], kwargs)
		})
	}
	return out
}()

// UnboundMethod is what starlark.MethodOwner asks for s.name(...).
func (v *socketValue) UnboundMethod(name string) starlark.Value {
	if b, ok := socketCalls[name]; ok {
		return b
	}
	return nil
}

// runSocketMethod calls a socket method and records a failure for the
// shell's hints, with a copy of bind's arguments (they may be borrowed;
// no hint reads another method's, and a non-blocking loop fails often).
func runSocketMethod(thread *starlark.Thread, name string, m socketMethod, v *socketValue, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	res, err := callSocketMethod(thread, name, m, v, args, kwargs)
	if err != nil {
		// Only the main thread's: the shell reads it after Exec.
		if in := interpOf(thread); in != nil && in.current == in.main {
			var kept starlark.Tuple
			if name == "bind" {
				kept = slices.Clone(args)
			}
			in.failed = FailedCall{Socket: v.s, Method: name, Args: kept, Err: err}
		}
	}
	return res, err
}

func callSocketMethod(thread *starlark.Thread, name string, m socketMethod, v *socketValue, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if m.style == kwArgs {
		placed, err := intoArgs(name, args, kwargs)
		if err != nil {
			return nil, err
		}
		return m.fn(v, placed)
	}
	if err := checkArgs(name, m, args, kwargs); err != nil {
		return nil, err
	}
	if name == "recv" { // it needs its caller's frame (recvreuse.go)
		return sockRecvAt(thread, v, args)
	}
	return m.fn(v, args)
}

// FailedCall is the last socket method that raised, so that the shell
// can choose a hint from the state of that socket.
type FailedCall struct {
	Socket *sockets.Socket
	Method string         // "bind", "send"...
	Args   starlark.Tuple // bind's, as passed (its address); nil for other methods
	Err    error
}

// LastFailedCall returns the socket method whose exception e is, when
// the last statement's exception came from one: the same class and errno.
func (in *Interp) LastFailedCall(e *PyError) (FailedCall, bool) {
	f := in.failed
	if f.Socket == nil || e == nil {
		return FailedCall{}, false
	}
	pe := AsException(f.Err)
	if pe == nil || pe.Class != e.Class || pe.Errno != e.Errno || pe.Msg != e.Msg {
		return FailedCall{}, false
	}
	return f, true
}

func (v *socketValue) AttrNames() []string {
	names := []string{"family", "proto", "timeout", "type"}
	for n := range socketMethods {
		names = append(names, n)
	}
	for n := range socketKwMethods {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func timeoutValue(t *float64) starlark.Value {
	if t == nil {
		return starlark.None
	}
	return starlark.Float(*t)
}

// addrArg converts an address argument for the sockets package.
func addrArg(v starlark.Value) (any, error) {
	if nt, ok := v.(*namedTuple); ok {
		v = nt.values // a namedtuple is a tuple
	}
	if t, ok := v.(starlark.Tuple); ok {
		// CPython parses the numbers of an address as C ints and turns the
		// overflow into the range error ("bind(): port must be 0-65535."),
		// so a number past int64 is handed on as the nearest int64.
		c := make(starlark.Tuple, len(t))
		for i, e := range t {
			c[i] = e
			if n, ok := e.(starlark.Int); ok {
				if _, fits := n.Int64(); !fits {
					c[i] = starlark.MakeInt64(math.MaxInt64)
					if n.Sign() < 0 {
						c[i] = starlark.MakeInt64(math.MinInt64)
					}
				}
			}
		}
		v = c
	}
	return fromStarlark(v)
}

// dataArg reads a bytes argument (send, sendall, sendto).
func dataArg(v starlark.Value) ([]byte, error) {
	switch b := v.(type) {
	case starlark.Bytes:
		return bytesView(b), nil
	case bufferer:
		return b.bufferBytes(), nil // only read while the call runs
	}
	return nil, pyErrorf("TypeError", "a bytes-like object is required, not '%s'", pyTypeName(v))
}

// cIntArg is CPython's "i" conversion: an int that fits a C int.
func cIntArg(v starlark.Value) (int, error) {
	if !isPyInt(v) {
		return 0, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(v))
	}
	x, ok := smallIntOf(v)
	if !ok {
		return 0, pyErrorf("OverflowError", "Python int too large to convert to C long")
	}
	if x > math.MaxInt32 {
		return 0, pyErrorf("OverflowError", "signed integer is greater than maximum")
	}
	if x < math.MinInt32 {
		return 0, pyErrorf("OverflowError", "signed integer is less than minimum")
	}
	return int(x), nil
}

// sizeArg is CPython's "n" conversion (Py_ssize_t), used for bufsize.
func sizeArg(v starlark.Value) (int, error) {
	if !isPyInt(v) {
		return 0, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(v))
	}
	n, ok := smallIntOf(v)
	if !ok {
		return 0, pyErrorf("OverflowError", "Python int too large to convert to C ssize_t")
	}
	return int(n), nil
}

func sockAccept(v *socketValue, _ starlark.Tuple) (starlark.Value, error) {
	c, addr, err := v.s.Accept()
	if err != nil {
		return nil, err
	}
	return starlark.Tuple{newSocketValue(v.rt, c), ToStarlark(addr)}, nil
}

func sockBind(v *socketValue, args starlark.Tuple) (starlark.Value, error) {
	a, err := addrArg(args[0])
	if err != nil {
		return nil, err
	}
	return starlark.None, v.s.Bind(a)
}

func sockClose(v *socketValue, _ starlark.Tuple) (starlark.Value, error) {
	return starlark.None, v.close()
}

// close is socket.close(): the descriptor closes now, or when the last
// file made by makefile() closes.
func (v *socketValue) close() error {
	v.closeAsked = true
	if v.ioRefs > 0 {
		return nil
	}
	return v.s.Close()
}

// decref is a makefile() file closing.
func (v *socketValue) decref() error {
	if v.ioRefs > 0 {
		v.ioRefs--
	}
	if v.closeAsked {
		return v.close()
	}
	return nil
}

func sockDup(v *socketValue, _ starlark.Tuple) (starlark.Value, error) {
	d, err := v.s.Dup()
	if err != nil {
		return nil, err
	}
	return newSocketValue(v.rt, d), nil
}

func sockDetach(v *socketValue, _ starlark.Tuple) (starlark.Value, error) {
	v.closeAsked = true
	return starlark.MakeInt(v.s.Detach()), nil
}

func sockConnect(v *socketValue, args starlark.Tuple) (starlark.Value, error) {
	a, err := addrArg(args[0])
	if err != nil {
		return nil, err
	}
	return starlark.None, v.s.Connect(a)
}

func sockConnectEx(v *socketValue, args starlark.Tuple) (starlark.Value, error) {
	a, err := addrArg(args[0])
	if err != nil {
		return nil, err
	}
	n, err := v.s.ConnectEx(a)
	if err != nil {
		return nil, err
	}
	return starlark.MakeInt(n), nil
}

func sockFileno(v *socketValue, _ starlark.Tuple) (starlark.Value, error) {
	return starlark.MakeInt(v.s.Fileno()), nil
}

func sockGetpeername(v *socketValue, _ starlark.Tuple) (starlark.Value, error) {
	a, err := v.s.Getpeername()
	if err != nil {
		return nil, err
	}
	return ToStarlark(a), nil
}

func sockGetsockname(v *socketValue, _ starlark.Tuple) (starlark.Value, error) {
	a, err := v.s.Getsockname()
	if err != nil {
		return nil, err
	}
	return ToStarlark(a), nil
}

func sockGetsockopt(v *socketValue, args starlark.Tuple) (starlark.Value, error) {
	var ints [3]int
	for i, a := range args {
		n, err := cIntArg(a)
		if err != nil {
			return nil, err
		}
		ints[i] = n
	}
	if len(args) == 3 && (ints[2] <= 0 || ints[2] > 1024) {
		return nil, &sockets.Error{Class: "OSError", Msg: "getsockopt buflen out of range", Op: "getsockopt"}
	}
	r, err := v.s.Getsockopt(ints[0], ints[1], ints[2])
	if err != nil {
		return nil, err
	}
	return ToStarlark(r), nil
}

func sockSetsockopt(v *socketValue, args starlark.Tuple) (starlark.Value, error) {
	level, err := cIntArg(args[0])
	if err != nil {
		return nil, err
	}
	opt, err := cIntArg(args[1])
	if err != nil {
		return nil, err
	}
	var value any
	switch x := args[2].(type) {
	case starlark.Bytes:
		value = []byte(x)
	case *byteArray:
		value = append([]byte(nil), x.b...)
	default:
		if !isPyInt(x) {
			return nil, pyErrorf("TypeError", "a bytes-like object is required, not '%s'", pyTypeName(x))
		}
		n, err := cIntArg(x)
		if err != nil {
			return nil, err
		}
		value = n
	}
	return starlark.None, v.s.Setsockopt(level, opt, value)
}

func sockGetblocking(v *socketValue, _ starlark.Tuple) (starlark.Value, error) {
	return starlark.Bool(v.s.Getblocking()), nil
}

func sockSetblocking(v *socketValue, args starlark.Tuple) (starlark.Value, error) {
	if !isPyInt(args[0]) {
		return nil, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(args[0]))
	}
	n, _ := bigOf(args[0])
	return starlark.None, v.s.Setblocking(n.Sign() != 0)
}

func sockGettimeout(v *socketValue, _ starlark.Tuple) (starlark.Value, error) {
	return timeoutValue(v.s.Gettimeout()), nil
}

// timeoutArg reads a timeout: None, or a non-negative number of seconds.
func timeoutArg(x starlark.Value) (*float64, error) {
	if x == starlark.None {
		return nil, nil
	}
	if !isPyInt(x) {
		if _, ok := x.(starlark.Float); !ok {
			return nil, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(x))
		}
	}
	if n, ok := bigOf(x); ok && n.BitLen() > 62 {
		return nil, pyErrorf("OverflowError", "timestamp too large to convert to C _PyTime_t")
	}
	f, _ := toFloat(x)
	if math.IsNaN(f) {
		return nil, pyErrorf("ValueError", "Invalid value NaN (not a number)")
	}
	return &f, nil
}

func sockSettimeout(v *socketValue, args starlark.Tuple) (starlark.Value, error) {
	t, err := timeoutArg(args[0])
	if err != nil {
		return nil, err
	}
	return starlark.None, v.s.Settimeout(t)
}

func sockListen(v *socketValue, args starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return starlark.None, v.s.Listen()
	}
	n, err := cIntArg(args[0])
	if err != nil {
		return nil, err
	}
	return starlark.None, v.s.Listen(n)
}

// recvArgs reads (bufsize[, flags]).
func recvArgs(args starlark.Tuple) (int, int, error) {
	n, err := sizeArg(args[0])
	if err != nil {
		return 0, 0, err
	}
	flags := 0
	if len(args) == 2 {
		if flags, err = cIntArg(args[1]); err != nil {
			return 0, 0, err
		}
	}
	return n, flags, nil
}

// sockRecv is recv(bufsize[, flags]) into a fresh buffer; called from
// Python, recv goes through sockRecvAt (recvreuse.go).
func sockRecv(v *socketValue, args starlark.Tuple) (starlark.Value, error) {
	n, flags, err := recvArgs(args)
	if err != nil {
		return nil, err
	}
	return recvFresh(v, n, flags)
}

// recvFresh receives into a buffer of its own.
func recvFresh(v *socketValue, n, flags int) (starlark.Value, error) {
	data, err := v.s.Recv(n, flags)
	if err != nil {
		return nil, err
	}
	return ownedBytes(data), nil
}

func sockRecvfrom(v *socketValue, args starlark.Tuple) (starlark.Value, error) {
	n, flags, err := recvArgs(args)
	if err != nil {
		return nil, err
	}
	data, addr, err := v.s.Recvfrom(n, flags)
	if err != nil {
		return nil, err
	}
	return starlark.Tuple{ownedBytes(data), ToStarlark(addr)}, nil
}

// sendArgs reads (data[, flags]).
func sendArgs(args starlark.Tuple) ([]byte, int, error) {
	data, err := dataArg(args[0])
	if err != nil {
		return nil, 0, err
	}
	flags := 0
	if len(args) == 2 {
		if flags, err = cIntArg(args[1]); err != nil {
			return nil, 0, err
		}
	}
	return data, flags, nil
}

func sockSend(v *socketValue, args starlark.Tuple) (starlark.Value, error) {
	data, flags, err := sendArgs(args)
	if err != nil {
		return nil, err
	}
	n, err := v.s.Send(data, flags)
	if err != nil {
		return nil, err
	}
	return starlark.MakeInt(n), nil
}

func sockSendall(v *socketValue, args starlark.Tuple) (starlark.Value, error) {
	data, flags, err := sendArgs(args)
	if err != nil {
		return nil, err
	}
	return starlark.None, v.s.Sendall(data, flags)
}

func sockSendto(v *socketValue, args starlark.Tuple) (starlark.Value, error) {
	data, err := dataArg(args[0])
	if err != nil {
		return nil, err
	}
	flags := 0
	addrV := args[1]
	if len(args) == 3 {
		if flags, err = cIntArg(args[1]); err != nil {
			return nil, err
		}
		addrV = args[2]
	}
	a, err := addrArg(addrV)
	if err != nil {
		return nil, err
	}
	n, err := v.s.Sendto(data, flags, a)
	if err != nil {
		return nil, err
	}
	return starlark.MakeInt(n), nil
}

func sockShutdown(v *socketValue, args starlark.Tuple) (starlark.Value, error) {
	how, err := cIntArg(args[0])
	if err != nil {
		return nil, err
	}
	return starlark.None, v.s.Shutdown(how)
}
