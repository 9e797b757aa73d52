package translate

import (
	"go.starlark.net/syntax"

	py "sockrepl/repl/python/translate/pyparse"
)

// Synthetic functions are named kind + ":" + the Python name, so that a
// traceback can fold them into the Python frame they belong to and name
// that frame as CPython does. No Python identifier contains ':'.
func synthName(kind, pyName string) string { return "$" + kind + ":" + pyName }

// params lowers a def's or lambda's parameters, whose defaults are read
// in the enclosing scope s. Positional-only markers are dropped (Starlark
// has none); annotations are ignored, as Python ignores them at run time.
func (l *lowerer) params(fn *fnCtx, s *scope, args *py.Arguments, pos syntax.Position) []syntax.Expr {
	var out []syntax.Expr
	positional := append(append([]*py.Arg{}, args.Posonlyargs...), args.Args...)
	firstDefault := len(positional) - len(args.Defaults)
	for i, a := range positional {
		id := l.ident(a.Arg, l.at(a))
		if i >= firstDefault {
			out = append(out, &syntax.BinaryExpr{X: id, OpPos: pos, Op: syntax.EQ, Y: l.expr(fn, s, args.Defaults[i-firstDefault])})
		} else {
			out = append(out, id)
		}
	}
	if args.Vararg != nil {
		out = append(out, &syntax.UnaryExpr{OpPos: pos, Op: syntax.STAR, X: l.ident(args.Vararg.Arg, l.at(args.Vararg))})
	} else if len(args.Kwonlyargs) > 0 {
		out = append(out, &syntax.UnaryExpr{OpPos: pos, Op: syntax.STAR})
	}
	for i, a := range args.Kwonlyargs {
		id := l.ident(a.Arg, l.at(a))
		if d := args.KwDefaults[i]; d != nil {
			out = append(out, &syntax.BinaryExpr{X: id, OpPos: pos, Op: syntax.EQ, Y: l.expr(fn, s, d)})
		} else {
			out = append(out, id)
		}
	}
	if args.Kwarg != nil {
		out = append(out, &syntax.UnaryExpr{OpPos: pos, Op: syntax.STARSTAR, X: l.ident(args.Kwarg.Arg, l.at(args.Kwarg))})
	}
	return out
}

// prologue is what a function of scope fs starts with: its box, with the
// boxed parameters copied in.
func (l *lowerer) prologue(fs *scope, pos syntax.Position) []syntax.Stmt {
	if len(fs.box) == 0 || fs.kind == classScope {
		return nil
	}
	names := make([]syntax.Expr, len(fs.box))
	for i, n := range fs.box {
		names[i] = strLit(n, pos)
	}
	out := []syntax.Stmt{assign(l.ident(boxName(fs), pos), l.call(HBox, pos, tupleOf(pos, names...)), pos)}
	for _, n := range fs.box {
		if fs.params[n] {
			out = append(out, assign(l.nameRef(fs, n, pos), l.ident(n, pos), pos))
		}
	}
	return out
}

// funcDef lowers a def: decorators (evaluated first), the function, then
// the binding of its name. A generator's body becomes an inner function
// that $generator runs each time the generator is resumed.
func (l *lowerer) funcDef(fn *fnCtx, d *py.FunctionDef) []syntax.Stmt {
	pos := l.at(d)
	s := fn.scope
	var out []syntax.Stmt
	decos := l.decorators(fn, d.DecoratorList, &out)
	fs := l.a.scopes[d]
	params := l.params(fn, s, d.Args, pos)
	body := l.functionBody(fn, fs, d.Name, d.Body, pos)
	if mentionsItself(fs, d.Name) {
		// A function that may call itself checks Python's recursion
		// limit; Starlark's own stops only at 100,000 frames.
		body = append([]syntax.Stmt{exprStmt(l.call(HEnter, pos))}, body...)
	}
	// The Starlark function's name is Python's qualified name: Starlark
	// puts it in repr() and in its messages ("Point.__init__() missing
	// 1 required positional argument"), as CPython does.
	qual := qualname(s, d.Name)
	if fs.generator {
		inner := &syntax.DefStmt{Def: pos, Name: l.ident(synthName("gen", qual), pos), Params: plainParams(params), Body: body}
		args := []syntax.Expr{l.ident(inner.Name.Name, pos)}
		for _, p := range plainParams(params) {
			args = append(args, l.ident(p.(*syntax.Ident).Name, pos))
		}
		body = []syntax.Stmt{inner, &syntax.ReturnStmt{Return: pos, Result: l.call(HGenerator, pos, args...)}}
	}
	if doc, ok := docstring(d.Body); ok {
		// First in the Starlark body, where Function.Doc() finds it:
		// f.__doc__ and help(f).
		body = append([]syntax.Stmt{exprStmt(strLit(doc, pos))}, body...)
	}
	def := &syntax.DefStmt{Def: pos, Name: l.ident(qual, pos), Params: params, Body: body}
	if fn.module {
		l.moduleName(qual)
	}
	out = append(out, def)
	value := syntax.Expr(l.ident(qual, pos))
	for i := len(decos) - 1; i >= 0; i-- {
		value = &syntax.CallExpr{Fn: l.ident(decos[i], pos), Lparen: l.mark(d.DecoratorList[i]), Args: []syntax.Expr{value}, Rparen: pos}
	}
	if len(decos) > 0 {
		return append(out, assign(l.nameRef(s, d.Name, pos), value, pos))
	}
	return append(out, l.bindName(s, d.Name, qual, pos)...)
}

// qualname is Python's __qualname__ of a def or class named name in
// scope s: "f", "Point.move", "outer.<locals>.inner".
// Scope names are themselves qualified, so one step is enough.
func qualname(s *scope, name string) string {
	for s != nil && s.kind == comprehensionScope {
		s = s.parent
	}
	switch {
	case s == nil || s.kind == moduleScope:
		return name
	case s.kind == classScope:
		return s.name + "." + name
	}
	return s.name + ".<locals>." + name
}

// mentionsItself reports whether a function's body (or a function nested
// in it) names the function, as a recursive call does.
func mentionsItself(fs *scope, name string) bool {
	if fs.used[name] && !fs.isLocal(name) {
		return true
	}
	return false
}

// plainParams makes the plain names a generator's inner body takes:
// defaults are already applied, *args and **kwargs arrive as a tuple and
// a dict. The identifiers are new: the resolver annotates each node.
func plainParams(params []syntax.Expr) []syntax.Expr {
	out := make([]syntax.Expr, 0, len(params))
	add := func(x syntax.Expr) {
		id := x.(*syntax.Ident)
		out = append(out, &syntax.Ident{NamePos: id.NamePos, Name: id.Name})
	}
	for _, p := range params {
		switch p := p.(type) {
		case *syntax.Ident:
			add(p)
		case *syntax.BinaryExpr:
			add(p.X)
		case *syntax.UnaryExpr:
			if p.X != nil {
				add(p.X)
			}
		}
	}
	return out
}

// decorators evaluates each decorator into a temporary, in order.
func (l *lowerer) decorators(fn *fnCtx, list []py.Expr, out *[]syntax.Stmt) []string {
	var names []string
	for _, d := range list {
		t := l.temp(fn, "d")
		*out = append(*out, assign(l.ident(t, l.at(d)), l.expr(fn, fn.scope, d), l.at(d)))
		names = append(names, t)
	}
	return names
}

// functionBody lowers the statements of a def (or the inner body of a
// generator) in a new Starlark function holding scope fs.
func (l *lowerer) functionBody(parent *fnCtx, fs *scope, name string, body []py.Stmt, pos syntax.Position) []syntax.Stmt {
	inner := &fnCtx{parent: parent, scope: fs}
	inner.prologue = l.prologue(fs, pos)
	savedLoops := l.loops
	l.loops = nil // a def's break can only reach its own loops
	stmts := l.stmts(inner, skipDocstring(body))
	l.loops = savedLoops
	return block(append(inner.entry(l), stmts...), pos)
}

// skipDocstring drops a leading string statement: it documents, it does
// not run.
func skipDocstring(body []py.Stmt) []py.Stmt {
	if _, ok := docstring(body); ok {
		return body[1:]
	}
	return body
}

// docstring is the string a body opens with, if it does.
func docstring(body []py.Stmt) (string, bool) {
	if len(body) > 0 {
		if e, ok := body[0].(*py.ExprStmt); ok {
			if c, ok := e.Value.(*py.Constant); ok {
				if s, ok := c.Value.(string); ok {
					return s, true
				}
			}
		}
	}
	return "", false
}

// lambda lowers a lambda expression.
func (l *lowerer) lambda(fn *fnCtx, s *scope, e *py.Lambda) syntax.Expr {
	pos := l.at(e)
	fs := l.a.scopes[e]
	if len(fs.box) > 0 {
		l.fail(e, "SyntaxError", "an assignment expression inside a lambda is not available in this shell: write a def")
		return noneAt(pos)
	}
	inner := &fnCtx{parent: fn, scope: fs}
	params := l.params(fn, s, e.Args, pos)
	saved := l.comps // a lambda's body runs in a frame of its own
	l.comps = nil
	body := l.expr(inner, fs, e.Body)
	l.comps = saved
	return &syntax.LambdaExpr{Lambda: pos, Params: params, Body: body}
}

// classDef lowers a class statement: its body becomes a function that
// fills the class namespace (a box: $class collects the slots that were
// set) and $class makes the class from it.
func (l *lowerer) classDef(fn *fnCtx, c *py.ClassDef) []syntax.Stmt {
	pos := l.at(c)
	s := fn.scope
	var out []syntax.Stmt
	decos := l.decorators(fn, c.DecoratorList, &out)
	cs := l.a.scopes[c]
	bases := tupleOf(pos, l.exprs(fn, s, c.Bases)...)
	var kw []syntax.Expr
	for _, k := range c.Keywords {
		key := syntax.Expr(noneAt(pos))
		if k.Arg != "" {
			key = strLit(k.Arg, pos)
		}
		kw = append(kw, tupleOf(pos, key, l.expr(fn, s, k.Value)))
	}
	inner := &fnCtx{parent: fn, scope: cs}
	savedLoops := l.loops
	l.loops = nil
	stmts := l.stmts(inner, c.Body)
	l.loops = savedLoops
	body := block(append(inner.entry(l), stmts...), pos)
	bodyName := synthName("class", c.Name)
	def := &syntax.DefStmt{Def: pos, Name: l.ident(bodyName, pos), Params: []syntax.Expr{l.ident(boxName(cs), pos), l.ident(classCell(cs), pos)}, Body: body}
	if fn.module {
		l.moduleName(bodyName)
	}
	names := make([]syntax.Expr, len(cs.box))
	for i, n := range cs.box {
		names[i] = strLit(n, pos)
	}
	doc := syntax.Expr(noneAt(pos))
	if len(c.Body) > len(skipDocstring(c.Body)) {
		doc = l.expr(fn, s, c.Body[0].(*py.ExprStmt).Value)
	}
	var value syntax.Expr = l.call(HClass, l.mark(c), strLit(c.Name, pos), bases, l.ident(bodyName, pos),
		tupleOf(pos, names...), &syntax.ListExpr{Lbrack: pos, List: kw, Rbrack: pos}, doc, l.classAnnotations(fn, s, c.Body, pos))
	for i := len(decos) - 1; i >= 0; i-- {
		value = &syntax.CallExpr{Fn: l.ident(decos[i], pos), Lparen: l.mark(c.DecoratorList[i]), Args: []syntax.Expr{value}, Rparen: pos}
	}
	out = append(out, def)
	return append(out, assign(l.nameRef(s, c.Name, pos), value, pos))
}

// classAnnotations is the class's __annotations__, {name: annotation}
// for each `name: annotation` at the top of its body, in order (what
// dataclasses reads), or None when it has none. The annotations are
// evaluated where the class statement is, after its body has run.
func (l *lowerer) classAnnotations(fn *fnCtx, s *scope, body []py.Stmt, pos syntax.Position) syntax.Expr {
	var entries []syntax.Expr
	for _, st := range body {
		a, ok := st.(*py.AnnAssign)
		if !ok || a.Simple == 0 {
			continue
		}
		if n, ok := a.Target.(*py.Name); ok {
			entries = append(entries, &syntax.DictEntry{Key: strLit(n.Id, pos), Colon: pos, Value: l.expr(fn, s, a.Annotation)})
		}
	}
	if len(entries) == 0 {
		return noneAt(pos)
	}
	return &syntax.DictExpr{Lbrace: pos, List: entries, Rbrace: pos}
}

// namespaceBuiltins are the builtins that, called with no argument, read
// the caller's namespace.
var namespaceBuiltins = map[string]bool{"dir": true, "globals": true, "vars": true, "locals": true}

// classCell is the parameter of a class body through which its methods
// find the class for super().
func classCell(cs *scope) string { return "$cc" + boxName(cs)[2:] }

// callExpr lowers a call. Starlark takes positional arguments, then
// keywords, then one *args and one **kwargs; any other arrangement goes
// through $call with the arguments gathered.
func (l *lowerer) callExpr(fn *fnCtx, s *scope, e *py.Call) syntax.Expr {
	p := l.mark(e)
	if name, ok := e.Func.(*py.Name); ok && name.Id == "super" && len(e.Args) == 0 && len(e.Keywords) == 0 {
		if _, kind := l.resolve(s, "super"); kind == refGlobal {
			return l.superCall(s, p)
		}
	}
	f := l.expr(fn, s, e.Func)
	if name, ok := e.Func.(*py.Name); ok && len(e.Args) == 0 && len(e.Keywords) == 0 && namespaceBuiltins[name.Id] &&
		(s.kind == moduleScope || name.Id == "globals") {
		if _, kind := l.resolve(s, name.Id); kind == refGlobal {
			// dir(), vars() and locals() at module level, and globals()
			// anywhere, read the module's namespace, which only $G knows.
			return l.call(HNamespace, p, f, l.helper(HGlobals, p))
		}
	}
	if len(e.Args) == 1 && len(e.Keywords) == 0 {
		if g, ok := e.Args[0].(*py.GeneratorExp); ok {
			l.genexpCall = e
			arg := l.expr(fn, s, g)
			l.genexpCall = nil
			return &syntax.CallExpr{Fn: f, Lparen: p, Args: []syntax.Expr{arg}, Rparen: p}
		}
	}
	var args []syntax.Expr
	var star, starstar syntax.Expr
	native := true
	for i, a := range e.Args {
		if st, ok := a.(*py.Starred); ok {
			if star != nil || i != len(e.Args)-1 {
				native = false
				break
			}
			star = l.expr(fn, s, st.Value)
			continue
		}
		args = append(args, l.expr(fn, s, a))
	}
	for i, k := range e.Keywords {
		if !native {
			break
		}
		if k.Arg == "" {
			if i != len(e.Keywords)-1 {
				native = false
				break
			}
			starstar = l.expr(fn, s, k.Value)
			continue
		}
		args = append(args, &syntax.BinaryExpr{X: l.ident(k.Arg, l.at(k)), OpPos: p, Op: syntax.EQ, Y: l.expr(fn, s, k.Value)})
	}
	if native {
		if star != nil {
			args = append(args, &syntax.UnaryExpr{OpPos: p, Op: syntax.STAR, X: star})
		}
		if starstar != nil {
			args = append(args, &syntax.UnaryExpr{OpPos: p, Op: syntax.STARSTAR, X: starstar})
		}
		if site, ok := l.recvSites[e]; ok {
			if l.recvAt == nil {
				l.recvAt = map[[2]int32]RecvSite{}
			}
			l.recvAt[[2]int32{p.Line, p.Col}] = site
		}
		return &syntax.CallExpr{Fn: f, Lparen: p, Args: args, Rparen: p}
	}
	pos := l.concat(fn, s, e.Args, p)
	var kws []syntax.Expr
	var run []syntax.Expr
	for _, k := range e.Keywords {
		if k.Arg == "" {
			if run != nil {
				kws = append(kws, &syntax.DictExpr{Lbrace: p, List: run, Rbrace: p})
				run = nil
			}
			kws = append(kws, l.expr(fn, s, k.Value))
			continue
		}
		run = append(run, &syntax.DictEntry{Key: strLit(k.Arg, p), Colon: p, Value: l.expr(fn, s, k.Value)})
	}
	if run != nil {
		kws = append(kws, &syntax.DictExpr{Lbrace: p, List: run, Rbrace: p})
	}
	return l.call(HCall, p, f, pos, l.call(HDictMerge, p, kws...))
}

// superCall lowers super() in a method: the class comes from the class
// body's cell, the instance is the method's first parameter.
func (l *lowerer) superCall(s *scope, p syntax.Position) syntax.Expr {
	fs := s
	for fs.kind == comprehensionScope {
		fs = fs.parent
	}
	var first string
	if f, ok := fs.node.(*py.FunctionDef); ok && fs.kind == functionScope {
		if all := allArgs(f.Args); len(all) > 0 && (len(f.Args.Posonlyargs)+len(f.Args.Args) > 0) {
			first = all[0].Arg
		}
	}
	// No first argument: "no arguments"; outside a class body's def, a
	// first argument but no class: "__class__ cell not found", as CPython.
	var cell, self syntax.Expr = noneAt(p), noneAt(p)
	if first != "" {
		self = l.nameRef(s, first, p)
	}
	if fs.kind == functionScope && fs.parent != nil && fs.parent.kind == classScope {
		cell = l.ident(classCell(fs.parent), p)
	}
	return l.call(HSuper, p, cell, self)
}
