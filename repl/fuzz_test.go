package repl

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"go.starlark.net/starlark"
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
		fds := openFDs(t)
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
		var pe *PyError
		var ex *ExitError
		switch {
		case err == nil, errors.As(err, &ex):
		case errors.As(err, &pe):
			if pe.Class == "SystemError" || !isExceptionClass(pe.Class) {
				t.Errorf("Exec(%q): %v", src, err)
			}
		default:
			t.Errorf("Exec(%q): %T %v is not a Python exception", src, err, err)
		}
		if m := leakWords.FindString(out.String() + errOut.String()); m != "" && !strings.Contains(src, m) {
			t.Errorf("Exec(%q) printed %q:\n%.500s", src, m, out.String()+errOut.String())
		}
		s.Close()
		if n := openFDs(t); n > fds {
			t.Errorf("Exec(%q): %d fds open after Close, %d before", src, n, fds)
		}
	})
}

// FuzzStruct runs arbitrary formats, data and offsets through struct's
// calcsize, unpack_from, unpack and pack. Every answer is a value or a Python exception; pack's
// output is calcsize bytes long; and a format with an explicit byte
// order and only integer, char and string codes packs what it unpacked
// back into the same bytes.
func FuzzStruct(f *testing.F) {
	for _, s := range []struct {
		format string
		data   []byte
	}{
		{"!HHI", []byte("\x00\x01\x00\x02\x00\x00\x00\x03")}, {"<q", make([]byte, 8)}, {"@bhiq", make([]byte, 16)},
		{"4s2xH", []byte("abcd\x00\x00\x01\x02")}, {"=?c", []byte("\x01a")}, {"5p", []byte("\x03abcd")},
		{"!e f d", make([]byte, 14)}, {"99999999999999999999x", nil}, {"1000000000000x", nil},
		{"9223372036854775807x9223372036854775807x", nil}, {"0s0p", nil}, {"", nil}, {"!", nil}, {"3", nil},
		{"nNP", make([]byte, 24)}, {">lL", make([]byte, 8)}, {"z", nil},
	} {
		f.Add(s.format, s.data, int64(0))
	}
	f.Add("!I", []byte("abcd"), int64(math.MinInt64))
	f.Add("16n?", make([]byte, 129), int64(-100))
	f.Add("<s3fB", make([]byte, 14), int64(-1))
	f.Fuzz(func(t *testing.T, format string, data []byte, offset int64) {
		call := func(fn func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error), args ...starlark.Value) (starlark.Value, error) {
			v, err := fn(nil, nil, starlark.Tuple(args), nil)
			if err != nil {
				var pe *PyError
				if !errors.As(err, &pe) || !isExceptionClass(pe.Class) {
					t.Fatalf("struct(%q, %q): %T %v is not a Python exception", format, data, err, err)
				}
			}
			return v, err
		}
		fmtv := starlark.String(format)
		size, err := call(structCalcsize, fmtv)
		if err != nil {
			return
		}
		n, err := starlark.AsInt32(size)
		if err != nil {
			return // more bytes than the fuzzer makes
		}
		if v, err := call(structUnpackFrom, fmtv, starlark.Bytes(data), starlark.MakeInt64(offset)); err == nil && len(data) < n {
			t.Fatalf("unpack_from(%q, %d bytes, %d) = %v, yet calcsize is %d", format, len(data), offset, v, n)
		}
		if _, err := call(structUnpackFrom, fmtv, starlark.Bytes(data)); err != nil && len(data) >= n {
			if pe := asPyError(err); pe.Class == "struct.error" && strings.Contains(pe.Msg, "requires a buffer") {
				t.Fatalf("unpack_from(%q) of %d bytes: %v, yet calcsize is %d", format, len(data), err, n)
			}
		}
		if len(data) != n {
			return
		}
		vals, err := call(structUnpack, fmtv, starlark.Bytes(data))
		if err != nil {
			return
		}
		args := append(starlark.Tuple{fmtv}, vals.(starlark.Tuple)...)
		packed, err := call(structPack, args...)
		if err != nil {
			t.Fatalf("pack(%q, *unpack(%q, %q)): %v", format, format, data, err)
		}
		if got := len(packed.(starlark.Bytes)); got != n {
			t.Fatalf("pack(%q) gave %d bytes; calcsize says %d", format, got, n)
		}
		// Native '@' formats pad for alignment, and pack writes zeros there.
		explicit := format != "" && strings.ContainsRune("=<>!", rune(format[0]))
		if explicit && strings.Trim(format[1:], "bBhHiIlLqQcs0123456789 \t\n") == "" && string(packed.(starlark.Bytes)) != string(data) {
			t.Fatalf("pack(%q, *unpack(%q, %q)) = %q", format, format, data, packed)
		}
	})
}
