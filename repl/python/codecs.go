package python

// The codecs str.encode and bytes.decode know: utf-8, ascii and latin-1,
// with Python's error handlers and error messages.

import (
	"strings"
	"unicode/utf8"
)

// normEncoding maps Python's spellings of the three codecs offered.
func normEncoding(enc string) (string, error) {
	e := strings.ToLower(strings.ReplaceAll(enc, "_", "-"))
	switch e {
	case "utf-8", "utf8", "u8", "utf":
		return "utf-8", nil
	case "ascii", "us-ascii", "646":
		return "ascii", nil
	case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819", "latin", "l1":
		return "latin-1", nil
	}
	return "", pyErrorf("LookupError", "unknown encoding: %s", enc)
}

func checkErrors(mode string) error {
	switch mode {
	case "strict", "ignore", "replace":
		return nil
	}
	return pyErrorf("LookupError", "unknown error handler name '%s'", mode)
}

// decodeBytes decodes p with a Python codec and error handler.
func decodeBytes(p []byte, encoding, errs string) (string, error) {
	enc, err := normEncoding(encoding)
	if err != nil {
		return "", err
	}
	if enc != "latin-1" && !validFor(p, enc) {
		// Like Python, the handler is looked up only when needed.
		if err := checkErrors(errs); err != nil {
			return "", err
		}
	}
	var b strings.Builder
	switch enc {
	case "latin-1":
		for _, c := range p {
			b.WriteRune(rune(c))
		}
	case "ascii":
		for i, c := range p {
			switch {
			case c < 0x80:
				b.WriteByte(c)
			case errs == "ignore":
			case errs == "replace":
				b.WriteRune(utf8.RuneError)
			default:
				return "", pyErrorf("UnicodeDecodeError", "'ascii' codec can't decode byte %#02x in position %d: ordinal not in range(128)", c, i)
			}
		}
	default:
		for i := 0; i < len(p); {
			n, reason := utf8Seq(p[i:])
			if reason == "" {
				b.Write(p[i : i+n])
				i += n
				continue
			}
			switch errs {
			case "ignore":
			case "replace":
				b.WriteRune(utf8.RuneError)
			default:
				if n <= 1 {
					return "", pyErrorf("UnicodeDecodeError", "'utf-8' codec can't decode byte %#02x in position %d: %s", p[i], i, reason)
				}
				return "", pyErrorf("UnicodeDecodeError", "'utf-8' codec can't decode bytes in position %d-%d: %s", i, i+n-1, reason)
			}
			if n < 1 {
				n = 1
			}
			i += n
		}
	}
	return b.String(), nil
}

// validFor reports whether p decodes without error.
func validFor(p []byte, enc string) bool {
	if enc == "ascii" {
		for _, c := range p {
			if c >= 0x80 {
				return false
			}
		}
		return true
	}
	for i := 0; i < len(p); {
		n, reason := utf8Seq(p[i:])
		if reason != "" {
			return false
		}
		i += n
	}
	return true
}

// utf8Seq checks the sequence at the start of p the way CPython's decoder
// does. On success it returns its length and "". On failure it returns
// how many bytes form the bad prefix (the unit one U+FFFD replaces) and
// CPython's reason.
func utf8Seq(p []byte) (int, string) {
	c := p[0]
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case c < 0x80:
		return 1, ""
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c >= 0xE0 && c <= 0xEF:
		need = 2
		if c == 0xE0 {
			lo = 0xA0
		} else if c == 0xED {
			hi = 0x9F
		}
	case c >= 0xF0 && c <= 0xF4:
		need = 3
		if c == 0xF0 {
			lo = 0x90
		} else if c == 0xF4 {
			hi = 0x8F
		}
	default:
		return 1, "invalid start byte"
	}
	for k := 1; k <= need; k++ {
		if k >= len(p) {
			return k, "unexpected end of data"
		}
		first := k == 1
		ok := p[k] >= 0x80 && p[k] <= 0xBF
		if first {
			ok = p[k] >= lo && p[k] <= hi
		}
		if !ok {
			return k, "invalid continuation byte"
		}
	}
	return need + 1, ""
}
