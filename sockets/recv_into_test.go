//go:build linux

package sockets

import (
	"sockrepl/sockets/leakcheck"

	"bytes"
	"runtime"
	"testing"

	"golang.org/x/sys/unix"
)

// recv_into writes into the caller's buffer: the count comes back, the
// bytes past it are untouched, and no buffer is allocated.
func TestRecvIntoFillsInPlace(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	a, b := connected(t, rt)
	buf := bytes.Repeat([]byte{'.'}, 10)
	must[int](t)(a.Send([]byte("hello"), 0))
	waitFor(t, func() bool { return b.State().RecvQ == 5 })
	if n := must[int](t)(b.RecvInto(buf, 0, 0)); n != 5 || string(buf) != "hello....." {
		t.Errorf("n=%d buf=%q", n, buf)
	}
	// nbytes limits the read; the rest stays queued.
	must[int](t)(a.Send([]byte("abcdef"), 0))
	waitFor(t, func() bool { return b.State().RecvQ == 6 })
	if n := must[int](t)(b.RecvInto(buf, 2, 0)); n != 2 || string(buf[:2]) != "ab" {
		t.Errorf("n=%d buf=%q", n, buf)
	}
	// However big the buffer, a call allocates only its bookkeeping.
	big := make([]byte, 1<<20)
	check(t, a.Sendall(bytes.Repeat([]byte{'y'}, 30_000), 0))
	waitFor(t, func() bool { return b.State().RecvQ == 30_004 }) // with "cdef" left above
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	n := must[int](t)(b.RecvInto(big, 0, 0))
	runtime.ReadMemStats(&after)
	if n != 30_004 {
		t.Errorf("n=%d", n)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 4096 {
		t.Errorf("recv_into of 30,000 bytes allocated %d bytes", grew)
	}
	check(t, a.Close())
	if n := must[int](t)(b.RecvInto(buf, 0, 0)); n != 0 {
		t.Errorf("after the peer closed: n=%d, want 0", n)
	}
	check(t, b.Close())
}

// MSG_WAITALL gathers until the buffer is full, across several sends.
func TestRecvIntoWaitAll(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	a, b, err := rt.Socketpair(-1, -1, -1)
	check(t, err)
	buf := make([]byte, 8)
	done := make(chan int, 1)
	go func() {
		n, err := b.RecvInto(buf, 0, unix.MSG_WAITALL)
		if err != nil {
			t.Error(err)
		}
		done <- n
	}()
	must[int](t)(a.Send([]byte("1234"), 0))
	must[int](t)(a.Send([]byte("5678"), 0))
	if n := <-done; n != 8 || string(buf) != "12345678" {
		t.Errorf("n=%d buf=%q", n, buf)
	}
	check(t, a.Close())
	check(t, b.Close())
}

// The argument checks CPython makes, and recv_into of nothing, which
// CPython answers without a system call even on a closed socket.
func TestRecvIntoArguments(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	a, b, err := rt.Socketpair(-1, -1, -1)
	check(t, err)
	buf := make([]byte, 4)
	for _, c := range []struct {
		name   string
		call   func() error
		errMsg string
	}{
		{"negative", func() error { _, err := a.RecvInto(buf, -1, 0); return err }, "negative buffersize in recv_into"},
		{"too big", func() error { _, err := a.RecvInto(buf, 5, 0); return err }, "buffer too small for requested bytes"},
		{"from negative", func() error { _, _, err := a.RecvfromInto(buf, -1, 0); return err }, "negative buffersize in recvfrom_into"},
		{"from too big", func() error { _, _, err := a.RecvfromInto(buf, 5, 0); return err }, "nbytes is greater than the length of the buffer"},
	} {
		err := c.call()
		if e, ok := err.(*Error); !ok || e.Class != "ValueError" || e.Msg != c.errMsg {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	check(t, a.Close())
	if n, err := a.RecvInto(nil, 0, 0); n != 0 || err != nil {
		t.Errorf("recv_into(bytearray()) on a closed socket: %d, %v", n, err)
	}
	if got, err := a.Recv(0, 0); len(got) != 0 || err != nil {
		t.Errorf("recv(0) on a closed socket: %q, %v", got, err)
	}
	check(t, b.Close())
}
