//go:build linux

package sockets

import (
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// Benchmarks compare the package with the same work done by raw x/sys
// calls on blocking fds. Run:
//
//	go test -run '^$' -bench . -benchtime 2s ./sockets/
//
// and see docs/BENCHMARKS.md for recorded ratios.

// rawPair is a connected loopback TCP pair as bare fds.
func rawPair(b *testing.B) (client, server int) {
	l, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer unix.Close(l)
	if err := unix.Bind(l, &unix.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		b.Fatal(err)
	}
	if err := unix.Listen(l, 1); err != nil {
		b.Fatal(err)
	}
	sa, _ := unix.Getsockname(l)
	client, err = unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		b.Fatal(err)
	}
	if err := unix.Connect(client, sa); err != nil {
		b.Fatal(err)
	}
	server, _, err = unix.Accept4(l, unix.SOCK_CLOEXEC)
	if err != nil {
		b.Fatal(err)
	}
	return client, server
}

// echoRaw echoes on fd with blocking calls until EOF; the benchmark owns
// it and waits for done.
func echoRaw(fd int, done chan<- struct{}) {
	defer close(done)
	buf := make([]byte, 1024)
	for {
		n, err := unix.Read(fd, buf)
		if err == unix.EINTR {
			continue
		}
		if n <= 0 || err != nil {
			return
		}
		for off := 0; off < n; {
			m, err := unix.Write(fd, buf[off:n])
			if err == unix.EINTR {
				continue
			}
			if err != nil {
				return
			}
			off += m
		}
	}
}

func BenchmarkRoundTripRaw(b *testing.B) {
	c, s := rawPair(b)
	done := make(chan struct{})
	go echoRaw(s, done)
	msg, buf := []byte("x"), make([]byte, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := unix.Write(c, msg); err != nil {
			b.Fatal(err)
		}
		if _, err := unix.Read(c, buf); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	unix.Close(c)
	<-done
	unix.Close(s)
}

func BenchmarkRoundTripSockets(b *testing.B) {
	rt, err := NewRuntime()
	if err != nil {
		b.Fatal(err)
	}
	defer rt.Close()
	// The measured end is a package socket; the echo end stays raw, as in
	// BenchmarkRoundTripRaw.
	c, srv := rawPairFromRuntime(b, rt)
	done := make(chan struct{})
	go echoRaw(srv, done)
	msg := []byte("x")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := c.Sendall(msg, 0); err != nil {
			b.Fatal(err)
		}
		if _, err := c.Recv(1, 0); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	c.Close()
	<-done
	unix.Close(srv)
}

// BenchmarkConnectionRaw is bench/roundtrips.py's loop body in plain
// system calls: a fresh connection, a 4-byte echo each way, both closed.
// With BenchmarkConnectionSockets it splits a connection's cost between
// the kernel and this package (the interpreter's share is the rest of
// repl/python's BenchmarkRoundTrips).
func BenchmarkConnectionRaw(b *testing.B) {
	l, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer unix.Close(l)
	unix.Bind(l, &unix.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}})
	unix.Listen(l, 128)
	sa, _ := unix.Getsockname(l)
	buf := make([]byte, 16)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
		if err != nil {
			b.Fatal(err)
		}
		if err := unix.Connect(c, sa); err != nil {
			b.Fatal(err)
		}
		conn, _, err := unix.Accept4(l, unix.SOCK_CLOEXEC)
		if err != nil {
			b.Fatal(err)
		}
		unix.Write(c, []byte("ping"))
		unix.Read(conn, buf)
		unix.Write(conn, []byte("pong"))
		unix.Read(c, buf)
		unix.Close(c)
		unix.Close(conn)
	}
}

// BenchmarkConnectionSockets is the same loop through this package.
func BenchmarkConnectionSockets(b *testing.B) {
	rt, err := NewRuntime()
	if err != nil {
		b.Fatal(err)
	}
	defer rt.Close()
	l := mustB(rt.Socket(-1, -1, -1))(b)
	defer l.Close()
	if err := l.Bind(Tuple{"127.0.0.1", 0}); err != nil {
		b.Fatal(err)
	}
	if err := l.Listen(128); err != nil {
		b.Fatal(err)
	}
	addr, err := l.Getsockname()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := mustB(rt.Socket(-1, -1, -1))(b)
		if err := c.Connect(addr); err != nil {
			b.Fatal(err)
		}
		conn, _, err := l.Accept()
		if err != nil {
			b.Fatal(err)
		}
		c.Sendall([]byte("ping"), 0)
		conn.Recv(16, 0)
		conn.Sendall([]byte("pong"), 0)
		c.Recv(16, 0)
		c.Close()
		conn.Close()
	}
}

func mustB(s *Socket, err error) func(*testing.B) *Socket {
	return func(b *testing.B) *Socket {
		if err != nil {
			b.Fatal(err)
		}
		return s
	}
}

// rawPairFromRuntime connects a package socket to a raw accepted fd.
func rawPairFromRuntime(b *testing.B, rt *Runtime) (*Socket, int) {
	l, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer unix.Close(l)
	unix.Bind(l, &unix.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}})
	unix.Listen(l, 1)
	sa, _ := unix.Getsockname(l)
	c := mustB(rt.Socket(-1, -1, -1))(b)
	if err := c.Connect(Tuple{"127.0.0.1", sa.(*unix.SockaddrInet4).Port}); err != nil {
		b.Fatal(err)
	}
	fd, _, err := unix.Accept4(l, unix.SOCK_CLOEXEC)
	if err != nil {
		b.Fatal(err)
	}
	return c, fd
}

const bulkSize = 256 << 20

func BenchmarkBulk256MiBRaw(b *testing.B) {
	data := make([]byte, bulkSize)
	buf := make([]byte, 1<<20)
	b.SetBytes(bulkSize)
	for i := 0; i < b.N; i++ {
		c, s := rawPair(b)
		sent := make(chan error, 1)
		go func() {
			for off := 0; off < len(data); {
				n, err := unix.Write(c, data[off:])
				if err == unix.EINTR {
					continue
				}
				if err != nil {
					sent <- err
					return
				}
				off += n
			}
			sent <- unix.Close(c)
		}()
		for got := 0; got < bulkSize; {
			n, err := unix.Read(s, buf)
			if err == unix.EINTR {
				continue
			}
			if err != nil || n == 0 {
				b.Fatalf("read: %d %v", n, err)
			}
			got += n
		}
		if err := <-sent; err != nil {
			b.Fatal(err)
		}
		unix.Close(s)
	}
}

func BenchmarkBulk256MiBSockets(b *testing.B) { benchBulkSockets(b, false) }

// BenchmarkBulk256MiBRecvInto receives with RecvInto into one buffer.
func BenchmarkBulk256MiBRecvInto(b *testing.B) { benchBulkSockets(b, true) }

func benchBulkSockets(b *testing.B, into bool) {
	rt, err := NewRuntime()
	if err != nil {
		b.Fatal(err)
	}
	defer rt.Close()
	data := make([]byte, bulkSize)
	b.SetBytes(bulkSize)
	for i := 0; i < b.N; i++ {
		l := mustB(rt.Socket(-1, -1, -1))(b)
		l.Bind(Tuple{"127.0.0.1", 0})
		l.Listen()
		addr, _ := l.Getsockname()
		c := mustB(rt.Socket(-1, -1, -1))(b)
		if err := c.Connect(addr); err != nil {
			b.Fatal(err)
		}
		s, _, err := l.Accept()
		if err != nil {
			b.Fatal(err)
		}
		l.Close()
		sent := make(chan error, 1)
		go func() { sent <- c.Sendall(data, 0) }()
		buf := make([]byte, 1<<20)
		for got := 0; got < bulkSize; {
			var n int
			var err error
			if into {
				n, err = s.RecvInto(buf, 0, 0)
			} else {
				var d []byte
				d, err = s.Recv(1<<20, 0)
				n = len(d)
			}
			if err != nil || n == 0 {
				b.Fatalf("recv: %d %v", n, err)
			}
			got += n
		}
		if err := <-sent; err != nil {
			b.Fatal(err)
		}
		c.Close()
		s.Close()
	}
}

// BenchmarkInterruptLatency is the time from Interrupt to the blocked
// recv returning KeyboardInterrupt.
func BenchmarkInterruptLatency(b *testing.B) {
	rt, err := NewRuntime()
	if err != nil {
		b.Fatal(err)
	}
	defer rt.Close()
	a, _, err := rt.Socketpair(-1, -1, -1)
	if err != nil {
		b.Fatal(err)
	}
	var total time.Duration
	for i := 0; i < b.N; i++ {
		blocked := make(chan struct{})
		rt.SetObserver(func(Progress) {
			select {
			case <-blocked:
			default:
				close(blocked)
			}
		})
		done := make(chan error, 1)
		go func() { _, err := a.Recv(1, 0); done <- err }()
		<-blocked
		start := time.Now()
		rt.Interrupt()
		if err := <-done; !IsInterrupted(err) {
			b.Fatal(err)
		}
		total += time.Since(start)
		rt.ClearInterrupt()
	}
	b.ReportMetric(float64(total.Microseconds())/float64(b.N), "µs/interrupt")
}

func BenchmarkListKernel(b *testing.B) {
	rt, err := NewRuntime()
	if err != nil {
		b.Fatal(err)
	}
	defer rt.Close()
	for i := 0; i < 2000; i++ {
		if _, _, err := rt.Socketpair(-1, -1, -1); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ListKernel(); err != nil {
			b.Fatal(err)
		}
	}
}
