//go:build linux

package sockets

import (
	"encoding/binary"
	"fmt"
	"sync/atomic"
	"time"

	"golang.org/x/sys/unix"
)

// A socket this package creates (socket(), socketpair(), accept()) is
// O_NONBLOCK in the kernel from its first system call, whatever the
// program's mode: every call already tries without blocking and waits in
// poll() on the socket and the wake fd, so the flag changes nothing the
// program sees, and it saves what a kernel-blocking fd costs on the way:
// the poll before accept4 and the FIONBIO pair around connect. On a
// loopback round trip that is 3 system calls of 13 (docs/BENCHMARKS.md).
// The program view of %trace still shows CPython's calls: socket()
// without SOCK_NONBLOCK, and the ioctl(FIONBIO) that settimeout() and
// setblocking() make in CPython.
//
// The flag belongs to the open file description, which dup() shares, so
// the knowledge is one atomic.Bool shared by every Socket on that
// description. It is true only while nothing outside this package can
// have changed the flag: descriptors from outside (fromfd of a foreign
// fd, socket(fileno=)) start false and use the kernel-blocking path, and
// a descriptor leaving the package (detach(), or passed with SCM_RIGHTS)
// first gets the flag CPython would have left on it.

// newKernelNB is the shared flag of a description made O_NONBLOCK here.
func newKernelNB() *atomic.Bool {
	nb := new(atomic.Bool)
	nb.Store(true)
	return nb
}

// nonblockingFD reports whether the fd is known to be O_NONBLOCK.
func (s *Socket) nonblockingFD() bool {
	return s.kernelNB != nil && s.kernelNB.Load()
}

// progFIONBIO shows, in the program view, the ioctl that CPython's
// settimeout()/setblocking() makes, which this package does not need.
func (s *Socket) progFIONBIO(on bool) {
	if !s.rt.tracing() {
		return
	}
	v := 0
	if on {
		v = 1
	}
	s.rt.emitView(ViewProgram, fmt.Sprintf("ioctl(%d, FIONBIO, [%d])", s.fd, v), "0", 0)
}

// handOut gives the fd the O_NONBLOCK flag CPython would have left on it
// (clear in blocking mode) before it leaves the package, and stops every
// Socket on its description from relying on the flag.
func (s *Socket) handOut() {
	if s.kernelNB == nil || !s.kernelNB.CompareAndSwap(true, false) {
		return
	}
	if s.mode == ModeBlocking && s.fd >= 0 {
		start := s.rt.traceStart()
		err := unix.IoctlSetPointerInt(s.fd, fionbio, 0)
		if s.rt.tracing() {
			s.rt.emitView(ViewRaw, fmt.Sprintf("ioctl(%d, FIONBIO, [0])", s.fd), result(0, err), time.Since(start))
		}
	}
}

// socketOf is the open Socket holding fd, or nil.
func (rt *Runtime) socketOf(fd int) *Socket {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	for _, s := range rt.socks {
		if s.fd == fd {
			return s
		}
	}
	return nil
}

// handOutFDs is handOut for the descriptors of SCM_RIGHTS messages.
func (rt *Runtime) handOutFDs(anc []Ancillary) {
	for _, a := range anc {
		if a.Level != unix.SOL_SOCKET || a.Type != unix.SCM_RIGHTS {
			continue
		}
		for i := 0; i+4 <= len(a.Data); i += 4 {
			fd := int(int32(binary.NativeEndian.Uint32(a.Data[i:])))
			if s := rt.socketOf(fd); s != nil {
				s.handOut()
			}
		}
	}
}
