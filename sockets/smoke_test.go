//go:build linux

package sockets

import (
	"sockrepl/sockets/leakcheck"

	"bytes"
	"strings"
	"testing"
)

func TestSmokeEcho(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	var traces []Trace
	rt.SetTracer(func(tr Trace) { traces = append(traces, tr) })
	l, addr := listener(t, rt)
	c := must[*Socket](t)(rt.Socket(-1, -1, -1))
	check(t, c.Connect(addr))
	s, peer, err := l.Accept()
	check(t, err)
	if peer.(Tuple)[0] != "127.0.0.1" {
		t.Fatalf("peer %v", Repr(peer))
	}
	check(t, c.Sendall([]byte("Hello, world"), 0))
	got := must[[]byte](t)(s.Recv(1024, 0))
	if !bytes.Equal(got, []byte("Hello, world")) {
		t.Fatalf("got %q", got)
	}
	r := s.Repr()
	if !strings.HasPrefix(r, "<socket.socket fd=") || !strings.Contains(r, "raddr=('127.0.0.1', ") {
		t.Fatalf("repr %s", r)
	}
	for _, tr := range traces {
		t.Logf("%s = %s", tr.Call, tr.Result)
	}
	t.Log(r, l.Repr())
	t.Logf("%+v", s.State())
	t.Logf("%+v", l.State())
	check(t, c.Close())
	check(t, s.Close())
	if c.Fileno() != -1 || !strings.Contains(c.Repr(), "[closed] fd=-1") {
		t.Fatal(c.Repr())
	}
}
