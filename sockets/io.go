//go:build linux

package sockets

import (
	"fmt"
	"time"

	"golang.org/x/sys/unix"
)

// smallRecv is the largest recv buffer allocated without asking the
// kernel how much is queued (and the buffer used when it says nothing
// is: what arrives before the recv still fits). Every UDP datagram fits.
const smallRecv = 64 << 10

// sendFlags are added to every send: never block inside the system call
// (wait.go does the waiting), never raise SIGPIPE (a dead peer is a
// BrokenPipeError, not the end of the shell).
const sendFlags = unix.MSG_DONTWAIT | unix.MSG_NOSIGNAL

// Send is send(data, flags): the number of bytes the kernel took.
func (s *Socket) Send(data []byte, flags int) (int, error) {
	return s.send("send", data, flags, nil)
}

// Sendto is sendto(data, flags, address).
func (s *Socket) Sendto(data []byte, flags int, address any) (int, error) {
	sa, err := encodeAddr("sendto", s.family, address)
	if err != nil {
		return 0, err
	}
	s.rt.notePort(sa)
	return s.send("sendto", data, flags, sa)
}

func (s *Socket) send(op string, data []byte, flags int, to *sockaddr) (n int, err error) {
	c := s.rt.begin(op, s)
	defer c.end(&err)
	deadline := s.deadline()
	tracing := c.traceOn()
	if tracing && s.mode == ModeTimeout {
		c.pollFirst(s.fd, unix.POLLOUT, deadline)
	}
	for {
		n, e := s.sendOnce(data, flags, to)
		switch {
		case e == nil:
			if tracing {
				c.prog(s.sendText(data, len(data), flags, to), result(n, nil))
			}
			return n, nil
		case e == unix.EINTR:
		case e == unix.EAGAIN && s.mayWait(flags):
			if tracing {
				c.blockedIn(s.sendText(data, len(data), flags, to))
			}
			if err := c.waitFD(s.fd, unix.POLLOUT, deadline, WaitSendBuffer); err != nil {
				return 0, waitErr(op, err)
			}
		default:
			if tracing {
				c.prog(s.sendText(data, len(data), flags, to), result(0, e))
			}
			return 0, sysError(op, e)
		}
	}
}

// Sendall is sendall(data, flags): send until all of data is queued. The
// timeout covers the whole call, as in CPython 3.5+. The remaining part
// is passed as a slice of data, never copied. In the program view of
// %trace a blocking sendall is one sendto of everything, as CPython's is
// on a blocking fd (the kernel sleeps until all of it is queued).
func (s *Socket) Sendall(data []byte, flags int) (err error) {
	c := s.rt.begin("sendall", s)
	defer c.end(&err)
	c.total = int64(len(data))
	deadline := s.deadline()
	tracing := c.traceOn()
	if tracing && s.mode == ModeTimeout {
		c.pollFirst(s.fd, unix.POLLOUT, deadline)
	}
	whole := s.mode == ModeBlocking && flags&unix.MSG_DONTWAIT == 0
	off := 0
	// prog reports the program's sendto of data[from:].
	prog := func(from int, res string) {
		if tracing {
			c.prog(s.sendText(data[from:], len(data)-from, flags, nil), res)
		}
	}
	from := 0 // where the program's current sendto began
	for {
		n, e := s.sendOnce(data[off:], flags, nil)
		switch {
		case e == nil:
			off += n
			c.done = int64(off)
			if !whole || off >= len(data) {
				prog(from, result(off-from, nil))
				from = off
			}
			if off >= len(data) {
				return nil
			}
		case e == unix.EINTR:
		case e == unix.EAGAIN && s.mayWait(flags):
			if tracing {
				c.blockedIn(s.sendText(data[from:], len(data)-from, flags, nil))
			}
			if err := c.waitFD(s.fd, unix.POLLOUT, deadline, WaitSendBuffer); err != nil {
				return waitErr("sendall", err)
			}
		default:
			if off > from {
				prog(from, result(off-from, nil)) // the kernel took part before the error
				from = off
			}
			prog(from, result(0, e))
			return sysError("sendall", e)
		}
	}
}

// sendText is the program's sendto: data as passed, flags as the learner
// gave them (CPython ignores SIGPIPE instead of passing MSG_NOSIGNAL).
func (s *Socket) sendText(p []byte, n, flags int, to *sockaddr) string {
	dest := ""
	if to != nil {
		dest = ", " + to.trace()
	}
	return fmt.Sprintf("sendto(%d, %s, %d, %s%s)", s.fd, preview(p), n, msgFlagsText(flags), dest)
}

// sendOnce is one sendto that never blocks, traced for %trace raw.
func (s *Socket) sendOnce(p []byte, flags int, to *sockaddr) (int, error) {
	start := s.rt.traceStart()
	n, e := sysSendto(s.fd, p, flags|sendFlags, to)
	if e == nil && n > 0 {
		s.written.Add(int64(n))
	}
	if s.rt.tracing() {
		dest := ""
		if to != nil {
			dest = ", " + to.trace()
		}
		s.rt.emitView(ViewRaw, fmt.Sprintf("sendto(%d, %s, %d, %s%s)", s.fd, preview(p), len(p), msgFlagsText(flags|sendFlags), dest), result(n, e), time.Since(start))
	}
	return n, e
}

// mayWait says whether a call that would block waits: not in non-blocking
// mode, and not in blocking mode when the caller passed MSG_DONTWAIT
// (CPython then raises BlockingIOError; in timeout mode it still waits).
func (s *Socket) mayWait(flags int) bool {
	switch s.mode {
	case ModeNonBlocking:
		return false
	case ModeBlocking:
		return flags&unix.MSG_DONTWAIT == 0
	}
	return true
}
