package python

import (
	"fmt"
	"time"

	"go.starlark.net/starlark"
)

// Locks, events, semaphores and queues. Their state changes only while
// the global interpreter lock is held, so they need no lock of their own;
// a thread that must wait takes a notification channel, gives the lock up
// in Runtime.WaitChan until the channel is closed (by the change it waits
// for), then looks again.

// signal is a notification channel: wait on ch, wake everyone with fire.
type signal struct{ ch chan struct{} }

func (s *signal) wait() <-chan struct{} {
	if s.ch == nil {
		s.ch = make(chan struct{})
	}
	return s.ch
}

func (s *signal) fire() {
	if s.ch != nil {
		close(s.ch)
		s.ch = nil
	}
}

// waitUntil waits, giving the lock up, until ok() holds, the deadline
// passes (false) or Ctrl-C ends it in the main thread.
func waitUntil(thread *starlark.Thread, op, detail string, sig *signal, deadline *time.Time, ok func() bool) (bool, error) {
	in := interpOf(thread)
	for !ok() {
		var left *float64
		if deadline != nil {
			d := time.Until(*deadline).Seconds()
			if d <= 0 {
				return false, nil
			}
			left = &d
		}
		if _, err := in.rt.WaitChan(op, detail, sig.wait(), left); err != nil {
			return false, err
		}
	}
	return true, nil
}

// deadlineOf turns blocking and timeout arguments into a deadline: nil
// waits for ever.
func deadlineOf(blocking bool, timeout starlark.Value) (*time.Time, error) {
	if !blocking {
		d := time.Now()
		return &d, nil
	}
	t, err := waitTimeout(timeout)
	if err != nil || t == nil {
		return nil, err
	}
	d := time.Now().Add(time.Duration(*t * float64(time.Second)))
	return &d, nil
}

// lockValue is threading.Lock and threading.RLock.
type lockValue struct {
	reentrant bool
	owner     *pyThread
	count     int
	freed     signal
}

func newLock(reentrant bool) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
			return nil, err
		}
		return &lockValue{reentrant: reentrant}, nil
	}
}

func (l *lockValue) String() string {
	state := "unlocked"
	if l.count > 0 {
		state = "locked"
	}
	if l.reentrant {
		return fmt.Sprintf("<%s _thread.RLock object owner=%d count=%d at %s>", state, identOf(l.owner), l.count, hexAddr(l))
	}
	return fmt.Sprintf("<%s _thread.lock object at %s>", state, hexAddr(l))
}
func (l *lockValue) Repr() string { return l.String() }
func (l *lockValue) Type() string {
	if l.reentrant {
		return "RLock"
	}
	return "lock"
}
func (l *lockValue) Freeze()               {}
func (l *lockValue) Truth() starlark.Bool  { return true }
func (l *lockValue) Hash() (uint32, error) { return uint32(addressOf(l)), nil }
func (l *lockValue) AttrNames() []string {
	return []string{"__enter__", "__exit__", "acquire", "locked", "release"}
}

func identOf(t *pyThread) int64 {
	if t == nil {
		return 0
	}
	return t.ident
}

func (l *lockValue) acquire(thread *starlark.Thread, blocking bool, timeout starlark.Value) (bool, error) {
	me := interpOf(thread).currentPy()
	if l.reentrant && l.count > 0 && l.owner == me {
		l.count++
		return true, nil
	}
	deadline, err := deadlineOf(blocking, timeout)
	if err != nil {
		return false, err
	}
	ok, err := waitUntil(thread, "acquire", "lock held by another thread", &l.freed, deadline, func() bool { return l.count == 0 })
	if !ok || err != nil {
		return false, err
	}
	l.owner, l.count = me, 1
	return true, nil
}

func (l *lockValue) release(thread *starlark.Thread) error {
	if l.count == 0 {
		if l.reentrant {
			return pyErrorf("RuntimeError", "cannot release un-acquired lock")
		}
		return pyErrorf("RuntimeError", "release unlocked lock")
	}
	if l.reentrant && l.owner != interpOf(thread).currentPy() {
		return pyErrorf("RuntimeError", "cannot release un-acquired lock")
	}
	l.count--
	if l.count == 0 {
		l.owner = nil
		l.freed.fire()
	}
	return nil
}

func (l *lockValue) Attr(name string) (starlark.Value, error) {
	b := func(fn func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)) starlark.Value {
		return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return fn(thread, args, kwargs)
		})
	}
	switch name {
	case "acquire", "__enter__":
		return b(func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			blocking := true
			var timeout starlark.Value = starlark.MakeInt(-1)
			if name == "acquire" {
				if err := starlark.UnpackArgs("acquire", args, kwargs, "blocking?", &blocking, "timeout?", &timeout); err != nil {
					return nil, err
				}
			}
			timeout, err := lockTimeout(blocking, timeout)
			if err != nil {
				return nil, err
			}
			ok, err := l.acquire(thread, blocking, timeout)
			return starlark.Bool(ok), err
		}), nil
	case "release", "__exit__":
		return b(func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return starlark.None, l.release(thread)
		}), nil
	case "locked":
		return b(func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.Bool(l.count > 0), nil
		}), nil
	}
	return nil, pyErrorf("AttributeError", "'%s' object has no attribute '%s'", l.Type(), name)
}

// eventValue is threading.Event.
type eventValue struct {
	set     bool
	changed signal
}

func newEvent(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("Event", args, kwargs, 0); err != nil {
		return nil, err
	}
	return &eventValue{}, nil
}

func (e *eventValue) String() string {
	state := "unset"
	if e.set {
		state = "set"
	}
	return fmt.Sprintf("<threading.Event at %s: %s>", hexAddr(e), state)
}
func (e *eventValue) Repr() string          { return e.String() }
func (e *eventValue) Type() string          { return "Event" }
func (e *eventValue) Freeze()               {}
func (e *eventValue) Truth() starlark.Bool  { return true }
func (e *eventValue) Hash() (uint32, error) { return uint32(addressOf(e)), nil }
func (e *eventValue) AttrNames() []string   { return []string{"clear", "is_set", "set", "wait"} }

func (e *eventValue) Attr(name string) (starlark.Value, error) {
	b := func(fn func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)) starlark.Value {
		return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return fn(thread, args, kwargs)
		})
	}
	switch name {
	case "set":
		return b(func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			e.set = true
			e.changed.fire()
			return starlark.None, nil
		}), nil
	case "clear":
		return b(func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			e.set = false
			return starlark.None, nil
		}), nil
	case "is_set":
		return b(func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.Bool(e.set), nil
		}), nil
	case "wait":
		return b(func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var timeout starlark.Value = starlark.None
			if err := starlark.UnpackArgs("wait", args, kwargs, "timeout?", &timeout); err != nil {
				return nil, err
			}
			deadline, err := deadlineOf(true, timeout)
			if err != nil {
				return nil, err
			}
			ok, err := waitUntil(thread, "wait", "event not set", &e.changed, deadline, func() bool { return e.set })
			return starlark.Bool(ok), err
		}), nil
	}
	return nil, pyErrorf("AttributeError", "'Event' object has no attribute '%s'", name)
}

// semaphoreValue is threading.Semaphore.
type semaphoreValue struct {
	value   int
	changed signal
}

func newSemaphore(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	value := 1
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "value?", &value); err != nil {
		return nil, err
	}
	if value < 0 {
		return nil, pyErrorf("ValueError", "semaphore initial value must be >= 0")
	}
	return &semaphoreValue{value: value}, nil
}

func (s *semaphoreValue) String() string {
	return fmt.Sprintf("<threading.Semaphore at %s: value=%d>", hexAddr(s), s.value)
}
func (s *semaphoreValue) Repr() string          { return s.String() }
func (s *semaphoreValue) Type() string          { return "Semaphore" }
func (s *semaphoreValue) Freeze()               {}
func (s *semaphoreValue) Truth() starlark.Bool  { return true }
func (s *semaphoreValue) Hash() (uint32, error) { return uint32(addressOf(s)), nil }
func (s *semaphoreValue) AttrNames() []string {
	return []string{"__enter__", "__exit__", "acquire", "release"}
}

func (s *semaphoreValue) Attr(name string) (starlark.Value, error) {
	switch name {
	case "acquire", "__enter__":
		return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			blocking := true
			var timeout starlark.Value = starlark.None
			if name == "acquire" {
				if err := starlark.UnpackArgs("acquire", args, kwargs, "blocking?", &blocking, "timeout?", &timeout); err != nil {
					return nil, err
				}
				if !blocking && timeout != starlark.None {
					return nil, pyErrorf("ValueError", "can't specify timeout for non-blocking acquire")
				}
			}
			deadline, err := deadlineOf(blocking, timeout)
			if err != nil {
				return nil, err
			}
			ok, err := waitUntil(thread, "acquire", "semaphore at 0", &s.changed, deadline, func() bool { return s.value > 0 })
			if ok && err == nil {
				s.value--
			}
			return starlark.Bool(ok), err
		}), nil
	case "release", "__exit__":
		return starlark.NewBuiltin(name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			s.value++
			s.changed.fire()
			return starlark.None, nil
		}), nil
	}
	return nil, pyErrorf("AttributeError", "'Semaphore' object has no attribute '%s'", name)
}
