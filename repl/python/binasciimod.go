package python

import (
	"encoding/hex"
	"hash/crc32"
	"unicode/utf8"

	"go.starlark.net/starlark"
)

// newBinasciiModule is binascii: bytes to hexadecimal text and back, and
// the CRC-32 checksum that zip, PNG and Ethernet use.
func newBinasciiModule(*Interp) starlark.Value {
	return table{name: "binascii", doc: "Bytes as hexadecimal and back, for looking at binary protocol data, and crc32 checksums.", rows: []row{
		{name: "hexlify", fn: binasciiHexlify, sig: "binascii.hexlify(data[, sep[, bytes_per_sep]]) -> bytes", doc: "Each byte as two hex digits: hexlify(b'\\x01\\xff') is b'01ff'; with sep=':' they are grouped, every bytes_per_sep bytes (counted from the right; negative counts from the left)."},
		{name: "b2a_hex", fn: binasciiHexlify, sig: "binascii.b2a_hex(data[, sep[, bytes_per_sep]]) -> bytes", doc: "The same as hexlify."},
		{name: "unhexlify", fn: binasciiUnhexlify("unhexlify"), sig: "binascii.unhexlify(hexstr) -> bytes", doc: "Two hex digits per byte back to bytes: unhexlify('01ff') is b'\\x01\\xff'. binascii.Error for an odd length or a non-hex digit."},
		{name: "a2b_hex", fn: binasciiUnhexlify("a2b_hex"), sig: "binascii.a2b_hex(hexstr) -> bytes", doc: "The same as unhexlify."},
		{name: "crc32", fn: binasciiCrc32, sig: "binascii.crc32(data[, value]) -> int", doc: "The CRC-32 of data as an unsigned int; pass the previous result as value to checksum data that arrives in pieces."},
		{name: "Error", value: exceptionClasses["binascii.Error"], sig: "binascii.Error", doc: "Raised for malformed input (a ValueError)."},
		{name: "Incomplete", value: exceptionClasses["binascii.Incomplete"]},
	}}.module()
}

// binasciiHexlify is hexlify(data, sep=<none>, bytes_per_sep=1).
func binasciiHexlify(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	params, err := placeArgs(b.Name(), args, kwargs, []string{"data", "sep", "bytes_per_sep"}, 1)
	if err != nil {
		return nil, err
	}
	data, err := dataArg(params[0])
	if err != nil {
		return nil, err
	}
	out := make([]byte, hex.EncodedLen(len(data)))
	hex.Encode(out, data)
	if params[1] == nil {
		return starlark.Bytes(out), nil
	}
	sep, err := hexSep(params[1])
	if err != nil {
		return nil, err
	}
	group := 1
	if params[2] != nil {
		if group, err = cIntArgStrict(params[2]); err != nil {
			return nil, err
		}
	}
	return starlark.Bytes(groupHex(out, sep, group)), nil
}

// hexSep reads hexlify's separator: one ASCII character, as str or bytes.
// Like CPython, a str character up to U+00FF passes as that byte.
func hexSep(v starlark.Value) (byte, error) {
	var n int
	var c rune
	switch s := v.(type) {
	case starlark.String:
		n = utf8.RuneCountInString(string(s))
		c, _ = utf8.DecodeRuneInString(string(s))
	case starlark.Bytes:
		n = len(s)
		if n > 0 {
			c = rune(s[0])
		}
	case starlark.NoneType:
		return 0, pyErrorf("TypeError", "object of type 'NoneType' has no len()")
	default:
		// CPython asks for the length first.
		if _, sized := v.(starlark.Sequence); !sized {
			if _, sized := v.(starlark.Indexable); !sized {
				return 0, pyErrorf("TypeError", "object of type '%s' has no len()", pyTypeName(v))
			}
		}
		return 0, pyErrorf("TypeError", "sep must be str or bytes.")
	}
	if n != 1 {
		return 0, pyErrorf("ValueError", "sep must be length 1.")
	}
	if c > 0xff {
		return 0, pyErrorf("ValueError", "sep must be ASCII.")
	}
	return byte(c), nil
}

// groupHex puts sep between groups of group bytes (2*group digits),
// counted from the right when group > 0 and from the left when < 0.
func groupHex(digits []byte, sep byte, group int) []byte {
	n := len(digits) / 2
	if group == 0 || n == 0 {
		return digits
	}
	size := group
	if size < 0 {
		size = -size
	}
	var out []byte
	for i := 0; i < n; i++ {
		var boundary bool
		if group > 0 {
			boundary = i > 0 && (n-i)%size == 0
		} else {
			boundary = i > 0 && i%size == 0
		}
		if boundary {
			out = append(out, sep)
		}
		out = append(out, digits[2*i], digits[2*i+1])
	}
	return out
}

func binasciiUnhexlify(name string) builtinFn {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			return nil, pyErrorf("TypeError", "binascii.%s() takes no keyword arguments", name)
		}
		if len(args) != 1 {
			return nil, pyErrorf("TypeError", "binascii.%s() takes exactly one argument (%d given)", name, len(args))
		}
		var text []byte
		switch s := args[0].(type) {
		case starlark.String:
			for _, r := range string(s) {
				if r >= 0x80 {
					return nil, pyErrorf("ValueError", "string argument should contain only ASCII characters")
				}
			}
			text = []byte(s)
		default:
			b, err := dataArg(s)
			if err != nil {
				return nil, pyErrorf("TypeError", "argument should be bytes, buffer or ASCII string, not '%s'", pyTypeName(s))
			}
			text = b
		}
		if len(text)%2 != 0 {
			return nil, &PyError{Class: "binascii.Error", Msg: "Odd-length string"}
		}
		out := make([]byte, len(text)/2)
		if _, err := hex.Decode(out, text); err != nil {
			return nil, &PyError{Class: "binascii.Error", Msg: "Non-hexadecimal digit found"}
		}
		return starlark.Bytes(out), nil
	}
}

// binasciiCrc32 is crc32(data, value=0); value is taken modulo 2**32.
func binasciiCrc32(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "binascii.crc32() takes no keyword arguments")
	}
	if len(args) < 1 {
		return nil, pyErrorf("TypeError", "crc32 expected at least 1 argument, got %d", len(args))
	}
	if len(args) > 2 {
		return nil, pyErrorf("TypeError", "crc32 expected at most 2 arguments, got %d", len(args))
	}
	data, err := dataArg(args[0])
	if err != nil {
		return nil, err
	}
	var start uint32
	if len(args) == 2 {
		n, ok := bigOf(args[1])
		if !ok || !isPyInt(args[1]) {
			return nil, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(args[1]))
		}
		start = uint32(maskUint64(n))
	}
	return starlark.MakeUint64(uint64(crc32.Update(start, crc32.IEEETable, data))), nil
}
