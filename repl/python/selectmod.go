package python

import (
	"math"

	"go.starlark.net/starlark"

	"sockrepl/sockets"
)

// newSelectModule is the select module of one session. Members:
//
//	select(rlist, wlist, xlist[, timeout])  wait until some are ready
//	poll()                                  a poll object (pollobj.go)
//	epoll(sizehint=-1, flags=0)             an epoll object (epollobj.go)
//	error (OSError), POLL* and EPOLL* constants, PIPE_BUF
func newSelectModule(rt *sockets.Runtime) pyModule {
	m := starlark.StringDict{
		"select": starlark.NewBuiltin("select", selectFn(rt)),
		"poll":   starlark.NewBuiltin("poll", newPollFn(rt)),
		"epoll":  epollClass(rt),
		"error":  osError,
	}
	for name, v := range selectConstants {
		m[name] = starlark.MakeInt64(v)
	}
	return newModule("select", m)
}

// selectConstants are Linux's poll and epoll bits, as the select module
// names them.
var selectConstants = map[string]int64{
	"POLLIN": 0x1, "POLLPRI": 0x2, "POLLOUT": 0x4, "POLLERR": 0x8, "POLLHUP": 0x10, "POLLNVAL": 0x20,
	"POLLRDNORM": 0x40, "POLLRDBAND": 0x80, "POLLWRNORM": 0x100, "POLLWRBAND": 0x200, "POLLMSG": 0x400,
	"POLLRDHUP": 0x2000,
	"EPOLLIN":   0x1, "EPOLLPRI": 0x2, "EPOLLOUT": 0x4, "EPOLLERR": 0x8, "EPOLLHUP": 0x10,
	"EPOLLRDNORM": 0x40, "EPOLLRDBAND": 0x80, "EPOLLWRNORM": 0x100, "EPOLLWRBAND": 0x200, "EPOLLMSG": 0x400,
	"EPOLLRDHUP": 0x2000, "EPOLLEXCLUSIVE": 1 << 28, "EPOLLONESHOT": 1 << 30, "EPOLLET": 1 << 31,
	"EPOLL_CLOEXEC": 0x80000, "PIPE_BUF": 4096,
}

// selectMax is FD_SETSIZE: how many entries one of select's lists
// may hold, and the first fd it cannot watch.
const selectMax = 1024

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
				fd, err := fdOf(thread, v)
				if err == nil && len(objs[i]) >= selectMax {
					// An fd_set holds FD_SETSIZE entries, however
					// often the same socket is listed.
					err = pyErrorf("ValueError", "too many file descriptors in select()")
					if fd < 0 || fd >= selectMax {
						err = pyErrorf("ValueError", "filedescriptor out of range in select()")
					}
				}
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

// fdOf is what select(), poll and epoll wait on for one object: an int,
// or what its fileno() method returns (a socket, a socket file, an epoll
// object, sys.stdin, an instance of a class with fileno), as CPython's
// PyObject_AsFileDescriptor finds it.
func fdOf(thread *starlark.Thread, v starlark.Value) (int, error) {
	if sv, ok := v.(*socketValue); ok {
		return nonNegativeFD(sv.s.Fileno())
	}
	if !isPyInt(v) {
		m, err := getAttr(v, "fileno")
		if err != nil {
			return 0, pyErrorf("TypeError", "argument must be an int, or have a fileno() method.")
		}
		r, err := starlark.Call(thread, m, nil, nil)
		if err != nil {
			return 0, err
		}
		if !isPyInt(r) {
			return 0, pyErrorf("TypeError", "fileno() returned a non-integer")
		}
		v = r
	}
	n, ok := smallIntOf(v)
	if !ok || n > math.MaxInt32 || n < math.MinInt32 {
		return 0, pyErrorf("OverflowError", "Python int too large to convert to C int")
	}
	return nonNegativeFD(int(n))
}

func nonNegativeFD(fd int) (int, error) {
	if fd < 0 {
		return 0, pyErrorf("ValueError", "file descriptor cannot be a negative integer (%d)", fd)
	}
	return fd, nil
}
