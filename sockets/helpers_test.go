//go:build linux

package sockets

import (
	"os"
	"runtime"
	"testing"
	"time"
)

// leakCheck records the open fds and goroutines now and, at cleanup,
// fails the test if either count has not come back to it.
func leakCheck(t *testing.T) {
	t.Helper()
	fds, gs := countFDs(t), runtime.NumGoroutine()
	t.Cleanup(func() {
		var nfd, ng int
		// Goroutines of a finished helper may take a moment to exit.
		for i := 0; i < 100; i++ {
			nfd, ng = countFDs(t), runtime.NumGoroutine()
			if nfd <= fds && ng <= gs {
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
		t.Errorf("leak: fds %d -> %d, goroutines %d -> %d", fds, nfd, gs, ng)
	})
}

func countFDs(t *testing.T) int {
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	return len(ents)
}

// newRT makes a Runtime closed at cleanup.
func newRT(t *testing.T) *Runtime {
	t.Helper()
	rt, err := NewRuntime()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rt.Close() })
	return rt
}

func must[T any](t *testing.T) func(v T, err error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return v
	}
}

func check(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
}

// listener is a TCP listener on 127.0.0.1 with an OS-chosen port.
func listener(t *testing.T, rt *Runtime) (*Socket, Tuple) {
	t.Helper()
	l := must[*Socket](t)(rt.Socket(-1, -1, -1))
	check(t, l.Bind(Tuple{"127.0.0.1", 0}))
	check(t, l.Listen())
	addr := must[any](t)(l.Getsockname()).(Tuple)
	return l, addr
}

// connected is an accepted TCP pair over loopback: client, server side.
func connected(t *testing.T, rt *Runtime) (*Socket, *Socket) {
	t.Helper()
	l, addr := listener(t, rt)
	c := must[*Socket](t)(rt.Socket(-1, -1, -1))
	check(t, c.Connect(addr))
	s, _, err := l.Accept()
	check(t, err)
	check(t, l.Close())
	return c, s
}
