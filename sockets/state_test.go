//go:build linux

package sockets

import (
	"sockrepl/sockets/leakcheck"

	"encoding/binary"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// The fd's O_NONBLOCK flag is the package's own while the descriptor is
// (kernelnb.go); once it leaves (detach(), SCM_RIGHTS: handOut), it is
// CPython's, in every mode. handOut before each look also sends the
// later mode changes down the path of descriptors from outside, which
// follows CPython all along.
func TestKernelModeMatchesCPython(t *testing.T) {
	leakcheck.Check(t)
	blocking := func(t *testing.T, s *Socket) bool { s.handOut(); return !nonblockFlag(t, s) }
	cases := []pyCase{
		{"modes", "import os\ns = socket.socket(); a = os.get_blocking(s.fileno()); s.settimeout(1); b = os.get_blocking(s.fileno()); s.setblocking(False); c = os.get_blocking(s.fileno()); s.settimeout(None); r = (a, b, c, os.get_blocking(s.fileno()))", func(t *testing.T, rt *Runtime) (any, error) {
			s := tcp(t, rt)
			a := blocking(t, s)
			check(t, s.Settimeout(f64(1)))
			b := blocking(t, s)
			check(t, s.Setblocking(false))
			c := blocking(t, s)
			check(t, s.Settimeout(nil))
			return Tuple{a, b, c, blocking(t, s)}, nil
		}},
		{"SOCK_NONBLOCK", "import os\ns = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK); r = os.get_blocking(s.fileno())", func(t *testing.T, rt *Runtime) (any, error) {
			return blocking(t, must[*Socket](t)(rt.Socket(afInet, sockStream|0x800, 0))), nil
		}},
		{"accepted from timeout listener", "import os\nl = socket.socket(); l.bind(('127.0.0.1', 0)); l.listen(); l.settimeout(5); c = socket.socket(); c.connect(l.getsockname()); s, _ = l.accept(); r = (os.get_blocking(s.fileno()), s.gettimeout(), os.get_blocking(c.fileno()))", func(t *testing.T, rt *Runtime) (any, error) {
			l, addr := listener(t, rt)
			check(t, l.Settimeout(f64(5)))
			c := tcp(t, rt)
			check(t, c.Connect(addr))
			s, _, err := l.Accept()
			check(t, err)
			return Tuple{blocking(t, s), ptr(s.Gettimeout()), blocking(t, c)}, nil
		}},
		{"accepted from non-blocking listener", "import os, select\nl = socket.socket(); l.bind(('127.0.0.1', 0)); l.listen(); l.setblocking(False); c = socket.socket(); c.connect(l.getsockname()); select.select([l], [], []); s, _ = l.accept(); r = (os.get_blocking(s.fileno()), s.gettimeout())", func(t *testing.T, rt *Runtime) (any, error) {
			l, addr := listener(t, rt)
			check(t, l.Setblocking(false))
			c := tcp(t, rt)
			check(t, c.Connect(addr))
			_, _, _, err := rt.Select([]int{l.Fileno()}, nil, nil, nil)
			check(t, err)
			s, _, err := l.Accept()
			check(t, err)
			return Tuple{blocking(t, s), ptr(s.Gettimeout())}, nil
		}},
		{"detached in each mode", "import os\nr = []\nfor t in (None, 1.0, 0.0):\n    s = socket.socket(); s.settimeout(t); fd = s.detach(); r.append(os.get_blocking(fd)); os.close(fd)\nr = tuple(r)", func(t *testing.T, rt *Runtime) (any, error) {
			var r Tuple
			for _, tm := range []*float64{nil, f64(1), f64(0)} {
				s := tcp(t, rt)
				check(t, s.Settimeout(tm))
				fd := s.Detach()
				fl, err := unix.FcntlInt(uintptr(fd), unix.F_GETFL, 0)
				check(t, err)
				r = append(r, fl&unix.O_NONBLOCK == 0)
				check(t, must[*Socket](t)(rt.Adopt(fd, -1, -1, -1)).Close())
			}
			return r, nil
		}},
		{"passed with SCM_RIGHTS", "import os\na, b = socket.socketpair(); s = socket.socket(); socket.send_fds(a, [b'x'], [s.fileno()]); _, fds, _, _ = socket.recv_fds(b, 1, 1); r = (os.get_blocking(s.fileno()), os.get_blocking(fds[0]))", func(t *testing.T, rt *Runtime) (any, error) {
			a, b, err := rt.Socketpair(-1, -1, -1)
			check(t, err)
			s := tcp(t, rt)
			_, err = a.Sendmsg([][]byte{[]byte("x")}, []Ancillary{{Level: unix.SOL_SOCKET, Type: unix.SCM_RIGHTS, Data: fdsData(s.Fileno())}}, 0, nil)
			check(t, err)
			_, anc, _, _, err := b.Recvmsg(1, unix.CmsgSpace(4), 0)
			check(t, err)
			if len(anc) != 1 || len(anc[0].Data) != 4 {
				t.Fatalf("received %+v", anc)
			}
			got := Tuple{!nonblockFlag(t, s)}
			fd := int(int32(binary.NativeEndian.Uint32(anc[0].Data)))
			fl, err := unix.FcntlInt(uintptr(fd), unix.F_GETFL, 0)
			check(t, err)
			got = append(got, fl&unix.O_NONBLOCK == 0)
			check(t, must[*Socket](t)(rt.Adopt(fd, -1, -1, -1)).Close())
			check(t, a.Close())
			check(t, b.Close())
			return got, nil
		}},
	}
	comparePython(t, cases)
}

func TestStateThroughConnectionLife(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	l, addr := listener(t, rt)
	fresh := tcp(t, rt)
	if st := fresh.State(); st.TCPState != TCPClosed || st.Laddr != nil || st.Raddr != nil || st.Kind != "tcp4" || st.Mode != ModeBlocking {
		t.Errorf("fresh: %+v", st)
	}
	c1, c2 := tcp(t, rt), tcp(t, rt)
	check(t, c1.Connect(addr))
	check(t, c2.Connect(addr))
	st := l.State()
	if !st.Listening || st.TCPState != TCPListen || st.AcceptQ != 2 || st.Backlog != 128 || st.RecvQ != 2 {
		t.Errorf("listener with two waiting: %+v", st)
	}
	s1, _, err := l.Accept()
	check(t, err)
	s2, _, err := l.Accept()
	check(t, err)
	if st := l.State(); st.AcceptQ != 0 {
		t.Errorf("listener after accepts: %+v", st)
	}
	check(t, c1.Sendall([]byte("Hello, world"), 0))
	waitFor(t, func() bool { return s1.State().RecvQ == 12 })
	st = s1.State()
	if st.TCPState != TCPEstablished || Repr(st.Raddr) != Repr(must[any](t)(c1.Getsockname())) || st.RcvBuf <= 0 || st.SndBuf <= 0 {
		t.Errorf("server side: %+v", st)
	}
	// c1 closes first: FIN_WAIT2 on its side, CLOSE_WAIT on the other.
	check(t, c1.Shutdown(1))
	waitFor(t, func() bool { return c1.State().TCPState == TCPFinWait2 && s1.State().TCPState == TCPCloseWait })
	if got := must[[]byte](t)(s1.Recv(100, 0)); string(got) != "Hello, world" {
		t.Errorf("got %q", got)
	}
	if got := must[[]byte](t)(s1.Recv(100, 0)); len(got) != 0 {
		t.Errorf("after the peer's FIN: %q", got)
	}
	check(t, s1.Close()) // nothing unread: a FIN, not a reset
	// The connection now waits out TIME_WAIT in the kernel's table (see
	// TestListKernel); the socket c1 still holds is left CLOSED.
	waitFor(t, func() bool { return c1.State().TCPState == TCPClosed })
	// s2's peer dies: s2 closes with data unread, which resets c2.
	must[int](t)(c2.Send([]byte("unread"), 0))
	waitFor(t, func() bool { return s2.State().RecvQ == 6 })
	check(t, s2.Close())
	waitFor(t, func() bool { return c2.State().TCPState == TCPClosed })
	if _, err := c2.Recv(10, 0); err == nil || err.(*Error).Class != "ConnectionResetError" {
		t.Errorf("recv after reset: %v", err)
	}
	if st := s2.State(); !st.Closed || st.FD != -1 || st.Kind != "tcp4" {
		t.Errorf("closed: %+v", st)
	}
	timeoutSock := tcp(t, rt)
	check(t, timeoutSock.Settimeout(f64(2.5)))
	if st := timeoutSock.State(); st.Mode != ModeTimeout || st.Timeout == nil || *st.Timeout != 2.5 {
		t.Errorf("timeout mode: %+v", st)
	}
	u := sock(t, rt, afUnix, sockDgram)
	if st := u.State(); st.Kind != "unix-dgram" || st.TCPState != TCPNone || st.Laddr != nil {
		t.Errorf("unix dgram: %+v", st)
	}
}

// waitFor polls a kernel condition that a peer's packets make true soon.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(hangGuard)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition never became true")
		}
		time.Sleep(time.Millisecond)
	}
}

func TestListKernel(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	l, addr := listener(t, rt)
	port := addr[1].(int)
	c, s := tcp(t, rt), (*Socket)(nil)
	check(t, c.Connect(addr))
	s, _, err := l.Accept()
	check(t, err)
	cport := must[any](t)(c.Getsockname()).(Tuple)[1].(int)
	u := sock(t, rt, afUnix, sockStream)
	path := t.TempDir() + "/listing sock"
	check(t, u.Bind(path))
	check(t, u.Listen(7))
	d := sock(t, rt, afInet6, sockDgram)
	check(t, d.Bind(Tuple{"::1", 0}))
	dport := must[any](t)(d.Getsockname()).(Tuple)[1].(int)
	// The client closes first, so its end waits in TIME_WAIT.
	check(t, c.Close())
	check(t, s.Close())

	comm, _ := os.ReadFile("/proc/self/comm")
	me := strings.TrimSpace(string(comm))
	var sawListen, sawTimeWait, sawUnix, sawUDP bool
	// Seen to fail once (all of ./... in parallel): say which row was missing.
	defer func() {
		if t.Failed() {
			t.Logf("listen %v, time_wait %v (port %d -> %d), unix %v, udp6 %v", sawListen, sawTimeWait, cport, port, sawUnix, sawUDP)
		}
	}()
	waitFor(t, func() bool {
		rows, err := ListKernel()
		check(t, err)
		sawListen, sawTimeWait, sawUnix, sawUDP = false, false, false, false
		for _, k := range rows {
			switch {
			case k.Proto == "tcp" && k.State == "LISTEN" && k.LocalPort == port && k.LocalHost == "127.0.0.1":
				sawListen = k.PID == os.Getpid() && k.Process == me && k.SendQ == 128
			case k.Proto == "tcp" && k.State == "TIME_WAIT" && k.LocalPort == cport && k.RemotePort == port:
				sawTimeWait = k.Timer > 0 && k.PID == 0
			case k.Proto == "unix" && k.Path == path:
				sawUnix = k.State == "LISTEN" && k.PID == os.Getpid()
			case k.Proto == "udp6" && k.LocalPort == dport:
				sawUDP = k.State == "UNCONN" && k.LocalHost == "::1"
			}
		}
		return sawListen && sawTimeWait && sawUnix && sawUDP
	})
}

// ListKernel stays linear: thousands of sockets list quickly enough to
// run in a test (timings themselves are in BenchmarkListKernel).
func TestListKernelManySockets(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	leakcheck.Check(t)
	rt := newRT(t)
	pairs := 1000
	var lim unix.Rlimit
	if unix.Getrlimit(unix.RLIMIT_NOFILE, &lim) == nil {
		pairs = min(pairs, (int(lim.Cur)-leakcheck.FDs(t)-64)/2)
	}
	for i := 0; i < pairs; i++ {
		a, b, err := rt.Socketpair(-1, -1, -1)
		check(t, err)
		_, _ = a, b
	}
	rows, err := ListKernel()
	check(t, err)
	mine := 0
	for _, k := range rows {
		if k.Proto == "unix" && k.PID == os.Getpid() {
			mine++
		}
	}
	if mine < 2*pairs {
		t.Errorf("saw %d of this process's unix sockets, want >= %d", mine, 2*pairs)
	}
	check(t, rt.Close())
	runtime.GC()
}

// The typed State fields print the names the shell has always shown, and
// a TCPState is the kernel's number: /proc/net/tcp's st column converts
// to the same name as TCP_INFO.
func TestStateNames(t *testing.T) {
	for st, want := range map[TCPState]string{
		TCPNone: "", TCPEstablished: "ESTABLISHED", TCPSynSent: "SYN_SENT", TCPSynRecv: "SYN_RECV",
		TCPFinWait1: "FIN_WAIT1", TCPFinWait2: "FIN_WAIT2", TCPTimeWait: "TIME_WAIT", TCPClosed: "CLOSED",
		TCPCloseWait: "CLOSE_WAIT", TCPLastAck: "LAST_ACK", TCPListen: "LISTEN", TCPClosing: "CLOSING",
		TCPNewSynRecv: "NEW_SYN_RECV", 13: "", 255: "",
	} {
		if got := st.String(); got != want {
			t.Errorf("TCPState(%d) = %q, want %q", st, got, want)
		}
	}
	if unix.BPF_TCP_LISTEN != int(TCPListen) || unix.BPF_TCP_CLOSE != int(TCPClosed) || unix.BPF_TCP_ESTABLISHED != int(TCPEstablished) {
		t.Error("TCPState values are not the kernel's")
	}
	for m, want := range map[Mode]string{ModeBlocking: "blocking", ModeTimeout: "timeout", ModeNonBlocking: "non-blocking"} {
		if got := m.String(); got != want {
			t.Errorf("Mode %d = %q, want %q", m, got, want)
		}
	}
	for _, c := range []struct {
		family, typ int
		want        Kind
	}{
		{unix.AF_INET, unix.SOCK_STREAM, KindTCP4}, {unix.AF_INET6, unix.SOCK_STREAM, KindTCP6},
		{unix.AF_INET, unix.SOCK_DGRAM, KindUDP4}, {unix.AF_INET6, unix.SOCK_DGRAM, KindUDP6},
		{unix.AF_INET, unix.SOCK_RAW, KindRaw4}, {unix.AF_INET6, unix.SOCK_RAW, KindRaw6},
		{unix.AF_UNIX, unix.SOCK_STREAM, KindUnixStream}, {unix.AF_UNIX, unix.SOCK_DGRAM, KindUnixDgram},
		{unix.AF_UNIX, unix.SOCK_SEQPACKET, KindUnixSeqpacket}, {unix.AF_NETLINK, unix.SOCK_RAW, "AF_NETLINK-raw"},
	} {
		if got := kindOf(c.family, c.typ); got != c.want {
			t.Errorf("kindOf(%d, %d) = %q, want %q", c.family, c.typ, got, c.want)
		}
	}
	rt := newRT(t)
	l, _ := listener(t, rt)
	rows, err := ListKernel()
	check(t, err)
	port := must[any](t)(l.Getsockname()).(Tuple)[1].(int)
	found := false
	for _, k := range rows {
		if k.Proto == "tcp" && k.LocalPort == port {
			found = true
			if k.State != l.State().TCPState.String() || k.State != "LISTEN" {
				t.Errorf("the kernel listing says %q, TCP_INFO %q", k.State, l.State().TCPState)
			}
		}
	}
	if !found {
		t.Errorf("the kernel listing has no row for the listener on %d", port)
	}
}

// The kernel hands out /proc/net tables a page at a time and finds its
// place again by bucket and position, so a socket created meanwhile makes
// the row before it come twice (seen on a busy machine: a few repeats per
// listing of this process's own sockets). The listing keeps each socket
// once, TIME_WAIT rows (inode 0) included, and keeps distinct rows that
// merely look alike.
func TestListKernelKeepsRepeatedRowsOnce(t *testing.T) {
	root := t.TempDir()
	check(t, os.Mkdir(root+"/net", 0o755))
	listen := "   0: 0100007F:EE52 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 13011948 1 00000000de8fb46f 100 0 0 10 0\n"
	tw := "   1: 0100007F:F241 0100007F:EE52 06 00000000:00000000 03:000008C5 00000000     0        0 0 3 000000006e3460aa\n"
	tw2 := "   2: 0100007F:F242 0100007F:EE52 06 00000000:00000000 03:000008C5 00000000     0        0 0 3 000000006e3460ab\n"
	est := "   3: 0100007F:EE52 0100007F:F243 01 00000000:00000000 00:00000000 00000000     0        0 13011950 1 000000004a773e81 20 4 30 10 -1\n"
	head := "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
	check(t, os.WriteFile(root+"/net/tcp", []byte(head+listen+tw+tw+listen+tw2+est+est), 0o644))
	unixRow := "0000000003885466: 00000002 00000000 00010000 0001 01 13011951 /tmp/s\n"
	check(t, os.WriteFile(root+"/net/unix", []byte("Num       RefCount Protocol Flags    Type St Inode Path\n"+unixRow+unixRow), 0o644))
	old := procRoot
	procRoot = root
	defer func() { procRoot = old }()
	rows, err := ListKernel()
	check(t, err)
	var got []string
	for _, k := range rows {
		got = append(got, fmt.Sprintf("%s %s %d->%d %d", k.Proto, k.State, k.LocalPort, k.RemotePort, k.Inode))
	}
	want := []string{"tcp LISTEN 61010->0 13011948", "tcp TIME_WAIT 62017->61010 0", "tcp TIME_WAIT 62018->61010 0",
		"tcp ESTABLISHED 61010->62019 13011950", "unix LISTEN 0->0 13011951"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
