package repl

import (
	"bufio"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"sockrepl/sockets/capture"
	"sockrepl/sockets/leakcheck"
)

// needCapture skips a test when this process may not capture (not root).
func needCapture(t *testing.T) {
	t.Helper()
	c, err := capture.Open(capture.Filter{})
	if err == capture.ErrPermission {
		t.Skip("packet capture needs CAP_NET_RAW: run the tests as root (CI does)")
	}
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
}

// wireBuffer collects a Session's output.
type wireBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *wireBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *wireBuffer) take() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.b.String()
	b.b.Reset()
	return s
}

// wireSession is a line-mode Session whose every statement's output is
// returned by run.
func wireSession(t *testing.T) func(line string) string {
	t.Helper()
	var out wireBuffer
	s, err := NewSession(Options{Out: &out, Err: &out})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return func(line string) string {
		s.Exec(line)
		return out.take()
	}
}

// startPeer runs a helper process and returns its first stdout line and
// a reader for the rest.
func startPeer(t *testing.T, cmd *exec.Cmd) (string, *bufio.Reader, io.WriteCloser) {
	t.Helper()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stdin.Close(); cmd.Process.Kill(); cmd.Wait() })
	r := bufio.NewReader(stdout)
	line, err := r.ReadString('\n')
	if err != nil {
		t.Fatalf("peer said %q: %v", line, err)
	}
	return strings.TrimSpace(line), r, stdin
}

// packetLines keeps the packet lines of some output, their spaces squeezed.
func packetLines(out string) []string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, " → ") {
			lines = append(lines, strings.Join(strings.Fields(l), " "))
		}
	}
	return lines
}

// inOrder checks that each pattern matches a line, in order.
func inOrder(t *testing.T, lines []string, patterns ...string) {
	t.Helper()
	i := 0
	for _, p := range patterns {
		re := regexp.MustCompile(p)
		for i < len(lines) && !re.MatchString(lines[i]) {
			i++
		}
		if i == len(lines) {
			t.Fatalf("no line matches %q after the ones before it in:\n%s", p, strings.Join(lines, "\n"))
		}
		i++
	}
}

// The issue's own test: with %packets on, open a connection to a python3
// peer, send 12 bytes, close; SYN, SYN-ACK, ACK, the 12-byte segment, FIN
// and the last ACK show in order, and %timeline shows TIME_WAIT on the
// closing side.
func TestPacketsOfATCPConnection(t *testing.T) {
	needCapture(t)
	leakcheck.Check(t)
	port, peerOut, _ := startPeer(t, exec.Command("python3", "-c", `
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen()
print(s.getsockname()[1], flush=True)
conn, _ = s.accept()
while conn.recv(100):
    pass
conn.close()
print("closed", flush=True)
`))
	run := wireSession(t)
	if out := run("%packets on"); !strings.Contains(out, "capturing the packets of this shell's sockets") {
		t.Fatalf("%%packets on said %q", out)
	}
	var all []string
	peer := "127.0.0.1:" + port
	out := run("c = socket.socket()") + run(fmt.Sprintf("c.connect(('127.0.0.1', %s))", port))
	lines := packetLines(out)
	// connect() returns once the SYN-ACK is processed, and the capture saw
	// both before: they are under it. The ACK that follows usually is too,
	// but the kernel may finish handling it just after the call returns.
	inOrder(t, lines,
		`^c → `+peer+` SYN seq=0 win=\d+ mss=\d+ c SYN_SENT · `+peer+` SYN_RECV$`,
		`^`+peer+` → c SYN-ACK seq=0 ack=1 win=\d+ mss=\d+ c ESTABLISHED · `+peer+` SYN_RECV$`)
	all = append(all, lines...)
	all = append(all, packetLines(run("c.sendall(b'Hello, world')"))...)
	all = append(all, packetLines(run("c.close()"))...)
	if l, _ := peerOut.ReadString('\n'); l != "closed\n" {
		t.Fatalf("peer: %q", l)
	}
	// The peer's FIN and our last ACK came after c.close() returned: they
	// show before the next statement.
	last := `^c → ` + peer + ` ACK seq=14 ack=2 win=\d+ c TIME_WAIT · ` + peer + ` CLOSED$`
	for deadline := time.Now().Add(10 * time.Second); ; {
		all = append(all, packetLines(run("pass"))...)
		if len(all) > 0 && regexp.MustCompile(last).MatchString(all[len(all)-1]) || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	inOrder(t, all,
		`^c → `+peer+` SYN `,
		`^`+peer+` → c SYN-ACK `,
		`^c → `+peer+` ACK seq=1 ack=1 win=\d+ c ESTABLISHED · `+peer+` ESTABLISHED$`,
		`^c → `+peer+` PSH-ACK seq=1 ack=1 win=\d+ len=12 b'Hello, world' c ESTABLISHED · `+peer+` ESTABLISHED$`,
		`^c → `+peer+` FIN-ACK seq=13 ack=1 .* c FIN_WAIT1 · `+peer+` CLOSE_WAIT$`,
		`^`+peer+` → c FIN-ACK seq=1 ack=14 .* c TIME_WAIT · `+peer+` LAST_ACK$`,
		last)
	if n := len(all); !regexp.MustCompile(last).MatchString(all[n-1]) {
		t.Errorf("the last ACK is not the last packet:\n%s", strings.Join(all, "\n"))
	}

	tl := run("%timeline c")
	want := []string{
		`^\s+c 127\.0\.0\.1:\d+ ⇄ ` + peer + ` 127\.0\.0\.1:` + port + ` \(TCP\)$`,
		`^\s+CLOSED │ +│ LISTEN$`,
		`^\s+SYN_SENT │ ─SYN seq=0 ─+▶ │ SYN_RECV$`,
		`^\s+ESTABLISHED │ ◀─+ SYN-ACK seq=0 ack=1─ │ SYN_RECV$`,
		`^\s+ESTABLISHED │ ─PSH-ACK seq=1 ack=1 len=12 b'Hello, world' ─+▶ │ ESTABLISHED$`,
		`^\s+FIN_WAIT1 │ ─FIN-ACK seq=13 ack=1 ─+▶ │ CLOSE_WAIT$`,
		`^\s+TIME_WAIT │ ◀─+ FIN-ACK seq=1 ack=14─ │ LAST_ACK$`,
		`^\s+TIME_WAIT │ ─ACK ack=2 ─+▶ │ CLOSED$`,
		`^\s+TIME_WAIT ┆ 2MSL: TIME_WAIT holds the ports for 60 s on Linux, then CLOSED \(\d+ s left\)$`,
	}
	inOrder(t, strings.Split(tl, "\n"), want...)
	if out := run("%packets off"); !strings.Contains(out, "packet capture off") {
		t.Errorf("%%packets off said %q", out)
	}
	// Off means off: no packet lines for a new connection.
	if out := run(fmt.Sprintf("socket.create_connection(('127.0.0.1', %s)).close()", port)); strings.Contains(out, "→") {
		t.Errorf("packets shown after %%packets off:\n%s", out)
	}
	// %timeline still draws what was captured.
	if out := run("%timeline c"); !strings.Contains(out, "TIME_WAIT") {
		t.Errorf("%%timeline after off:\n%s", out)
	}
}

// A UDP datagram between two of this shell's sockets, and the echo of
// the ping lesson (lesson 17) over a raw ICMP socket.
func TestPacketsOfUDPAndICMPEcho(t *testing.T) {
	needCapture(t)
	run := wireSession(t)
	run("%packets on")
	for _, l := range []string{
		"import struct",
		"v = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
		"v.bind(('127.0.0.1', 0))",
		"u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
	} {
		if out := run(l); out != "" {
			t.Fatalf("%s: %q", l, out)
		}
	}
	awaitPackets(t, run, run("u.sendto(b'hello', v.getsockname())"), `^u → v UDP len=5 b'hello'$`)

	for _, l := range []string{
		"payload = b'ping from sockrepl'",
		"def checksum(data):\n    if len(data) % 2:\n        data = data + b'\\x00'\n    total = 0\n    for word in struct.unpack('!%dH' % (len(data) // 2), data):\n        total += word\n    while total > 0xffff:\n        total = (total & 0xffff) + (total >> 16)\n    return ~total & 0xffff\n",
		"packet = struct.pack('!BBHHH', 8, 0, checksum(struct.pack('!BBHHH', 8, 0, 0, 0x4242, 1) + payload), 0x4242, 1) + payload",
		"r = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)",
	} {
		if out := run(l); out != "" {
			t.Fatalf("%s: %q", l, out)
		}
	}
	awaitPackets(t, run, run("r.sendto(packet, ('127.0.0.1', 0))"),
		`^r → 127\.0\.0\.1 ICMP echo-request id=0x4242 seq=1 len=18 b'ping from sockrepl'$`,
		`^127\.0\.0\.1 → r ICMP echo-reply id=0x4242 seq=1 len=18 b'ping from sockrepl'$`)
	// A datagram to a closed port: the ICMP error names the socket it is for.
	awaitPackets(t, run, run("u.sendto(b'anyone?', ('127.0.0.1', 9))"),
		`^u → 127\.0\.0\.1:9 UDP len=7 b'anyone\?'$`,
		`^127\.0\.0\.1 → u ICMP port-unreachable about UDP 127\.0\.0\.1:\d+ → 127\.0\.0\.1:9$`)
}

// awaitPackets checks that the packet lines of out, and of statements run
// after it, match patterns in order. On loopback the receiving half of a
// send usually runs before the call returns, but the kernel may defer it,
// so later statements are given a (bounded) chance to show the rest.
func awaitPackets(t *testing.T, run func(string) string, out string, patterns ...string) {
	t.Helper()
	lines := packetLines(out)
	for deadline := time.Now().Add(10 * time.Second); len(lines) < len(patterns) && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		lines = append(lines, packetLines(run("pass"))...)
	}
	inOrder(t, lines, patterns...)
}

// The other end, held by a sockrepl started with --role, is named by it.
func TestPacketsNameASockreplPeerByRole(t *testing.T) {
	needCapture(t)
	cmd := exec.Command(sockreplBinary(t), "--role", "server")
	port, _, stdin := startPeerLines(t, cmd,
		"s = socket.socket()",
		"s.bind(('127.0.0.1', 0))",
		"s.listen()",
		"print(s.getsockname()[1], flush=True)",
		"conn, addr = s.accept()",
		"conn.recv(100)")
	run := wireSession(t)
	run("%packets on")
	run("c = socket.socket()")
	out := run(fmt.Sprintf("c.connect(('127.0.0.1', %s))", port))
	inOrder(t, packetLines(out), `^c → \[server\] SYN seq=0 .* c SYN_SENT · \[server\] SYN_RECV$`, `^\[server\] → c SYN-ACK `)
	stdin.Close()
}

// startPeerLines starts a sockrepl in line mode fed lines, and returns
// the first line it prints.
func startPeerLines(t *testing.T, cmd *exec.Cmd, lines ...string) (string, *bufio.Reader, io.WriteCloser) {
	t.Helper()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stdin.Close(); cmd.Process.Kill(); cmd.Wait() })
	io.WriteString(stdin, strings.Join(lines, "\n")+"\n")
	r := bufio.NewReader(stdout)
	line, err := r.ReadString('\n')
	if err != nil {
		t.Fatalf("peer said %q: %v", line, err)
	}
	return strings.TrimSpace(line), r, stdin
}

// Without CAP_NET_RAW, %packets on says how to get it in one sentence and
// the shell carries on as before.
func TestPacketsWithoutCapNetRaw(t *testing.T) {
	cmd := exec.Command(sockreplBinary(t))
	if c, err := capture.Open(capture.Filter{}); err == nil {
		// This process may capture: drop the capability for the child.
		c.Close()
		setpriv, err := exec.LookPath("setpriv")
		if err != nil {
			t.Skip("setpriv (util-linux) is not installed")
		}
		cmd = exec.Command(setpriv, "--bounding-set=-net_raw", "--inh-caps=-net_raw", sockreplBinary(t))
	}
	cmd.Stdin = strings.NewReader("%packets on\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.type\n%timeline\n")
	var out, errs strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errs
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v\nstdout:\n%s\nstderr:\n%s", err, out.String(), errs.String())
	}
	wantErr := "PermissionError: capturing packets needs CAP_NET_RAW: run sockrepl as root, give it the capability with sudo setcap cap_net_raw+ep \"$(command -v sockrepl)\", or use the lab (sockrepl --lab), where capture needs no root\n"
	if errs.String() != wantErr {
		t.Errorf("stderr %q, want %q", errs.String(), wantErr)
	}
	wantOut := "<SocketKind.SOCK_STREAM: 1>\nno packets captured yet: turn capture on with %packets on, then connect\n"
	if out.String() != wantOut {
		t.Errorf("stdout %q, want %q", out.String(), wantOut)
	}
}
