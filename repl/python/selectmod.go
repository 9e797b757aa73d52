package python

import (
	"math"

	"go.starlark.net/starlark"

	"sockrepl/sockets"
)

// newSelectModule is the select module of one session. Members:
//
//	select(rlist, wlist, xlist[, timeout])  wait until some are ready
//	error (OSError)
func newSelectModule(rt *sockets.Runtime) pyModule {
	return newModule("select", starlark.StringDict{
		"select": starlark.NewBuiltin("select", selectFn(rt)),
		"error":  osError,
	})
}

// selectFn is select.select: the three lists may hold sockets or file
// descriptor numbers, and the result lists hold the same objects.
func selectFn(rt *sockets.Runtime) builtinFn {
	return func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			return nil, pyErrorf("TypeError", "select() takes no keyword arguments")
		}
		if len(args) < 3 {
			return nil, pyErrorf("TypeError", "select expected at least 3 arguments, got %d", len(args))
		}
		if len(args) > 4 {
			return nil, pyErrorf("TypeError", "select expected at most 4 arguments, got %d", len(args))
		}
		var objs [3][]starlark.Value
		var fds [3][]int
		for i := 0; i < 3; i++ {
			it, ok := asIterable(args[i]).(starlark.Iterable)
			if !ok {
				return nil, pyErrorf("TypeError", "arguments 1-3 must be sequences")
			}
			if isLazyRange(it) && starlark.Len(it) > maxElems {
				return nil, memoryError() // CPython makes a list of it first
			}
			iter := it.Iterate()
			var v starlark.Value
			for iter.Next(&v) {
				if err := loopCheck(thread, len(objs[i])+1); err != nil {
					iter.Done()
					return nil, err
				}
				fd, err := fdOf(v)
				if err != nil {
					iter.Done()
					return nil, err
				}
				objs[i] = append(objs[i], v)
				fds[i] = append(fds[i], fd)
			}
			iter.Done()
		}
		var timeout *float64
		if len(args) == 4 && args[3] != starlark.None {
			f, ok := toFloat(args[3])
			if !ok {
				return nil, pyErrorf("TypeError", "timeout must be a float or None")
			}
			if f < 0 {
				return nil, pyErrorf("ValueError", "timeout must be non-negative")
			}
			if isPyInt(args[3]) && f*1e9 >= math.MaxInt64 {
				return nil, pyErrorf("OverflowError", "timestamp too large to convert to C _PyTime_t")
			}
			timeout = &f
		}
		rr, wr, xr, err := rt.Select(fds[0], fds[1], fds[2], timeout)
		if err != nil {
			return nil, err
		}
		ready := [3][]int{rr, wr, xr}
		var out starlark.Tuple
		for i := 0; i < 3; i++ {
			set := map[int]bool{}
			for _, fd := range ready[i] {
				set[fd] = true
			}
			list := []starlark.Value{}
			for k, v := range objs[i] {
				if set[fds[i][k]] {
					list = append(list, v)
				}
			}
			out = append(out, starlark.NewList(list))
		}
		return out, nil
	}
}

// fdOf is what select() waits on for one object: an int, or a socket's
// fileno().
func fdOf(v starlark.Value) (int, error) {
	var fd int
	switch x := v.(type) {
	case *socketValue:
		fd = x.s.Fileno()
	default:
		if !isPyInt(v) {
			return 0, pyErrorf("TypeError", "argument must be an int, or have a fileno() method.")
		}
		n, err := cIntArg(v)
		if err != nil {
			return 0, err
		}
		fd = n
	}
	if fd < 0 {
		return 0, pyErrorf("ValueError", "file descriptor cannot be a negative integer (%d)", fd)
	}
	return fd, nil
}
