package pyparse

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Parse parses a whole Python 3.11 source file (or one REPL chunk) into a
// Module, and then makes the checks compile() makes after parsing (a
// return outside a function, a nonlocal without a binding, ...), which
// ast.parse does not. The error, if any, is an *Error; its Incomplete
// says whether codeop would wait for more lines.
func Parse(filename, src string) (*Module, error) {
	return parseModule(filename, src, true)
}

// parseModule parses src; with checks false it skips the compiler's
// checks, which ast.parse does not make either.
func parseModule(filename, src string, checks bool) (*Module, error) {
	if err := checkSource(filename, src); err != nil {
		return nil, err
	}
	m, err := parseOnce(filename, src, checks)
	if e, ok := err.(*Error); ok && e.Kind != kindRecursion {
		// codeop's rule: the input is incomplete when it fails but, with
		// one more newline, parses or runs out of input while parsing.
		_, err2 := parseOnce(filename, src+"\n", true)
		e2, _ := err2.(*Error)
		e.Incomplete = err2 == nil || e2.Incomplete
	}
	return m, err
}

// parseOnce parses src, setting Incomplete as seen from this input alone.
func parseOnce(filename, src string, checks bool) (*Module, error) {
	src = normalizeNewlines(src)
	s := scanAll(filename, src)
	p := newParser(filename, src, s)
	var m *Module
	if err := p.run(func() { m = p.file() }); err != nil {
		return nil, err
	}
	if checks {
		if err := check(p, m); err != nil {
			return nil, err
		}
	} else if err := checkDepth(p, m); err != nil {
		return nil, err
	}
	return m, nil
}

// ParseExpr parses a single expression, as eval() would see it.
func ParseExpr(filename, src string) (Expr, error) {
	if err := checkSource(filename, src); err != nil {
		return nil, err
	}
	src = normalizeNewlines(src)
	s := scanAll(filename, src)
	p := newParser(filename, src, s)
	var e Expr
	if err := p.run(func() {
		for p.at().kind == tNewline {
			p.p++
		}
		e = p.expressions()
		for p.at().kind == tNewline {
			p.p++
		}
		if p.at().kind != tEnd {
			p.invalid()
		}
	}); err != nil {
		return nil, err
	}
	if err := checkDepth(p, e); err != nil {
		return nil, err
	}
	return e, nil
}

// checkSource rejects what CPython refuses before tokenizing: NUL bytes
// and bytes that are not UTF-8.
func checkSource(filename, src string) *Error {
	if strings.IndexByte(src, 0) >= 0 {
		return &Error{Kind: kindSyntax, Msg: "source code string cannot contain null bytes", Filename: filename}
	}
	if utf8.ValidString(src) {
		return nil
	}
	line, lineStart := 1, 0
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRuneInString(src[i:])
		if r == utf8.RuneError && n == 1 {
			why := "invalid start byte"
			if src[i] >= 0xC0 {
				why = "invalid continuation byte"
			}
			return &Error{Kind: kindSyntax, Filename: filename, Lineno: line, Offset: i - lineStart + 1,
				Msg:  fmt.Sprintf("(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: %s", src[i], i-lineStart, why),
				Text: lineText(src, line)}
		}
		if r == '\n' {
			line++
			lineStart = i + 1
		}
		i += n
	}
	return nil
}

// normalizeNewlines turns \r\n and \r into \n, as CPython's tokenizer does
// before it reads the source.
func normalizeNewlines(src string) string {
	if strings.IndexByte(src, '\r') < 0 {
		return src
	}
	return strings.ReplaceAll(strings.ReplaceAll(src, "\r\n", "\n"), "\r", "\n")
}

// parser is a recursive-descent parser over a scanned token list.
type parser struct {
	filename string
	src      string
	toks     []token
	p        int // index of the current token
	maxP     int // furthest token looked at: where "invalid syntax" points
	maxAny   int // furthest token looked at, error lookahead included
	tokErr   *tokError
	depth    int // recursion depth of the descent
	fdepth   int // f-string nesting
	// diag > 0 while looking ahead only to word an error better (what
	// CPython does in its second pass): such lookahead does not move maxP.
	diag int
	// noInvalid > 0 while parsing such lookahead itself: the error
	// checks that imitate CPython's invalid_* rules are off.
	noInvalid int
	pool      *[]*fieldScratch // per f-string depth, shared with sub-parsers
	// topStmts counts the top-level statements parsed so far; firstEnd
	// is the token after the first, firstCompound whether it has a block.
	topStmts int
	// scoped is set when the input has what the symbol-table checks look
	// at (defs, lambdas, global, nonlocal, comprehensions).
	scoped        bool
	firstEnd      int
	firstCompound bool
}

// maxDepth bounds the descent. CPython refuses trees nested about 3000
// deep ("maximum recursion depth exceeded during compilation"); the
// parser's own recursion uses several calls per level, hence the room.
const maxDepth = 3000

func newParser(filename, src string, s *scanner) *parser {
	return &parser{filename: filename, src: src, toks: s.toks, tokErr: s.err}
}

// run calls f, turning a bail into the error CPython would report.
func (p *parser) run(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bail)
			if !ok {
				panic(r)
			}
			err = p.resolve(b.err)
		}
	}()
	f()
	return nil
}

// resolve picks between a parser error and a tokenizer error further on,
// the way CPython re-tokenizes the rest of the input after a parse error,
// and decides whether more input could help.
func (p *parser) resolve(e *Error) *Error {
	if te := p.tokErr; te != nil && e != te.err && !e.noRescan() {
		switch te.class {
		case errHard:
			e = te.err
		case errBracket:
			// CPython compares the line of the last token it read.
			if p.toks[p.maxAny].line > te.bracketLine {
				e = te.err
			}
		}
	}
	c := *e
	// Like codeop, only input whose first statement ran out of lines is
	// incomplete; a later statement makes it "multiple statements".
	// In codeop's single mode a compound statement must be followed by a
	// blank line, so the token after it still counts.
	first := p.topStmts == 0 || p.topStmts == 1 && p.firstCompound && p.maxP == p.firstEnd
	c.Incomplete = c.Kind != kindRecursion && first && p.reachedEnd()
	return &c
}

// noRescan is true for errors CPython reports without looking further.
func (e *Error) noRescan() bool {
	return e.Kind == kindRecursion || e.Msg == "unexpected indent" || e.Msg == "unexpected unindent"
}

// reachedEnd reports whether parsing looked past the last line, which is
// when codeop's compile_command asks for more input.
func (p *parser) reachedEnd() bool {
	if t := p.toks[p.maxP]; t.kind == tError {
		return p.tokErr.atEOF
	}
	for i := p.maxP; i < len(p.toks); i++ {
		if k := p.toks[i].kind; k != tDedent && k != tEnd {
			return false
		}
	}
	return true
}

// at returns the current token. Reaching the place where the tokenizer
// stopped raises its error, as CPython's parser does when it fetches it.
func (p *parser) at() *token {
	if p.p > p.maxP && p.diag == 0 {
		p.maxP = p.p
	}
	if p.p > p.maxAny {
		p.maxAny = p.p
	}
	t := &p.toks[p.p]
	if t.kind == tError {
		p.fail(p.tokErr.err)
	}
	return t
}

// peekAt returns the token n ahead without raising tokenizer errors.
func (p *parser) peekAt(n int) *token {
	i := p.p + n
	if i >= len(p.toks) {
		i = len(p.toks) - 1
	}
	if i > p.maxP && p.diag == 0 {
		p.maxP = i
	}
	if i > p.maxAny {
		p.maxAny = i
	}
	if p.toks[i].kind == tError {
		p.fail(p.tokErr.err)
	}
	return &p.toks[i]
}

// is reports whether the current token is the operator or keyword s.
func (p *parser) is(s string) bool {
	t := p.at()
	return (t.kind == tOp || t.kind == tName) && t.s == s
}

// isKw is is for a keyword.
func (p *parser) isKw(s string) bool {
	t := p.at()
	return t.kind == tName && t.s == s
}

func (p *parser) accept(s string) bool {
	if p.is(s) {
		p.p++
		return true
	}
	return false
}

// expect consumes s or fails with invalid syntax.
func (p *parser) expect(s string) *token {
	if !p.is(s) {
		p.invalid()
	}
	t := &p.toks[p.p]
	p.p++
	return t
}

// expectForced consumes s or fails with "expected 's'" at the token.
func (p *parser) expectForced(s string) *token {
	if !p.is(s) {
		t := p.at()
		p.errTok(fmt.Sprintf("expected '%s'", s), t)
	}
	t := &p.toks[p.p]
	p.p++
	return t
}

func (p *parser) prev() *token { return &p.toks[p.p-1] }

func (p *parser) fail(e *Error) { panic(bail{e}) }

// newErr builds an Error at a 0-based byte position.
func (p *parser) newErr(kind, msg string, line, col, endLine, endCol int) *Error {
	e := &Error{Kind: kind, Msg: msg, Filename: p.filename, Lineno: line, Text: lineText(p.src, line)}
	e.Offset = charOffset(p.src, line, col)
	if endLine > 0 {
		e.EndLineno = endLine
		e.EndOffset = charOffset(p.src, endLine, endCol)
	}
	return e
}

// errTok fails at a token, like CPython's RAISE_SYNTAX_ERROR_KNOWN_LOCATION.
func (p *parser) errTok(msg string, t *token) {
	p.errTokKind(kindSyntax, msg, t)
}

func (p *parser) errTokKind(kind, msg string, t *token) {
	if t.kind == tEnd && p.fdepth == 0 || t.kind == tDedent && t.start >= len(p.src) {
		e := p.newErr(kind, msg, t.line, 0, t.line, 0)
		e.Offset, e.EndOffset = 0, 0
		p.fail(e)
	}
	e := p.newErr(kind, msg, t.line, t.col, t.endLine, t.endCol)
	if t.kind == tIndent || t.kind == tDedent {
		// CPython reports its tokenizer's column here, one less.
		e.Offset--
		e.EndOffset--
	}
	p.fail(e)
}

// errLast fails at the last token looked at, like CPython's
// RAISE_SYNTAX_ERROR without a location.
func (p *parser) errLast(kind, msg string) {
	t := &p.toks[p.maxP]
	if t.kind == tEnd && p.fdepth == 0 || t.kind == tDedent && t.start >= len(p.src) || t.kind == tIndent || t.kind == tDedent {
		line, col := t.line, t.col
		if t.kind == tEnd || t.start >= len(p.src) {
			line, col = p.endPos()
		}
		e := p.newErr(kind, msg, line, col, 0, 0)
		if t.kind == tIndent || t.kind == tDedent {
			// CPython has no column for these and reports its
			// tokenizer's, one less than usual.
			e.Offset--
		}
		p.fail(e)
	}
	p.fail(p.newErr(kind, msg, t.line, t.col, t.endLine, t.endCol))
}

// endPos is where CPython's tokenizer sits at the end of input: just past
// the last line.
func (p *parser) endPos() (int, int) {
	src := strings.TrimSuffix(p.src, "\n")
	line := 1 + strings.Count(src, "\n")
	return line, len(src) - (strings.LastIndexByte(src, '\n') + 1)
}

// errNode fails at a node's position.
func (p *parser) errNode(msg string, n Node) {
	l := locOf(n)
	p.fail(p.newErr(kindSyntax, msg, l.Lineno, l.ColOffset, l.EndLineno, l.EndColOffset))
}

// errRange fails from the start of a to the end of b.
func (p *parser) errRange(msg string, a, b Loc) {
	p.fail(p.newErr(kindSyntax, msg, a.Lineno, a.ColOffset, b.EndLineno, b.EndColOffset))
}

// invalid fails with the generic "invalid syntax" at the furthest token.
func (p *parser) invalid() {
	t := &p.toks[p.maxP]
	if t.kind == tError {
		p.fail(p.tokErr.err)
	}
	if t.kind == tIndent {
		p.errLast(kindIndent, "unexpected indent")
	}
	if t.kind == tDedent && t.start < len(p.src) {
		p.errLast(kindIndent, "unexpected unindent")
	}
	if t.kind == tEnd && p.fdepth == 0 || t.kind == tDedent {
		line, _ := p.endPos()
		e := p.newErr(kindSyntax, "invalid syntax", line, 0, line, 0)
		e.Offset, e.EndOffset = 0, 0
		p.fail(e)
	}
	p.fail(p.newErr(kindSyntax, "invalid syntax", t.line, t.col, t.endLine, t.endCol))
}

// enter guards recursion; leave must follow.
func (p *parser) enter() {
	p.depth++
	if p.depth > maxDepth {
		t := p.at()
		e := p.newErr(kindRecursion, "maximum recursion depth exceeded during compilation", t.line, t.col, 0, 0)
		p.fail(e)
	}
}

func (p *parser) leave() { p.depth-- }

// locOf returns any node's position (zero for nodes without one).
func locOf(n Node) Loc {
	switch n := n.(type) {
	case Expr:
		return n.Pos()
	case Stmt:
		return n.Pos()
	case *Arg:
		return n.Loc
	case *Keyword:
		return n.Loc
	case *Alias:
		return n.Loc
	case *ExceptHandler:
		return n.Loc
	}
	return Loc{}
}

// span is the position from token a to token b.
func span(a, b *token) Loc {
	return Loc{a.line, a.col, b.endLine, b.endCol}
}

// lastTok is the last token consumed that is not NEWLINE, INDENT or
// DEDENT: where CPython ends a node.
func (p *parser) lastTok() *token {
	j := p.p - 1
	for j > 0 {
		switch p.toks[j].kind {
		case tNewline, tIndent, tDedent:
			j--
			continue
		}
		break
	}
	return &p.toks[j]
}

// locFrom is the position from token t to the last token consumed.
func (p *parser) locFrom(t *token) Loc {
	l := p.lastTok()
	return Loc{t.line, t.col, l.endLine, l.endCol}
}
