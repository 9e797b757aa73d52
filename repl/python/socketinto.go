package python

import (
	"go.starlark.net/starlark"
)

// recv_into and recvfrom_into fill a writable buffer in place: a
// bytearray, a memoryview of one (view[got:] to fill it piece by piece),
// an array or a ctypes buffer. They are the socket methods that take
// keywords (buffer, nbytes, flags), so their arguments are read here
// rather than by checkArgs.

var intoKeywords = []string{"buffer", "nbytes", "flags"}

// intoArgs places keyword arguments by position, with CPython's messages.
func intoArgs(name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Tuple, error) {
	if len(args)+len(kwargs) > len(intoKeywords) {
		return nil, pyErrorf("TypeError", "%s() takes at most 3 arguments (%d given)", name, len(args)+len(kwargs))
	}
	out := make(starlark.Tuple, len(intoKeywords))
	copy(out, args)
	for _, kv := range kwargs {
		k := string(kv[0].(starlark.String))
		i := 0
		for i < len(intoKeywords) && intoKeywords[i] != k {
			i++
		}
		if i == len(intoKeywords) {
			return nil, pyErrorf("TypeError", "'%s' is an invalid keyword argument for %s()", k, name)
		}
		if out[i] != nil {
			return nil, pyErrorf("TypeError", "argument for %s() given by name ('%s') and position (%d)", name, k, i+1)
		}
		out[i] = kv[1]
	}
	if out[0] == nil {
		return nil, pyErrorf("TypeError", "%s() missing required argument 'buffer' (pos 1)", name)
	}
	return out, nil
}

// intoParams reads (buffer, nbytes, flags) once intoArgs has placed them.
func intoParams(name string, args starlark.Tuple) ([]byte, int, int, error) {
	a, ok := args[0].(bufferer)
	if !ok || a.readOnly() {
		return nil, 0, 0, pyErrorf("TypeError", "%s() argument 1 must be read-write bytes-like object, not %s", name, pyTypeName(args[0]))
	}
	n, flags := 0, 0
	var err error
	if args[1] != nil {
		if n, err = sizeArg(args[1]); err != nil {
			return nil, 0, 0, err
		}
	}
	if args[2] != nil {
		if flags, err = cIntArg(args[2]); err != nil {
			return nil, 0, 0, err
		}
	}
	return a.bufferBytes(), n, flags, nil
}

func sockRecvInto(v *socketValue, args starlark.Tuple) (starlark.Value, error) {
	buf, n, flags, err := intoParams("recv_into", args)
	if err != nil {
		return nil, err
	}
	got, err := v.s.RecvInto(buf, n, flags)
	if err != nil {
		return nil, err
	}
	return starlark.MakeInt(got), nil
}

func sockRecvfromInto(v *socketValue, args starlark.Tuple) (starlark.Value, error) {
	buf, n, flags, err := intoParams("recvfrom_into", args)
	if err != nil {
		return nil, err
	}
	got, addr, err := v.s.RecvfromInto(buf, n, flags)
	if err != nil {
		return nil, err
	}
	return starlark.Tuple{starlark.MakeInt(got), ToStarlark(addr)}, nil
}
