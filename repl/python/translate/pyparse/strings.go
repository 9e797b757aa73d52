package pyparse

import (
	"fmt"
	"strconv"
	"strings"
)

// String prefix flags.
const (
	strRaw = 1 << iota
	strBytes
	strF
	strU
	strPrefixed // any prefix at all (so flags are never 0 for a prefixed string)
)

// stringPrefix reports whether p is a valid string prefix, and its flags.
func stringPrefix(p string) (int, bool) {
	f := strPrefixed
	for i := 0; i < len(p); i++ {
		var bit int
		switch p[i] {
		case 'r', 'R':
			bit = strRaw
		case 'b', 'B':
			bit = strBytes
		case 'f', 'F':
			bit = strF
		case 'u', 'U':
			bit = strU
		default:
			return 0, false
		}
		if f&bit != 0 {
			return 0, false
		}
		f |= bit
	}
	if f&strU != 0 && len(p) > 1 || f&strBytes != 0 && f&strF != 0 {
		return 0, false
	}
	return f, true
}

// str scans a string literal; s.pos is at the opening quote.
func (s *scanner) str(start, col, flags int) bool {
	line, lineStart := s.line, s.lineStart
	q := s.src[s.pos]
	triple := s.pos+2 < s.end && s.src[s.pos+1] == q && s.src[s.pos+2] == q
	if triple {
		s.pos += 3
	} else {
		s.pos++
	}
	escapedEOF := false // the input ends in a backslash inside the string
	for {
		if s.pos >= s.end || !triple && (s.src[s.pos] == '\n' || s.src[s.pos] == '\r') {
			detected := s.line
			if s.pos >= s.end && s.pos > 0 && s.src[s.pos-1] == '\n' {
				detected-- // the input's last line ended; CPython counts that one
			}
			msg := fmt.Sprintf("unterminated string literal (detected at line %d)", detected)
			if triple {
				msg = fmt.Sprintf("unterminated triple-quoted string literal (detected at line %d)", detected)
			}
			e := s.newError(kindSyntax, msg, line, col, line, col)
			// codeop waits for more input after an open triple-quoted string.
			_ = lineStart
			// The input ended inside the string (a single-quoted one only
			// does after a backslash): more lines could close it.
			s.err = &tokError{err: e, class: errHard, atEOF: triple || escapedEOF || s.pos >= s.end}
			s.toks = append(s.toks, token{kind: tError, start: start, end: s.pos, line: line, col: col})
			return false
		}
		c := s.src[s.pos]
		switch {
		case c == '\\':
			s.pos++
			if s.pos < s.end {
				if s.src[s.pos] == '\r' && s.pos+1 < s.end && s.src[s.pos+1] == '\n' {
					s.pos++
				}
				if s.src[s.pos] == '\n' || s.src[s.pos] == '\r' {
					s.pos++
					s.newline()
					continue
				}
				s.pos++
			} else {
				escapedEOF = true
			}
			continue
		case c == '\n' || c == '\r':
			if c == '\r' && s.pos+1 < s.end && s.src[s.pos+1] == '\n' {
				s.pos++
			}
			s.pos++
			s.newline()
			continue
		case c == q:
			if !triple {
				s.pos++
				s.toks = append(s.toks, token{s: s.src[start:s.pos], kind: tString, start: start, end: s.pos,
					line: line, col: col, endLine: s.line, endCol: s.pos - s.lineStart})
				return true
			}
			if s.pos+2 < s.end && s.src[s.pos+1] == q && s.src[s.pos+2] == q {
				s.pos += 3
				s.toks = append(s.toks, token{s: s.src[start:s.pos], kind: tString, start: start, end: s.pos,
					line: line, col: col, endLine: s.line, endCol: s.pos - s.lineStart})
				return true
			}
		}
		s.pos++
	}
}

// splitString splits a string token into its prefix flags and body.
func splitString(tok string) (flags int, body string) {
	i := 0
	for tok[i] != '"' && tok[i] != '\'' {
		i++
	}
	flags, _ = stringPrefix(tok[:i])
	if i == 0 {
		flags = 0
	}
	q := tok[i]
	if len(tok)-i >= 6 && tok[i+1] == q && tok[i+2] == q {
		return flags, tok[i+3 : len(tok)-3]
	}
	return flags, tok[i+1 : len(tok)-1]
}

// escapeError is a decoding error, in CPython's "(unicode error)" words.
type escapeError struct{ msg string }

// decodeStr decodes the body of a non-raw str literal.
func decodeStr(body string) (string, *escapeError) {
	if strings.IndexByte(body, '\\') < 0 && strings.IndexByte(body, '\r') < 0 {
		return body, nil
	}
	var b strings.Builder
	b.Grow(len(body))
	for i := 0; i < len(body); {
		c := body[i]
		if c == '\r' {
			// Newlines in the source are \n whatever the file used.
			b.WriteByte('\n')
			i++
			if i < len(body) && body[i] == '\n' {
				i++
			}
			continue
		}
		if c != '\\' || i+1 >= len(body) {
			b.WriteByte(c)
			i++
			continue
		}
		pos := i
		i++
		c = body[i]
		i++
		switch c {
		case '\n':
		case '\r':
			if i < len(body) && body[i] == '\n' {
				i++
			}
		case '\\', '\'', '"':
			b.WriteByte(c)
		case 'a':
			b.WriteByte(7)
		case 'b':
			b.WriteByte(8)
		case 'f':
			b.WriteByte(12)
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte(11)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(c - '0')
			for n := 1; n < 3 && i < len(body) && body[i] >= '0' && body[i] <= '7'; n++ {
				v = v*8 + int(body[i]-'0')
				i++
			}
			writeCodePoint(&b, rune(v))
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]
			if i+n > len(body) || !allHex(body[i:i+n]) {
				end := i
				for end < len(body) && end < i+n && isHex(int(body[end])) {
					end++
				}
				return "", &escapeError{fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: truncated %s escape",
					pos, end-1, map[byte]string{'x': "\\xXX", 'u': "\\uXXXX", 'U': "\\UXXXXXXXX"}[c])}
			}
			v, _ := strconv.ParseUint(body[i:i+n], 16, 32)
			if v > 0x10FFFF {
				return "", &escapeError{fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: illegal Unicode character", pos, i+n-1)}
			}
			i += n
			writeCodePoint(&b, rune(v))
		case 'N':
			end := i
			if i < len(body) && body[i] == '{' {
				if j := strings.IndexByte(body[i:], '}'); j > 0 {
					end = i + j
				}
			}
			if r, ok := charNames[strings.ToUpper(body[min(i+1, end):end])]; ok && end > i {
				b.WriteRune(r)
				i = end + 1
				continue
			}
			return "", &escapeError{fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: unknown Unicode character name", pos, max(end, i)-1)}
		default:
			b.WriteByte('\\')
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// charNames is the small set of \N{...} names this parser knows; others
// are refused with CPython's "unknown Unicode character name".
var charNames = map[string]rune{
	"BULLET": '•', "NO-BREAK SPACE": '\u00a0', "EM DASH": '—', "EN DASH": '–',
	"HORIZONTAL ELLIPSIS": '…', "DEGREE SIGN": '°', "GREEK SMALL LETTER ALPHA": 'α',
	"GREEK SMALL LETTER PI": 'π', "CHECK MARK": '✓', "SNOWMAN": '☃', "EURO SIGN": '€',
	"COPYRIGHT SIGN": '©', "RIGHTWARDS ARROW": '→', "LEFTWARDS ARROW": '←',
	"LINE FEED": '\n', "CARRIAGE RETURN": '\r', "NULL": 0, "SPACE": ' ', "TAB": '\t',
	"CHARACTER TABULATION": '\t', "ESCAPE": 0x1b, "ZERO WIDTH SPACE": '\u200b',
}

func allHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isHex(int(s[i])) {
			return false
		}
	}
	return true
}

// writeCodePoint writes r as UTF-8, keeping surrogates as WTF-8 bytes.
func writeCodePoint(b *strings.Builder, r rune) {
	if r >= 0xD800 && r <= 0xDFFF {
		b.WriteByte(byte(0xE0 | r>>12))
		b.WriteByte(byte(0x80 | (r>>6)&0x3F))
		b.WriteByte(byte(0x80 | r&0x3F))
		return
	}
	b.WriteRune(r)
}

// decodeBytes decodes the body of a bytes literal.
func decodeBytes(body string, raw bool) ([]byte, *escapeError) {
	out := make([]byte, 0, len(body))
	for i := 0; i < len(body); {
		c := body[i]
		if c >= 0x80 {
			return nil, &escapeError{"bytes can only contain ASCII literal characters"}
		}
		if c == '\r' {
			out = append(out, '\n')
			i++
			if i < len(body) && body[i] == '\n' {
				i++
			}
			continue
		}
		if c != '\\' || raw || i+1 >= len(body) {
			if raw && c == '\\' && i+1 < len(body) {
				// A raw backslash still keeps the next character.
				out = append(out, c, body[i+1])
				i += 2
				continue
			}
			out = append(out, c)
			i++
			continue
		}
		pos := i
		i++
		c = body[i]
		i++
		switch c {
		case '\n':
		case '\r':
			if i < len(body) && body[i] == '\n' {
				i++
			}
		case '\\', '\'', '"':
			out = append(out, c)
		case 'a':
			out = append(out, 7)
		case 'b':
			out = append(out, 8)
		case 'f':
			out = append(out, 12)
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'v':
			out = append(out, 11)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(c - '0')
			for n := 1; n < 3 && i < len(body) && body[i] >= '0' && body[i] <= '7'; n++ {
				v = v*8 + int(body[i]-'0')
				i++
			}
			out = append(out, byte(v))
		case 'x':
			if i+2 > len(body) || !allHex(body[i:i+2]) {
				return nil, &escapeError{fmt.Sprintf("(value error) invalid \\x escape at position %d", pos)}
			}
			v, _ := strconv.ParseUint(body[i:i+2], 16, 8)
			out = append(out, byte(v))
			i += 2
		default:
			if c >= 0x80 {
				return nil, &escapeError{"bytes can only contain ASCII literal characters"}
			}
			out = append(out, '\\', c)
		}
	}
	return out, nil
}
