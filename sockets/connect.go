//go:build linux

package sockets

import (
	"errors"
	"fmt"
	"time"

	"golang.org/x/sys/unix"
)

// waitErr turns the wait helper's deadline into CPython's TimeoutError.
func waitErr(op string, err error) error {
	if err == errWaitTimeout {
		return timedOut(op)
	}
	return err
}

// Bind is bind(address).
func (s *Socket) Bind(address any) error {
	s.touch()
	sa, err := encodeAddr("bind", s.family, address)
	if err != nil {
		return err
	}
	s.rt.notePort(sa)
	start := s.rt.traceStart()
	err = sysBind(s.fd, sa)
	if s.rt.tracing() {
		s.rt.emit(fmt.Sprintf("bind(%d, %s)", s.fd, sa.trace()), 0, err, start)
	}
	if err != nil {
		return sysError("bind", err)
	}
	return nil
}

// defaultBacklog is CPython's listen() default, min(SOMAXCONN, 128).
const defaultBacklog = 128

// Listen is listen(backlog); with no argument the backlog is CPython's
// default, min(SOMAXCONN, 128). A negative backlog counts as 0.
func (s *Socket) Listen(backlog ...int) error {
	s.touch()
	b := defaultBacklog
	if len(backlog) > 0 {
		b = max(backlog[0], 0)
	}
	start := s.rt.traceStart()
	err := sysListen(s.fd, b)
	if s.rt.tracing() {
		s.rt.emit(fmt.Sprintf("listen(%d, %d)", s.fd, b), 0, err, start)
	}
	if err != nil {
		return sysError("listen", err)
	}
	s.backlog = b
	return nil
}

// Accept returns the new socket (created through the same Runtime) and the
// peer address as a Python value. The new socket starts with the
// Runtime's default timeout (blocking unless socket.setdefaulttimeout
// said otherwise) whatever the listener's mode, as CPython makes it.
func (s *Socket) Accept() (ns *Socket, addr any, err error) {
	c := s.rt.begin("accept", s)
	defer c.end(&err)
	deadline := s.deadline()
	// A socket that is not listening fails accept at once (EINVAL,
	// EOPNOTSUPP); only a listener's accept can block. After our own
	// listen() there is no need to ask (a listener shut down later polls
	// as hung up, so the wait below still ends at once).
	listening := s.backlog >= 0
	if !listening {
		v, err := unix.GetsockoptInt(s.fd, unix.SOL_SOCKET, unix.SO_ACCEPTCONN)
		listening = err != nil || v != 0
	}
	tracing := c.traceOn()
	if tracing && s.mode == ModeTimeout {
		c.pollFirst(s.fd, unix.POLLIN, deadline)
	}
	progText := func(sa *sockaddr) string {
		return fmt.Sprintf("accept4(%d, %s, SOCK_CLOEXEC)", s.fd, sa.trace())
	}
	// The new socket is O_NONBLOCK from accept4 on, as sockets this
	// package makes are (kernelnb.go); so is the listener, normally, and
	// then accept4 can be tried at once.
	nb := s.nonblockingFD()
	flags, rawText := unix.SOCK_CLOEXEC|unix.SOCK_NONBLOCK, func(sa *sockaddr) string {
		return fmt.Sprintf("accept4(%d, %s, SOCK_CLOEXEC|SOCK_NONBLOCK)", s.fd, sa.trace())
	}
	for {
		locked := false
		if s.mode == ModeBlocking && listening && !nb {
			// The fd blocks: wait until accept cannot, so that an
			// interrupt never finds us inside the system call.
			if tracing {
				c.blockedIn(progText(nil))
			}
			if err := c.waitFD(s.fd, unix.POLLIN, time.Time{}, WaitAcceptQueue); err != nil {
				return nil, nil, err
			}
			// Several threads may wait on one listener, and the wait
			// wakes them all: accept one at a time, and only while a
			// connection is still queued, so that the blocking fd never
			// blocks inside accept4, where neither Ctrl-C nor the other
			// threads could get past.
			s.acceptMu.Lock()
			if s.fd >= 0 && !pollsIn(s.fd) {
				s.acceptMu.Unlock()
				continue
			}
			locked = true
		}
		var sa sockaddr
		start := s.rt.traceStart()
		fd, e := sysAccept4(s.fd, &sa, flags)
		if locked {
			s.acceptMu.Unlock()
		}
		if tracing {
			c.raw(rawText(&sa), result(fd, e), start)
		}
		switch {
		case e == nil:
			if tracing {
				c.prog(progText(&sa), result(fd, nil))
				if s.mode == ModeTimeout {
					// CPython's accept() makes the new socket blocking;
					// ours stays O_NONBLOCK (kernelnb.go).
					c.rt.emitView(ViewProgram, fmt.Sprintf("ioctl(%d, FIONBIO, [0])", fd), "0", 0)
				}
			}
			ns := s.rt.newSocket(fd, s.family, s.typ, s.proto, newKernelNB())
			ns.hadPeer = true
			return ns, sa.value(), nil
		case e == unix.EINTR:
			continue
		case e == unix.EAGAIN && s.mode != ModeNonBlocking:
			if tracing {
				c.blockedIn(progText(nil))
			}
			if err := c.waitFD(s.fd, unix.POLLIN, deadline, WaitAcceptQueue); err != nil {
				return nil, nil, waitErr("accept", err)
			}
		default:
			if tracing {
				c.prog(progText(nil), result(fd, e))
			}
			return nil, nil, sysError("accept", e)
		}
	}
}

// Connect is connect(address). A blocking connect is done as a
// non-blocking connect, a wait for writability and a second connect that
// reports the outcome, so that it can be interrupted; the fd's mode is
// restored afterwards. In timeout mode the outcome is read from SO_ERROR,
// as CPython does.
func (s *Socket) Connect(address any) error {
	sa, err := encodeAddr("connect", s.family, address)
	if err != nil {
		return err
	}
	return s.connect(sa)
}

// ConnectEx is connect_ex(address): the errno as an int instead of an
// OSError (0 on success). Address errors, gaierror and KeyboardInterrupt
// still raise; a timeout gives EWOULDBLOCK (11), as in CPython.
func (s *Socket) ConnectEx(address any) (int, error) {
	sa, err := encodeAddr("connect_ex", s.family, address)
	if err != nil {
		return 0, err
	}
	err = s.connect(sa)
	var e *Error
	switch {
	case err == nil:
		return 0, nil
	case IsTimeout(err) && errors.As(err, &e) && e.Errno == 0:
		return int(unix.EWOULDBLOCK), nil
	case errors.As(err, &e) && e.Err != nil && e.Errno > 0:
		return e.Errno, nil
	}
	return 0, err
}

func (s *Socket) connect(sa *sockaddr) (err error) {
	s.dialed = sa
	s.rt.notePort(sa)
	c := s.rt.begin("connect", s)
	defer c.end(&err)
	if s.mode == ModeBlocking && s.fd >= 0 && !s.nonblockingFD() {
		if err := s.setKernelBlocking(false, ViewRaw); err != nil {
			return err
		}
		defer func() {
			if e := s.setKernelBlocking(true, ViewRaw); e != nil && err == nil {
				err = e
			}
		}()
	}
	deadline := s.deadline()
	tracing := c.traceOn()
	var progText string // formatted only for %trace: on a round trip it was a tenth of our own time
	if tracing {
		progText = fmt.Sprintf("connect(%d, %s)", s.fd, sa.trace())
	}
	retried := false
	for {
		start := s.rt.traceStart()
		e := sysConnect(s.fd, sa)
		if tracing {
			c.raw(progText, result(0, e), start)
			// A blocking program sees only the outcome; in timeout mode
			// CPython's first connect says EINPROGRESS too.
			if s.mode != ModeBlocking || (e != unix.EINPROGRESS && e != unix.EALREADY && e != unix.EINTR && e != unix.EAGAIN) {
				if s.mode != ModeTimeout || c.pollEv == 0 {
					c.prog(progText, result(0, e))
				}
			} else {
				c.blockedIn(progText)
			}
			if s.mode == ModeTimeout && e == unix.EINPROGRESS {
				c.pollFirst(s.fd, unix.POLLOUT|unix.POLLERR, deadline)
			}
		}
		switch {
		case e == nil:
			s.hadPeer = true
			return nil
		case s.mode == ModeNonBlocking:
			return sysError("connect", e)
		case e == unix.EINPROGRESS && s.mode == ModeBlocking && !retried:
			// On loopback the handshake has usually finished by the time
			// connect() returns (the SYN-ACK is processed as the call
			// releases the socket): ask once more before waiting.
			retried = true
		case e == unix.EINPROGRESS || e == unix.EALREADY || e == unix.EINTR:
			if err := c.waitFD(s.fd, unix.POLLOUT, deadline, WaitHandshake); err != nil {
				return waitErr("connect", err)
			}
			if s.mode == ModeBlocking {
				// Calling connect() again finishes as the kernel's own
				// blocking connect does: 0 and the socket marked connected
				// (so a second connect() raises EISCONN), or the error
				// with the socket reset (tcp_disconnect), so recv() then
				// raises ENOTCONN as in CPython.
				continue
			}
			return s.connectResult(c)
		case e == unix.EAGAIN:
			// AF_UNIX with the listener's backlog full: nothing to poll
			// on, so look again shortly.
			retry := time.Now().Add(20 * time.Millisecond)
			if !deadline.IsZero() && deadline.Before(retry) {
				retry = deadline
			}
			if _, err := c.wait(nil, retry, WaitAcceptQueue); err != errWaitTimeout {
				return err
			}
			if !deadline.IsZero() && !time.Now().Before(deadline) {
				return timedOut("connect")
			}
		default:
			return sysError("connect", e)
		}
	}
}

// connectResult reads SO_ERROR once the handshake has finished.
func (s *Socket) connectResult(c *call) error {
	start := s.rt.traceStart()
	v, err := unix.GetsockoptInt(s.fd, unix.SOL_SOCKET, unix.SO_ERROR)
	if c.traceOn() {
		text := fmt.Sprintf("getsockopt(%d, SOL_SOCKET, SO_ERROR, [%d])", s.fd, v)
		c.raw(text, result(0, err), start)
		c.prog(text, result(0, err))
	}
	if err != nil {
		return sysError("connect", err)
	}
	if v != 0 {
		return sysError("connect", unix.Errno(v))
	}
	s.hadPeer = true
	return nil
}

// Shutdown is shutdown(how): SHUT_RD, SHUT_WR or SHUT_RDWR.
func (s *Socket) Shutdown(how int) error {
	s.touch()
	start := s.rt.traceStart()
	err := sysShutdown(s.fd, how)
	if s.rt.tracing() {
		name := map[int]string{0: "SHUT_RD", 1: "SHUT_WR", 2: "SHUT_RDWR"}[how]
		if name == "" {
			name = fmt.Sprint(how)
		}
		s.rt.emit(fmt.Sprintf("shutdown(%d, %s)", s.fd, name), 0, err, start)
	}
	if err != nil {
		return sysError("shutdown", err)
	}
	if how == unix.SHUT_WR || how == unix.SHUT_RDWR {
		s.shutWrite = true
	}
	return nil
}

// pollsIn reports whether fd is readable now (a listener: a connection is
// queued), without waiting.
func pollsIn(fd int) bool {
	pfd := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
	n, err := sysPoll(pfd, 0)
	return err == nil && n > 0
}
