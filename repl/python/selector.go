package python

import (
	"fmt"
	"math"
	"sort"

	"go.starlark.net/starlark"

	"sockrepl/sockets"
)

// selector is an instance of selectors.SelectSelector, PollSelector or
// EpollSelector: registered keys by descriptor (in registration order,
// as CPython's dict keeps them) and the system call that waits on them.
// CPython's selectors.py is the reference for every check, message and
// the order of results.
type selector struct {
	class   *selectorClass
	in      *Interp // the interpreter that made it, for fileno() calls
	rt      *sockets.Runtime
	keys    map[int]*selectorKey
	order   []int
	closed  bool           // close() ran: get_map() is None
	ep      *sockets.Epoll // EpollSelector's epoll instance
	mapping *selectorMapping
}

// selectorClass is one of the three selector classes, with the names
// CPython's messages give its methods (where each is defined).
type selectorClass struct {
	name                                   string // "EpollSelector"
	kind                                   int    // selectKind, pollKind, epollKind
	register, unregister, modify, sel, cls string // qualified method names
	typ                                    *goType
}

const (
	selectKind = iota
	pollKind
	epollKind
)

const (
	eventRead  = 1
	eventWrite = 2
)

var selectorClasses = func() map[string]*selectorClass {
	classes := map[string]*selectorClass{
		"SelectSelector": {name: "SelectSelector", kind: selectKind, register: "SelectSelector.register", unregister: "SelectSelector.unregister",
			modify: "_BaseSelectorImpl.modify", sel: "SelectSelector.select", cls: "_BaseSelectorImpl.close"},
		"PollSelector": {name: "PollSelector", kind: pollKind, register: "_PollLikeSelector.register", unregister: "_PollLikeSelector.unregister",
			modify: "_PollLikeSelector.modify", sel: "_PollLikeSelector.select", cls: "_BaseSelectorImpl.close"},
		"EpollSelector": {name: "EpollSelector", kind: epollKind, register: "_PollLikeSelector.register", unregister: "_PollLikeSelector.unregister",
			modify: "_PollLikeSelector.modify", sel: "EpollSelector.select", cls: "EpollSelector.close"},
	}
	for _, c := range classes {
		methods := []goMethod{
			{"register", selRegister, "sel.register(fileobj, events, data=None) -> SelectorKey", "Watch fileobj (a socket or a descriptor) for events: selectors.EVENT_READ, EVENT_WRITE or both (|). data is kept in the key for you, e.g. the connection's state."},
			{"unregister", selUnregister, "sel.unregister(fileobj) -> SelectorKey", "Stop watching fileobj; do it before closing a socket. KeyError if it is not registered."},
			{"modify", selModify, "sel.modify(fileobj, events, data=None) -> SelectorKey", "Change the events (and data) of a registered file object, e.g. add EVENT_WRITE when there is something to send."},
			{"select", selSelect, "sel.select(timeout=None) -> [(key, events), ...]", "Wait until some registered file objects are ready, at most timeout seconds (None: no limit, 0 or less: just look). Each comes with its key and the events ready (EVENT_READ, EVENT_WRITE). Ctrl-C interrupts."},
			{"get_key", selGetKey, "sel.get_key(fileobj) -> SelectorKey", "The key registered for fileobj; KeyError if none."},
			{"get_map", selGetMap, "sel.get_map() -> mapping", "Every registered key, looked up by file object (None once closed)."},
			{"close", selClose, "sel.close()", "Forget every registration and free the selector's own resources (EpollSelector's epoll descriptor)."},
			{"__enter__", func(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				if _, err := bindArgs("BaseSelector.__enter__", true, args, kwargs); err != nil {
					return nil, err
				}
				return recv, nil
			}, "with selectors.DefaultSelector() as sel: ...", "A selector is a context manager: leaving the block closes it."},
			{"__exit__", func(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				return selClose(thread, recv, nil, nil)
			}, "", ""},
		}
		if c.kind == epollKind {
			methods = append(methods, goMethod{"fileno", func(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				if _, err := bindArgs("EpollSelector.fileno", true, args, kwargs); err != nil {
					return nil, err
				}
				s := recv.(*selector)
				if s.ep.Closed() {
					return nil, pyErrorf("ValueError", "I/O operation on closed epoll object")
				}
				return starlark.MakeInt(s.ep.Fileno()), nil
			}, "sel.fileno() -> int", "The descriptor of the selector's epoll instance."})
		}
		c.typ = newGoType("selectors."+c.name, c.name,
			"A "+c.name+": register sockets with the events to watch, then select() says which are ready. Waits with "+map[int]string{selectKind: "select(2)", pollKind: "poll(2)", epollKind: "epoll(7), the default on Linux"}[c.kind]+".",
			methods...)
		c.typ.bases = []string{"selectors.BaseSelector"}
	}
	return classes
}()

var _ goValue = (*selector)(nil)

func (s *selector) goType() *goType { return s.class.typ }
func (s *selector) String() string {
	return fmt.Sprintf("<selectors.%s object at %#x>", s.class.name, addressOf(s))
}
func (s *selector) Repr() string          { return s.String() }
func (s *selector) Type() string          { return s.class.name }
func (s *selector) Freeze()               {}
func (s *selector) Truth() starlark.Bool  { return true }
func (s *selector) Hash() (uint32, error) { return uint32(addressOf(s)), nil }
func (s *selector) AttrNames() []string   { return s.class.typ.names() }
func (s *selector) Attr(name string) (starlark.Value, error) {
	if m := s.class.typ.method(s, name); m != nil {
		return m, nil
	}
	return nil, s.class.typ.noAttr(name)
}

// selectorClassValue is selectors.EpollSelector and its siblings: calling
// one makes a selector.
func selectorClassValue(c *selectorClass) *pyType {
	return &pyType{name: "selectors." + c.name, call: func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if _, err := bindArgs(c.name+".__init__", true, args, kwargs); err != nil {
			return nil, err
		}
		in := interpOf(thread)
		if in == nil {
			return nil, pyErrorf("RuntimeError", "no interpreter")
		}
		s := &selector{class: c, in: in, rt: in.rt, keys: map[int]*selectorKey{}}
		s.mapping = &selectorMapping{sel: s}
		if c.kind == epollKind {
			ep, err := in.rt.NewEpoll()
			if err != nil {
				return nil, err
			}
			s.ep = ep
		}
		return s, nil
	}}
}

// fileobjFD is selectors' _fileobj_to_fd: an int, or int(fileobj.fileno()).
func (s *selector) fileobjFD(thread *starlark.Thread, fileobj starlark.Value) (int, error) {
	invalid := func() error { return pyErrorf("ValueError", "Invalid file object: %s", Repr(fileobj)) }
	v := fileobj
	if sv, ok := fileobj.(*socketValue); ok {
		v = starlark.MakeInt(sv.s.Fileno())
	} else if !isPyInt(fileobj) {
		m, err := getAttr(fileobj, "fileno")
		if err != nil {
			return 0, invalid()
		}
		if thread == nil {
			thread = s.in.activeThread()
		}
		r, err := starlark.Call(thread, m, nil, nil)
		if err != nil {
			switch asPyError(err).Class {
			case "AttributeError", "TypeError", "ValueError", "io.UnsupportedOperation":
				return 0, invalid()
			}
			return 0, err
		}
		if f, ok := r.(starlark.Float); ok && !math.IsInf(float64(f), 0) && !math.IsNaN(float64(f)) {
			r = starlark.MakeInt64(int64(f))
		}
		if !isPyInt(r) {
			return 0, invalid()
		}
		v = r
	}
	n, ok := smallIntOf(v)
	if !ok {
		return 0, pyErrorf("OverflowError", "Python int too large to convert to C int")
	}
	if n < 0 {
		return 0, pyErrorf("ValueError", "Invalid file descriptor: %d", n)
	}
	return int(n), nil
}

// lookup is _fileobj_lookup: the descriptor, or for an object that no
// longer has one (a closed socket), the descriptor it was registered
// with.
func (s *selector) lookup(thread *starlark.Thread, fileobj starlark.Value) (int, error) {
	fd, err := s.fileobjFD(thread, fileobj)
	if err == nil {
		return fd, nil
	}
	if pe := asPyError(err); pe.Class != "ValueError" {
		return 0, err
	}
	for _, k := range s.order {
		if identical(s.keys[k].fileobj, fileobj) {
			return k, nil
		}
	}
	return 0, err
}

// lookupKey is get_map()[fileobj].
func (s *selector) lookupKey(thread *starlark.Thread, fileobj starlark.Value) (*selectorKey, error) {
	fd, err := s.lookup(thread, fileobj)
	if err != nil {
		return nil, err
	}
	if k, ok := s.keys[fd]; ok {
		return k, nil
	}
	return nil, notRegistered(fileobj)
}

func notRegistered(fileobj starlark.Value) error {
	msg := Repr(fileobj) + " is not registered"
	return &PyError{Class: "KeyError", Msg: Repr(starlark.String(msg)), Args: starlark.Tuple{starlark.String(msg)}}
}

// checkEvents is register's test: a non-empty mask of EVENT_READ and
// EVENT_WRITE only.
func checkEvents(events starlark.Value) error {
	invalid := pyErrorf("ValueError", "Invalid events: %s", Repr(events))
	if !isPyInt(events) {
		if !events.Truth() {
			return invalid
		}
		return pyErrorf("TypeError", "unsupported operand type(s) for &: '%s' and 'int'", pyTypeName(events))
	}
	n, _ := smallIntOf(events)
	if n == 0 || n&^(eventRead|eventWrite) != 0 {
		return invalid
	}
	return nil
}

func eventsOf(v starlark.Value) int {
	n, _ := smallIntOf(v)
	return int(n)
}

func (s *selector) put(k *selectorKey) {
	fd := eventsOf(k.fd)
	if _, ok := s.keys[fd]; !ok {
		s.order = append(s.order, fd)
	}
	s.keys[fd] = k
}

func (s *selector) drop(fd int) {
	delete(s.keys, fd)
	for i, x := range s.order {
		if x == fd {
			s.order = append(s.order[:i], s.order[i+1:]...)
			return
		}
	}
}

// backendEvents maps EVENT_READ/EVENT_WRITE to poll's or epoll's bits,
// which are the same numbers (POLLIN = EPOLLIN = 1, POLLOUT = EPOLLOUT = 4).
func backendEvents(events int) int {
	out := 0
	if events&eventRead != 0 {
		out |= 0x1
	}
	if events&eventWrite != 0 {
		out |= 0x4
	}
	return out
}

func selRegister(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	s := recv.(*selector)
	v, err := bindArgs(s.class.register, true, args, kwargs, "fileobj", "events", "data?")
	if err != nil {
		return nil, err
	}
	fileobj, events, data := v[0], v[1], orNone(v[2])
	if err := checkEvents(events); err != nil {
		return nil, err
	}
	fd, err := s.lookup(thread, fileobj)
	if err != nil {
		return nil, err
	}
	if _, ok := s.keys[fd]; ok {
		msg := fmt.Sprintf("%s (FD %d) is already registered", Repr(fileobj), fd)
		return nil, &PyError{Class: "KeyError", Msg: Repr(starlark.String(msg)), Args: starlark.Tuple{starlark.String(msg)}}
	}
	key := &selectorKey{fileobj: fileobj, fd: starlark.MakeInt(fd), events: events, data: data}
	s.put(key)
	if s.class.kind == epollKind {
		err := s.epollCheck()
		if err == nil {
			err = s.ep.Register(fd, uint32(backendEvents(eventsOf(events))))
		}
		if err != nil {
			s.drop(fd)
			return nil, err
		}
	}
	return key, nil
}

func (s *selector) epollCheck() error {
	if s.ep.Closed() {
		return pyErrorf("ValueError", "I/O operation on closed epoll object")
	}
	return nil
}

func selUnregister(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	s := recv.(*selector)
	v, err := bindArgs(s.class.unregister, true, args, kwargs, "fileobj")
	if err != nil {
		return nil, err
	}
	return s.unregister(thread, v[0])
}

func (s *selector) unregister(thread *starlark.Thread, fileobj starlark.Value) (*selectorKey, error) {
	fd, err := s.lookup(thread, fileobj)
	if err != nil {
		return nil, err
	}
	key, ok := s.keys[fd]
	if !ok {
		return nil, notRegistered(fileobj)
	}
	s.drop(fd)
	if s.class.kind == epollKind {
		if err := s.epollCheck(); err != nil {
			return nil, err
		}
		s.ep.Unregister(fd) // a descriptor closed since is gone already
	}
	return key, nil
}

func selModify(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	s := recv.(*selector)
	v, err := bindArgs(s.class.modify, true, args, kwargs, "fileobj", "events", "data?")
	if err != nil {
		return nil, err
	}
	fileobj, events, data := v[0], v[1], orNone(v[2])
	fd, err := s.lookup(thread, fileobj)
	if err != nil {
		return nil, err
	}
	key, ok := s.keys[fd]
	if !ok {
		return nil, notRegistered(fileobj)
	}
	eventsChanged, err := differ(thread, events, key.events)
	if err != nil {
		return nil, err
	}
	if s.class.kind == selectKind {
		// _BaseSelectorImpl.modify: new events re-register (the key moves
		// to the end); new data alone replaces the key in place.
		if eventsChanged {
			if _, err := s.unregister(thread, fileobj); err != nil {
				return nil, err
			}
			return selRegister(thread, s, starlark.Tuple{fileobj, events, data}, nil)
		}
		dataChanged, err := differ(thread, data, key.data)
		if err != nil {
			return nil, err
		}
		if dataChanged {
			key = &selectorKey{fileobj: key.fileobj, fd: key.fd, events: key.events, data: data}
			s.put(key)
		}
		return key, nil
	}
	// _PollLikeSelector.modify: the kernel's set is changed in place.
	if eventsChanged {
		mask := backendEvents(eventsOf(events))
		if s.class.kind == epollKind {
			err = s.epollCheck()
			if err == nil {
				err = s.ep.Modify(fd, uint32(mask))
			}
			if err != nil {
				s.drop(fd)
				return nil, err
			}
		}
	}
	dataChanged, err := differ(thread, data, key.data)
	if err != nil {
		return nil, err
	}
	if eventsChanged || dataChanged {
		key = &selectorKey{fileobj: key.fileobj, fd: key.fd, events: events, data: data}
		s.put(key)
	}
	return key, nil
}

// differ is Python's x != y.
func differ(thread *starlark.Thread, x, y starlark.Value) (bool, error) {
	r, err := richCompare(thread, "!=", x, y)
	if err != nil {
		return false, err
	}
	return bool(r.Truth()), nil
}

func selGetKey(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	s := recv.(*selector)
	v, err := bindArgs("BaseSelector.get_key", true, args, kwargs, "fileobj")
	if err != nil {
		return nil, err
	}
	if s.closed {
		return nil, pyErrorf("RuntimeError", "Selector is closed")
	}
	return s.lookupKey(thread, v[0])
}

func selGetMap(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	s := recv.(*selector)
	if _, err := bindArgs("_BaseSelectorImpl.get_map", true, args, kwargs); err != nil {
		return nil, err
	}
	if s.closed {
		return starlark.None, nil
	}
	return s.mapping, nil
}

func selClose(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	s := recv.(*selector)
	if _, err := bindArgs(s.class.cls, true, args, kwargs); err != nil {
		return nil, err
	}
	if s.ep != nil {
		if err := s.ep.Close(); err != nil {
			return nil, err
		}
	}
	s.keys, s.order, s.closed = map[int]*selectorKey{}, nil, true
	return starlark.None, nil
}

func selSelect(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	s := recv.(*selector)
	v, err := bindArgs(s.class.sel, true, args, kwargs, "timeout?")
	if err != nil {
		return nil, err
	}
	timeout := orNone(v[0])
	type hit struct{ fd, events int }
	var hits []hit
	switch s.class.kind {
	case selectKind:
		var t *float64
		if timeout != starlark.None {
			f, ok := toFloat(timeout)
			if !ok {
				return nil, pyErrorf("TypeError", "'>' not supported between instances of 'int' and '%s'", pyTypeName(timeout))
			}
			if f < 0 {
				f = 0
			}
			t = &f
		}
		var r, w []int
		for _, fd := range s.order {
			ev := eventsOf(s.keys[fd].events)
			if ev&eventRead != 0 {
				r = append(r, fd)
			}
			if ev&eventWrite != 0 {
				w = append(w, fd)
			}
		}
		rr, wr, _, err := s.rt.Select(r, w, nil, t)
		if err != nil {
			return nil, err
		}
		// CPython walks the set r | w: small descriptors in ascending order.
		ready := map[int]int{}
		for _, fd := range rr {
			ready[fd] |= eventRead
		}
		for _, fd := range wr {
			ready[fd] |= eventWrite
		}
		for fd, ev := range ready {
			hits = append(hits, hit{fd, ev})
		}
		sort.Slice(hits, func(i, j int) bool { return hits[i].fd < hits[j].fd })
	default:
		ms, err := selectorMillis(timeout, s.class.kind)
		if err != nil {
			return nil, err
		}
		var got []sockets.PollFD
		if s.class.kind == pollKind {
			set := make([]sockets.PollFD, len(s.order))
			for i, fd := range s.order {
				set[i] = sockets.PollFD{FD: fd, Events: backendEvents(eventsOf(s.keys[fd].events))}
			}
			if got, err = s.rt.Poll("select", set, ms); err != nil {
				return nil, err
			}
		} else {
			if err := s.epollCheck(); err != nil {
				return nil, err
			}
			evs, err := s.ep.Wait("select", ms, max(len(s.order), 1))
			if err != nil {
				return nil, err
			}
			for _, e := range evs {
				got = append(got, sockets.PollFD{FD: e.FD, Revents: int(e.Events)})
			}
		}
		for _, g := range got {
			ev := 0
			if g.Revents&^0x1 != 0 {
				ev |= eventWrite
			}
			if g.Revents&^0x4 != 0 {
				ev |= eventRead
			}
			hits = append(hits, hit{g.FD, ev})
		}
	}
	out := []starlark.Value{}
	for _, h := range hits {
		if key, ok := s.keys[h.fd]; ok {
			out = append(out, starlark.Tuple{key, starlark.MakeInt(h.events & eventsOf(key.events))})
		}
	}
	return starlark.NewList(out), nil
}

// selectorMillis is the timeout poll and epoll selectors hand down:
// None waits without limit, 0 or less only looks, anything else is
// rounded up to whole milliseconds.
func selectorMillis(timeout starlark.Value, kind int) (int, error) {
	if timeout == starlark.None {
		return -1, nil
	}
	f, ok := toFloat(timeout)
	if !ok {
		return 0, pyErrorf("TypeError", "'<=' not supported between instances of '%s' and 'int'", pyTypeName(timeout))
	}
	if f <= 0 {
		return 0, nil
	}
	ms := math.Ceil(f * 1e3)
	switch {
	case math.IsNaN(ms):
		return 0, pyErrorf("ValueError", "cannot convert float NaN to integer")
	case math.IsInf(ms, 0):
		return 0, pyErrorf("OverflowError", "cannot convert float infinity to integer")
	}
	if kind == epollKind {
		return timeoutMillis(starlark.Float(ms*1e-3), 1e9, roundCeiling)
	}
	if ms > math.MaxInt32 {
		if ms*1e6 >= 0x1p63 {
			return 0, pyErrorf("OverflowError", "timestamp too large to convert to C _PyTime_t")
		}
		return 0, pyErrorf("OverflowError", "timeout is too large")
	}
	return int(ms), nil
}
