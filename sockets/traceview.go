//go:build linux

package sockets

import (
	"fmt"
	"time"

	"golang.org/x/sys/unix"
)

// The program view of %trace. CPython makes a blocking recv() as one
// recvfrom(2) that sleeps in the kernel; this package makes it as a
// recvfrom with MSG_DONTWAIT, a poll that also watches the wake fd, and a
// second recvfrom, so that Ctrl-C can end the wait. Each operation reports
// both: every system call it makes as a ViewRaw line, and the calls
// CPython would have made as ViewProgram lines, timed from where CPython's
// call would have begun, so a blocking recvfrom shows how long it waited.
//
// By mode, what CPython's strace shows (and the program view prints):
//   - blocking: the call itself, once, with its result or EINTR;
//   - timeout: a poll([{fd, events}], 1, ms) before each attempt, then the
//     call (connect: the call, the poll, then getsockopt SO_ERROR);
//   - non-blocking: the call, EAGAIN included.

// traceOn is cheap: the call-level bookkeeping runs only while tracing.
func (c *call) traceOn() bool { return c.rt.tracing() }

// pollFirst says that, in timeout mode, CPython polls fd for events
// before each attempt, with what is left of deadline as the timeout.
func (c *call) pollFirst(fd int, events int16, deadline time.Time) {
	c.pollFD, c.pollEv, c.deadline = fd, events, deadline
}

// emitView sends one line to the tracer.
func (rt *Runtime) emitView(view TraceView, callText, res string, took time.Duration) {
	if t := rt.tracer.Load(); t != nil {
		(*t)(Trace{Call: callText, Result: res, Took: took, View: view})
	}
}

// raw reports a system call as this package made it.
func (c *call) raw(callText, res string, start time.Time) {
	c.rt.emitView(ViewRaw, callText, res, time.Since(start))
}

// prog reports a call of the program view: in timeout mode the poll that
// found the socket ready comes first. Its time runs from the end of the
// previous program line (the whole wait, for a blocking call).
func (c *call) prog(callText, res string) {
	if c.pollEv != 0 {
		c.progPoll(fmt.Sprintf("1 ([{fd=%d, revents=%s}])", c.pollFD, pollNames(c.pollEv&^unix.POLLERR)))
	}
	c.rt.emitView(ViewProgram, callText, res, time.Since(c.mark))
	c.mark = time.Now()
	c.pend = ""
}

// progPoll reports the poll CPython makes in timeout mode, with res.
func (c *call) progPoll(res string) {
	ms := int64(0)
	if left := c.deadline.Sub(c.mark); left > 0 {
		ms = (left + time.Millisecond/2).Milliseconds()
	}
	text := fmt.Sprintf("poll([{fd=%d, events=%s}], 1, %d)", c.pollFD, pollNames(c.pollEv), ms)
	c.rt.emitView(ViewProgram, text, res, time.Since(c.mark))
	c.mark = time.Now()
}

// blockedIn records the program call that would be asleep in the kernel
// now (blocking mode), so that an interrupt can end it with EINTR.
func (c *call) blockedIn(callText string) { c.pend = callText }

// waitEnded reports, in the program view, a wait that ended without the
// socket becoming ready: timeout mode's poll timed out or was interrupted;
// a blocking call was interrupted.
func (c *call) waitEnded(err error) {
	const eintr = "-1 EINTR (Interrupted system call)"
	switch {
	case c.pollEv != 0 && err == errWaitTimeout:
		c.progPoll("0 (Timeout)")
	case c.pollEv != 0:
		c.progPoll(eintr)
	case c.pend != "" && err != errWaitTimeout:
		c.rt.emitView(ViewProgram, c.pend, eintr, time.Since(c.mark))
		c.mark = time.Now()
	}
	c.pend = ""
}
