package translate

import (
	"fmt"

	py "sockrepl/repl/python/translate/pyparse"
)

// Python's scoping rules, decided before lowering: which names a function
// binds (its locals), which it declares global or nonlocal, and which of
// its locals must live in a box because a Starlark function other than
// the one that holds them assigns them (a try or with body, a handler, a
// nested def that says nonlocal), or because Starlark cannot express the
// assignment where Python makes it (del x, walrus).

type scopeKind uint8

const (
	moduleScope scopeKind = iota
	functionScope
	classScope
	comprehensionScope
)

type scope struct {
	kind   scopeKind
	parent *scope
	name   string
	id     int

	bound     map[string]bool // names bound in this scope
	globals   map[string]bool // declared global
	nonlocals map[string]bool // declared nonlocal
	params    map[string]bool
	used      map[string]bool // names read or written here, for the "used prior to global" check

	// boxWanted holds the locals that must live in the box; box lists
	// them in slot order once the analysis is done.
	boxWanted map[string]bool
	box       []string
	slot      map[string]int

	// confined holds, for a function, the locals whose every use is
	// inside one synthetic body that runs at most once per call (or that
	// are an except clause's name, bound afresh each time): they are
	// plain locals of that body's Starlark function instead of boxed.
	confined map[string]*synthBody

	generator  bool // a function whose body yields
	node       py.Node
	uses       map[string]*synthBody
	exceptName map[string]*synthBody // names an except clause binds, by its handler
	multi      map[string]bool       // used in more than one body, or in the function itself
}

// synthBody is a body that becomes a Starlark function of its own: a try
// body, an except handler, else or finally, a with body.
type synthBody struct {
	owner  *scope
	inLoop bool // a Python loop of owner encloses it
}

func newScope(kind scopeKind, parent *scope, name string, id int) *scope {
	return &scope{
		kind: kind, parent: parent, name: name, id: id,
		bound: map[string]bool{}, globals: map[string]bool{}, nonlocals: map[string]bool{},
		params: map[string]bool{}, used: map[string]bool{}, boxWanted: map[string]bool{},
		slot: map[string]int{}, confined: map[string]*synthBody{},
		uses: map[string]*synthBody{}, multi: map[string]bool{}, exceptName: map[string]*synthBody{},
	}
}

// isLocal reports whether name is one of the scope's own variables.
func (s *scope) isLocal(name string) bool {
	return s.bound[name] && !s.globals[name] && !s.nonlocals[name]
}

// analysis holds every scope of one module, keyed by the node that opens it.
type analysis struct {
	module *scope
	scopes map[py.Node]*scope
	next   int
}

// binder walks one scope's statements.
type binder struct {
	a     *analysis
	s     *scope
	body  *synthBody // the synthetic body being walked, or nil
	loops int        // Python loops of this scope around the current point
	err   error
}

func analyse(m *py.Module) (*analysis, error) {
	a := &analysis{scopes: map[py.Node]*scope{}}
	a.module = newScope(moduleScope, nil, "<module>", 0)
	b := &binder{a: a, s: a.module}
	b.stmts(m.Body)
	if b.err != nil {
		return nil, b.err
	}
	if err := a.resolveNonlocals(a.module); err != nil {
		return nil, err
	}
	a.finish()
	return a, nil
}

func (a *analysis) open(kind scopeKind, parent *scope, name string, n py.Node) *scope {
	a.next++
	s := newScope(kind, parent, name, a.next)
	s.node = n
	a.scopes[n] = s
	return s
}

func (b *binder) fail(n py.Node, format string, args ...any) {
	if b.err == nil {
		loc := n.(interface{ Pos() py.Loc }).Pos()
		b.err = &Error{Class: "SyntaxError", Msg: fmt.Sprintf(format, args...), Line: loc.Lineno, Col: loc.ColOffset + 1}
	}
}

// bind records that name is bound here, and where.
func (b *binder) bind(n py.Node, name string) {
	s := b.s
	if s.kind == comprehensionScope {
		s.bound[name] = true
		return
	}
	s.bound[name] = true
	b.use(name)
	if b.body != nil {
		s.boxWanted[name] = true // decided in finish: confined names are not boxed
	}
}

// use records where a name of this scope is mentioned, so that finish can
// tell the names confined to one body.
func (b *binder) use(name string) {
	s := b.s
	s.used[name] = true
	if s.kind != functionScope {
		return
	}
	prev, seen := s.uses[name]
	switch {
	case !seen:
		s.uses[name] = b.body
	case prev != b.body:
		s.multi[name] = true
	}
}

func (b *binder) stmts(list []py.Stmt) {
	for _, st := range list {
		b.stmt(st)
	}
}

// inBody walks list as a synthetic body of the current scope.
func (b *binder) inBody(list []py.Stmt) {
	saved := b.body
	b.body = &synthBody{owner: b.s, inLoop: b.loops > 0 || saved != nil && saved.inLoop}
	if saved != nil {
		// A body nested in a body runs at most once per run of the outer
		// one: it is "in a loop" exactly when the outer one is.
		b.body.inLoop = saved.inLoop || b.loops > 0
	}
	b.stmts(list)
	b.body = saved
}

func (b *binder) stmt(st py.Stmt) {
	switch st := st.(type) {
	case *py.FunctionDef:
		for _, d := range st.DecoratorList {
			b.expr(d)
		}
		b.arguments(st.Args)
		b.bind(st, st.Name)
		b.function(st, st.Name, st.Args, st.Body, nil)
	case *py.AsyncFunctionDef:
		b.fail(st, "async functions are not available in this shell: write an ordinary def, and wait on several sockets with select or selectors")
	case *py.ClassDef:
		for _, d := range st.DecoratorList {
			b.expr(d)
		}
		for _, e := range st.Bases {
			b.expr(e)
		}
		for _, k := range st.Keywords {
			b.expr(k.Value)
		}
		b.bind(st, st.Name)
		cs := b.a.open(classScope, b.s, qualname(b.s, st.Name), st)
		inner := &binder{a: b.a, s: cs}
		inner.stmts(st.Body)
		if inner.err != nil && b.err == nil {
			b.err = inner.err
		}
	case *py.Return:
		if st.Value != nil {
			b.expr(st.Value)
		}
	case *py.Delete:
		for _, t := range st.Targets {
			b.target(t, true)
		}
	case *py.Assign:
		b.expr(st.Value)
		for _, t := range st.Targets {
			b.target(t, false)
		}
	case *py.AugAssign:
		b.expr(st.Value)
		b.target(st.Target, false)
		if n, ok := st.Target.(*py.Name); ok {
			b.use(n.Id)
		}
	case *py.AnnAssign:
		if st.Value != nil {
			b.expr(st.Value)
			b.target(st.Target, false)
		} else if n, ok := st.Target.(*py.Name); !ok || st.Simple == 0 {
			b.expr(st.Target)
		} else {
			// x: int binds nothing but makes x local, as CPython does.
			b.s.bound[n.Id] = true
		}
	case *py.For:
		b.expr(st.Iter)
		b.target(st.Target, false)
		b.loops++
		b.stmts(st.Body)
		b.loops--
		b.stmts(st.Orelse)
	case *py.While:
		b.expr(st.Test)
		b.loops++
		b.stmts(st.Body)
		b.loops--
		b.stmts(st.Orelse)
	case *py.If:
		b.expr(st.Test)
		b.stmts(st.Body)
		b.stmts(st.Orelse)
	case *py.With:
		// Each item's body is a function of its own, nested in the
		// previous item's: with a, b: is with a: with b:.
		saved := b.body
		for _, it := range st.Items {
			b.expr(it.ContextExpr)
			b.body = &synthBody{owner: b.s, inLoop: b.loops > 0 || b.body != nil && b.body.inLoop}
			if it.OptionalVars != nil {
				b.target(it.OptionalVars, false)
			}
		}
		b.stmts(st.Body)
		b.body = saved
	case *py.Try:
		b.inBody(st.Body)
		for _, h := range st.Handlers {
			if h.Type != nil {
				b.expr(h.Type)
			}
			saved := b.body
			b.body = &synthBody{owner: b.s, inLoop: b.loops > 0 || saved != nil && saved.inLoop}
			if h.Name != "" {
				b.bind(h, h.Name)
				// Bound afresh each time the handler runs: confining it
				// to the handler is safe even inside a loop.
				if prev, ok := b.s.exceptName[h.Name]; ok && prev != b.body {
					b.s.multi[h.Name] = true
				}
				b.s.exceptName[h.Name] = b.body
			}
			b.stmts(h.Body)
			b.body = saved
		}
		b.inBody(st.Orelse)
		b.inBody(st.Finalbody)
	case *py.Raise:
		if st.Exc != nil {
			b.expr(st.Exc)
		}
		if st.Cause != nil {
			b.expr(st.Cause)
		}
	case *py.Assert:
		b.expr(st.Test)
		if st.Msg != nil {
			b.expr(st.Msg)
		}
	case *py.Import:
		for _, al := range st.Names {
			name := al.Asname
			if name == "" {
				name = topName(al.Name)
			}
			b.bind(al, name)
		}
	case *py.ImportFrom:
		for _, al := range st.Names {
			if al.Name == "*" {
				if b.s.kind != moduleScope {
					b.fail(st, "import * only allowed at module level")
				}
				continue
			}
			name := al.Asname
			if name == "" {
				name = al.Name
			}
			b.bind(al, name)
		}
	case *py.Global:
		for _, n := range st.Names {
			if b.s.kind == moduleScope {
				continue
			}
			switch {
			case b.s.params[n]:
				b.fail(st, "name '%s' is parameter and global", n)
			case b.s.nonlocals[n]:
				b.fail(st, "name '%s' is nonlocal and global", n)
			case b.s.bound[n]:
				b.fail(st, "name '%s' is assigned to before global declaration", n)
			case b.s.used[n]:
				b.fail(st, "name '%s' is used prior to global declaration", n)
			}
			b.s.globals[n] = true
		}
	case *py.Nonlocal:
		for _, n := range st.Names {
			switch {
			case b.s.kind == moduleScope:
				b.fail(st, "nonlocal declaration not allowed at module level")
			case b.s.params[n]:
				b.fail(st, "name '%s' is parameter and nonlocal", n)
			case b.s.globals[n]:
				b.fail(st, "name '%s' is nonlocal and global", n)
			case b.s.bound[n]:
				b.fail(st, "name '%s' is assigned to before nonlocal declaration", n)
			case b.s.used[n]:
				b.fail(st, "name '%s' is used prior to nonlocal declaration", n)
			}
			b.s.nonlocals[n] = true
		}
	case *py.ExprStmt:
		b.expr(st.Value)
	case *py.Pass, *py.Break, *py.Continue:
	case *py.AsyncFor, *py.AsyncWith:
		b.fail(st, "async code is not available in this shell: use select.select() or selectors to wait on several sockets at once")
	case *py.TryStar:
		b.fail(st, "except* (exception groups) is not available in this shell: use a plain except clause")
	}
}

// function opens the scope of a def or lambda and walks its body.
func (b *binder) function(n py.Node, name string, args *py.Arguments, body []py.Stmt, lambdaBody py.Expr) {
	fs := b.a.open(functionScope, b.s, qualname(b.s, name), n)
	inner := &binder{a: b.a, s: fs}
	for _, p := range allArgs(args) {
		fs.params[p.Arg] = true
		fs.bound[p.Arg] = true
		inner.use(p.Arg)
	}
	if lambdaBody != nil {
		inner.expr(lambdaBody)
	} else {
		inner.stmts(body)
	}
	if inner.err != nil && b.err == nil {
		b.err = inner.err
	}
}

// arguments walks the defaults, which belong to the enclosing scope.
func (b *binder) arguments(args *py.Arguments) {
	for _, d := range args.Defaults {
		b.expr(d)
	}
	for _, d := range args.KwDefaults {
		if d != nil {
			b.expr(d)
		}
	}
}

// allArgs lists a function's parameters in order.
func allArgs(args *py.Arguments) []*py.Arg {
	var out []*py.Arg
	out = append(out, args.Posonlyargs...)
	out = append(out, args.Args...)
	if args.Vararg != nil {
		out = append(out, args.Vararg)
	}
	out = append(out, args.Kwonlyargs...)
	if args.Kwarg != nil {
		out = append(out, args.Kwarg)
	}
	return out
}

// target walks an assignment (or del) target.
func (b *binder) target(t py.Expr, del bool) {
	switch t := t.(type) {
	case *py.Name:
		b.bind(t, t.Id)
		if del && b.s.kind == functionScope {
			b.s.boxWanted[t.Id] = true
			b.s.multi[t.Id] = true // a deleted name is never confined
		}
	case *py.Tuple:
		for _, e := range t.Elts {
			b.target(e, del)
		}
	case *py.List:
		for _, e := range t.Elts {
			b.target(e, del)
		}
	case *py.Starred:
		b.target(t.Value, del)
	default:
		b.expr(t)
	}
}

func (b *binder) exprs(list []py.Expr) {
	for _, e := range list {
		b.expr(e)
	}
}

func (b *binder) expr(e py.Expr) {
	switch e := e.(type) {
	case nil:
	case *py.Name:
		b.use(e.Id)
	case *py.BoolOp:
		b.exprs(e.Values)
	case *py.NamedExpr:
		b.expr(e.Value)
		// The target belongs to the nearest enclosing non-comprehension scope.
		t := e.Target.(*py.Name)
		s := b.s
		for s.kind == comprehensionScope {
			if s.bound[t.Id] {
				b.fail(e, "assignment expression cannot rebind comprehension iteration variable '%s'", t.Id)
				return
			}
			s = s.parent
		}
		if s.kind == classScope {
			b.fail(e, "assignment expression within a comprehension cannot be used in a class body")
			return
		}
		owner := &binder{a: b.a, s: s, body: b.body}
		if s != b.s {
			owner.body = nil
		}
		owner.bind(e, t.Id)
		if s.kind == functionScope {
			s.boxWanted[t.Id] = true
			s.multi[t.Id] = true
		}
	case *py.BinOp:
		b.expr(e.Left)
		b.expr(e.Right)
	case *py.UnaryOp:
		b.expr(e.Operand)
	case *py.Lambda:
		b.arguments(e.Args)
		b.function(e, "<lambda>", e.Args, nil, e.Body)
	case *py.IfExp:
		b.expr(e.Test)
		b.expr(e.Body)
		b.expr(e.Orelse)
	case *py.Dict:
		for i, k := range e.Keys {
			b.expr(k)
			b.expr(e.Values[i])
		}
	case *py.Set:
		b.exprs(e.Elts)
	case *py.ListComp:
		b.comprehension(e, e.Generators, e.Elt)
	case *py.SetComp:
		b.comprehension(e, e.Generators, e.Elt)
	case *py.GeneratorExp:
		b.comprehension(e, e.Generators, e.Elt)
	case *py.DictComp:
		b.comprehension(e, e.Generators, e.Key, e.Value)
	case *py.Await:
		b.fail(e, "'await' outside async function")
	case *py.Yield:
		b.yield(e)
		b.expr(e.Value)
	case *py.YieldFrom:
		b.yield(e)
		b.expr(e.Value)
	case *py.Compare:
		b.expr(e.Left)
		b.exprs(e.Comparators)
	case *py.Call:
		b.expr(e.Func)
		b.exprs(e.Args)
		for _, k := range e.Keywords {
			b.expr(k.Value)
		}
	case *py.FormattedValue:
		b.expr(e.Value)
		b.expr(e.FormatSpec)
	case *py.JoinedStr:
		b.exprs(e.Values)
	case *py.Constant:
	case *py.Attribute:
		b.expr(e.Value)
	case *py.Subscript:
		b.expr(e.Value)
		b.expr(e.Slice)
	case *py.Starred:
		b.expr(e.Value)
	case *py.List:
		b.exprs(e.Elts)
	case *py.Tuple:
		b.exprs(e.Elts)
	case *py.Slice:
		b.expr(e.Lower)
		b.expr(e.Upper)
		b.expr(e.Step)
	}
}

func (b *binder) yield(e py.Expr) {
	switch b.s.kind {
	case functionScope:
		if _, isLambda := b.s.node.(*py.Lambda); isLambda {
			b.fail(e, "yield inside a lambda is not available in this shell: write a def")
			return
		}
		b.s.generator = true
	case comprehensionScope:
		b.fail(e, "'yield' inside list comprehension")
	default:
		b.fail(e, "'yield' outside function")
	}
}

// comprehension opens a comprehension's scope. Its first iterable is
// evaluated in the enclosing scope, as in Python.
func (b *binder) comprehension(n py.Expr, gens []*py.Comprehension, elts ...py.Expr) {
	if len(gens) == 0 {
		return
	}
	b.expr(gens[0].Iter)
	cs := b.a.open(comprehensionScope, b.s, "<comprehension>", n)
	inner := &binder{a: b.a, s: cs, body: b.body}
	for i, g := range gens {
		if g.IsAsync != 0 {
			b.fail(n, "asynchronous comprehension outside of an asynchronous function")
		}
		if i > 0 {
			inner.expr(g.Iter)
		}
		inner.target(g.Target, false)
		inner.exprs(g.Ifs)
	}
	for _, e := range elts {
		inner.expr(e)
	}
	if inner.err != nil && b.err == nil {
		b.err = inner.err
	}
	// A comprehension runs inline, in the Starlark function where it
	// stands: its free names count as used right here.
	for name := range cs.used {
		if !cs.bound[name] {
			b.use(name)
		}
	}
}

// resolveNonlocals checks every nonlocal declaration and boxes the
// variable it names in the scope that owns it: another function assigns it.
func (a *analysis) resolveNonlocals(s *scope) error {
	for _, sc := range a.scopes {
		for name := range sc.nonlocals {
			owner := sc.parent
			for owner != nil && (owner.kind == classScope || owner.kind == comprehensionScope || !owner.isLocal(name)) {
				if owner.kind == moduleScope {
					owner = nil
					break
				}
				owner = owner.parent
			}
			if owner == nil || owner.kind != functionScope {
				return &Error{Class: "SyntaxError", Msg: fmt.Sprintf("no binding for nonlocal '%s' found", name)}
			}
			owner.boxWanted[name] = true
			owner.multi[name] = true
		}
	}
	return nil
}

// finish decides, for each function, which locals are confined to one
// body and which are boxed, and numbers the box slots. Names a nested
// Python function uses are never confined: the closure outlives the body.
func (a *analysis) finish() {
	for _, s := range a.scopes {
		if s.kind == comprehensionScope {
			continue
		}
		for name := range s.bound {
			if !s.isLocal(name) {
				continue
			}
			if s.kind == classScope {
				s.boxWanted[name] = true
				continue
			}
			if s.kind != functionScope || !s.boxWanted[name] {
				continue
			}
			body := s.uses[name]
			fresh := s.exceptName[name] == body
			if !s.multi[name] && body != nil && (!body.inLoop || fresh) && !s.params[name] && !usedInside(a, s, name) {
				s.confined[name] = body
				delete(s.boxWanted, name)
			}
		}
		for name := range s.boxWanted {
			if s.isLocal(name) || s.kind == classScope {
				s.box = append(s.box, name)
			}
		}
		sortStrings(s.box)
		for i, n := range s.box {
			s.slot[n] = i
		}
	}
}

// usedInside reports whether a scope nested in s (a def, lambda, class or
// comprehension) mentions name as a free variable of s.
func usedInside(a *analysis, s *scope, name string) bool {
	for _, sc := range a.scopes {
		if sc == s || sc.kind == comprehensionScope {
			continue // a comprehension's uses were counted where it stands
		}
		for p := sc.parent; p != nil; p = p.parent {
			if p == s {
				if sc.used[name] && !sc.isLocal(name) {
					return true
				}
				break
			}
		}
	}
	return false
}

// topName is "a" for "a.b.c".
func topName(dotted string) string {
	for i := 0; i < len(dotted); i++ {
		if dotted[i] == '.' {
			return dotted[:i]
		}
	}
	return dotted
}
