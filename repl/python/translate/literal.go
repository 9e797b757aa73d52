package translate

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// decodePyString returns the value of one Python string literal token
// (prefix included) with Python's escape rules, which differ from
// Starlark's: unknown escapes stay as written, '\xe9' is é in a str, and
// \u means nothing in bytes. translate re-quotes the value for Starlark.
func decodePyString(lit string) (val string, isBytes bool, err *Error) {
	i := 0
	raw := false
	for i < len(lit) && lit[i] != '\'' && lit[i] != '"' {
		switch lit[i] {
		case 'r', 'R':
			raw = true
		case 'b', 'B':
			isBytes = true
		}
		i++
	}
	body := lit[i:]
	q := body[:1]
	if strings.HasPrefix(body, strings.Repeat(q, 3)) && len(body) >= 6 {
		body = body[3 : len(body)-3]
	} else {
		body = body[1 : len(body)-1]
	}
	if isBytes {
		for j := 0; j < len(body); j++ {
			if body[j] >= utf8.RuneSelf {
				return "", true, &Error{Class: "SyntaxError", Msg: "bytes can only contain ASCII literal characters"}
			}
		}
	}
	body = strings.ReplaceAll(body, "\r\n", "\n")
	if raw || !strings.Contains(body, `\`) {
		return body, isBytes, nil
	}
	var b strings.Builder
	for j := 0; j < len(body); j++ {
		c := body[j]
		if c != '\\' || j+1 >= len(body) {
			b.WriteByte(c)
			continue
		}
		j++
		e := body[j]
		switch e {
		case '\n':
		case '\\', '\'', '"':
			b.WriteByte(e)
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte('\v')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			k := j
			for k < len(body) && k < j+3 && body[k] >= '0' && body[k] <= '7' {
				k++
			}
			n, _ := strconv.ParseUint(body[j:k], 8, 32)
			j = k - 1
			writeCode(&b, rune(n), isBytes)
		case 'x':
			if j+2 >= len(body) || !isHexDigit(body[j+1]) || !isHexDigit(body[j+2]) {
				return "", isBytes, escapeError(isBytes, `\xXX`)
			}
			n, _ := strconv.ParseUint(body[j+1:j+3], 16, 32)
			j += 2
			writeCode(&b, rune(n), isBytes)
		case 'u', 'U':
			if isBytes {
				b.WriteByte('\\')
				b.WriteByte(e)
				continue
			}
			size := 4
			if e == 'U' {
				size = 8
			}
			if j+1+size > len(body) {
				return "", false, escapeError(false, `\`+string(e)+strings.Repeat("X", size))
			}
			n, perr := strconv.ParseUint(body[j+1:j+1+size], 16, 32)
			if perr != nil {
				return "", false, escapeError(false, `\`+string(e)+strings.Repeat("X", size))
			}
			if n > utf8.MaxRune {
				return "", false, &Error{Class: "SyntaxError", Msg: "(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character"}
			}
			j += size
			b.WriteRune(rune(n))
		case 'N':
			if isBytes {
				b.WriteString(`\N`)
				continue
			}
			return "", false, &Error{Class: "SyntaxError", Msg: `\N{...} character names are not available here: write the character itself or \u followed by its code`}
		default:
			b.WriteByte('\\')
			b.WriteByte(e)
		}
	}
	return b.String(), isBytes, nil
}

// writeCode appends an escaped code: a byte in bytes, a code point in str.
func writeCode(b *strings.Builder, n rune, isBytes bool) {
	if isBytes {
		b.WriteByte(byte(n))
	} else {
		b.WriteRune(n)
	}
}

func escapeError(isBytes bool, what string) *Error {
	codec := "unicodeescape"
	if isBytes {
		return &Error{Class: "SyntaxError", Msg: "(value error) invalid \\x escape at position 0"}
	}
	return &Error{Class: "SyntaxError", Msg: "(" + "unicode error) '" + codec + "' codec can't decode bytes in position 0-1: truncated " + what + " escape"}
}
