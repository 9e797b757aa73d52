package pyparse

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// number scans a numeric literal with CPython's rules, errors included.
func (s *scanner) number(start, col int) bool {
	c := s.peekc(0)
	s.pos++
	if c == '.' {
		return s.fraction(start, col)
	}
	if c == '0' {
		c = s.peekc(0)
		switch c {
		case 'x', 'X':
			return s.radix(start, col, "hexadecimal", isHex)
		case 'o', 'O':
			return s.radix(start, col, "octal", isOct)
		case 'b', 'B':
			return s.radix(start, col, "binary", isBin)
		}
		nonzero := false
		for {
			if c == '_' {
				s.pos++
				if !isDigit(s.peekc(0)) {
					return s.numErr("invalid decimal literal")
				}
				c = s.peekc(0)
			}
			if c != '0' {
				break
			}
			s.pos++
			c = s.peekc(0)
		}
		zerosEnd := s.pos
		if isDigit(c) {
			nonzero = true
			if !s.decimalTail() {
				return false
			}
			c = s.peekc(0)
		}
		switch {
		case c == '.':
			s.pos++
			return s.fraction(start, col)
		case c == 'e' || c == 'E':
			return s.exponent(start, col)
		case c == 'j' || c == 'J':
			return s.imaginary(start, col)
		case nonzero:
			s.err = &tokError{err: s.newError(kindSyntax, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
				s.line, col, s.line, zerosEnd-s.lineStart), class: errHard}
			s.toks = append(s.toks, token{kind: tError, start: s.pos, end: s.pos, line: s.line, col: col})
			return false
		}
		return s.endNumber(start, col, "decimal")
	}
	s.pos--
	if !s.decimalTail() {
		return false
	}
	c = s.peekc(0)
	switch c {
	case '.':
		s.pos++
		return s.fraction(start, col)
	case 'e', 'E':
		return s.exponent(start, col)
	case 'j', 'J':
		return s.imaginary(start, col)
	}
	return s.endNumber(start, col, "decimal")
}

func isHex(c int) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
func isOct(c int) bool { return c >= '0' && c <= '7' }
func isBin(c int) bool { return c == '0' || c == '1' }

// radix scans the digits after 0x, 0o or 0b (s.pos is at the x/o/b).
func (s *scanner) radix(start, col int, kind string, ok func(int) bool) bool {
	s.pos++
	for {
		if s.peekc(0) == '_' {
			s.pos++
		}
		c := s.peekc(0)
		if !ok(c) {
			if kind != "hexadecimal" && isDigit(c) {
				s.pos++
				return s.numErr(fmt.Sprintf("invalid digit '%c' in %s literal", c, kind))
			}
			return s.numErr(fmt.Sprintf("invalid %s literal", kind))
		}
		for ok(s.peekc(0)) {
			s.pos++
		}
		if s.peekc(0) != '_' {
			break
		}
	}
	if c := s.peekc(0); kind != "hexadecimal" && isDigit(c) {
		s.pos++
		return s.numErr(fmt.Sprintf("invalid digit '%c' in %s literal", c, kind))
	}
	return s.endNumber(start, col, kind)
}

// decimalTail scans digits with single underscores between them.
func (s *scanner) decimalTail() bool {
	for {
		for isDigit(s.peekc(0)) {
			s.pos++
		}
		if s.peekc(0) != '_' {
			return true
		}
		s.pos++
		if !isDigit(s.peekc(0)) {
			s.numErr("invalid decimal literal")
			return false
		}
	}
}

// fraction continues after the '.' of a float.
func (s *scanner) fraction(start, col int) bool {
	if isDigit(s.peekc(0)) && !s.decimalTail() {
		return false
	}
	switch s.peekc(0) {
	case 'e', 'E':
		return s.exponent(start, col)
	case 'j', 'J':
		return s.imaginary(start, col)
	}
	return s.endNumber(start, col, "decimal")
}

// exponent continues at the e of a float.
func (s *scanner) exponent(start, col int) bool {
	ePos := s.pos
	s.pos++
	c := s.peekc(0)
	if c == '+' || c == '-' {
		s.pos++
		if !isDigit(s.peekc(0)) {
			return s.numErr("invalid decimal literal")
		}
	} else if !isDigit(c) {
		// "1else": the e starts the next token, if verify allows it.
		s.pos = ePos
		if !s.verifyEnd("decimal") {
			return false
		}
		s.emit(tNumber, start, s.line, col)
		return true
	}
	if !s.decimalTail() {
		return false
	}
	if c := s.peekc(0); c == 'j' || c == 'J' {
		return s.imaginary(start, col)
	}
	return s.endNumber(start, col, "decimal")
}

func (s *scanner) imaginary(start, col int) bool {
	s.pos++
	return s.endNumber(start, col, "imaginary")
}

func (s *scanner) endNumber(start, col int, kind string) bool {
	if !s.verifyEnd(kind) {
		return false
	}
	s.emit(tNumber, start, s.line, col)
	return true
}

// verifyEnd rejects a literal glued to a name ("1abc"), except before
// the keywords CPython still lets through with a warning.
func (s *scanner) verifyEnd(kind string) bool {
	c := s.peekc(0)
	if c < 0 {
		return true
	}
	rest := s.src[s.pos:s.end]
	for _, kw := range [...]string{"and", "else", "for", "if", "in", "is", "or", "not"} {
		if strings.HasPrefix(rest, kw[:min(len(kw), 2)]) && (kw == "if" || kw == "in" || kw == "is" || strings.HasPrefix(rest, kw)) {
			return true
		}
	}
	if isIdentChar(byte(c)) {
		return s.numErr(fmt.Sprintf("invalid %s literal", kind))
	}
	return true
}

// numErr reports a literal error at the scan position, as CPython does.
func (s *scanner) numErr(msg string) bool {
	s.err = &tokError{err: s.newError(kindSyntax, msg, s.line, s.pos-s.lineStart-1, s.line, s.pos-s.lineStart-1), class: errHard}
	s.toks = append(s.toks, token{kind: tError, start: s.pos, end: s.pos, line: s.line, col: s.pos - s.lineStart})
	return false
}

// numberValue converts a scanned literal to its Constant value.
func numberValue(text string) any {
	if strings.IndexByte(text, '_') >= 0 {
		text = strings.ReplaceAll(text, "_", "")
	}
	last := text[len(text)-1]
	if last == 'j' || last == 'J' {
		f, _ := strconv.ParseFloat(text[:len(text)-1], 64)
		return Imaginary{Imag: f}
	}
	if len(text) > 1 && text[0] == '0' && strings.IndexAny(text[1:2], "xXoObB") == 0 {
		base := 16
		switch text[1] {
		case 'o', 'O':
			base = 8
		case 'b', 'B':
			base = 2
		}
		if v, err := strconv.ParseInt(text[2:], base, 64); err == nil {
			return v
		}
		b, _ := new(big.Int).SetString(text[2:], base)
		return b
	}
	if strings.ContainsAny(text, ".eE") {
		f, _ := strconv.ParseFloat(text, 64)
		return f
	}
	if v, err := strconv.ParseInt(text, 10, 64); err == nil {
		return v
	}
	b, _ := new(big.Int).SetString(text, 10)
	return b
}
