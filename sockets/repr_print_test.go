package sockets

import (
	"testing"
	"unicode"
)

func TestIsPrintableAgreesWithUnicodeBasics(t *testing.T) {
	for _, r := range []rune{'a', 'é', '日', '€'} {
		if !isPrintable(r) {
			t.Errorf("%q should be printable", r)
		}
	}
	for _, r := range []rune{0x85, 0xa0, 0x200b, 0x2028, unicode.MaxRune} {
		if isPrintable(r) {
			t.Errorf("%U should not be printable", r)
		}
	}
}
