//go:build linux

package sockets

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sys/unix"
)

// Socket is one OS socket with CPython's semantics. A Socket is used from
// one goroutine at a time (Runtime.Close may interrupt it from another).
type Socket struct {
	rt                 *Runtime
	fd                 int // -1 once closed
	family, typ, proto int
	mode               Mode
	kernelNB           *atomic.Bool // the fd is O_NONBLOCK whatever the mode; nil is false (kernelnb.go)
	timeout            float64      // seconds, in timeout mode
	backlog            int          // from the last successful listen; -1 before
	dialed             *sockaddr    // the address given to the last connect()
	hadPeer            bool         // a connection was made: connect() succeeded, or accept() made it
	shutWrite          bool         // shutdown(SHUT_WR or SHUT_RDWR) succeeded
	received           atomic.Int64 // bytes receives returned (State.Received)
	eofSeen            atomic.Bool  // a stream receive returned b''
	touched            atomic.Bool  // a call that may change kernel state ran since the last Watch look
	written            atomic.Int64 // bytes sends handed to the kernel (State.Sent)
	acceptMu           sync.Mutex   // one blocking accept4 at a time (Accept)
}

// touch marks the socket for the shell's Watch: the program did something
// to it that may change its kernel state.
func (s *Socket) touch() { s.touched.Store(true) }

// History is what this socket has been through, as the shell's hints
// need it: the kernel forgets a refused connect().
type History struct {
	Dialed    any  // the address given to the last connect(); nil when none
	HadPeer   bool // a connection was made (connect() succeeded, accept() or socketpair() made it)
	ShutWrite bool // its sending side was shut down with shutdown()
}

// History returns what the socket has been through.
func (s *Socket) History() History {
	h := History{HadPeer: s.hadPeer, ShutWrite: s.shutWrite}
	if s.dialed != nil {
		h.Dialed = s.dialed.value()
	}
	return h
}

// Socket is socket.socket(family, type, proto). family -1 / type -1 mean
// the defaults (AF_INET, SOCK_STREAM); proto -1 means 0. type may carry
// SOCK_NONBLOCK (the socket starts non-blocking) and SOCK_CLOEXEC.
func (rt *Runtime) Socket(family, typ, proto int) (*Socket, error) {
	if family == -1 {
		family = unix.AF_INET
	}
	if typ == -1 {
		typ = unix.SOCK_STREAM
	}
	if proto == -1 {
		proto = 0
	}
	if rt.isClosed() {
		return nil, errClosedRuntime("socket")
	}
	start := rt.traceStart()
	fd, err := sysSocket(family, typ|unix.SOCK_CLOEXEC|unix.SOCK_NONBLOCK, proto)
	if rt.tracing() {
		res, took := result(fd, err), time.Since(start)
		rt.emitView(ViewRaw, fmt.Sprintf("socket(%s, %s, %d)", familyText(family), typeText(typ|unix.SOCK_CLOEXEC|unix.SOCK_NONBLOCK), proto), res, took)
		rt.emitView(ViewProgram, fmt.Sprintf("socket(%s, %s, %d)", familyText(family), typeText(typ|unix.SOCK_CLOEXEC), proto), res, took)
	}
	if err != nil {
		return nil, sysError("socket", err)
	}
	return rt.newSocket(fd, family, typ, proto, newKernelNB()), nil
}

// newSocket registers an open fd. SOCK_NONBLOCK in typ means
// non-blocking mode; otherwise the socket starts with the Runtime's
// default timeout. kernelNB says the fd is O_NONBLOCK in the kernel
// whatever the mode (kernelnb.go).
func (rt *Runtime) newSocket(fd, family, typ, proto int, kernelNB *atomic.Bool) *Socket {
	s := &Socket{rt: rt, fd: fd, family: family, typ: typ &^ (unix.SOCK_NONBLOCK | unix.SOCK_CLOEXEC), proto: proto, backlog: -1, kernelNB: kernelNB}
	if typ&unix.SOCK_NONBLOCK != 0 {
		s.mode = ModeNonBlocking
	} else if t := rt.DefaultTimeout(); t != nil {
		// socket.setdefaulttimeout: CPython gives every new socket the
		// default, accepted ones included, and makes its fd O_NONBLOCK.
		s.Settimeout(t)
	}
	rt.add(s)
	return s
}

// Socketpair is socket.socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0);
// -1 means the default.
func (rt *Runtime) Socketpair(family, typ, proto int) (*Socket, *Socket, error) {
	if family == -1 {
		family = unix.AF_UNIX
	}
	if typ == -1 {
		typ = unix.SOCK_STREAM
	}
	if proto == -1 {
		proto = 0
	}
	if rt.isClosed() {
		return nil, nil, errClosedRuntime("socketpair")
	}
	start := rt.traceStart()
	fds, err := sysSocketpair(family, typ|unix.SOCK_CLOEXEC|unix.SOCK_NONBLOCK, proto)
	if rt.tracing() {
		took := time.Since(start)
		for _, v := range []struct {
			view  TraceView
			flags int
		}{{ViewRaw, unix.SOCK_CLOEXEC | unix.SOCK_NONBLOCK}, {ViewProgram, unix.SOCK_CLOEXEC}} {
			text := fmt.Sprintf("socketpair(%s, %s, %d, [%d, %d])", familyText(family), typeText(typ|v.flags), proto, fds[0], fds[1])
			if err != nil {
				text = fmt.Sprintf("socketpair(%s, %s, %d, %#x)", familyText(family), typeText(typ|v.flags), proto, 0)
			}
			rt.emitView(v.view, text, result(0, err), took)
		}
	}
	if err != nil {
		return nil, nil, sysError("socketpair", err)
	}
	a, b := rt.newSocket(fds[0], family, typ, proto, newKernelNB()), rt.newSocket(fds[1], family, typ, proto, newKernelNB())
	a.hadPeer, b.hadPeer = true, true
	return a, b, nil
}

func (rt *Runtime) isClosed() bool {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return rt.closed
}

// Close closes the socket. It is idempotent; afterwards Fileno is -1 and
// every operation raises OSError [Errno 9] Bad file descriptor, as in CPython.
func (s *Socket) Close() error {
	s.touch()
	if s.fd < 0 {
		return nil
	}
	fd := s.fd
	s.fd = -1
	s.rt.remove(s)
	start := s.rt.traceStart()
	err := sysClose(fd)
	if s.rt.tracing() {
		s.rt.emit(fmt.Sprintf("close(%d)", fd), 0, err, start)
	}
	// CPython ignores ECONNRESET from close: the fd is gone either way.
	if err != nil && err != unix.ECONNRESET {
		return sysError("close", err)
	}
	return nil
}

// Fileno is the fd, -1 after close.
func (s *Socket) Fileno() int { return s.fd }

// Family, Type and Proto are what the socket was created with; Type has
// SOCK_NONBLOCK/SOCK_CLOEXEC removed, as in CPython.
func (s *Socket) Family() int { return s.family }
func (s *Socket) Type() int   { return s.typ }
func (s *Socket) Proto() int  { return s.proto }

// Getsockname is getsockname(): a Python address value.
func (s *Socket) Getsockname() (any, error) { return s.name("getsockname", sysGetsockname) }

// Getpeername is getpeername(); OSError ENOTCONN when not connected.
func (s *Socket) Getpeername() (any, error) { return s.name("getpeername", sysGetpeername) }

func (s *Socket) name(op string, f func(int, *sockaddr) error) (any, error) {
	var sa sockaddr
	start := s.rt.traceStart()
	err := f(s.fd, &sa)
	if s.rt.tracing() {
		s.rt.emitAddr(fmt.Sprintf("%s(%d)", op, s.fd), 0, err, start, &sa)
	}
	if err != nil {
		return nil, sysError(op, err)
	}
	return sa.value(), nil
}

// Setblocking is setblocking(flag): True is timeout None, False is 0.0.
func (s *Socket) Setblocking(flag bool) error {
	if flag {
		return s.Settimeout(nil)
	}
	zero := 0.0
	return s.Settimeout(&zero)
}

// Getblocking is False only in non-blocking mode (timeout 0.0).
func (s *Socket) Getblocking() bool { return s.mode != ModeNonBlocking }

// Settimeout: nil is None (blocking), 0 non-blocking, >0 timeout mode.
// Negative gives ValueError "Timeout value out of range". As in CPython
// the mode changes even on a closed socket, which then raises EBADF.
func (s *Socket) Settimeout(t *float64) error {
	m := ModeBlocking
	if t != nil {
		var err error
		var secs float64
		if m, secs, err = timeoutMode(*t); err != nil {
			return err
		}
		if m == ModeTimeout {
			s.timeout = secs
		}
	}
	s.mode = m
	if s.nonblockingFD() && s.fd >= 0 {
		// The fd stays O_NONBLOCK (kernelnb.go): the program view shows
		// the ioctl CPython makes, and nothing is issued.
		s.progFIONBIO(m != ModeBlocking)
		return nil
	}
	return s.setKernelBlocking(m == ModeBlocking, ViewBoth)
}

// timeoutMode checks a timeout in seconds as CPython does, and gives the
// mode it means with the value CPython keeps: whole nanoseconds, rounded
// away from zero (1e-12 reads back as 1e-09, -1e-12 is negative).
func timeoutMode(t float64) (Mode, float64, error) {
	ns := t * 1e9
	if ns >= 0 {
		ns = math.Ceil(ns)
	} else {
		ns = math.Floor(ns)
	}
	switch {
	case math.IsNaN(ns):
		return 0, 0, ValueError("Invalid value NaN (not a number)")
	case outOfTimeRange(t):
		return 0, 0, OverflowError("timestamp out of range for platform time_t")
	case ns < 0:
		return 0, 0, ValueError("Timeout value out of range")
	case ns == 0:
		return ModeNonBlocking, 0, nil
	}
	return ModeTimeout, nsToSeconds(int64(ns)), nil
}

// nsToSeconds is CPython's _PyTime_AsSecondsDouble: whole seconds
// exactly, anything else divided as a double.
func nsToSeconds(ns int64) float64 {
	if ns%1e9 == 0 {
		return float64(ns / 1e9)
	}
	return float64(ns) / 1e9
}

// setKernelBlocking sets or clears O_NONBLOCK on the fd.
// fionbio is FIONBIO, which x/sys/unix does not export (0x5421 on Linux).
const fionbio = 0x5421

// view is ViewRaw when the change is the package's own (a blocking
// connect made as a non-blocking one), not the learner's.
func (s *Socket) setKernelBlocking(blocking bool, view TraceView) error {
	// One ioctl(FIONBIO), as CPython does, instead of fcntl F_GETFL+F_SETFL:
	// a blocking connect() toggles the mode twice.
	on := 1
	if blocking {
		on = 0
	}
	start := s.rt.traceStart()
	err := unix.IoctlSetPointerInt(s.fd, fionbio, on)
	if s.rt.tracing() {
		s.rt.emitView(view, fmt.Sprintf("ioctl(%d, FIONBIO, [%d])", s.fd, on), result(0, err), time.Since(start))
	}
	if err != nil {
		return sysError("setblocking", err)
	}
	return nil
}

// Gettimeout is None (nil) in blocking mode, else the timeout in seconds.
func (s *Socket) Gettimeout() *float64 {
	var v float64
	switch s.mode {
	case ModeBlocking:
		return nil
	case ModeTimeout:
		v = s.timeout
	}
	return &v
}

// deadline is when a call that starts now must give up; zero in blocking mode.
func (s *Socket) deadline() time.Time {
	if s.mode != ModeTimeout {
		return time.Time{}
	}
	return time.Now().Add(time.Duration(s.timeout * float64(time.Second)))
}

// Repr is CPython's repr: "<socket.socket fd=3, family=AddressFamily.AF_INET, ...>".
// Enum members print by name as in the source material and CPython
// 3.8-3.10; CPython 3.11 to 3.13 print the bare numbers (family=2,
// type=1), which Runtime.SetNumericReprs asks for.
func (s *Socket) Repr() string { return s.ReprClosed(false) }

// ReprClosed is Repr for a socket object the program closed while its
// descriptor stays open for makefile() files: CPython prints it
// "[closed]" with its fd, and without addresses.
func (s *Socket) ReprClosed(closed bool) string {
	var b strings.Builder
	b.WriteString("<socket.socket")
	closed = closed || s.fd < 0
	if closed {
		b.WriteString(" [closed]")
	}
	if s.rt.numericReprs.Load() {
		fmt.Fprintf(&b, " fd=%d, family=%d, type=%d, proto=%d", s.fd, s.family, s.typ, s.proto)
	} else {
		fmt.Fprintf(&b, " fd=%d, family=%s, type=%s, proto=%d", s.fd,
			enumRepr("AddressFamily", s.family), enumRepr("SocketKind", s.typ), s.proto)
	}
	if !closed {
		var sa sockaddr
		if sysGetsockname(s.fd, &sa) == nil && truthy(sa.value()) {
			b.WriteString(", laddr=" + pyStr(sa.value()))
		}
		if sysGetpeername(s.fd, &sa) == nil && truthy(sa.value()) {
			b.WriteString(", raddr=" + pyStr(sa.value()))
		}
	}
	b.WriteByte('>')
	return b.String()
}

func enumRepr(enum string, v int) string {
	if n := EnumName(enum, v); n != "" {
		return enum + "." + n
	}
	return strconv.Itoa(v)
}

// pyStr is Python's str() of an address value: a path prints bare,
// anything else as its repr (CPython's socket repr uses str()).
func pyStr(v any) string {
	if p, ok := v.(string); ok {
		return p
	}
	return Repr(v)
}

// truthy is Python's bool() for address values.
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case string:
		return x != ""
	case []byte:
		return len(x) > 0
	case Tuple:
		return len(x) > 0
	}
	return true
}

func familyText(f int) string {
	if n := FamilyName(f); n != "" {
		return n
	}
	return strconv.Itoa(f)
}

// typeText is "SOCK_STREAM|SOCK_CLOEXEC".
func typeText(t int) string {
	base := t &^ (unix.SOCK_NONBLOCK | unix.SOCK_CLOEXEC)
	out := KindName(base)
	if out == "" {
		out = strconv.Itoa(base)
	}
	if t&unix.SOCK_NONBLOCK != 0 {
		out += "|SOCK_NONBLOCK"
	}
	if t&unix.SOCK_CLOEXEC != 0 {
		out += "|SOCK_CLOEXEC"
	}
	return out
}
