//go:build linux

package sockets

import (
	"sockrepl/sockets/leakcheck"

	"errors"
	"fmt"
	"math"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Fuzz targets for everything in the package that reads a learner's
// input: socket addresses of every family, inet_aton/pton/ntop,
// getaddrinfo's arguments and setsockopt/getsockopt values. Each input
// must be answered with a Python value or a *Error of a Python class,
// leave no fd, goroutine or registered socket behind and, where python3
// is present, give what CPython gives. A plain `go test` runs the seeds
// and testdata/fuzz; docs/ROBUSTNESS.md has the commands for longer runs.

// pyClasses are the exception classes the package raises.
var pyClasses = map[string]bool{
	"OSError": true, "TypeError": true, "ValueError": true, "OverflowError": true,
	"UnicodeError": true, "socket.gaierror": true, "TimeoutError": true,
	"BlockingIOError": true, "BrokenPipeError": true, "ChildProcessError": true,
	"ConnectionAbortedError": true, "ConnectionRefusedError": true,
	"ConnectionResetError": true, "FileExistsError": true, "FileNotFoundError": true,
	"InterruptedError": true, "IsADirectoryError": true, "NotADirectoryError": true,
	"PermissionError": true, "ProcessLookupError": true,
}

// checkAnswer fails unless err is nil or a well-formed *Error of a Python
// class, and a successful v is a Python value.
func checkAnswer(t *testing.T, v any, err error) {
	t.Helper()
	if err == nil {
		if !isPyValue(v) {
			t.Fatalf("result %#v is not a Python value", v)
		}
		return
	}
	var e *Error
	if !errors.As(err, &e) || error(e) != err {
		t.Fatalf("error %T %v is not a *Error", err, err)
	}
	if !pyClasses[e.Class] {
		t.Fatalf("error class %q: %v", e.Class, e)
	}
	switch {
	case e.Class == "socket.gaierror":
		if !strings.HasPrefix(e.Msg, "[Errno -") {
			t.Fatalf("gaierror message %q", e.Msg)
		}
	case e.Errno != 0:
		prefix := "[Errno " + strconv.Itoa(e.Errno) + "] "
		if !strings.HasPrefix(e.Msg, prefix) || len(e.Msg) == len(prefix) || strings.ToUpper(e.Msg[len(prefix):len(prefix)+1]) != e.Msg[len(prefix):len(prefix)+1] {
			t.Fatalf("errno message %q", e.Msg)
		}
	}
	if e.Msg == "" || strings.Contains(e.Msg, "%!") {
		t.Fatalf("message %q", e.Msg)
	}
}

func isPyValue(v any) bool {
	switch x := v.(type) {
	case nil, bool, int, float64, string, []byte:
		return true
	case Tuple:
		for _, e := range x {
			if !isPyValue(e) {
				return false
			}
		}
		return true
	case []Tuple:
		for _, e := range x {
			if !isPyValue(e) {
				return false
			}
		}
		return true
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// noLeaks runs body and fails if it leaves an fd, a goroutine of this
// package or a socket registered with rt (when rt is not nil) behind.
func noLeaks(t *testing.T, rt *Runtime, body func()) {
	t.Helper()
	fds, gs := leakcheck.FDs(t), ourGoroutines()
	body()
	if n := leakcheck.FDs(t); n != fds {
		t.Fatalf("fd leak: %d open before, %d after", fds, n)
	}
	for i := 0; ourGoroutines() > gs; i++ {
		if i == 100 {
			t.Fatalf("goroutine leak: %d of this package's before, %d after", gs, ourGoroutines())
		}
		time.Sleep(10 * time.Millisecond) // one may be on its way out
	}
	if rt != nil && len(rt.Sockets()) != 0 {
		t.Fatalf("Runtime still holds %d sockets", len(rt.Sockets()))
	}
}

// stackBuf holds the goroutine dump; fuzz inputs run one at a time.
var stackBuf = make([]byte, 1<<20)

// ourGoroutines counts the goroutines running code of this package. The
// fuzzing engine and the Go runtime start and stop goroutines of their
// own while a target runs, so runtime.NumGoroutine would blame them on
// the input.
func ourGoroutines() int {
	buf := stackBuf[:runtime.Stack(stackBuf, true)]
	n := 0
	for _, g := range strings.Split(string(buf), "\n\n") {
		if strings.Contains(g, "sockrepl/sockets.") {
			n++
		}
	}
	return n
}

// same compares got with CPython's outcome of code; a nil p (no python3)
// compares nothing.
func (p *pyProc) same(t *testing.T, code, got string) {
	t.Helper()
	// Long inputs add nothing the parsers care about, and a round trip
	// per candidate makes the fuzzer's minimizer crawl through them.
	if p == nil || len(code) > 1000 {
		return
	}
	want := normalize(p.run(t, code))
	if got = normalize(got); got != want {
		t.Errorf("\n%s\n python3: %s\n sockets: %s", code, want, got)
	}
}

func fuzzRuntime(f *testing.F) *Runtime {
	rt, err := NewRuntime()
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { rt.Close() })
	warmFDs()
	return rt
}

// warmFDs reads /proc/self/fd once, before any count: the first file the
// process opens may set up the Go runtime's poller, whose fds stay.
func warmFDs() { os.ReadDir("/proc/self/fd") }

// addrShape builds the address value a learner might type, from the
// fuzzer's parts: the right shapes and many wrong ones.
func addrShape(shape uint8, host string, port, flow, scope int) any {
	switch shape % 16 {
	case 0:
		return Tuple{host, port}
	case 1:
		return Tuple{[]byte(host), port}
	case 2:
		return Tuple{host, port, flow}
	case 3:
		return Tuple{host, port, flow, scope}
	case 4:
		return Tuple{host, port, flow, scope, 0}
	case 5:
		return host
	case 6:
		return []byte(host)
	case 7:
		return Tuple{host}
	case 8:
		return []any{host, port}
	case 9:
		return Tuple{host, float64(port) / 2}
	case 10:
		return Tuple{port, host}
	case 11:
		return nil
	case 12:
		return Tuple{host, port%2 == 1}
	case 13:
		return Tuple{host, strconv.Itoa(port)}
	case 14:
		return port
	}
	return Tuple{}
}

// filePath says whether an AF_UNIX address names a file: binding it would
// create one, so the fuzzer connects to it instead.
func filePath(addr any) bool {
	switch p := addr.(type) {
	case string:
		return p != "" && p[0] != 0
	case []byte:
		return len(p) > 0 && p[0] != 0
	}
	return false
}

// FuzzAddress binds (or, for an AF_UNIX file path, connects) a
// non-blocking datagram socket of each family to a fuzzed address: the
// encoder and CPython's checks, then the kernel's answer.
func FuzzAddress(f *testing.F) {
	py := startPy(f)
	rt := fuzzRuntime(f)
	for _, s := range []struct {
		fam, shape        uint8
		host              string
		port, flow, scope int
	}{
		{0, 0, "127.0.0.1", 0, 0, 0},
		{0, 0, "", 0, 0, 0},
		{0, 0, "localhost", 0, 0, 0},
		{0, 0, "<broadcast>", 0, 0, 0},
		{0, 0, "127.1", 0, 0, 0},
		{0, 0, "0x7f.1", 0, 0, 0},
		{0, 0, "127.0.0.1", 70000, 0, 0},
		{0, 0, "127.0.0.1", -1, 0, 0},
		{0, 0, "nosuchhost.invalid", 0, 0, 0},
		{0, 0, "::1", 0, 0, 0},
		{0, 0, "127.0.0.1\x00", 0, 0, 0},
		{0, 1, "127.0.0.1", 0, 0, 0},
		{0, 2, "127.0.0.1", 0, 0, 0},
		{0, 5, "127.0.0.1", 0, 0, 0},
		{0, 8, "127.0.0.1", 0, 0, 0},
		{0, 9, "127.0.0.1", 3, 0, 0},
		{0, 10, "127.0.0.1", 0, 0, 0},
		{0, 11, "", 0, 0, 0},
		{0, 12, "127.0.0.1", 1, 0, 0},
		{0, 13, "127.0.0.1", 80, 0, 0},
		{0, 15, "", 0, 0, 0},
		{1, 0, "::1", 0, 0, 0},
		{1, 0, "", 0, 0, 0},
		{1, 0, "127.0.0.1", 0, 0, 0},
		{1, 2, "::1", 0, 1 << 20, 0},
		{1, 2, "::1", 0, -1, 0},
		{1, 3, "::1", 0, 0, 1},
		{1, 3, "fe80::1", 0, 0, 1},
		{1, 3, "fe80::1%lo", 0, 0, 0},
		{1, 3, "::ffff:127.0.0.1", 0, 0, 0},
		{1, 4, "::1", 0, 0, 0},
		{1, 7, "::1", 0, 0, 0},
		{1, 0, "::1", 65536, 0, 0},
		{2, 5, "", 0, 0, 0},
		{2, 5, "\x00sockrepl-fuzz", 0, 0, 0},
		{2, 6, "\x00sockrepl-fuzz", 0, 0, 0},
		{2, 5, "/nonexistent-dir/sock", 0, 0, 0},
		{2, 6, "relative-missing", 0, 0, 0},
		{2, 5, "/tmp/" + strings.Repeat("x", 200), 0, 0, 0},
		{2, 6, "\x00" + strings.Repeat("x", 107), 0, 0, 0},
		{2, 6, "\x00" + strings.Repeat("x", 108), 0, 0, 0},
		{2, 5, strings.Repeat("y", 107), 0, 0, 0},
		{2, 5, strings.Repeat("y", 108), 0, 0, 0},
		{2, 0, "a", 1, 0, 0},
		{2, 14, "", 1, 0, 0},
		{2, 11, "", 0, 0, 0},
	} {
		f.Add(s.fam, s.shape, s.host, s.port, s.flow, s.scope)
	}
	f.Fuzz(func(t *testing.T, fam, shape uint8, host string, port, flow, scope int) {
		family := [...]int{afInet, afInet6, afUnix}[fam%3]
		addr := addrShape(shape, host, port, flow, scope)
		op := "bind"
		if family == afUnix && filePath(addr) {
			op = "connect"
		}
		var got string
		noLeaks(t, rt, func() {
			s, err := rt.Socket(family, sockDgram, 0)
			check(t, err)
			defer s.Close()
			check(t, s.Setblocking(false))
			if op == "bind" {
				err = s.Bind(addr)
			} else {
				err = s.Connect(addr)
			}
			checkAnswer(t, nil, err)
			got = outcome(nil, err)
		})
		// CPython runs a non-ASCII host name through the idna codec,
		// which this package does not copy (docs/ROBUSTNESS.md).
		if lit, ok := pyLit(addr); ok && (family == afUnix || isASCII(host)) {
			py.same(t, fmt.Sprintf("s = socket.socket(%d, socket.SOCK_DGRAM); s.setblocking(False); r = s.%s(%s)", family, op, lit), got)
		}
	})
}

func FuzzInetAton(f *testing.F) {
	py := startPy(f)
	warmFDs()
	for _, s := range []string{
		"127.0.0.1", "127.1", "1", "0x7f000001", "0177.0.0.1", "0x", "0x.0x.0x.0x",
		"1.2.3.4.5", "256.0.0.1", "1.2.3.256", "1.16777215", "1.16777216", "4294967295",
		"4294967296", "", " ", "1.2.3.4 junk", "1.2.3.4\tx", "1.2.3.4\x00", "+1.2.3.4",
		"-1", "1..2", ".1.2.3", "08", "0xg", "00000000000000000001", "1.2.3.4\n",
		"é", "0x1.0x2.0x3.0x4", "0X7F.1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var got string
		noLeaks(t, nil, func() {
			b, err := InetAton(s)
			checkAnswer(t, b, err)
			if err == nil && len(b) != 4 {
				t.Fatalf("inet_aton gave %d bytes", len(b))
			}
			got = outcome(b, err)
		})
		if lit, ok := pyLit(s); ok {
			py.same(t, "r = socket.inet_aton("+lit+")", got)
		}
	})
}

// ptonFamilies are the families the pton/ntop fuzzers choose from.
var ptonFamilies = [...]int{afInet, afInet6, afUnix, afUnspec, -1, 1 << 20}

func FuzzInetPton(f *testing.F) {
	py := startPy(f)
	warmFDs()
	for _, s := range []struct {
		fam uint8
		s   string
	}{
		{0, "127.0.0.1"}, {0, "127.1"}, {0, "01.2.3.4"}, {0, "1.2.3.04"}, {0, "255.255.255.255"},
		{0, "256.1.1.1"}, {0, ""}, {0, "1.2.3.4 "}, {0, "+1.2.3.4"}, {0, "1.2.3.4\x00"},
		{1, "::1"}, {1, "::"}, {1, "1::2::3"}, {1, "::ffff:1.2.3.4"}, {1, "fe80::1%lo"},
		{1, "1:2:3:4:5:6:7:8"}, {1, "1:2:3:4:5:6:7:8:9"}, {1, "::1.2.3"}, {1, "0::00000"},
		{1, "1:2:3:4:5:6:1.2.3.4"}, {1, "::FFFF:1.2.3.4"}, {1, ":1"}, {1, "1:"}, {1, "127.0.0.1"},
		{1, "::1.2.3.04"}, {1, "1::2:3:4:5:6:7:8"}, {2, "x"}, {3, "::1"}, {4, ""}, {5, ""},
	} {
		f.Add(s.fam, s.s)
	}
	f.Fuzz(func(t *testing.T, fsel uint8, s string) {
		family := ptonFamilies[int(fsel)%len(ptonFamilies)]
		var got string
		noLeaks(t, nil, func() {
			b, err := InetPton(family, s)
			checkAnswer(t, b, err)
			if err == nil && len(b) != 4 && len(b) != 16 {
				t.Fatalf("inet_pton gave %d bytes", len(b))
			}
			got = outcome(b, err)
		})
		if lit, ok := pyLit(s); ok {
			py.same(t, fmt.Sprintf("r = socket.inet_pton(%d, %s)", family, lit), got)
		}
	})
}

func FuzzInetNtop(f *testing.F) {
	py := startPy(f)
	warmFDs()
	for _, s := range []struct {
		fam uint8
		b   []byte
	}{
		{0, []byte{127, 0, 0, 1}}, {0, []byte{1, 2, 3}}, {0, nil},
		{1, make([]byte, 16)}, {1, append(make([]byte, 15), 1)},
		{1, append(make([]byte, 12), 1, 2, 3, 4)},
		{1, append(append(make([]byte, 10), 0xff, 0xff), 1, 2, 3, 4)},
		{1, append(make([]byte, 12), 0, 0, 0, 1)},
		{1, append(make([]byte, 12), 0, 1, 0, 0)},
		{1, []byte{0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1}},
		{1, []byte{1, 2, 3, 4}}, {2, []byte{1, 2, 3, 4}}, {3, nil},
	} {
		f.Add(s.fam, s.b)
	}
	f.Fuzz(func(t *testing.T, fsel uint8, b []byte) {
		family := ptonFamilies[int(fsel)%len(ptonFamilies)]
		var got string
		noLeaks(t, nil, func() {
			s, err := InetNtop(family, b)
			checkAnswer(t, s, err)
			got = outcome(s, err)
			if err == nil {
				// What ntop prints, pton reads back.
				back, err := InetPton(family, s)
				if err != nil || string(back) != string(b) {
					t.Fatalf("inet_pton(inet_ntop(%x)) = %x, %v", b, back, err)
				}
			}
		})
		py.same(t, fmt.Sprintf("r = socket.inet_ntop(%d, %s)", family, Repr(b)), got)
	})
}

// Getaddrinfo's argument choices: families, types and protocols a learner
// might pass, right and wrong.
var (
	gaiFamilies  = [...]int{afUnspec, afInet, afInet6, afUnix, 17}
	gaiTypes     = [...]int{0, sockStream, sockDgram, sockRaw, 5, 4, 10}
	gaiProtoArgs = [...]int{0, 6, 17, 1, 255, 132, 58}
)

// gaiFlags are the AI_ flags the offline resolver knows: PASSIVE,
// CANONNAME, NUMERICHOST, V4MAPPED, ALL, ADDRCONFIG and NUMERICSERV.
const gaiFlags = 0x1 | 0x2 | 0x4 | 0x8 | 0x10 | 0x20 | 0x400

func FuzzGetaddrinfo(f *testing.F) {
	py := startPy(f)
	warmFDs()
	type seed struct {
		hsel            uint8
		host            string
		psel            uint8
		port            string
		portNum         int
		fam, typ, proto uint8
		flags           uint16
	}
	for _, s := range []seed{
		{1, "127.0.0.1", 3, "", 80, 0, 0, 0, 0},
		{1, "localhost", 1, "http", 0, 0, 1, 0, 0},
		{1, "localhost", 1, "http", 0, 0, 1, 0, 0x400},
		{1, "localhost", 3, "", 80, 2, 0, 0, 0},
		{1, "localhost", 3, "", 80, 0, 0, 0, 2},
		{0, "", 3, "", 80, 0, 0, 0, 0},
		{0, "", 3, "", 80, 0, 0, 0, 1},
		{0, "", 0, "", 0, 0, 0, 0, 0},
		{1, "", 3, "", 80, 0, 0, 0, 0},
		{1, "::1", 3, "", 80, 1, 0, 0, 0},
		{1, "fe80::1%1", 3, "", 80, 0, 0, 0, 0},
		{1, "127.1", 3, "", 80, 0, 0, 0, 4},
		{1, "nosuch.invalid", 3, "", 80, 0, 0, 0, 4},
		{1, "127.0.0.1", 1, "nosuchservice", 0, 0, 0, 0, 0},
		{1, "127.0.0.1", 1, "-1", 0, 0, 0, 0, 0},
		{1, "127.0.0.1", 3, "", -1, 0, 0, 0, 0},
		{1, "127.0.0.1", 3, "", 70000, 0, 0, 0, 0},
		{1, "127.0.0.1", 1, "domain", 0, 0, 2, 0, 0},
		{1, "127.0.0.1", 3, "", 80, 0, 3, 0, 0},
		{1, "127.0.0.1", 3, "", 80, 0, 0, 5, 0},
		{1, "127.0.0.1", 3, "", 80, 0, 3, 4, 0},
		{1, "127.0.0.1", 3, "", 80, 3, 0, 0, 0},
		{1, "127.0.0.1", 3, "", 80, 0, 4, 0, 0},
		{2, "127.0.0.1", 2, "80", 0, 0, 0, 0, 0},
		{1, "127.0.0.1", 4, "", 0, 0, 0, 0, 0},
		{1, "127.0.0.1", 5, "", 0, 0, 0, 0, 0},
		{1, "<broadcast>", 3, "", 0, 0, 0, 0, 0},
		{1, "LOCALHOST", 3, "", 0, 0, 0, 0, 0},
		{1, "a..b", 3, "", 0, 0, 0, 0, 0},
		{1, strings.Repeat("a", 64), 3, "", 0, 0, 0, 0, 0},
	} {
		f.Add(s.hsel, s.host, s.psel, s.port, s.portNum, s.fam, s.typ, s.proto, s.flags)
	}
	f.Fuzz(func(t *testing.T, hsel uint8, host string, psel uint8, port string, portNum int, fsel, tsel, prsel uint8, flags uint16) {
		var h, p any
		switch hsel % 3 {
		case 1:
			h = host
		case 2:
			h = []byte(host)
		}
		switch psel % 6 {
		case 1:
			p = port
		case 2:
			p = []byte(port)
		case 3:
			p = portNum
		case 4:
			p = portNum%2 == 1
		case 5:
			p = float64(portNum)
		}
		fam := gaiFamilies[int(fsel)%len(gaiFamilies)]
		typ := gaiTypes[int(tsel)%len(gaiTypes)]
		proto := gaiProtoArgs[int(prsel)%len(gaiProtoArgs)]
		fl := int(flags) & gaiFlags
		var got string
		noLeaks(t, nil, func() {
			res, err := Getaddrinfo(h, p, fam, typ, proto, fl)
			checkAnswer(t, res, err)
			list := make([]any, len(res))
			for i, r := range res {
				list[i] = r
			}
			got = outcome(list, err)
		})
		hl, ok1 := pyLit(h)
		pl, ok2 := pyLit(p)
		if ok1 && ok2 && (hsel%3 != 1 || isASCII(host)) {
			py.same(t, fmt.Sprintf("r = [(int(f), int(t), p, c, a) for f, t, p, c, a in socket.getaddrinfo(%s, %s, %d, %d, %d, %d)]", hl, pl, fam, typ, proto, fl), got)
		}
	})
}

// sockKinds are the sockets the option fuzzer sets options on.
var sockKinds = [...]struct{ family, typ int }{
	{afInet, sockStream}, {afInet, sockDgram}, {afInet6, sockStream},
	{afInet6, sockDgram}, {afUnix, sockStream}, {afUnix, sockDgram},
}

// optLevels are SOL_SOCKET, IPPROTO_IP, IPPROTO_TCP, IPPROTO_UDP,
// IPPROTO_IPV6 and a level no socket has.
var optLevels = [...]int{1, 0, 6, 17, 41, 1000}

// FuzzSockopt sets a fuzzed option on a fresh socket, then reads one.
// Both go to the kernel, so CPython on a socket of the same kind must
// get the same answer; a getsockopt result is compared by type only,
// since values like SO_COOKIE differ from socket to socket.
func FuzzSockopt(f *testing.F) {
	py := startPy(f)
	rt := fuzzRuntime(f)
	type seed struct {
		kind, lsel uint8
		opt        int32
		bytesValue bool
		n          int
		b          []byte
		buflen     int
	}
	for _, s := range []seed{
		{0, 0, 2, false, 1, nil, 0},       // SO_REUSEADDR
		{0, 0, 7, false, 1 << 20, nil, 4}, // SO_SNDBUF
		{0, 0, 8, false, -1, nil, 0},
		{0, 0, 13, true, 0, []byte{1, 0, 0, 0, 5, 0, 0, 0}, 8}, // SO_LINGER
		{0, 0, 13, true, 0, []byte{1}, 1024},
		{0, 0, 20, true, 0, make([]byte, 16), 16}, // SO_RCVTIMEO
		{0, 0, 25, true, 0, []byte("lo"), 16},     // SO_BINDTODEVICE
		{0, 0, 2, false, 1 << 31, nil, 1025},
		{0, 0, 2, false, -1 << 31, nil, -1},
		{0, 0, 2, false, -1<<31 - 1, nil, 1 << 31},
		{0, 0, 2, true, 0, nil, 1 << 40},
		{0, 2, 1, false, 1, nil, 0},  // TCP_NODELAY
		{0, 2, 11, false, 0, nil, 0}, // TCP_INFO as an int
		{0, 2, 11, false, 0, nil, 1024},
		{1, 1, 1, false, 64, nil, 0},  // IP_TOS
		{1, 1, 33, false, 1, nil, 0},  // IP_MULTICAST_TTL
		{3, 4, 26, false, 1, nil, 0},  // IPV6_V6ONLY
		{4, 0, 17, false, 0, nil, 12}, // SO_PEERCRED
		{5, 3, 1, false, 1, nil, 0},
		{0, 5, 1, false, 1, nil, 0},
		{0, 0, -1, false, 0, nil, 0},
		{0, 0, 1 << 30, true, 0, []byte("x"), 3},
	} {
		f.Add(s.kind, s.lsel, s.opt, s.bytesValue, s.n, s.b, s.buflen)
	}
	f.Fuzz(func(t *testing.T, kind, lsel uint8, opt int32, bytesValue bool, n int, b []byte, buflen int) {
		k := sockKinds[int(kind)%len(sockKinds)]
		level := optLevels[int(lsel)%len(optLevels)]
		var value any = n
		if bytesValue {
			value = b
		}
		var gotSet, gotGet string
		noLeaks(t, rt, func() {
			s, err := rt.Socket(k.family, k.typ, 0)
			check(t, err)
			defer s.Close()
			err = s.Setsockopt(level, int(opt), value)
			checkAnswer(t, nil, err)
			gotSet = outcome(nil, err)
			s2, err := rt.Socket(k.family, k.typ, 0)
			check(t, err)
			defer s2.Close()
			v, err := s2.Getsockopt(level, int(opt), buflen)
			checkAnswer(t, v, err)
			if bs, ok := v.([]byte); ok && len(bs) > buflen {
				t.Fatalf("getsockopt(buflen=%d) gave %d bytes", buflen, len(bs))
			}
			gotGet = optKind(v, err)
		})
		mk := fmt.Sprintf("s = socket.socket(%d, %d); ", k.family, k.typ)
		vl, _ := pyLit(value)
		// SO_ATTACH_BPF and SO_ATTACH_REUSEPORT_EBPF take an fd number,
		// which names different files in python3 and here.
		if level != 1 || (opt != 50 && opt != 52) {
			py.same(t, mk+fmt.Sprintf("r = s.setsockopt(%d, %d, %s)", level, opt, vl), gotSet)
		}
		get := fmt.Sprintf("s.getsockopt(%d, %d, %d)", level, opt, buflen)
		if buflen == 0 {
			get = fmt.Sprintf("s.getsockopt(%d, %d)", level, opt)
		}
		// With a buflen CPython hands the kernel an uninitialised buffer,
		// and some options read it (IP_MSFILTER, netfilter's tables), so
		// its answer changes from call to call. Only the int form, whose
		// buffer is zero on both sides, and the buflen checks made before
		// the system call compare.
		if buflen <= 0 || buflen > 1024 {
			py.same(t, mk+"v = "+get+"; r = 'int' if type(v) is int else 'bytes'", gotGet)
		}
	})
}

// optKind is a getsockopt outcome without the value: 'int', 'bytes' or
// the exception.
func optKind(v any, err error) string {
	if err != nil {
		return err.Error()
	}
	if _, ok := v.(int); ok {
		return "'int'"
	}
	return "'bytes'"
}

// selectTimeouts are the timeouts FuzzSelect picks from: none of them
// blocks (0, a tiny one, or one select refuses).
var selectTimeouts = [...]float64{0, 1e-10, math.Copysign(0, -1), -1e-9, math.NaN(), math.Inf(1), math.Inf(-1), 9.3e9, 1e300}

// fdList reads fuzz bytes as up to eight fd numbers, two bytes each.
func fdList(b []byte, wide bool) []int {
	var out []int
	for i := 0; i+1 < len(b) && len(out) < 8; i += 2 {
		fd := int(int16(uint16(b[i])<<8 | uint16(b[i+1])))
		if wide {
			fd *= 1 << 17 // reach past a C int
		}
		out = append(out, fd)
	}
	return out
}

// FuzzSelect checks select's argument checks. Which fds are open differs
// between python3 and this process, so only the checks compare: when
// either side refuses the arguments (ValueError, OverflowError), both
// must, with the same words.
func FuzzSelect(f *testing.F) {
	py := startPy(f)
	rt := fuzzRuntime(f)
	f.Add([]byte{0, 1}, []byte{0, 1}, []byte{}, uint8(0), false)
	f.Add([]byte{0xff, 0xff}, []byte{}, []byte{}, uint8(0), false)
	f.Add([]byte{4, 0}, []byte{}, []byte{}, uint8(0), false)
	f.Add([]byte{3, 0xff}, []byte{}, []byte{}, uint8(0), false)
	f.Add([]byte{}, []byte{}, []byte{0x7f, 0xff}, uint8(1), false)
	f.Add([]byte{0x40, 0}, []byte{}, []byte{}, uint8(0), true)
	f.Add([]byte{0xc0, 0}, []byte{}, []byte{}, uint8(0), true)
	for i := range selectTimeouts {
		f.Add([]byte{0, 5}, []byte{}, []byte{}, uint8(i), false)
	}
	f.Fuzz(func(t *testing.T, rb, wb, xb []byte, tsel uint8, wide bool) {
		r, w, x := fdList(rb, wide), fdList(wb, false), fdList(xb, false)
		timeout := selectTimeouts[int(tsel)%len(selectTimeouts)]
		var got string
		var refused bool
		noLeaks(t, rt, func() {
			rr, wr, xr, err := rt.Select(r, w, x, &timeout)
			if err == nil {
				for _, set := range [][2][]int{{rr, r}, {wr, w}, {xr, x}} {
					for _, fd := range set[0] {
						if !slices.Contains(set[1], fd) {
							t.Fatalf("select returned fd %d, not asked for", fd)
						}
					}
				}
			}
			checkAnswer(t, nil, err)
			got = outcome(nil, err)
			var e *Error
			refused = errors.As(err, &e) && (e.Class == "ValueError" || e.Class == "OverflowError")
		})
		if py == nil {
			return
		}
		code := fmt.Sprintf("import select\nr = select.select(%s, %s, %s, %s)", intList(r), intList(w), intList(x), mustLit(timeout))
		want := py.run(t, code)
		pyRefused := strings.HasPrefix(want, "ValueError") || strings.HasPrefix(want, "OverflowError")
		if (refused || pyRefused) && got != want {
			t.Errorf("\n%s\n python3: %s\n sockets: %s", code, want, got)
		}
	})
}

func intList(fds []int) string {
	parts := make([]string, len(fds))
	for i, fd := range fds {
		parts[i] = strconv.Itoa(fd)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func mustLit(v any) string {
	s, _ := pyLit(v)
	return s
}

// FuzzTimeout checks settimeout and time.sleep against CPython for any
// float. A sleep that would really wait is skipped (it would only wait).
func FuzzTimeout(f *testing.F) {
	py := startPy(f)
	rt := fuzzRuntime(f)
	for _, v := range []float64{0, 1, -1, 1e-12, -1e-12, math.Copysign(0, -1), math.NaN(), math.Inf(1), math.Inf(-1), 9.2e9, 9.3e9, -9.3e9, 1e300} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		var got string
		noLeaks(t, rt, func() {
			s, err := rt.Socket(-1, -1, -1)
			check(t, err)
			defer s.Close()
			err = s.Settimeout(&v)
			checkAnswer(t, nil, err)
			got = outcome(ptr(s.Gettimeout()), err)
		})
		lit := mustLit(v)
		py.same(t, "s = socket.socket(); s.settimeout("+lit+"); r = s.gettimeout()", got)
		if v < 1e-3 || math.IsNaN(v) || outOfTimeRange(v) {
			var err error
			noLeaks(t, rt, func() { err = rt.Sleep(v) })
			checkAnswer(t, nil, err)
			py.same(t, "import time\nr = time.sleep("+lit+")", outcome(nil, err))
		}
	})
}
