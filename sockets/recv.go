//go:build linux

package sockets

import (
	"fmt"
	"sync"
	"time"

	"golang.org/x/sys/unix"
)

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

// RecvReusing is Recv(bufsize, 0) on a stream socket, received into buf
// when it can hold bufsize bytes, else into a new buffer of bufsize bytes.
// The result shares that buffer (its capacity is the whole buffer), so
// the caller can offer it again; one recvfrom writes it, and only when
// it succeeds. The caller must know that nothing else refers to buf
// (python/recvreuse.go).
func (s *Socket) RecvReusing(bufsize int, buf []byte) ([]byte, error) {
	if bufsize <= 0 || s.typ != unix.SOCK_STREAM {
		return s.Recv(bufsize, 0)
	}
	if cap(buf) < bufsize {
		buf = makeNoZero(bufsize)
	}
	buf = buf[:cap(buf)]
	n, _, err := s.recvInto("recv", buf[:bufsize], bufsize, 0, false)
	if err != nil {
		return nil, err
	}
	return buf[:n], nil
}

// IsStream reports whether the socket is SOCK_STREAM.
func (s *Socket) IsStream() bool { return s.typ == unix.SOCK_STREAM }

// RecvInto is recv_into(buffer, nbytes, flags): the kernel writes into
// buf[:nbytes] (all of buf when nbytes is 0) and the count is returned.
// No buffer is allocated, so a loop over one buffer runs at the speed of
// the system call itself.
func (s *Socket) RecvInto(buf []byte, nbytes, flags int) (int, error) {
	n, _, err := s.recvInto("recv_into", buf, nbytes, flags, false)
	return n, err
}

// RecvfromInto is recvfrom_into(buffer, nbytes, flags): the count and the
// sender's address.
func (s *Socket) RecvfromInto(buf []byte, nbytes, flags int) (int, any, error) {
	return s.recvInto("recvfrom_into", buf, nbytes, flags, true)
}

func (s *Socket) recv(op string, bufsize, flags int, wantAddr bool) (data []byte, addr any, err error) {
	if bufsize < 0 {
		return nil, nil, opValueError(op, "negative buffersize in "+op)
	}
	if bufsize == 0 && !wantAddr {
		return []byte{}, nil, nil // CPython answers recv(0) without a system call
	}
	c := s.rt.begin(op, s)
	defer c.end(&err)
	var from *sockaddr
	if wantAddr {
		from = &sockaddr{}
	}
	_, err = s.recvLoop(c, op, bufsize, flags, func(want, flags int) (int, error) {
		b, e := s.recvOnce(want, flags, from)
		if e != nil {
			return 0, e
		}
		if data == nil {
			data = b // the usual case: no copy
		} else {
			data = append(data, b...)
		}
		return len(b), nil
	}, func() []byte { return data })
	if err != nil {
		return nil, nil, err
	}
	if wantAddr {
		addr = from.value()
	}
	return data, addr, nil
}

func (s *Socket) recvInto(op string, buf []byte, nbytes, flags int, wantAddr bool) (n int, addr any, err error) {
	switch {
	case nbytes < 0:
		return 0, nil, opValueError(op, "negative buffersize in "+op)
	case nbytes > len(buf) && op == "recv_into":
		return 0, nil, opValueError(op, "buffer too small for requested bytes")
	case nbytes > len(buf):
		return 0, nil, opValueError(op, "nbytes is greater than the length of the buffer")
	case nbytes == 0:
		nbytes = len(buf)
	}
	if nbytes == 0 && !wantAddr {
		return 0, nil, nil // as recv(0), no system call
	}
	c := s.rt.begin(op, s)
	defer c.end(&err)
	var from *sockaddr
	if wantAddr {
		from = &sockaddr{}
	}
	got := 0
	n, err = s.recvLoop(c, op, nbytes, flags, func(want, flags int) (int, error) {
		k, e := s.recvSys(buf[got:got+want], flags, from)
		if e == nil && k <= want {
			got += k
		}
		return k, e // k > want: a datagram's real length (MSG_TRUNC), as CPython returns it
	}, func() []byte { return buf[:got] })
	if err != nil {
		return 0, nil, err
	}
	if wantAddr {
		addr = from.value()
	}
	return n, addr, nil
}

func opValueError(op, msg string) error {
	e := ValueError(msg)
	e.Op = op
	return e
}

// recvLoop is the one receive loop: once makes a non-blocking attempt for
// up to want bytes and says how many came. The loop retries EINTR, waits
// on EAGAIN when the mode allows, and for MSG_WAITALL on a stream goes on
// until want bytes have come (our recv never blocks in the kernel, so the
// gathering is done here); as in the kernel, an interrupt, a timeout or
// an error after some data returns what has come, and the error shows on
// the next call. got says what has come so far, for %trace.
func (s *Socket) recvLoop(c *call, op string, want, flags int, once func(want, flags int) (int, error), got func() []byte) (int, error) {
	deadline := s.deadline()
	waitAll := flags&unix.MSG_WAITALL != 0 && s.typ == unix.SOCK_STREAM && s.mayWait(flags) && want > 0
	tracing := c.traceOn()
	if tracing && s.mode == ModeTimeout {
		c.pollFirst(s.fd, unix.POLLIN, deadline)
	}
	// progText is the program's one recvfrom, as CPython makes it.
	progText := func(data string) string {
		return fmt.Sprintf("recvfrom(%d, %s, %d, %s)", s.fd, data, want, msgFlagsText(flags))
	}
	done := func(n int, err error) (int, error) {
		if (err == nil || n > 0) && flags&unix.MSG_PEEK == 0 {
			s.received.Add(int64(n))
			if n == 0 && want > 0 && s.typ == unix.SOCK_STREAM {
				s.eofSeen.Store(true)
			}
		}
		if tracing {
			data := "..."
			if n > 0 || err == nil {
				data = preview(got())
			}
			if err == nil || n > 0 {
				c.prog(progText(data), result(n, nil))
			} else {
				c.prog(progText(data), result(0, err))
			}
		}
		if err != nil && n == 0 {
			return 0, sysError(op, err)
		}
		return n, nil
	}
	n := 0
	for {
		k, e := once(want-n, flags&^unix.MSG_WAITALL)
		switch {
		case e == nil:
			n += k
			if waitAll && k > 0 && n < want {
				continue
			}
			return done(n, nil)
		case e == unix.EINTR:
		case e == unix.EAGAIN && s.mayWait(flags):
			if tracing {
				c.blockedIn(progText("..."))
			}
			if err := c.waitFD(s.fd, unix.POLLIN, deadline, WaitRecvBuffer); err != nil {
				if n > 0 {
					return done(n, nil)
				}
				return 0, waitErr(op, err)
			}
		default:
			return done(n, e)
		}
	}
}

// recvOnce makes one non-blocking recvfrom with a buffer sized to what
// the kernel holds: SIOCINQ for a stream, the next datagram's length
// (MSG_PEEK|MSG_TRUNC) otherwise.
func (s *Socket) recvOnce(bufsize, flags int, from *sockaddr) ([]byte, error) {
	size := bufsize
	if bufsize > smallRecv && s.fd >= 0 {
		if s.typ == unix.SOCK_STREAM {
			start := s.rt.traceStart()
			avail, err := sysIoctlInt(s.fd, unix.SIOCINQ)
			if s.rt.tracing() {
				s.rt.emitView(ViewRaw, fmt.Sprintf("ioctl(%d, SIOCINQ, [%d])", s.fd, avail), result(0, err), time.Since(start))
			}
			if err == nil {
				size = min(bufsize, max(avail, smallRecv))
			} else {
				size = smallRecv
			}
		} else {
			start := s.rt.traceStart()
			next, err := sysRecvfrom(s.fd, nil, unix.MSG_PEEK|unix.MSG_TRUNC|unix.MSG_DONTWAIT, nil)
			if s.rt.tracing() {
				s.rt.emitView(ViewRaw, fmt.Sprintf("recvfrom(%d, NULL, 0, MSG_PEEK|MSG_TRUNC|MSG_DONTWAIT)", s.fd), result(next, err), time.Since(start))
			}
			if err != nil {
				return nil, err
			}
			size = min(bufsize, next)
		}
	}
	if size <= scratchRecv {
		return s.recvSmall(size, flags, from)
	}
	noteBulkRecv(size)
	buf := makeNoZero(size)
	n, e := s.recvSys(buf, flags, from)
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

// scratchRecv is the largest recv that lands in a pooled buffer and is
// copied out at the size that came: a non-blocking loop meeting EAGAIN
// allocates nothing, and recv(4096) of a 10-byte message keeps 10 bytes.
const scratchRecv = 4096

var recvScratch = sync.Pool{New: func() any { return new([scratchRecv]byte) }}

// recvSmall is recvOnce for a buffer of at most scratchRecv bytes.
func (s *Socket) recvSmall(size, flags int, from *sockaddr) ([]byte, error) {
	scratch := recvScratch.Get().(*[scratchRecv]byte)
	defer recvScratch.Put(scratch)
	buf := scratch[:size]
	n, e := s.recvSys(buf, flags, from)
	if e != nil {
		return nil, e
	}
	n = min(n, size) // MSG_TRUNC from the caller: the datagram's real length
	if flags&unix.MSG_TRUNC != 0 && s.typ == unix.SOCK_STREAM {
		return make([]byte, n), nil // TCP discarded the bytes: zeros, as CPython shows
	}
	out := make([]byte, n)
	copy(out, buf)
	return out, nil
}

// recvSys is the system call itself, never blocking, traced for %trace
// raw (recvLoop traces the program's call).
func (s *Socket) recvSys(buf []byte, flags int, from *sockaddr) (int, error) {
	start := s.rt.traceStart()
	n, e := sysRecvfrom(s.fd, buf, flags|unix.MSG_DONTWAIT, from)

	if s.rt.tracing() {
		got := "..."
		if e == nil {
			got = preview(buf[:min(n, len(buf))])
		}
		s.rt.emitView(ViewRaw, fmt.Sprintf("recvfrom(%d, %s, %d, %s)", s.fd, got, len(buf), msgFlagsText(flags|unix.MSG_DONTWAIT)), result(n, e), time.Since(start))
	}
	return n, e
}
