//go:build linux

package capture

import (
	"fmt"
	"io"
	"net"
	"net/netip"
	"strings"
	"testing"
	"time"
)

// openOrSkip opens a capture, skipping the test without CAP_NET_RAW.
func openOrSkip(t *testing.T, f Filter) *Capture {
	t.Helper()
	c, err := Open(f)
	if err == ErrPermission {
		t.Skip("capture needs CAP_NET_RAW (run the tests as root)")
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// flagText is a compact flag name for assertions: "S", "SA", "A", "PA", "FA".
func flagText(fl uint8) string {
	var b strings.Builder
	for _, x := range []struct {
		bit uint8
		c   string
	}{{SYN, "S"}, {FIN, "F"}, {RST, "R"}, {PSH, "P"}, {ACK, "A"}} {
		if fl&x.bit != 0 {
			b.WriteString(x.c)
		}
	}
	return b.String()
}

// waitFor takes packets until want of them came, or fails after a while
// (a bound on a hang, not a timing assertion).
func waitFor(t *testing.T, c *Capture, want int) []Packet {
	t.Helper()
	var got []Packet
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		p, _ := c.Take()
		got = append(got, p...)
		if len(got) >= want {
			return got
		}
	}
	t.Fatalf("got %d packets, want %d: %v", len(got), want, got)
	return nil
}

// A TCP connection on loopback, seen once per packet, in order, with
// relative numbers and the states the TCP rules give.
func TestTCPConnectionOnLoopback(t *testing.T) {
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := uint16(ln.Addr().(*net.TCPAddr).Port)
	c := openOrSkip(t, Filter{Ports: []uint16{port}})

	done := make(chan error, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			done <- err
			return
		}
		defer conn.Close()
		_, err = io.ReadAll(conn) // until the client's FIN
		done <- err
	}()
	cl, err := net.Dial("tcp4", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cl.Write([]byte("Hello, world")); err != nil {
		t.Fatal(err)
	}
	cl.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	pkts := waitFor(t, c, 8)
	tr := NewTracker()
	var lines []string
	for _, p := range pkts {
		e := tr.Add(p)
		dir := "B>A"
		if e.FromA {
			dir = "A>B"
		}
		lines = append(lines, fmt.Sprintf("%s %s seq=%d ack=%d len=%d %s %s", dir, flagText(p.Flags), e.RelSeq, e.RelAck, p.Len, e.After[0], e.After[1]))
	}
	want := []string{
		"A>B S seq=0 ack=0 len=0 SYN_SENT SYN_RECV",
		"B>A SA seq=0 ack=1 len=0 ESTABLISHED SYN_RECV",
		"A>B A seq=1 ack=1 len=0 ESTABLISHED ESTABLISHED",
		"A>B PA seq=1 ack=1 len=12 ESTABLISHED ESTABLISHED",
		"B>A A seq=1 ack=13 len=0 ESTABLISHED ESTABLISHED",
		"A>B FA seq=13 ack=1 len=0 FIN_WAIT1 CLOSE_WAIT",
	}
	if len(lines) < len(want)+2 {
		t.Fatalf("packets:\n%s", strings.Join(lines, "\n"))
	}
	for i, w := range want {
		if lines[i] != w {
			t.Errorf("packet %d: %q, want %q\nall:\n%s", i, lines[i], w, strings.Join(lines, "\n"))
		}
	}
	// Then the server's FIN (with or without an ACK of ours first) and
	// the client's last ACK: TIME_WAIT on the closing side.
	last := tr.Find(TCP, pkts[0].Src, pkts[0].Dst)
	if got := last.State; got != [2]string{TimeWait, Closed} {
		t.Errorf("final states %v, want TIME_WAIT and CLOSED\n%s", got, strings.Join(lines, "\n"))
	}
	if string(pkts[3].Head) != "Hello, world" {
		t.Errorf("payload preview %q", pkts[3].Head)
	}
	if pkts[0].MSS == 0 || pkts[0].WScale < 0 {
		t.Errorf("SYN options: mss %d wscale %d", pkts[0].MSS, pkts[0].WScale)
	}
}

// Only the filter's ports pass.
func TestFilterKeepsOtherPortsOut(t *testing.T) {
	mine, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer mine.Close()
	other, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	port := uint16(mine.LocalAddr().(*net.UDPAddr).Port)
	c := openOrSkip(t, Filter{Ports: []uint16{port}})
	send, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer send.Close()
	send.WriteTo([]byte("not mine"), other.LocalAddr())
	send.WriteTo([]byte("mine"), mine.LocalAddr())
	pkts := waitFor(t, c, 1)
	time.Sleep(50 * time.Millisecond) // let a wrongly passed packet show up
	more, _ := c.Take()
	pkts = append(pkts, more...)
	if len(pkts) != 1 || string(pkts[0].Head) != "mine" || pkts[0].Proto != UDP || pkts[0].Len != 4 {
		t.Fatalf("got %+v", pkts)
	}
}

// A datagram to a closed port: the ICMP port unreachable that answers it
// passes, because it quotes a packet with one of the ports.
func TestICMPErrorQuotingAPort(t *testing.T) {
	probe, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := probe.LocalAddr().(*net.UDPAddr)
	probe.Close()
	c := openOrSkip(t, Filter{Ports: []uint16{uint16(closed.Port)}})
	send, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer send.Close()
	send.WriteTo([]byte("anyone?"), closed)
	pkts := waitFor(t, c, 2)
	if pkts[1].Proto != ICMP || pkts[1].Type != 3 || pkts[1].Code != 3 || pkts[1].Quoted == nil || int(pkts[1].Quoted.Dst.Port()) != closed.Port {
		t.Fatalf("got %+v", pkts)
	}
}

// Many ports still assemble (jumps stay in reach) and the kernel takes
// the program.
func TestManyPorts(t *testing.T) {
	var ports []uint16
	for i := range 300 {
		ports = append(ports, uint16(20000+i))
	}
	for _, icmp := range []bool{false, true} {
		prog, err := program(Filter{Ports: ports, ICMP: icmp}, []int{1, 7})
		if err != nil {
			t.Fatal(err)
		}
		if len(prog) > 4096 {
			t.Fatalf("%d instructions", len(prog))
		}
	}
	c := openOrSkip(t, Filter{})
	if err := c.SetFilter(Filter{Ports: ports, ICMP: true}); err != nil {
		t.Fatalf("the kernel refused the filter: %v", err)
	}
}

// A long flow keeps its first packets (the handshake) and its latest ones.
func TestLongFlowKeepsItsStart(t *testing.T) {
	tr := NewTracker()
	a, b := netip.MustParseAddrPort("127.0.0.1:40000"), netip.MustParseAddrPort("127.0.0.1:5000")
	tr.Add(Packet{Proto: TCP, Src: a, Dst: b, Flags: SYN, Seq: 100, WScale: -1})
	tr.Add(Packet{Proto: TCP, Src: b, Dst: a, Flags: SYN | ACK, Seq: 900, Ack: 101, WScale: -1})
	n := 1000
	for i := range n {
		tr.Add(Packet{Proto: TCP, Src: a, Dst: b, Flags: ACK | PSH, Seq: 101 + uint32(i), Ack: 901, Len: 1})
	}
	f := tr.Find(TCP, a, b)
	if len(f.Events) != maxEvents || f.Dropped != n+2-maxEvents {
		t.Fatalf("%d events kept, %d dropped", len(f.Events), f.Dropped)
	}
	if f.Events[0].Flags != SYN || f.Events[1].Flags != SYN|ACK || f.Events[len(f.Events)-1].RelSeq != uint32(n) {
		t.Errorf("first %v %v, last seq %d", f.Events[0].Flags, f.Events[1].Flags, f.Events[len(f.Events)-1].RelSeq)
	}
}
