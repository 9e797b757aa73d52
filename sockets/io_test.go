//go:build linux

package sockets

import (
	"sockrepl/sockets/leakcheck"

	"bytes"
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// recv(10**12) allocates what is queued, not what was asked for.
func TestRecvHugeBufsize(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	eachUnixPair(t, rt, func(t *testing.T, dgram bool, a, b *Socket) {
		must[int](t)(a.Send([]byte("Hello, world"), 0))
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		got, err := b.Recv(1_000_000_000_000, 0)
		runtime.ReadMemStats(&after)
		check(t, err)
		if string(got) != "Hello, world" {
			t.Errorf("got %q", got)
		}
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
			t.Errorf("recv(10**12) allocated %d bytes", grew)
		}
		// A big queue is read whole when asked for.
		big := bytes.Repeat([]byte{7}, 100_000)
		if !dgram {
			check(t, a.Sendall(big, 0))
			waitFor(t, func() bool { return b.State().RecvQ == len(big) })
		} else {
			must[int](t)(a.Send(big, 0))
		}
		got = must[[]byte](t)(b.Recv(1_000_000_000_000, 0))
		if !bytes.Equal(got, big) {
			t.Errorf("big read: %d bytes", len(got))
		}
		check(t, a.Close())
		check(t, b.Close())
	})
}

// A blocked recv(10**12) sizes its buffer after the wait.
func TestRecvHugeAfterWait(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	a, b, err := rt.Socketpair(-1, -1, -1)
	check(t, err)
	started := make(chan struct{})
	rt.SetObserver(func(p Progress) {
		if !p.Finished {
			select {
			case <-started:
			default:
				close(started)
			}
		}
	})
	done := make(chan []byte, 1)
	go func() {
		d, err := b.Recv(1_000_000_000_000, 0)
		if err != nil {
			t.Error(err)
		}
		done <- d
	}()
	<-started
	must[int](t)(a.Send([]byte("late data"), 0))
	if got := <-done; string(got) != "late data" {
		t.Errorf("got %q", got)
	}
}

// sendall reports its progress while the peer reads slowly.
func TestSendallProgress(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	a, b := connected(t, rt)
	payload := bytes.Repeat([]byte{'p'}, 32<<20)
	var reports []Progress
	blocked := make(chan struct{})
	rt.SetObserver(func(p Progress) {
		if len(reports) == 0 {
			close(blocked)
		}
		reports = append(reports, p)
	})
	read := make(chan struct{})
	go func() {
		defer close(read)
		<-blocked // start reading only once sendall has reported a wait
		drain(t, b, len(payload), 'p')
	}()
	check(t, a.Sendall(payload, 0))
	<-read
	rt.SetObserver(nil)
	if len(reports) < 2 {
		t.Fatalf("reports: %+v", reports)
	}
	last := reports[len(reports)-1]
	if !last.Finished || last.Err != nil || last.Done != int64(len(payload)) || last.Total != int64(len(payload)) {
		t.Errorf("final report %+v", last)
	}
	for _, p := range reports[:len(reports)-1] {
		if p.Op != "sendall" || p.Finished || p.Total != int64(len(payload)) || p.Done > p.Total {
			t.Errorf("report %+v", p)
		}
	}
}

// The tracer sees each system call in strace's style.
func TestTrace(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	var lines []string
	rt.SetTracer(func(tr Trace) { lines = append(lines, tr.Call+" = "+tr.Result) })
	h := tcp(t, rt)
	check(t, h.Bind(Tuple{"127.0.0.1", 0}))
	port := must[any](t)(h.Getsockname()).(Tuple)[1].(int)
	c := tcp(t, rt)
	err := c.Connect(Tuple{"127.0.0.1", port})
	if err == nil || err.Error() != "ConnectionRefusedError: [Errno 111] Connection refused" {
		t.Fatalf("connect: %v", err)
	}
	a, b, err := rt.Socketpair(-1, -1, -1)
	check(t, err)
	must[int](t)(a.Send([]byte("hi"), 0))
	must[[]byte](t)(b.Recv(10, 0))
	check(t, a.Close())
	text := strings.Join(lines, "\n")
	for _, want := range []string{
		`socket\(AF_INET, SOCK_STREAM\|SOCK_CLOEXEC, 0\) = \d+`,
		`bind\(\d+, \{AF_INET, 127\.0\.0\.1:0\}\) = 0`,
		fmt.Sprintf(`connect\(\d+, \{AF_INET, 127\.0\.0\.1:%d\}\) = -1 (ECONNREFUSED \(Connection refused\)|EINPROGRESS \(Operation now in progress\))`, port),
		`getsockopt\(\d+, SOL_SOCKET, SO_ERROR, \[111\]\) = 0|ECONNREFUSED`,
		`socketpair\(AF_UNIX, SOCK_STREAM\|SOCK_CLOEXEC, 0, \[\d+, \d+\]\) = 0`,
		`sendto\(\d+, b'hi', 2, MSG_DONTWAIT\|MSG_NOSIGNAL\) = 2`,
		`recvfrom\(\d+, b'hi', 10, MSG_DONTWAIT\) = 2`,
		`close\(\d+\) = 0`,
	} {
		if !regexp.MustCompile(want).MatchString(text) {
			t.Errorf("no trace line like %s in:\n%s", want, text)
		}
	}
}

// Faults injected through the syscall variables: EINTR is retried, other
// errnos surface once wrapped with the operation's name.
func TestInjectedFaults(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	a, b, err := rt.Socketpair(-1, -1, -1)
	check(t, err)
	realSend, realPoll := sysSendto, sysPoll
	defer func() { sysSendto, sysPoll = realSend, realPoll }()

	fails := 3
	sysSendto = func(fd int, p []byte, flags int, to *sockaddr) (int, error) {
		if fails > 0 {
			fails--
			return 0, unix.EINTR
		}
		return realSend(fd, p, flags, to)
	}
	check(t, a.Sendall([]byte("through"), 0))
	if got := must[[]byte](t)(b.Recv(10, 0)); string(got) != "through" {
		t.Errorf("got %q", got)
	}
	sysSendto = func(int, []byte, int, *sockaddr) (int, error) { return 0, unix.ENOBUFS }
	_, err = a.Send([]byte("x"), 0)
	if e, ok := err.(*Error); !ok || e.Op != "send" || e.Class != "OSError" || e.Msg != "[Errno 105] No buffer space available" || e.Unwrap() != unix.ENOBUFS {
		t.Errorf("ENOBUFS: %#v", err)
	}
	sysSendto = realSend

	polls := 0
	sysPoll = func(fds []unix.PollFd, ms int) (int, error) {
		if polls++; polls <= 2 {
			return 0, unix.EINTR
		}
		return realPoll(fds, ms)
	}
	check(t, b.Settimeout(f64(0.05)))
	if _, err := b.Recv(10, 0); !IsTimeout(err) || err.Error() != "TimeoutError: timed out" {
		t.Errorf("recv after EINTR polls: %v", err)
	}
	if polls < 3 {
		t.Errorf("poll called %d times", polls)
	}
}

func TestConnectNonBlockingThenSelect(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	l, addr := listener(t, rt)
	c := tcp(t, rt)
	check(t, c.Setblocking(false))
	err := c.Connect(addr)
	if err != nil && err.Error() != "BlockingIOError: [Errno 115] Operation now in progress" {
		t.Fatalf("connect: %v", err)
	}
	_, w, _, err := rt.Select(nil, []int{c.Fileno()}, nil, f64(10))
	check(t, err)
	if len(w) != 1 {
		t.Fatalf("not writable: %v", w)
	}
	if v := must[any](t)(c.Getsockopt(unix.SOL_SOCKET, unix.SO_ERROR, 0)); v != 0 {
		t.Fatalf("SO_ERROR %v", v)
	}
	// The kernel reports the finished connect once more, then EISCONN.
	check(t, c.Connect(addr))
	if err := c.Connect(addr); err == nil || err.Error() != "OSError: [Errno 106] Transport endpoint is already connected" {
		t.Fatalf("third connect: %v", err)
	}
	s, _, err := l.Accept()
	check(t, err)
	check(t, s.Close())
}

// Errors raised before any system call still name the operation.
func TestErrorsNameTheOperation(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	s := tcp(t, rt)
	for op, err := range map[string]error{
		"bind":       s.Bind("x"),
		"connect":    s.Connect(Tuple{"nosuch.invalid", 80}),
		"connect_ex": func() error { _, err := s.ConnectEx(Tuple{"127.0.0.1", 70000}); return err }(),
		"sendto":     func() error { _, err := s.Sendto(nil, 0, Tuple{1, 2}); return err }(),
		"recv":       func() error { _, err := s.Recv(-1, 0); return err }(),
	} {
		if e, ok := err.(*Error); !ok || e.Op != op {
			t.Errorf("%s: %#v", op, err)
		}
	}
}

// TestRecvSmallScratch: a recv of up to 4 KiB lands in a pooled buffer
// and is copied out at its real size, so a non-blocking loop that finds
// nothing allocates only its error, and the pool never shows one
// result's bytes in another.
func TestRecvSmallScratch(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	eachUnixPair(t, rt, func(t *testing.T, dgram bool, a, b *Socket) {
		defer a.Close()
		defer b.Close()
		check(t, b.Setblocking(false))
		empty := testing.AllocsPerRun(100, func() {
			if _, err := b.Recv(10, 0); err == nil {
				t.Fatal("recv on an empty socket succeeded")
			}
		})
		if empty > 1 {
			t.Errorf("a recv(10) that finds nothing allocates %v times, want 1 (its error)", empty)
		}
		must[int](t)(a.Send([]byte("a long first message"), 0))
		got := must[[]byte](t)(b.Recv(4096, 0))
		if string(got) != "a long first message" || cap(got) != len(got) {
			t.Errorf("first: %q (cap %d)", got, cap(got))
		}
		must[int](t)(a.Send([]byte("short"), 0))
		got = must[[]byte](t)(b.Recv(4096, 0))
		if string(got) != "short" {
			t.Errorf("second: %q", got)
		}
		if dgram { // a datagram longer than the buffer is cut
			must[int](t)(a.Send([]byte("0123456789"), 0))
			if got = must[[]byte](t)(b.Recv(4, 0)); string(got) != "0123" {
				t.Errorf("recv(4) of a 10-byte datagram: %q", got)
			}
		}
	})
}
