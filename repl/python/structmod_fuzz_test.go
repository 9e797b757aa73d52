package python

import (
	"errors"
	"math"
	"strings"
	"testing"

	"go.starlark.net/starlark"
)

// FuzzStruct runs arbitrary formats, data and offsets through struct's
// calcsize, unpack_from, unpack and pack. Every answer is a value or a Python exception; pack's
// output is calcsize bytes long; and a format with an explicit byte
// order and only integer, char and string codes packs what it unpacked
// back into the same bytes.
func FuzzStruct(f *testing.F) {
	for _, s := range []struct {
		format string
		data   []byte
	}{
		{"!HHI", []byte("\x00\x01\x00\x02\x00\x00\x00\x03")}, {"<q", make([]byte, 8)}, {"@bhiq", make([]byte, 16)},
		{"4s2xH", []byte("abcd\x00\x00\x01\x02")}, {"=?c", []byte("\x01a")}, {"5p", []byte("\x03abcd")},
		{"!e f d", make([]byte, 14)}, {"99999999999999999999x", nil}, {"1000000000000x", nil},
		{"9223372036854775807x9223372036854775807x", nil}, {"0s0p", nil}, {"", nil}, {"!", nil}, {"3", nil},
		{"nNP", make([]byte, 24)}, {">lL", make([]byte, 8)}, {"z", nil},
	} {
		f.Add(s.format, s.data, int64(0))
	}
	f.Add("!I", []byte("abcd"), int64(math.MinInt64))
	f.Add("16n?", make([]byte, 129), int64(-100))
	f.Add("<s3fB", make([]byte, 14), int64(-1))
	f.Fuzz(func(t *testing.T, format string, data []byte, offset int64) {
		call := func(fn func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error), args ...starlark.Value) (starlark.Value, error) {
			v, err := fn(nil, nil, starlark.Tuple(args), nil)
			if err != nil {
				var pe *PyError
				if !errors.As(err, &pe) || !IsExceptionClass(pe.Class) {
					t.Fatalf("struct(%q, %q): %T %v is not a Python exception", format, data, err, err)
				}
			}
			return v, err
		}
		fmtv := starlark.String(format)
		size, err := call(structCalcsize, fmtv)
		if err != nil {
			return
		}
		n, err := starlark.AsInt32(size)
		if err != nil {
			return // more bytes than the fuzzer makes
		}
		if v, err := call(structUnpackFrom, fmtv, starlark.Bytes(data), starlark.MakeInt64(offset)); err == nil && len(data) < n {
			t.Fatalf("unpack_from(%q, %d bytes, %d) = %v, yet calcsize is %d", format, len(data), offset, v, n)
		}
		if _, err := call(structUnpackFrom, fmtv, starlark.Bytes(data)); err != nil && len(data) >= n {
			if pe := asPyError(err); pe.Class == "struct.error" && strings.Contains(pe.Msg, "requires a buffer") {
				t.Fatalf("unpack_from(%q) of %d bytes: %v, yet calcsize is %d", format, len(data), err, n)
			}
		}
		if len(data) != n {
			return
		}
		vals, err := call(structUnpack, fmtv, starlark.Bytes(data))
		if err != nil {
			return
		}
		args := append(starlark.Tuple{fmtv}, vals.(starlark.Tuple)...)
		packed, err := call(structPack, args...)
		if err != nil {
			t.Fatalf("pack(%q, *unpack(%q, %q)): %v", format, format, data, err)
		}
		if got := len(packed.(starlark.Bytes)); got != n {
			t.Fatalf("pack(%q) gave %d bytes; calcsize says %d", format, got, n)
		}
		// Native '@' formats pad for alignment, and pack writes zeros there.
		explicit := format != "" && strings.ContainsRune("=<>!", rune(format[0]))
		if explicit && strings.Trim(format[1:], "bBhHiIlLqQcs0123456789 \t\n") == "" && string(packed.(starlark.Bytes)) != string(data) {
			t.Fatalf("pack(%q, *unpack(%q, %q)) = %q", format, format, data, packed)
		}
	})
}
