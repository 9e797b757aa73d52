package pyparse

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// scanner turns source into tokens the way CPython's tokenizer does:
// INDENT/DEDENT from leading whitespace, NEWLINE only outside brackets,
// blank and comment-only lines ignored, backslash continuation joined.
type scanner struct {
	src       string
	pos       int // next byte to read
	end       int // stop here (len(src), or the end of an f-string expression)
	line      int
	lineStart int // offset of the current line's first byte
	atBOL     bool
	contLine  bool // the current line continues one ended by a backslash
	chainAt   int  // where the first line of such a continued line starts
	indents   []int
	altinds   []int
	pendin    int // pending INDENT (>0) or DEDENT (<0) tokens
	brackets  []bracket
	toks      []token
	err       *tokError
	fexpr     bool // scanning an f-string expression: no NEWLINE/INDENT
	filename  string
	// Backing arrays, so typical input needs no further allocations.
	indentBuf, altBuf [16]int
	bracketBuf        [16]bracket
}

type bracket struct {
	c         byte
	line, col int
}

// scanAll tokenizes src. It always ends the token list with tEnd, or with
// tError when s.err is set.
func scanAll(filename, src string) *scanner {
	s := &scanner{src: src, end: len(src), line: 1, atBOL: true, filename: filename}
	s.indents = append(s.indentBuf[:0], 0)
	s.altinds = append(s.altBuf[:0], 0)
	s.brackets = s.bracketBuf[:0]
	s.toks = make([]token, 0, len(src)/3+8)
	s.run()
	return s
}

// scanRange tokenizes src[start:end] as the inside of brackets, for an
// f-string replacement field; line and lineStart place start in src.
// A scanner given as reuse keeps its buffers (f-strings scan many fields).
func scanRange(reuse *scanner, filename, src string, start, end, line, lineStart int) *scanner {
	toks, brackets := reuse.toks[:0], reuse.brackets[:0]
	if toks == nil {
		toks = make([]token, 0, 16)
	}
	s := reuse
	*s = scanner{src: src, pos: start, end: end, line: line, lineStart: lineStart, fexpr: true, filename: filename, toks: toks}
	s.brackets = append(brackets, bracket{c: '(', line: line, col: start - lineStart})
	s.run()
	return s
}

func (s *scanner) run() {
	for s.err == nil {
		if !s.next() {
			return
		}
	}
}

func (s *scanner) peekc(off int) int {
	if s.pos+off < s.end {
		return int(s.src[s.pos+off])
	}
	return -1
}

func (s *scanner) emit(kind tokKind, start, line, col int) {
	s.toks = append(s.toks, token{
		s: s.src[start:s.pos], kind: kind, start: start, end: s.pos,
		line: line, col: col, endLine: s.line, endCol: s.pos - s.lineStart,
	})
}

// lineText returns the text of 1-based line n of src, without newline.
func lineText(src string, n int) string {
	start := 0
	for l := 1; l < n; l++ {
		i := indexByte(src[start:], '\n')
		if i < 0 {
			return ""
		}
		start += i + 1
	}
	end := indexByte(src[start:], '\n')
	if end < 0 {
		return src[start:]
	}
	return src[start : start+end]
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// charOffset converts a 0-based byte column on line n to CPython's
// 1-based character offset.
func charOffset(src string, n, col int) int {
	t := lineText(src, n)
	if col > len(t) {
		return col + 1 - (len(t) - utf8.RuneCountInString(t))
	}
	if col < 0 {
		return 0
	}
	return utf8.RuneCountInString(t[:col]) + 1
}

func (s *scanner) newError(kind, msg string, line, col, endLine, endCol int) *Error {
	e := &Error{Kind: kind, Msg: msg, Filename: s.filename, Lineno: line, Text: lineText(s.src, line)}
	e.Offset = charOffset(s.src, line, col)
	if endLine > 0 {
		e.EndLineno = endLine
		e.EndOffset = charOffset(s.src, endLine, endCol)
	}
	return e
}

// fail records a tokenizer error at the current position and stops.
func (s *scanner) fail(class tokErrClass, kind, msg string, line, col int) {
	s.err = &tokError{err: s.newError(kind, msg, line, col, 0, 0), class: class}
	s.toks = append(s.toks, token{kind: tError, start: s.pos, end: s.pos, line: line, col: col, endLine: line, endCol: col})
}

// next scans one token (or several INDENT/DEDENT); false at the end.
func (s *scanner) next() bool {
	if s.atBOL {
		s.atBOL = false
		if !s.indentation() {
			return s.err == nil
		}
	}
	if s.pendin != 0 {
		s.emitIndents()
		return true
	}
again:
	// Skip spaces, tabs and form feeds.
	for s.pos < s.end {
		c := s.src[s.pos]
		if c == ' ' || c == '\t' || c == '\f' {
			s.pos++
			continue
		}
		break
	}
	start := s.pos
	col := start - s.lineStart
	if s.pos < s.end && s.src[s.pos] == '#' {
		for s.pos < s.end && s.src[s.pos] != '\n' && s.src[s.pos] != '\r' {
			s.pos++
		}
	}
	if s.pos >= s.end {
		return s.atEOF(col)
	}
	c := s.src[s.pos]
	switch {
	case c == '\n' || c == '\r':
		nl := 1
		if c == '\r' && s.peekc(1) == '\n' {
			nl = 2
		}
		if len(s.brackets) > 0 {
			s.pos += nl
			s.newline()
			goto again
		}
		// Like CPython, a NEWLINE after a comment starts at the '#'.
		nlStart := s.pos
		s.pos += nl
		s.toks = append(s.toks, token{s: s.src[nlStart:s.pos], kind: tNewline, start: nlStart, end: s.pos,
			line: s.line, col: col, endLine: s.line, endCol: nlStart - s.lineStart})
		s.newline()
		s.atBOL = true
		return true
	case c == '\\':
		n := s.peekc(1)
		if n == '\n' || n == '\r' || n < 0 {
			bsLine, bsCol := s.line, s.pos+1-s.lineStart
			if !s.contLine {
				s.chainAt = s.lineStart
			}
			s.pos++
			if n == '\r' && s.peekc(1) == '\n' {
				s.pos++
			}
			if n >= 0 {
				s.pos++
			}
			s.newline()
			if s.pos >= s.end {
				if len(s.brackets) > 0 {
					s.failBracketEOF()
				} else {
					s.fail(errSoft, kindSyntax, "unexpected EOF while parsing", bsLine, bsCol)
					s.err.atEOF = true
				}
				return false
			}
			s.contLine = true
			goto again
		}
		s.pos++
		s.fail(errSoft, kindSyntax, "unexpected character after line continuation character", s.line, s.pos-s.lineStart)
		if s.contLine {
			// CPython counts from the first line of the continued line.
			s.err.err.Offset = s.pos - s.chainAt + 1
		}
		return false
	case isIdentStart(c):
		return s.name(start, col)
	case c >= '0' && c <= '9' || c == '.' && isDigit(s.peekc(1)):
		return s.number(start, col)
	case c == '"' || c == '\'':
		return s.str(start, col, 0)
	case c >= 0x80:
		return s.name(start, col)
	}
	return s.operator(start, col)
}

func (s *scanner) newline() {
	s.line++
	s.lineStart = s.pos
	s.contLine = false
}

func isDigit(c int) bool { return c >= '0' && c <= '9' }

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func isIdentChar(c byte) bool {
	return isIdentStart(c) || c >= '0' && c <= '9' || c >= 0x80
}

// atEOF ends the token stream: NEWLINE if the last line lacked one,
// DEDENTs back to column 0, ENDMARKER.
// col is where the last line's trailing comment (if any) starts.
func (s *scanner) atEOF(col int) bool {
	if s.fexpr {
		// The end of a replacement field stands for the ')' CPython
		// wraps the field's text in.
		s.toks = append(s.toks, token{kind: tEnd, start: s.pos, end: s.pos, line: s.line, col: s.pos - s.lineStart, endLine: s.line, endCol: s.pos - s.lineStart + 1})
		return false
	}
	if len(s.brackets) > 0 {
		s.failBracketEOF()
		return false
	}
	if n := len(s.toks); n > 0 && s.toks[n-1].kind != tNewline && s.toks[n-1].kind != tDedent && s.toks[n-1].kind != tIndent {
		// CPython appends the missing final newline to the source.
		s.toks = append(s.toks, token{kind: tNewline, start: s.pos, end: s.pos, line: s.line, col: col, endLine: s.line, endCol: col})
		s.line++
		s.lineStart = s.pos
	} else if s.pos > s.lineStart {
		s.line++
		s.lineStart = s.pos
	}
	for len(s.indents) > 1 {
		s.indents = s.indents[:len(s.indents)-1]
		s.toks = append(s.toks, token{kind: tDedent, start: s.pos, end: s.pos, line: s.line, col: 0, endLine: s.line, endCol: 0})
	}
	s.toks = append(s.toks, token{kind: tEnd, start: s.pos, end: s.pos, line: s.line, col: 0, endLine: s.line, endCol: 0})
	return false
}

func (s *scanner) failBracketEOF() {
	b := s.brackets[len(s.brackets)-1]
	s.err = &tokError{
		err:         s.newError(kindSyntax, fmt.Sprintf("'%c' was never closed", b.c), b.line, b.col, 0, 0),
		class:       errBracket,
		bracketLine: b.line,
	}
	s.err.atEOF = true
	s.toks = append(s.toks, token{kind: tError, start: s.pos, end: s.pos, line: s.line, col: s.pos - s.lineStart, endLine: s.line, endCol: s.pos - s.lineStart})
}

// indentation measures a new line's leading whitespace and queues
// INDENT/DEDENT. It returns false when it stopped with an error.
func (s *scanner) indentation() bool {
	var col, altcol, line int
	for {
		col, altcol = 0, 0
		contCol, contAlt := -1, -1
		p := s.pos
		line = s.line
	ws:
		for p < s.end {
			switch s.src[p] {
			case ' ':
				col++
				altcol++
			case '\t':
				col = (col/8 + 1) * 8
				altcol++
			case '\f':
				col, altcol = 0, 0
			case '\\':
				// Indentation continued with a backslash: the first
				// backslash fixes the level (as CPython does).
				if p+1 < s.end && s.src[p+1] == '\n' {
					if contCol < 0 {
						contCol, contAlt = col, altcol
					}
					p += 2
					line++
					continue
				}
				break ws
			default:
				break ws
			}
			p++
		}
		if contCol >= 0 {
			col, altcol = contCol, contAlt
		}
		if p < s.end && (s.src[p] == '#' || s.src[p] == '\n' || s.src[p] == '\r') {
			// A blank or comment-only line: skip it whole, it makes no tokens.
			for p < s.end && s.src[p] != '\n' {
				p++
			}
			s.line = line
			if p < s.end {
				s.pos = p + 1
				s.newline()
				continue
			}
			s.pos = p
			return true
		}
		if p >= s.end || len(s.brackets) > 0 {
			return true
		}
		break
	}
	top := len(s.indents) - 1
	switch {
	case col == s.indents[top]:
		if altcol != s.altinds[top] {
			s.fail(errSoft, kindTab, "inconsistent use of tabs and spaces in indentation", s.line, 0)
			return false
		}
	case col > s.indents[top]:
		if top+1 >= maxIndent {
			s.fail(errSoft, kindIndent, "too many levels of indentation", s.line, 0)
			return false
		}
		if altcol <= s.altinds[top] {
			s.fail(errSoft, kindTab, "inconsistent use of tabs and spaces in indentation", s.line, 0)
			return false
		}
		s.pendin++
		s.indents = append(s.indents, col)
		s.altinds = append(s.altinds, altcol)
	default:
		for top > 0 && col < s.indents[top] {
			s.pendin--
			top--
		}
		s.indents = s.indents[:top+1]
		s.altinds = s.altinds[:top+1]
		if col != s.indents[top] {
			// CPython points past the end of the offending line.
			s.fail(errSoft, kindIndent, "unindent does not match any outer indentation level", line, len(lineText(s.src, line)))
			return false
		}
		if altcol != s.altinds[top] {
			s.fail(errSoft, kindTab, "inconsistent use of tabs and spaces in indentation", s.line, 0)
			return false
		}
	}
	return true
}

// emitIndents emits the queued INDENT or DEDENT tokens. Their column is
// where the line's first token starts (CPython leaves it unset and reports
// errors at the tokenizer's position, which is there).
func (s *scanner) emitIndents() {
	p := s.pos
	for p < s.end && (s.src[p] == ' ' || s.src[p] == '\t' || s.src[p] == '\f') {
		p++
	}
	col := p - s.lineStart
	for ; s.pendin > 0; s.pendin-- {
		s.toks = append(s.toks, token{kind: tIndent, start: p, end: p, line: s.line, col: col, endLine: s.line, endCol: col})
	}
	for ; s.pendin < 0; s.pendin++ {
		s.toks = append(s.toks, token{kind: tDedent, start: p, end: p, line: s.line, col: col, endLine: s.line, endCol: col})
	}
}

func (s *scanner) name(start, col int) bool {
	nonASCII := false
	for s.pos < s.end && isIdentChar(s.src[s.pos]) {
		if s.src[s.pos] >= 0x80 {
			nonASCII = true
		}
		s.pos++
	}
	// A string prefix directly followed by a quote starts a string.
	if s.pos < s.end && (s.src[s.pos] == '"' || s.src[s.pos] == '\'') && s.pos-start <= 2 {
		if f, ok := stringPrefix(s.src[start:s.pos]); ok {
			return s.str(start, col, f)
		}
	}
	if nonASCII && !s.checkIdent(start) {
		return false
	}
	s.emit(tName, start, s.line, col)
	return true
}

// checkIdent reports the first character of src[start:s.pos] that
// cannot be part of an identifier, as CPython does.
func (s *scanner) checkIdent(start int) bool {
	for i, r := range s.src[start:s.pos] {
		ok := r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
		if i > 0 {
			ok = ok || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) ||
				unicode.Is(unicode.Nd, r) || unicode.Is(unicode.Pc, r) || unicode.Is(unicode.Other_ID_Continue, r)
		}
		if !ok {
			at := start + i
			s.pos = at + utf8.RuneLen(r)
			if r == utf8.RuneError {
				s.fail(errHard, kindSyntax, fmt.Sprintf("invalid character '\\x%02x' (U+%04X)", s.src[at], s.src[at]), s.line, at-s.lineStart)
				return false
			}
			if !unicode.IsPrint(r) {
				s.fail(errHard, kindSyntax, fmt.Sprintf("invalid non-printable character U+%04X", r), s.line, at-s.lineStart)
				return false
			}
			s.fail(errHard, kindSyntax, fmt.Sprintf("invalid character '%c' (U+%04X)", r, r), s.line, at-s.lineStart)
			return false
		}
	}
	return true
}

// opLen returns the length of the operator at the start of rest.
func opLen(rest string) int {
	c := rest[0]
	var c1, c2 byte
	if len(rest) > 1 {
		c1 = rest[1]
	}
	if len(rest) > 2 {
		c2 = rest[2]
	}
	switch c {
	case '*', '/', '<', '>':
		if c1 == c && c != '/' || c == '/' && c1 == '/' {
			if c2 == '=' {
				return 3 // **= //= <<= >>=
			}
			return 2 // ** // << >>
		}
		if c1 == '=' || c == '<' && c1 == '>' {
			return 2 // *= /= <= >= <>
		}
	case '.':
		if c1 == '.' && c2 == '.' {
			return 3
		}
	case '-':
		if c1 == '=' || c1 == '>' {
			return 2
		}
	case ':':
		if c1 == '=' {
			return 2
		}
	case '=', '!', '+', '%', '&', '|', '^', '@':
		if c1 == '=' {
			return 2
		}
	}
	return 1
}

func (s *scanner) operator(start, col int) bool {
	rest := s.src[s.pos:s.end]
	n := opLen(rest)
	c := rest[0]
	switch c {
	case '(', '[', '{':
		if len(s.brackets) >= maxBrackets {
			s.pos++
			s.fail(errHard, kindSyntax, "too many nested parentheses", s.line, col)
			return false
		}
		s.brackets = append(s.brackets, bracket{c: c, line: s.line, col: col})
	case ')', ']', '}':
		if len(s.brackets) == 0 || s.fexpr && len(s.brackets) == 1 {
			s.pos++
			s.fail(errHard, kindSyntax, fmt.Sprintf("unmatched '%c'", c), s.line, col)
			return false
		}
		b := s.brackets[len(s.brackets)-1]
		s.brackets = s.brackets[:len(s.brackets)-1]
		if b.c == '(' && c != ')' || b.c == '[' && c != ']' || b.c == '{' && c != '}' {
			s.pos++
			msg := fmt.Sprintf("closing parenthesis '%c' does not match opening parenthesis '%c'", c, b.c)
			if b.line != s.line {
				msg += fmt.Sprintf(" on line %d", b.line)
			}
			s.fail(errHard, kindSyntax, msg, s.line, col)
			return false
		}
	}
	if c < 0x20 || c == 0x7f {
		s.pos++
		s.fail(errHard, kindSyntax, fmt.Sprintf("invalid non-printable character U+%04X", c), s.line, col)
		return false
	}
	s.pos += n
	s.emit(tOp, start, s.line, col)
	return true
}
