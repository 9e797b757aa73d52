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
	start := time.Now()
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

// Recv allocates only what can arrive: recv(10**12) must not allocate a
// terabyte. bufsize < 0 gives ValueError "negative buffersize in recv".
func (s *Socket) Recv(bufsize, flags int) ([]byte, error) {
	b, _, err := s.recv("recv", bufsize, flags, false)
	return b, err
}

// Recvfrom is recvfrom(bufsize, flags): the data and the sender's address
// (None for a connected TCP peer, ” for an unnamed AF_UNIX peer).
func (s *Socket) Recvfrom(bufsize, flags int) ([]byte, any, error) {
	return s.recv("recvfrom", bufsize, flags, true)
}

func (s *Socket) recv(op string, bufsize, flags int, wantAddr bool) (data []byte, addr any, err error) {
	if bufsize < 0 {
		e := ValueError("negative buffersize in " + op)
		e.Op = op
		return nil, nil, e
	}
	c := s.rt.begin(op, s)
	defer c.end(&err)
	deadline := s.deadline()
	var from *sockaddr
	if wantAddr {
		from = &sockaddr{}
	}
	// MSG_WAITALL asks for the whole bufsize. Our recv never blocks in
	// the kernel, so the loop gathers it here; like the kernel, an
	// interrupt or timeout after some data returns what has come.
	waitAll := flags&unix.MSG_WAITALL != 0 && s.typ == unix.SOCK_STREAM && s.mayWait(flags) && bufsize > 0
	var got []byte
	for {
		b, e := s.recvOnce(bufsize-len(got), flags&^unix.MSG_WAITALL, from)
		switch {
		case e == nil:
			if waitAll && len(b) > 0 && len(got)+len(b) < bufsize {
				got = append(got, b...)
				continue
			}
			if got != nil {
				b = append(got, b...)
			}
			if wantAddr {
				return b, from.value(), nil
			}
			return b, nil, nil
		case e == unix.EINTR:
		case e == unix.EAGAIN && s.mayWait(flags):
			if err := c.waitFD(s.fd, unix.POLLIN, deadline, WaitRecvBuffer); err != nil {
				if len(got) > 0 {
					return got, from.value(), nil
				}
				return nil, nil, waitErr(op, err)
			}
		case len(got) > 0:
			return got, from.value(), nil // the error shows on the next call
		default:
			return nil, nil, sysError(op, e)
		}
	}
}

// mayWait says whether a call that would block waits: not in non-blocking
// mode, and not in blocking mode when the caller passed MSG_DONTWAIT
// (CPython then raises BlockingIOError; in timeout mode it still waits).
func (s *Socket) mayWait(flags int) bool {
	switch s.mode {
	case modeNonBlocking:
		return false
	case modeBlocking:
		return flags&unix.MSG_DONTWAIT == 0
	}
	return true
}

// recvOnce makes one non-blocking recvfrom with a buffer sized to what
// the kernel holds: SIOCINQ for a stream, the next datagram's length
// (MSG_PEEK|MSG_TRUNC) otherwise.
func (s *Socket) recvOnce(bufsize, flags int, from *sockaddr) ([]byte, error) {
	size := bufsize
	if bufsize > smallRecv && s.fd >= 0 {
		if s.typ == unix.SOCK_STREAM {
			avail, err := sysIoctlInt(s.fd, unix.SIOCINQ)
			if err == nil {
				size = min(bufsize, max(avail, smallRecv))
			} else {
				size = smallRecv
			}
		} else {
			next, err := sysRecvfrom(s.fd, nil, unix.MSG_PEEK|unix.MSG_TRUNC|unix.MSG_DONTWAIT, nil)
			if err != nil {
				return nil, err
			}
			size = min(bufsize, next)
		}
	}
	buf := makeNoZero(size)
	start := time.Now()
	n, e := sysRecvfrom(s.fd, buf, flags|unix.MSG_DONTWAIT, from)
	if s.rt.tracing() {
		got := "..."
		if e == nil {
			got = preview(buf[:n])
		}
		s.rt.emit(fmt.Sprintf("recvfrom(%d, %s, %d, %s)", s.fd, got, size, msgFlagsText(flags|unix.MSG_DONTWAIT)), n, e, start)
	}
	if e != nil {
		return nil, e
	}
	if flags&unix.MSG_TRUNC != 0 && s.typ == unix.SOCK_STREAM {
		// TCP discards the bytes without writing them: show zeros, never
		// whatever the unzeroed buffer held.
		clear(buf[:min(n, len(buf))])
	}
	if n > len(buf) { // MSG_TRUNC from the caller: the datagram's real length
		n = len(buf)
	}
	if size > 4096 && n < size/2 {
		return append([]byte(nil), buf[:n]...), nil // do not keep a big buffer alive
	}
	return buf[:n:n], nil
}
