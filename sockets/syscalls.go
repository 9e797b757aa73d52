//go:build linux

package sockets

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// sockaddr is a socket address in the kernel's layout with its length.
// The package encodes and decodes it itself so that abstract AF_UNIX
// names (which may hold NULs) and unnamed peers survive exactly.
type sockaddr struct {
	raw unix.RawSockaddrAny
	n   uint32
}

func (sa *sockaddr) ptr() uintptr { return uintptr(unsafe.Pointer(&sa.raw)) }

// The system calls the package makes live in variables so that a test can
// inject a fault. None of them blocks: every wait goes through wait.go.
// The ones that cannot block whatever the fd's mode (MSG_DONTWAIT, a
// connect made while the fd is non-blocking, names and options) are raw
// system calls: no scheduler hand-off around them, which a round trip
// of connect/send/recv otherwise pays several times (connect on loopback
// runs the whole handshake inside the call, long enough for the runtime
// to give the thread's P away). accept4 (the fd may block), close (it may
// linger) and poll stay ordinary calls.
var (
	sysSocket      = unix.Socket
	sysSocketpair  = unix.Socketpair
	sysListen      = unix.Listen
	sysShutdown    = unix.Shutdown
	sysClose       = unix.Close
	sysPoll        = unix.Poll
	sysBind        = func(fd int, sa *sockaddr) error { return call3(unix.SYS_BIND, fd, sa.ptr(), uintptr(sa.n)) }
	sysConnect     = func(fd int, sa *sockaddr) error { return call3(unix.SYS_CONNECT, fd, sa.ptr(), uintptr(sa.n)) }
	sysAccept4     = rawAccept4
	sysSendto      = rawSendto
	sysRecvfrom    = rawRecvfrom
	sysGetsockname = func(fd int, sa *sockaddr) error {
		return nameCall(unix.SYS_GETSOCKNAME, fd, sa)
	}
	sysGetpeername = func(fd int, sa *sockaddr) error {
		return nameCall(unix.SYS_GETPEERNAME, fd, sa)
	}
	sysSendmsg    = rawSendmsg
	sysRecvmsg    = rawRecvmsg
	sysGetsockopt = rawGetsockopt
	sysSetsockopt = rawSetsockopt
	sysIoctlInt   = unix.IoctlGetInt
)

func errnoErr(e unix.Errno) error {
	if e == 0 {
		return nil
	}
	return e
}

func call3(trap uintptr, fd int, a, b uintptr) error {
	_, _, e := unix.RawSyscall(trap, uintptr(fd), a, b)
	return errnoErr(e)
}

func nameCall(trap uintptr, fd int, sa *sockaddr) error {
	sa.n = unix.SizeofSockaddrAny
	_, _, e := unix.RawSyscall(trap, uintptr(fd), sa.ptr(), uintptr(unsafe.Pointer(&sa.n)))
	return errnoErr(e)
}

func rawAccept4(fd int, sa *sockaddr, flags int) (int, error) {
	sa.n = unix.SizeofSockaddrAny
	r, _, e := unix.Syscall6(unix.SYS_ACCEPT4, uintptr(fd), sa.ptr(), uintptr(unsafe.Pointer(&sa.n)), uintptr(flags), 0, 0)
	return int(r), errnoErr(e)
}

// emptyBuf is where an empty buffer points. CPython never passes NULL
// for empty bytes, and the kernel can tell: setsockopt(IP_XFRM_POLICY)
// with no bytes is EMSGSIZE with a pointer and succeeds with NULL.
var emptyBuf [1]byte

func bufPtr(p []byte) uintptr {
	if len(p) == 0 {
		return uintptr(unsafe.Pointer(&emptyBuf[0]))
	}
	return uintptr(unsafe.Pointer(&p[0]))
}

// bufBase is where an iovec for p points (emptyBuf when p is empty).
func bufBase(p []byte) *byte {
	if len(p) == 0 {
		return &emptyBuf[0]
	}
	return &p[0]
}

func rawSendto(fd int, p []byte, flags int, to *sockaddr) (int, error) {
	var ap, an uintptr
	if to != nil {
		ap, an = to.ptr(), uintptr(to.n)
	}
	r, _, e := unix.RawSyscall6(unix.SYS_SENDTO, uintptr(fd), bufPtr(p), uintptr(len(p)), uintptr(flags), ap, an)
	return int(r), errnoErr(e)
}

// rawRecvfrom fills from when it is not nil; from.n is 0 when the kernel
// gave no address (a connected TCP peer).
func rawRecvfrom(fd int, p []byte, flags int, from *sockaddr) (int, error) {
	var ap, an uintptr
	if from != nil {
		from.n = unix.SizeofSockaddrAny
		ap, an = from.ptr(), uintptr(unsafe.Pointer(&from.n))
	}
	r, _, e := unix.RawSyscall6(unix.SYS_RECVFROM, uintptr(fd), bufPtr(p), uintptr(len(p)), uintptr(flags), ap, an)
	return int(r), errnoErr(e)
}

func rawGetsockopt(fd, level, opt int, buf []byte) (int, error) {
	n := uint32(len(buf))
	_, _, e := unix.RawSyscall6(unix.SYS_GETSOCKOPT, uintptr(fd), uintptr(level), uintptr(opt), bufPtr(buf), uintptr(unsafe.Pointer(&n)), 0)
	return int(n), errnoErr(e)
}

func rawSetsockopt(fd, level, opt int, buf []byte) error {
	_, _, e := unix.RawSyscall6(unix.SYS_SETSOCKOPT, uintptr(fd), uintptr(level), uintptr(opt), bufPtr(buf), uintptr(len(buf)), 0)
	return errnoErr(e)
}
