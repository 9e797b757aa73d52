//go:build linux

package sockets

import (
	"fmt"

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
	return s.send("sendto", data, flags, sa)
}

func (s *Socket) send(op string, data []byte, flags int, to *sockaddr) (n int, err error) {
	c := s.rt.begin(op, s)
	defer c.end(&err)
	deadline := s.deadline()
	for {
		n, e := s.sendOnce(data, flags, to)
		switch {
		case e == nil:
			return n, nil
		case e == unix.EINTR:
		case e == unix.EAGAIN && s.mayWait(flags):
			if err := c.waitFD(s.fd, unix.POLLOUT, deadline, WaitSendBuffer); err != nil {
				return 0, waitErr(op, err)
			}
		default:
			return 0, sysError(op, e)
		}
	}
}

// Sendall is sendall(data, flags): send until all of data is queued. The
// timeout covers the whole call, as in CPython 3.5+. The remaining part
// is passed as a slice of data, never copied.
func (s *Socket) Sendall(data []byte, flags int) (err error) {
	c := s.rt.begin("sendall", s)
	defer c.end(&err)
	c.total = int64(len(data))
	deadline := s.deadline()
	off := 0
	for {
		n, e := s.sendOnce(data[off:], flags, nil)
		switch {
		case e == nil:
			off += n
			c.done = int64(off)
			if off >= len(data) {
				return nil
			}
		case e == unix.EINTR:
		case e == unix.EAGAIN && s.mayWait(flags):
			if err := c.waitFD(s.fd, unix.POLLOUT, deadline, WaitSendBuffer); err != nil {
				return waitErr("sendall", err)
			}
		default:
			return sysError("sendall", e)
		}
	}
}

func (s *Socket) sendOnce(p []byte, flags int, to *sockaddr) (int, error) {
	start := s.rt.traceStart()
	n, e := sysSendto(s.fd, p, flags|sendFlags, to)
	if s.rt.tracing() {
		dest := ""
		if to != nil {
			dest = ", " + to.trace()
		}
		s.rt.emit(fmt.Sprintf("sendto(%d, %s, %d, %s%s)", s.fd, preview(p), len(p), msgFlagsText(flags|sendFlags), dest), n, e, start)
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
