package pyparse

import "fmt"

// file parses statements up to the end of input.
func (p *parser) file() *Module {
	m := &Module{Body: []Stmt{}}
	for p.at().kind != tEnd {
		first := len(m.Body)
		m.Body = p.statement(m.Body)
		if p.topStmts++; p.topStmts == 1 {
			p.firstEnd = p.p
			p.firstCompound = isCompound(m.Body[first])
		}
	}
	return m
}

// statement parses one statement (or one line of simple statements) and
// appends it to out.
func (p *parser) statement(out []Stmt) []Stmt {
	t := p.at()
	switch t.kind {
	case tIndent:
		p.errLast(kindIndent, "unexpected indent")
	case tDedent:
		p.errLast(kindIndent, "unexpected unindent")
	case tOp:
		if t.s == "@" {
			return append(out, p.decorated())
		}
	case tName:
		switch t.s {
		case "def":
			return append(out, p.funcDef(nil, nil))
		case "class":
			return append(out, p.classDef(nil))
		case "if":
			return append(out, p.ifStmt())
		case "while":
			return append(out, p.whileStmt())
		case "for":
			return append(out, p.forStmt(nil))
		case "try":
			return append(out, p.tryStmt())
		case "with":
			return append(out, p.withStmt(nil))
		case "async":
			a := t
			n := p.peekAt(1)
			if n.kind == tName {
				switch n.s {
				case "def":
					p.p++
					return append(out, p.funcDef(nil, a))
				case "for":
					p.p++
					return append(out, p.forStmt(a))
				case "with":
					p.p++
					return append(out, p.withStmt(a))
				}
			}
			p.p++
			p.invalid()
		case "match":
			if p.looksLikeMatch() {
				p.errTok("the match statement is not supported here; write it as an if/elif chain", t)
			}
		}
	}
	return p.simpleStmts(out)
}

// looksLikeMatch tells a match statement from a name called match: the
// logical line must end with ':' and match must be followed by something
// that can start a subject.
func (p *parser) looksLikeMatch() bool {
	n := p.toks[p.p+1]
	if n.kind == tNewline || n.kind == tEnd || n.kind == tError {
		return false
	}
	if n.kind == tOp {
		switch n.s {
		case "(", "[", "{", "-", "*", "~", "+", "...":
		default:
			return false
		}
	}
	if n.kind == tName && (n.s == "in" || n.s == "is" || n.s == "and" || n.s == "or" || n.s == "if" || n.s == "else" || n.s == "for") {
		return false
	}
	for i := p.p + 1; i < len(p.toks); i++ {
		switch p.toks[i].kind {
		case tNewline, tEnd, tError:
			return p.toks[i-1].kind == tOp && p.toks[i-1].s == ":"
		}
	}
	return false
}

// simpleStmts parses simple statements separated by ';' up to NEWLINE.
func (p *parser) simpleStmts(out []Stmt) []Stmt {
	for {
		out = append(out, p.simpleStmt())
		if !p.accept(";") {
			break
		}
		if p.at().kind == tNewline {
			break
		}
	}
	if p.at().kind != tNewline {
		p.invalid()
	}
	p.p++
	return out
}

func (p *parser) simpleStmt() Stmt {
	t := p.at()
	if t.kind == tName {
		switch t.s {
		case "pass":
			p.p++
			return &Pass{span(t, t)}
		case "break":
			p.p++
			return &Break{span(t, t)}
		case "continue":
			p.p++
			return &Continue{span(t, t)}
		case "return":
			p.p++
			r := &Return{Loc: span(t, t)}
			if !p.atStmtEnd() {
				r.Value = p.starExpressions()
				r.Loc = p.locFrom(t)
			}
			return r
		case "raise":
			p.p++
			r := &Raise{Loc: span(t, t)}
			if !p.atStmtEnd() {
				r.Exc = p.expression()
				r.Loc = p.locFrom(t)
				if p.accept("from") {
					r.Cause = p.expression()
					r.Loc = p.locFrom(t)
				}
			}
			return r
		case "global", "nonlocal":
			p.scoped = true
			p.p++
			var names []string
			for {
				n := p.at()
				if n.kind != tName || keywords[n.s] {
					p.invalid()
				}
				p.p++
				names = append(names, n.s)
				if !p.accept(",") {
					break
				}
			}
			loc := span(t, p.prev())
			if t.s == "global" {
				return &Global{names, loc}
			}
			return &Nonlocal{names, loc}
		case "del":
			return p.delStmt()
		case "assert":
			p.p++
			a := &Assert{Test: p.expression()}
			a.Loc = p.locFrom(t)
			if p.accept(",") {
				a.Msg = p.expression()
				a.Loc = p.locFrom(t)
			}
			return a
		case "import":
			return p.importStmt()
		case "from":
			return p.fromImport()
		case "print", "exec":
			p.legacyPrint(t)
		}
	}
	return p.exprOrAssign()
}

// atStmtEnd reports whether a simple statement ends here.
func (p *parser) atStmtEnd() bool {
	t := p.at()
	return t.kind == tNewline || t.kind == tOp && t.s == ";"
}

// legacyPrint reports Python 2's print statement the way CPython does,
// when "print x" cannot be anything else.
func (p *parser) legacyPrint(t *token) {
	n := p.peekAt(1)
	if n.kind == tNewline || n.kind == tEnd {
		return
	}
	if n.kind == tOp {
		switch n.s {
		case "(", ".", "[", "=", ",", ";", ")", "]", "}", ":", "+=", "-=", "*=", "/=", "%=", "**=", "//=", "@=",
			"&=", "|=", "^=", ">>=", "<<=", "==", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%", "**", "//",
			"@", "&", "|", "^", "<<", ">>", ":=", "->", "<>":
			return
		}
	}
	if n.kind == tName {
		switch n.s {
		case "if", "else", "and", "or", "in", "is", "not", "for", "as", "from", "async", "await", "lambda", "yield", "import":
			if n.s != "not" && n.s != "lambda" && n.s != "await" {
				return
			}
		}
	}
	save := p.p
	p.p++
	var end Loc
	ok := p.try(func() {
		e := p.starExpressions()
		end = e.Pos()
	})
	p.p = save
	if !ok {
		return
	}
	p.fail(p.newErr(kindSyntax, fmt.Sprintf("Missing parentheses in call to '%s'. Did you mean %s(...)?", t.s, t.s),
		t.line, t.col, end.EndLineno, end.EndColOffset))
}

func (p *parser) delStmt() Stmt {
	t := p.at()
	p.p++
	d := &Delete{}
	for {
		e := p.starOrBitwise()
		p.setCtx(e, Del)
		d.Targets = append(d.Targets, e)
		if !p.accept(",") || p.atStmtEnd() {
			break
		}
	}
	if !p.atStmtEnd() {
		p.invalid()
	}
	d.Loc = p.locFrom(t)
	return d
}

func (p *parser) dottedName() (string, *token) {
	n := p.at()
	if n.kind != tName || keywords[n.s] {
		p.invalid()
	}
	p.p++
	name := n.s
	last := n
	for p.is(".") {
		p.p++
		m := p.at()
		if m.kind != tName || keywords[m.s] {
			p.invalid()
		}
		p.p++
		name += "." + m.s
		last = m
	}
	return name, last
}

func (p *parser) importStmt() Stmt {
	t := p.at()
	p.p++
	imp := &Import{}
	for {
		first := p.at()
		name, last := p.dottedName()
		a := &Alias{Name: name, Loc: span(first, last)}
		if p.accept("as") {
			as := p.name()
			a.Asname = as.s
			a.Loc = span(first, as)
		}
		imp.Names = append(imp.Names, a)
		if !p.accept(",") {
			break
		}
	}
	imp.Loc = p.locFrom(t)
	return imp
}

// name consumes a NAME that is not a keyword.
func (p *parser) name() *token {
	n := p.at()
	if n.kind != tName || keywords[n.s] {
		p.invalid()
	}
	p.p++
	return n
}

func (p *parser) fromImport() Stmt {
	t := p.at()
	p.p++
	f := &ImportFrom{}
	for {
		if p.accept(".") {
			f.Level++
		} else if p.accept("...") {
			f.Level += 3
		} else {
			break
		}
	}
	if !p.isKw("import") || f.Level == 0 {
		f.Module, _ = p.dottedName()
	}
	p.expect("import")
	if star := p.at(); star.kind == tOp && star.s == "*" {
		p.p++
		f.Names = []*Alias{{Name: "*", Loc: span(star, star)}}
		f.Loc = span(t, star)
		return f
	}
	paren := p.accept("(")
	for {
		n := p.name()
		a := &Alias{Name: n.s, Loc: span(n, n)}
		if p.accept("as") {
			as := p.name()
			a.Asname = as.s
			a.Loc = span(n, as)
		}
		f.Names = append(f.Names, a)
		if !p.accept(",") {
			break
		}
		if paren && p.is(")") {
			break
		}
		if !paren && p.atStmtEnd() {
			p.errTok("trailing comma not allowed without surrounding parentheses", p.at())
		}
	}
	if paren {
		p.expect(")")
	}
	f.Loc = span(t, p.prev())
	return f
}

// exprOrAssign parses an expression statement or any assignment.
func (p *parser) exprOrAssign() Stmt {
	first := p.at()
	var e Expr
	if p.isKw("yield") {
		e = p.yieldExpr()
	} else {
		e = p.starExpressions()
	}
	t := p.at()
	if t.kind == tOp {
		switch t.s {
		case ":":
			return p.annAssign(first, e)
		case "=":
			return p.assign(first, e)
		}
		if op, ok := augOps[t.s]; ok {
			p.p++
			if !validAugTarget(e) {
				p.errNode(fmt.Sprintf("'%s' is an illegal expression for augmented assignment", exprName(e)), e)
			}
			p.setCtx(e, Store)
			var v Expr
			if p.isKw("yield") {
				v = p.yieldExpr()
			} else {
				v = p.starExpressions()
			}
			return &AugAssign{Target: e, Op: op, Value: v, Loc: p.locFrom(first)}
		}
	}
	if !p.atStmtEnd() {
		p.invalid()
	}
	return &ExprStmt{Value: e, Loc: p.locFrom(first)}
}

var augOps = map[string]Operator{
	"+=": Add, "-=": Sub, "*=": Mult, "@=": MatMult, "/=": Div, "%=": Mod, "**=": Pow,
	"<<=": LShift, ">>=": RShift, "|=": BitOr, "^=": BitXor, "&=": BitAnd, "//=": FloorDiv,
}

func validAugTarget(e Expr) bool {
	switch e.(type) {
	case *Name, *Attribute, *Subscript:
		return true
	}
	return false
}

func (p *parser) annAssign(first *token, target Expr) Stmt {
	p.p++
	switch target.(type) {
	case *Name, *Attribute, *Subscript:
	default:
		// CPython words it only when an annotation follows.
		if !p.try(func() { p.expression() }) {
			p.invalid()
		}
	}
	switch target.(type) {
	case *Name, *Attribute, *Subscript:
	case *Tuple:
		p.errNode("only single target (not tuple) can be annotated", target)
	case *List:
		p.errNode("only single target (not list) can be annotated", target)
	default:
		p.errNode("illegal target for annotation", target)
	}
	p.setCtx(target, Store)
	a := &AnnAssign{Target: target, Annotation: p.expression()}
	_, isName := target.(*Name)
	if isName && !(first.kind == tOp && first.s == "(") {
		a.Simple = 1
	}
	a.Loc = p.locFrom(first)
	if p.accept("=") {
		if p.isKw("yield") {
			a.Value = p.yieldExpr()
		} else {
			a.Value = p.starExpressions()
		}
		a.Loc = p.locFrom(first)
	}
	return a
}

func (p *parser) assign(first *token, e Expr) Stmt {
	exprs := []Expr{e}
	diag := false
	defer func() {
		if diag {
			p.diag--
		}
	}()
	for p.accept("=") {
		if !diag && invalidTarget(exprs[len(exprs)-1], Store) != nil {
			// CPython's first pass stops at a bad target; reading on
			// only words the error.
			diag = true
			p.diag++
		}
		var next Expr
		read := func() {
			if p.isKw("yield") {
				next = p.yieldExpr()
			} else {
				next = p.starExpressions()
			}
		}
		if !diag {
			read()
		} else if !p.attempt(read) {
			p.targetError(first, exprs, nil)
		}
		exprs = append(exprs, next)
	}
	value := exprs[len(exprs)-1]
	targets := exprs[:len(exprs)-1]
	p.targetError(first, targets, value)
	for _, t := range targets {
		p.setCtx(t, Store)
	}
	return &Assign{Targets: targets, Value: value, Loc: p.locFrom(first)}
}

// targetError reports the first target that cannot be assigned. value is
// what follows the last '=', nil when that did not parse.
func (p *parser) targetError(first *token, targets []Expr, value Expr) {
	for i, t := range targets {
		switch t.(type) {
		case *Yield, *YieldFrom:
			p.errNode("assignment to yield expression not possible", t)
		}
		if bad := invalidTarget(t, Store); bad != nil {
			if i == 0 && bad == t && len(targets) == 1 && value != nil && maybeComparison(first, t) && isBitwiseOr(value) {
				p.errNode(fmt.Sprintf("cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(t)), t)
			}
			p.errNode(fmt.Sprintf("cannot assign to %s", exprName(bad)), bad)
		}
	}
}

// maybeComparison mirrors CPython's guess that "a = b" with an invalid a
// was meant as a comparison: not for displays or True/None/False.
func maybeComparison(first *token, t Expr) bool {
	switch t := t.(type) {
	case *List, *Tuple, *GeneratorExp, *ListComp:
		return false
	case *Constant:
		if first.kind == tName && (first.s == "True" || first.s == "False" || first.s == "None") {
			return false
		}
	case *Starred, *Compare, *BoolOp, *Lambda, *IfExp, *NamedExpr, *Yield, *YieldFrom:
		return false
	case *UnaryOp:
		return t.Op != Not
	}
	return isBitwiseOr(t)
}

// isBitwiseOr reports whether e could be the result of CPython's
// bitwise_or rule (no comparison, not, and/or, lambda, if-else, star).
func isBitwiseOr(e Expr) bool {
	switch e := e.(type) {
	case *Compare, *BoolOp, *Lambda, *IfExp, *Starred, *Yield, *YieldFrom, *Tuple:
		return false
	case *UnaryOp:
		return e.Op != Not
	}
	return true
}
