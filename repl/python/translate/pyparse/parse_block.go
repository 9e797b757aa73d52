package pyparse

// Compound statements: blocks and their headers.

import "fmt"

// block parses the body after a compound statement's ':'.
func (p *parser) block(what string, hdr *token) []Stmt {
	if p.at().kind != tNewline {
		return p.simpleStmts(nil)
	}
	p.p++
	if p.at().kind != tIndent {
		t := p.at()
		msg := fmt.Sprintf("expected an indented block after %s on line %d", what, hdr.line)
		p.errTokOrEnd(kindIndent, msg, t)
	}
	p.p++
	var body []Stmt
	for p.at().kind != tDedent && p.at().kind != tEnd {
		body = p.statement(body)
	}
	p.p++
	return body
}

// errTokOrEnd fails at t, or past the last line when t is the end.
func (p *parser) errTokOrEnd(kind, msg string, t *token) {
	if t.kind == tEnd || t.kind == tDedent && t.start >= len(p.src) {
		line, col := p.endPos()
		e := p.newErr(kind, msg, line, col, 0, 0)
		e.EndLineno, e.EndOffset = line, e.Offset
		p.fail(e)
	}
	p.errTokKind(kind, msg, t)
}

// colon consumes the ':' ending a block header. A missing one is
// "expected ':'" when the line ends there (or always, if forced).
func (p *parser) colon(forced bool) {
	t := p.at()
	if t.kind == tOp && t.s == ":" {
		p.p++
		return
	}
	if forced || t.kind == tNewline {
		p.errTok("expected ':'", t)
	}
	p.invalid()
}

func (p *parser) ifStmt() Stmt {
	t := p.at()
	p.p++
	test := p.namedExpression()
	p.colon(false)
	what := "'if' statement"
	if t.s == "elif" {
		what = "'elif' statement"
	}
	s := &If{Test: test, Body: p.block(what, t), Orelse: []Stmt{}}
	s.Loc = p.locFrom(t)
	if p.isKw("elif") {
		e := p.ifStmt()
		s.Orelse = []Stmt{e}
		s.Loc = p.locFrom(t)
	} else if p.isKw("else") {
		s.Orelse = p.elseBlock()
		s.Loc = p.locFrom(t)
	}
	return s
}

func (p *parser) elseBlock() []Stmt {
	e := p.at()
	p.p++
	p.colon(true)
	return p.block("'else' statement", e)
}

func (p *parser) whileStmt() Stmt {
	t := p.at()
	p.p++
	test := p.namedExpression()
	p.colon(false)
	s := &While{Test: test, Body: p.block("'while' statement", t), Orelse: []Stmt{}}
	s.Loc = p.locFrom(t)
	if p.isKw("else") {
		s.Orelse = p.elseBlock()
		s.Loc = p.locFrom(t)
	}
	return s
}

func (p *parser) forStmt(async *token) Stmt {
	t := p.at()
	p.p++
	targetAt := p.p
	target := p.starTargets()
	p.forIn(targetAt)
	iter := p.starExpressions()
	p.colon(false)
	body := p.block("'for' statement", t)
	orelse := []Stmt{}
	if p.isKw("else") {
		orelse = p.elseBlock()
	}
	start := t
	if async != nil {
		start = async
		return &AsyncFor{Target: target, Iter: iter, Body: body, Orelse: orelse, Loc: p.locFrom(start)}
	}
	return &For{Target: target, Iter: iter, Body: body, Orelse: orelse, Loc: p.locFrom(start)}
}

// forIn consumes the 'in' after a for target list; when it is missing,
// it looks at the targets again as expressions for a better message.
func (p *parser) forIn(targetAt int) {
	if p.isKw("in") {
		p.p++
		return
	}
	p.reparse(func() {
		p.p = targetAt
		p.starExpressions()
	})
	p.invalid()
}

// starTargets parses the target list of a for statement or clause.
func (p *parser) starTargets() Expr {
	st := p.at()
	first := p.starOrBitwise()
	e := first
	if p.is(",") {
		elts := []Expr{first}
		for p.accept(",") {
			if p.isKw("in") || p.is("=") {
				break
			}
			elts = append(elts, p.starOrBitwise())
		}
		e = &Tuple{Elts: elts, Loc: p.locFrom(st)}
	}
	if bad := invalidTarget(e, Store); bad != nil {
		p.errNode(fmt.Sprintf("cannot assign to %s", exprName(bad)), bad)
	}
	p.setCtx(e, Store)
	return e
}

// starOrBitwise parses '*' bitwise_or or bitwise_or: one target.
func (p *parser) starOrBitwise() Expr {
	if t := p.at(); t.kind == tOp && t.s == "*" {
		p.p++
		v := p.bitwiseOr()
		return &Starred{Value: v, Loc: p.locFrom(t)}
	}
	return p.bitwiseOr()
}

func (p *parser) withStmt(async *token) Stmt {
	t := p.at()
	p.p++
	var items []*Withitem
	parsed := false
	if p.is("(") {
		save := p.p
		parsed = p.attempt(func() {
			p.p++
			for {
				items = append(items, p.withItem())
				if !p.accept(",") || p.is(")") {
					break
				}
			}
			p.expect(")")
			if !p.is(":") {
				p.invalid()
			}
		})
		if !parsed {
			p.p = save
			items = nil
		}
	}
	if !parsed {
		for {
			items = append(items, p.withItem())
			if !p.accept(",") {
				break
			}
		}
	}
	p.colon(false)
	body := p.block("'with' statement", t)
	if async != nil {
		return &AsyncWith{Items: items, Body: body, Loc: p.locFrom(async)}
	}
	return &With{Items: items, Body: body, Loc: p.locFrom(t)}
}

func (p *parser) withItem() *Withitem {
	w := &Withitem{ContextExpr: p.expression()}
	if p.accept("as") {
		v := p.starOrBitwise()
		if n := p.at(); !(n.kind == tOp && (n.s == "," || n.s == ")" || n.s == ":") || n.kind == tNewline) {
			p.invalid()
		}
		if bad := invalidTarget(v, Store); bad != nil {
			p.errNode(fmt.Sprintf("cannot assign to %s", exprName(bad)), bad)
		}
		p.setCtx(v, Store)
		w.OptionalVars = v
	}
	return w
}

func (p *parser) tryStmt() Stmt {
	t := p.at()
	p.p++
	p.colon(true)
	body := p.block("'try' statement", t)
	var handlers []*ExceptHandler
	star := -1
	for p.isKw("except") {
		e := p.at()
		p.p++
		isStar := p.accept("*")
		if star >= 0 && (star == 1) != isStar {
			p.errTok("cannot have both 'except' and 'except*' on the same 'try'", e)
		}
		if isStar {
			star = 1
		} else {
			star = 0
		}
		h := &ExceptHandler{}
		what := "'except' statement"
		if isStar {
			what = "'except*' statement"
			if p.is(":") {
				p.errTok("expected one or more exception types", p.at())
			}
		}
		if !p.is(":") {
			h.Type = p.expression()
			if p.is(",") {
				save := p.p
				elts := []Expr{h.Type}
				for p.accept(",") {
					if p.is(":") || p.isKw("as") {
						break
					}
					elts = append(elts, p.expression())
				}
				if p.is(":") || p.isKw("as") {
					p.errRange("multiple exception types must be parenthesized", h.Type.Pos(), elts[len(elts)-1].Pos())
				}
				p.p = save
				p.invalid()
			}
			if p.accept("as") {
				h.Name = p.name().s
			}
		}
		p.colon(false)
		h.Body = p.block(what, e)
		h.Loc = p.locFrom(e)
		handlers = append(handlers, h)
	}
	orelse, finalbody := []Stmt{}, []Stmt{}
	if len(handlers) > 0 && p.isKw("else") {
		orelse = p.elseBlock()
	}
	if p.isKw("finally") {
		f := p.at()
		p.p++
		p.colon(true)
		finalbody = p.block("'finally' statement", f)
	}
	if len(handlers) == 0 && len(finalbody) == 0 {
		p.errTokOrEnd(kindSyntax, "expected 'except' or 'finally' block", p.at())
	}
	if handlers == nil {
		handlers = []*ExceptHandler{}
	}
	if star == 1 {
		return &TryStar{Body: body, Handlers: handlers, Orelse: orelse, Finalbody: finalbody, Loc: p.locFrom(t)}
	}
	return &Try{Body: body, Handlers: handlers, Orelse: orelse, Finalbody: finalbody, Loc: p.locFrom(t)}
}

func (p *parser) decorated() Stmt {
	var decs []Expr
	for p.is("@") {
		p.p++
		decs = append(decs, p.namedExpression())
		if p.at().kind != tNewline {
			p.invalid()
		}
		p.p++
	}
	switch {
	case p.isKw("def"):
		return p.funcDef(decs, nil)
	case p.isKw("class"):
		return p.classDef(decs)
	case p.isKw("async"):
		a := p.at()
		p.p++
		if p.isKw("def") {
			return p.funcDef(decs, a)
		}
	}
	p.invalid()
	return nil
}

func (p *parser) funcDef(decs []Expr, async *token) Stmt {
	p.scoped = true
	t := p.at()
	p.p++
	name := p.name()
	p.expectForced("(")
	args := p.parameters(")", true)
	p.expect(")")
	var returns Expr
	if p.accept("->") {
		returns = p.expression()
	}
	p.colon(true)
	if decs == nil {
		decs = []Expr{}
	}
	body := p.block("function definition", t)
	if async != nil {
		return &AsyncFunctionDef{Name: name.s, Args: args, Body: body, DecoratorList: decs, Returns: returns, Loc: p.locFrom(async)}
	}
	return &FunctionDef{Name: name.s, Args: args, Body: body, DecoratorList: decs, Returns: returns, Loc: p.locFrom(t)}
}

func (p *parser) classDef(decs []Expr) Stmt {
	t := p.at()
	p.p++
	name := p.name()
	c := &ClassDef{Name: name.s, Bases: []Expr{}, Keywords: []*Keyword{}, DecoratorList: decs}
	if p.is("(") {
		p.p++
		if !p.is(")") {
			c.Bases, c.Keywords = p.callArgs()
		}
		p.expect(")")
	}
	if c.DecoratorList == nil {
		c.DecoratorList = []Expr{}
	}
	p.colon(false)
	c.Body = p.block("class definition", t)
	c.Loc = p.locFrom(t)
	return c
}

// isCompound reports whether s is a statement with a block.
func isCompound(s Stmt) bool {
	switch s.(type) {
	case *FunctionDef, *AsyncFunctionDef, *ClassDef, *If, *For, *AsyncFor, *While, *With, *AsyncWith, *Try, *TryStar:
		return true
	}
	return false
}
