//go:build linux

package repl

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// %trace's default view shows the system calls a Python program makes,
// as strace shows CPython's: each scenario runs the same lines in
// `python3 -i -q` under strace and in sockrepl's line mode under
// `%trace on`, against the same kind of peer, and the two lists of calls
// must agree (fd, the flags and events that matter, the result). The
// shell's own mechanics (MSG_DONTWAIT attempts, the poll on the wake fd,
// FIONBIO around a blocking connect) must not show.
func TestTraceMatchesStraceOfPython(t *testing.T) {
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("strace is not installed (.ci/run installs it)")
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	if out, err := exec.Command(strace, "-qq", "-e", "trace=none", "true").CombinedOutput(); err != nil {
		t.Skipf("strace cannot trace here: %v %s", err, out)
	}
	bin := sockreplBinary(t)
	for _, sc := range traceScenarios {
		t.Run(sc.name, func(t *testing.T) {
			want := sc.run(t, func(src string) []string { return straceCalls(t, strace, python, src) })
			got := sc.run(t, func(src string) []string { return sockreplCalls(t, bin, src) })
			t.Logf("calls:\n%s", strings.Join(got, "\n"))
			if strings.Join(want, "\n") != strings.Join(got, "\n") {
				t.Errorf("python3 under strace made:\n%s\n\n%%trace on showed:\n%s", strings.Join(want, "\n"), strings.Join(got, "\n"))
			}
		})
	}
}

// traceScenario is a list of statements ({P} is the peer's port) and
// the peer that plays the other end.
type traceScenario struct {
	name  string
	lines []string
	// peer serves one run: a listener's connection ("dial": the peer
	// connects to port {Q} instead, once the statements listen there).
	peer func(c net.Conn)
	dial bool
}

var traceScenarios = []traceScenario{
	{
		name: "blocking client",
		lines: []string{
			"c = socket.socket()",
			"c.connect(('127.0.0.1', {P}))",
			"c.send(b'hello')",
			"c.recv(1024)", // the peer answers 0.3 s later: CPython sleeps in one recvfrom
			"c.sendall(b'x' * 100000)",
			"c.shutdown(socket.SHUT_WR)",
			"c.recv(1024)",
			"c.close()",
		},
		peer: func(c net.Conn) {
			buf := make([]byte, 5)
			io.ReadFull(c, buf)
			time.Sleep(300 * time.Millisecond)
			c.Write([]byte("world"))
			io.Copy(io.Discard, c)
		},
	},
	{
		name: "blocking server",
		lines: []string{
			"s = socket.socket()",
			"s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
			"s.bind(('127.0.0.1', {Q}))",
			"s.listen()",
			"conn, addr = s.accept()", // the peer connects 0.3 s later
			"conn.recv(1024)",
			"conn.send(b'bye')",
			"conn.close()",
			"s.close()",
		},
		dial: true,
		peer: func(c net.Conn) {
			time.Sleep(300 * time.Millisecond)
			c.Write([]byte("hello"))
			io.Copy(io.Discard, c)
		},
	},
	{
		name: "timeout mode",
		lines: []string{
			"c = socket.socket()",
			"c.settimeout(5)",
			"c.connect(('127.0.0.1', {P}))",
			"c.recv(1024)",
			"c.settimeout(0.2)",
			"c.recv(1024)", // TimeoutError: the poll times out
			"c.sendall(b'ping')",
			"c.recv(1024)",
			"c.close()",
			"s = socket.socket()",
			"s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
			"s.bind(('127.0.0.1', {Q}))",
			"s.listen()",
			"s.settimeout(0.1)",
			"s.accept()",
			"s.close()",
		},
		peer: func(c net.Conn) {
			time.Sleep(300 * time.Millisecond)
			c.Write([]byte("hello"))
			buf := make([]byte, 4)
			io.ReadFull(c, buf)
			c.Write([]byte("pong"))
			io.Copy(io.Discard, c)
		},
	},
	{
		name: "non-blocking",
		lines: []string{
			"c = socket.socket()",
			"c.setblocking(False)",
			"c.connect_ex(('127.0.0.1', {P}))",
			"select.select([], [c], [], 5)",
			"c.recv(1024)",
			"c.send(b'hi')",
			"select.select([c], [], [], 5)",
			"c.recv(1024)",
			"c.close()",
			"r = socket.socket()",
			"r.connect_ex(('127.0.0.1', {R}))", // nothing listens: ECONNREFUSED
			"r.close()",
		},
		peer: func(c net.Conn) {
			buf := make([]byte, 2)
			io.ReadFull(c, buf)
			c.Write([]byte("ok"))
			io.Copy(io.Discard, c)
		},
	},
}

// run starts a fresh peer, runs the scenario's statements through exec
// and returns the calls it reports.
func (sc traceScenario) run(t *testing.T, exec func(src string) []string) []string {
	t.Helper()
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	q, r := freePort(t), freePort(t)
	var wg sync.WaitGroup
	defer wg.Wait()
	stop := make(chan struct{})
	defer close(stop)
	wg.Add(1)
	go func() {
		defer wg.Done()
		var c net.Conn
		if sc.dial {
			for {
				var err error
				c, err = net.Dial("tcp4", fmt.Sprintf("127.0.0.1:%d", q))
				if err == nil {
					break
				}
				select {
				case <-stop:
					return
				case <-time.After(20 * time.Millisecond):
				}
			}
		} else {
			var err error
			if c, err = ln.Accept(); err != nil {
				return
			}
		}
		go func() { <-stop; c.Close() }()
		sc.peer(c)
		c.Close()
	}()
	src := "import socket, select\n"
	for _, l := range sc.lines {
		l = strings.ReplaceAll(l, "{P}", fmt.Sprint(ln.Addr().(*net.TCPAddr).Port))
		l = strings.ReplaceAll(l, "{Q}", fmt.Sprint(q))
		l = strings.ReplaceAll(l, "{R}", fmt.Sprint(r))
		src += l + "\n"
	}
	calls := exec(src)
	ports := strings.NewReplacer(fmt.Sprint(q), "Q", fmt.Sprint(r), "R")
	for i := range calls {
		calls[i] = ports.Replace(calls[i])
	}
	return calls
}

// freePort is a loopback port nothing listens on now.
func freePort(t *testing.T) int {
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// straceCalls runs src in python3 -i -q under strace and returns its
// socket calls, normalised by traceKey.
func straceCalls(t *testing.T, strace, python, src string) []string {
	t.Helper()
	log := filepath.Join(t.TempDir(), "strace.log")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, strace, "-qq", "-o", log,
		"-e", "trace=socket,bind,listen,accept4,connect,sendto,recvfrom,poll,pselect6,select,getsockopt,setsockopt,shutdown,ioctl,close",
		python, "-i", "-q")
	cmd.Env = append(os.Environ(), "PYTHONSTARTUP=")
	cmd.Stdin = strings.NewReader(src)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("strace python3: %v\n%s", err, out.String())
	}
	data, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	return traceKeys(strings.Split(string(data), "\n"), true)
}

// sockreplCalls runs src in sockrepl's line mode with %trace on.
func sockreplCalls(t *testing.T, bin, src string) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin)
	cmd.Stdin = strings.NewReader("%trace on\n" + src)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("sockrepl: %v\n%s%s", err, out.String(), errOut.String())
	}
	var lines []string
	for _, l := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(l, "  ") {
			lines = append(lines, strings.TrimSpace(reTook.ReplaceAllString(l, "")))
		}
	}
	return traceKeys(lines, false)
}

var (
	reTook = regexp.MustCompile(`  <[0-9.]+ s>$`)
	// name(args) = result, in strace's form or the shell's.
	reCall = regexp.MustCompile(`^(\w+)\((.*)\)\s+= (-?\d+|\?)(?: (E[A-Z]+))?`)
)

// traceKeys reduces trace lines to what both forms must agree on: the
// call, its fd, the flags, events and options that change its meaning,
// and the result (a count, a new fd, or the errno's name). Calls on
// descriptors that are not sockets (python3 closing the files it read
// at start-up, ioctls on the terminal) are left out, as are the
// getsockname calls CPython makes for its own bookkeeping. So are the
// C library's own AF_UNIX sockets (on some machines python3's start-up
// asks nscd for names: socket, connect = ENOENT, close); the scenarios
// use no AF_UNIX socket of their own.
func traceKeys(lines []string, isStrace bool) []string {
	socks := map[string]bool{}
	libc := map[string]bool{}
	var keys []string
	for _, l := range lines {
		m := reCall.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		name, args, ret, errno := m[1], splitArgs(m[2]), m[3], m[4]
		res := ret
		if errno != "" {
			res = errno
		}
		fd := ""
		if len(args) > 0 {
			fd = args[0]
		}
		if libc[fd] && name != "socket" {
			if name == "close" {
				delete(libc, fd)
			}
			continue
		}
		key := ""
		switch name {
		case "socket":
			if strings.HasPrefix(args[0], "AF_UNIX") {
				libc[ret] = true
				continue
			}
			socks[ret] = true
			key = fmt.Sprintf("socket(%s, %s) = %s", args[0], args[1], res)
		case "accept4":
			socks[ret] = true
			key = fmt.Sprintf("accept4(%s, %s) = %s", fd, args[len(args)-1], res)
		case "close":
			if !socks[fd] {
				continue
			}
			delete(socks, fd)
			key = fmt.Sprintf("close(%s) = %s", fd, res)
		case "bind", "connect":
			key = fmt.Sprintf("%s(%s) = %s", name, fd, res)
		case "listen", "shutdown":
			key = fmt.Sprintf("%s(%s, %s) = %s", name, fd, args[1], res)
		case "sendto", "recvfrom":
			key = fmt.Sprintf("%s(%s, %s, %s) = %s", name, fd, args[2], args[3], res)
		case "poll":
			// poll([{fd=5, events=POLLIN}], 1, 200): the timeout as
			// blocking, zero or some time (what is left of it varies).
			timeout := args[len(args)-1]
			if timeout != "-1" && timeout != "0" {
				timeout = "T"
			}
			key = fmt.Sprintf("poll(%s, %s) = %s", strings.Join(args[:len(args)-2], ", "), timeout, res)
		case "pselect6", "select":
			timeout := "NULL"
			if args[4] != "NULL" {
				timeout = "T"
			}
			key = fmt.Sprintf("select(%s, %s, %s, %s, %s) = %s", args[0], args[1], args[2], args[3], timeout, res)
		case "getsockopt", "setsockopt":
			if !socks[fd] {
				continue
			}
			key = fmt.Sprintf("%s(%s, %s, %s) = %s", name, fd, args[1], args[2], res)
		case "ioctl":
			if !socks[fd] || args[1] != "FIONBIO" {
				continue
			}
			key = fmt.Sprintf("ioctl(%s, FIONBIO, %s) = %s", fd, args[2], res)
		default:
			continue
		}
		keys = append(keys, key)
	}
	return keys
}

// splitArgs splits a call's arguments at the commas outside brackets,
// braces and quotes.
func splitArgs(s string) []string {
	var out []string
	depth, quote, start := 0, byte(0), 0
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case quote != 0:
			if ch == '\\' {
				i++
			} else if ch == quote {
				quote = 0
			}
		case ch == '"' || ch == '\'':
			quote = ch
		case ch == '[' || ch == '{' || ch == '(':
			depth++
		case ch == ']' || ch == '}' || ch == ')':
			depth--
		case ch == ',' && depth == 0:
			out = append(out, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	}
	return append(out, strings.TrimSpace(s[start:]))
}
