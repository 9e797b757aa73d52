//go:build linux

package sockets

import (
	"slices"
	"testing"

	"sockrepl/sockets/leakcheck"
)

// TestWatch: the first look names every socket; then only the sockets the
// program used, the new ones, and those the kernel woke (data, a queued
// connection, the peer's close); Close leaves no fd behind.
func TestWatch(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	a := must[*Socket](t)(rt.Socket(-1, -1, -1))
	l, addr := listener(t, rt)
	w, err := rt.NewWatch()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if got := w.Changed(); len(got) != 2 || !slices.Contains(got, a) || !slices.Contains(got, l) {
		t.Fatalf("first look: %d sockets, want both", len(got))
	}
	if got := w.Changed(); len(got) != 0 {
		t.Fatalf("nothing happened, yet %d changed", len(got))
	}
	check(t, a.Connect(addr)) // a is used; l gets a connection
	got := w.Changed()
	if !slices.Contains(got, a) || !slices.Contains(got, l) {
		t.Fatalf("after connect: want a and the listener, got %d sockets", len(got))
	}
	srv, _, err := l.Accept()
	check(t, err)
	w.Changed()
	if _, err := a.Send([]byte("hi"), 0); err != nil {
		t.Fatal(err)
	}
	got = w.Changed()
	if !slices.Contains(got, srv) || !slices.Contains(got, a) {
		t.Fatalf("after send: want the sender and the accepted end")
	}
	if got := w.Changed(); len(got) != 0 {
		t.Fatalf("an edge reported twice: %d changed", len(got))
	}
	check(t, a.Close()) // the Runtime forgets a; its peer gets the FIN
	if got := w.Changed(); !slices.Contains(got, srv) {
		t.Fatalf("after the peer's close: want the accepted end")
	}
}
