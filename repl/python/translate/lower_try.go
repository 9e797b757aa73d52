package translate

import (
	"strconv"

	"go.starlark.net/syntax"

	py "sockrepl/repl/python/translate/pyparse"
)

// hoist lowers body as a synthetic function defined at the entry of fn
// (closures see variables, not values, so one definition per call of fn
// serves every run of the statement, even in a loop). It returns the
// function's name and its context, which says what control codes it
// may return.
func (l *lowerer) hoist(fn *fnCtx, kind string, params []syntax.Expr, pre, cleanup []syntax.Stmt, body []py.Stmt, pos syntax.Position) (*syntax.Ident, *fnCtx) {
	l.temps++
	name := synthName(kind+strconv.Itoa(l.temps), fn.scope.name)
	inner := &fnCtx{parent: fn, scope: fn.scope, synth: true, kind: kind, cleanup: cleanup}
	stmts := l.stmts(inner, body)
	all := append(inner.entry(l), pre...)
	all = append(all, stmts...)
	all = append(all, cleanup...)
	fn.hoisted = append(fn.hoisted, &syntax.DefStmt{Def: pos, Name: l.ident(name, pos), Params: params, Body: block(all, pos)})
	if fn.module {
		l.moduleName(name)
	}
	return l.ident(name, pos), inner
}

// hoistExpr defines, at fn's entry, a function returning e: an except
// clause's class, evaluated only when an exception reaches it.
func (l *lowerer) hoistExpr(fn *fnCtx, e py.Expr) *syntax.Ident {
	pos := l.at(e)
	l.temps++
	name := synthName("spec"+strconv.Itoa(l.temps), fn.scope.name)
	ret := &syntax.ReturnStmt{Return: pos, Result: l.expr(fn, fn.scope, e)}
	fn.hoisted = append(fn.hoisted, &syntax.DefStmt{Def: pos, Name: l.ident(name, pos), Body: []syntax.Stmt{ret}})
	if fn.module {
		l.moduleName(name)
	}
	return l.ident(name, pos)
}

// globalSpec is an except clause's class when it names globals only
// (BlockingIOError, socket.timeout, or a tuple of such): the dotted names
// as strings, which $try looks up itself when an exception arrives, with
// no Starlark call.
func (l *lowerer) globalSpec(s *scope, e py.Expr, pos syntax.Position) (syntax.Expr, bool) {
	switch e := e.(type) {
	case *py.Name:
		if _, kind := l.resolve(s, e.Id); kind == refGlobal {
			return strLit(e.Id, pos), true
		}
	case *py.Attribute:
		if x, ok := l.globalSpec(s, e.Value, pos); ok {
			if lit, ok := x.(*syntax.Literal); ok {
				return strLit(lit.Value.(string)+"."+e.Attr, pos), true
			}
		}
	case *py.Tuple:
		var list []syntax.Expr
		for _, el := range e.Elts {
			x, ok := l.globalSpec(s, el, pos)
			if !ok {
				return nil, false
			}
			list = append(list, x)
		}
		return tupleOf(pos, list...), true
	}
	return nil, false
}

// try lowers try/except/else/finally to
//
//	r = $try(body, (spec, handler, ...), orelse, final)
//
// then follows the control code r carries (break, continue, return).
func (l *lowerer) try(fn *fnCtx, t *py.Try) []syntax.Stmt {
	pos := l.at(t)
	s := fn.scope
	body, bctx := l.hoist(fn, "try", nil, nil, nil, t.Body, pos)
	ctxs := []*fnCtx{bctx}
	var handlers []syntax.Expr
	for _, h := range t.Handlers {
		hpos := l.at(h)
		var spec syntax.Expr = noneAt(hpos)
		if h.Type != nil {
			if names, ok := l.globalSpec(s, h.Type, hpos); ok {
				spec = names
			} else {
				spec = l.hoistExpr(fn, h.Type)
			}
		}
		var params []syntax.Expr
		var pre, cleanup []syntax.Stmt
		if h.Name != "" {
			if s.kind == functionScope && s.confined[h.Name] != nil {
				params = []syntax.Expr{l.ident(h.Name, hpos)}
			} else {
				params = []syntax.Expr{l.ident("$e", hpos)}
				pre = []syntax.Stmt{assign(l.nameRef(s, h.Name, hpos), l.ident("$e", hpos), hpos)}
				cleanup = []syntax.Stmt{l.unbind(s, h.Name, true, hpos)}
			}
		}
		hfn, hctx := l.hoist(fn, "except", params, pre, cleanup, h.Body, hpos)
		ctxs = append(ctxs, hctx)
		handlers = append(handlers, spec, hfn)
	}
	var orelse, final syntax.Expr = noneAt(pos), noneAt(pos)
	if len(t.Orelse) > 0 {
		id, ctx := l.hoist(fn, "else", nil, nil, nil, t.Orelse, pos)
		orelse = id
		ctxs = append(ctxs, ctx)
	}
	if len(t.Finalbody) > 0 {
		id, ctx := l.hoist(fn, "finally", nil, nil, nil, t.Finalbody, pos)
		final = id
		ctxs = append(ctxs, ctx)
	}
	// The handlers' tuple is built once per call of fn, not per run. It
	// starts with the module's global store, where $try looks up the
	// names an except clause gives as strings.
	hs := l.temp(fn, "h")
	handlers = append([]syntax.Expr{l.helper(HGlobals, pos)}, handlers...)
	fn.hoisted = append(fn.hoisted, assign(l.ident(hs, pos), tupleOf(pos, handlers...), pos))
	r := l.temp(fn, "r")
	call := l.call(HTry, l.mark(t), body, l.ident(hs, pos), orelse, final)
	return append([]syntax.Stmt{assign(l.ident(r, pos), call, pos)}, l.dispatch(fn, merged(ctxs), r, pos)...)
}

// merged is one context that may return every code any of ctxs may.
func merged(ctxs []*fnCtx) *fnCtx {
	m := &fnCtx{}
	for _, c := range ctxs {
		m.brk = m.brk || c.brk
		m.cont = m.cont || c.cont
		m.ret = m.ret || c.ret
	}
	return m
}

// with lowers a with statement, one item at a time:
//
//	r = $with(manager, body)
//
// where body takes what __enter__ returned and binds the as-target.
func (l *lowerer) with(fn *fnCtx, st *py.With, items []*py.Withitem) []syntax.Stmt {
	pos := l.at(st)
	s := fn.scope
	item := items[0]
	mgr := l.expr(fn, s, item.ContextExpr)
	var params []syntax.Expr
	var pre []syntax.Stmt
	if item.OptionalVars != nil {
		if n, ok := item.OptionalVars.(*py.Name); ok && s.kind == functionScope && s.confined[n.Id] != nil {
			params = []syntax.Expr{l.ident(n.Id, pos)}
		} else {
			params = []syntax.Expr{l.ident("$v", pos)}
			pre = l.assignTo(&fnCtx{scope: s}, s, item.OptionalVars, l.ident("$v", pos), pos)
		}
	} else {
		params = []syntax.Expr{l.ident("$v", pos)}
	}
	body := st.Body
	if len(items) > 1 {
		body = []py.Stmt{&py.With{Items: items[1:], Body: st.Body, Loc: st.Loc}}
	}
	bfn, bctx := l.hoist(fn, "with", params, pre, nil, body, pos)
	r := l.temp(fn, "r")
	call := l.call(HWith, l.mark(item.ContextExpr), mgr, bfn)
	return append([]syntax.Stmt{assign(l.ident(r, pos), call, pos)}, l.dispatch(fn, bctx, r, pos)...)
}
