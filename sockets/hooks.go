//go:build linux

package sockets

import (
	"time"
)

// WaitHooks let a program that runs several threads of its own over one
// Runtime (an interpreter with a global lock) give the lock up while a
// call waits, and say which waits an Interrupt ends: only the foreground
// one (the thread at the prompt) is interrupted and reports Progress; a
// background wait only ends by itself, or when the Runtime closes.
type WaitHooks struct {
	// Enter is called when a call is about to block. It returns a token
	// for Leave, and whether this wait is the foreground one.
	Enter func() (token any, foreground bool)
	// Leave is called when the wait ends, before the call goes on.
	Leave func(token any)
	// Settled, when set, is called once in a wait that has lasted
	// SettleAfter with nothing ready, from the waiting goroutine (after
	// Enter): a program blocked this long has time for housekeeping,
	// such as closing the sockets nothing refers to any more.
	Settled func()
}

// SettleAfter is how long a wait lasts before WaitHooks.Settled runs.
const SettleAfter = 50 * time.Millisecond

// settle runs the Settled hook once per wait, when the wait has lasted
// SettleAfter; done says it ran.
func (c *call) settle(began time.Time, done *bool) {
	if *done || time.Since(began) < SettleAfter {
		return
	}
	*done = true
	if h := c.rt.hooks.Load(); h != nil && h.Settled != nil {
		h.Settled()
	}
}

// settleSlice shortens a poll slice so that the wait wakes for settle.
func (c *call) settleSlice(slice time.Duration, began time.Time, done bool) time.Duration {
	if done {
		return slice
	}
	if h := c.rt.hooks.Load(); h == nil || h.Settled == nil {
		return slice
	}
	return max(min(slice, SettleAfter-time.Since(began)), time.Millisecond)
}

// SetWaitHooks installs hooks (nil removes them). Without hooks every
// wait is a foreground wait.
func (rt *Runtime) SetWaitHooks(h *WaitHooks) { rt.hooks.Store(h) }

// enter runs the Enter hook: whether the wait that starts is foreground.
func (c *call) enter() (leave func(), foreground bool) {
	h := c.rt.hooks.Load()
	if h == nil || h.Enter == nil {
		return func() {}, true
	}
	token, fg := h.Enter()
	return func() {
		if h.Leave != nil {
			h.Leave(token)
		}
	}, fg
}

// WaitChan blocks until ready can be received from (or is closed), the
// timeout passes (nil: never) or, for the foreground wait, an interrupt
// arrives. It is the wait of the embedding program's own primitives
// (a queue's get, a thread's join): they report Progress as op with
// detail saying what is awaited, and Ctrl-C ends them, as it ends a
// socket call. It returns true when ready
// came, false when the timeout passed, or the KeyboardInterrupt error.
func (rt *Runtime) WaitChan(op, detail string, ready <-chan struct{}, timeout *float64) (ok bool, err error) {
	select {
	case <-ready:
		return true, nil // no wait at all
	default:
	}
	if rt.isClosed() {
		return false, errClosedRuntime(op)
	}
	c := rt.begin(op, nil)
	defer c.end(&err)
	c.start = time.Now()
	leave, fg := c.enter()
	defer leave()
	var deadline <-chan time.Time
	if timeout != nil {
		t := time.NewTimer(time.Duration(*timeout * float64(time.Second)))
		defer t.Stop()
		deadline = t.C
	}
	tick := time.NewTicker(reportEvery)
	defer tick.Stop()
	began, settled := time.Now(), false
	settle := time.NewTimer(SettleAfter)
	defer settle.Stop()
	for {
		var intr <-chan struct{}
		if fg {
			intr = rt.interruptChan()
		}
		select {
		case <-ready:
			return true, nil
		case <-deadline:
			return false, nil
		case <-intr:
			return false, Interrupted(op)
		case <-settle.C:
			c.settle(began, &settled)
		case <-tick.C:
			if rt.closing.Load() {
				return false, errClosedRuntime(op)
			}
			if obs := rt.observer.Load(); obs != nil && fg {
				c.reported = true
				p := c.progress(WaitOther)
				p.Detail = detail
				(*obs)(p)
			}
		}
	}
}

// interruptChan is closed while an interrupt is pending.
func (rt *Runtime) interruptChan() <-chan struct{} {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.intr == nil {
		rt.intr = make(chan struct{})
		if rt.interrupted.Load() {
			close(rt.intr)
		}
	}
	return rt.intr
}
