package python

import (
	"fmt"
	"strings"
	"testing"
)

// TestStructMatchesPython packs a grid of formats and values in python3
// and in sockrepl and compares every result or struct.error line.
func TestStructMatchesPython(t *testing.T) {
	formats := []string{"b", "B", "h", "H", "i", "I", "l", "L", "q", "Q"}
	values := []string{"0", "1", "-1", "127", "128", "-129", "255", "256", "32767", "32768", "-32769", "65535", "65536",
		"2**31-1", "2**31", "-2**31-1", "2**32", "2**63", "-2**63-1", "2**64", "2**70", "-2**70", "True", "1.5", "'x'", "None"}
	var exprs []string
	for _, order := range []string{"@", "=", "<", ">", "!"} {
		for _, f := range formats {
			for _, v := range values {
				exprs = append(exprs, fmt.Sprintf("struct.pack('%s%s', %s)", order, f, v))
			}
		}
	}
	exprs = append(exprs,
		"struct.pack('!f', 1e300)", "struct.pack('!f', 'x')", "struct.pack('!d', -0.0)", "struct.pack('<f', 3)",
		"struct.pack('@bhiq', 1, 2, 3, 4)", "struct.pack('@qb', 1, 2)", "struct.pack('@b3sH', 1, b'ab', 7)",
		"struct.pack('!0s', b'x')", "struct.pack('!p', b'x')", "struct.pack('!300p', b'x' * 300)",
		"struct.calcsize('@bhiqfd')", "struct.calcsize('=bhiqfd')", "struct.calcsize('@cxhxxi')", "struct.calcsize('')",
		"struct.calcsize('@2x3h')", "struct.calcsize('4')", "struct.calcsize('!e')",
		"struct.unpack('@bhiq', struct.pack('@bhiq', -1, -2, -3, -4))", "struct.unpack('<HHI', b'\\x01\\x00\\x02\\x00\\x03\\x00\\x00\\x00')",
		"struct.unpack('!b', b'\\x80')", "struct.unpack('!I', b'\\xff\\xff\\xff\\xff')", "struct.unpack('!2s2s', b'abcd')",
		"struct.unpack('!5p', b'\\x09abcd')", "struct.unpack('!f', b'\\x7f\\x80\\x00\\x00')", "struct.unpack('!d', b'\\x00' * 7)",
		"struct.unpack_from('!H', b'\\x00\\x01\\x00', -2)", "struct.unpack_from('!H', b'\\x00', 5)",
		"struct.pack('<e', 1.0)", "struct.pack('!e', 65504)", "struct.pack('!e', 65520)", "struct.pack('!e', 1e-7)",
		"struct.pack('!e', -2.5e-5)", "struct.pack('!e', 0.1)", "struct.unpack('!e', b'\\x3c\\x01')",
		"struct.unpack('<e', b'\\x01\\x00')", "struct.unpack('!e', b'\\xfc\\x00')",
	)
	var prog strings.Builder
	prog.WriteString("import struct\n")
	for _, e := range exprs {
		fmt.Fprintf(&prog, "try:\n    print(repr(%s))\nexcept Exception as ex:\n    n = type(ex).__name__\n    print(('struct.error' if n == 'error' else n) + ': ' + str(ex))\n", e)
	}
	want := strings.Split(strings.TrimRight(pythonEval(t, prog.String()), "\n"), "\n")
	matchPython(t, exprs, want)
}
