package python

import (
	"fmt"
	"math"
	"math/big"

	"go.starlark.net/starlark"

	"sockrepl/sockets"
)

// select.poll() objects: a set of descriptors with the events each waits
// for, kept in registration order (CPython keeps them in a dict, so poll
// reports them in that order), and poll(timeout_ms) through the sockets
// runtime's wait helper.

type pollObject struct {
	rt     *sockets.Runtime
	fds    []int       // registration order
	events map[int]int // fd -> eventmask
}

var pollType = newGoType("select.poll", "select.poll",
	"A poll object: register descriptors with the events to wait for, then poll(timeout_ms) returns [(fd, events), ...] for those that are ready.",
	goMethod{"register", pollRegister, "p.register(fd[, eventmask])", "Watch fd (a socket or a descriptor number) for eventmask, by default POLLIN | POLLPRI | POLLOUT. Registering it again changes its mask."},
	goMethod{"modify", pollModify, "p.modify(fd, eventmask)", "Change the events a registered descriptor waits for; FileNotFoundError if it is not registered."},
	goMethod{"unregister", pollUnregister, "p.unregister(fd)", "Stop watching fd; KeyError if it is not registered."},
	goMethod{"poll", pollPoll, "p.poll([timeout]) -> [(fd, events), ...]", "Wait until some registered descriptor is ready, at most timeout milliseconds (None or negative: no limit, 0: just look). Each ready fd comes with the events that happened, POLLHUP and POLLERR included; Ctrl-C interrupts."},
)

var (
	_ goValue           = (*pollObject)(nil)
	_ starlark.HasAttrs = (*pollObject)(nil)
)

func (p *pollObject) goType() *goType       { return pollType }
func (p *pollObject) String() string        { return fmt.Sprintf("<select.poll object at %#x>", addressOf(p)) }
func (p *pollObject) Repr() string          { return p.String() }
func (p *pollObject) Type() string          { return "select.poll" }
func (p *pollObject) Freeze()               {}
func (p *pollObject) Truth() starlark.Bool  { return true }
func (p *pollObject) Hash() (uint32, error) { return uint32(addressOf(p)), nil }
func (p *pollObject) AttrNames() []string   { return pollType.names() }
func (p *pollObject) Attr(name string) (starlark.Value, error) {
	if m := pollType.method(p, name); m != nil {
		return m, nil
	}
	return nil, pollType.noAttr(name)
}

func newPollFn(rt *sockets.Runtime) builtinFn {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args)+len(kwargs) > 0 {
			return nil, pyErrorf("TypeError", "select.poll() takes no arguments (%d given)", len(args)+len(kwargs))
		}
		return &pollObject{rt: rt, events: map[int]int{}}, nil
	}
}

// ushortMask reads poll's eventmask, an unsigned short.
func ushortMask(v starlark.Value) (int, error) {
	if !isPyInt(v) {
		return 0, pyErrorf("TypeError", "an integer is required")
	}
	n, _ := bigOf(v)
	switch {
	case n.Sign() < 0:
		return 0, pyErrorf("ValueError", "value must be positive")
	case !n.IsUint64():
		return 0, pyErrorf("OverflowError", "Python int too large to convert to C unsigned long")
	case n.Uint64() > math.MaxUint16:
		return 0, pyErrorf("OverflowError", "Python int too large for C unsigned short")
	}
	return int(n.Int64()), nil
}

const defaultPollMask = 0x1 | 0x2 | 0x4 // POLLIN | POLLPRI | POLLOUT

func pollRegister(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p := recv.(*pollObject)
	if err := noKwargs("poll.register", kwargs); err != nil {
		return nil, err
	}
	switch {
	case len(args) == 0:
		return nil, pyErrorf("TypeError", "register expected at least 1 argument, got 0")
	case len(args) > 2:
		return nil, pyErrorf("TypeError", "register expected at most 2 arguments, got %d", len(args))
	}
	fd, err := fdOf(thread, args[0])
	if err != nil {
		return nil, err
	}
	mask := defaultPollMask
	if len(args) == 2 {
		if mask, err = ushortMask(args[1]); err != nil {
			return nil, err
		}
	}
	if _, ok := p.events[fd]; !ok {
		p.fds = append(p.fds, fd)
	}
	p.events[fd] = mask
	return starlark.None, nil
}

func pollModify(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p := recv.(*pollObject)
	if err := noKwargs("poll.modify", kwargs); err != nil {
		return nil, err
	}
	if len(args) != 2 {
		return nil, pyErrorf("TypeError", "modify expected 2 arguments, got %d", len(args))
	}
	fd, err := fdOf(thread, args[0])
	if err != nil {
		return nil, err
	}
	mask, err := ushortMask(args[1])
	if err != nil {
		return nil, err
	}
	if _, ok := p.events[fd]; !ok {
		return nil, &PyError{Class: "FileNotFoundError", Msg: "[Errno 2] No such file or directory", Errno: 2}
	}
	p.events[fd] = mask
	return starlark.None, nil
}

func pollUnregister(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p := recv.(*pollObject)
	if err := noKwargs("poll.unregister", kwargs); err != nil {
		return nil, err
	}
	if len(args) != 1 {
		return nil, pyErrorf("TypeError", "poll.unregister() takes exactly one argument (%d given)", len(args))
	}
	fd, err := fdOf(thread, args[0])
	if err != nil {
		return nil, err
	}
	if _, ok := p.events[fd]; !ok {
		return nil, &PyError{Class: "KeyError", Msg: itoa(fd), Args: starlark.Tuple{starlark.MakeInt(fd)}}
	}
	delete(p.events, fd)
	for i, x := range p.fds {
		if x == fd {
			p.fds = append(p.fds[:i], p.fds[i+1:]...)
			break
		}
	}
	return starlark.None, nil
}

func pollPoll(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p := recv.(*pollObject)
	if err := noKwargs("poll.poll", kwargs); err != nil {
		return nil, err
	}
	if len(args) > 1 {
		return nil, pyErrorf("TypeError", "poll expected at most 1 argument, got %d", len(args))
	}
	ms := -1
	if len(args) == 1 {
		var err error
		if ms, err = timeoutMillis(args[0], 1e6, roundAway); err != nil {
			return nil, err
		}
	}
	set := make([]sockets.PollFD, len(p.fds))
	for i, fd := range p.fds {
		set[i] = sockets.PollFD{FD: fd, Events: p.events[fd]}
	}
	ready, err := p.rt.Poll("poll", set, ms)
	if err != nil {
		return nil, err
	}
	out := make([]starlark.Value, len(ready))
	for i, r := range ready {
		out[i] = starlark.Tuple{starlark.MakeInt(r.FD), starlark.MakeInt(r.Revents)}
	}
	return starlark.NewList(out), nil
}

// rounding is how CPython rounds a timeout to whole milliseconds.
type rounding int

const (
	roundAway    rounding = iota // _PyTime_ROUND_TIMEOUT: away from zero
	roundCeiling                 // _PyTime_ROUND_CEILING
)

// timeoutMillis converts a poll or epoll timeout to the milliseconds
// poll(2) and epoll_wait(2) take, with CPython's checks and messages:
// the value counts units of unitNs nanoseconds (1e6 for poll's
// milliseconds, 1e9 for epoll's seconds), None and negatives are -1
// (no limit).
func timeoutMillis(v starlark.Value, unitNs float64, msRound rounding) (int, error) {
	if v == starlark.None {
		return -1, nil
	}
	var ns int64
	switch {
	case isPyInt(v):
		n, _ := bigOf(v)
		prod := new(big.Int).Mul(n, big.NewInt(int64(unitNs)))
		if !n.IsInt64() || !prod.IsInt64() {
			return 0, pyErrorf("OverflowError", "timestamp too large to convert to C _PyTime_t")
		}
		ns = prod.Int64()
	default:
		f, ok := v.(starlark.Float)
		if !ok {
			return 0, pyErrorf("TypeError", "timeout must be an integer or None")
		}
		d := float64(f)
		if math.IsNaN(d) {
			return 0, pyErrorf("ValueError", "Invalid value NaN (not a number)")
		}
		d *= unitNs
		if d >= 0 {
			d = math.Ceil(d)
		} else {
			d = math.Floor(d)
		}
		if !(d >= -0x1p63 && d < 0x1p63) {
			return 0, pyErrorf("OverflowError", "timestamp out of range for platform time_t")
		}
		ns = int64(d)
	}
	ms := ns / 1e6
	if rem := ns % 1e6; rem != 0 {
		if rem > 0 {
			ms++
		} else if msRound == roundAway {
			ms--
		}
	}
	if ms < math.MinInt32 || ms > math.MaxInt32 {
		return 0, pyErrorf("OverflowError", "timeout is too large")
	}
	if ms < 0 {
		return -1, nil
	}
	return int(ms), nil
}
