package pyparse

import (
	"strings"
)

// strings parses adjacent string literals into one Constant (str or
// bytes) or, when an f-string is among them, one JoinedStr, following
// CPython 3.11's rules for positions and for merging literal parts.
func (p *parser) strings() Expr {
	first := p.p
	for p.at().kind == tString {
		p.p++
	}
	toks := p.toks[first:p.p]
	ft, lt := &toks[0], &toks[len(toks)-1]
	next := p.at() // CPython reports string errors at the token after them
	isBytes := false
	fmode := false
	for i := range toks {
		flags, _ := splitString(toks[i].s)
		b := flags&strBytes != 0
		if i == 0 {
			isBytes = b
		} else if b != isBytes {
			p.errTok("cannot mix bytes and nonbytes literals", next)
		}
		if flags&strF != 0 {
			fmode = true
		}
	}
	loc := span(ft, lt)
	if isBytes {
		var out []byte
		for i := range toks {
			flags, body := splitString(toks[i].s)
			b, err := decodeBytes(body, flags&strRaw != 0)
			if err != nil {
				p.escapeFail(err, &toks[i], next)
			}
			out = append(out, b...)
		}
		if out == nil {
			out = []byte{}
		}
		return &Constant{Value: out, Loc: loc}
	}
	kind := ""
	if ft.s[0] == 'u' {
		kind = "u"
	}
	if !fmode {
		if len(toks) == 1 {
			return &Constant{Value: p.strValue(ft, next), Kind: kind, Loc: loc}
		}
		var b strings.Builder
		for i := range toks {
			b.WriteString(p.strValue(&toks[i], next))
		}
		return &Constant{Value: b.String(), Kind: kind, Loc: loc}
	}
	fp := &fstringParser{p: p, first: ft, last: lt, next: next, kind: kind}
	for i := range toks {
		t := &toks[i]
		flags, body := splitString(t.s)
		if flags&strF == 0 {
			fp.addLiteral(p.strValue(t, next))
			continue
		}
		bodyStart := t.start + strings.Index(t.s, body)
		if len(body) == 0 {
			bodyStart = t.end
		}
		fp.concat(t, bodyStart, bodyStart+len(body), flags&strRaw != 0, 0)
	}
	return fp.finish(ft, lt)
}

// strValue decodes one str literal token.
func (p *parser) strValue(t, next *token) string {
	flags, body := splitString(t.s)
	if flags&strRaw != 0 {
		return body
	}
	s, err := decodeStr(body)
	if err != nil {
		p.escapeFail(err, t, next)
	}
	return s
}

// escapeFail reports a bad escape at the string token, as CPython does.
func (p *parser) escapeFail(err *escapeError, t, next *token) {
	if err.msg == "bytes can only contain ASCII literal characters" {
		p.errTok(err.msg, t)
	}
	p.errTok(err.msg, next)
}

// fstringParser accumulates the parts of a JoinedStr.
type fstringParser struct {
	p           *parser
	first, last *token // the whole run of adjacent literals
	next        *token
	kind        string
	lastStr     *string // pending literal text, nil when none
	values      []Expr
	// Where the last replacement field started, to find lines quickly.
	posTok                       *token
	posAt, posLine, posLineStart int
}

func (f *fstringParser) addLiteral(s string) {
	if s == "" {
		return
	}
	if f.lastStr == nil {
		f.lastStr = &s
		return
	}
	joined := *f.lastStr + s
	f.lastStr = &joined
}

func (f *fstringParser) flush(a, b *token) {
	if f.lastStr != nil {
		f.values = append(f.values, &Constant{Value: *f.lastStr, Kind: f.kind, Loc: span(a, b)})
		f.lastStr = nil
	}
}

func (f *fstringParser) finish(a, b *token) Expr {
	f.flush(a, b)
	if f.values == nil {
		f.values = []Expr{}
	}
	return &JoinedStr{Values: f.values, Loc: span(a, b)}
}

func (f *fstringParser) fail(msg string) {
	f.p.errTok(msg, f.next)
}

// concat parses the f-string body src[pos:end] of token t; lvl is the
// format-spec nesting (0 at the top). It returns where it stopped.
func (f *fstringParser) concat(t *token, pos, end int, raw bool, lvl int) int {
	src := f.p.src
	for {
		// The literal part, up to a '{' or '}'.
		litStart := pos
		more := false
		for pos < end {
			ch := src[pos]
			pos++
			if !raw && ch == '\\' && pos < end {
				ch = src[pos]
				pos++
				if ch == 'N' {
					if pos < end {
						c := src[pos]
						pos++
						if c == '{' {
							for pos < end {
								c := src[pos]
								pos++
								if c == '}' {
									break
								}
							}
						}
					}
					continue
				}
			}
			if ch == '{' || ch == '}' {
				if lvl == 0 {
					if pos < end && src[pos] == ch {
						more = true
						break
					}
					if ch == '}' {
						f.fail("f-string: single '}' is not allowed")
					}
				}
				pos--
				break
			}
		}
		litEnd := pos
		if litStart != litEnd {
			lit := src[litStart:litEnd]
			if raw {
				f.addLiteral(lit)
			} else {
				s, err := decodeStr(lit)
				if err != nil {
					f.p.escapeFail(err, t, f.next)
				}
				f.addLiteral(s)
			}
		}
		if more {
			pos++ // skip the second brace of {{ or }}
			continue
		}
		if pos >= end || src[pos] == '}' {
			break
		}
		pos = f.expr(t, pos, end, raw, lvl)
	}
	if lvl != 0 && (pos >= end || src[pos] != '}') {
		f.fail("f-string: expecting '}'")
	}
	return pos
}

// expr parses one replacement field starting at the '{' at pos.
func (f *fstringParser) expr(t *token, pos, end int, raw bool, lvl int) int {
	src := f.p.src
	if lvl >= 2 {
		f.fail("f-string: expressions nested too deeply")
	}
	pos++
	exprStart := pos
	var quote byte
	strType := 0
	var stack []byte
	for ; pos < end; pos++ {
		ch := src[pos]
		if ch == '\\' {
			f.fail("f-string expression part cannot include a backslash")
		}
		if quote != 0 {
			if ch == quote {
				if strType == 3 {
					if pos+2 < end && src[pos+1] == ch && src[pos+2] == ch {
						pos += 2
						quote, strType = 0, 0
					}
				} else {
					quote, strType = 0, 0
				}
			}
			continue
		}
		switch {
		case ch == '\'' || ch == '"':
			if pos+2 < end && src[pos+1] == ch && src[pos+2] == ch {
				strType = 3
				pos += 2
			} else {
				strType = 1
			}
			quote = ch
		case ch == '[' || ch == '{' || ch == '(':
			if len(stack) >= maxBrackets {
				f.fail("f-string: too many nested parenthesis")
			}
			stack = append(stack, ch)
		case ch == '#':
			f.fail("f-string expression part cannot include '#'")
		case len(stack) == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<'):
			if pos+1 < end {
				next := src[pos+1]
				if ch == '!' && next == '=' || ch == '=' && next == '=' || ch == '<' && next == '=' || ch == '>' && next == '=' {
					pos++
					continue
				}
			}
			if ch == '>' || ch == '<' {
				continue
			}
			goto found
		case ch == ']' || ch == '}' || ch == ')':
			if len(stack) == 0 {
				f.fail("f-string: unmatched '" + string(ch) + "'")
			}
			open := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !(open == '(' && ch == ')' || open == '[' && ch == ']' || open == '{' && ch == '}') {
				f.fail("f-string: closing parenthesis '" + string(ch) + "' does not match opening parenthesis '" + string(open) + "'")
			}
		}
	}
found:
	exprEnd := pos
	if quote != 0 {
		f.fail("f-string: unterminated string")
	}
	if len(stack) > 0 {
		f.fail("f-string: unmatched '" + string(stack[len(stack)-1]) + "'")
	}
	if pos >= end {
		f.fail("f-string: expecting '}'")
	}
	value := f.compile(t, exprStart, exprEnd)
	var exprText *string
	if src[pos] == '=' {
		pos++
		for pos < end && (src[pos] == ' ' || src[pos] == '\t' || src[pos] == '\n' || src[pos] == '\r' || src[pos] == '\f' || src[pos] == '\v') {
			pos++
		}
		if pos >= end {
			f.fail("f-string: expecting '}'")
		}
		s := src[exprStart:pos]
		exprText = &s
	}
	conversion := -1
	if src[pos] == '!' {
		pos++
		if pos >= end {
			f.fail("f-string: expecting '}'")
		}
		conversion = int(src[pos])
		pos++
		if conversion != 's' && conversion != 'r' && conversion != 'a' {
			f.fail("f-string: invalid conversion character: expected 's', 'r', or 'a'")
		}
	}
	var spec Expr
	if pos < end && src[pos] == ':' {
		pos++
		if pos >= end {
			f.fail("f-string: expecting '}'")
		}
		sub := &fstringParser{p: f.p, first: f.first, last: f.last, next: f.next, kind: f.kind,
			posTok: f.posTok, posAt: f.posAt, posLine: f.posLine, posLineStart: f.posLineStart}
		pos = sub.concat(t, pos, end, raw, lvl+1)
		spec = sub.finish(t, t)
	}
	if pos >= end || src[pos] != '}' {
		f.fail("f-string: expecting '}'")
	}
	pos++
	if exprText != nil && spec == nil && conversion == -1 {
		conversion = 'r'
	}
	if exprText != nil {
		f.addLiteral(*exprText)
	}
	f.flush(f.first, f.last)
	f.values = append(f.values, &FormattedValue{Value: value, Conversion: conversion, FormatSpec: spec, Loc: span(f.first, f.last)})
	return pos
}

// compile parses the expression text src[start:end] of a replacement
// field as if it were parenthesized, keeping its real source positions.
func (f *fstringParser) compile(t *token, start, end int) Expr {
	src := f.p.src
	blank := true
	for i := start; i < end; i++ {
		if c := src[i]; !(c == ' ' || c == '\t' || c == '\n' || c == '\f') {
			blank = false
			break
		}
	}
	if blank {
		if c := src[end]; c == '!' || c == ':' || c == '=' {
			f.fail("f-string: expression required before '" + string(c) + "'")
		}
		f.fail("f-string: empty expression not allowed")
	}
	// Find start's line, resuming from the previous field of this token.
	if f.posTok != t || f.posAt > start {
		f.posTok, f.posAt, f.posLine, f.posLineStart = t, t.start, t.line, t.start-t.col
	}
	for i := f.posAt; i < start; i++ {
		if src[i] == '\n' {
			f.posLine++
			f.posLineStart = i + 1
		}
	}
	f.posAt = start
	line, lineStart := f.posLine, f.posLineStart
	// Each f-string nesting depth reuses one scanner and one parser.
	pool := f.p.pool
	if pool == nil {
		pool = &[]*fieldScratch{}
		f.p.pool = pool
	}
	for len(*pool) <= f.p.fdepth {
		*pool = append(*pool, &fieldScratch{})
	}
	scratch := (*pool)[f.p.fdepth]
	s := scanRange(&scratch.s, f.p.filename, src, start, end, line, lineStart)
	sub := &scratch.p
	*sub = parser{filename: f.p.filename, src: src, toks: s.toks, tokErr: s.err, depth: f.p.depth, fdepth: f.p.fdepth + 1, pool: pool}
	var e Expr
	err := sub.run(func() { e = sub.fieldExpr(line, start-1-lineStart, &s.toks[len(s.toks)-1]) })
	if err != nil {
		f.p.fail(fieldError(err.(*Error), s.err, line, start-lineStart))
	}
	return e
}

// fieldExpr parses the tokens of a replacement field: what CPython's
// fstring rule sees inside the parentheses it adds around the text.
func (p *parser) fieldExpr(line, openCol int, end *token) Expr {
	if p.isKw("yield") {
		e := p.yieldExpr()
		p.fieldEnd()
		return e
	}
	first := p.starNamedExpression()
	loc := Loc{line, openCol, end.line, end.col + 1}
	if p.isKw("for") || p.isKw("async") {
		gens := p.comprehensions()
		p.fieldEnd()
		return &GeneratorExp{Elt: first, Generators: gens, Loc: loc}
	}
	if !p.is(",") {
		p.fieldEnd()
		if s, ok := first.(*Starred); ok {
			p.errNode("cannot use starred expression here", s)
		}
		return first
	}
	elts := []Expr{first}
	for p.accept(",") {
		if p.at().kind == tEnd {
			break
		}
		elts = append(elts, p.starNamedExpression())
	}
	p.fieldEnd()
	return &Tuple{Elts: elts, Ctx: Load, Loc: loc}
}

func (p *parser) fieldEnd() {
	if p.at().kind != tEnd {
		p.invalid()
	}
}

// fieldScratch is the scanner and parser an f-string field is read with.
type fieldScratch struct {
	s scanner
	p parser
}

// fieldError places an error found in a replacement field the way
// CPython does: its columns on the field's first line count from the '('
// it wraps the text in, and errors from its parser (not its tokenizer)
// start with "f-string: ".
func fieldError(e *Error, tokErr *tokError, line, startCol int) *Error {
	if e.inField {
		return e
	}
	c := *e
	c.inField = true
	fromTokenizer := tokErr != nil && e.Msg == tokErr.err.Msg && e.Lineno == tokErr.err.Lineno
	if !fromTokenizer && !strings.HasPrefix(c.Msg, "f-string") {
		c.Msg = "f-string: " + c.Msg
	}
	if c.Lineno == line {
		c.Offset -= startCol - 1
	}
	if c.EndLineno == line && c.EndOffset > 0 {
		c.EndOffset -= startCol - 1
	}
	return &c
}
