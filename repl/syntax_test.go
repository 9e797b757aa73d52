package repl

import (
	"errors"
	"strings"
	"testing"
)

func TestTranslateRefusesWithAdvice(t *testing.T) {
	for _, c := range []struct {
		src, class, says string
	}{
		{"with socket.socket() as s:\n    s.connect(a)\n", "SyntaxError", "write s = socket.socket()"},
		{"with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:\n    pass\n", "SyntaxError", "s.close()"},
		{"with conn:\n    conn.recv(1)\n", "SyntaxError", "conn.close()"},
		{"try:\n    s.connect(a)\nexcept OSError:\n    pass\n", "SyntaxError", "check the result with an if"},
		{"f'{x}'", "SyntaxError", "'text %s' % value"},
		{"print(f\"Connected by {addr}\")", "SyntaxError", "f-strings"},
		{"class Server:\n    pass\n", "SyntaxError", "class definitions"},
		{"import threading", "ModuleNotFoundError", "socket, select, struct, time and os"},
		{"import threading, socket", "ModuleNotFoundError", "'threading'"},
		{"from selectors import DefaultSelector", "ModuleNotFoundError", "'selectors'"},
		{"import socket.foo", "ModuleNotFoundError", "'socket' is not a package"},
		{"print 'hi'", "SyntaxError", "Did you mean print(...)?"},
		{"raise ValueError('x')", "SyntaxError", "raise"},
		{"def f():\n    global n\n    n = 1\n", "SyntaxError", "return the new value"},
		{"for x in y:\n    pass\nelse:\n    pass\n", "SyntaxError", "flag"},
		{"0 < x < 10", "SyntaxError", "a < b and b < c"},
		{"if (n := 5):\n    pass\n", "SyntaxError", ":="},
		{"del x", "SyntaxError", "assign None"},
		{"del lst[1:3]", "SyntaxError", "slice"},
		{"x = 1j", "SyntaxError", "complex"},
		{"'abc", "SyntaxError", "unterminated string literal (detected at line 1)"},
		{"'''abc", "SyntaxError", "unterminated triple-quoted string literal"},
		{"f(1, 2", "SyntaxError", "'(' was never closed"},
		{"x = 1)", "SyntaxError", "unmatched ')'"},
		{"x = [1, 2)", "SyntaxError", "closing parenthesis ')' does not match opening parenthesis '['"},
		{"b'é'", "SyntaxError", "bytes can only contain ASCII literal characters"},
		{"'a' b'b'", "SyntaxError", "cannot mix bytes and nonbytes literals"},
		{"  x = 1", "IndentationError", "unexpected indent"},
		{"if x:\npass", "IndentationError", "expected an indented block"},
		{"if x:\n        a = 1\n    b = 2\n", "IndentationError", "unindent does not match"},
		{"x = = 1", "SyntaxError", "invalid syntax"},
		{"yield 5", "SyntaxError", "yield"},
		{"@decorator\ndef f(): pass\n", "SyntaxError", "decorators"},
		{"x = 1\n\x00", "SyntaxError", "source code string cannot contain null bytes"},
	} {
		_, err := translate(c.src)
		var pe *PyError
		if !errors.As(err, &pe) {
			t.Errorf("translate(%q) = %v, want a %s", c.src, err, c.class)
			continue
		}
		if pe.Class != c.class || !strings.Contains(pe.Msg, c.says) {
			t.Errorf("translate(%q) = %s, want %s saying %q", c.src, pe, c.class, c.says)
		}
	}
}

// TestTranslateNeverLeaksStarlarkWording feeds broken input and checks
// that the message reads as Python's, never as Starlark's parser.
func TestTranslateNeverLeaksStarlarkWording(t *testing.T) {
	bad := []string{
		"x = ", "def", "def f(:", "if", "for x in", "while:", "lambda", "x.", "x[", "1 +", "return", "(",
		"a b", "x = 1 2", "def f(a, a): pass", "[x for]", "{1: }", "not", "x ==", "import", "from socket",
		"from socket import", "assert", "del", "del ()", "a, *b = c", "print(x for)", "x = 'a' 'b' 1",
		"elif x:", "else:", "except:", "finally:", "1 = x", "f() = 1", "x += ", "x ** ", "** x", "x **= 2",
		"if x:\n  pass\n else:\n  pass", "\tx", "x = `1`", "$", "x = 1 if y", "break\n", "continue",
	}
	for _, src := range bad {
		out, err := translate(src)
		if err == nil {
			// Some of these are valid Starlark after translation; the
			// session then reports run-time errors, which is fine as long
			// as the source parses.
			if _, perr := translateOptions.Parse("<stdin>", out, 0); perr != nil {
				t.Errorf("translate(%q) returned unparsable %q", src, out)
			}
			continue
		}
		var pe *PyError
		if !errors.As(err, &pe) {
			t.Errorf("translate(%q): error %T is not a *PyError", src, err)
			continue
		}
		for _, leak := range []string{"want", "got ", "Starlark", "primary expression", "<stdin>:"} {
			if strings.Contains(pe.Error(), leak) {
				t.Errorf("translate(%q) leaks %q: %s", src, leak, pe)
			}
		}
	}
}

func TestTranslateKeepsPythonMeaning(t *testing.T) {
	sh := newPyShell(t)
	for _, c := range []struct{ src, want string }{
		{"2 ** 10", "1024"},
		{"-2 ** 2", "-4"},
		{"2 ** -1", "0.5"},
		{"2 ** 3 ** 2", "512"},
		{"(1 + 1) ** 3", "8"},
		{"[3][0] ** 2", "9"},
		{"abs(-2) ** 2", "4"},
		{"{'k': 2}['k'] ** 2", "4"},
		{"None is None", "True"},
		{"1 is not None", "True"},
		{"not None is None", "False"},
		{"1_000", "1000"},
		{"'a' 'b'", "'ab'"},
		{"b'\\x00' b'\\xff'", "b'\\x00\\xff'"},
		{"'\\d'", "'\\\\d'"},
		{"'\\xe9'", "'é'"},
		{"b'\\u00e9'", "b'\\\\u00e9'"},
		{"r'\\n'", "'\\\\n'"},
		{"'%d%%' % 5", "'5%'"},
		{"{1, 2}", "{1, 2}"},
		{"{x for x in 'aa'}", "{'a'}"},
		{"b'abc'[1]", "98"},
		{"[c for c in b'ab']", "[97, 98]"},
		{"socket.AF_INET == 2", "True"},
		{"2 == socket.AF_INET", "True"},
		{"True == 1", "True"},
		{"7 / 2", "3.5"},
		{"7 // 2", "3"},
		{"'%s' % (b'x',)", "\"b'x'\""},
		{"'{}'.format((1, 'a'))", "\"(1, 'a')\""},
		{"__name__", "'__main__'"},
	} {
		if got := sh.eval(c.src); got != c.want {
			t.Errorf("%s = %s, want %s", c.src, got, c.want)
		}
	}
}

func TestImportsBindModules(t *testing.T) {
	sh := newPyShell(t)
	sh.must("socket = 5")
	sh.must("import socket")
	if got := sh.eval("socket.AF_INET"); got != "<AddressFamily.AF_INET: 2>" {
		t.Errorf("import socket after socket = 5: socket.AF_INET = %s", got)
	}
	sh.must("import socket as sk, struct")
	if got := sh.eval("sk.SOCK_DGRAM"); got != "<SocketKind.SOCK_DGRAM: 2>" {
		t.Errorf("import socket as sk: %s", got)
	}
	sh.must("from socket import *")
	if got := sh.eval("AF_UNIX"); got != "<AddressFamily.AF_UNIX: 1>" {
		t.Errorf("from socket import *: AF_UNIX = %s", got)
	}
	// As in Python, the star import binds the class, so socket(...) makes a socket.
	sh.must("s = socket(AF_INET, SOCK_STREAM)")
	if got := sh.eval("type(s)"); got != "<class 'socket.socket'>" {
		t.Errorf("type(s) = %s", got)
	}
	sh.must("s.close()")
	sh.must("from struct import pack, unpack as up")
	if got := sh.eval("up('!H', pack('!H', 7))"); got != "(7,)" {
		t.Errorf("from struct import: %s", got)
	}
	sh.must("from time import (sleep, time,)")
	if e := sh.exec("from socket import nothing_here"); e == nil || e.Class != "ImportError" {
		t.Errorf("from socket import nothing_here: %v", e)
	}
}

func TestStatementsAfterBlockHeaderColon(t *testing.T) {
	sh := newPyShell(t)
	sh.must("d = {'a': 1, 'b': 2}")
	sh.must("if True: del d['a']")
	if got := sh.eval("d"); got != "{'b': 2}" {
		t.Errorf("del after if-colon: d = %s", got)
	}
	sh.must("f = lambda x: x\nif f(1): assert True, 'ok'\n")
	if e := sh.exec("if True: assert 1 == 2, 'bad'"); e == nil || e.Class != "AssertionError" || e.Msg != "bad" {
		t.Errorf("assert after colon: %v", e)
	}
}

// FuzzTranslate checks that no input makes translate panic, and that
// whatever it returns either parses or is a Python exception.
func FuzzTranslate(f *testing.F) {
	for _, s := range []string{"x = 1", "with a as b:\n  pass", "f'{x}'", "2 ** 3 ** 4", "del d[k]", "'a' 'b'",
		"assert x, 'm'", "from socket import *", "{1, 2}", "x is not None", "b'\\x00' % 1", "'''a\n'''",
		"for c in b'ab': print(c)", "a, b = 'xy'", "(1,\n2)", "x[1:2]", "x[1, 2]", "lambda: {}", "\\", "r'\\'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		out, err := translate(src)
		if err != nil {
			var pe *PyError
			if !errors.As(err, &pe) {
				t.Fatalf("translate(%q): %T %v", src, err, err)
			}
			return
		}
		if _, perr := translateOptions.Parse("<stdin>", out, 0); perr != nil {
			t.Fatalf("translate(%q) = %q does not parse: %v", src, out, perr)
		}
	})
}

// BenchmarkTranslate is the cost translate adds to one typical statement.
func BenchmarkTranslate(b *testing.B) {
	for _, src := range []string{
		"conn, addr = s.accept()",
		"data = conn.recv(1024)\nif not data:\n    break\nconn.sendall(data)",
		"print('%s sent %d bytes: %r' % (addr, len(data), data[:10]))",
	} {
		b.Run(strings.Fields(src)[0], func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := translate(src); err != nil && !strings.Contains(src, "break") {
					b.Fatal(err)
				}
			}
		})
	}
}
