package python

import (
	"fmt"
	"math"
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"go.starlark.net/starlark"
)

func TestFloatReprMatchesPython(t *testing.T) {
	vals := []float64{0, 1, -1, 0.1, 0.2, 1.0 / 3, 2.0 / 3, 1e15, 1e16, 9999999999999998, 1e-4, 1e-5, 0.00012345,
		123456789.0, 1.5e300, 5e-324, math.MaxFloat64, 100, 1e22, 1e21, 12345678901234567890.0, 0.5, 2.5e-8}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 300; i++ {
		vals = append(vals, math.Float64frombits(r.Uint64()))
		vals = append(vals, r.Float64()*math.Pow(10, float64(r.Intn(40)-20)))
	}
	var hexes []string
	var kept []float64
	for _, v := range vals {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		kept = append(kept, v)
		hexes = append(hexes, "'"+strconv.FormatFloat(v, 'x', -1, 64)+"'")
	}
	out := pythonEval(t, "for h in ["+strings.Join(hexes, ",")+"]: print(repr(float.fromhex(h)))")
	want := strings.Split(strings.TrimSpace(out), "\n")
	for i, v := range kept {
		if got := floatRepr(v); got != want[i] {
			t.Errorf("repr(%s) = %s, python3 says %s", hexes[i], got, want[i])
		}
	}
	for _, c := range []struct {
		f    float64
		want string
	}{{math.Inf(1), "inf"}, {math.Inf(-1), "-inf"}, {math.NaN(), "nan"}, {math.Copysign(0, -1), "-0.0"}} {
		if got := floatRepr(c.f); got != c.want {
			t.Errorf("floatRepr(%v) = %q, want %q", c.f, got, c.want)
		}
	}
}

// TestStrReprMatchesPython compares the repr of every character in the
// ranges a learner's data is likely to hold. Characters Unicode assigned
// after the version Python 3.11 knows (14.0) are skipped: Go knows them
// as printable and Python does not.
func TestStrReprMatchesPython(t *testing.T) {
	const chunk = 64
	ranges := [][2]int{{0, 0x3000}, {0xfe00, 0x10000}, {0x1f300, 0x1f700}}
	var program strings.Builder
	program.WriteString("import unicodedata\nassert unicodedata.unidata_version.startswith('14')\n")
	var chunks []string
	for _, rg := range ranges {
		for start := rg[0]; start < rg[1]; start += chunk {
			var b strings.Builder
			for c := start; c < start+chunk && c < rg[1]; c++ {
				if c >= 0xd800 && c < 0xe000 || newerThanUnicode14(rune(c)) {
					continue
				}
				b.WriteRune(rune(c))
			}
			chunks = append(chunks, b.String())
			fmt.Fprintf(&program, "print(repr(%s))\n", pyCodepoints(b.String()))
		}
	}
	out := pythonEval(t, program.String())
	want := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(want) != len(chunks) {
		t.Fatalf("python3 printed %d lines for %d chunks", len(want), len(chunks))
	}
	for i, s := range chunks {
		if got := strRepr(s); got != want[i] {
			t.Errorf("repr of chunk %d differs:\n got  %s\n want %s", i, got, want[i])
		}
	}
}

// pyCodepoints spells s as a Python expression free of any quoting issue.
func pyCodepoints(s string) string {
	var codes []string
	for _, r := range s {
		codes = append(codes, strconv.Itoa(int(r)))
	}
	return "''.join(map(chr, [" + strings.Join(codes, ",") + "]))"
}

// newerThanUnicode14 reports characters Go knows but Unicode 14 (Python
// 3.11) does not: those assigned in Unicode 15 and later.
func newerThanUnicode14(r rune) bool {
	for _, rg := range [][2]rune{{0x0cf3, 0x0cf3}, {0x0ece, 0x0ece}, {0x10efd, 0x10eff}, {0x1f6dc, 0x1f6dc},
		{0x1f774, 0x1f776}, {0x1f77b, 0x1f77f}, {0x1f7d9, 0x1f7d9}, {0x2fffe, 0x10ffff}} {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

func TestBytesReprMatchesPython(t *testing.T) {
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	cases := [][]byte{all, []byte("it's"), []byte(`say "x"`), []byte(`both ' and "`), nil, []byte("\\")}
	var exprs []string
	for _, c := range cases {
		var codes []string
		for _, b := range c {
			codes = append(codes, strconv.Itoa(int(b)))
		}
		exprs = append(exprs, "bytes(["+strings.Join(codes, ",")+"])")
	}
	out := pythonEval(t, "for b in ["+strings.Join(exprs, ",")+"]: print(repr(b))")
	want := strings.Split(strings.TrimRight(out, "\n"), "\n")
	for i, c := range cases {
		if got := bytesRepr(c); got != want[i] {
			t.Errorf("bytes repr differs:\n got  %s\n want %s", got, want[i])
		}
	}
}

func TestReprOfContainersAndStr(t *testing.T) {
	l := starlark.NewList([]starlark.Value{starlark.MakeInt(1)})
	l.Append(l)
	d := starlark.NewDict(1)
	d.SetKey(starlark.String("self"), d)
	set := starlark.NewSet(2)
	set.Insert(starlark.MakeInt(3))
	for _, c := range []struct {
		v         starlark.Value
		repr, str string
	}{
		{starlark.String("hi"), "'hi'", "hi"},
		{starlark.Bytes("hi"), "b'hi'", "b'hi'"},
		{starlark.Tuple{starlark.String("127.0.0.1"), starlark.MakeInt(5)}, "('127.0.0.1', 5)", "('127.0.0.1', 5)"},
		{starlark.Tuple{starlark.None}, "(None,)", "(None,)"},
		{starlark.Tuple{}, "()", "()"},
		{l, "[1, [...]]", "[1, [...]]"},
		{d, "{'self': {...}}", "{'self': {...}}"},
		{set, "{3}", "{3}"},
		{starlark.NewSet(0), "set()", "set()"},
		{starlark.True, "True", "True"},
		{starlark.None, "None", "None"},
		{starlark.Float(2), "2.0", "2.0"},
		{constValue{enum: "AddressFamily", name: "AF_INET", v: 2}, "<AddressFamily.AF_INET: 2>", "2"},
		{constValue{enum: "MsgFlag", v: 66}, "<MsgFlag.MSG_PEEK|MSG_DONTWAIT: 66>", "66"},
		{constValue{enum: "MsgFlag", v: 0}, "<MsgFlag: 0>", "0"},
		{typeInt, "<class 'int'>", "<class 'int'>"},
	} {
		if got := Repr(c.v); got != c.repr {
			t.Errorf("Repr = %s, want %s", got, c.repr)
		}
		if got := pyStr(c.v); got != c.str {
			t.Errorf("pyStr = %s, want %s", got, c.str)
		}
	}
}
