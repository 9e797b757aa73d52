package python

import (
	"encoding/binary"
	"strings"

	"go.starlark.net/starlark"

	"sockrepl/sockets"
)

// sendmsg, recvmsg and the module's send_fds/recv_fds: data with control
// messages ("ancillary data"), as CPython has them on Linux. A descriptor
// received with SCM_RIGHTS is an int, as in CPython; socket(fileno=fd)
// makes a socket of it.

// sockSendmsg is s.sendmsg(buffers[, ancdata[, flags[, address]]]).
func sockSendmsg(v *socketValue, args starlark.Tuple) (starlark.Value, error) {
	bufs, err := buffersArg(args[0])
	if err != nil {
		return nil, err
	}
	var anc []sockets.Ancillary
	if len(args) > 1 {
		if anc, err = ancillaryArg(args[1]); err != nil {
			return nil, err
		}
	}
	flags := 0
	if len(args) > 2 {
		if flags, err = cIntArg(args[2]); err != nil {
			return nil, err
		}
	}
	var addr any
	if len(args) > 3 && args[3] != starlark.None {
		if addr, err = addrArg(args[3]); err != nil {
			return nil, err
		}
	}
	n, err := v.s.Sendmsg(bufs, anc, flags, addr)
	if err != nil {
		return nil, err
	}
	return starlark.MakeInt(n), nil
}

// sockRecvmsg is s.recvmsg(bufsize[, ancbufsize[, flags]]) ->
// (data, ancdata, msg_flags, address).
func sockRecvmsg(v *socketValue, args starlark.Tuple) (starlark.Value, error) {
	var n [3]int
	for i, a := range args {
		x, err := sizeArg(a)
		if i == 2 {
			x, err = cIntArg(a)
		}
		if err != nil {
			return nil, err
		}
		n[i] = x
	}
	data, anc, flags, addr, err := v.s.Recvmsg(n[0], n[1], n[2])
	if err != nil {
		return nil, err
	}
	items := make([]starlark.Value, len(anc))
	for i, a := range anc {
		items[i] = starlark.Tuple{starlark.MakeInt(a.Level), starlark.MakeInt(a.Type), starlark.Bytes(a.Data)}
	}
	return starlark.Tuple{starlark.Bytes(data), starlark.NewList(items), starlark.MakeInt(flags), ToStarlark(addr)}, nil
}

// buffersArg reads sendmsg's buffers: an iterable of bytes-like objects.
func buffersArg(v starlark.Value) ([][]byte, error) {
	if _, ok := v.(starlark.Iterable); !ok {
		if _, isBytes := v.(starlark.Bytes); !isBytes {
			return nil, pyErrorf("TypeError", "sendmsg() argument 1 must be an iterable")
		}
	}
	it, err := pyIterate(v)
	if err != nil {
		return nil, pyErrorf("TypeError", "sendmsg() argument 1 must be an iterable")
	}
	defer it.Done()
	var out [][]byte
	var x starlark.Value
	for it.Next(&x) {
		b, err := dataArg(x)
		if err != nil {
			return nil, err
		}
		out = append(out, append([]byte(nil), b...))
	}
	return out, nil
}

// ancillaryArg reads sendmsg's ancdata: (level, type, data) items.
func ancillaryArg(v starlark.Value) ([]sockets.Ancillary, error) {
	it, err := pyIterate(v)
	if err != nil {
		return nil, pyErrorf("TypeError", "sendmsg() argument 2 must be an iterable")
	}
	defer it.Done()
	var out []sockets.Ancillary
	var x starlark.Value
	for it.Next(&x) {
		seq, ok := x.(starlark.Indexable)
		if !ok || isStrOrBytes(x) {
			return nil, pyErrorf("TypeError", "[sendmsg() ancillary data items]() argument must be sequence of length 3, not %s", pyTypeName(x))
		}
		if seq.Len() != 3 {
			return nil, pyErrorf("TypeError", "[sendmsg() ancillary data items]() argument must be sequence of length 3, not %d", seq.Len())
		}
		level, err := cIntArg(seq.Index(0))
		if err != nil {
			return nil, err
		}
		typ, err := cIntArg(seq.Index(1))
		if err != nil {
			return nil, err
		}
		data, err := dataArg(seq.Index(2))
		if err != nil {
			return nil, err
		}
		out = append(out, sockets.Ancillary{Level: level, Type: typ, Data: append([]byte(nil), data...)})
	}
	return out, nil
}

func isStrOrBytes(v starlark.Value) bool {
	switch v.(type) {
	case starlark.String, starlark.Bytes:
		return true
	}
	return false
}

// sendFdsFn is socket.send_fds(sock, buffers, fds[, flags[, address]]).
// As in CPython 3.11, flags and address are accepted and not used.
func sendFdsFn(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var sock, buffers, fds starlark.Value
	var flags, address starlark.Value = starlark.MakeInt(0), starlark.None
	if err := missingArgs("send_fds", args, kwargs, "sock", "buffers", "fds"); err != nil {
		return nil, err
	}
	if err := starlark.UnpackArgs("send_fds", args, kwargs, "sock", &sock, "buffers", &buffers, "fds", &fds, "flags?", &flags, "address?", &address); err != nil {
		return nil, err
	}
	sv, ok := sock.(*socketValue)
	if !ok {
		return nil, pyErrorf("AttributeError", "'%s' object has no attribute 'sendmsg'", pyTypeName(sock))
	}
	it, err := pyIterate(fds)
	if err != nil {
		return nil, err
	}
	defer it.Done()
	var data []byte
	var x starlark.Value
	for it.Next(&x) {
		fd, err := cIntArg(x)
		if err != nil {
			return nil, err
		}
		data = binary.NativeEndian.AppendUint32(data, uint32(int32(fd)))
	}
	anc := starlark.NewList([]starlark.Value{starlark.Tuple{starlark.MakeInt(solSocket), starlark.MakeInt(scmRights), starlark.Bytes(data)}})
	return sockSendmsg(sv, starlark.Tuple{buffers, anc})
}

// recvFdsFn is socket.recv_fds(sock, bufsize, maxfds[, flags]) ->
// (data, list of fds, msg_flags, address). As in CPython 3.11, flags is
// accepted and not used.
func recvFdsFn(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var sock, bufsize, maxfds starlark.Value
	var flags starlark.Value = starlark.MakeInt(0)
	if err := missingArgs("recv_fds", args, kwargs, "sock", "bufsize", "maxfds"); err != nil {
		return nil, err
	}
	if err := starlark.UnpackArgs("recv_fds", args, kwargs, "sock", &sock, "bufsize", &bufsize, "maxfds", &maxfds, "flags?", &flags); err != nil {
		return nil, err
	}
	sv, ok := sock.(*socketValue)
	if !ok {
		return nil, pyErrorf("AttributeError", "'%s' object has no attribute 'recvmsg'", pyTypeName(sock))
	}
	n, err := sizeArg(maxfds)
	if err != nil {
		return nil, err
	}
	res, err := sockRecvmsg(sv, starlark.Tuple{bufsize, starlark.MakeInt(sockets.CmsgLen(n * 4))})
	if err != nil {
		return nil, err
	}
	t := res.(starlark.Tuple)
	var fdList []starlark.Value
	anc := t[1].(*starlark.List)
	for i := 0; i < anc.Len(); i++ {
		item := anc.Index(i).(starlark.Tuple)
		level, _ := starlark.AsInt32(item[0])
		typ, _ := starlark.AsInt32(item[1])
		if level != solSocket || typ != scmRights {
			continue
		}
		data := item[2].(starlark.Bytes)
		for j := 0; j+4 <= len(data); j += 4 {
			fdList = append(fdList, starlark.MakeInt(int(int32(binary.NativeEndian.Uint32([]byte(data[j:j+4]))))))
		}
	}
	return starlark.Tuple{t[0], starlark.NewList(fdList), t[2], t[3]}, nil
}

// missingArgs words a call that lacks required arguments as CPython does
// for a Python function: "f() missing 1 required positional argument: 'x'".
func missingArgs(fn string, args starlark.Tuple, kwargs []starlark.Tuple, names ...string) error {
	var missing []string
	for i, n := range names {
		given := i < len(args)
		for _, kv := range kwargs {
			given = given || string(kv[0].(starlark.String)) == n
		}
		if !given {
			missing = append(missing, "'"+n+"'")
		}
	}
	if len(missing) == 0 {
		return nil
	}
	s, list := "s", strings.Join(missing, ", ")
	switch len(missing) {
	case 1:
		s = ""
	case 2:
		list = missing[0] + " and " + missing[1]
	default:
		list = strings.Join(missing[:len(missing)-1], ", ") + ", and " + missing[len(missing)-1]
	}
	return pyErrorf("TypeError", "%s() missing %d required positional argument%s: %s", fn, len(missing), s, list)
}

// solSocket and scmRights are Linux's SOL_SOCKET and SCM_RIGHTS.
const solSocket, scmRights = 1, 1

// cmsgFn is socket.CMSG_LEN or socket.CMSG_SPACE.
func cmsgFn(name string, f func(int) int) builtinFn {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			return nil, pyErrorf("TypeError", "%s() takes no keyword arguments", name)
		}
		if len(args) != 1 {
			return nil, pyErrorf("TypeError", "%s() takes exactly one argument (%d given)", name, len(args))
		}
		n, err := sizeArg(args[0])
		if err != nil {
			return nil, err
		}
		if n < 0 || n > 1<<31-32 {
			return nil, pyErrorf("OverflowError", "%s() argument out of range", name)
		}
		return starlark.MakeInt(f(n)), nil
	}
}
