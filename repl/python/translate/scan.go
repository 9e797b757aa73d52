package translate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A small Python tokenizer. translate needs to see Python's tokens
// (strings with every prefix, 'is', '**', keywords at the start of a
// statement) before Starlark's parser, which rejects them, ever does.
// Whitespace and comments are not tokens: rewrites splice the source
// between token offsets, so they survive untouched.

type tokKind int

const (
	tName tokKind = iota
	tNumber
	tString
	tOp
	tNewline // end of a logical line (outside brackets)
	tEOF
)

type token struct {
	kind       tokKind
	start, end int // byte offsets in the source
	text       string
	line       int // 1-based
	depth      int // bracket depth before this token
	prefix     string
	stmtStart  bool // first token of a simple statement
	compoundKW bool // stmtStart and a keyword that opens a block
}

var pyKeywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true,
	"async": true, "await": true, "break": true, "class": true, "continue": true, "def": true,
	"del": true, "elif": true, "else": true, "except": true, "finally": true, "for": true,
	"from": true, "global": true, "if": true, "import": true, "in": true, "is": true,
	"lambda": true, "nonlocal": true, "not": true, "or": true, "pass": true, "raise": true,
	"return": true, "try": true, "while": true, "with": true, "yield": true,
}

var blockKeywords = map[string]bool{
	"if": true, "elif": true, "else": true, "for": true, "while": true, "def": true,
	"with": true, "try": true, "except": true, "finally": true, "class": true, "async": true,
}

var threeCharOps = []string{"**=", "//=", ">>=", "<<=", "..."}
var twoCharOps = []string{"**", "//", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=", "*=", "/=",
	"%=", "&=", "|=", "^=", "->", ":=", "<>"}

const oneCharOps = "+-*/%&|^~<>()[]{},:.;=@"

// longOpsByFirst lists the three- then two-character operators by their
// first byte, so scanning an operator tries only those that can match.
var longOpsByFirst = func() map[byte][]string {
	m := map[byte][]string{}
	for _, o := range append(append([]string{}, threeCharOps...), twoCharOps...) {
		m[o[0]] = append(m[o[0]], o)
	}
	return m
}()

var closerOf = map[byte]byte{'(': ')', '[': ']', '{': '}'}

// scanPython tokenizes src. Errors are SyntaxErrors worded as CPython's.
func scanPython(src string) ([]token, error) {
	if strings.IndexByte(src, 0) >= 0 {
		return nil, errorf("SyntaxError", "source code string cannot contain null bytes")
	}
	if !utf8.ValidString(src) {
		for i, r := range src {
			if r == utf8.RuneError {
				if _, n := utf8.DecodeRuneInString(src[i:]); n == 1 {
					return nil, errorf("SyntaxError", "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte", src[i], i)
				}
			}
		}
	}
	var toks []token
	var stack []token // open brackets
	line := 1
	i := 0
	atLineStart := true
	lambdas := 0 // lambdas whose ':' is still to come on this line
	add := func(t token) {
		t.line = line
		t.depth = len(stack)
		if atLineStart && t.kind != tNewline {
			t.stmtStart = true
			t.compoundKW = t.kind == tName && blockKeywords[t.text]
			atLineStart = false
		}
		toks = append(toks, t)
	}
	lineHeadIsBlock := func() bool {
		for j := len(toks) - 1; j >= 0; j-- {
			if toks[j].stmtStart {
				return toks[j].compoundKW
			}
		}
		return false
	}
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\f':
			i++
		case c == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '\\':
			if i+1 < len(src) && src[i+1] == '\n' {
				i += 2
				line++
			} else if i+2 < len(src) && src[i+1] == '\r' && src[i+2] == '\n' {
				i += 3
				line++
			} else {
				return nil, errorf("SyntaxError", "unexpected character after line continuation character")
			}
		case c == '\r':
			i++
		case c == '\n':
			if len(stack) == 0 && len(toks) > 0 && toks[len(toks)-1].kind != tNewline {
				add(token{kind: tNewline, start: i, end: i + 1, text: "\n"})
				atLineStart = true
				lambdas = 0
			}
			i++
			line++
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
			j := scanNumber(src, i)
			add(token{kind: tNumber, start: i, end: j, text: src[i:j]})
			i = j
		case c == '\'' || c == '"':
			j, err := scanString(src, i, line)
			if err != nil {
				return nil, err
			}
			add(token{kind: tString, start: i, end: j, text: src[i:j]})
			line += strings.Count(src[i:j], "\n")
			i = j
		case isIdentStart(src, i):
			j := i
			for j < len(src) && isIdentPart(src, j) {
				_, n := utf8.DecodeRuneInString(src[j:])
				j += n
			}
			word := src[i:j]
			if j < len(src) && (src[j] == '\'' || src[j] == '"') && isStringPrefix(word) {
				k, err := scanString(src, j, line)
				if err != nil {
					return nil, err
				}
				add(token{kind: tString, start: i, end: k, text: src[i:k], prefix: strings.ToLower(word)})
				line += strings.Count(src[i:k], "\n")
				i = k
				continue
			}
			add(token{kind: tName, start: i, end: j, text: word})
			if word == "lambda" && len(stack) == 0 {
				lambdas++
			}
			i = j
		default:
			op := ""
			for _, o := range longOpsByFirst[c] {
				if strings.HasPrefix(src[i:], o) {
					op = o
					break
				}
			}
			if op == "" && strings.IndexByte(oneCharOps, c) >= 0 {
				op = src[i : i+1]
			}
			if op == "" {
				r, _ := utf8.DecodeRuneInString(src[i:])
				if r == utf8.RuneError || r < utf8.RuneSelf {
					// CPython names only non-ASCII characters: '?' and
					// '$' are plain invalid syntax.
					return nil, errorf("SyntaxError", "invalid syntax")
				}
				return nil, errorf("SyntaxError", "invalid character '%c' (U+%04X)", r, r)
			}
			t := token{kind: tOp, start: i, end: i + len(op), text: op}
			switch op {
			case "(", "[", "{":
				add(t)
				stack = append(stack, toks[len(toks)-1])
			case ")", "]", "}":
				if len(stack) == 0 {
					return nil, errorf("SyntaxError", "unmatched '%s'", op)
				}
				open := stack[len(stack)-1]
				if closerOf[open.text[0]] != op[0] {
					return nil, errorf("SyntaxError", "closing parenthesis '%s' does not match opening parenthesis '%s'", op, open.text)
				}
				stack = stack[:len(stack)-1]
				add(t)
			case ";":
				add(t)
				if len(stack) == 0 {
					atLineStart = true
				}
			case ":":
				add(t)
				if len(stack) == 0 {
					if lambdas > 0 {
						lambdas--
					} else if lineHeadIsBlock() {
						// A statement may follow a block header on the same line.
						atLineStart = true
					}
				}
			default:
				add(t)
			}
			i += len(op)
		}
	}
	if len(stack) > 0 {
		return nil, errorf("SyntaxError", "'%s' was never closed", stack[len(stack)-1].text)
	}
	if len(toks) > 0 && toks[len(toks)-1].kind != tNewline {
		add(token{kind: tNewline, start: len(src), end: len(src)})
	}
	add(token{kind: tEOF, start: len(src), end: len(src)})
	return toks, nil
}

func isIdentStart(s string, i int) bool {
	c := s[i]
	if c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
		return true
	}
	if c < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func isIdentPart(s string, i int) bool {
	c := s[i]
	if c >= '0' && c <= '9' {
		return true
	}
	if isIdentStart(s, i) {
		return true
	}
	if c >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
	}
	return false
}

func isStringPrefix(w string) bool {
	switch strings.ToLower(w) {
	case "r", "u", "b", "f", "br", "rb", "fr", "rf":
		return true
	}
	return false
}

// scanNumber returns the end of the number literal starting at i.
func scanNumber(s string, i int) int {
	j := i
	if s[j] == '0' && j+1 < len(s) && strings.IndexByte("xXoObB", s[j+1]) >= 0 {
		j += 2
		for j < len(s) && (isHexDigit(s[j]) || s[j] == '_') {
			j++
		}
		return j
	}
	digits := func() {
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '_') {
			j++
		}
	}
	digits()
	if j < len(s) && s[j] == '.' {
		j++
		digits()
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		k := j + 1
		if k < len(s) && (s[k] == '+' || s[k] == '-') {
			k++
		}
		if k < len(s) && s[k] >= '0' && s[k] <= '9' {
			j = k
			digits()
		}
	}
	if j < len(s) && (s[j] == 'j' || s[j] == 'J') {
		j++
	}
	return j
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// scanString returns the end of the string literal whose quote is at i.
func scanString(s string, i, line int) (int, error) {
	q := s[i]
	triple := strings.HasPrefix(s[i:], strings.Repeat(string(q), 3))
	if triple {
		j := i + 3
		for j < len(s) {
			if s[j] == '\\' {
				j += 2
				continue
			}
			if strings.HasPrefix(s[j:], strings.Repeat(string(q), 3)) {
				return j + 3, nil
			}
			j++
		}
		return 0, errorf("SyntaxError", "unterminated triple-quoted string literal (detected at line %d)", line+strings.Count(s[i:], "\n"))
	}
	j := i + 1
	for j < len(s) {
		switch s[j] {
		case '\\':
			if j+1 < len(s) && s[j+1] == '\n' {
				line++
			}
			j += 2
			continue
		case '\n':
			return 0, errorf("SyntaxError", "unterminated string literal (detected at line %d)", line)
		case q:
			return j + 1, nil
		}
		j++
	}
	return 0, errorf("SyntaxError", "unterminated string literal (detected at line %d)", line)
}

// matchForward returns the index of the bracket closing toks[i].
func matchForward(toks []token, i int) int {
	depth := 0
	for j := i; j < len(toks); j++ {
		switch toks[j].text {
		case "(", "[", "{":
			if toks[j].kind == tOp {
				depth++
			}
		case ")", "]", "}":
			if toks[j].kind == tOp {
				depth--
				if depth == 0 {
					return j
				}
			}
		}
	}
	return len(toks) - 1
}

// matchBackward returns the index of the bracket opening toks[i].
func matchBackward(toks []token, i int) int {
	depth := 0
	for j := i; j >= 0; j-- {
		if toks[j].kind != tOp {
			continue
		}
		switch toks[j].text {
		case ")", "]", "}":
			depth++
		case "(", "[", "{":
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return 0
}
