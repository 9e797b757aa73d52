//go:build linux

package sockets

import (
	"sockrepl/sockets/leakcheck"

	"bytes"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// hangGuard only catches a hang; it is not a timing assertion.
const hangGuard = 20 * time.Second

// blockThenInterrupt runs op on a goroutine, waits until the wait helper
// reports that op is blocked, interrupts the Runtime and returns op's
// error with the reports seen (the first in-progress one and the last).
func blockThenInterrupt(t *testing.T, rt *Runtime, op func() error) (err error, first, last Progress) {
	t.Helper()
	reports := make(chan Progress, 1000)
	rt.SetObserver(func(p Progress) {
		select {
		case reports <- p:
		default:
		}
	})
	defer rt.SetObserver(nil)
	done := make(chan error, 1)
	go func() { done <- op() }()
	select {
	case first = <-reports:
	case err := <-done:
		t.Fatalf("returned before blocking: %v", err)
	case <-time.After(hangGuard):
		t.Fatal("no progress report while blocked")
	}
	asked := time.Now()
	rt.Interrupt()
	select {
	case err = <-done:
	case <-time.After(hangGuard):
		t.Fatal("interrupt did not end the call")
	}
	t.Logf("%s interrupted %v after the request", first.Op, time.Since(asked).Round(time.Microsecond))
	rt.ClearInterrupt()
	last = first
	for {
		select {
		case p := <-reports:
			last = p
		default:
			if !last.Finished {
				t.Errorf("no Finished report; last %+v", last)
			}
			if !IsInterrupted(err) {
				t.Fatalf("want KeyboardInterrupt, got %v", err)
			}
			if e := err.(*Error); e.Error() != "KeyboardInterrupt" {
				t.Errorf("interrupt prints %q", e.Error())
			}
			if !IsInterrupted(last.Err) {
				t.Errorf("Finished report Err = %v", last.Err)
			}
			return err, first, last
		}
	}
}

func nonblockFlag(t *testing.T, s *Socket) bool {
	fl, err := unix.FcntlInt(uintptr(s.Fileno()), unix.F_GETFL, 0)
	check(t, err)
	return fl&unix.O_NONBLOCK != 0
}

func TestInterruptAccept(t *testing.T) {
	for _, timeout := range []*float64{nil, f64(60)} {
		t.Run(Repr(ptr(timeout)), func(t *testing.T) {
			leakcheck.Check(t)
			rt := newRT(t)
			l, addr := listener(t, rt)
			check(t, l.Settimeout(timeout))
			_, first, _ := blockThenInterrupt(t, rt, func() error {
				_, _, err := l.Accept()
				return err
			})
			if first.Op != "accept" || first.Why != WaitAcceptQueue || first.Backlog != 128 || first.QueueLen != 0 ||
				first.FD != l.Fileno() || first.Local != "127.0.0.1:"+Repr(addr[1]) {
				t.Errorf("report %+v", first)
			}
			// Usable afterwards.
			c := tcp(t, rt)
			check(t, c.Connect(addr))
			s, peer, err := l.Accept()
			check(t, err)
			if Repr(peer) != Repr(must[any](t)(c.Getsockname())) {
				t.Errorf("peer %s", Repr(peer))
			}
			check(t, s.Close())
		})
	}
}

func TestInterruptConnect(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	l := tcp(t, rt)
	check(t, l.Bind(Tuple{"127.0.0.1", 0}))
	check(t, l.Listen(0)) // room for one queued connection only
	addr := must[any](t)(l.Getsockname())
	first := tcp(t, rt)
	check(t, first.Connect(addr))
	// The queue is full: the kernel drops the next SYN and connect waits.
	c := tcp(t, rt)
	_, rep, _ := blockThenInterrupt(t, rt, func() error { return c.Connect(addr) })
	if rep.Op != "connect" || rep.Why != WaitHandshake || rep.FD != c.Fileno() {
		t.Errorf("report %+v", rep)
	}
	if st := c.State(); st.TCPState != TCPSynSent || st.Mode != ModeBlocking || Repr(st.Raddr) != Repr(addr) {
		t.Errorf("after interrupt: %+v", st)
	}
	if c.handOut(); nonblockFlag(t, c) {
		t.Error("a blocking socket handed out after an interrupted connect is O_NONBLOCK")
	}
	// Make room; the kernel's SYN retry then completes the handshake and
	// a second connect() waits for it.
	s, _, err := l.Accept()
	check(t, err)
	check(t, c.Connect(addr))
	if st := c.State(); st.TCPState != TCPEstablished {
		t.Errorf("after connect: %+v", st)
	}
	s2, _, err := l.Accept()
	check(t, err)
	check(t, c.Sendall([]byte("late"), 0))
	if got := must[[]byte](t)(s2.Recv(10, 0)); string(got) != "late" {
		t.Errorf("got %q", got)
	}
	check(t, s.Close())
	check(t, s2.Close())
}

func TestInterruptRecv(t *testing.T) {
	for _, op := range []string{"recv", "recvfrom", "recv_into"} {
		for _, timeout := range []*float64{nil, f64(60)} {
			t.Run(op+"/"+Repr(ptr(timeout)), func(t *testing.T) {
				leakcheck.Check(t)
				rt := newRT(t)
				a, b, err := rt.Socketpair(-1, -1, -1)
				check(t, err)
				check(t, a.Settimeout(timeout))
				recv := func() ([]byte, error) {
					switch op {
					case "recv":
						return a.Recv(1024, 0)
					case "recv_into":
						buf := make([]byte, 1024)
						n, err := a.RecvInto(buf, 0, 0)
						return buf[:n], err
					}
					d, _, err := a.Recvfrom(1024, 0)
					return d, err
				}
				_, rep, _ := blockThenInterrupt(t, rt, func() error { _, err := recv(); return err })
				if rep.Op != op || rep.Why != WaitRecvBuffer || rep.FD != a.Fileno() {
					t.Errorf("report %+v", rep)
				}
				must[int](t)(b.Send([]byte("after"), 0))
				if got := must[[]byte](t)(recv()); string(got) != "after" {
					t.Errorf("got %q", got)
				}
			})
		}
	}
}

func TestInterruptRecvfromUDP(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	a := sock(t, rt, afInet, sockDgram)
	check(t, a.Bind(Tuple{"127.0.0.1", 0}))
	blockThenInterrupt(t, rt, func() error { _, _, err := a.Recvfrom(1024, 0); return err })
	b := sock(t, rt, afInet, sockDgram)
	must[int](t)(b.Sendto([]byte("dgram"), 0, must[any](t)(a.Getsockname())))
	d, from, err := a.Recvfrom(1024, 0)
	check(t, err)
	// b was bound implicitly by sendto, to the wildcard address: compare ports.
	if string(d) != "dgram" || from.(Tuple)[1] != must[any](t)(b.Getsockname()).(Tuple)[1] {
		t.Errorf("got %q from %s", d, Repr(from))
	}
}

// fill queues data on a until its send buffer (and b's receive buffer)
// is full, and returns how much it queued.
func fill(t *testing.T, a *Socket) int {
	t.Helper()
	old := a.Gettimeout()
	check(t, a.Setblocking(false))
	chunk := make([]byte, 64<<10)
	total := 0
	for {
		n, err := a.Send(chunk, 0)
		if err != nil {
			if e, ok := err.(*Error); !ok || e.Errno != int(unix.EAGAIN) {
				t.Fatalf("fill: %v", err)
			}
			break
		}
		total += n
	}
	check(t, a.Settimeout(old))
	return total
}

// drain reads from b until it has n bytes, checking they are all x.
func drain(t *testing.T, b *Socket, n int, x byte) {
	got := 0
	for got < n {
		d, err := b.Recv(1<<20, 0)
		if err != nil {
			t.Errorf("drain: %v", err)
			return
		}
		if len(d) == 0 {
			t.Errorf("drain: EOF after %d of %d", got, n)
			return
		}
		if i := bytes.IndexFunc(d, func(r rune) bool { return byte(r) != x }); i >= 0 && x != 0 {
			t.Errorf("drain: unexpected byte at %d", got+i)
			return
		}
		got += len(d)
	}
}

func TestInterruptSend(t *testing.T) {
	for _, op := range []string{"send", "sendall"} {
		for _, timeout := range []*float64{nil, f64(60)} {
			t.Run(op+"/"+Repr(ptr(timeout)), func(t *testing.T) {
				leakcheck.Check(t)
				rt := newRT(t)
				a, b := connected(t, rt)
				check(t, a.Settimeout(timeout))
				queued := fill(t, a)
				payload := bytes.Repeat([]byte{'z'}, 1<<20)
				_, rep, _ := blockThenInterrupt(t, rt, func() error {
					if op == "send" {
						_, err := a.Send(payload, 0)
						return err
					}
					return a.Sendall(payload, 0)
				})
				if rep.Op != op || rep.Why != WaitSendBuffer || rep.SendQ <= 0 || rep.SndBuf <= 0 {
					t.Errorf("report %+v", rep)
				}
				if op == "sendall" && rep.Total != int64(len(payload)) {
					t.Errorf("sendall report total %d", rep.Total)
				}
				// Usable afterwards: a reader drains, and a new sendall gets through.
				done := make(chan struct{})
				sent := int(rep.Done)
				go func() {
					defer close(done)
					drain(t, b, queued+sent+len(payload), 0)
				}()
				check(t, a.Sendall(payload, 0))
				<-done
			})
		}
	}
}

func TestInterruptSelect(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	a, b, err := rt.Socketpair(-1, -1, -1)
	check(t, err)
	_, rep, _ := blockThenInterrupt(t, rt, func() error {
		_, _, _, err := rt.Select([]int{a.Fileno()}, nil, nil, nil)
		return err
	})
	if rep.Op != "select" || rep.Why != WaitSelect || rep.FD != -1 {
		t.Errorf("report %+v", rep)
	}
	must[int](t)(b.Send([]byte("x"), 0))
	rr, _, _, err := rt.Select([]int{a.Fileno()}, nil, nil, nil)
	check(t, err)
	if len(rr) != 1 || rr[0] != a.Fileno() {
		t.Errorf("select gave %v", rr)
	}
}

func TestInterruptSleep(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	_, rep, _ := blockThenInterrupt(t, rt, func() error { return rt.Sleep(3600) })
	if rep.Op != "sleep" || rep.Why != WaitSleep {
		t.Errorf("report %+v", rep)
	}
	check(t, rt.Sleep(0.001))
}

// An interrupt that arrives before a call still ends it, until cleared;
// a call that need not wait is never cut short.
func TestInterruptPendingAndCleared(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	a, b, err := rt.Socketpair(-1, -1, -1)
	check(t, err)
	rt.Interrupt()
	if _, err := a.Recv(10, 0); !IsInterrupted(err) {
		t.Fatalf("pending interrupt: %v", err)
	}
	if err := rt.Sleep(10); !IsInterrupted(err) {
		t.Fatalf("pending interrupt, sleep: %v", err)
	}
	must[int](t)(b.Send([]byte("ready"), 0))
	if got, err := a.Recv(10, 0); err != nil || string(got) != "ready" {
		t.Fatalf("ready recv under interrupt: %q %v", got, err)
	}
	rt.ClearInterrupt()
	check(t, a.Settimeout(f64(0.01)))
	if _, err := a.Recv(10, 0); !IsTimeout(err) {
		t.Fatalf("after clear: %v", err)
	}
}

// Runtime.Close from another goroutine ends a blocked call and closes
// every socket, accepted ones included.
func TestRuntimeCloseWhileBlocked(t *testing.T) {
	leakcheck.Check(t)
	rt, err := NewRuntime()
	check(t, err)
	c, s := connected(t, rt)
	if n := len(rt.Sockets()); n != 2 {
		t.Fatalf("Sockets() = %d", n)
	}
	started := make(chan struct{})
	rt.SetObserver(func(Progress) {
		select {
		case <-started:
		default:
			close(started)
		}
	})
	done := make(chan error, 1)
	go func() { _, err := s.Recv(10, 0); done <- err }()
	<-started
	check(t, rt.Close())
	if err := <-done; !IsInterrupted(err) {
		t.Fatalf("blocked recv: %v", err)
	}
	if c.Fileno() != -1 || s.Fileno() != -1 || len(rt.Sockets()) != 0 {
		t.Fatal("sockets left open")
	}
	if _, err := rt.Socket(-1, -1, -1); err == nil {
		t.Fatal("socket on a closed Runtime")
	}
}
