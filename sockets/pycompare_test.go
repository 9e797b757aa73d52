//go:build linux

package sockets

import (
	"sockrepl/sockets/leakcheck"

	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// A pyCase runs the same calls in CPython and here. py is Python code that
// leaves its result in r (or raises); run does the same through the
// package. Both sides print repr(r) or "Class: message".
type pyCase struct {
	name string
	py   string
	run  func(t *testing.T, rt *Runtime) (any, error)
}

// pyHarness runs each case in a fresh namespace and prints one JSON line
// [name, outcome] per case.
const pyHarness = `
import json, select, socket, sys, time
for name, code in json.loads(sys.stdin.read()):
    ns = {'socket': socket, 'select': select, 'time': time}
    try:
        exec(code, ns)
        out = repr(ns.get('r'))
    except BaseException as e:
        cls = type(e).__name__
        if type(e).__module__ == 'socket':
            cls = 'socket.' + cls
        out = cls + (': ' + str(e) if str(e) else '')
    print(json.dumps([name, out]), flush=True)
`

// runPython feeds cases to python3 and returns name -> outcome.
func runPython(t *testing.T, cases []pyCase) map[string]string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: cannot compare with CPython (.ci/run installs it)")
	}
	var in [][2]string
	for _, c := range cases {
		in = append(in, [2]string{c.name, c.py})
	}
	data, _ := json.Marshal(in)
	cmd := exec.Command(py, "-c", pyHarness)
	cmd.Stdin = bytes.NewReader(data)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.String())
	}
	got := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		var pair [2]string
		if err := json.Unmarshal(sc.Bytes(), &pair); err != nil {
			t.Fatalf("python3 output %q: %v", sc.Text(), err)
		}
		got[pair[0]] = pair[1]
	}
	return got
}

func outcome(v any, err error) string {
	if err != nil {
		return err.Error()
	}
	return Repr(v)
}

var (
	reFD     = regexp.MustCompile(`fd=\d+`)
	rePort   = regexp.MustCompile(`'([0-9a-f.:]+)', \d+`)
	reFamily = regexp.MustCompile(`family=(\d+)`)
	reType   = regexp.MustCompile(`type=(\d+)`)
)

// normalize masks what differs between two runs (fds, OS-chosen ports)
// and spells CPython 3.11's bare enum numbers in reprs by name, the form
// the source material and this package use.
func normalize(s string) string {
	s = reFD.ReplaceAllString(s, "fd=N")
	s = rePort.ReplaceAllString(s, "'$1', PORT")
	s = reFamily.ReplaceAllStringFunc(s, func(m string) string {
		n, _ := strconv.Atoi(m[len("family="):])
		return "family=" + enumRepr("AddressFamily", n)
	})
	s = reType.ReplaceAllStringFunc(s, func(m string) string {
		n, _ := strconv.Atoi(m[len("type="):])
		return "type=" + enumRepr("SocketKind", n)
	})
	return s
}

func comparePython(t *testing.T, cases []pyCase) {
	t.Helper()
	want := runPython(t, cases)
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.name] {
			t.Fatalf("duplicate case name %q", c.name)
		}
		seen[c.name] = true
		t.Run(c.name, func(t *testing.T) {
			rt := newRT(t)
			got := normalize(outcome(c.run(t, rt)))
			w, ok := want[c.name]
			if !ok {
				t.Fatalf("python3 gave no result")
			}
			if w = normalize(w); got != w {
				t.Errorf("\n%s\n python3: %s\n sockets: %s", c.py, w, got)
			}
		})
	}
}

// Helpers that keep the Go side of a case as short as its Python side.

func tcp(t *testing.T, rt *Runtime) *Socket { return must[*Socket](t)(rt.Socket(-1, -1, -1)) }

func sock(t *testing.T, rt *Runtime, f, ty int) *Socket {
	return must[*Socket](t)(rt.Socket(f, ty, -1))
}

func f64(v float64) *float64 { return &v }

func none(err error) (any, error) { return nil, err }

// refusedPort is a loopback port nobody listens on: bound, never listening.
const pyRefusedPort = "_h = socket.socket(); _h.bind(('127.0.0.1', 0)); port = _h.getsockname()[1]\n"

func refusedPort(t *testing.T, rt *Runtime) int {
	h := tcp(t, rt)
	check(t, h.Bind(Tuple{"127.0.0.1", 0}))
	return must[any](t)(h.Getsockname()).(Tuple)[1].(int)
}

func TestAddressErrorsMatchCPython(t *testing.T) {
	leakcheck.Check(t)
	bindCase := func(name, pyAddr string, addr any) pyCase {
		return pyCase{name, "s = socket.socket(); r = s.bind(" + pyAddr + ")", func(t *testing.T, rt *Runtime) (any, error) {
			return none(tcp(t, rt).Bind(addr))
		}}
	}
	bind6 := func(name, pyAddr string, addr any) pyCase {
		return pyCase{name, "s = socket.socket(socket.AF_INET6); r = s.bind(" + pyAddr + ")", func(t *testing.T, rt *Runtime) (any, error) {
			return none(sock(t, rt, afInet6, sockStream).Bind(addr))
		}}
	}
	bindUnix := func(name, pyAddr string, addr any) pyCase {
		return pyCase{name, "s = socket.socket(socket.AF_UNIX); r = s.bind(" + pyAddr + ")", func(t *testing.T, rt *Runtime) (any, error) {
			return none(sock(t, rt, afUnix, sockStream).Bind(addr))
		}}
	}
	cases := []pyCase{
		bindCase("str", "'x'", "x"),
		bindCase("list", "['127.0.0.1', 80]", []any{"127.0.0.1", 80}),
		bindCase("None", "None", nil),
		bindCase("1-tuple", "('x',)", Tuple{"x"}),
		bindCase("3-tuple", "('127.0.0.1', 1, 2)", Tuple{"127.0.0.1", 1, 2}),
		bindCase("port str", "('127.0.0.1', '80')", Tuple{"127.0.0.1", "80"}),
		bindCase("port float", "('127.0.0.1', 1.5)", Tuple{"127.0.0.1", 1.5}),
		bindCase("host int", "(1, 80)", Tuple{1, 80}),
		bindCase("port big", "('127.0.0.1', 70000)", Tuple{"127.0.0.1", 70000}),
		bindCase("port neg", "('127.0.0.1', -1)", Tuple{"127.0.0.1", -1}),
		bindCase("port huge", "('127.0.0.1', 2**40)", Tuple{"127.0.0.1", 1 << 40}),
		bindCase("unknown host", "('nosuchhost.invalid', 80)", Tuple{"nosuchhost.invalid", 80}),
		bindCase("unknown host big port", "('nosuchhost.invalid', 70000)", Tuple{"nosuchhost.invalid", 70000}),
		bindCase("v6 literal on v4", "('::1', 0)", Tuple{"::1", 0}),
		bindCase("broadcast", "('<broadcast>', 0)", Tuple{"<broadcast>", 0}),
		bindCase("not local", "('192.0.2.99', 0)", Tuple{"192.0.2.99", 0}),
		{"bytes host", "s = socket.socket(); s.bind((b'127.0.0.1', 0)); r = s.getsockname()[0]", func(t *testing.T, rt *Runtime) (any, error) {
			s := tcp(t, rt)
			check(t, s.Bind(Tuple{[]byte("127.0.0.1"), 0}))
			v, err := s.Getsockname()
			return v.(Tuple)[0], err
		}},
		{"aton host", "s = socket.socket(); s.bind(('127.1', 0)); r = s.getsockname()[0]", func(t *testing.T, rt *Runtime) (any, error) {
			s := tcp(t, rt)
			check(t, s.Bind(Tuple{"127.1", 0}))
			v, err := s.Getsockname()
			return v.(Tuple)[0], err
		}},
		{"localhost", "s = socket.socket(); s.bind(('localhost', 0)); r = s.getsockname()[0]", func(t *testing.T, rt *Runtime) (any, error) {
			s := tcp(t, rt)
			check(t, s.Bind(Tuple{"localhost", 0}))
			v, err := s.Getsockname()
			return v.(Tuple)[0], err
		}},
		{"any", "s = socket.socket(); s.bind(('', 0)); r = s.getsockname()", func(t *testing.T, rt *Runtime) (any, error) {
			s := tcp(t, rt)
			check(t, s.Bind(Tuple{"", 0}))
			return s.Getsockname()
		}},
		{"in use", "a = socket.socket(); a.bind(('127.0.0.1', 0)); a.listen(); s = socket.socket(); r = s.bind(a.getsockname())", func(t *testing.T, rt *Runtime) (any, error) {
			_, addr := listener(t, rt)
			return none(tcp(t, rt).Bind(addr))
		}},
		{"bind twice", "s = socket.socket(); s.bind(('127.0.0.1', 0)); r = s.bind(('127.0.0.1', 0))", func(t *testing.T, rt *Runtime) (any, error) {
			s := tcp(t, rt)
			check(t, s.Bind(Tuple{"127.0.0.1", 0}))
			return none(s.Bind(Tuple{"127.0.0.1", 0}))
		}},
		{"connect port big", "s = socket.socket(); r = s.connect(('127.0.0.1', 70000))", func(t *testing.T, rt *Runtime) (any, error) {
			return none(tcp(t, rt).Connect(Tuple{"127.0.0.1", 70000}))
		}},
		{"connect_ex str", "s = socket.socket(); r = s.connect_ex('x')", func(t *testing.T, rt *Runtime) (any, error) {
			return tcp(t, rt).ConnectEx("x")
		}},
		{"connect_ex port big", "s = socket.socket(); r = s.connect_ex(('127.0.0.1', 70000))", func(t *testing.T, rt *Runtime) (any, error) {
			return tcp(t, rt).ConnectEx(Tuple{"127.0.0.1", 70000})
		}},
		{"connect_ex unknown", "s = socket.socket(); r = s.connect_ex(('nosuch.invalid', 80))", func(t *testing.T, rt *Runtime) (any, error) {
			return tcp(t, rt).ConnectEx(Tuple{"nosuch.invalid", 80})
		}},
		{"connect refused", pyRefusedPort + "s = socket.socket(); r = s.connect(('127.0.0.1', port))", func(t *testing.T, rt *Runtime) (any, error) {
			return none(tcp(t, rt).Connect(Tuple{"127.0.0.1", refusedPort(t, rt)}))
		}},
		{"connect_ex refused", pyRefusedPort + "s = socket.socket(); r = s.connect_ex(('127.0.0.1', port))", func(t *testing.T, rt *Runtime) (any, error) {
			return tcp(t, rt).ConnectEx(Tuple{"127.0.0.1", refusedPort(t, rt)})
		}},
		{"connect refused timeout mode", pyRefusedPort + "s = socket.socket(); s.settimeout(5); r = s.connect(('127.0.0.1', port))", func(t *testing.T, rt *Runtime) (any, error) {
			s := tcp(t, rt)
			check(t, s.Settimeout(f64(5)))
			return none(s.Connect(Tuple{"127.0.0.1", refusedPort(t, rt)}))
		}},
		{"sendto refused port big", "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); r = s.sendto(b'x', ('127.0.0.1', 70000))", func(t *testing.T, rt *Runtime) (any, error) {
			return sock(t, rt, afInet, sockDgram).Sendto([]byte("x"), 0, Tuple{"127.0.0.1", 70000})
		}},
		bind6("v6 1-tuple", "('::1',)", Tuple{"::1"}),
		bind6("v6 5-tuple", "('::1', 0, 0, 0, 0)", Tuple{"::1", 0, 0, 0, 0}),
		bind6("v6 str", "'::1'", "::1"),
		bind6("v6 v4 literal", "('127.0.0.1', 0)", Tuple{"127.0.0.1", 0}),
		bind6("v6 flowinfo neg", "('::1', 0, -1, 0)", Tuple{"::1", 0, -1, 0}),
		bind6("v6 flowinfo big", "('::1', 0, 1 << 20, 0)", Tuple{"::1", 0, 1 << 20, 0}),
		bind6("v6 port big", "('::1', 65536)", Tuple{"::1", 65536}),
		{"v6 getsockname", "s = socket.socket(socket.AF_INET6); s.bind(('::1', 0)); r = s.getsockname()", func(t *testing.T, rt *Runtime) (any, error) {
			s := sock(t, rt, afInet6, sockStream)
			check(t, s.Bind(Tuple{"::1", 0}))
			return s.Getsockname()
		}},
		{"v6 any", "s = socket.socket(socket.AF_INET6); s.bind(('', 0)); r = s.getsockname()", func(t *testing.T, rt *Runtime) (any, error) {
			s := sock(t, rt, afInet6, sockStream)
			check(t, s.Bind(Tuple{"", 0}))
			return s.Getsockname()
		}},
		bindUnix("unix tuple", "('a', 1)", Tuple{"a", 1}),
		bindUnix("unix int", "1", 1),
		bindUnix("unix too long", "'/tmp/' + 'x' * 200", "/tmp/"+strings.Repeat("x", 200)),
		bindUnix("unix missing dir", "'/nonexistent-dir/sock'", "/nonexistent-dir/sock"),
		{"unix unbound name", "s = socket.socket(socket.AF_UNIX); r = s.getsockname()", func(t *testing.T, rt *Runtime) (any, error) {
			return sock(t, rt, afUnix, sockStream).Getsockname()
		}},
		{"unix abstract", "s = socket.socket(socket.AF_UNIX); s.bind(b'\\0sockrepl-py-abstract-' + str(id(s)).encode()); r = s.getsockname()[:21]", func(t *testing.T, rt *Runtime) (any, error) {
			s := sock(t, rt, afUnix, sockStream)
			check(t, s.Bind([]byte(fmt.Sprintf("\x00sockrepl-py-abstract-%p", s))))
			v, err := s.Getsockname()
			return v.([]byte)[:21], err
		}},
		{"unix abstract str", "s = socket.socket(socket.AF_UNIX); s.bind('\\0sockrepl-py-abs2-' + str(id(s))); r = type(s.getsockname()).__name__", func(t *testing.T, rt *Runtime) (any, error) {
			s := sock(t, rt, afUnix, sockStream)
			check(t, s.Bind(fmt.Sprintf("\x00sockrepl-py-abs2-%p", s)))
			v, err := s.Getsockname()
			return pyTypeName(v), err
		}},
		{"unix autobind", "s = socket.socket(socket.AF_UNIX); s.bind(''); r = (type(s.getsockname()).__name__, len(s.getsockname()))", func(t *testing.T, rt *Runtime) (any, error) {
			s := sock(t, rt, afUnix, sockStream)
			check(t, s.Bind(""))
			v, err := s.Getsockname()
			return Tuple{pyTypeName(v), len(v.([]byte))}, err
		}},
		{"unix path", "import os, tempfile\nd = tempfile.mkdtemp(); p = os.path.join(d, 'sk')\ns = socket.socket(socket.AF_UNIX); s.bind(p); r = s.getsockname() == p; os.unlink(p); os.rmdir(d)", func(t *testing.T, rt *Runtime) (any, error) {
			p := t.TempDir() + "/sk"
			s := sock(t, rt, afUnix, sockStream)
			check(t, s.Bind(p))
			v, err := s.Getsockname()
			return v == p, err
		}},
		{"socketpair peer", "a, b = socket.socketpair(); r = (a.getpeername(), a.getsockname())", func(t *testing.T, rt *Runtime) (any, error) {
			a, _, err := rt.Socketpair(-1, -1, -1)
			check(t, err)
			p, _ := a.Getpeername()
			n, err := a.Getsockname()
			return Tuple{p, n}, err
		}},
		{"socketpair recvfrom", "a, b = socket.socketpair(); a.send(b'x'); r = b.recvfrom(10)", func(t *testing.T, rt *Runtime) (any, error) {
			a, b, err := rt.Socketpair(-1, -1, -1)
			check(t, err)
			must[int](t)(a.Send([]byte("x"), 0))
			d, from, err := b.Recvfrom(10, 0)
			return Tuple{d, from}, err
		}},
		{"socketpair dgram recvfrom", "a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM); a.send(b'x'); r = b.recvfrom(10)", func(t *testing.T, rt *Runtime) (any, error) {
			a, b, err := rt.Socketpair(afUnix, sockDgram, -1)
			check(t, err)
			must[int](t)(a.Send([]byte("x"), 0))
			d, from, err := b.Recvfrom(10, 0)
			return Tuple{d, from}, err
		}},
		{"socketpair inet", "r = socket.socketpair(socket.AF_INET)", func(t *testing.T, rt *Runtime) (any, error) {
			_, _, err := rt.Socketpair(afInet, -1, -1)
			return nil, err
		}},
	}
	comparePython(t, cases)
}

func TestOperationErrorsMatchCPython(t *testing.T) {
	leakcheck.Check(t)
	closed := func(t *testing.T, rt *Runtime) *Socket {
		s := tcp(t, rt)
		check(t, s.Close())
		return s
	}
	const pyClosed = "s = socket.socket(); s.close(); "
	cases := []pyCase{
		{"recv negative", "s = socket.socket(); r = s.recv(-1)", func(t *testing.T, rt *Runtime) (any, error) { return tcp(t, rt).Recv(-1, 0) }},
		{"recvfrom negative", "s = socket.socket(); r = s.recvfrom(-1)", func(t *testing.T, rt *Runtime) (any, error) {
			d, _, err := tcp(t, rt).Recvfrom(-1, 0)
			return d, err
		}},
		{"recv not connected", "s = socket.socket(); r = s.recv(1)", func(t *testing.T, rt *Runtime) (any, error) { return tcp(t, rt).Recv(1, 0) }},
		{"send not connected", "s = socket.socket(); r = s.send(b'x')", func(t *testing.T, rt *Runtime) (any, error) { return tcp(t, rt).Send([]byte("x"), 0) }},
		{"sendall not connected", "s = socket.socket(); r = s.sendall(b'')", func(t *testing.T, rt *Runtime) (any, error) { return none(tcp(t, rt).Sendall(nil, 0)) }},
		{"getpeername not connected", "s = socket.socket(); r = s.getpeername()", func(t *testing.T, rt *Runtime) (any, error) { return tcp(t, rt).Getpeername() }},
		{"settimeout negative", "s = socket.socket(); r = s.settimeout(-1)", func(t *testing.T, rt *Runtime) (any, error) { return none(tcp(t, rt).Settimeout(f64(-1))) }},
		{"settimeout nan", "s = socket.socket(); r = s.settimeout(float('nan'))", func(t *testing.T, rt *Runtime) (any, error) {
			return none(tcp(t, rt).Settimeout(f64(math.NaN())))
		}},
		{"settimeout inf", "s = socket.socket(); r = s.settimeout(float('inf'))", func(t *testing.T, rt *Runtime) (any, error) {
			return none(tcp(t, rt).Settimeout(f64(math.Inf(1))))
		}},
		{"settimeout 1e300", "s = socket.socket(); r = s.settimeout(1e300)", func(t *testing.T, rt *Runtime) (any, error) {
			return none(tcp(t, rt).Settimeout(f64(1e300)))
		}},
		{"timeouts", "s = socket.socket(); a = s.gettimeout(); s.settimeout(2.5); b = s.gettimeout(); c = s.getblocking(); s.setblocking(False); r = (a, b, c, s.gettimeout(), s.getblocking())", func(t *testing.T, rt *Runtime) (any, error) {
			s := tcp(t, rt)
			a := s.Gettimeout()
			check(t, s.Settimeout(f64(2.5)))
			b, c := s.Gettimeout(), s.Getblocking()
			check(t, s.Setblocking(false))
			d := s.Gettimeout()
			return Tuple{ptr(a), ptr(b), c, ptr(d), s.Getblocking()}, nil
		}},
		{"nonblock type", "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK); r = (int(s.type), s.gettimeout(), s.getblocking())", func(t *testing.T, rt *Runtime) (any, error) {
			s := must[*Socket](t)(rt.Socket(afInet, sockStream|0x800, 0))
			return Tuple{s.Type(), ptr(s.Gettimeout()), s.Getblocking()}, nil
		}},
		{"listen then repr", "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(); r = s", func(t *testing.T, rt *Runtime) (any, error) {
			l, _ := listener(t, rt)
			return l, nil
		}},
		{"accept non-blocking", "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(); s.setblocking(False); r = s.accept()", func(t *testing.T, rt *Runtime) (any, error) {
			l, _ := listener(t, rt)
			check(t, l.Setblocking(false))
			_, _, err := l.Accept()
			return nil, err
		}},
		{"accept not listening", "s = socket.socket(); r = s.accept()", func(t *testing.T, rt *Runtime) (any, error) {
			_, _, err := tcp(t, rt).Accept()
			return nil, err
		}},
		{"accept unix not listening", "s = socket.socket(socket.AF_UNIX); r = s.accept()", func(t *testing.T, rt *Runtime) (any, error) {
			_, _, err := sock(t, rt, afUnix, sockStream).Accept()
			return nil, err
		}},
		{"accept udp", "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); r = s.accept()", func(t *testing.T, rt *Runtime) (any, error) {
			_, _, err := sock(t, rt, afInet, sockDgram).Accept()
			return nil, err
		}},
		{"unix accept", "import os, tempfile\nd = tempfile.mkdtemp(); p = os.path.join(d, 's')\nl = socket.socket(socket.AF_UNIX); l.bind(p); l.listen()\nc = socket.socket(socket.AF_UNIX); c.connect(p)\ns, a = l.accept(); r = (a, c.getpeername() == p, s.getsockname() == p, repr(s).replace(p, 'PATH'))\nos.unlink(p); os.rmdir(d)", func(t *testing.T, rt *Runtime) (any, error) {
			p := t.TempDir() + "/s"
			l := sock(t, rt, afUnix, sockStream)
			check(t, l.Bind(p))
			check(t, l.Listen())
			c := sock(t, rt, afUnix, sockStream)
			check(t, c.Connect(p))
			s, a, err := l.Accept()
			check(t, err)
			cp := must[any](t)(c.Getpeername())
			sn := must[any](t)(s.Getsockname())
			// The repr holds the temporary path: compare it with the path cut out.
			return Tuple{a, cp == p, sn == p, strings.ReplaceAll(s.Repr(), p, "PATH")}, nil
		}},
		{"accept timeout", "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(); s.settimeout(0.05); r = s.accept()", func(t *testing.T, rt *Runtime) (any, error) {
			l, _ := listener(t, rt)
			check(t, l.Settimeout(f64(0.05)))
			_, _, err := l.Accept()
			return nil, err
		}},
		{"recv timeout", "a, b = socket.socketpair(); a.settimeout(0.05); r = a.recv(10)", func(t *testing.T, rt *Runtime) (any, error) {
			a, _, err := rt.Socketpair(-1, -1, -1)
			check(t, err)
			check(t, a.Settimeout(f64(0.05)))
			return a.Recv(10, 0)
		}},
		{"recv non-blocking", "a, b = socket.socketpair(); a.setblocking(False); r = a.recv(10)", func(t *testing.T, rt *Runtime) (any, error) {
			a, _, err := rt.Socketpair(-1, -1, -1)
			check(t, err)
			check(t, a.Setblocking(false))
			return a.Recv(10, 0)
		}},
		{"recv eof", "a, b = socket.socketpair(); b.close(); r = a.recv(10)", func(t *testing.T, rt *Runtime) (any, error) {
			a, b, err := rt.Socketpair(-1, -1, -1)
			check(t, err)
			check(t, b.Close())
			return a.Recv(10, 0)
		}},
		{"recv partial", "a, b = socket.socketpair(); a.sendall(b'hello world'); r = (b.recv(5), b.recv(100))", func(t *testing.T, rt *Runtime) (any, error) {
			a, b, err := rt.Socketpair(-1, -1, -1)
			check(t, err)
			check(t, a.Sendall([]byte("hello world"), 0))
			x := must[[]byte](t)(b.Recv(5, 0))
			y, err := b.Recv(100, 0)
			return Tuple{x, y}, err
		}},
		{"recv peek", "a, b = socket.socketpair(); a.sendall(b'abc'); r = (b.recv(10, socket.MSG_PEEK), b.recv(10))", func(t *testing.T, rt *Runtime) (any, error) {
			a, b, err := rt.Socketpair(-1, -1, -1)
			check(t, err)
			check(t, a.Sendall([]byte("abc"), 0))
			x := must[[]byte](t)(b.Recv(10, 2))
			y, err := b.Recv(10, 0)
			return Tuple{x, y}, err
		}},
		{"recv dontwait in blocking mode", "a, b = socket.socketpair(); r = a.recv(10, socket.MSG_DONTWAIT)", func(t *testing.T, rt *Runtime) (any, error) {
			a, _, err := rt.Socketpair(-1, -1, -1)
			check(t, err)
			return a.Recv(10, 0x40)
		}},
		{"recv waitall", "a, b = socket.socketpair(); a.sendall(b'abcdef'); r = b.recv(6, socket.MSG_WAITALL)", func(t *testing.T, rt *Runtime) (any, error) {
			a, b, err := rt.Socketpair(-1, -1, -1)
			check(t, err)
			check(t, a.Sendall([]byte("abcdef"), 0))
			return b.Recv(6, 0x100)
		}},
		{"recv waitall eof", "a, b = socket.socketpair(); a.sendall(b'abc'); a.shutdown(socket.SHUT_WR); r = b.recv(10, socket.MSG_WAITALL)", func(t *testing.T, rt *Runtime) (any, error) {
			a, b, err := rt.Socketpair(-1, -1, -1)
			check(t, err)
			check(t, a.Sendall([]byte("abc"), 0))
			check(t, a.Shutdown(1))
			return b.Recv(10, 0x100)
		}},
		{"recv waitall timeout partial", "a, b = socket.socketpair(); a.sendall(b'abc'); b.settimeout(0.05); r = b.recv(10, socket.MSG_WAITALL)", func(t *testing.T, rt *Runtime) (any, error) {
			a, b, err := rt.Socketpair(-1, -1, -1)
			check(t, err)
			check(t, a.Sendall([]byte("abc"), 0))
			check(t, b.Settimeout(f64(0.05)))
			return b.Recv(10, 0x100)
		}},
		{"send after shutdown", "a, b = socket.socketpair(); a.shutdown(socket.SHUT_WR); r = a.send(b'x')", func(t *testing.T, rt *Runtime) (any, error) {
			a, _, err := rt.Socketpair(-1, -1, -1)
			check(t, err)
			check(t, a.Shutdown(1))
			return a.Send([]byte("x"), 0)
		}},
		{"send to closed peer", "a, b = socket.socketpair(); b.close(); r = a.send(b'x')", func(t *testing.T, rt *Runtime) (any, error) {
			a, b, err := rt.Socketpair(-1, -1, -1)
			check(t, err)
			check(t, b.Close())
			return a.Send([]byte("x"), 0)
		}},
		{"shutdown bad how", "s = socket.socket(); r = s.shutdown(5)", func(t *testing.T, rt *Runtime) (any, error) { return none(tcp(t, rt).Shutdown(5)) }},
		{"shutdown not connected", "s = socket.socket(); r = s.shutdown(socket.SHUT_RDWR)", func(t *testing.T, rt *Runtime) (any, error) { return none(tcp(t, rt).Shutdown(2)) }},
		{"closed repr", pyClosed + "r = s", func(t *testing.T, rt *Runtime) (any, error) { return closed(t, rt), nil }},
		{"closed recv", pyClosed + "r = s.recv(1)", func(t *testing.T, rt *Runtime) (any, error) { return closed(t, rt).Recv(1, 0) }},
		{"closed recv timeout mode", "s = socket.socket(); s.settimeout(1); s.close(); r = s.recv(1)", func(t *testing.T, rt *Runtime) (any, error) {
			s := tcp(t, rt)
			check(t, s.Settimeout(f64(1)))
			check(t, s.Close())
			return s.Recv(1, 0)
		}},
		{"closed send", pyClosed + "r = s.send(b'x')", func(t *testing.T, rt *Runtime) (any, error) { return closed(t, rt).Send([]byte("x"), 0) }},
		{"closed sendall", pyClosed + "r = s.sendall(b'x')", func(t *testing.T, rt *Runtime) (any, error) { return none(closed(t, rt).Sendall([]byte("x"), 0)) }},
		{"closed bind", pyClosed + "r = s.bind(('', 0))", func(t *testing.T, rt *Runtime) (any, error) { return none(closed(t, rt).Bind(Tuple{"", 0})) }},
		{"closed bind bad addr", pyClosed + "r = s.bind('x')", func(t *testing.T, rt *Runtime) (any, error) { return none(closed(t, rt).Bind("x")) }},
		{"closed listen", pyClosed + "r = s.listen()", func(t *testing.T, rt *Runtime) (any, error) { return none(closed(t, rt).Listen()) }},
		{"closed accept", pyClosed + "r = s.accept()", func(t *testing.T, rt *Runtime) (any, error) {
			_, _, err := closed(t, rt).Accept()
			return nil, err
		}},
		{"closed connect", pyClosed + "r = s.connect(('127.0.0.1', 1))", func(t *testing.T, rt *Runtime) (any, error) {
			return none(closed(t, rt).Connect(Tuple{"127.0.0.1", 1}))
		}},
		{"closed connect_ex", pyClosed + "r = s.connect_ex(('127.0.0.1', 1))", func(t *testing.T, rt *Runtime) (any, error) {
			return closed(t, rt).ConnectEx(Tuple{"127.0.0.1", 1})
		}},
		{"closed fileno", pyClosed + "r = s.fileno()", func(t *testing.T, rt *Runtime) (any, error) { return closed(t, rt).Fileno(), nil }},
		{"closed close", pyClosed + "r = s.close()", func(t *testing.T, rt *Runtime) (any, error) { return none(closed(t, rt).Close()) }},
		{"closed getsockname", pyClosed + "r = s.getsockname()", func(t *testing.T, rt *Runtime) (any, error) { return closed(t, rt).Getsockname() }},
		{"closed getpeername", pyClosed + "r = s.getpeername()", func(t *testing.T, rt *Runtime) (any, error) { return closed(t, rt).Getpeername() }},
		{"closed settimeout", pyClosed + "r = s.settimeout(1)", func(t *testing.T, rt *Runtime) (any, error) { return none(closed(t, rt).Settimeout(f64(1))) }},
		{"closed setblocking", pyClosed + "r = s.setblocking(True)", func(t *testing.T, rt *Runtime) (any, error) { return none(closed(t, rt).Setblocking(true)) }},
		{"closed gettimeout", pyClosed + "r = (s.gettimeout(), s.getblocking())", func(t *testing.T, rt *Runtime) (any, error) {
			s := closed(t, rt)
			return Tuple{ptr(s.Gettimeout()), s.Getblocking()}, nil
		}},
		{"closed shutdown", pyClosed + "r = s.shutdown(2)", func(t *testing.T, rt *Runtime) (any, error) { return none(closed(t, rt).Shutdown(2)) }},
		{"closed getsockopt", pyClosed + "r = s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE)", func(t *testing.T, rt *Runtime) (any, error) {
			return closed(t, rt).Getsockopt(1, 3, 0)
		}},
		{"closed setsockopt", pyClosed + "r = s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)", func(t *testing.T, rt *Runtime) (any, error) {
			return none(closed(t, rt).Setsockopt(1, 2, 1))
		}},
		{"closed family", pyClosed + "r = (int(s.family), int(s.type), s.proto)", func(t *testing.T, rt *Runtime) (any, error) {
			s := closed(t, rt)
			return Tuple{s.Family(), s.Type(), s.Proto()}, nil
		}},
		{"setsockopt str", "s = socket.socket(); r = s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 'x')", func(t *testing.T, rt *Runtime) (any, error) {
			return none(tcp(t, rt).Setsockopt(1, 2, "x"))
		}},
		{"setsockopt float", "s = socket.socket(); r = s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1.5)", func(t *testing.T, rt *Runtime) (any, error) {
			return none(tcp(t, rt).Setsockopt(1, 2, 1.5))
		}},
		{"setsockopt unknown", "s = socket.socket(); r = s.setsockopt(socket.SOL_SOCKET, 9999, 1)", func(t *testing.T, rt *Runtime) (any, error) {
			return none(tcp(t, rt).Setsockopt(1, 9999, 1))
		}},
		{"reuseaddr", "s = socket.socket(); a = s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); r = (a, s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR))", func(t *testing.T, rt *Runtime) (any, error) {
			s := tcp(t, rt)
			a := must[any](t)(s.Getsockopt(1, 2, 0))
			check(t, s.Setsockopt(1, 2, 1))
			b, err := s.Getsockopt(1, 2, 0)
			return Tuple{a, b}, err
		}},
		{"getsockopt bytes", "s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, b'\\x01\\x00\\x00\\x00'); r = (s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 4), s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE, 2))", func(t *testing.T, rt *Runtime) (any, error) {
			s := tcp(t, rt)
			check(t, s.Setsockopt(1, 2, []byte{1, 0, 0, 0}))
			a := must[any](t)(s.Getsockopt(1, 2, 4))
			b, err := s.Getsockopt(1, 3, 2)
			return Tuple{a, b}, err
		}},
		{"getsockopt buflen big", "s = socket.socket(); r = s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE, 2000)", func(t *testing.T, rt *Runtime) (any, error) {
			return tcp(t, rt).Getsockopt(1, 3, 2000)
		}},
		{"getsockopt buflen neg", "s = socket.socket(); r = s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE, -1)", func(t *testing.T, rt *Runtime) (any, error) {
			return tcp(t, rt).Getsockopt(1, 3, -1)
		}},
		{"socket bad family", "r = socket.socket(12345)", func(t *testing.T, rt *Runtime) (any, error) { return rt.Socket(12345, -1, -1) }},
		{"socket bad type", "r = socket.socket(socket.AF_INET, 77)", func(t *testing.T, rt *Runtime) (any, error) { return rt.Socket(afInet, 77, -1) }},
		{"socket bad proto", "r = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 17)", func(t *testing.T, rt *Runtime) (any, error) { return rt.Socket(afInet, sockStream, 17) }},
		{"socket dgram repr", "r = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)", func(t *testing.T, rt *Runtime) (any, error) { return rt.Socket(afInet, sockDgram, -1) }},
		{"socket unix repr", "r = socket.socket(socket.AF_UNIX)", func(t *testing.T, rt *Runtime) (any, error) { return rt.Socket(afUnix, -1, -1) }},
		{"socket v6 repr", "r = socket.socket(socket.AF_INET6)", func(t *testing.T, rt *Runtime) (any, error) { return rt.Socket(afInet6, -1, -1) }},
		{"socket fresh repr", "r = socket.socket()", func(t *testing.T, rt *Runtime) (any, error) { return rt.Socket(-1, -1, -1) }},
		{"socketpair repr", "r = socket.socketpair()", func(t *testing.T, rt *Runtime) (any, error) {
			a, b, err := rt.Socketpair(-1, -1, -1)
			return Tuple{a, b}, err
		}},
		{"connected repr", "l = socket.socket(); l.bind(('127.0.0.1', 0)); l.listen(); c = socket.socket(); c.connect(l.getsockname()); s, a = l.accept(); r = (c, s, a)", func(t *testing.T, rt *Runtime) (any, error) {
			l, addr := listener(t, rt)
			c := tcp(t, rt)
			check(t, c.Connect(addr))
			s, a, err := l.Accept()
			return Tuple{c, s, a}, err
		}},
		{"v6 connected", "l = socket.socket(socket.AF_INET6); l.bind(('::1', 0)); l.listen(); c = socket.socket(socket.AF_INET6); c.connect(('::1', l.getsockname()[1])); s, a = l.accept(); r = (s, a)", func(t *testing.T, rt *Runtime) (any, error) {
			l := sock(t, rt, afInet6, sockStream)
			check(t, l.Bind(Tuple{"::1", 0}))
			check(t, l.Listen())
			c := sock(t, rt, afInet6, sockStream)
			check(t, c.Connect(Tuple{"::1", must[any](t)(l.Getsockname()).(Tuple)[1]}))
			s, a, err := l.Accept()
			return Tuple{s, a}, err
		}},
		{"raw icmp", "r = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)", func(t *testing.T, rt *Runtime) (any, error) {
			return rt.Socket(afInet, sockRaw, 1)
		}},
		{"udp roundtrip", "a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); a.bind(('127.0.0.1', 0)); b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); n = b.sendto(b'ping', a.getsockname()); d, src = a.recvfrom(1024); r = (n, d, src == b.getsockname(), b.getsockname()[0])", func(t *testing.T, rt *Runtime) (any, error) {
			a := sock(t, rt, afInet, sockDgram)
			check(t, a.Bind(Tuple{"127.0.0.1", 0}))
			b := sock(t, rt, afInet, sockDgram)
			n := must[int](t)(b.Sendto([]byte("ping"), 0, must[any](t)(a.Getsockname())))
			d, src, err := a.Recvfrom(1024, 0)
			check(t, err)
			bn := must[any](t)(b.Getsockname())
			return Tuple{n, d, Repr(src) == Repr(bn), bn.(Tuple)[0]}, nil
		}},
		{"udp truncate", "a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); a.bind(('127.0.0.1', 0)); b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); b.sendto(b'0123456789', a.getsockname()); b.sendto(b'xy', a.getsockname()); r = (a.recv(4), a.recv(2**20))  # CPython would try to allocate 10**12 bytes; sockets must not", func(t *testing.T, rt *Runtime) (any, error) {
			a := sock(t, rt, afInet, sockDgram)
			check(t, a.Bind(Tuple{"127.0.0.1", 0}))
			b := sock(t, rt, afInet, sockDgram)
			to := must[any](t)(a.Getsockname())
			must[int](t)(b.Sendto([]byte("0123456789"), 0, to))
			must[int](t)(b.Sendto([]byte("xy"), 0, to))
			x := must[[]byte](t)(a.Recv(4, 0))
			y, err := a.Recv(1_000_000_000_000, 0)
			return Tuple{x, y}, err
		}},
		{"udp empty datagram", "a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); a.bind(('127.0.0.1', 0)); b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); b.sendto(b'', a.getsockname()); r = a.recv(2**20)", func(t *testing.T, rt *Runtime) (any, error) {
			a := sock(t, rt, afInet, sockDgram)
			check(t, a.Bind(Tuple{"127.0.0.1", 0}))
			b := sock(t, rt, afInet, sockDgram)
			must[int](t)(b.Sendto(nil, 0, must[any](t)(a.Getsockname())))
			return a.Recv(1_000_000_000_000, 0)
		}},
		{"udp send unconnected", "b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); r = b.send(b'x')", func(t *testing.T, rt *Runtime) (any, error) {
			return sock(t, rt, afInet, sockDgram).Send([]byte("x"), 0)
		}},
		{"udp refused", pyRefusedPort + "b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); _u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); _u.bind(('127.0.0.1', 0)); p = _u.getsockname(); _u.close(); b.connect(p); b.send(b'x'); r = b.recv(10)", func(t *testing.T, rt *Runtime) (any, error) {
			u := sock(t, rt, afInet, sockDgram)
			check(t, u.Bind(Tuple{"127.0.0.1", 0}))
			p := must[any](t)(u.Getsockname())
			check(t, u.Close())
			b := sock(t, rt, afInet, sockDgram)
			check(t, b.Connect(p))
			must[int](t)(b.Send([]byte("x"), 0))
			return b.Recv(10, 0)
		}},
		{"unix dgram path sender", "import os, tempfile\nd = tempfile.mkdtemp(); pa = os.path.join(d, 'a'); pb = os.path.join(d, 'b')\na = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); a.bind(pa); b = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); b.bind(pb); b.sendto(b'hi', pa); data, src = a.recvfrom(100); r = (data, src == pb); os.unlink(pa); os.unlink(pb); os.rmdir(d)", func(t *testing.T, rt *Runtime) (any, error) {
			d := t.TempDir()
			a := sock(t, rt, afUnix, sockDgram)
			check(t, a.Bind(d+"/a"))
			b := sock(t, rt, afUnix, sockDgram)
			check(t, b.Bind(d+"/b"))
			must[int](t)(b.Sendto([]byte("hi"), 0, d+"/a"))
			data, src, err := a.Recvfrom(100, 0)
			return Tuple{data, src == d+"/b"}, err
		}},
		{"unix dgram unnamed sender", "import os, tempfile\nd = tempfile.mkdtemp(); pa = os.path.join(d, 'a')\na = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); a.bind(pa); b = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); b.sendto(b'hi', pa); r = a.recvfrom(100); os.unlink(pa); os.rmdir(d)", func(t *testing.T, rt *Runtime) (any, error) {
			d := t.TempDir()
			a := sock(t, rt, afUnix, sockDgram)
			check(t, a.Bind(d+"/a"))
			b := sock(t, rt, afUnix, sockDgram)
			must[int](t)(b.Sendto([]byte("hi"), 0, d+"/a"))
			data, src, err := a.Recvfrom(100, 0)
			return Tuple{data, src}, err
		}},
		{"unix connect missing", "s = socket.socket(socket.AF_UNIX); r = s.connect('/nonexistent-sockrepl')", func(t *testing.T, rt *Runtime) (any, error) {
			return none(sock(t, rt, afUnix, sockStream).Connect("/nonexistent-sockrepl"))
		}},
		{"unix connect refused", "import os, tempfile\nd = tempfile.mkdtemp(); p = os.path.join(d, 's')\nx = socket.socket(socket.AF_UNIX); x.bind(p)\ns = socket.socket(socket.AF_UNIX)\ntry:\n  s.connect(p)\nfinally:\n  os.unlink(p); os.rmdir(d)", func(t *testing.T, rt *Runtime) (any, error) {
			p := t.TempDir() + "/s"
			check(t, sock(t, rt, afUnix, sockStream).Bind(p))
			return none(sock(t, rt, afUnix, sockStream).Connect(p))
		}},
	}
	comparePython(t, cases)
}

// ptr turns *float64 into the Python value: None or a float.
func ptr(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestModuleFunctionsMatchCPython(t *testing.T) {
	leakcheck.Check(t)
	gai := func(name, args string, host, port any, fam, typ, proto, flags int) pyCase {
		return pyCase{name, "r = socket.getaddrinfo(" + args + ")\nr = [(int(f), int(t), p, c, a) for f, t, p, c, a in r]", func(t *testing.T, rt *Runtime) (any, error) {
			v, err := Getaddrinfo(host, port, fam, typ, proto, flags)
			out := []any{}
			for _, x := range v {
				out = append(out, x)
			}
			return out, err
		}}
	}
	val := func(name, py string, f func() (any, error)) pyCase {
		return pyCase{name, "r = " + py, func(*testing.T, *Runtime) (any, error) { return f() }}
	}
	bs := func(f func() ([]byte, error)) func() (any, error) {
		return func() (any, error) { v, err := f(); return v, err }
	}
	str := func(f func() (string, error)) func() (any, error) {
		return func() (any, error) { v, err := f(); return v, err }
	}
	num := func(f func() (int, error)) func() (any, error) {
		return func() (any, error) { v, err := f(); return v, err }
	}
	cases := []pyCase{
		gai("gai localhost", "'localhost', 80", "localhost", 80, 0, 0, 0, 0),
		gai("gai service", "'localhost', 'http'", "localhost", "http", 0, 0, 0, 0),
		gai("gai service both", "'localhost', 'domain'", "localhost", "domain", 0, 0, 0, 0),
		gai("gai None host", "None, 80", nil, 80, 0, 0, 0, 0),
		gai("gai passive", "None, 80, flags=socket.AI_PASSIVE", nil, 80, 0, 0, 0, 1),
		gai("gai v6 literal", "'::1', 80", "::1", 80, 0, 0, 0, 0),
		gai("gai v4 as v6", "'127.0.0.1', None, socket.AF_INET6", "127.0.0.1", nil, afInet6, 0, 0, 0),
		gai("gai empty host", "'', 0", "", 0, 0, 0, 0, 0),
		gai("gai nothing", "None, None", nil, nil, 0, 0, 0, 0),
		gai("gai stream", "'localhost', 80, 0, socket.SOCK_STREAM", "localhost", 80, 0, sockStream, 0, 0),
		gai("gai unknown", "'x.invalid', 80", "x.invalid", 80, 0, 0, 0, 0),
		gai("gai bad service", "'localhost', 'nosuchsvc'", "localhost", "nosuchsvc", 0, 0, 0, 0),
		gai("gai localhost v6", "'localhost', 80, socket.AF_INET6", "localhost", 80, afInet6, 0, 0, 0),
		gai("gai hostname", "socket.gethostname(), 0, 0, socket.SOCK_DGRAM", must[string](t)(Gethostname()), 0, 0, sockDgram, 0, 0),
		gai("gai bad family", "'localhost', 80, 99", "localhost", 80, 99, 0, 0, 0),
		gai("gai bad type", "'localhost', 80, 0, 99", "localhost", 80, 0, 99, 0, 0),
		gai("gai canonname", "'localhost', '80', flags=socket.AI_CANONNAME", "localhost", "80", 0, 0, 0, 2),
		gai("gai aton", "'127.1', 80, 0, socket.SOCK_STREAM", "127.1", 80, 0, sockStream, 0, 0),
		gai("gai numerichost", "'localhost', 80, flags=socket.AI_NUMERICHOST", "localhost", 80, 0, 0, 0, 4),
		gai("gai big port", "'localhost', 70000, 0, socket.SOCK_STREAM", "localhost", 70000, 0, sockStream, 0, 0),
		gai("gai zone", "'fe80::1%lo', 80, 0, socket.SOCK_STREAM", "fe80::1%lo", 80, 0, sockStream, 0, 0),
		gai("gai udp proto", "'localhost', 53, 0, 0, socket.IPPROTO_UDP", "localhost", 53, 0, 0, 17, 0),
		gai("gai bytes", "b'localhost', b'80', 0, socket.SOCK_STREAM", []byte("localhost"), []byte("80"), 0, sockStream, 0, 0),
		gai("gai host int", "5, 1", 5, 1, 0, 0, 0, 0),
		gai("gai port float", "'localhost', 1.5", "localhost", 1.5, 0, 0, 0, 0),
		val("gethostbyname localhost", "socket.gethostbyname('localhost')", str(func() (string, error) { return Gethostbyname("localhost") })),
		val("gethostbyname unknown", "socket.gethostbyname('nosuch.invalid')", str(func() (string, error) { return Gethostbyname("nosuch.invalid") })),
		val("gethostbyname empty", "socket.gethostbyname('')", str(func() (string, error) { return Gethostbyname("") })),
		val("gethostbyname broadcast", "socket.gethostbyname('<broadcast>')", str(func() (string, error) { return Gethostbyname("<broadcast>") })),
		val("gethostbyname v6", "socket.gethostbyname('::1')", str(func() (string, error) { return Gethostbyname("::1") })),
		val("gethostbyname numeric", "socket.gethostbyname('10.1')", str(func() (string, error) { return Gethostbyname("10.1") })),
		val("gethostname", "socket.gethostname()", str(Gethostname)),
		val("htons big", "socket.htons(70000)", num(func() (int, error) { return Htons(70000) })),
		val("htons neg", "socket.htons(-1)", num(func() (int, error) { return Htons(-1) })),
		val("htons", "socket.htons(0x1234)", num(func() (int, error) { return Htons(0x1234) })),
		val("ntohs big", "socket.ntohs(70000)", num(func() (int, error) { return Ntohs(70000) })),
		val("ntohs", "socket.ntohs(65432)", num(func() (int, error) { return Ntohs(65432) })),
		val("htonl big", "socket.htonl(1 << 32)", num(func() (int, error) { return Htonl(1 << 32) })),
		val("htonl neg", "socket.htonl(-1)", num(func() (int, error) { return Htonl(-1) })),
		val("htonl", "socket.htonl(1)", num(func() (int, error) { return Htonl(1) })),
		val("ntohl", "socket.ntohl(0x01020304)", num(func() (int, error) { return Ntohl(0x01020304) })),
		val("ntohl big", "socket.ntohl(1 << 32)", num(func() (int, error) { return Ntohl(1 << 32) })),
		val("ntohl neg", "socket.ntohl(-5)", num(func() (int, error) { return Ntohl(-5) })),
		val("aton bad", "socket.inet_aton('1.2.3.256')", bs(func() ([]byte, error) { return InetAton("1.2.3.256") })),
		val("aton short", "socket.inet_aton('127.1')", bs(func() ([]byte, error) { return InetAton("127.1") })),
		val("aton hex", "socket.inet_aton('0x7f.0.0.010')", bs(func() ([]byte, error) { return InetAton("0x7f.0.0.010") })),
		val("aton one", "socket.inet_aton('16909060')", bs(func() ([]byte, error) { return InetAton("16909060") })),
		val("aton empty", "socket.inet_aton('')", bs(func() ([]byte, error) { return InetAton("") })),
		val("aton trailing", "socket.inet_aton('1.2.3.4 junk')", bs(func() ([]byte, error) { return InetAton("1.2.3.4 junk") })),
		val("aton dot", "socket.inet_aton('1.2.3.')", bs(func() ([]byte, error) { return InetAton("1.2.3.") })),
		val("ntoa", "socket.inet_ntoa(b'\\x7f\\x00\\x00\\x01')", str(func() (string, error) { return InetNtoa([]byte{127, 0, 0, 1}) })),
		val("ntoa bad", "socket.inet_ntoa(b'abc')", str(func() (string, error) { return InetNtoa([]byte("abc")) })),
		val("pton bad", "socket.inet_pton(socket.AF_INET, '1.2.3')", bs(func() ([]byte, error) { return InetPton(afInet, "1.2.3") })),
		val("pton lead zero", "socket.inet_pton(socket.AF_INET, '01.2.3.4')", bs(func() ([]byte, error) { return InetPton(afInet, "01.2.3.4") })),
		val("pton4", "socket.inet_pton(socket.AF_INET, '192.0.2.1')", bs(func() ([]byte, error) { return InetPton(afInet, "192.0.2.1") })),
		val("pton6", "socket.inet_pton(socket.AF_INET6, '::1')", bs(func() ([]byte, error) { return InetPton(afInet6, "::1") })),
		val("pton6 mapped", "socket.inet_pton(socket.AF_INET6, '::ffff:1.2.3.4')", bs(func() ([]byte, error) { return InetPton(afInet6, "::ffff:1.2.3.4") })),
		val("pton6 zone", "socket.inet_pton(socket.AF_INET6, 'fe80::1%lo')", bs(func() ([]byte, error) { return InetPton(afInet6, "fe80::1%lo") })),
		val("pton6 v4", "socket.inet_pton(socket.AF_INET6, '1.2.3.4')", bs(func() ([]byte, error) { return InetPton(afInet6, "1.2.3.4") })),
		val("pton family", "socket.inet_pton(99, '::1')", bs(func() ([]byte, error) { return InetPton(99, "::1") })),
		val("ntop6 short", "socket.inet_ntop(socket.AF_INET6, b'abc')", str(func() (string, error) { return InetNtop(afInet6, []byte("abc")) })),
		val("ntop4 short", "socket.inet_ntop(socket.AF_INET, b'abc')", str(func() (string, error) { return InetNtop(afInet, []byte("abc")) })),
		val("ntop family", "socket.inet_ntop(99, b'abcd')", str(func() (string, error) { return InetNtop(99, []byte("abcd")) })),
		val("ntop6 zero", "socket.inet_ntop(socket.AF_INET6, bytes(16))", str(func() (string, error) { return InetNtop(afInet6, make([]byte, 16)) })),
		val("ntop6 mapped", "socket.inet_ntop(socket.AF_INET6, bytes(10) + b'\\xff\\xff\\x7f\\x00\\x00\\x01')", str(func() (string, error) {
			return InetNtop(afInet6, append(make([]byte, 10), 0xff, 0xff, 127, 0, 0, 1))
		})),
		val("ntop6 compat", "socket.inet_ntop(socket.AF_INET6, bytes(12) + b'\\x01\\x02\\x03\\x04')", str(func() (string, error) {
			return InetNtop(afInet6, append(make([]byte, 12), 1, 2, 3, 4))
		})),
		val("ntop6 one zero", "socket.inet_ntop(socket.AF_INET6, b'\\x20\\x01\\x0d\\xb8\\x00\\x00' + bytes([0, 1] * 5))", str(func() (string, error) {
			return InetNtop(afInet6, []byte{0x20, 1, 0xd, 0xb8, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1})
		})),
		val("ntop6 loopback", "socket.inet_ntop(socket.AF_INET6, bytes(15) + b'\\x01')", str(func() (string, error) {
			return InetNtop(afInet6, append(make([]byte, 15), 1))
		})),
		{"select negative", "r = select.select([], [], [], -1)", func(t *testing.T, rt *Runtime) (any, error) {
			_, _, _, err := rt.Select(nil, nil, nil, f64(-1))
			return nil, err
		}},
		{"select nan", "r = select.select([], [], [], float('nan'))", func(t *testing.T, rt *Runtime) (any, error) {
			_, _, _, err := rt.Select(nil, nil, nil, f64(math.NaN()))
			return nil, err
		}},
		{"select negative fd", "r = select.select([-1], [], [], 0)", func(t *testing.T, rt *Runtime) (any, error) {
			_, _, _, err := rt.Select([]int{-1}, nil, nil, f64(0))
			return nil, err
		}},
		{"select closed fd", "s = socket.socket(); fd = s.fileno(); s.close(); r = select.select([fd], [], [], 0)", func(t *testing.T, rt *Runtime) (any, error) {
			s := tcp(t, rt)
			fd := s.Fileno()
			check(t, s.Close())
			_, _, _, err := rt.Select([]int{fd}, nil, nil, f64(0))
			return nil, err
		}},
		{"select ready", "a, b = socket.socketpair(); a.send(b'x'); r = [[x is b for x in l] for l in select.select([a, b], [a], [], 1)]", func(t *testing.T, rt *Runtime) (any, error) {
			a, b, err := rt.Socketpair(-1, -1, -1)
			check(t, err)
			must[int](t)(a.Send([]byte("x"), 0))
			rr, wr, xr, err := rt.Select([]int{a.Fileno(), b.Fileno()}, []int{a.Fileno()}, nil, f64(1))
			conv := func(l []int) []any {
				out := []any{}
				for _, fd := range l {
					out = append(out, fd == b.Fileno())
				}
				return out
			}
			return []any{conv(rr), conv(wr), conv(xr)}, err
		}},
		{"select timeout", "a, b = socket.socketpair(); r = select.select([a], [], [a], 0.05)", func(t *testing.T, rt *Runtime) (any, error) {
			a, _, err := rt.Socketpair(-1, -1, -1)
			check(t, err)
			rr, wr, xr, err := rt.Select([]int{a.Fileno()}, nil, []int{a.Fileno()}, f64(0.05))
			return Tuple{rr, wr, xr}, err
		}},
		{"select hangup", "a, b = socket.socketpair(); b.close(); r = [len(l) for l in select.select([a], [], [], 0)]", func(t *testing.T, rt *Runtime) (any, error) {
			a, b, err := rt.Socketpair(-1, -1, -1)
			check(t, err)
			check(t, b.Close())
			rr, wr, xr, err := rt.Select([]int{a.Fileno()}, nil, nil, f64(0))
			return []any{len(rr), len(wr), len(xr)}, err
		}},
		{"sleep negative", "r = time.sleep(-1)", func(t *testing.T, rt *Runtime) (any, error) { return none(rt.Sleep(-1)) }},
		{"sleep nan", "r = time.sleep(float('nan'))", func(t *testing.T, rt *Runtime) (any, error) { return none(rt.Sleep(math.NaN())) }},
		{"sleep huge", "r = time.sleep(1e10)", func(t *testing.T, rt *Runtime) (any, error) { return none(rt.Sleep(1e10)) }},
		{"select huge", "r = select.select([], [], [], 1e10)", func(t *testing.T, rt *Runtime) (any, error) {
			_, _, _, err := rt.Select(nil, nil, nil, f64(1e10))
			return nil, err
		}},
		{"settimeout huge", "s = socket.socket(); r = s.settimeout(1e10)", func(t *testing.T, rt *Runtime) (any, error) { return none(tcp(t, rt).Settimeout(f64(1e10))) }},
		{"sleep short", "r = time.sleep(0.01)", func(t *testing.T, rt *Runtime) (any, error) { return none(rt.Sleep(0.01)) }},
		{"create_connection refused", pyRefusedPort + "r = socket.create_connection(('127.0.0.1', port))", func(t *testing.T, rt *Runtime) (any, error) {
			return rt.CreateConnection(Tuple{"127.0.0.1", refusedPort(t, rt)}, nil, nil)
		}},
		{"create_connection str", "r = socket.create_connection('x')", func(t *testing.T, rt *Runtime) (any, error) { return rt.CreateConnection("x", nil, nil) }},
		{"create_connection int", "r = socket.create_connection(5)", func(t *testing.T, rt *Runtime) (any, error) { return rt.CreateConnection(5, nil, nil) }},
		{"create_connection 3", "r = socket.create_connection(('a', 1, 2))", func(t *testing.T, rt *Runtime) (any, error) {
			return rt.CreateConnection(Tuple{"a", 1, 2}, nil, nil)
		}},
		{"create_connection unknown", "r = socket.create_connection(('x.invalid', 80))", func(t *testing.T, rt *Runtime) (any, error) {
			return rt.CreateConnection(Tuple{"x.invalid", 80}, nil, nil)
		}},
		{"create_connection ok", "l = socket.socket(); l.bind(('127.0.0.1', 0)); l.listen(); c = socket.create_connection(('localhost', l.getsockname()[1]), 5, ('127.0.0.1', 0)); r = (c, c.gettimeout())", func(t *testing.T, rt *Runtime) (any, error) {
			_, addr := listener(t, rt)
			c, err := rt.CreateConnection(Tuple{"localhost", addr[1]}, f64(5), Tuple{"127.0.0.1", 0})
			check(t, err)
			return Tuple{c, ptr(c.Gettimeout())}, nil
		}},
	}
	comparePython(t, cases)
}
