//go:build linux

package sockets

import (
	"sockrepl/sockets/leakcheck"

	"bufio"
	"bytes"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// Faults of the peer: a peer process killed in the middle of a call, a
// reset with unread data, a half-close. Each call ends with the exception
// CPython raises on Linux, never hangs, and never kills the process with
// SIGPIPE.

// noSIGPIPE fails the test if the process receives SIGPIPE while it runs.
// Go ignores SIGPIPE on sockets by itself, so only a Notify can tell
// whether a send forgot MSG_NOSIGNAL; a shell built on another runtime
// would die of it.
func noSIGPIPE(t *testing.T) {
	t.Helper()
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGPIPE)
	t.Cleanup(func() {
		signal.Stop(ch)
		select {
		case <-ch:
			t.Error("SIGPIPE delivered: a send went out without MSG_NOSIGNAL")
		default:
		}
	})
}

// killablePeer starts testdata/peer.py connected to a fresh listener and
// returns the accepted socket and the peer process. The test ends the
// process; cleanup reaps it whatever happened.
func killablePeer(t *testing.T, rt *Runtime) (*Socket, *exec.Cmd) {
	t.Helper()
	l, addr := listener(t, rt)
	cmd := exec.Command(python(t), "testdata/peer.py", strconv.Itoa(addr[1].(int)))
	out, err := cmd.StdoutPipe()
	check(t, err)
	cmd.Stderr = os.Stderr
	check(t, cmd.Start())
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "ready\n" {
		t.Fatalf("peer said %q, %v", line, err)
	}
	check(t, l.Settimeout(f64(hangGuard.Seconds())))
	s, _, err := l.Accept()
	check(t, err)
	check(t, l.Close())
	return s, cmd
}

// killWhenBlocked runs op, SIGKILLs the peer once op has reported that it
// waits, and returns op's error.
func killWhenBlocked(t *testing.T, rt *Runtime, peer *exec.Cmd, op func() error) error {
	t.Helper()
	blocked := make(chan Progress, 1)
	rt.SetObserver(func(p Progress) {
		if !p.Finished {
			select {
			case blocked <- p:
			default:
			}
		}
	})
	defer rt.SetObserver(nil)
	done := make(chan error, 1)
	go func() { done <- op() }()
	select {
	case <-blocked:
	case err := <-done:
		t.Fatalf("returned before blocking: %v", err)
	case <-time.After(hangGuard):
		t.Fatal("never blocked")
	}
	check(t, peer.Process.Signal(syscall.SIGKILL))
	select {
	case err := <-done:
		peer.Wait()
		return err
	case <-time.After(hangGuard):
		rt.Interrupt() // let the goroutine go before failing
		<-done
		t.Fatal("the call hung after the peer died")
	}
	return nil
}

func wantClass(t *testing.T, err error, classes ...string) {
	t.Helper()
	e, ok := err.(*Error)
	if ok {
		for _, c := range classes {
			if e.Class == c {
				return
			}
		}
	}
	t.Fatalf("got %v, want one of %v", err, classes)
}

// CPython 3.11, same scenario: sendall raises ConnectionResetError
// [Errno 104]; then send raises BrokenPipeError and recv returns b”.
func TestPeerKilledMidSendall(t *testing.T) {
	noSIGPIPE(t) // first: the first Notify starts a goroutine that stays
	leakcheck.Check(t)
	rt := newRT(t)
	s, peer := killablePeer(t, rt)
	data := make([]byte, 64<<20) // far more than both buffers hold
	err := killWhenBlocked(t, rt, peer, func() error { return s.Sendall(data, 0) })
	wantClass(t, err, "ConnectionResetError", "BrokenPipeError")
	_, err = s.Send([]byte("z"), 0)
	wantClass(t, err, "BrokenPipeError")
	if got := must[[]byte](t)(s.Recv(10, 0)); len(got) != 0 {
		t.Errorf("recv after reset: %q", got)
	}
	check(t, s.Close())
}

// A peer that dies with nothing unread closes in order: recv returns b”
// (as in CPython, where a send afterwards still succeeds once).
func TestPeerKilledMidRecv(t *testing.T) {
	noSIGPIPE(t) // first: the first Notify starts a goroutine that stays
	leakcheck.Check(t)
	rt := newRT(t)
	s, peer := killablePeer(t, rt)
	var got []byte
	err := killWhenBlocked(t, rt, peer, func() (err error) {
		got, err = s.Recv(10, 0)
		return err
	})
	check(t, err)
	if len(got) != 0 {
		t.Fatalf("recv from a dead peer: %q", got)
	}
	if n := must[int](t)(s.Send([]byte("z"), 0)); n != 1 {
		t.Errorf("send after FIN: %d", n)
	}
	check(t, s.Close())
}

// A peer that dies with our bytes unread resets: the blocked recv raises
// ConnectionResetError, then send BrokenPipeError, as in CPython.
func TestPeerKilledMidRecvWithUnread(t *testing.T) {
	noSIGPIPE(t) // first: the first Notify starts a goroutine that stays
	leakcheck.Check(t)
	rt := newRT(t)
	s, peer := killablePeer(t, rt)
	must[int](t)(s.Send([]byte("never read"), 0))
	err := killWhenBlocked(t, rt, peer, func() error {
		_, err := s.Recv(10, 0)
		return err
	})
	wantClass(t, err, "ConnectionResetError")
	if e := err.(*Error); e.Error() != "ConnectionResetError: [Errno 104] Connection reset by peer" {
		t.Errorf("prints %q", e.Error())
	}
	_, err = s.Send([]byte("z"), 0)
	wantClass(t, err, "BrokenPipeError")
	check(t, s.Close())
}

// pyPair is a connected loopback pair, a (client) and b (accepted), in
// Python for the cases below.
const pyPair = "l = socket.socket(); l.bind(('127.0.0.1', 0)); l.listen()\n" +
	"a = socket.socket(); a.connect(l.getsockname()); b, _ = l.accept(); l.close()\n"

// pyAttempts runs each call in turn and lists what each gave.
const pyAttempts = "def attempt(*calls):\n" +
	"    out = []\n" +
	"    for f in calls:\n" +
	"        try:\n" +
	"            out.append(f())\n" +
	"        except OSError as e:\n" +
	"            out.append(type(e).__name__ + ': ' + str(e))\n" +
	"    return out\n"

// attempt is pyAttempts in Go.
func attempt(calls ...func() (any, error)) (any, error) {
	var out []any
	for _, f := range calls {
		v, err := f()
		if err != nil {
			out = append(out, err.Error())
			continue
		}
		out = append(out, v)
	}
	return out, nil
}

// readable waits (bounded) until fd is readable, as select.select([fd],
// [], [], 5) does on the Python side.
func readable(t *testing.T, rt *Runtime, s *Socket) {
	t.Helper()
	r, _, _, err := rt.Select([]int{s.Fileno()}, nil, nil, f64(hangGuard.Seconds()))
	check(t, err)
	if len(r) != 1 {
		t.Fatal("never became readable")
	}
}

func recvOf(s *Socket, n int) func() (any, error) {
	return func() (any, error) { return s.Recv(n, 0) }
}

func sendOf(s *Socket, p string) func() (any, error) {
	return func() (any, error) { return s.Send([]byte(p), 0) }
}

// The reset and half-close cases run in CPython and here, and must agree.
func TestResetAndHalfCloseMatchCPython(t *testing.T) {
	noSIGPIPE(t) // first: the first Notify starts a goroutine that stays
	leakcheck.Check(t)
	// resetPair closes b with a's bytes unread, which sends a RST, and
	// waits until it has reached a.
	const pyReset = pyPair + pyAttempts +
		"a.sendall(b'unread'); select.select([b], [], [], 20); b.close(); select.select([a], [], [], 20)\n"
	resetPair := func(t *testing.T, rt *Runtime) *Socket {
		a, b := connected(t, rt)
		check(t, a.Sendall([]byte("unread"), 0))
		readable(t, rt, b)
		check(t, b.Close())
		readable(t, rt, a)
		return a
	}
	cases := []pyCase{
		{"reset then recv", pyReset + "r = attempt(lambda: a.recv(10), lambda: a.recv(10), lambda: a.send(b'x'))",
			func(t *testing.T, rt *Runtime) (any, error) {
				a := resetPair(t, rt)
				return attempt(recvOf(a, 10), recvOf(a, 10), sendOf(a, "x"))
			}},
		{"reset then send", pyReset + "r = attempt(lambda: a.send(b'x'), lambda: a.send(b'x'), lambda: a.recv(10))",
			func(t *testing.T, rt *Runtime) (any, error) {
				a := resetPair(t, rt)
				return attempt(sendOf(a, "x"), sendOf(a, "x"), recvOf(a, 10))
			}},
		{"reset then sendall", pyReset + "r = attempt(lambda: a.sendall(b'x' * 100000), lambda: a.recv(10))",
			func(t *testing.T, rt *Runtime) (any, error) {
				a := resetPair(t, rt)
				return attempt(func() (any, error) { return nil, a.Sendall(make([]byte, 100000), 0) }, recvOf(a, 10))
			}},
		{"reset then recvfrom", pyReset + "r = attempt(lambda: a.recvfrom(10), lambda: a.recvfrom(10))",
			func(t *testing.T, rt *Runtime) (any, error) {
				a := resetPair(t, rt)
				rf := func() (any, error) {
					d, addr, err := a.Recvfrom(10, 0)
					return Tuple{d, addr}, err
				}
				return attempt(rf, rf)
			}},
		{"reset with data of our own unread",
			pyPair + pyAttempts + "b.sendall(b'hello'); select.select([a], [], [], 20)\n" +
				"a.sendall(b'unread'); select.select([b], [], [], 20); b.close()\n" +
				"for _ in range(2000):  # until TCP_INFO's state is CLOSE\n" +
				"    if a.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 1)[0] == 7: break\n" +
				"    time.sleep(0.01)\n" +
				"r = attempt(lambda: a.recv(3), lambda: a.recv(10), lambda: a.recv(10))",
			func(t *testing.T, rt *Runtime) (any, error) {
				a, b := connected(t, rt)
				check(t, b.Sendall([]byte("hello"), 0))
				readable(t, rt, a)
				check(t, a.Sendall([]byte("unread"), 0))
				readable(t, rt, b)
				check(t, b.Close())
				waitFor(t, func() bool { return a.State().TCPState == TCPClosed })
				return attempt(recvOf(a, 3), recvOf(a, 10), recvOf(a, 10))
			}},
		{"half-close", pyPair + pyAttempts +
			"a.sendall(b'request'); a.shutdown(socket.SHUT_WR)\n" +
			"r = attempt(lambda: b.recv(100), lambda: b.recv(100), lambda: b.sendall(b'response'), lambda: a.recv(100), lambda: a.send(b'more'))\n" +
			"b.close(); r += attempt(lambda: a.recv(100), lambda: a.getpeername())",
			func(t *testing.T, rt *Runtime) (any, error) {
				a, b := connected(t, rt)
				check(t, a.Sendall([]byte("request"), 0))
				check(t, a.Shutdown(1))
				r, _ := attempt(recvOf(b, 100), recvOf(b, 100),
					func() (any, error) { return nil, b.Sendall([]byte("response"), 0) },
					recvOf(a, 100), sendOf(a, "more"))
				check(t, b.Close())
				r2, _ := attempt(recvOf(a, 100), a.Getpeername)
				return append(r.([]any), r2.([]any)...), nil
			}},
	}
	comparePython(t, cases)
}

// The half-closed side sees the peer's FIN at once: a blocked recv on
// the other side returns b” without waiting for a close.
func TestHalfCloseEndsBlockedRecv(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	a, b := connected(t, rt)
	done := make(chan []byte, 1)
	blocked := make(chan struct{})
	rt.SetObserver(func(p Progress) {
		if !p.Finished && p.Op == "recv" {
			select {
			case <-blocked:
			default:
				close(blocked)
			}
		}
	})
	defer rt.SetObserver(nil)
	go func() {
		d, err := b.Recv(100, 0)
		if err != nil {
			t.Error(err)
		}
		done <- d
	}()
	select {
	case <-blocked:
	case <-time.After(hangGuard):
		t.Fatal("recv never blocked")
	}
	check(t, a.Shutdown(1))
	select {
	case d := <-done:
		if !bytes.Equal(d, []byte{}) {
			t.Fatalf("recv after SHUT_WR: %q", d)
		}
	case <-time.After(hangGuard):
		rt.Interrupt()
		t.Fatal("recv did not see the FIN")
	}
}
