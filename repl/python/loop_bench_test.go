package python

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sockrepl/sockets"
)

// benchProgram runs src as a program b.N times in one interpreter, for
// profiles of the interpreter's own cost (go test -cpuprofile).
func benchProgram(b *testing.B, src string) {
	rt, err := sockets.NewRuntime()
	if err != nil {
		b.Fatal(err)
	}
	defer rt.Close()
	in := New(rt, Options{})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := in.Exec("bench.py", src, Program); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCountLoopTopLevel is the counting loop: a byte total
// past 2**31 kept in a global by a top-level loop.
func BenchmarkCountLoopTopLevel(b *testing.B) {
	benchProgram(b, "total = 0\nfor i in range(1000000):\n    total += 4096\n")
}

// BenchmarkCountLoopInFunction is the same loop in a function's locals.
func BenchmarkCountLoopInFunction(b *testing.B) {
	benchProgram(b, "def f():\n    total = 0\n    for i in range(1000000):\n        total += 4096\n    return total\nf()\n")
}

// BenchmarkTryExcept is bench/try_except.py: an expected exception,
// raised by a system call and caught, 100,000 times.
func BenchmarkTryExcept(b *testing.B) {
	benchProgram(b, "import socket\na, b = socket.socketpair()\na.setblocking(False)\n"+
		"def drain(n):\n    caught = 0\n    for _ in range(n):\n        try:\n            a.recv(10)\n"+
		"        except BlockingIOError:\n            caught += 1\n    return caught\ndrain(100000)\na.close()\nb.close()\n")
}

// BenchmarkRoundTrips is bench/roundtrips.py with 1,000 connections: each
// a fresh connect, accept, sendall and recv both ways, and close.
func BenchmarkRoundTrips(b *testing.B) {
	benchProgram(b, "import socket\nsrv = socket.socket()\nsrv.bind(('127.0.0.1', 0))\nsrv.listen(128)\naddr = srv.getsockname()\n"+
		"total = 0\nfor i in range(1000):\n    c = socket.socket()\n    c.connect(addr)\n    conn, peer = srv.accept()\n"+
		"    c.sendall(b'ping')\n    total += len(conn.recv(16))\n    conn.sendall(b'pong')\n    total += len(c.recv(16))\n"+
		"    c.close()\n    conn.close()\nsrv.close()\n")
}

// BenchmarkFunctionCalls is bench/calls.py: a million calls of a
// two-argument function from a loop.
func BenchmarkFunctionCalls(b *testing.B) { benchFile(b, "calls.py") }

// BenchmarkMethodCalls is bench/methods.py: 300,000 calls of a method
// that updates an attribute of its instance.
func BenchmarkMethodCalls(b *testing.B) { benchFile(b, "methods.py") }

// BenchmarkPrograms runs the learner workloads compare.py times beside
// python3 (objects with a custom exception, string formatting and
// splitting, message framing), for their profiles and allocation counts.
// With the benchmarks above it is also what default.pgo is made from
// (bench/pgo.sh).
func BenchmarkPrograms(b *testing.B) {
	for _, name := range []string{"classes.py", "strings.py", "framing.py"} {
		b.Run(strings.TrimSuffix(name, ".py"), func(b *testing.B) { benchFile(b, name) })
	}
}

// benchFile is benchProgram on a file of bench/.
func benchFile(b *testing.B, name string) {
	src, err := os.ReadFile(filepath.Join("..", "..", "bench", name))
	if err != nil {
		b.Fatal(err)
	}
	benchProgram(b, string(src))
}
