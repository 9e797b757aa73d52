package python

import (
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"strings"

	"go.starlark.net/starlark"
)

// The base64 module: the encodings that carry bytes through text
// protocols (a WebSocket handshake's key, HTTP Basic credentials).
// Decoding follows CPython's binascii: outside validate=True, characters
// outside the alphabet are skipped, and decoding stops where the padding
// completes a group.

func newBase64Module(*Interp) starlark.Value {
	enc := func(name, sig, doc string, f func([]byte) []byte) row {
		return row{name: name, sig: "base64." + sig, doc: doc, fn: func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var s starlark.Value
			var altchars starlark.Value = starlark.None
			if err := starlark.UnpackArgs(name, args, kwargs, "s", &s, "altchars?", &altchars); err != nil {
				return nil, err
			}
			b, err := bytesArg(s)
			if err != nil {
				return nil, err
			}
			out := f(b)
			if alt, ok := asBytes(altchars); ok && len(alt) >= 2 {
				out = []byte(strings.NewReplacer("+", string(alt[0]), "/", string(alt[1])).Replace(string(out)))
			}
			return starlark.Bytes(out), nil
		}}
	}
	std := func(b []byte) []byte { return []byte(base64.StdEncoding.EncodeToString(b)) }
	return table{name: "base64", doc: "Bytes as text: b64encode/b64decode (and the URL-safe variants), b16 (hex) and b32.", rows: []row{
		enc("b64encode", "b64encode(s, altchars=None) -> bytes", "Standard Base64 of the bytes s.", std),
		enc("standard_b64encode", "standard_b64encode(s) -> bytes", "Standard Base64 of the bytes s.", std),
		enc("urlsafe_b64encode", "urlsafe_b64encode(s) -> bytes", "Base64 with - and _ for + and /.", func(b []byte) []byte { return []byte(base64.URLEncoding.EncodeToString(b)) }),
		enc("b16encode", "b16encode(s) -> bytes", "Upper-case hex digits.", func(b []byte) []byte { return []byte(strings.ToUpper(hex.EncodeToString(b))) }),
		enc("b32encode", "b32encode(s) -> bytes", "Base32, padded with =.", func(b []byte) []byte { return []byte(base32.StdEncoding.EncodeToString(b)) }),
		enc("encodebytes", "encodebytes(s) -> bytes", "Base64 in lines of 76 characters, each ending in a newline.", func(b []byte) []byte {
			s := base64.StdEncoding.EncodeToString(b)
			var out strings.Builder
			for len(s) > 76 {
				out.WriteString(s[:76] + "\n")
				s = s[76:]
			}
			if s != "" {
				out.WriteString(s + "\n")
			}
			return []byte(out.String())
		}),
		{name: "b64decode", fn: b64Decode("b64decode", false), sig: "base64.b64decode(s, altchars=None, validate=False) -> bytes", doc: "The bytes of Base64 text (str or bytes); binascii.Error for bad padding."},
		{name: "standard_b64decode", fn: b64Decode("standard_b64decode", false), sig: "base64.standard_b64decode(s) -> bytes", doc: "The bytes of standard Base64 text."},
		{name: "urlsafe_b64decode", fn: b64Decode("urlsafe_b64decode", true), sig: "base64.urlsafe_b64decode(s) -> bytes", doc: "The bytes of URL-safe Base64 text."},
		{name: "decodebytes", fn: b64Decode("decodebytes", false), sig: "base64.decodebytes(s) -> bytes", doc: "The bytes of Base64 text in lines."},
		{name: "b16decode", fn: b16Decode, sig: "base64.b16decode(s, casefold=False) -> bytes", doc: "The bytes of upper-case hex digits."},
		{name: "b32decode", fn: b32Decode, sig: "base64.b32decode(s) -> bytes", doc: "The bytes of Base32 text."},
	}}.module()
}

// asciiInput is a decoder's argument as bytes: a str must be ASCII.
func asciiInput(v starlark.Value) ([]byte, error) {
	if s, ok := v.(starlark.String); ok {
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				return nil, pyErrorf("ValueError", "string argument should contain only ASCII characters")
			}
		}
		return []byte(s), nil
	}
	if b, ok := asBytes(v); ok {
		return []byte(b), nil
	}
	return nil, pyErrorf("TypeError", "argument should be a bytes-like object or ASCII string, not '%s'", pyTypeName(v))
}

func binasciiError(msg string) error { return &PyError{Class: "binascii.Error", Msg: msg} }

const b64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

func b64Decode(name string, urlsafe bool) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var s starlark.Value
		var altchars starlark.Value = starlark.None
		validate := false
		if name == "b64decode" {
			if err := starlark.UnpackArgs(name, args, kwargs, "s", &s, "altchars?", &altchars, "validate?", &validate); err != nil {
				return nil, err
			}
		} else if err := starlark.UnpackArgs(name, args, kwargs, "s", &s); err != nil {
			return nil, err
		}
		in, err := asciiInput(s)
		if err != nil {
			return nil, err
		}
		if urlsafe {
			in = []byte(strings.NewReplacer("-", "+", "_", "/").Replace(string(in)))
		}
		if alt, ok := asBytes(altchars); ok && len(alt) >= 2 {
			in = []byte(strings.NewReplacer(string(alt[0]), "+", string(alt[1]), "/").Replace(string(in)))
		}
		out, err := a2bBase64(in, validate)
		if err != nil {
			return nil, err
		}
		return starlark.Bytes(out), nil
	}
}

// a2bBase64 decodes as binascii.a2b_base64 does.
func a2bBase64(in []byte, strict bool) ([]byte, error) {
	var out []byte
	var acc uint32
	quad, pads, data := 0, 0, 0
	for i, c := range in {
		if c == '=' {
			if strict && quad == 0 && data == 0 {
				return nil, binasciiError("Leading padding not allowed")
			}
			if quad >= 2 {
				pads++
				if quad+pads >= 4 {
					if strict && i+1 < len(in) {
						return nil, binasciiError("Excess data after padding")
					}
					return out, nil
				}
			}
			continue
		}
		v := strings.IndexByte(b64Alphabet, c)
		if v < 0 {
			if strict {
				return nil, binasciiError("Only base64 data is allowed")
			}
			continue
		}
		if strict && pads > 0 {
			return nil, binasciiError("Discontinuous padding not allowed")
		}
		pads = 0
		data++
		acc = acc<<6 | uint32(v)
		quad++
		switch quad {
		case 2:
			out = append(out, byte(acc>>4))
			acc &= 0xf
		case 3:
			out = append(out, byte(acc>>2))
			acc &= 0x3
		case 4:
			out = append(out, byte(acc))
			acc, quad = 0, 0
		}
	}
	if quad != 0 {
		if quad == 1 {
			return nil, binasciiError("Invalid base64-encoded string: number of data characters (" + itoa(data) + ") cannot be 1 more than a multiple of 4")
		}
		return nil, binasciiError("Incorrect padding")
	}
	return out, nil
}

func b16Decode(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var s starlark.Value
	casefold := false
	if err := starlark.UnpackArgs("b16decode", args, kwargs, "s", &s, "casefold?", &casefold); err != nil {
		return nil, err
	}
	in, err := asciiInput(s)
	if err != nil {
		return nil, err
	}
	text := string(in)
	if casefold {
		text = strings.ToUpper(text)
	}
	if strings.Trim(text, "0123456789ABCDEF") != "" {
		return nil, binasciiError("Non-base16 digit found")
	}
	if len(text)%2 == 1 {
		return nil, binasciiError("Odd-length string")
	}
	out, _ := hex.DecodeString(text)
	return starlark.Bytes(out), nil
}

func b32Decode(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var s starlark.Value
	if err := starlark.UnpackArgs("b32decode", args, kwargs, "s", &s); err != nil {
		return nil, err
	}
	in, err := asciiInput(s)
	if err != nil {
		return nil, err
	}
	if len(in)%8 != 0 {
		return nil, binasciiError("Incorrect padding")
	}
	out, err := base32.StdEncoding.DecodeString(string(in))
	if err != nil {
		return nil, binasciiError("Non-base32 digit found")
	}
	return starlark.Bytes(out), nil
}
