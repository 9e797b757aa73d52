package python

import (
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
func BenchmarkFunctionCalls(b *testing.B) {
	benchProgram(b, "def add(a, b):\n    return a + b\ndef main():\n    t = 0\n    for i in range(1000000):\n        t = add(t, i)\n    return t\nmain()\n")
}

// BenchmarkMethodCalls is bench/methods.py: 300,000 calls of a method
// that updates an attribute of its instance.
func BenchmarkMethodCalls(b *testing.B) {
	benchProgram(b, "class Counter:\n    def __init__(self):\n        self.n = 0\n    def bump(self, k):\n        self.n += k\n"+
		"def main():\n    c = Counter()\n    for i in range(300000):\n        c.bump(i)\n    return c.n\nmain()\n")
}
