//go:build linux

package sockets

import (
	"runtime"
	"testing"

	"golang.org/x/sys/unix"
)

// Scale: 10,000 sockets open at once in one Runtime (2,500 loopback TCP
// connections, both ends, and 2,500 Unix socketpairs), then the
// system-wide listing and the State of every socket. Run:
//
//	go test -run '^$' -bench 10k -count 5 ./sockets/
//
// docs/BENCHMARKS.md has the numbers.

const scaleSockets = 10_000

// scaleRuntime opens the sockets, raising the soft fd limit to the hard
// one for the benchmark; perSocket is the Go heap each socket costs.
func scaleRuntime(b *testing.B) (rt *Runtime, perSocket float64) {
	b.Helper()
	var lim unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_NOFILE, &lim); err != nil {
		b.Fatal(err)
	}
	if lim.Max < scaleSockets+200 {
		b.Skipf("the hard fd limit is %d; %d sockets need more", lim.Max, scaleSockets)
	}
	old := lim
	lim.Cur = lim.Max
	if err := unix.Setrlimit(unix.RLIMIT_NOFILE, &lim); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { unix.Setrlimit(unix.RLIMIT_NOFILE, &old) })

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	rt, err := NewRuntime()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { rt.Close() })
	l := mustB(rt.Socket(-1, -1, -1))(b)
	if err := l.Bind(Tuple{"127.0.0.1", 0}); err != nil {
		b.Fatal(err)
	}
	if err := l.Listen(); err != nil {
		b.Fatal(err)
	}
	addr, _ := l.Getsockname()
	// Closed with a reset, so the run leaves no TIME_WAIT entries to slow
	// whoever reads /proc/net/tcp next.
	noLinger := []byte{1, 0, 0, 0, 0, 0, 0, 0}
	for i := 0; i < scaleSockets/4; i++ {
		c := mustB(rt.Socket(-1, -1, -1))(b)
		if err := c.Connect(addr); err != nil {
			b.Fatal(err)
		}
		s, _, err := l.Accept()
		if err != nil {
			b.Fatal(err)
		}
		for _, x := range []*Socket{c, s} {
			if err := x.Setsockopt(unix.SOL_SOCKET, unix.SO_LINGER, noLinger); err != nil {
				b.Fatal(err)
			}
		}
		if _, _, err := rt.Socketpair(-1, -1, -1); err != nil {
			b.Fatal(err)
		}
	}
	if err := l.Close(); err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	if n := len(rt.Sockets()); n != scaleSockets {
		b.Fatalf("%d sockets open, want %d", n, scaleSockets)
	}
	return rt, float64(after.HeapAlloc-before.HeapAlloc) / scaleSockets
}

func BenchmarkListKernel10k(b *testing.B) {
	rt, perSocket := scaleRuntime(b)
	mine := 0
	for b.Loop() {
		rows, err := ListKernel()
		if err != nil {
			b.Fatal(err)
		}
		mine = len(rows)
	}
	if mine < len(rt.Sockets()) {
		b.Fatalf("the listing has %d rows, fewer than this Runtime's %d sockets", mine, len(rt.Sockets()))
	}
	b.ReportMetric(perSocket, "heapB/socket") // after the loop, which resets metrics
}

func BenchmarkState10k(b *testing.B) {
	rt, perSocket := scaleRuntime(b)
	socks := rt.Sockets()
	for b.Loop() {
		for _, s := range socks {
			if s.State().Closed {
				b.Fatal("State says closed")
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(socks)), "ns/socket")
	b.ReportMetric(perSocket, "heapB/socket")
}
