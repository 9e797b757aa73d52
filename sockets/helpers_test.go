//go:build linux

package sockets

import (
	"testing"
)

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

// eachUnixPair runs f in a subtest for an AF_UNIX stream pair and a
// datagram pair; f closes the sockets.
func eachUnixPair(t *testing.T, rt *Runtime, f func(t *testing.T, dgram bool, a, b *Socket)) {
	for _, kind := range []string{"stream", "dgram"} {
		t.Run(kind, func(t *testing.T) {
			ty := sockStream
			if kind == "dgram" {
				ty = sockDgram
			}
			a, b, err := rt.Socketpair(afUnix, ty, 0)
			check(t, err)
			f(t, kind == "dgram", a, b)
		})
	}
}
