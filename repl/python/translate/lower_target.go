package translate

import (
	"go.starlark.net/syntax"

	py "sockrepl/repl/python/translate/pyparse"
)

// assignStmt lowers a = b = value: the value once, then each target from
// left to right.
func (l *lowerer) assignStmt(fn *fnCtx, st *py.Assign) []syntax.Stmt {
	pos := l.at(st)
	v := l.expr(fn, fn.scope, st.Value)
	if len(st.Targets) == 1 {
		return l.assignTo(fn, fn.scope, st.Targets[0], v, pos)
	}
	t := l.temp(fn, "a")
	out := []syntax.Stmt{assign(l.ident(t, pos), v, pos)}
	for _, target := range st.Targets {
		out = append(out, l.assignTo(fn, fn.scope, target, l.ident(t, pos), pos)...)
	}
	return out
}

// assignTo assigns value to a Python target.
func (l *lowerer) assignTo(fn *fnCtx, s *scope, target py.Expr, value syntax.Expr, pos syntax.Position) []syntax.Stmt {
	switch t := target.(type) {
	case *py.Name:
		return []syntax.Stmt{assign(l.nameRef(s, t.Id, l.at(t)), value, pos)}
	case *py.Attribute:
		return []syntax.Stmt{assign(l.attrTarget(fn, s, t), value, pos)}
	case *py.Subscript:
		if sl, ok := t.Slice.(*py.Slice); ok {
			p := l.mark(t)
			return []syntax.Stmt{exprStmt(l.call(HSetSlice, p, l.expr(fn, s, t.Value),
				l.optExpr(fn, s, sl.Lower, p), l.optExpr(fn, s, sl.Upper, p), l.optExpr(fn, s, sl.Step, p), value))}
		}
		p := l.mark(t)
		return []syntax.Stmt{assign(&syntax.IndexExpr{X: l.expr(fn, s, t.Value), Lbrack: p, Y: l.expr(fn, s, t.Slice), Rbrack: p}, value, pos)}
	case *py.Tuple:
		return l.unpackTo(fn, s, t, t.Elts, value, pos)
	case *py.List:
		return l.unpackTo(fn, s, t, t.Elts, value, pos)
	}
	l.fail(target, "SyntaxError", "cannot assign to expression")
	return nil
}

// unpackTo assigns the items of value to a tuple or list of targets.
// Simple targets take Starlark's own unpacking (of $unpack(value), which
// also unpacks str and bytes); a starred target, a slice or a nested
// starred target goes through a temporary.
func (l *lowerer) unpackTo(fn *fnCtx, s *scope, t py.Expr, elts []py.Expr, value syntax.Expr, pos syntax.Position) []syntax.Stmt {
	p := l.mark(t)
	star := -1
	for i, e := range elts {
		if _, ok := e.(*py.Starred); ok {
			star = i
		}
	}
	var src syntax.Expr
	if star >= 0 {
		src = l.call(HStarred, p, value, intLit(star, p), intLit(len(elts)-star-1, p))
	} else {
		src = l.call(HUnpack, p, value, intLit(len(elts), p))
	}
	if star < 0 && l.simpleTargets(elts) {
		lhs := make([]syntax.Expr, len(elts))
		for i, e := range elts {
			lhs[i] = l.simpleTarget(fn, s, e)
		}
		return []syntax.Stmt{assign(tupleOf(pos, lhs...), src, pos)}
	}
	tmp := l.temp(fn, "u")
	out := []syntax.Stmt{assign(l.ident(tmp, pos), src, pos)}
	for i, e := range elts {
		if st, ok := e.(*py.Starred); ok {
			e = st.Value
		}
		item := &syntax.IndexExpr{X: l.ident(tmp, pos), Lbrack: pos, Y: intLit(i, pos), Rbrack: pos}
		out = append(out, l.assignTo(fn, s, e, item, pos)...)
	}
	return out
}

// simpleTargets reports whether Starlark can assign to each target itself.
func (l *lowerer) simpleTargets(elts []py.Expr) bool {
	for _, e := range elts {
		switch e := e.(type) {
		case *py.Name, *py.Attribute:
		case *py.Subscript:
			if _, ok := e.Slice.(*py.Slice); ok {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func (l *lowerer) simpleTarget(fn *fnCtx, s *scope, e py.Expr) syntax.Expr {
	switch e := e.(type) {
	case *py.Name:
		return l.nameRef(s, e.Id, l.at(e))
	case *py.Attribute:
		return l.attrTarget(fn, s, e)
	case *py.Subscript:
		p := l.mark(e)
		return &syntax.IndexExpr{X: l.expr(fn, s, e.Value), Lbrack: p, Y: l.expr(fn, s, e.Slice), Rbrack: p}
	}
	return nil
}

func (l *lowerer) attrTarget(fn *fnCtx, s *scope, t *py.Attribute) syntax.Expr {
	p := l.mark(t)
	return &syntax.DotExpr{X: l.expr(fn, s, t.Value), Dot: p, NamePos: p, Name: l.ident(t.Attr, p)}
}

// loopTarget is a for loop's variables: used directly when Starlark can
// assign to them, else a temporary unpacked at the top of the body.
func (l *lowerer) loopTarget(fn *fnCtx, s *scope, target py.Expr, pos syntax.Position) (syntax.Expr, []syntax.Stmt) {
	switch t := target.(type) {
	case *py.Name, *py.Attribute:
		return l.simpleTarget(fn, s, t), nil
	case *py.Subscript:
		if _, ok := t.Slice.(*py.Slice); !ok {
			return l.simpleTarget(fn, s, t), nil
		}
	}
	tmp := l.temp(fn, "i")
	return l.ident(tmp, pos), l.assignTo(fn, s, target, l.ident(tmp, pos), pos)
}

// augAssign lowers x op= v. Starlark has the in-place forms of + - * and
// the bit operators; / // % ** @ become x = $op(x, v), with the object of
// an attribute or subscript target evaluated once.
func (l *lowerer) augAssign(fn *fnCtx, st *py.AugAssign) []syntax.Stmt {
	s := fn.scope
	pos := l.mark(st)
	v := l.expr(fn, s, st.Value)
	if tok, ok := nativeAugOps[st.Op]; ok {
		return []syntax.Stmt{&syntax.AssignStmt{OpPos: pos, Op: tok, LHS: l.augTargetRef(fn, s, st.Target, nil), RHS: v}}
	}
	var pre []syntax.Stmt
	ref := l.augTargetRef(fn, s, st.Target, &pre)
	read := ref
	if ix, ok := ref.(*syntax.IndexExpr); ok {
		read = l.call(HGetItem, pos, ix.X, ix.Y)
	}
	return append(pre, assign(ref, l.call(opHelpers[st.Op], pos, read, v), pos))
}

// augTargetRef is the target of an augmented assignment. With pre non-nil,
// the object and key of an attribute or subscript target are computed
// into temporaries first, since the target is both read and written.
func (l *lowerer) augTargetRef(fn *fnCtx, s *scope, target py.Expr, pre *[]syntax.Stmt) syntax.Expr {
	switch t := target.(type) {
	case *py.Name:
		return l.nameRef(s, t.Id, l.at(t))
	case *py.Attribute:
		p := l.mark(t)
		x := l.expr(fn, s, t.Value)
		if pre != nil {
			x = l.once(fn, x, pre, p)
		}
		return &syntax.DotExpr{X: x, Dot: p, NamePos: p, Name: l.ident(t.Attr, p)}
	case *py.Subscript:
		p := l.mark(t)
		if _, ok := t.Slice.(*py.Slice); ok {
			l.fail(t, "SyntaxError", "augmented assignment to a slice is not available in this shell: write x[a:b] = x[a:b] + y")
			return l.ident("None", p)
		}
		x, k := l.expr(fn, s, t.Value), l.expr(fn, s, t.Slice)
		if pre != nil {
			x, k = l.once(fn, x, pre, p), l.once(fn, k, pre, p)
		}
		return &syntax.IndexExpr{X: x, Lbrack: p, Y: k, Rbrack: p}
	}
	l.fail(target, "SyntaxError", "'%s' is an illegal expression for augmented assignment", exprKind(target))
	return l.ident("None", l.at(target))
}

// once stores x in a temporary unless it is a plain name.
func (l *lowerer) once(fn *fnCtx, x syntax.Expr, pre *[]syntax.Stmt, pos syntax.Position) syntax.Expr {
	if _, ok := x.(*syntax.Ident); ok {
		return x
	}
	t := l.temp(fn, "o")
	*pre = append(*pre, assign(l.ident(t, pos), x, pos))
	return l.ident(t, pos)
}

var nativeAugOps = map[py.Operator]syntax.Token{
	py.Add: syntax.PLUS_EQ, py.Sub: syntax.MINUS_EQ, py.Mult: syntax.STAR_EQ,
	py.BitAnd: syntax.AMP_EQ, py.BitOr: syntax.PIPE_EQ, py.BitXor: syntax.CIRCUMFLEX_EQ,
	py.LShift: syntax.LTLT_EQ, py.RShift: syntax.GTGT_EQ,
}

var opHelpers = map[py.Operator]Helper{
	py.Div: HTrueDiv, py.FloorDiv: HFloorDiv, py.Mod: HMod, py.Pow: HPow, py.MatMult: HMatMul,
}

// del lowers one target of a del statement.
func (l *lowerer) del(fn *fnCtx, target py.Expr) []syntax.Stmt {
	s := fn.scope
	switch t := target.(type) {
	case *py.Name:
		return []syntax.Stmt{l.unbind(s, t.Id, false, l.mark(t))}
	case *py.Attribute:
		p := l.mark(t)
		return []syntax.Stmt{exprStmt(l.call(HDelAttr, p, l.expr(fn, s, t.Value), strLit(t.Attr, p)))}
	case *py.Subscript:
		p := l.mark(t)
		return []syntax.Stmt{exprStmt(l.call(HDelItem, p, l.expr(fn, s, t.Value), l.subscriptKey(fn, s, t.Slice, p)))}
	case *py.Tuple:
		var out []syntax.Stmt
		for _, e := range t.Elts {
			out = append(out, l.del(fn, e)...)
		}
		return out
	case *py.List:
		var out []syntax.Stmt
		for _, e := range t.Elts {
			out = append(out, l.del(fn, e)...)
		}
		return out
	}
	l.fail(target, "SyntaxError", "cannot delete %s", exprKind(target))
	return nil
}

// annotationTarget evaluates the object of an annotated attribute or
// subscript with no value (x.y: int), as CPython does.
func (l *lowerer) annotationTarget(fn *fnCtx, target py.Expr) syntax.Expr {
	switch t := target.(type) {
	case *py.Attribute:
		return l.expr(fn, fn.scope, t.Value)
	case *py.Subscript:
		return tupleOf(l.at(t), l.expr(fn, fn.scope, t.Value), l.expr(fn, fn.scope, t.Slice))
	}
	return noneAt(l.at(target))
}

// exprKind names an expression as CPython's messages do.
func exprKind(e py.Expr) string {
	switch e.(type) {
	case *py.Call:
		return "function call"
	case *py.Constant:
		return "literal"
	case *py.Tuple:
		return "tuple"
	case *py.List:
		return "list"
	}
	return "expression"
}
