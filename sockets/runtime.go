//go:build linux

package sockets

import (
	"encoding/binary"
	"sync"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// Runtime owns the wake fd that interrupts waits, the observer and tracer,
// and the set of sockets it created. Its methods are meant for one
// goroutine (the repl's), except Interrupt, which any goroutine may call.
type Runtime struct {
	wake        int // eventfd: readable while an interrupt is pending
	interrupted atomic.Bool
	closing     atomic.Bool // Close has begun: every wait ends
	observer    atomic.Pointer[func(Progress)]
	tracer      atomic.Pointer[func(Trace)]
	hooks       atomic.Pointer[WaitHooks]
	// numericReprs: socket reprs print family=2, type=1, as CPython
	// 3.11-3.13 do, instead of the enum names (SetNumericReprs).
	numericReprs atomic.Bool
	portHook     atomic.Pointer[func(port int)] // SetPortHook

	mu     sync.Mutex // guards socks, closed, detached, epolls, intr and the wake fd's lifetime
	socks  []*Socket
	closed bool
	intr   chan struct{}  // closed while an interrupt is pending (WaitChan)
	busy   sync.WaitGroup // calls in progress; Close waits for them

	// epolls and detached are the other descriptors the program holds
	// through this Runtime: epoll instances, and descriptors no socket
	// holds (those detach() handed over and those recv_fds() received,
	// adopt.go). Close closes them too.
	epolls   []*Epoll
	detached map[int]bool
	// defaultTimeout is socket.setdefaulttimeout's value, which every new
	// socket starts with; nil is None (blocking).
	defaultTimeout *float64
}

// NewRuntime makes a Runtime with its wake fd (eventfd).
func NewRuntime() (*Runtime, error) {
	fd, err := unix.Eventfd(0, unix.EFD_CLOEXEC|unix.EFD_NONBLOCK)
	if err != nil {
		return nil, sysError("eventfd", err)
	}
	return &Runtime{wake: fd}, nil
}

// Close closes every socket the Runtime still holds open, then the wake
// fd. A call blocked on another goroutine is interrupted first.
func (rt *Runtime) Close() error {
	rt.mu.Lock()
	if rt.closed {
		rt.mu.Unlock()
		return nil
	}
	rt.mu.Unlock()
	rt.closing.Store(true)
	rt.Interrupt()
	rt.busy.Wait()
	var first error
	for _, s := range rt.Sockets() {
		if err := s.Close(); err != nil && first == nil {
			first = err
		}
	}
	rt.mu.Lock()
	epolls, detached := rt.epolls, rt.detached
	rt.epolls, rt.detached = nil, nil
	rt.mu.Unlock()
	for _, e := range epolls {
		if err := e.Close(); err != nil && first == nil {
			first = err
		}
	}
	for fd := range detached {
		unix.Close(fd)
	}
	rt.mu.Lock()
	rt.closed = true
	unix.Close(rt.wake)
	rt.wake = -1
	rt.mu.Unlock()
	return first
}

// Interrupt makes every current and future wait of this Runtime return a
// KeyboardInterrupt *Error until ClearInterrupt. Safe from a signal
// handler goroutine.
func (rt *Runtime) Interrupt() {
	rt.interrupted.Store(true)
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.intr != nil {
		select {
		case <-rt.intr:
		default:
			close(rt.intr)
		}
	}
	if rt.closed {
		return
	}
	var one [8]byte
	binary.NativeEndian.PutUint64(one[:], 1)
	unix.Write(rt.wake, one[:]) // EAGAIN only when the counter is full: still readable
}

// Interrupted reports whether an interrupt is pending: for a program's own
// wait that polls without the wait helper (the shell reading input()).
func (rt *Runtime) Interrupted() bool { return rt.interrupted.Load() }

// ClearInterrupt drains the wake fd; the repl calls it before each statement.
func (rt *Runtime) ClearInterrupt() {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	rt.interrupted.Store(false)
	rt.intr = nil
	if rt.closed {
		return
	}
	var buf [8]byte
	unix.Read(rt.wake, buf[:]) // EAGAIN when nothing was pending
}

// SetObserver installs the callback that receives Progress reports: about
// every 100 ms while a call waits, and once more with Finished set when a
// call that sent reports returns. A call that never waited 100 ms sends
// none. nil removes it. Called on the goroutine that waits.
func (rt *Runtime) SetObserver(f func(Progress)) {
	if f == nil {
		rt.observer.Store(nil)
		return
	}
	rt.observer.Store(&f)
}

// SetNumericReprs makes socket reprs print family and type as numbers
// (family=2, type=1), as CPython 3.11 to 3.13 print them, instead of the
// enum names of the source material (family=AddressFamily.AF_INET).
func (rt *Runtime) SetNumericReprs(on bool) { rt.numericReprs.Store(on) }

// SetTracer installs the callback that receives one Trace per system call
// made through this Runtime on a learner's behalf (the readings State
// makes are not traced). A wait shows as one poll line however many 100 ms
// slices it took. nil turns tracing off.
func (rt *Runtime) SetTracer(f func(Trace)) {
	if f == nil {
		rt.tracer.Store(nil)
		return
	}
	rt.tracer.Store(&f)
}

// Sockets returns the open sockets this Runtime created, in creation order.
func (rt *Runtime) Sockets() []*Socket {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return append([]*Socket(nil), rt.socks...)
}

func (rt *Runtime) add(s *Socket) {
	rt.mu.Lock()
	rt.socks = append(rt.socks, s)
	rt.mu.Unlock()
}

func (rt *Runtime) remove(s *Socket) {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	for i, x := range rt.socks {
		if x == s {
			rt.socks = append(rt.socks[:i], rt.socks[i+1:]...)
			return
		}
	}
}

// errClosedRuntime is raised by calls on a Runtime after Close.
func errClosedRuntime(op string) *Error { return sysError(op, unix.EBADF) }

// SetDefaultTimeout is socket.setdefaulttimeout: nil (None) makes new
// sockets blocking, 0 non-blocking, more a timeout in seconds. The value
// is checked as settimeout checks it.
func (rt *Runtime) SetDefaultTimeout(t *float64) error {
	if t != nil {
		m, secs, err := timeoutMode(*t)
		if err != nil {
			return err
		}
		if m == ModeNonBlocking {
			secs = 0
		}
		t = &secs
	}
	rt.mu.Lock()
	rt.defaultTimeout = t
	rt.mu.Unlock()
	return nil
}

// DefaultTimeout is socket.getdefaulttimeout(): nil for None.
func (rt *Runtime) DefaultTimeout() *float64 {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.defaultTimeout == nil {
		return nil
	}
	v := *rt.defaultTimeout
	return &v
}
