package repl

import (
	"sockrepl/sockets/leakcheck"

	"bytes"
	"errors"
	"sockrepl/repl/python"
	"strings"
	"testing"
	"time"
)

// The fuzz targets here and in lessons/fuzz_test.go are run by
//
//	go test ./repl -run '^$' -fuzz FuzzExec -fuzztime 3m
//
// (see docs/ROBUSTNESS.md). Without -fuzz, go test runs their seeds and
// the finds kept under testdata/fuzz/.

// fuzzSeeds are statements that reach the evaluator's corners: sockets,
// sizes, nesting, the refused syntax, % commands.
var fuzzSeeds = []string{
	"s = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen()\ns",
	"a, b = socket.socketpair()\na.sendall(b'hi')\nb.recv(10**12)",
	"a, b = socket.socketpair()\na.sendall(b'x' * 9000)\ndef f(s):\n    d = s.recv(4096)\n    d = s.recv(4096)\n    return len(d), not d, d == b'', print(d[:0] if d else d)\n\nf(b), f(b)",
	"u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\nu.sendto(b'x', ('127.0.0.1', 9))",
	"struct.pack('!HHI', 1, 2, 3)", "struct.unpack('<q', b'\\x00' * 8)", "struct.calcsize('99999999999999999999x')",
	"x = bytearray(b'a b c')\nx[::-2] + x.split()[0] * 3\nx[1] = 66\nx.extend(range(3))\nx.pop(-1) in x",
	"a, b = socket.socketpair()\nbuf = bytearray(8)\nb.send(b'hello')\na.recv_into(buf, 3)\nbytes(buf[:3]) == buf[:3]",
	"b'x' * 10**12", "'%s:%d' % ('a', 1)", "'-'.join(map(str, range(5)))", "bytes(range(256))",
	"[[[[1]]]]", "((((1))))", "-+-~1", "not not 1", "lambda: lambda: 1",
	"def f(n):\n    return f(n + 1)\n\nf(0)", "for c in 'abc':\n    print(c)\n", "while False:\n    pass\n",
	"try:\n    pass\nexcept:\n    pass", "with a as b:\n    pass", "f'{x}'", "class A:\n    pass",
	"x = [1]\nx.append(x)\nx", "d = {}\nd[d] = 1", "sorted(range(10**12))", "select.select([], [], [], 0)",
	"time.sleep(0)", "%ls", "%ss", "%help", "%lesson", "%trace on", "%history", "%nosuch",
	"'\\xff'.encode('latin-1')", "b'\\xff'.decode()", "int('0x10', 16)", "1 << 600", "2 ** -1",
	"'a'.replace('', 'b')", "b''.join([])", "hex(-1)", "exit(3)", "help(socket.socket.recv)",
	// The language beyond Starlark: every construct the lowering handles.
	"try:\n    1/0\nexcept ZeroDivisionError as e:\n    print(e)\nelse:\n    pass\nfinally:\n    print(1)",
	"for i in range(3):\n    try:\n        continue\n    finally:\n        break\nelse:\n    print('no')",
	"def f():\n    try:\n        return 1\n    finally:\n        return 2\n\nf()",
	"class A(Exception):\n    def __init__(self, x):\n        super().__init__(x)\n\nraise A(1) from None",
	"class B:\n    @property\n    def p(self):\n        return self\n    def __repr__(self):\n        return repr(self.p)\n\nB()",
	"def g():\n    x = yield 1\n    yield from range(x or 2)\n\nlist(g())",
	"with socket.socket() as s, socket.socket() as t:\n    raise ValueError",
	"f'{1:{2}}{3!r:>{4}}{5=}'", "x, *y, z = range(5)\n(x, y, z)", "(n := 10) and [n := n - 1 for _ in 'ab']",
	"def h():\n    n = 0\n    def i():\n        nonlocal n\n        n += 1\n        return n\n    return i()\n\nh()",
	"import threading\nt = threading.Thread(target=lambda: 1)\nt.start()\nt.join()",
	"import queue\nq = queue.Queue()\nq.get(timeout=0.01)", "raise", "assert 0, 'm'", "del x", "global y\ny = 1",
	"lst = [1, 2, 3]\nlst[::2] = [0, 0]\ndel lst[1:]\nlst", "class C(C): pass", "class D(int): pass",
	"def k(*a, **b):\n    return a, b\n\nk(*[1], *[2], **{'x': 1}, y=2)",
	// Method calls without bound methods (starlark patches 7-10).
	"class M:\n    def f(self, a=1, *r, k=2, **kw):\n        return self, a, r, k, kw\n    @staticmethod\n    def s(x):\n        return x\n    @classmethod\n    def c(cls):\n        return cls\n\nm = M()\nm.f(), m.f(1, 2, k=3, z=4), m.s(5), m.c(), m.f(*[7], **{'k': 8})",
	"class N:\n    def f(self):\n        return 1\n\nn = N()\nn.f = lambda: 2\nn.f(), N.f(n), vars(n)\ndel N.f\nn.f()\ndel n.f\nn.f()",
	"class P:\n    @property\n    def f(self):\n        return len\n    def __getattr__(self, name):\n        return name.upper\n\nP().f('abc'), P().g()",
	"a, b = socket.socketpair()\na.send(b'x'), b.recv(1), b.recv(), b.recv(1, 2, 3), a.fileno(1), socket.socket.recv(b, 0), a.nope()",
	"class E(Exception):\n    def __init__(self, *a):\n        super().__init__(*a)\n\n[E(i).args for i in range(3)], E().args, isinstance(E(), Exception)",
	// Text, struct and attribute fast paths (starlark patches 14-15, session 6).
	"w = 'a b  c'.split()\nw[1] = 'B'\nw, 'x\\ny'.splitlines(), b'p q'.split(), b'1\\r\\n2'.splitlines(True), 'a b'.split(maxsplit=True)",
	"f'{-2**63:x}{2**64:#o}{True:05d}{7:_b}', '%x %d %o' % (-1, 2**70, False), '%d' % 3.5, '{:c}'.format(65)",
	"struct.pack('!bHiQ', -128, 65535, -2**31, 2**64-1), struct.pack('!b', 128), struct.unpack('!I', struct.pack('!I', 7))",
	"class W:\n    pass\n\nw = W()\nfor k in range(20):\n    setattr(w, 'a%d' % k, k)\n\ndel w.a3\nW.a4 = property(lambda s: 0)\nw.a4, w.a5, vars(w)\ndel W.a4\nw.a4",
	"d = b'abcabc'\nd.find(98), d.find(b'c', 2**70), d.count(b''), d.replace(b'', b'-'), d.decode('ascii'), 'é'.encode()",
}

// FuzzExec feeds arbitrary source to a fresh Session. Whatever the input,
// the answer is nil, an exit request or a Python exception of a Python
// class (never SystemError, which is how Exec reports a recovered
// panic), nothing Go or Starlark shows in the output, and closing the
// session gives back every fd.
func FuzzExec(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, c := range badInputs { // the catalogue's statements, short ones
		if src := strings.TrimPrefix(c.setup+"\n"+c.src, "\n"); len(src) < 1000 {
			f.Add(src)
		}
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, src string) {
		if cmd := strings.TrimSpace(src); strings.HasPrefix(cmd, "%") && strings.Contains(cmd, "save") {
			t.Skip("the save command writes files")
		}
		fds := leakcheck.FDs(t)
		var out, errOut bytes.Buffer
		s, err := NewSession(Options{Out: &out, Err: &errOut, StateDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		// A statement may wait for ever (accept, sleep, while True):
		// Ctrl-C it, as a learner would.
		timer := time.AfterFunc(2*time.Second, s.Interrupt)
		err = s.Exec(src)
		timer.Stop()
		var pe *python.PyError
		var ex *python.ExitError
		switch {
		case err == nil, errors.As(err, &ex):
		case errors.As(err, &pe):
			if !pe.IsPythonException() {
				t.Errorf("Exec(%q): %v", src, err)
			}
		default:
			t.Errorf("Exec(%q): %T %v is not a Python exception", src, err, err)
		}
		printed := edges(out.String(), 1<<20) + errOut.String()
		if m := leakWords.FindString(printed); m != "" && !strings.Contains(src, m) {
			t.Errorf("Exec(%q) printed %q:\n%.500s", src, m, printed)
		}
		s.Close()
		if n := leakcheck.FDs(t); n > fds {
			t.Errorf("Exec(%q): %d fds open after Close, %d before", src, n, fds)
		}
	})
}

// edges is s, or its first and last n bytes when it is longer. A
// statement may print a hundred megabytes (the repr of a big bytes value);
// scanning all of it with leakWords took 28 s, past the fuzzer's limit
// for one input, and a worker "hung or terminated unexpectedly". A leaked
// Go or Starlark message comes at the start or the end of what a
// statement prints.
func edges(s string, n int) string {
	if len(s) <= 2*n {
		return s
	}
	return s[:n] + "\n" + s[len(s)-n:]
}
