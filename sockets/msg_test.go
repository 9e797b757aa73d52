//go:build linux

package sockets

import (
	"bytes"
	"encoding/binary"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"sockrepl/sockets/leakcheck"
)

func pair(t *testing.T, rt *Runtime) (*Socket, *Socket) {
	t.Helper()
	a, b, err := rt.Socketpair(-1, -1, -1)
	check(t, err)
	return a, b
}

// fdsData is an SCM_RIGHTS message's data: the descriptors as C ints.
func fdsData(fds ...int) []byte {
	b := make([]byte, 4*len(fds))
	for i, fd := range fds {
		binary.NativeEndian.PutUint32(b[4*i:], uint32(fd))
	}
	return b
}

// A listening socket passed over a Unix socket is the same kernel socket
// in the receiver: it accepts a connection made to the sender's port, and
// goes on listening after the sender closes its descriptor.
func TestSendmsgPassesAListener(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	a, b := pair(t, rt)
	l, addr := listener(t, rt)
	n, err := a.Sendmsg([][]byte{[]byte("list"), []byte("ener")}, []Ancillary{{unix.SOL_SOCKET, unix.SCM_RIGHTS, fdsData(l.Fileno())}}, 0, nil)
	if err != nil || n != 8 {
		t.Fatalf("sendmsg: %d, %v", n, err)
	}
	data, anc, flags, from, err := b.Recvmsg(100, CmsgSpace(4), 0)
	if err != nil || string(data) != "listener" || flags != 0 || from != nil || len(anc) != 1 {
		t.Fatalf("recvmsg: %q %v %d %v %v", data, anc, flags, from, err)
	}
	if anc[0].Level != unix.SOL_SOCKET || anc[0].Type != unix.SCM_RIGHTS || len(anc[0].Data) != 4 {
		t.Fatalf("control message %+v", anc[0])
	}
	fd := int(int32(binary.NativeEndian.Uint32(anc[0].Data)))
	if fd == l.Fileno() || !rt.Detached(fd) {
		t.Fatalf("received fd %d (the listener is %d), owned by the Runtime: %v", fd, l.Fileno(), rt.Detached(fd))
	}
	if _, err := rt.Adopt(l.Fileno(), -1, -1, -1); err == nil {
		t.Error("Adopt took a descriptor a socket already holds")
	}
	got, err := rt.Adopt(fd, -1, -1, -1)
	if err != nil {
		t.Fatal(err)
	}
	if got.Family() != unix.AF_INET || got.Type() != unix.SOCK_STREAM || !got.State().Listening || rt.Detached(fd) {
		t.Fatalf("adopted %v: %+v", got.Repr(), got.State())
	}
	check(t, l.Close())
	c := must[*Socket](t)(rt.Socket(-1, -1, -1))
	check(t, c.Connect(addr))
	conn, _, err := got.Accept()
	check(t, err)
	for _, s := range []*Socket{conn, c, got, a, b} {
		check(t, s.Close())
	}
}

// Descriptors nobody adopts are closed with the Runtime; a receiver with
// no room for control messages gets MSG_CTRUNC and no descriptor at all.
func TestRecvmsgDescriptorsNeverLeak(t *testing.T) {
	leakcheck.Check(t)
	rt, err := NewRuntime()
	check(t, err)
	a, b := pair(t, rt)
	for range 2 {
		_, err := a.Sendmsg([][]byte{[]byte("x")}, []Ancillary{{unix.SOL_SOCKET, unix.SCM_RIGHTS, fdsData(a.Fileno(), b.Fileno())}}, 0, nil)
		check(t, err)
	}
	_, anc, flags, _, err := b.Recvmsg(10, 0, 0)
	if err != nil || len(anc) != 0 || flags&unix.MSG_CTRUNC == 0 {
		t.Errorf("no control room: %v flags %#x, %v", anc, flags, err)
	}
	_, anc, _, _, err = b.Recvmsg(10, CmsgSpace(8), 0)
	if err != nil || len(anc) != 1 || len(anc[0].Data) != 8 {
		t.Fatalf("two fds: %v, %v", anc, err)
	}
	check(t, rt.Close())
}

// A datagram longer than the buffer is cut, and recvmsg says so with
// MSG_TRUNC; sendmsg gathers its buffers into one datagram.
func TestRecvmsgTruncatedDatagram(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	u := must[*Socket](t)(rt.Socket(unix.AF_INET, unix.SOCK_DGRAM, 0))
	check(t, u.Bind(Tuple{"127.0.0.1", 0}))
	addr := must[any](t)(u.Getsockname())
	v := must[*Socket](t)(rt.Socket(unix.AF_INET, unix.SOCK_DGRAM, 0))
	n, err := v.Sendmsg([][]byte{[]byte("hello"), []byte(" world")}, nil, 0, addr)
	if err != nil || n != 11 {
		t.Fatalf("sendmsg: %d %v", n, err)
	}
	data, _, flags, from, err := u.Recvmsg(4, 0, 0)
	if err != nil || string(data) != "hell" || flags&unix.MSG_TRUNC == 0 {
		t.Errorf("recvmsg(4): %q flags %#x %v", data, flags, err)
	}
	if mine := must[any](t)(v.Getsockname()); !equalAddr(from, mine) {
		t.Errorf("sender %v, want %v", from, mine)
	}
	check(t, u.Close())
	check(t, v.Close())
}

// equalAddr compares the ports of two inet addresses (an unbound sender
// reads as 0.0.0.0 to itself and 127.0.0.1 to the receiver).
func equalAddr(a, b any) bool {
	ta, ok1 := a.(Tuple)
	tb, ok2 := b.(Tuple)
	return ok1 && ok2 && len(ta) == len(tb) && ta[1] == tb[1]
}

// recvmsg waits like recv, and Interrupt ends the wait with the socket as
// it was; the argument errors are CPython's.
func TestRecvmsgWaitsAndIsInterrupted(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	a, b := pair(t, rt)
	done := make(chan error, 1)
	go func() {
		_, _, _, _, err := b.Recvmsg(10, 0, 0)
		done <- err
	}()
	time.Sleep(50 * time.Millisecond)
	rt.Interrupt()
	if err := <-done; !IsInterrupted(err) {
		t.Errorf("interrupted recvmsg: %v", err)
	}
	rt.ClearInterrupt()
	_, err := a.Sendmsg([][]byte{[]byte("ok")}, nil, 0, nil)
	check(t, err)
	data, _, _, _, err := b.Recvmsg(10, 0, 0)
	if err != nil || !bytes.Equal(data, []byte("ok")) {
		t.Errorf("after the interrupt: %q %v", data, err)
	}
	for _, c := range []struct {
		buf, anc int
		want     string
	}{{-1, 0, "ValueError: negative buffer size in recvmsg()"}, {1, -1, "ValueError: invalid ancillary data buffer length"}} {
		if _, _, _, _, err := b.Recvmsg(c.buf, c.anc, 0); err == nil || err.Error() != c.want {
			t.Errorf("recvmsg(%d, %d): %v, want %s", c.buf, c.anc, err, c.want)
		}
	}
	check(t, a.Close())
	check(t, b.Close())
}
