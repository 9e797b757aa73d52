package translate

import (
	"go.starlark.net/syntax"

	py "sockrepl/repl/python/translate/pyparse"
)

func (l *lowerer) stmts(fn *fnCtx, list []py.Stmt) []syntax.Stmt {
	var out []syntax.Stmt
	for _, st := range list {
		if l.err != nil {
			return nil
		}
		out = append(out, l.stmt(fn, st)...)
	}
	return out
}

func (l *lowerer) stmt(fn *fnCtx, st py.Stmt) []syntax.Stmt {
	s := fn.scope
	pos := l.at(st)
	switch st := st.(type) {
	case *py.ExprStmt:
		x := l.expr(fn, s, st.Value)
		if l.mode == Single && s.kind == moduleScope {
			x = l.call(HEcho, pos, x)
		}
		return []syntax.Stmt{exprStmt(x)}
	case *py.Assign:
		return l.assignStmt(fn, st)
	case *py.AugAssign:
		return l.augAssign(fn, st)
	case *py.AnnAssign:
		if st.Value == nil {
			if st.Simple == 0 {
				// x.y: int evaluates x; a bare name annotation does nothing.
				return []syntax.Stmt{exprStmt(l.annotationTarget(fn, st.Target))}
			}
			return []syntax.Stmt{l.declareLocal(s, st.Target.(*py.Name).Id, pos)}
		}
		return l.assignTo(fn, s, st.Target, l.expr(fn, s, st.Value), pos)
	case *py.Pass:
		return []syntax.Stmt{pass(pos)}
	case *py.Break:
		return l.branch(fn, pos, true)
	case *py.Continue:
		return l.branch(fn, pos, false)
	case *py.Return:
		var x syntax.Expr = noneAt(pos)
		if st.Value != nil {
			x = l.expr(fn, s, st.Value)
		}
		return l.ret(fn, x, pos)
	case *py.If:
		return []syntax.Stmt{l.ifStmt(fn, st)}
	case *py.While:
		return l.while(fn, st)
	case *py.For:
		return l.forStmt(fn, st)
	case *py.FunctionDef:
		return l.funcDef(fn, st)
	case *py.ClassDef:
		return l.classDef(fn, st)
	case *py.Try:
		return l.try(fn, st)
	case *py.With:
		return l.with(fn, st, st.Items)
	case *py.Raise:
		return []syntax.Stmt{l.raise(fn, st)}
	case *py.Assert:
		var msg []syntax.Expr
		if st.Msg != nil {
			msg = append(msg, l.expr(fn, s, st.Msg))
		}
		fail := exprStmt(l.call(HAssert, l.mark(st), msg...))
		return []syntax.Stmt{&syntax.IfStmt{If: pos, Cond: &syntax.UnaryExpr{OpPos: pos, Op: syntax.NOT, X: l.expr(fn, s, st.Test)}, True: []syntax.Stmt{fail}}}
	case *py.Delete:
		var out []syntax.Stmt
		for _, t := range st.Targets {
			out = append(out, l.del(fn, t)...)
		}
		return out
	case *py.Import:
		return l.importStmt(fn, st)
	case *py.ImportFrom:
		return l.importFrom(fn, st)
	case *py.Global, *py.Nonlocal:
		return nil // decided by the scope analysis
	}
	l.fail(st, "SyntaxError", "%s", refusalFor(st))
	return nil
}

// refusalFor says what to write instead of a statement this shell lacks.
func refusalFor(st py.Stmt) string {
	switch st.(type) {
	case *py.AsyncFunctionDef, *py.AsyncFor, *py.AsyncWith:
		return "async code is not available in this shell: use select.select() or selectors to wait on several sockets at once"
	case *py.TryStar:
		return "except* (exception groups) is not available in this shell: use a plain except clause"
	}
	return "match statements are not available in this shell: use if and elif"
}

// ifStmt lowers if/elif/else.
func (l *lowerer) ifStmt(fn *fnCtx, st *py.If) *syntax.IfStmt {
	pos := l.at(st)
	out := &syntax.IfStmt{If: pos, Cond: l.expr(fn, fn.scope, st.Test), True: block(l.stmts(fn, st.Body), pos)}
	if len(st.Orelse) > 0 {
		out.ElsePos = pos
		if elif, ok := st.Orelse[0].(*py.If); ok && len(st.Orelse) == 1 {
			out.False = []syntax.Stmt{l.ifStmt(fn, elif)}
		} else {
			out.False = block(l.stmts(fn, st.Orelse), pos)
		}
	}
	return out
}

// while lowers a while loop; an else clause runs unless a break ran.
func (l *lowerer) while(fn *fnCtx, st *py.While) []syntax.Stmt {
	pos := l.at(st)
	loop := &loopCtx{fn: fn}
	if len(st.Orelse) > 0 {
		loop.elseFlag = l.temp(fn, "broke")
	}
	l.loops = append(l.loops, loop)
	body := l.stmts(fn, st.Body)
	l.loops = l.loops[:len(l.loops)-1]
	w := &syntax.WhileStmt{While: pos, Cond: l.expr(fn, fn.scope, st.Test), Body: block(body, pos)}
	return l.loopElse(fn, loop, w, st.Orelse, pos)
}

// forStmt lowers a for loop over $iter(x), which iterates str and bytes
// as Python does.
func (l *lowerer) forStmt(fn *fnCtx, st *py.For) []syntax.Stmt {
	pos := l.at(st)
	loop := &loopCtx{fn: fn}
	if len(st.Orelse) > 0 {
		loop.elseFlag = l.temp(fn, "broke")
	}
	iter := l.call(HIter, l.mark(st.Iter), l.expr(fn, fn.scope, st.Iter))
	vars, pre := l.loopTarget(fn, fn.scope, st.Target, pos)
	l.loops = append(l.loops, loop)
	body := append(pre, l.stmts(fn, st.Body)...)
	l.loops = l.loops[:len(l.loops)-1]
	f := &syntax.ForStmt{For: pos, Vars: vars, X: iter, Body: block(body, pos)}
	return l.loopElse(fn, loop, f, st.Orelse, pos)
}

// loopElse wraps a loop with its else clause: a flag set by break.
func (l *lowerer) loopElse(fn *fnCtx, loop *loopCtx, stmt syntax.Stmt, orelse []py.Stmt, pos syntax.Position) []syntax.Stmt {
	if len(orelse) == 0 {
		return []syntax.Stmt{stmt}
	}
	els := l.stmts(fn, orelse)
	if !loop.broke {
		return append([]syntax.Stmt{stmt}, els...)
	}
	flag := loop.elseFlag
	return []syntax.Stmt{
		assign(l.ident(flag, pos), &syntax.Ident{NamePos: pos, Name: "False"}, pos),
		stmt,
		&syntax.IfStmt{If: pos, Cond: &syntax.UnaryExpr{OpPos: pos, Op: syntax.NOT, X: l.ident(flag, pos)}, True: block(els, pos)},
	}
}

// branch lowers break or continue: a Starlark break when the loop is in
// the same Starlark function, else a return of the code that makes the
// statement that ran this body break or continue in turn.
func (l *lowerer) branch(fn *fnCtx, pos syntax.Position, isBreak bool) []syntax.Stmt {
	if len(l.loops) == 0 {
		return nil // the parser refuses break outside a loop
	}
	loop := l.loops[len(l.loops)-1]
	if loop.fn == fn {
		var out []syntax.Stmt
		if isBreak {
			loop.broke = true
			if loop.elseFlag != "" {
				out = append(out, assign(l.ident(loop.elseFlag, pos), &syntax.Ident{NamePos: pos, Name: "True"}, pos))
			}
			return append(out, &syntax.BranchStmt{Token: syntax.BREAK, TokenPos: pos})
		}
		return append(out, &syntax.BranchStmt{Token: syntax.CONTINUE, TokenPos: pos})
	}
	code := CodeContinue
	if isBreak {
		code = CodeBreak
		fn.brk = true
	} else {
		fn.cont = true
	}
	out := append([]syntax.Stmt{}, fn.cleanup...)
	return append(out, &syntax.ReturnStmt{Return: pos, Result: intLit(code, pos)})
}

// ret lowers return x: plain in a function, $ret(x) in a body.
func (l *lowerer) ret(fn *fnCtx, x syntax.Expr, pos syntax.Position) []syntax.Stmt {
	if !fn.synth {
		return []syntax.Stmt{&syntax.ReturnStmt{Return: pos, Result: x}}
	}
	fn.ret = true
	if len(fn.cleanup) == 0 {
		return []syntax.Stmt{&syntax.ReturnStmt{Return: pos, Result: l.call(HRet, pos, x)}}
	}
	// The value is computed before the except clause's name goes.
	t := l.temp(fn, "v")
	out := []syntax.Stmt{assign(l.ident(t, pos), x, pos)}
	out = append(out, fn.cleanup...)
	return append(out, &syntax.ReturnStmt{Return: pos, Result: l.call(HRet, pos, l.ident(t, pos))})
}

// dispatch follows a body's control code: r holds what $try or $with
// returned for body.
func (l *lowerer) dispatch(fn *fnCtx, body *fnCtx, r string, pos syntax.Position) []syntax.Stmt {
	if !body.brk && !body.cont && !body.ret {
		return nil
	}
	var inner []syntax.Stmt
	code := func(c int) syntax.Expr {
		return &syntax.BinaryExpr{X: l.ident(r, pos), OpPos: pos, Op: syntax.EQL, Y: intLit(c, pos)}
	}
	if body.brk {
		inner = append(inner, &syntax.IfStmt{If: pos, Cond: code(CodeBreak), True: l.branch(fn, pos, true)})
	}
	if body.cont {
		inner = append(inner, &syntax.IfStmt{If: pos, Cond: code(CodeContinue), True: l.branch(fn, pos, false)})
	}
	if body.ret {
		var res syntax.Expr = l.ident(r, pos)
		if !fn.synth {
			// Unwrap: $ret(v) carries v as its attribute v.
			res = &syntax.DotExpr{X: res, Dot: pos, NamePos: pos, Name: l.ident("v", pos)}
		} else {
			fn.ret = true
		}
		inner = append(inner, fn.cleanup...)
		inner = append(inner, &syntax.ReturnStmt{Return: pos, Result: res})
	}
	notNone := &syntax.BinaryExpr{X: l.ident(r, pos), OpPos: pos, Op: syntax.NEQ, Y: noneAt(pos)}
	return []syntax.Stmt{&syntax.IfStmt{If: pos, Cond: notNone, True: inner}}
}

// raise lowers raise, raise X and raise X from Y.
func (l *lowerer) raise(fn *fnCtx, st *py.Raise) syntax.Stmt {
	pos := l.mark(st)
	if st.Exc == nil {
		return exprStmt(l.call(HReraise, pos))
	}
	args := []syntax.Expr{l.expr(fn, fn.scope, st.Exc)}
	if st.Cause != nil {
		args = append(args, l.expr(fn, fn.scope, st.Cause))
	}
	return exprStmt(l.call(HRaise, pos, args...))
}

// importStmt lowers import a.b [as c].
func (l *lowerer) importStmt(fn *fnCtx, st *py.Import) []syntax.Stmt {
	var out []syntax.Stmt
	// CPython locates an import at its statement: a traceback shows the
	// statement's first line without carets.
	pos := l.mark(st)
	for _, al := range st.Names {
		bind := al.Asname
		top := "False"
		if bind == "" {
			bind = topName(al.Name)
			top = "True" // import a.b binds a
		}
		mod := l.call(HImport, pos, strLit(al.Name, pos), &syntax.Ident{NamePos: pos, Name: top})
		out = append(out, assign(l.nameRef(fn.scope, bind, pos), mod, pos))
	}
	return out
}

// importFrom lowers from m import a [as b], and from m import *.
func (l *lowerer) importFrom(fn *fnCtx, st *py.ImportFrom) []syntax.Stmt {
	pos := l.mark(st)
	if st.Level > 0 {
		return []syntax.Stmt{exprStmt(l.call(HImport, pos, strLit("."+st.Module, pos), &syntax.Ident{NamePos: pos, Name: "False"}))}
	}
	if len(st.Names) == 1 && st.Names[0].Name == "*" {
		return []syntax.Stmt{exprStmt(l.call(HImportStar, pos, strLit(st.Module, pos)))}
	}
	m := l.temp(fn, "m")
	out := []syntax.Stmt{assign(l.ident(m, pos), l.call(HImport, pos, strLit(st.Module, pos), &syntax.Ident{NamePos: pos, Name: "False"}), pos)}
	for _, al := range st.Names {
		apos := l.mark(al)
		bind := al.Asname
		if bind == "" {
			bind = al.Name
		}
		v := l.call(HImportFrom, pos, l.ident(m, apos), strLit(al.Name, apos))
		out = append(out, assign(l.nameRef(fn.scope, bind, apos), v, apos))
	}
	return out
}
