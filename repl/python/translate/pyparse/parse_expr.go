package pyparse

import "fmt"

// Expressions, from the loosest binding (star_expressions) to atoms.

// starExpressions parses star_expressions: a tuple when commas appear.
func (p *parser) starExpressions() Expr {
	st := p.at()
	first := p.starExpression()
	if !p.is(",") {
		return first
	}
	elts := []Expr{first}
	for p.accept(",") {
		if !p.startsExpr() {
			break
		}
		elts = append(elts, p.starExpression())
	}
	return &Tuple{Elts: elts, Ctx: Load, Loc: p.locFrom(st)}
}

// expressions parses eval input: expressions, a tuple when commas appear.
func (p *parser) expressions() Expr {
	st := p.at()
	first := p.expression()
	if !p.is(",") {
		return first
	}
	elts := []Expr{first}
	for p.accept(",") {
		if !p.startsExpr() {
			break
		}
		elts = append(elts, p.expression())
	}
	return &Tuple{Elts: elts, Ctx: Load, Loc: p.locFrom(st)}
}

// startsExpr reports whether the current token can begin an expression.
func (p *parser) startsExpr() bool {
	t := p.at()
	switch t.kind {
	case tName:
		if !keywords[t.s] {
			return true
		}
		switch t.s {
		case "None", "True", "False", "not", "lambda", "await", "yield":
			return true
		}
		return false
	case tNumber, tString:
		return true
	case tOp:
		switch t.s {
		case "(", "[", "{", "-", "+", "~", "*", "...", "**":
			return true
		}
	}
	return false
}

func (p *parser) starExpression() Expr {
	if t := p.at(); t.kind == tOp && t.s == "*" {
		p.p++
		v := p.bitwiseOr()
		return &Starred{Value: v, Ctx: Load, Loc: p.locFrom(t)}
	}
	return p.expression()
}

// starNamedExpression is an element of a list, tuple or set display.
func (p *parser) starNamedExpression() Expr {
	if t := p.at(); t.kind == tOp && t.s == "*" {
		p.p++
		v := p.bitwiseOr()
		return &Starred{Value: v, Ctx: Load, Loc: p.locFrom(t)}
	}
	return p.namedExpression()
}

// namedExpression parses NAME ':=' expression, or an expression.
func (p *parser) namedExpression() Expr {
	t := p.at()
	if t.kind == tName && !keywords[t.s] {
		if n := p.peekAt(1); n.kind == tOp && n.s == ":=" {
			p.p += 2
			v := p.expression()
			return &NamedExpr{Target: &Name{Id: t.s, Ctx: Store, Loc: span(t, t)}, Value: v, Loc: p.locFrom(t)}
		}
	}
	e := p.expression()
	if p.is(":=") {
		p.errNode("cannot use assignment expressions with "+exprName(e), e)
	}
	if p.is("=") && p.fdepth == 0 && p.noInvalid == 0 {
		p.maybeMeantEq(e)
	}
	return e
}

// maybeMeantEq reports "if x = 1:" the way CPython does.
func (p *parser) maybeMeantEq(e Expr) {
	save := p.p
	p.p++
	var v Expr
	ok := p.try(func() { v = p.bitwiseOr() })
	after := p.toks[p.p]
	p.p = save
	if !ok || after.kind == tOp && (after.s == "=" || after.s == ":=") {
		return
	}
	if n, isName := e.(*Name); isName {
		p.errRange("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", n.Loc, v.Pos())
	}
	if maybeComparison(&p.toks[save-1], e) {
		p.errNode("cannot assign to "+exprName(e)+" here. Maybe you meant '==' instead of '='?", e)
	}
}

// expression parses a conditional expression or lambda.
func (p *parser) expression() Expr {
	p.enter()
	defer p.leave()
	if p.isKw("lambda") {
		return p.lambda()
	}
	st := p.at()
	body := p.disjunction()
	if !p.isKw("if") {
		p.checkMissingComma(st, body)
		return body
	}
	ifAt := p.p
	p.p++
	test := p.disjunction()
	if !p.isKw("else") {
		if p.noInvalid > 0 {
			// Error lookahead reads like a PEG parser: without its else,
			// the conditional is just its body.
			p.p = ifAt
			return body
		}
		if !p.is(":") {
			p.errRange("expected 'else' after 'if' expression", body.Pos(), test.Pos())
		}
		p.invalid()
	}
	p.p++
	orelse := p.expression()
	return &IfExp{Test: test, Body: body, Orelse: orelse, Loc: p.locFrom(st)}
}

func (p *parser) lambda() Expr {
	p.scoped = true
	t := p.at()
	p.p++
	args := p.parameters(":", false)
	p.expect(":")
	body := p.expression()
	return &Lambda{Args: args, Body: body, Loc: p.locFrom(t)}
}

func (p *parser) disjunction() Expr {
	st := p.at()
	first := p.conjunction()
	if !p.isKw("or") {
		return first
	}
	values := []Expr{first}
	for p.accept("or") {
		values = append(values, p.conjunction())
	}
	return &BoolOp{Op: Or, Values: values, Loc: p.locFrom(st)}
}

func (p *parser) conjunction() Expr {
	st := p.at()
	first := p.inversion()
	if !p.isKw("and") {
		return first
	}
	values := []Expr{first}
	for p.accept("and") {
		values = append(values, p.inversion())
	}
	return &BoolOp{Op: And, Values: values, Loc: p.locFrom(st)}
}

func (p *parser) inversion() Expr {
	if t := p.at(); t.kind == tName && t.s == "not" {
		p.enter()
		defer p.leave()
		p.p++
		v := p.inversion()
		return &UnaryOp{Op: Not, Operand: v, Loc: p.locFrom(t)}
	}
	return p.comparison()
}

func (p *parser) comparison() Expr {
	st := p.at()
	left := p.bitwiseOr()
	var ops []CmpOp
	var comps []Expr
	for {
		t := p.at()
		var op CmpOp
		switch {
		case t.kind == tOp:
			switch t.s {
			case "==":
				op = Eq
			case "!=":
				op = NotEq
			case "<":
				op = Lt
			case "<=":
				op = LtE
			case ">":
				op = Gt
			case ">=":
				op = GtE
			default:
				goto done
			}
			p.p++
		case t.kind == tName && t.s == "in":
			op = In
			p.p++
		case t.kind == tName && t.s == "not":
			if n := p.peekAt(1); n.kind == tName && n.s == "in" {
				op = NotIn
				p.p += 2
			} else {
				goto done
			}
		case t.kind == tName && t.s == "is":
			p.p++
			op = Is
			if p.accept("not") {
				op = IsNot
			}
		default:
			goto done
		}
		ops = append(ops, op)
		comps = append(comps, p.bitwiseOr())
	}
done:
	if ops == nil {
		return left
	}
	return &Compare{Left: left, Ops: ops, Comparators: comps, Loc: p.locFrom(st)}
}

// binOps gives each binary operator its precedence (higher binds
// tighter) and node operator.
func binOp(t *token) (int, Operator) {
	if t.kind != tOp {
		return 0, 0
	}
	switch t.s {
	case "|":
		return 1, BitOr
	case "^":
		return 2, BitXor
	case "&":
		return 3, BitAnd
	case "<<":
		return 4, LShift
	case ">>":
		return 4, RShift
	case "+":
		return 5, Add
	case "-":
		return 5, Sub
	case "*":
		return 6, Mult
	case "/":
		return 6, Div
	case "//":
		return 6, FloorDiv
	case "%":
		return 6, Mod
	case "@":
		return 6, MatMult
	}
	return 0, 0
}

func (p *parser) bitwiseOr() Expr { return p.binary(1) }

// binary parses left-associative binary operators of precedence >= min.
func (p *parser) binary(min int) Expr {
	p.enter()
	defer p.leave()
	st := p.at()
	left := p.factor()
	for {
		prec, op := binOp(p.at())
		if prec < min {
			return left
		}
		p.p++
		right := p.binary(prec + 1)
		left = &BinOp{Left: left, Op: op, Right: right, Loc: p.locFrom(st)}
	}
}

func (p *parser) factor() Expr {
	t := p.at()
	if t.kind == tOp {
		var op UnaryOperator
		switch t.s {
		case "+":
			op = UAdd
		case "-":
			op = USub
		case "~":
			op = Invert
		default:
			return p.power()
		}
		p.enter()
		defer p.leave()
		p.p++
		v := p.factor()
		return &UnaryOp{Op: op, Operand: v, Loc: p.locFrom(t)}
	}
	return p.power()
}

func (p *parser) power() Expr {
	st := p.at()
	left := p.awaitPrimary()
	if !p.is("**") {
		return left
	}
	p.p++
	p.enter()
	defer p.leave()
	right := p.factor()
	return &BinOp{Left: left, Op: Pow, Right: right, Loc: p.locFrom(st)}
}

func (p *parser) awaitPrimary() Expr {
	if t := p.at(); t.kind == tName && t.s == "await" {
		p.p++
		v := p.primary()
		return &Await{Value: v, Loc: p.locFrom(t)}
	}
	return p.primary()
}

// primary parses an atom and its trailers: .name, (args), [slices].
func (p *parser) primary() Expr {
	st := p.at()
	e := p.atom()
	for {
		t := p.at()
		if t.kind != tOp {
			return e
		}
		switch t.s {
		case ".":
			p.p++
			n := p.name()
			e = &Attribute{Value: e, Attr: n.s, Ctx: Load, Loc: p.locFrom(st)}
		case "(":
			e = p.call(st, e)
		case "[":
			p.p++
			s := p.slices()
			p.expect("]")
			e = &Subscript{Value: e, Slice: s, Ctx: Load, Loc: p.locFrom(st)}
		default:
			return e
		}
	}
}

// slices parses what is between a subscript's brackets.
func (p *parser) slices() Expr {
	st := p.at()
	first := p.slice()
	if !p.is(",") {
		if _, ok := first.(*Starred); !ok {
			return first
		}
	}
	elts := []Expr{first}
	for p.accept(",") {
		if p.is("]") {
			break
		}
		elts = append(elts, p.slice())
	}
	return &Tuple{Elts: elts, Ctx: Load, Loc: p.locFrom(st)}
}

func (p *parser) slice() Expr {
	t := p.at()
	if t.kind == tOp && t.s == "*" {
		p.p++
		v := p.expression()
		return &Starred{Value: v, Ctx: Load, Loc: p.locFrom(t)}
	}
	var lower Expr
	if !(t.kind == tOp && t.s == ":") {
		lower = p.namedExpression()
		if !p.is(":") {
			return lower
		}
		if _, ok := lower.(*NamedExpr); ok && !(t.kind == tOp && t.s == "(") {
			p.invalid() // a bound may be a walrus only in parentheses
		}
	}
	p.p++ // ':'
	s := &Slice{Lower: lower}
	if !p.is(":") && !p.is(",") && !p.is("]") {
		s.Upper = p.expression()
	}
	if p.accept(":") {
		if !p.is(",") && !p.is("]") {
			s.Step = p.expression()
		}
	}
	s.Loc = span(t, p.prev())
	return s
}

// atom parses names, literals, displays and parenthesized forms.
func (p *parser) atom() Expr {
	t := p.at()
	switch t.kind {
	case tName:
		switch t.s {
		case "None":
			p.p++
			return &Constant{Value: nil, Loc: span(t, t)}
		case "True":
			p.p++
			return &Constant{Value: true, Loc: span(t, t)}
		case "False":
			p.p++
			return &Constant{Value: false, Loc: span(t, t)}
		}
		if keywords[t.s] {
			p.invalid()
		}
		p.p++
		return &Name{Id: t.s, Ctx: Load, Loc: span(t, t)}
	case tNumber:
		p.p++
		return &Constant{Value: numberValue(t.s), Loc: span(t, t)}
	case tString:
		return p.strings()
	case tOp:
		switch t.s {
		case "(":
			return p.parenForm()
		case "[":
			return p.listForm()
		case "{":
			return p.braceForm()
		case "...":
			p.p++
			return &Constant{Value: Ellipsis, Loc: span(t, t)}
		}
	}
	p.invalid()
	return nil
}

func (p *parser) parenForm() Expr {
	open := p.at()
	p.enter()
	defer p.leave()
	p.p++
	if p.is(")") {
		p.p++
		return &Tuple{Elts: []Expr{}, Ctx: Load, Loc: span(open, p.prev())}
	}
	if p.isKw("yield") {
		y := p.yieldExpr()
		p.expect(")")
		return y
	}
	first := p.starNamedExpression()
	if p.isKw("for") || p.isKw("async") {
		if _, ok := first.(*Starred); ok {
			p.errNode("iterable unpacking cannot be used in comprehension", first)
		}
		gens := p.comprehensions()
		close := p.expect(")")
		return &GeneratorExp{Elt: first, Generators: gens, Loc: span(open, close)}
	}
	if p.is(")") {
		p.p++
		if s, ok := first.(*Starred); ok {
			p.errNode("cannot use starred expression here", s)
		}
		return first
	}
	if !p.is(",") {
		p.invalid()
	}
	elts := []Expr{first}
	for p.accept(",") {
		if p.is(")") {
			break
		}
		elts = append(elts, p.starNamedExpression())
	}
	close := p.expect(")")
	return &Tuple{Elts: elts, Ctx: Load, Loc: span(open, close)}
}

// checkMissingComma reports "Perhaps you forgot a comma?" when, inside
// brackets, the expression a (which began at token st) is directly
// followed by another expression, as CPython's invalid_expression does.
func (p *parser) checkMissingComma(st *token, a Expr) {
	if p.noInvalid > 0 || !p.startsExpr() {
		return
	}
	if b := p.missingComma(st, a); b != nil {
		p.errRange("invalid syntax. Perhaps you forgot a comma?", a.Pos(), b.Pos())
	}
	t := p.at()
	// (Not from inside another such reparse: "a b c d ..." would nest
	// one per name.)
	if n, ok := a.(*Name); ok && p.diag == 0 && !(t.kind == tOp && t.s == "(") && n.Loc == span(st, st) {
		// CPython's invalid_legacy_expression then reads what follows a
		// bare name as expressions, with its error checks on; after print
		// or exec that is Python 2's statement.
		var b Expr
		if p.reparse(func() { b = p.starExpressions() }) && (n.Id == "print" || n.Id == "exec") {
			p.errRange(fmt.Sprintf("Missing parentheses in call to '%s'. Did you mean %s(...)?", n.Id, n.Id), n.Loc, b.Pos())
		}
	}
}

// missingComma returns the expression that directly follows a inside
// brackets, if there is one and CPython would blame a missing comma.
func (p *parser) missingComma(st *token, a Expr) Expr {
	t := p.at()
	if t.kind == tOp && (t.s == "*" || t.s == "**") || t.kind == tName && t.s == "yield" {
		return nil
	}
	if st.kind == tName {
		// Not after NAME STRING (a legacy print) or a soft keyword.
		if next := p.toks[p.indexOf(st)+1]; next.kind == tString || st.s == "match" || st.s == "case" || st.s == "_" {
			return nil
		}
		if n, ok := a.(*Name); ok && (n.Id == "print" || n.Id == "exec") {
			return nil
		}
	}
	save := p.p
	var b Expr
	ok := p.try(func() { b = p.expression() })
	p.p = save
	if !ok || p.insideBrackets() == 0 {
		return nil
	}
	return b
}

// indexOf returns the index of a token of p.toks.
func (p *parser) indexOf(t *token) int {
	for i := p.p; i >= 0; i-- {
		if &p.toks[i] == t {
			return i
		}
	}
	return 0
}

// insideBrackets counts the open brackets before the current token.
func (p *parser) insideBrackets() int {
	if p.fdepth > 0 {
		return 1
	}
	n := 0
	for i := 0; i < p.p; i++ {
		t := &p.toks[i]
		if t.kind == tOp && len(t.s) == 1 {
			switch t.s[0] {
			case '(', '[', '{':
				n++
			case ')', ']', '}':
				n--
			}
		}
	}
	return n
}

func (p *parser) listForm() Expr {
	open := p.at()
	p.enter()
	defer p.leave()
	p.p++
	if p.is("]") {
		p.p++
		return &List{Elts: []Expr{}, Ctx: Load, Loc: span(open, p.prev())}
	}
	first := p.starNamedExpression()
	if p.isKw("for") || p.isKw("async") {
		if _, ok := first.(*Starred); ok {
			p.errNode("iterable unpacking cannot be used in comprehension", first)
		}
		gens := p.comprehensions()
		close := p.expect("]")
		return &ListComp{Elt: first, Generators: gens, Loc: span(open, close)}
	}
	elts := []Expr{first}
	for p.accept(",") {
		if p.is("]") {
			break
		}
		elts = append(elts, p.starNamedExpression())
	}
	close := p.expect("]")
	return &List{Elts: elts, Ctx: Load, Loc: span(open, close)}
}

func (p *parser) braceForm() Expr {
	open := p.at()
	p.enter()
	defer p.leave()
	p.p++
	if p.is("}") {
		p.p++
		return &Dict{Keys: []Expr{}, Values: []Expr{}, Loc: span(open, p.prev())}
	}
	if p.is("**") {
		st := p.at()
		p.p++
		v := p.bitwiseOr()
		if p.isKw("for") || p.isKw("async") {
			p.fail(p.newErr(kindSyntax, "dict unpacking cannot be used in dict comprehension", st.line, st.col, v.Pos().EndLineno, v.Pos().EndColOffset))
		}
		p.p = p.indexOf(st)
		return p.dictRest(open, nil, nil)
	}
	keyAt := p.at()
	first := p.starNamedExpression()
	if p.is(":") {
		if _, ok := first.(*Starred); ok {
			p.invalid()
		}
		if _, ok := first.(*NamedExpr); ok && !(keyAt.kind == tOp && keyAt.s == "(") {
			p.invalid() // a key may be a walrus only in parentheses
		}
		p.p++
		v := p.expression()
		if p.isKw("for") || p.isKw("async") {
			gens := p.comprehensions()
			close := p.expect("}")
			return &DictComp{Key: first, Value: v, Generators: gens, Loc: span(open, close)}
		}
		return p.dictRest(open, first, v)
	}
	if p.isKw("for") || p.isKw("async") {
		if _, ok := first.(*Starred); ok {
			p.errNode("iterable unpacking cannot be used in comprehension", first)
		}
		gens := p.comprehensions()
		close := p.expect("}")
		return &SetComp{Elt: first, Generators: gens, Loc: span(open, close)}
	}
	elts := []Expr{first}
	for p.accept(",") {
		if p.is("}") {
			break
		}
		elts = append(elts, p.starNamedExpression())
	}
	close := p.expect("}")
	return &Set{Elts: elts, Loc: span(open, close)}
}

// dictRest parses a dict display after its first item (if any).
func (p *parser) dictRest(open *token, k, v Expr) Expr {
	d := &Dict{}
	if v != nil {
		d.Keys = append(d.Keys, k)
		d.Values = append(d.Values, v)
		if !p.accept(",") {
			close := p.expect("}")
			d.Loc = span(open, close)
			return d
		}
	}
	for !p.is("}") {
		if p.accept("**") {
			d.Keys = append(d.Keys, nil)
			d.Values = append(d.Values, p.bitwiseOr())
		} else {
			key := p.expression()
			if !p.is(":") {
				if p.is(",") || p.is("}") {
					l := key.Pos()
					e := p.newErr(kindSyntax, "':' expected after dictionary key", l.EndLineno, l.EndColOffset-1, 0, 0)
					e.EndLineno = l.EndLineno
					p.fail(e)
				}
				p.invalid()
			}
			p.p++
			d.Keys = append(d.Keys, key)
			d.Values = append(d.Values, p.expression())
		}
		if !p.accept(",") {
			break
		}
	}
	close := p.expect("}")
	d.Loc = span(open, close)
	return d
}

// comprehensions parses one or more for/if clauses.
func (p *parser) comprehensions() []*Comprehension {
	p.scoped = true
	var gens []*Comprehension
	for p.isKw("for") || p.isKw("async") {
		c := &Comprehension{Ifs: []Expr{}}
		if p.accept("async") {
			c.IsAsync = 1
			if !p.isKw("for") {
				p.invalid()
			}
		}
		p.p++
		targetAt := p.p
		c.Target = p.starTargets()
		p.forIn(targetAt)
		c.Iter = p.disjunction()
		for p.accept("if") {
			c.Ifs = append(c.Ifs, p.disjunction())
		}
		gens = append(gens, c)
	}
	return gens
}

func (p *parser) yieldExpr() Expr {
	t := p.at()
	p.p++
	if p.accept("from") {
		v := p.expression()
		return &YieldFrom{Value: v, Loc: p.locFrom(t)}
	}
	y := &Yield{Loc: span(t, t)}
	if p.startsExpr() {
		y.Value = p.starExpressions()
		y.Loc = p.locFrom(t)
	}
	return y
}
