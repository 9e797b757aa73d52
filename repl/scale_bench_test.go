package repl

import (
	"io"
	"runtime"
	"testing"

	"golang.org/x/sys/unix"
)

// Scale: 10,000 sockets open in one shell (5,000 socketpairs), then %ls
// and %ss. Run with: go test -run '^$' -bench Scale -benchtime 5x ./repl/
// The fd limit is raised to the hard limit for the run.

func scaleSession(b *testing.B) *Session {
	b.Helper()
	return scaleSessionWith(b, Options{Out: io.Discard, Err: io.Discard})
}

func scaleSessionWith(b *testing.B, opt Options) *Session {
	b.Helper()
	var lim unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_NOFILE, &lim); err != nil {
		b.Fatal(err)
	}
	if lim.Max < 10_200 {
		b.Skipf("the hard fd limit is %d; 10,000 sockets need more", lim.Max)
	}
	old := lim
	lim.Cur = lim.Max
	if err := unix.Setrlimit(unix.RLIMIT_NOFILE, &lim); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { unix.Setrlimit(unix.RLIMIT_NOFILE, &old) })
	s, err := NewSession(opt)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	if err := s.Exec("pairs = [socket.socketpair() for i in range(5000)]"); err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	if n := len(s.rt.Sockets()); n != 10_000 {
		b.Fatalf("%d sockets open, want 10000", n)
	}
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/10_000, "heapB/socket")
	return s
}

func BenchmarkScaleLs10k(b *testing.B) {
	s := scaleSession(b)
	for b.Loop() {
		if err := s.Exec("%ls"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkScaleSs10k(b *testing.B) {
	s := scaleSession(b)
	for b.Loop() {
		if err := s.Exec("%ss"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkScaleStatement10k(b *testing.B) {
	s := scaleSession(b)
	for b.Loop() {
		if err := s.Exec("x = 1"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScaleStatementTerminal10k is one statement in a terminal
// session (notices and hints on) with 10,000 sockets open: the CPU a
// learner's Enter costs. Statements that change no socket should cost
// about what they cost with none.
func BenchmarkScaleStatementTerminal10k(b *testing.B) {
	s := scaleSessionWith(b, Options{Out: io.Discard, Err: io.Discard, Terminal: true, Width: func() int { return 100 }})
	for b.Loop() {
		if err := s.Exec("x = 1"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScaleIdleNotices10k is one look for news while the prompt is
// idle (every 250 ms) with 10,000 sockets open and nothing changing.
func BenchmarkScaleIdleNotices10k(b *testing.B) {
	s := scaleSessionWith(b, Options{Out: io.Discard, Err: io.Discard, Terminal: true, Width: func() int { return 100 }})
	for b.Loop() {
		if t := s.idleNotices(); t != "" {
			b.Fatalf("news with nothing changing: %q", t)
		}
	}
}
