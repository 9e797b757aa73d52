//go:build linux

package sockets

import (
	"sockrepl/sockets/leakcheck"

	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

func python(t *testing.T) string {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found (.ci/run installs it)")
	}
	return py
}

// readAll receives until the peer's orderly shutdown.
func readAll(t *testing.T, s *Socket) []byte {
	t.Helper()
	var out []byte
	for {
		d, err := s.Recv(1<<16, 0)
		check(t, err)
		if len(d) == 0 {
			return out
		}
		out = append(out, d...)
	}
}

// A client built on this package talks to CPython's echo server, and
// sees the server's end of the connection owned by the python3 process.
func TestInteropGoClientPythonServer(t *testing.T) {
	leakcheck.Check(t)
	cmd := exec.Command(python(t), "testdata/echo_server.py")
	out, err := cmd.StdoutPipe()
	check(t, err)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	check(t, cmd.Start())
	defer func() { cmd.Process.Kill(); cmd.Wait() }() // a no-op when it has exited
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		t.Fatalf("server gave no port: %v %s", err, stderr.String())
	}
	port, err := strconv.Atoi(strings.TrimSpace(line))
	check(t, err)

	rt := newRT(t)
	c, err := rt.CreateConnection(Tuple{"localhost", port}, nil, nil)
	check(t, err)
	local := must[any](t)(c.Getsockname()).(Tuple)[1].(int)
	// Once python3 has accepted, the server's end shows up in the kernel
	// listing owned by it (before accept it sits in the queue, unowned).
	var server KernelSocket
	waitFor(t, func() bool {
		rows, err := ListKernel()
		check(t, err)
		for _, k := range rows {
			if k.Proto == "tcp" && k.LocalPort == port && k.RemotePort == local && k.PID != 0 {
				server = k
				return true
			}
		}
		return false
	})
	if server.State != "ESTABLISHED" || server.PID != cmd.Process.Pid || !strings.HasPrefix(server.Process, "python") {
		t.Errorf("server end: %+v (python pid %d)", server, cmd.Process.Pid)
	}
	payload := bytes.Repeat([]byte("Hello, world "), 100_000) // 1.3 MB: more than one buffer
	check(t, c.Sendall(payload, 0))
	check(t, c.Shutdown(1))
	if got := readAll(t, c); !bytes.Equal(got, payload) {
		t.Fatalf("echo differs: %d bytes back of %d", len(got), len(payload))
	}
	check(t, c.Close())
	check(t, cmd.Wait())
	if want := fmt.Sprintf("echoed %d", len(payload)); !strings.Contains(stderr.String(), want) {
		t.Errorf("server said %q", stderr.String())
	}
}

// CPython's echo client talks to a server built on this package.
func TestInteropPythonClientGoServer(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	l, addr := listener(t, rt)
	cmd := exec.Command(python(t), "testdata/echo_client.py", strconv.Itoa(addr[1].(int)), "Hello, world", "50000")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	check(t, cmd.Start())
	s, peer, err := l.Accept()
	if err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal(err)
	}
	if peer.(Tuple)[0] != "127.0.0.1" {
		t.Errorf("peer %s", Repr(peer))
	}
	total := 0
	for { // the echo loop a learner types
		d, err := s.Recv(1024, 0)
		check(t, err)
		if len(d) == 0 {
			break
		}
		check(t, s.Sendall(d, 0))
		total += len(d)
	}
	check(t, s.Close())
	if err := cmd.Wait(); err != nil {
		t.Fatalf("client: %v %s", err, stderr.String())
	}
	want := fmt.Sprintf("%d b'Hello, worldHello, worldHello, worldHell'\n", 12*50000)
	if stdout.String() != want || total != 12*50000 {
		t.Errorf("client printed %q, server echoed %d", stdout.String(), total)
	}
}

// curl as a real HTTP peer: the hand-written exchange of the lessons.
func TestInteropCurl(t *testing.T) {
	curl, err := exec.LookPath("curl")
	if err != nil {
		t.Skip("curl not found (.ci/run installs it)")
	}
	leakcheck.Check(t)
	rt := newRT(t)
	l, addr := listener(t, rt)
	cmd := exec.Command(curl, "-s", "--max-time", "20", fmt.Sprintf("http://127.0.0.1:%d/hello", addr[1]))
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	check(t, cmd.Start())
	s, _, err := l.Accept()
	if err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal(err)
	}
	var req []byte
	for !bytes.Contains(req, []byte("\r\n\r\n")) {
		d, err := s.Recv(4096, 0)
		check(t, err)
		if len(d) == 0 {
			break
		}
		req = append(req, d...)
	}
	if !bytes.HasPrefix(req, []byte("GET /hello HTTP/1.1\r\n")) {
		t.Errorf("request %q", req)
	}
	body := "hi from sockets\n"
	check(t, s.Sendall([]byte(fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s", len(body), body)), 0))
	check(t, s.Close())
	check(t, cmd.Wait())
	if stdout.String() != body {
		t.Errorf("curl printed %q", stdout.String())
	}
}

// socat as a UDP peer: its datagram arrives with its address, and the
// reply sent to that address comes back out of socat.
func TestInteropSocatUDP(t *testing.T) {
	socat, err := exec.LookPath("socat")
	if err != nil {
		t.Skip("socat not found (.ci/run installs it)")
	}
	leakcheck.Check(t)
	rt := newRT(t)
	u := sock(t, rt, afInet, sockDgram)
	check(t, u.Bind(Tuple{"127.0.0.1", 0}))
	port := must[any](t)(u.Getsockname()).(Tuple)[1].(int)
	cmd := exec.Command(socat, "-t", "0.2", "-", fmt.Sprintf("UDP:127.0.0.1:%d", port))
	stdin, err := cmd.StdinPipe()
	check(t, err)
	stdout, err := cmd.StdoutPipe()
	check(t, err)
	check(t, cmd.Start())
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	_, err = stdin.Write([]byte("ping\n"))
	check(t, err)
	check(t, u.Settimeout(f64(20)))
	d, from, err := u.Recvfrom(1024, 0)
	check(t, err)
	if string(d) != "ping\n" || from.(Tuple)[0] != "127.0.0.1" {
		t.Fatalf("got %q from %s", d, Repr(from))
	}
	must[int](t)(u.Sendto([]byte("pong\n"), 0, from))
	line, err := bufio.NewReader(stdout).ReadString('\n')
	check(t, err)
	stdin.Close() // socat then ends on its own
	check(t, cmd.Wait())
	if line != "pong\n" {
		t.Errorf("socat printed %q", line)
	}
}
