//go:build linux

package sockets

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"golang.org/x/sys/unix"
)

// reportEvery is how often a blocked call reports Progress, and the
// longest single poll: a wait never sleeps longer than this without
// looking at the wake fd's result and the clock.
const reportEvery = 100 * time.Millisecond

// errWaitTimeout is the wait helper's "deadline passed"; callers turn it
// into TimeoutError (or an empty select result).
var errWaitTimeout = errors.New("wait deadline passed")

// call is one learner-visible operation (accept, recv, sendall, select,
// sleep...). It spans every wait the operation makes, so reports carry the
// elapsed time of the whole call and one Finished report ends them.
type call struct {
	rt         *Runtime
	op         string
	s          *Socket   // nil for select and sleep
	start      time.Time // set by the first wait: a call that never waits reads no clock
	reported   bool      // at least one Progress went out
	lastReport time.Time
	done       int64 // sendall progress
	total      int64

	// The program view of %trace (traceview.go).
	mark     time.Time // where the program's current call began
	pend     string    // blocking mode: the program call asleep in the kernel
	pollFD   int       // timeout mode: the poll CPython makes before each try
	pollEv   int16
	deadline time.Time
}

// begin starts a call; the caller must defer c.end(&err).
func (rt *Runtime) begin(op string, s *Socket) *call {
	rt.busy.Add(1)
	if s != nil {
		s.touch()
	}
	c := callPool.Get().(*call)
	*c = call{rt: rt, op: op, s: s}
	if rt.tracing() {
		c.mark = time.Now() // the program view times its calls from here
	}
	return c
}

// callPool recycles calls: one is made for every socket operation, and
// a loop of non-blocking recv() calls caught by try/except made a fifth
// of its garbage in them. Nothing keeps a call after end (Progress is a
// copy), so end puts it back.
var callPool = sync.Pool{New: func() any { return new(call) }}

// end sends the Finished report when the call reported while blocked,
// and gives the call back to the pool.
func (c *call) end(errp *error) {
	rt := c.rt
	defer rt.busy.Done()
	if c.reported {
		if obs := rt.observer.Load(); obs != nil {
			p := c.progress(WaitNone)
			p.Finished = true
			if errp != nil {
				p.Err = *errp
			}
			(*obs)(p)
		}
	}
	*c = call{}
	callPool.Put(c)
}

// waitFD waits until fd has one of events, the deadline passes (zero
// deadline: never) or the Runtime is interrupted.
func (c *call) waitFD(fd int, events int16, deadline time.Time, why Why) error {
	if fd < 0 {
		return nil // closed: the system call that follows raises EBADF
	}
	pfds := [2]unix.PollFd{{Fd: int32(fd), Events: events}}
	_, err := c.wait(pfds[:1], deadline, why)
	return err
}

// wait is the one place the package blocks. It polls fds plus the wake fd
// in slices of at most reportEvery, reporting Progress between slices,
// and returns when one of fds is ready (its revents filled in), the
// deadline passes (errWaitTimeout) or an interrupt arrives (KeyboardInterrupt).
// A ready socket wins over a pending interrupt, so a call that need not
// block is never cut short.
func (c *call) wait(fds []unix.PollFd, deadline time.Time, why Why) (int, error) {
	rt := c.rt
	rt.mu.Lock()
	wake := rt.wake
	rt.mu.Unlock()
	if wake < 0 {
		return 0, errClosedRuntime(c.op)
	}
	leave, fg := c.enter()
	defer leave()
	// A background wait (WaitHooks) does not watch the wake fd: an
	// interrupt is not for it. It looks at the Runtime closing between
	// slices instead.
	all := make([]unix.PollFd, len(fds), len(fds)+1)
	copy(all, fds)
	if fg {
		all = append(all, unix.PollFd{Fd: int32(wake), Events: unix.POLLIN})
	}

	began := time.Now()
	if c.start.IsZero() {
		// The attempt before the first wait took microseconds: the call's
		// elapsed time starts here.
		c.start, c.lastReport = began, began
	}
	settled := false
	for {
		slice := reportEvery - time.Since(c.lastReport)
		if slice <= 0 {
			slice = time.Millisecond
		}
		slice = c.settleSlice(slice, began, settled)
		last := false // the deadline has passed: look once more, then give up
		if !deadline.IsZero() {
			left := time.Until(deadline)
			if left <= 0 {
				last, left = true, 0
			}
			slice = min(slice, left)
		}
		ms := int((slice + time.Millisecond - 1) / time.Millisecond)
		for i := range all {
			all[i].Revents = 0
		}
		n, err := sysPoll(all, ms)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return 0, sysError("poll", err)
		}
		ready := 0
		for i := range fds {
			fds[i].Revents = all[i].Revents
			if all[i].Revents != 0 {
				ready++
			}
		}
		if time.Since(c.lastReport) >= reportEvery-time.Millisecond {
			c.lastReport = time.Now()
			if obs := rt.observer.Load(); obs != nil && fg {
				c.reported = true
				(*obs)(c.progress(why))
			}
		}
		if ready > 0 {
			c.traceWait(all, deadline, began, n, nil)
			return ready, nil
		}
		if !fg {
			if rt.closing.Load() {
				return 0, errClosedRuntime(c.op)
			}
		} else if n > 0 || rt.interrupted.Load() {
			e := Interrupted(c.op)
			c.traceWait(all, deadline, began, n, e)
			return 0, e
		}
		if last {
			c.traceWait(all, deadline, began, 0, errWaitTimeout)
			return 0, errWaitTimeout
		}
		c.settle(began, &settled)
	}
}

// progress reads why the call waits from the kernel, now.
func (c *call) progress(why Why) Progress {
	p := Progress{Op: c.op, FD: -1, Elapsed: time.Since(c.start), Why: why, Done: c.done, Total: c.total}
	if s := c.s; s != nil && s.fd >= 0 {
		p.FD = s.fd
		var sa sockaddr
		if sysGetsockname(s.fd, &sa) == nil {
			p.Local = sa.endpoint()
		}
		switch why {
		case WaitAcceptQueue:
			p.QueueLen, p.Backlog = s.acceptQueue()
		case WaitSendBuffer:
			p.SendQ, _ = sysIoctlInt(s.fd, unix.SIOCOUTQ)
			p.SndBuf, _ = unix.GetsockoptInt(s.fd, unix.SOL_SOCKET, unix.SO_SNDBUF)
		}
	}
	return p
}

// traceWait reports a finished wait as one poll line of the raw view
// (the wake fd included), and in the program view a wait that ended
// without the socket being ready.
func (c *call) traceWait(fds []unix.PollFd, deadline, began time.Time, ready int, err error) {
	t := c.rt.tracer.Load()
	if t == nil {
		return
	}
	if err != nil {
		defer c.waitEnded(err)
	}
	var b strings.Builder
	b.WriteString("poll([")
	for i, f := range fds {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "{fd=%d, events=%s}", f.Fd, pollNames(f.Events))
	}
	timeout := -1
	if !deadline.IsZero() {
		timeout = int(max(0, deadline.Sub(began).Milliseconds()))
	}
	fmt.Fprintf(&b, "], %d, %d)", len(fds), timeout)
	var res string
	switch {
	case err == errWaitTimeout || ready == 0:
		res = "0 (Timeout)" // the last slice's; an interrupt seen between slices
	default:
		var rb strings.Builder
		for _, f := range fds {
			if f.Revents != 0 {
				if rb.Len() > 0 {
					rb.WriteString(", ")
				}
				fmt.Fprintf(&rb, "{fd=%d, revents=%s}", f.Fd, pollNames(f.Revents))
			}
		}
		res = fmt.Sprintf("%d ([%s])", ready, rb.String())
	}
	(*t)(Trace{Call: b.String(), Result: res, Took: time.Since(began), View: ViewRaw})
}

func pollNames(ev int16) string {
	names := []struct {
		bit  int16
		name string
	}{{unix.POLLIN, "POLLIN"}, {unix.POLLPRI, "POLLPRI"}, {unix.POLLOUT, "POLLOUT"},
		{unix.POLLERR, "POLLERR"}, {unix.POLLHUP, "POLLHUP"}, {unix.POLLNVAL, "POLLNVAL"}, {unix.POLLRDHUP, "POLLRDHUP"}}
	var parts []string
	for _, n := range names {
		if ev&n.bit != 0 {
			parts = append(parts, n.name)
			ev &^= n.bit
		}
	}
	if ev != 0 || len(parts) == 0 {
		parts = append(parts, fmt.Sprintf("%#x", ev))
	}
	return strings.Join(parts, "|")
}
