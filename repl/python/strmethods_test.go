package python

import (
	"fmt"
	"strings"
	"testing"
)

// TestEncodeDecodeAreMethods proves the methods added to Starlark's str
// and bytes tables are reachable from statements.
func TestEncodeDecodeAreMethods(t *testing.T) {
	sh := newPyShell(t)
	for _, c := range []struct{ src, want string }{
		{"'hi'.encode()", "b'hi'"},
		{"b'hi'.decode()", "'hi'"},
		{"'é'.encode('latin-1')", "b'\\xe9'"},
		{"b'\\xe9'.decode('latin-1')", "'é'"},
		{"'x'.encode(encoding='ascii', errors='strict')", "b'x'"},
		{"b'GET / HTTP/1.1\\r\\n\\r\\n'.split(b'\\r\\n')", "[b'GET / HTTP/1.1', b'', b'']"},
		{"b'abc'.hex()", "'616263'"},
		{"'{:>4}'.format('a')", "'   a'"},
	} {
		if got := sh.eval(c.src); got != c.want {
			t.Errorf("%s = %s, want %s", c.src, got, c.want)
		}
	}
}

// TestDecodeMatchesPython decodes every one- and two-byte sequence and a
// sample of longer ones with each codec and error handler, comparing
// results and UnicodeDecodeError messages with python3.
func TestDecodeMatchesPython(t *testing.T) {
	var inputs [][]byte
	for a := 0; a < 256; a++ {
		inputs = append(inputs, []byte{byte(a)})
	}
	seconds := []byte{0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff}
	for a := 0xc0; a < 0x100; a++ {
		for _, b := range seconds {
			inputs = append(inputs, []byte{byte(a), b}, []byte{'x', byte(a), b, 0x80, 'y'}, []byte{byte(a), b, 0xbf, 0x80})
		}
	}
	type run struct{ enc, errs string }
	runs := []run{{"utf-8", "strict"}, {"utf-8", "replace"}, {"utf-8", "ignore"}, {"ascii", "strict"}, {"ascii", "replace"}, {"latin-1", "strict"}}
	var prog strings.Builder
	prog.WriteString("data = [\n")
	for _, in := range inputs {
		fmt.Fprintf(&prog, "bytes.fromhex('%x'),\n", in)
	}
	prog.WriteString("]\n")
	for _, r := range runs {
		fmt.Fprintf(&prog, "for d in data:\n    try:\n        print(ascii(d.decode('%s', '%s')))\n    except Exception as e:\n        print(type(e).__name__ + ': ' + str(e))\n", r.enc, r.errs)
	}
	want := strings.Split(strings.TrimRight(pythonEval(t, prog.String()), "\n"), "\n")
	if len(want) != len(inputs)*len(runs) {
		t.Fatalf("python3 printed %d lines, want %d", len(want), len(inputs)*len(runs))
	}
	i := 0
	for _, r := range runs {
		for _, in := range inputs {
			got, err := decodeBytes(in, r.enc, r.errs)
			line := asciiEscape(strRepr(got))
			if err != nil {
				line = err.Error()
			}
			if line != want[i] {
				t.Errorf("%q.decode(%q, %q) = %s, python3: %s", in, r.enc, r.errs, line, want[i])
			}
			i++
		}
	}
}

func TestEncodeMatchesPython(t *testing.T) {
	texts := []string{"plain", "é", "aé€b", "日本", "\U0001f600", "\x00\x7f\u0080\u00ff\u0100"}
	codecs := []string{"'utf-8'", "'ascii'", "'latin-1'", "'ascii', 'replace'", "'latin-1', 'ignore'", "'UTF8'", "'klingon'", "'ascii', 'bogus'"}
	var prog strings.Builder
	var exprs []string
	for _, s := range texts {
		for _, c := range codecs {
			e := fmt.Sprintf("%s.encode(%s)", pyCodepoints(s), c)
			exprs = append(exprs, e)
			fmt.Fprintf(&prog, "try:\n    print(repr(%s))\nexcept Exception as e:\n    print(type(e).__name__ + ': ' + str(e))\n", e)
		}
	}
	want := strings.Split(strings.TrimRight(pythonEval(t, prog.String()), "\n"), "\n")
	matchPython(t, exprs, want)
}

// TestBytesMethodsMatchPython runs the bytes methods with awkward
// arguments (empty, missing, non-ASCII, wrong types) in both.
func TestBytesMethodsMatchPython(t *testing.T) {
	exprs := []string{
		"b' \\t a b\\x85\\xa0 c \\n'.split()", "b' a b c '.split(None, 1)", "b' a b c '.rsplit(None, 1)",
		"b'a,,b'.split(b',')", "b''.split()", "b''.split(b',')", "b'a,b'.split(b'')",
		"b'\\xa0x\\xa0'.strip()", "b'xyx'.strip(b'xy')", "b'\\xe9A'.upper()", "b'\\xc9a'.lower()",
		"b'abcabc'.find(b'c', 3)", "b'abcabc'.rfind(b'c', 0, 4)", "b'abc'.find(98)", "b'abc'.find(300)",
		"b'abc'.index(b'z')", "b'abc'.find('a')", "b'aaa'.count(b'a', 1)", "b'aaa'.count(b'')",
		"b'abc'.startswith(b'')", "b'abc'.startswith('a')", "b'abc'.endswith((b'x', b'c'))",
		"b'a\\r\\nb\\rc\\n'.splitlines()", "b'a\\r\\nb\\rc\\n'.splitlines(True)", "b'a'.replace(b'', b'-')",
		"b'aaa'.replace(b'a', b'b', 2)", "b','.join([])", "b','.join((b'a',))", "b'k=v=w'.partition(b'=')",
		"b'k=v=w'.rpartition(b'=')", "b'kv'.partition(b'=')", "b'kv'.rpartition(b'=')", "b'ab'.ljust(4, b'.')",
		"b'ab'.rjust(1)", "b'abc'.center(6)", "b'abc'.center(7, b'-')", "b'-5'.zfill(4)", "b''.isdigit()",
		"b'12a'.isalnum()", "b' \\t'.isspace()", "b'Ab'.isalpha()", "b'\\x00\\xff'.hex('-')", "b''.hex()",
		"b'abc'.removesuffix(b'bc')", "b'abc'.removeprefix(b'x')", "'ab'.center(5)", "'abc'.center(6, '*')",
		"'-7'.zfill(4)", "'x'.ljust(3, 'ab')", "'Hello'.swapcase()", "'é'.isascii()", "'12'.isdecimal()",
	}
	var prog strings.Builder
	for _, e := range exprs {
		fmt.Fprintf(&prog, "try:\n    print(repr(%s))\nexcept Exception as e:\n    print(type(e).__name__ + ': ' + str(e))\n", e)
	}
	want := strings.Split(strings.TrimRight(pythonEval(t, prog.String()), "\n"), "\n")
	matchPython(t, exprs, want)
}
