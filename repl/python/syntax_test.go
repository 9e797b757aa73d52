package python

import (
	"testing"
)

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
