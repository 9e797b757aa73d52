package translate

import (
	"math/big"
	"strconv"

	"go.starlark.net/syntax"

	py "sockrepl/repl/python/translate/pyparse"
)

func (l *lowerer) optExpr(fn *fnCtx, s *scope, e py.Expr, pos syntax.Position) syntax.Expr {
	if e == nil {
		return noneAt(pos)
	}
	return l.expr(fn, s, e)
}

func (l *lowerer) exprs(fn *fnCtx, s *scope, list []py.Expr) []syntax.Expr {
	out := make([]syntax.Expr, len(list))
	for i, e := range list {
		out[i] = l.expr(fn, s, e)
	}
	return out
}

// expr lowers an expression read in scope s of function fn.
func (l *lowerer) expr(fn *fnCtx, s *scope, e py.Expr) syntax.Expr {
	pos := l.at(e)
	switch e := e.(type) {
	case *py.Name:
		return l.nameRef(s, e.Id, l.mark(e))
	case *py.Constant:
		return l.constant(e, pos)
	case *py.Attribute:
		p := l.mark(e)
		x := l.expr(fn, s, e.Value)
		if l.sockOnly[e] {
			x = l.call(HSockOnly, p, x)
		}
		if isDunder(e.Attr) || intAttrs[e.Attr] {
			return l.call(HGetAttr, p, x, strLit(e.Attr, p))
		}
		return &syntax.DotExpr{X: x, Dot: p, NamePos: p, Name: l.ident(e.Attr, p)}
	case *py.Subscript:
		p := l.mark(e)
		x := l.expr(fn, s, e.Value)
		if sl, ok := e.Slice.(*py.Slice); ok {
			return &syntax.SliceExpr{X: x, Lbrack: p, Lo: l.optional(fn, s, sl.Lower), Hi: l.optional(fn, s, sl.Upper), Step: l.optional(fn, s, sl.Step), Rbrack: p}
		}
		return l.call(HGetItem, p, x, l.subscriptKey(fn, s, e.Slice, p))
	case *py.Call:
		return l.callExpr(fn, s, e)
	case *py.BinOp:
		p := l.mark(e)
		x, y := l.expr(fn, s, e.Left), l.expr(fn, s, e.Right)
		if h, ok := opHelpers[e.Op]; ok {
			return l.call(h, p, x, y)
		}
		return &syntax.BinaryExpr{X: x, OpPos: p, Op: binaryTokens[e.Op], Y: y}
	case *py.UnaryOp:
		p := l.mark(e)
		return &syntax.UnaryExpr{OpPos: p, Op: unaryTokens[e.Op], X: l.expr(fn, s, e.Operand)}
	case *py.BoolOp:
		op := syntax.AND
		if e.Op == py.Or {
			op = syntax.OR
		}
		x := l.expr(fn, s, e.Values[0])
		for _, v := range e.Values[1:] {
			x = &syntax.BinaryExpr{X: x, OpPos: pos, Op: op, Y: l.expr(fn, s, v)}
		}
		return x
	case *py.Compare:
		return l.compare(fn, s, e)
	case *py.IfExp:
		return &syntax.CondExpr{If: pos, Cond: l.expr(fn, s, e.Test), True: l.expr(fn, s, e.Body), ElsePos: pos, False: l.expr(fn, s, e.Orelse)}
	case *py.Lambda:
		return l.lambda(fn, s, e)
	case *py.Tuple:
		if hasStarred(e.Elts) {
			return l.call(HTuple, pos, l.concat(fn, s, e.Elts, pos))
		}
		return tupleOf(pos, l.exprs(fn, s, e.Elts)...)
	case *py.List:
		if hasStarred(e.Elts) {
			return l.concat(fn, s, e.Elts, pos)
		}
		return &syntax.ListExpr{Lbrack: pos, List: l.exprs(fn, s, e.Elts), Rbrack: pos}
	case *py.Set:
		var list syntax.Expr = &syntax.ListExpr{Lbrack: pos, List: l.exprs(fn, s, e.Elts), Rbrack: pos}
		if hasStarred(e.Elts) {
			list = l.concat(fn, s, e.Elts, pos)
		}
		return l.call(HSet, pos, list)
	case *py.Dict:
		return l.dict(fn, s, e)
	case *py.ListComp:
		return l.inComp("<listcomp>", l.spanOf(e), func() syntax.Expr { return l.comprehension(fn, e, e.Generators, false, e.Elt, nil) })
	case *py.SetComp:
		return l.call(HSet, pos, l.inComp("<setcomp>", l.spanOf(e), func() syntax.Expr { return l.comprehension(fn, e, e.Generators, false, e.Elt, nil) }))
	case *py.GeneratorExp:
		return l.call(HGenExp, pos, l.inComp("<genexpr>", l.genexpOuter(e), func() syntax.Expr { return l.comprehension(fn, e, e.Generators, false, e.Elt, nil) }))
	case *py.DictComp:
		return l.inComp("<dictcomp>", l.spanOf(e), func() syntax.Expr { return l.comprehension(fn, e, e.Generators, true, e.Key, e.Value) })
	case *py.JoinedStr:
		return l.fstring(fn, s, e)
	case *py.FormattedValue:
		return l.fstring(fn, s, &py.JoinedStr{Values: []py.Expr{e}, Loc: e.Loc})
	case *py.NamedExpr:
		return l.walrus(fn, s, e)
	case *py.Yield:
		return l.call(HYield, l.mark(e), l.optExpr(fn, s, e.Value, pos))
	case *py.YieldFrom:
		return l.call(HYieldFrom, l.mark(e), l.expr(fn, s, e.Value))
	case *py.Starred:
		l.fail(e, "SyntaxError", "can't use starred expression here")
	case *py.Slice:
		return l.call(HSlice, pos, l.optExpr(fn, s, e.Lower, pos), l.optExpr(fn, s, e.Upper, pos), l.optExpr(fn, s, e.Step, pos))
	case *py.Await:
		l.fail(e, "SyntaxError", "'await' outside async function")
	default:
		l.fail(e, "SyntaxError", "invalid syntax")
	}
	return noneAt(pos)
}

func (l *lowerer) optional(fn *fnCtx, s *scope, e py.Expr) syntax.Expr {
	if e == nil {
		return nil
	}
	return l.expr(fn, s, e)
}

// subscriptKey is the key of x[key]: a tuple of slices becomes a tuple
// of slice objects.
func (l *lowerer) subscriptKey(fn *fnCtx, s *scope, key py.Expr, pos syntax.Position) syntax.Expr {
	return l.expr(fn, s, key)
}

// isDunder reports attribute names that Starlark values lack but Python
// objects have (__name__, __class__, __dict__...): they go through $getattr.
func isDunder(name string) bool {
	return len(name) > 4 && name[:2] == "__" && name[len(name)-2:] == "__"
}

// intAttrs are methods of int: Starlark's ints have no attributes, so
// reading one goes through $getattr too.
var intAttrs = map[string]bool{"to_bytes": true, "bit_length": true}

var binaryTokens = map[py.Operator]syntax.Token{
	py.Add: syntax.PLUS, py.Sub: syntax.MINUS, py.Mult: syntax.STAR,
	py.LShift: syntax.LTLT, py.RShift: syntax.GTGT,
	py.BitOr: syntax.PIPE, py.BitXor: syntax.CIRCUMFLEX, py.BitAnd: syntax.AMP,
}

var unaryTokens = map[py.UnaryOperator]syntax.Token{
	py.Invert: syntax.TILDE, py.Not: syntax.NOT, py.UAdd: syntax.PLUS, py.USub: syntax.MINUS,
}

var compareHelpers = map[py.CmpOp]Helper{
	py.Eq: HEq, py.NotEq: HNe, py.Lt: HLt, py.LtE: HLe, py.Gt: HGt, py.GtE: HGe,
	py.In: HIn, py.NotIn: HNotIn, py.Is: HIs,
}

// compare lowers a comparison. x is None and x is not None are Starlark's
// own == and != (None equals only None); other comparisons go through the
// helpers, which know Python's rules. A chain a < b < c evaluates b once.
func (l *lowerer) compare(fn *fnCtx, s *scope, e *py.Compare) syntax.Expr {
	p := l.mark(e)
	one := func(op py.CmpOp, x syntax.Expr, right py.Expr, y syntax.Expr) syntax.Expr {
		if c, ok := right.(*py.Constant); ok && c.Value == nil && (op == py.Is || op == py.IsNot) {
			tok := syntax.EQL
			if op == py.IsNot {
				tok = syntax.NEQ
			}
			return &syntax.BinaryExpr{X: x, OpPos: p, Op: tok, Y: y}
		}
		if op == py.IsNot {
			return &syntax.UnaryExpr{OpPos: p, Op: syntax.NOT, X: l.call(HIs, p, x, y)}
		}
		return l.call(compareHelpers[op], p, x, y)
	}
	left := l.expr(fn, s, e.Left)
	if len(e.Ops) == 1 {
		return one(e.Ops[0], left, e.Comparators[0], l.expr(fn, s, e.Comparators[0]))
	}
	// a < b < c: when every middle operand is a name or a constant it is
	// simply read twice; otherwise a lambda takes the middle values.
	simple := true
	for _, c := range e.Comparators[:len(e.Comparators)-1] {
		switch c.(type) {
		case *py.Name, *py.Constant:
		default:
			simple = false
		}
	}
	if simple {
		var out syntax.Expr
		x := left
		for i, op := range e.Ops {
			y := l.expr(fn, s, e.Comparators[i])
			c := one(op, x, e.Comparators[i], y)
			if out == nil {
				out = c
			} else {
				out = &syntax.BinaryExpr{X: out, OpPos: p, Op: syntax.AND, Y: c}
			}
			x = l.expr(fn, s, e.Comparators[i])
		}
		return out
	}
	params := make([]syntax.Expr, len(e.Comparators)-1)
	args := make([]syntax.Expr, len(e.Comparators)-1)
	for i := range params {
		name := "$c" + strconv.Itoa(i)
		params[i] = l.ident(name, p)
		args[i] = l.expr(fn, s, e.Comparators[i])
	}
	var out syntax.Expr
	x := left
	for i, op := range e.Ops {
		var y syntax.Expr
		if i < len(params) {
			y = l.ident("$c"+strconv.Itoa(i), p)
		} else {
			y = l.expr(fn, s, e.Comparators[i])
		}
		c := one(op, x, e.Comparators[i], y)
		if out == nil {
			out = c
		} else {
			out = &syntax.BinaryExpr{X: out, OpPos: p, Op: syntax.AND, Y: c}
		}
		if i < len(params) {
			x = l.ident("$c"+strconv.Itoa(i), p)
		}
	}
	lam := &syntax.LambdaExpr{Lambda: p, Params: params, Body: out}
	return &syntax.CallExpr{Fn: lam, Lparen: p, Args: args, Rparen: p}
}

func hasStarred(list []py.Expr) bool {
	for _, e := range list {
		if _, ok := e.(*py.Starred); ok {
			return true
		}
	}
	return false
}

// concat builds a list from items with starred parts: [*a, b] is
// $concat(a, [b]).
func (l *lowerer) concat(fn *fnCtx, s *scope, elts []py.Expr, pos syntax.Position) syntax.Expr {
	var parts []syntax.Expr
	var run []syntax.Expr
	flush := func() {
		if run != nil {
			parts = append(parts, &syntax.ListExpr{Lbrack: pos, List: run, Rbrack: pos})
			run = nil
		}
	}
	for _, e := range elts {
		if st, ok := e.(*py.Starred); ok {
			flush()
			parts = append(parts, l.expr(fn, s, st.Value))
			continue
		}
		run = append(run, l.expr(fn, s, e))
	}
	flush()
	return l.call(HConcat, pos, parts...)
}

// dict lowers a dict display; ** entries merge through $dictmerge.
func (l *lowerer) dict(fn *fnCtx, s *scope, e *py.Dict) syntax.Expr {
	pos := l.at(e)
	var parts []syntax.Expr
	var run []syntax.Expr
	merge := false
	for i, k := range e.Keys {
		if k == nil {
			merge = true
			if run != nil {
				parts = append(parts, &syntax.DictExpr{Lbrace: pos, List: run, Rbrace: pos})
				run = nil
			}
			parts = append(parts, l.expr(fn, s, e.Values[i]))
			continue
		}
		run = append(run, &syntax.DictEntry{Key: l.expr(fn, s, k), Colon: l.mark(k), Value: l.expr(fn, s, e.Values[i])})
	}
	if !merge {
		return &syntax.DictExpr{Lbrace: pos, List: run, Rbrace: pos}
	}
	if run != nil {
		parts = append(parts, &syntax.DictExpr{Lbrace: pos, List: run, Rbrace: pos})
	}
	return l.call(HDictMerge, pos, parts...)
}

// inComp lowers a comprehension with its frame on the stack that mark
// records, for tracebacks.
func (l *lowerer) inComp(kind string, outer Span, lower func() syntax.Expr) syntax.Expr {
	l.comps = append(l.comps, CompFrame{Kind: kind, Outer: outer})
	defer func() { l.comps = l.comps[:len(l.comps)-1] }()
	return lower()
}

func (l *lowerer) spanOf(n py.Node) Span {
	loc := n.(interface{ Pos() py.Loc }).Pos()
	return Span{Line: loc.Lineno, Col: loc.ColOffset, EndLine: loc.EndLineno, EndCol: loc.EndColOffset}
}

// genexpOuter is what the frame around a generator expression
// underlines: CPython runs the generator inside the call it is given to,
// so the call; this shell builds the items at once, where it stands.
func (l *lowerer) genexpOuter(e *py.GeneratorExp) Span {
	if c := l.genexpCall; c != nil {
		l.genexpCall = nil // a generator expression nested inside is not the argument
		return l.spanOf(c)
	}
	return l.spanOf(e)
}

// comprehension lowers a list or dict comprehension (set comprehensions
// and generator expressions wrap a list one). Its loop variables are
// Starlark's own; the first iterable is read in the enclosing scope.
func (l *lowerer) comprehension(fn *fnCtx, n py.Expr, gens []*py.Comprehension, curly bool, elt, value py.Expr) syntax.Expr {
	pos := l.at(n)
	cs := l.a.scopes[n]
	outer := cs.parent
	var clauses []syntax.Node
	for i, g := range gens {
		sc := cs
		if i == 0 {
			sc = outer
		}
		var iter syntax.Expr
		if i == 0 && len(l.comps) > 0 {
			// CPython reads the first iterable before the comprehension's
			// frame exists: a call in it has no <listcomp> frame around it.
			saved := l.comps
			l.comps = append([]CompFrame(nil), saved[:len(saved)-1]...)
			iter = l.call(HIter, l.mark(g.Iter), l.expr(fn, sc, g.Iter))
			l.comps = saved
		} else {
			iter = l.call(HIter, l.mark(g.Iter), l.expr(fn, sc, g.Iter))
		}
		vars := l.compTarget(g.Target)
		clauses = append(clauses, &syntax.ForClause{For: pos, Vars: vars, In: pos, X: iter})
		for _, c := range g.Ifs {
			clauses = append(clauses, &syntax.IfClause{If: pos, Cond: l.expr(fn, cs, c)})
		}
	}
	var body syntax.Expr
	if curly {
		body = &syntax.DictEntry{Key: l.expr(fn, cs, elt), Colon: l.mark(n), Value: l.expr(fn, cs, value)}
	} else {
		body = l.expr(fn, cs, elt)
	}
	return &syntax.Comprehension{Curly: curly, Lbrack: pos, Body: body, Clauses: clauses, Rbrack: pos}
}

// compTarget is a comprehension's loop variable: a name or a tuple of them.
func (l *lowerer) compTarget(t py.Expr) syntax.Expr {
	switch t := t.(type) {
	case *py.Name:
		return l.ident(t.Id, l.at(t))
	case *py.Tuple:
		list := make([]syntax.Expr, len(t.Elts))
		for i, e := range t.Elts {
			list[i] = l.compTarget(e)
		}
		return tupleOf(l.at(t), list...)
	case *py.List:
		list := make([]syntax.Expr, len(t.Elts))
		for i, e := range t.Elts {
			list[i] = l.compTarget(e)
		}
		return &syntax.ListExpr{Lbrack: l.at(t), List: list, Rbrack: l.at(t)}
	}
	l.fail(t, "SyntaxError", "this loop variable is not available in a comprehension in this shell: use a for statement")
	return l.ident("$bad", l.at(t))
}

// walrus lowers x := v through a helper that assigns and returns v.
func (l *lowerer) walrus(fn *fnCtx, s *scope, e *py.NamedExpr) syntax.Expr {
	p := l.mark(e)
	name := e.Target.(*py.Name).Id
	v := l.expr(fn, s, e.Value)
	target := s
	for target.kind == comprehensionScope {
		target = target.parent
	}
	owner, kind := l.resolve(target, name)
	switch kind {
	case refBox:
		return l.call(HSetSlot, p, l.ident(boxName(owner), p), intLit(owner.slot[name], p), v)
	case refGlobal:
		return l.call(HSetGlobal, p, strLit(name, p), v)
	}
	l.fail(e, "SyntaxError", "this assignment expression is not available in this shell: assign the value on its own line first")
	return v
}

// constant lowers a literal.
func (l *lowerer) constant(c *py.Constant, pos syntax.Position) syntax.Expr {
	switch v := c.Value.(type) {
	case nil:
		return noneAt(pos)
	case bool:
		if v {
			return &syntax.Ident{NamePos: pos, Name: "True"}
		}
		return &syntax.Ident{NamePos: pos, Name: "False"}
	case int64:
		return &syntax.Literal{Token: syntax.INT, TokenPos: pos, Raw: strconv.FormatInt(v, 10), Value: v}
	case *big.Int:
		return &syntax.Literal{Token: syntax.INT, TokenPos: pos, Raw: v.String(), Value: v}
	case float64:
		return &syntax.Literal{Token: syntax.FLOAT, TokenPos: pos, Raw: strconv.FormatFloat(v, 'g', -1, 64), Value: v}
	case string:
		return strLit(v, pos)
	case []byte:
		return &syntax.Literal{Token: syntax.BYTES, TokenPos: pos, Raw: strconv.Quote(string(v)), Value: string(v)}
	case py.EllipsisType:
		return l.helper(HEllipsis, pos)
	case py.Imaginary:
		l.fail(c, "SyntaxError", "complex numbers are not available in this shell")
	}
	return noneAt(pos)
}

// fstring lowers an f-string to $fstr(lit, value, conversion, spec,
// lit, ...): literal text and replacement fields alternate, starting and
// ending with literal text.
func (l *lowerer) fstring(fn *fnCtx, s *scope, e *py.JoinedStr) syntax.Expr {
	pos := l.mark(e)
	args := []syntax.Expr{}
	lit := ""
	for _, v := range e.Values {
		switch v := v.(type) {
		case *py.Constant:
			str, _ := v.Value.(string)
			lit += str
		case *py.FormattedValue:
			args = append(args, strLit(lit, pos))
			lit = ""
			var spec syntax.Expr = noneAt(pos)
			if v.FormatSpec != nil {
				spec = l.expr(fn, s, v.FormatSpec)
			}
			args = append(args, l.expr(fn, s, v.Value), intLit(v.Conversion, pos), spec)
		}
	}
	args = append(args, strLit(lit, pos))
	if len(args) == 1 {
		return args[0] // no replacement fields: a plain string
	}
	return l.call(HFString, pos, args...)
}
