//go:build linux

package sockets

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// Epoll is select.epoll: a kernel epoll instance, owned by the Runtime
// that made it (Runtime.Close closes it). Like a Socket, it is used from
// one goroutine at a time.
type Epoll struct {
	rt *Runtime
	fd int // -1 once closed
}

// NewEpoll is select.epoll(): epoll_create1(EPOLL_CLOEXEC).
func (rt *Runtime) NewEpoll() (*Epoll, error) {
	if rt.isClosed() {
		return nil, errClosedRuntime("epoll")
	}
	start := rt.traceStart()
	fd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if rt.tracing() {
		rt.emit("epoll_create1(EPOLL_CLOEXEC)", fd, err, start)
	}
	if err != nil {
		return nil, sysError("epoll", err)
	}
	e := &Epoll{rt: rt, fd: fd}
	rt.mu.Lock()
	rt.epolls = append(rt.epolls, e)
	rt.mu.Unlock()
	return e, nil
}

// Fileno is the epoll descriptor, -1 once closed.
func (e *Epoll) Fileno() int { return e.fd }

// Closed reports whether Close has run.
func (e *Epoll) Closed() bool { return e.fd < 0 }

// Close closes the epoll descriptor; closing twice is harmless.
func (e *Epoll) Close() error {
	if e.fd < 0 {
		return nil
	}
	fd := e.fd
	e.fd = -1
	e.rt.mu.Lock()
	for i, x := range e.rt.epolls {
		if x == e {
			e.rt.epolls = append(e.rt.epolls[:i], e.rt.epolls[i+1:]...)
			break
		}
	}
	e.rt.mu.Unlock()
	start := e.rt.traceStart()
	err := sysClose(fd)
	if e.rt.tracing() {
		e.rt.emit(fmt.Sprintf("close(%d)", fd), 0, err, start)
	}
	if err != nil {
		return sysError("close", err)
	}
	return nil
}

// Register is epoll.register(fd, eventmask): EPOLL_CTL_ADD. A descriptor
// already registered gives FileExistsError, as the kernel says EEXIST.
func (e *Epoll) Register(fd int, events uint32) error {
	return e.ctl("register", unix.EPOLL_CTL_ADD, fd, events)
}

// Modify is epoll.modify(fd, eventmask): EPOLL_CTL_MOD.
func (e *Epoll) Modify(fd int, events uint32) error {
	return e.ctl("modify", unix.EPOLL_CTL_MOD, fd, events)
}

// Unregister is epoll.unregister(fd): EPOLL_CTL_DEL. The kernel drops a
// descriptor by itself once it is closed; removing it then fails (ENOENT
// or EBADF), as in CPython.
func (e *Epoll) Unregister(fd int) error {
	return e.ctl("unregister", unix.EPOLL_CTL_DEL, fd, 0)
}

var epollCtlNames = map[int]string{unix.EPOLL_CTL_ADD: "EPOLL_CTL_ADD", unix.EPOLL_CTL_MOD: "EPOLL_CTL_MOD", unix.EPOLL_CTL_DEL: "EPOLL_CTL_DEL"}

func (e *Epoll) ctl(name string, op, fd int, events uint32) error {
	ev := unix.EpollEvent{Events: events, Fd: int32(fd)}
	start := e.rt.traceStart()
	err := unix.EpollCtl(e.fd, op, fd, &ev)
	if e.rt.tracing() {
		arg := "NULL"
		if op != unix.EPOLL_CTL_DEL {
			arg = fmt.Sprintf("{events=%s, data={u32=%d}}", epollNames(events), fd)
		}
		e.rt.emit(fmt.Sprintf("epoll_ctl(%d, %s, %d, %s)", e.fd, epollCtlNames[op], fd, arg), 0, err, start)
	}
	if err != nil {
		return sysError(name, err)
	}
	return nil
}

// Wait is epoll.poll(timeout, maxevents): up to maxevents ready
// descriptors, waiting at most timeoutMs milliseconds (negative: until
// one is ready). It looks with epoll_wait(..., 0), and waits by polling
// the epoll descriptor itself, readable while events are pending, through
// the one wait helper (so Ctrl-C ends it; op names the call in Progress
// reports). The program view of %trace shows the one epoll_wait a Python
// program makes; the raw view shows these calls.
func (e *Epoll) Wait(op string, timeoutMs, maxevents int) (out []EpollEvent, err error) {
	if e.rt.isClosed() {
		return nil, errClosedRuntime(op)
	}
	if maxevents < 1 {
		return nil, ValueError(fmt.Sprintf("maxevents must be greater than 0, got %d", maxevents))
	}
	var deadline time.Time
	if timeoutMs >= 0 {
		deadline = time.Now().Add(time.Duration(timeoutMs) * time.Millisecond)
	}
	c := e.rt.begin(op, nil)
	defer c.end(&err)
	evs := make([]unix.EpollEvent, min(maxevents, 1024))
	if c.traceOn() {
		c.blockedIn(fmt.Sprintf("epoll_wait(%d, [], %d, %d)", e.fd, maxevents, timeoutMs))
		defer func() {
			if err == nil {
				c.prog(fmt.Sprintf("epoll_wait(%d, [%s], %d, %d)", e.fd, epollEventsText(evs[:len(out)]), maxevents, timeoutMs), strconv.Itoa(len(out)))
			}
		}()
	}
	for {
		start := e.rt.traceStart()
		n, err := unix.EpollWait(e.fd, evs, 0)
		if c.traceOn() {
			c.raw(fmt.Sprintf("epoll_wait(%d, [%s], %d, 0)", e.fd, epollEventsText(evs[:max(n, 0)]), len(evs)), result(n, err), start)
		}
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, sysError(op, err)
		}
		if n > 0 || timeoutMs == 0 {
			out = make([]EpollEvent, n)
			for i, ev := range evs[:n] {
				out[i] = EpollEvent{FD: int(ev.Fd), Events: ev.Events}
			}
			return out, nil
		}
		pfd := []unix.PollFd{{Fd: int32(e.fd), Events: unix.POLLIN}}
		if _, err := c.wait(pfd, deadline, WaitSelect); err != nil {
			if err == errWaitTimeout {
				return []EpollEvent{}, nil
			}
			return nil, err
		}
		if pfd[0].Revents&unix.POLLNVAL != 0 {
			return nil, sysError(op, unix.EBADF)
		}
		if !deadline.IsZero() && !time.Now().Before(deadline) {
			timeoutMs = 0 // one last look, then give up
		}
	}
}

// epollEventsText is strace's list of the events epoll_wait returned.
func epollEventsText(evs []unix.EpollEvent) string {
	var b strings.Builder
	for i, ev := range evs {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "{events=%s, data={u32=%d}}", epollNames(ev.Events), ev.Fd)
	}
	return b.String()
}

func epollNames(ev uint32) string {
	names := []struct {
		bit  uint32
		name string
	}{{unix.EPOLLIN, "EPOLLIN"}, {unix.EPOLLPRI, "EPOLLPRI"}, {unix.EPOLLOUT, "EPOLLOUT"},
		{unix.EPOLLERR, "EPOLLERR"}, {unix.EPOLLHUP, "EPOLLHUP"}, {unix.EPOLLRDHUP, "EPOLLRDHUP"},
		{unix.EPOLLRDNORM, "EPOLLRDNORM"}, {unix.EPOLLRDBAND, "EPOLLRDBAND"}, {unix.EPOLLWRNORM, "EPOLLWRNORM"},
		{unix.EPOLLWRBAND, "EPOLLWRBAND"}, {unix.EPOLLMSG, "EPOLLMSG"}, {unix.EPOLLEXCLUSIVE, "EPOLLEXCLUSIVE"},
		{unix.EPOLLONESHOT, "EPOLLONESHOT"}, {unix.EPOLLET, "EPOLLET"}}
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
