package python

import (
	"fmt"
	"math/big"

	"go.starlark.net/starlark"

	"sockrepl/sockets"
)

// select.epoll objects: a kernel epoll instance (sockets.Epoll) with
// CPython's methods, argument parsing and messages.

type epollObject struct {
	ep *sockets.Epoll
}

var epollType = newGoType("select.epoll", "select.epoll",
	"An epoll object: the kernel keeps the set of watched descriptors, and poll() returns those that are ready without scanning them all. Close it when done (or use with).",
	goMethod{"register", epollRegister, "ep.register(fd[, eventmask])", "Add fd to the set, waiting for eventmask (default EPOLLIN | EPOLLPRI | EPOLLOUT); FileExistsError if it is already there."},
	goMethod{"modify", epollModify, "ep.modify(fd, eventmask)", "Change the events a registered descriptor waits for."},
	goMethod{"unregister", epollUnregister, "ep.unregister(fd)", "Remove fd from the set. The kernel drops a closed descriptor by itself."},
	goMethod{"poll", epollPoll, "ep.poll(timeout=None, maxevents=-1) -> [(fd, events), ...]", "Wait until some descriptors are ready, at most timeout seconds (None or negative: no limit, 0: just look); Ctrl-C interrupts."},
	goMethod{"close", epollClose, "ep.close()", "Close the epoll descriptor; the object cannot be used afterwards."},
	goMethod{"fileno", epollFileno, "ep.fileno() -> int", "The epoll instance's own descriptor, readable while events are pending."},
	goMethod{"__enter__", func(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := recv.(*epollObject).check(); err != nil {
			return nil, err
		}
		return recv, nil
	}, "with select.epoll() as ep: ...", "An epoll object is a context manager: leaving the block closes it."},
	goMethod{"__exit__", func(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return starlark.None, recv.(*epollObject).ep.Close()
	}, "", ""},
)

var _ goValue = (*epollObject)(nil)

func (e *epollObject) goType() *goType { return epollType }
func (e *epollObject) String() string {
	return fmt.Sprintf("<select.epoll object at %#x>", addressOf(e))
}
func (e *epollObject) Repr() string          { return e.String() }
func (e *epollObject) Type() string          { return "select.epoll" }
func (e *epollObject) Freeze()               {}
func (e *epollObject) Truth() starlark.Bool  { return true }
func (e *epollObject) Hash() (uint32, error) { return uint32(addressOf(e)), nil }
func (e *epollObject) AttrNames() []string   { return epollType.names("closed") }
func (e *epollObject) Attr(name string) (starlark.Value, error) {
	if name == "closed" {
		return starlark.Bool(e.ep.Closed()), nil
	}
	if m := epollType.method(e, name); m != nil {
		return m, nil
	}
	return nil, epollType.noAttr(name)
}

func (e *epollObject) SetField(name string, _ starlark.Value) error {
	if name == "closed" {
		return pyErrorf("AttributeError", "attribute 'closed' of 'select.epoll' objects is not writable")
	}
	return pyErrorf("AttributeError", "'select.epoll' object has no attribute '%s'", name)
}

func (e *epollObject) check() error {
	if e.ep.Closed() {
		return pyErrorf("ValueError", "I/O operation on closed epoll object")
	}
	return nil
}

// epollClass is select.epoll: calling it makes an epoll object.
func epollClass(rt *sockets.Runtime) *pyType {
	return &pyType{name: "select.epoll", attrs: map[string]*starlark.Builtin{
		"fromfd": starlark.NewBuiltin("fromfd", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return nil, pyErrorf("ValueError", "epoll.fromfd() is not available in this shell: make a new select.epoll() instead")
		}),
	}, call: func(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) > 2 {
			return nil, pyErrorf("TypeError", "epoll() takes at most 2 arguments (%d given)", len(args))
		}
		var sizehint, flags starlark.Value = starlark.MakeInt(-1), starlark.MakeInt(0)
		if err := starlark.UnpackArgs("epoll", args, kwargs, "sizehint?", &sizehint, "flags?", &flags); err != nil {
			return nil, err
		}
		size, err := cIntArg(sizehint)
		if err != nil {
			return nil, err
		}
		fl, err := cIntArg(flags)
		if err != nil {
			return nil, err
		}
		if size != -1 && size <= 0 {
			return nil, pyErrorf("ValueError", "negative sizehint")
		}
		if fl != 0 && fl != 0x80000 { // EPOLL_CLOEXEC is the only flag
			return nil, pyErrorf("OSError", "invalid flags")
		}
		ep, err := rt.NewEpoll()
		if err != nil {
			return nil, err
		}
		return &epollObject{ep: ep}, nil
	}}
}

// epollArgs reads (fd[, eventmask]) the way Argument Clinic does for
// register and modify.
func epollArgs(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple, needMask bool) (int, uint32, error) {
	names := []string{"fd", "eventmask"}
	if len(args) > 2 {
		return 0, 0, pyErrorf("TypeError", "%s() takes at most 2 arguments (%d given)", name, len(args))
	}
	vals := make([]starlark.Value, 2)
	copy(vals, args)
	for _, kv := range kwargs {
		k := string(kv[0].(starlark.String))
		i := indexOf(names, k)
		if i < 0 {
			return 0, 0, pyErrorf("TypeError", "%s() got an unexpected keyword argument '%s'", name, k)
		}
		if vals[i] != nil {
			return 0, 0, pyErrorf("TypeError", "argument for %s() given by name ('%s') and position (%d)", name, k, i+1)
		}
		vals[i] = kv[1]
	}
	if vals[0] == nil {
		return 0, 0, pyErrorf("TypeError", "%s() missing required argument 'fd' (pos 1)", name)
	}
	if vals[1] == nil && needMask {
		return 0, 0, pyErrorf("TypeError", "%s() missing required argument 'eventmask' (pos 2)", name)
	}
	fd, err := fdOf(thread, vals[0])
	if err != nil {
		return 0, 0, err
	}
	mask := uint32(0x1 | 0x2 | 0x4) // EPOLLIN | EPOLLPRI | EPOLLOUT
	if vals[1] != nil {
		if !isPyInt(vals[1]) {
			return 0, 0, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(vals[1]))
		}
		// CPython's "I": the low 32 bits in two's complement, unchecked.
		n, _ := bigOf(vals[1])
		mask = uint32(new(big.Int).And(n, big.NewInt(0xffffffff)).Uint64())
	}
	return fd, mask, nil
}

func epollRegister(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	e := recv.(*epollObject)
	fd, mask, err := epollArgs(thread, "register", args, kwargs, false)
	if err != nil {
		return nil, err
	}
	if err := e.check(); err != nil {
		return nil, err
	}
	return starlark.None, e.ep.Register(fd, mask)
}

func epollModify(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	e := recv.(*epollObject)
	fd, mask, err := epollArgs(thread, "modify", args, kwargs, true)
	if err != nil {
		return nil, err
	}
	if err := e.check(); err != nil {
		return nil, err
	}
	return starlark.None, e.ep.Modify(fd, mask)
}

func epollUnregister(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	e := recv.(*epollObject)
	if len(args) > 1 {
		return nil, pyErrorf("TypeError", "unregister() takes at most 1 argument (%d given)", len(args))
	}
	fd, _, err := epollArgs(thread, "unregister", args, kwargs, false)
	if err != nil {
		return nil, err
	}
	if err := e.check(); err != nil {
		return nil, err
	}
	return starlark.None, e.ep.Unregister(fd)
}

func epollPoll(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	e := recv.(*epollObject)
	if len(args) > 2 {
		return nil, pyErrorf("TypeError", "poll() takes at most 2 arguments (%d given)", len(args))
	}
	var timeout, maxevents starlark.Value = starlark.None, starlark.MakeInt(-1)
	if err := starlark.UnpackArgs("poll", args, kwargs, "timeout?", &timeout, "maxevents?", &maxevents); err != nil {
		return nil, err
	}
	ms, err := timeoutMillis(timeout, 1e9, roundCeiling)
	if err != nil {
		return nil, err
	}
	maxev, err := cIntArgMsg(maxevents)
	if err != nil {
		return nil, err
	}
	if err := e.check(); err != nil {
		return nil, err
	}
	if maxev == -1 {
		maxev = 1023 // FD_SETSIZE - 1, as CPython
	}
	evs, err := e.ep.Wait("poll", ms, maxev)
	if err != nil {
		return nil, err
	}
	out := make([]starlark.Value, len(evs))
	for i, ev := range evs {
		out[i] = starlark.Tuple{starlark.MakeInt(ev.FD), starlark.MakeInt64(int64(ev.Events))}
	}
	return starlark.NewList(out), nil
}

func epollClose(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args)+len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "epoll.close() takes no arguments (%d given)", len(args)+len(kwargs))
	}
	return starlark.None, recv.(*epollObject).ep.Close()
}

func epollFileno(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args)+len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "epoll.fileno() takes no arguments (%d given)", len(args)+len(kwargs))
	}
	e := recv.(*epollObject)
	if err := e.check(); err != nil {
		return nil, err
	}
	return starlark.MakeInt(e.ep.Fileno()), nil
}

// cIntArgMsg is CPython's "i" conversion as Argument Clinic words its
// overflow: "Python int too large to convert to C int".
func cIntArgMsg(v starlark.Value) (int, error) {
	if !isPyInt(v) {
		return 0, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(v))
	}
	n, ok := smallIntOf(v)
	if !ok || n > 1<<31-1 || n < -1<<31 {
		return 0, pyErrorf("OverflowError", "Python int too large to convert to C int")
	}
	return int(n), nil
}
