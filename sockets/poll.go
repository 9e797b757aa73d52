//go:build linux

package sockets

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// Poll is select.poll's poll(timeout): poll(2) over fds, waiting at most
// timeoutMs milliseconds (negative: until something happens). It returns
// the entries that have events, in the order given: POLLHUP, POLLERR and
// POLLNVAL (a closed descriptor) come whether asked for or not.
// Interruptible and observed like every other wait; op names the call
// in Progress reports ("poll", or "select" for a selector's select()).
func (rt *Runtime) Poll(op string, fds []PollFD, timeoutMs int) (ready []PollFD, err error) {
	var deadline time.Time
	if timeoutMs >= 0 {
		deadline = time.Now().Add(time.Duration(timeoutMs) * time.Millisecond)
	}
	pfds := make([]unix.PollFd, len(fds))
	for i, f := range fds {
		pfds[i] = unix.PollFd{Fd: int32(f.FD), Events: int16(uint16(f.Events))}
	}
	if rt.isClosed() {
		return nil, errClosedRuntime(op)
	}
	c := rt.begin(op, nil)
	defer c.end(&err)
	if c.traceOn() {
		// The program view: the one poll(2) CPython makes.
		var b strings.Builder
		for i, p := range pfds {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "{fd=%d, events=%s}", p.Fd, pollNames(p.Events))
		}
		text := fmt.Sprintf("poll([%s], %d, %d)", b.String(), len(pfds), timeoutMs)
		c.blockedIn(text)
		defer func() {
			if err != nil {
				return
			}
			if len(ready) == 0 {
				c.prog(text, "0 (Timeout)")
				return
			}
			var rb strings.Builder
			for i, r := range ready {
				if i > 0 {
					rb.WriteString(", ")
				}
				fmt.Fprintf(&rb, "{fd=%d, revents=%s}", r.FD, pollNames(int16(r.Revents)))
			}
			c.prog(text, fmt.Sprintf("%d ([%s])", len(ready), rb.String()))
		}()
	}
	if _, err := c.wait(pfds, deadline, WaitSelect); err != nil {
		if err == errWaitTimeout {
			return []PollFD{}, nil
		}
		return nil, err
	}
	ready = []PollFD{}
	for i, p := range pfds {
		if p.Revents != 0 {
			ready = append(ready, PollFD{FD: fds[i].FD, Events: fds[i].Events, Revents: int(uint16(p.Revents))})
		}
	}
	return ready, nil
}
