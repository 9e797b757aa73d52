package repl

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// safeText makes text that came from outside the shell harmless to print:
// process names and socket paths of any local user (%ss), a teacher's
// lesson file, file names. Control characters (C0, DEL, C1), the Unicode
// controls that reorder or hide text, and bytes that are not UTF-8 are
// written as Python writes them in a str repr (\x1b, \u202e), so no escape
// sequence can clear the screen, set the window title, write the clipboard
// (OSC 52) or hide text. Everything else is kept, Chinese included.
func safeText(s string) string {
	if isSafe(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unsafeRune(r) && r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func isSafe(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c >= 0x80 {
			return isSafeSlow(s)
		}
	}
	return true
}

func isSafeSlow(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unsafeRune(r) {
			return false
		}
	}
	return true
}

// unsafeRune: C0 and C1 controls, DEL, and the bidirectional and
// zero-width format characters that can reorder or hide what is shown.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r == 0x200b, r == 0x200e, r == 0x200f, r == 0x2060, r == 0xfeff,
		r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
