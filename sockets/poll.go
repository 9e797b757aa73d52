//go:build linux

package sockets

import (
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
