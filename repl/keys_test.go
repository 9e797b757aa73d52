package repl

import (
	"fmt"
	"strings"
	"testing"
)

// splitAll feeds the reads to a keySplitter and returns every key, as
// go-prompt would read them. Known escape sequences are a few of
// go-prompt's: arrows, Home.
func splitAll(reads ...string) []string {
	var k keySplitter
	known := map[string]bool{"\x1b[A": true, "\x1b[B": true, "\x1b[H": true, "\x1bOP": true, "\x1b": true}
	read := func() ([]byte, error) {
		if len(reads) == 0 {
			return nil, nil
		}
		r := reads[0]
		reads = reads[1:]
		return []byte(r), nil
	}
	var keys []string
	for {
		key, _ := k.next(read, func(b []byte) bool { return known[string(b)] })
		if key == nil {
			if len(reads) == 0 {
				return keys
			}
			continue
		}
		keys = append(keys, string(key))
	}
}

func TestKeySplitter(t *testing.T) {
	cases := []struct {
		reads []string
		want  string
	}{
		// Typed keys and plain pastes, as before.
		{[]string{"abc\x15def\r"}, `"abc" "\x15" "def" "\r"`},
		{[]string{"x = 1\ny = 2\n"}, `"x = 1" "\r" "y = 2" "\r"`},
		{[]string{"\x1b[A\x1b[Bq"}, `"\x1b[A" "\x1b[B" "q"`},
		// F-keys and Alt-keys go-prompt does not know are dropped.
		{[]string{"a\x1b[24~b\x1bxc\x1b[15;2~d\x1bOP"}, `"a" "b" "c" "d" "\x1bOP"`},
		// An escape sequence cut between two reads is put together.
		{[]string{"a\x1b[2", "4~b\x1b[", "A"}, `"a" "b" "\x1b[A"`},
		// Bracketed paste: whole lines with their tabs, each with Enter;
		// blank lines kept (they end blocks), control characters dropped.
		{[]string{"\x1b[200~if x:\r\ty = 1\r\t\r\x1b[2Jz\x07 = 2\x1b[201~"}, `"if x:" "\r" "\ty = 1" "\r" "\r" "[2Jz = 2"`},
		// ... also when the markers and lines are cut between reads.
		{[]string{"\x1b[20", "0~a = 1\r", "\tb = 2", "\r\x1b[2", "01~\x1b[A"}, `"a = 1" "\r" "\tb = 2" "\r" "\x1b[A"`},
		// A paste that ends without a newline leaves its last line typed.
		{[]string{"\x1b[200~a\r\x1b[201~"}, `"a" "\r"`},
		{[]string{"\x1b[200~abc\x1b[201~\r"}, `"abc" "\r"`},
		// A pasted session: prompts off, output lines dropped, a bare
		// "..." ends the block.
		{[]string{"\x1b[200~>>> for i in range(2):\n...     print(i)\n...\n0\n1\n>>> x = 1\n\x1b[201~"},
			`"for i in range(2):" "\r" "    print(i)" "\r" "\r" "x = 1" "\r"`},
		// Output (or the next >>>) right after a "..." line ends the block.
		{[]string{"\x1b[200~>>> if 1:\n...     2\n2\n>>> while 0:\n...     pass\n>>> 3\x1b[201~"},
			`"if 1:" "\r" "    2" "\r" "\r" "while 0:" "\r" "    pass" "\r" "\r" "3"`},
		// A lesson's code lines are indented: the margin goes too.
		{[]string{"\x1b[200~  >>> s = 1\n  >>> s\n  1\n"}, `"s = 1" "\r" "s" "\r"`},
		// A paste that does not start with a prompt is left as it is.
		{[]string{"\x1b[200~x = 1\n>>> y\x1b[201~"}, `"x = 1" "\r" ">>> y"`},
	}
	for _, c := range cases {
		var got []string
		for _, k := range splitAll(c.reads...) {
			got = append(got, fmt.Sprintf("%q", k))
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.reads, strings.Join(got, " "), c.want)
		}
	}
}
