//go:build linux

package sockets

import (
	"fmt"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// Descriptors changing hands: dup(), socket.fromfd(), detach() and
// socket(fileno=...). The Runtime keeps owning every descriptor it hands
// out: a detached fd is closed with the Runtime unless a socket adopts it
// again, so a program that detaches and forgets leaks nothing past the
// shell's session.

// dupFD is fcntl(fd, F_DUPFD_CLOEXEC, 0), as CPython's os.dup does it.
func (rt *Runtime) dupFD(op string, fd int) (int, error) {
	start := rt.traceStart()
	nfd, err := unix.FcntlInt(uintptr(fd), unix.F_DUPFD_CLOEXEC, 0)
	if rt.tracing() {
		rt.emit(fmt.Sprintf("fcntl(%d, F_DUPFD_CLOEXEC, 0)", fd), nfd, err, start)
	}
	if err != nil {
		return -1, sysError(op, err)
	}
	return nfd, nil
}

// Dup is socket.dup(): a new Socket on a duplicate descriptor, with the
// same family, type, protocol and timeout. Both refer to one kernel
// socket: closing one leaves the other working.
func (s *Socket) Dup() (*Socket, error) {
	if s.rt.isClosed() {
		return nil, errClosedRuntime("dup")
	}
	nfd, err := s.rt.dupFD("dup", s.fd)
	if err != nil {
		return nil, err
	}
	ns := s.rt.newSocket(nfd, s.family, s.typ, s.proto, s.kernelNB)
	if err := ns.Settimeout(s.Gettimeout()); err != nil {
		ns.Close()
		return nil, err
	}
	return ns, nil
}

// FromFD is socket.fromfd(fd, family, type, proto): a Socket on a
// duplicate of fd, which stays the caller's. family and type are taken
// as given, as CPython does, but a descriptor that is not a socket fails
// here, with ENOTSOCK, as CPython 3.11's fromfd does.
func (rt *Runtime) FromFD(fd, family, typ, proto int) (*Socket, error) {
	if fd < 0 {
		return nil, sysError("dup", unix.EBADF)
	}
	if rt.isClosed() {
		return nil, errClosedRuntime("dup")
	}
	nfd, err := rt.dupFD("dup", fd)
	if err != nil {
		return nil, err
	}
	if _, err := unix.GetsockoptInt(nfd, unix.SOL_SOCKET, unix.SO_TYPE); err == unix.ENOTSOCK {
		unix.Close(nfd)
		return nil, sysError("socket", err)
	}
	// A duplicate of this shell's own socket shares its description,
	// and so its O_NONBLOCK flag (kernelnb.go).
	var nb *atomic.Bool
	if orig := rt.socketOf(fd); orig != nil {
		nb = orig.kernelNB
	}
	return rt.newSocket(nfd, family, typ, proto, nb), nil
}

// Detach is socket.detach(): the Socket closes without closing its
// descriptor, whose number is returned (-1 when already closed). The
// Runtime keeps the descriptor until Adopt takes it back, or closes it
// with itself.
func (s *Socket) Detach() int {
	fd := s.fd
	if fd < 0 {
		return -1
	}
	s.handOut()
	s.fd = -1
	s.rt.remove(s)
	s.rt.own(fd)
	return fd
}
