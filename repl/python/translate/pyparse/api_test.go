package pyparse

import (
	"errors"
	"math/big"
	"strings"
	"testing"
)

// TestParseExprMatchesPython compares ParseExpr with ast.parse(mode="eval").
func TestParseExprMatchesPython(t *testing.T) {
	srcs := []string{
		"1 + 2", "a, b", "*a, b", "f(x)[1:2]", "  x  ", "x\n", "lambda: 0", "(yield)",
		"[i for i in range(3)]", "f'{x!r}'", "1 if 2 else 3", "x = 1", "1 2", "",
	}
	var reqs []oracleReq
	for _, s := range srcs {
		reqs = append(reqs, oracleReq{Mode: "eval", Src: s})
	}
	resps := askPython(t, reqs)
	for i, src := range srcs {
		e, err := ParseExpr("<string>", src)
		if resps[i].Error != nil {
			if err == nil {
				t.Errorf("%q: python3 rejects it (%s), ParseExpr accepts it", src, resps[i].Error.Msg)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if got := Dump(e); got != resps[i].Dump {
			t.Errorf("%q:\n%s", src, firstDifference(got, resps[i].Dump))
		}
	}
}

// TestMatchRefused: a match statement gets one sentence naming if/elif,
// while match used as a name still parses.
func TestMatchRefused(t *testing.T) {
	for _, src := range []string{"match x:\n    case 1:\n        pass\n", "match (x):\n", "match [a, b]:\n", "match -x:"} {
		_, err := Parse("<stdin>", src)
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(e.Msg, "if/elif") || e.Lineno != 1 || e.Offset != 1 || e.Incomplete {
			t.Errorf("%q: got %#v, want the if/elif refusal at 1:1", src, err)
		}
	}
	for _, src := range []string{"match = 1", "match(x)", "match.x = 1", "match[x] = 1", "print(match)", "match: int = 1", "match, case = 1, 2", "x = match if match else case"} {
		if _, err := Parse("<stdin>", src); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}

// TestConstantValues checks the Go types of Constant values.
func TestConstantValues(t *testing.T) {
	huge, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	cases := []struct {
		src  string
		want any
	}{
		{"None", nil}, {"True", true}, {"False", false}, {"42", int64(42)}, {"0x_ff", int64(255)},
		{"1.5", 1.5}, {"2j", Imaginary{Imag: 2}}, {"'é'", "é"}, {"b'\\x00a'", []byte{0, 'a'}}, {"...", Ellipsis},
	}
	for _, c := range cases {
		e, err := ParseExpr("<string>", c.src)
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		got := e.(*Constant).Value
		if b, ok := c.want.([]byte); ok {
			if string(got.([]byte)) != string(b) {
				t.Errorf("%q: got %#v", c.src, got)
			}
			continue
		}
		if got != c.want {
			t.Errorf("%q: got %#v (%T), want %#v", c.src, got, got, c.want)
		}
	}
	e, _ := ParseExpr("<string>", "123456789012345678901234567890")
	if v, ok := e.(*Constant).Value.(*big.Int); !ok || v.Cmp(huge) != 0 {
		t.Errorf("big int: got %#v", e.(*Constant).Value)
	}
}
