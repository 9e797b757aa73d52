package translate

import (
	"errors"
	"strings"
	"testing"
)

// builtinModules stands for the interpreter's module table.
var builtinModules = map[string]Module{
	"socket": {Var: "__socket__", Exports: []string{"AF_INET", "socket"}},
	"select": {Var: "__select__"}, "struct": {Var: "__struct__"}, "time": {Var: "__time__"}, "os": {Var: "__os__"},
}

func TestTranslateRefusesWithAdvice(t *testing.T) {
	SetModules(builtinModules)
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
		_, err := Translate(c.src)
		var pe *Error
		if !errors.As(err, &pe) {
			t.Errorf("Translate(%q) = %v, want a %s", c.src, err, c.class)
			continue
		}
		if pe.Class != c.class || !strings.Contains(pe.Msg, c.says) {
			t.Errorf("Translate(%q) = %s, want %s saying %q", c.src, pe, c.class, c.says)
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
		out, err := Translate(src)
		if err == nil {
			// Some of these are valid Starlark after translation; the
			// session then reports run-time errors, which is fine as long
			// as the source parses.
			if _, perr := Options.Parse("<stdin>", out, 0); perr != nil {
				t.Errorf("Translate(%q) returned unparsable %q", src, out)
			}
			continue
		}
		var pe *Error
		if !errors.As(err, &pe) {
			t.Errorf("Translate(%q): error %T is not a *Error", src, err)
			continue
		}
		for _, leak := range []string{"want", "got ", "Starlark", "primary expression", "<stdin>:"} {
			if strings.Contains(pe.Error(), leak) {
				t.Errorf("Translate(%q) leaks %q: %s", src, leak, pe)
			}
		}
	}
}

// whatever it returns either parses or is a Python exception.
func FuzzTranslate(f *testing.F) {
	for _, s := range []string{"x = 1", "with a as b:\n  pass", "f'{x}'", "2 ** 3 ** 4", "del d[k]", "'a' 'b'",
		"assert x, 'm'", "from socket import *", "{1, 2}", "x is not None", "b'\\x00' % 1", "'''a\n'''",
		"for c in b'ab': print(c)", "a, b = 'xy'", "(1,\n2)", "x[1:2]", "x[1, 2]", "lambda: {}", "\\", "r'\\'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		out, err := Translate(src)
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("Translate(%q): %T %v", src, err, err)
			}
			return
		}
		if _, perr := Options.Parse("<stdin>", out, 0); perr != nil {
			t.Fatalf("Translate(%q) = %q does not parse: %v", src, out, perr)
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
				if _, err := Translate(src); err != nil && !strings.Contains(src, "break") {
					b.Fatal(err)
				}
			}
		})
	}
}
