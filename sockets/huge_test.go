//go:build linux

package sockets

import (
	"sockrepl/sockets/leakcheck"

	"bytes"
	"runtime"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// Huge sizes a learner may type: recv(10**12), recvfrom(10**12), a
// sendall of hundreds of MiB, getsockopt with a huge buflen. None may
// allocate what was asked for instead of what is there.

const tera = 1_000_000_000_000

// allocated runs f and returns the bytes the Go heap handed out meanwhile.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// pairOf is a connected pair of the given kind: "tcp", "udp" (connected
// both ways), "unix-stream", "unix-dgram".
func pairOf(t *testing.T, rt *Runtime, kind string) (*Socket, *Socket) {
	t.Helper()
	switch kind {
	case "tcp":
		return connected(t, rt)
	case "udp":
		a := must[*Socket](t)(rt.Socket(afInet, sockDgram, 0))
		b := must[*Socket](t)(rt.Socket(afInet, sockDgram, 0))
		check(t, a.Bind(Tuple{"127.0.0.1", 0}))
		check(t, b.Bind(Tuple{"127.0.0.1", 0}))
		check(t, a.Connect(must[any](t)(b.Getsockname())))
		check(t, b.Connect(must[any](t)(a.Getsockname())))
		return a, b
	case "unix-stream":
		a, b, err := rt.Socketpair(afUnix, sockStream, 0)
		check(t, err)
		return a, b
	}
	a, b, err := rt.Socketpair(afUnix, sockDgram, 0)
	check(t, err)
	return a, b
}

func TestRecvAndRecvfromHuge(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	for _, kind := range []string{"tcp", "udp", "unix-stream", "unix-dgram"} {
		t.Run(kind, func(t *testing.T) {
			a, b := pairOf(t, rt, kind)
			defer a.Close()
			defer b.Close()
			for _, op := range []string{"recv", "recvfrom"} {
				must[int](t)(a.Send([]byte("Hello, world"), 0))
				readable(t, rt, b)
				var got []byte
				var err error
				grew := allocated(func() {
					if op == "recv" {
						got, err = b.Recv(tera, 0)
					} else {
						got, _, err = b.Recvfrom(tera, 0)
					}
				})
				check(t, err)
				if string(got) != "Hello, world" {
					t.Errorf("%s(10**12) = %q", op, got)
				}
				if grew > 1<<20 {
					t.Errorf("%s(10**12) allocated %d bytes", op, grew)
				}
			}
			// Peeking leaves the data and allocates as little.
			must[int](t)(a.Send([]byte("peek"), 0))
			readable(t, rt, b)
			grew := allocated(func() {
				got := must[[]byte](t)(b.Recv(tera, unix.MSG_PEEK))
				if string(got) != "peek" {
					t.Errorf("peek: %q", got)
				}
			})
			if grew > 1<<20 {
				t.Errorf("recv(10**12, MSG_PEEK) allocated %d bytes", grew)
			}
			must[[]byte](t)(b.Recv(tera, 0))
		})
	}
}

// recv(10**12) blocked with nothing queued allocates nothing big while
// it waits, and an interrupt ends it as any other wait.
func TestRecvHugeInterrupted(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	a, b := connected(t, rt)
	var err error
	grew := allocated(func() {
		err, _, _ = blockThenInterrupt(t, rt, func() error {
			_, _, err := b.Recvfrom(tera, 0)
			return err
		})
	})
	if !IsInterrupted(err) {
		t.Fatalf("got %v", err)
	}
	if grew > 4<<20 {
		t.Errorf("a blocked recvfrom(10**12) allocated %d bytes", grew)
	}
	// The connection is as it was.
	check(t, a.Sendall([]byte("after"), 0))
	if got := must[[]byte](t)(b.Recv(tera, 0)); string(got) != "after" {
		t.Errorf("after the interrupt: %q", got)
	}
}

// slowReader reads fd (the far end of a connection) a little at a time
// until EOF, with one buffer for the whole run, and reports how many
// bytes came and how many of them were not 'x'.
func slowReader(fd int, result chan<- [2]int) {
	buf := make([]byte, 64<<10)
	total, other := 0, 0
	for {
		n, err := unix.Read(fd, buf)
		if err == unix.EINTR || err == unix.EAGAIN {
			continue
		}
		if n <= 0 || err != nil {
			result <- [2]int{total, other}
			return
		}
		for _, c := range buf[:n] {
			if c != 'x' {
				other++
			}
		}
		total += n
		time.Sleep(time.Millisecond) // slow: the sender's buffer stays full
	}
}

// A sendall of 256 MiB into a slow reader, interrupted: it raises
// KeyboardInterrupt, its last report says how much went, exactly that
// much reaches the peer, and the connection carries on after it. The
// remaining data is never copied.
func TestSendallHugeInterrupted(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	a, b := connected(t, rt)
	data := bytes.Repeat([]byte{'x'}, 256<<20)
	result := make(chan [2]int, 1)
	go slowReader(b.Fileno(), result)

	var err error
	var last Progress
	grew := allocated(func() {
		err, _, last = blockThenInterrupt(t, rt, func() error { return a.Sendall(data, 0) })
	})
	if !IsInterrupted(err) {
		t.Fatalf("got %v", err)
	}
	if last.Done <= 0 || last.Done >= last.Total || last.Total != int64(len(data)) {
		t.Fatalf("last report %+v", last)
	}
	if grew > 8<<20 {
		t.Errorf("sendall of 256 MiB allocated %d bytes", grew)
	}
	check(t, a.Sendall([]byte("END"), 0))
	check(t, a.Shutdown(unix.SHUT_WR))
	select {
	case r := <-result:
		if r[0] != int(last.Done)+3 || r[1] != 3 {
			t.Errorf("peer got %d bytes (%d not 'x'), want %d then END", r[0], r[1], last.Done)
		}
	case <-time.After(hangGuard):
		t.Fatal("the peer never saw EOF")
	}
}

// getsockopt's buflen is checked before anything is allocated, with
// CPython's errors: out of range up to a C int, OverflowError beyond.
func TestGetsockoptHugeBuflen(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	s := must[*Socket](t)(rt.Socket(-1, -1, -1))
	for _, c := range []struct {
		buflen int
		want   string
	}{
		{1025, "OSError: getsockopt buflen out of range"},
		{1 << 30, "OSError: getsockopt buflen out of range"},
		{1<<31 - 1, "OSError: getsockopt buflen out of range"},
		{1 << 31, "OverflowError: signed integer is greater than maximum"},
		{tera, "OverflowError: signed integer is greater than maximum"},
		{-1, "OSError: getsockopt buflen out of range"},
		{-1 << 40, "OverflowError: signed integer is less than minimum"},
	} {
		var err error
		grew := allocated(func() { _, err = s.Getsockopt(unix.SOL_SOCKET, unix.SO_TYPE, c.buflen) })
		if err == nil || err.Error() != c.want {
			t.Errorf("getsockopt(SOL_SOCKET, SO_TYPE, %d): %v, want %s", c.buflen, err, c.want)
		}
		if grew > 64<<10 {
			t.Errorf("getsockopt(buflen=%d) allocated %d bytes", c.buflen, grew)
		}
	}
	v := must[any](t)(s.Getsockopt(unix.SOL_SOCKET, unix.SO_TYPE, 1024))
	if b, ok := v.([]byte); !ok || len(b) != 4 {
		t.Errorf("getsockopt(SOL_SOCKET, SO_TYPE, 1024) = %#v", v)
	}
}
