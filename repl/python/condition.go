package python

import (
	"fmt"
	"time"

	"go.starlark.net/starlark"
)

// threading.Condition: a lock (an RLock unless one is given) and the
// threads waiting on it. wait() releases the lock, sleeps until
// notify() picks this waiter (or the timeout passes), then takes the
// lock back; the producer/consumer examples of tutorials use it around a
// shared list or deque.

type conditionValue struct {
	lock    *lockValue
	waiters []*condWaiter
}

// condWaiter is one thread in wait(): notify sets woken and fires sig.
type condWaiter struct {
	woken bool
	sig   signal
}

func newCondition(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var lock starlark.Value = starlark.None
	if err := starlark.UnpackArgs("Condition", args, kwargs, "lock?", &lock); err != nil {
		return nil, err
	}
	c := &conditionValue{lock: &lockValue{reentrant: true}}
	if lock != starlark.None {
		l, ok := lock.(*lockValue)
		if !ok {
			return nil, pyErrorf("AttributeError", "'%s' object has no attribute 'acquire'", pyTypeName(lock))
		}
		c.lock = l
	}
	return c, nil
}

func (c *conditionValue) String() string {
	return fmt.Sprintf("<Condition(%s, %d)>", c.lock.String(), len(c.waiters))
}
func (c *conditionValue) Repr() string          { return c.String() }
func (c *conditionValue) Type() string          { return "Condition" }
func (c *conditionValue) Freeze()               {}
func (c *conditionValue) Truth() starlark.Bool  { return true }
func (c *conditionValue) Hash() (uint32, error) { return uint32(addressOf(c)), nil }
func (c *conditionValue) AttrNames() []string {
	return []string{"__enter__", "__exit__", "acquire", "notify", "notify_all", "release", "wait", "wait_for"}
}

// owned reports whether the running thread holds the lock (for a plain
// Lock, whether anyone does, as CPython can only tell that).
func (c *conditionValue) owned(thread *starlark.Thread) bool {
	if c.lock.reentrant {
		return c.lock.count > 0 && c.lock.owner == interpOf(thread).currentPy()
	}
	return c.lock.count > 0
}

// wait releases the lock entirely, waits to be notified, and takes it
// back as it was.
func (c *conditionValue) wait(thread *starlark.Thread, timeout starlark.Value) (bool, error) {
	if !c.owned(thread) {
		return false, pyErrorf("RuntimeError", "cannot wait on un-acquired lock")
	}
	deadline, err := deadlineOf(true, timeout)
	if err != nil {
		return false, err
	}
	w := &condWaiter{}
	c.waiters = append(c.waiters, w)
	saved := c.lock.count
	c.lock.count, c.lock.owner = 0, nil
	c.lock.freed.fire()
	woken, waitErr := waitUntil(thread, "wait", "condition not notified", &w.sig, deadline, func() bool { return w.woken })
	if !woken {
		for i, x := range c.waiters {
			if x == w {
				c.waiters = append(c.waiters[:i:i], c.waiters[i+1:]...)
				break
			}
		}
	}
	// The lock comes back even when the wait was interrupted, as in
	// CPython, so a with block's release still matches.
	if _, err := c.lock.acquire(thread, true, starlark.MakeInt(-1)); err != nil {
		return false, err
	}
	c.lock.count = saved
	return woken, waitErr
}

func (c *conditionValue) notify(thread *starlark.Thread, n int) error {
	if !c.owned(thread) {
		return pyErrorf("RuntimeError", "cannot notify on un-acquired lock")
	}
	for n > 0 && len(c.waiters) > 0 {
		w := c.waiters[0]
		c.waiters = c.waiters[1:]
		w.woken = true
		w.sig.fire()
		n--
	}
	return nil
}

func (c *conditionValue) Attr(name string) (starlark.Value, error) {
	switch name {
	case "acquire", "__enter__", "release", "__exit__":
		return c.lock.Attr(name)
	case "wait":
		return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var timeout starlark.Value = starlark.None
			if err := starlark.UnpackArgs("wait", args, kwargs, "timeout?", &timeout); err != nil {
				return nil, err
			}
			ok, err := c.wait(thread, timeout)
			return starlark.Bool(ok), err
		}), nil
	case "wait_for":
		return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var pred, timeout starlark.Value = nil, starlark.None
			if err := starlark.UnpackArgs("wait_for", args, kwargs, "predicate", &pred, "timeout?", &timeout); err != nil {
				return nil, err
			}
			deadline, err := deadlineOf(true, timeout)
			if err != nil {
				return nil, err
			}
			for {
				v, err := starlark.Call(thread, pred, nil, nil)
				if err != nil || v.Truth() {
					return v, err
				}
				var left starlark.Value = starlark.None
				if deadline != nil {
					d := deadlineLeft(*deadline)
					if d <= 0 {
						return v, nil
					}
					left = starlark.Float(d)
				}
				if _, err := c.wait(thread, left); err != nil {
					return nil, err
				}
			}
		}), nil
	case "notify":
		return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			n := 1
			if err := starlark.UnpackArgs("notify", args, kwargs, "n?", &n); err != nil {
				return nil, err
			}
			return starlark.None, c.notify(thread, n)
		}), nil
	case "notify_all":
		return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackPositionalArgs(name, args, kwargs, 0); err != nil {
				return nil, err
			}
			return starlark.None, c.notify(thread, len(c.waiters))
		}), nil
	}
	return nil, pyErrorf("AttributeError", "'Condition' object has no attribute '%s'", name)
}

// deadlineLeft is the seconds until d.
func deadlineLeft(d time.Time) float64 { return time.Until(d).Seconds() }
