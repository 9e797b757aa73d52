package pyparse

import "fmt"

// The checks CPython's symbol table makes: how each scope binds, uses and
// declares names (global, nonlocal), and what comprehensions may contain.
// Like symtable.c it first visits the tree in source order, raising the
// errors it can see then, and then resolves nonlocal names scope by scope.

type symKind uint8

const (
	modBlock symKind = iota
	funcBlock
	classBlock
	compBlock
)

// Name flags, as symtable.c's DEF_* and USE.
const (
	symLocal = 1 << iota
	symParam
	symUse
	symGlobal
	symNonlocal
	symAnnot
)

type symScope struct {
	kind       symKind
	compName   string // "list comprehension", ... for compBlock
	parent     *symScope
	names      []string // in order of first appearance
	flags      map[string]int
	directives map[string]Stmt // first global/nonlocal statement per name
	iterVars   map[string]bool // a comprehension's iteration variables
	children   []*symScope
}

type symtab struct {
	c        *checker
	cur      *symScope
	compIter int // inside the iterable of a comprehension's first for
}

func newScope(kind symKind, parent *symScope) *symScope {
	s := &symScope{kind: kind, parent: parent, flags: map[string]int{}}
	if parent != nil {
		parent.children = append(parent.children, s)
	}
	return s
}

func (s *symScope) add(name string, flag int) {
	if _, ok := s.flags[name]; !ok {
		s.names = append(s.names, name)
	}
	s.flags[name] |= flag
}

// symbols runs both phases over a module.
func (c *checker) symbols(m *Module) {
	st := &symtab{c: c, cur: newScope(modBlock, nil)}
	root := st.cur
	st.stmts(m.Body)
	if c.err == nil {
		st.analyze(root, map[string]bool{})
	}
}

func (st *symtab) fail(msg string, n Node) { st.c.fail(msg, n) }

func (st *symtab) push(kind symKind) {
	st.cur = newScope(kind, st.cur)
}

func (st *symtab) pop() { st.cur = st.cur.parent }

func (st *symtab) stmts(body []Stmt) {
	for _, s := range body {
		if st.c.err != nil {
			return
		}
		st.stmt(s)
	}
}

func (st *symtab) exprs(es []Expr) {
	for _, e := range es {
		st.expr(e)
	}
}

// function visits a def or lambda: defaults, annotations and decorators
// in the enclosing scope, then the parameters and body in its own.
func (st *symtab) function(args *Arguments, decorators []Expr, returns Expr, body func()) {
	st.exprs(args.Defaults)
	st.exprs(args.KwDefaults)
	for _, a := range allArgs(args) {
		st.expr(a.Annotation)
	}
	st.expr(returns)
	st.exprs(decorators)
	st.push(funcBlock)
	for _, a := range allArgs(args) {
		if st.cur.flags[a.Arg]&symParam != 0 {
			st.fail(fmt.Sprintf("duplicate argument '%s' in function definition", a.Arg), a)
			break
		}
		st.cur.add(a.Arg, symParam)
	}
	body()
	st.pop()
}

func allArgs(a *Arguments) []*Arg {
	out := append(append([]*Arg{}, a.Posonlyargs...), a.Args...)
	if a.Vararg != nil {
		out = append(out, a.Vararg)
	}
	out = append(out, a.Kwonlyargs...)
	if a.Kwarg != nil {
		out = append(out, a.Kwarg)
	}
	return out
}

func (st *symtab) stmt(s Stmt) {
	switch s := s.(type) {
	case *FunctionDef:
		st.cur.add(s.Name, symLocal)
		st.function(s.Args, s.DecoratorList, s.Returns, func() { st.stmts(s.Body) })
	case *AsyncFunctionDef:
		st.cur.add(s.Name, symLocal)
		st.function(s.Args, s.DecoratorList, s.Returns, func() { st.stmts(s.Body) })
	case *ClassDef:
		st.cur.add(s.Name, symLocal)
		st.exprs(s.Bases)
		for _, k := range s.Keywords {
			st.expr(k.Value)
		}
		st.exprs(s.DecoratorList)
		st.push(classBlock)
		st.stmts(s.Body)
		st.pop()
	case *Global:
		st.declare(s.Names, symGlobal, "global", s)
	case *Nonlocal:
		if st.cur.kind == modBlock {
			st.fail("nonlocal declaration not allowed at module level", s)
			return
		}
		st.declare(s.Names, symNonlocal, "nonlocal", s)
	case *Import:
		st.aliases(s.Names)
	case *ImportFrom:
		st.aliases(s.Names)
	case *AnnAssign:
		if n, ok := s.Target.(*Name); ok {
			f := st.cur.flags[n.Id]
			if f&(symGlobal|symNonlocal) != 0 && s.Simple == 1 && st.cur.kind != modBlock {
				what := "global"
				if f&symNonlocal != 0 {
					what = "nonlocal"
				}
				st.fail(fmt.Sprintf("annotated name '%s' can't be %s", n.Id, what), s)
				return
			}
			st.cur.add(n.Id, symLocal|symAnnot)
		} else {
			st.expr(s.Target)
		}
		st.expr(s.Annotation)
		st.expr(s.Value)
	case *Try:
		st.tryStmt(s.Body, s.Handlers, s.Orelse, s.Finalbody)
	case *TryStar:
		st.tryStmt(s.Body, s.Handlers, s.Orelse, s.Finalbody)
	default:
		children(s, func(n Node) { st.node(n) })
	}
}

func (st *symtab) tryStmt(body []Stmt, hs []*ExceptHandler, orelse, final []Stmt) {
	st.stmts(body)
	for _, h := range hs {
		st.expr(h.Type)
		if h.Name != "" {
			st.cur.add(h.Name, symLocal)
		}
		st.stmts(h.Body)
	}
	st.stmts(orelse)
	st.stmts(final)
}

// node visits a child of any kind.
func (st *symtab) node(n Node) {
	if st.c.err != nil {
		return
	}
	switch n := n.(type) {
	case Stmt:
		st.stmt(n)
	case Expr:
		st.expr(n)
	default:
		children(n, func(m Node) { st.node(m) })
	}
}

func (st *symtab) aliases(names []*Alias) {
	for _, a := range names {
		name := a.Asname
		if name == "" {
			name = a.Name
			for i := 0; i < len(name); i++ {
				if name[i] == '.' {
					name = name[:i]
					break
				}
			}
		}
		if name != "*" {
			st.cur.add(name, symLocal)
		}
	}
}

// declare records a global or nonlocal statement, refusing names the
// scope has already used or bound.
func (st *symtab) declare(names []string, flag int, what string, s Stmt) {
	for _, name := range names {
		f := st.cur.flags[name]
		var msg string
		switch {
		case f&symParam != 0:
			msg = "name '%s' is parameter and " + what
		case f&symUse != 0:
			msg = "name '%s' is used prior to " + what + " declaration"
		case f&symAnnot != 0:
			msg = "annotated name '%s' can't be " + what
		case f&symLocal != 0:
			msg = "name '%s' is assigned to before " + what + " declaration"
		}
		if msg != "" {
			st.fail(fmt.Sprintf(msg, name), s)
			return
		}
		st.cur.add(name, flag)
		if st.cur.directives == nil {
			st.cur.directives = map[string]Stmt{}
		}
		if _, ok := st.cur.directives[name]; !ok {
			st.cur.directives[name] = s
		}
	}
}

func (st *symtab) expr(e Expr) {
	if e == nil || st.c.err != nil {
		return
	}
	switch e := e.(type) {
	case *Name:
		if e.Ctx == Load {
			st.cur.add(e.Id, symUse)
		} else {
			st.cur.add(e.Id, symLocal)
		}
	case *Lambda:
		st.function(e.Args, nil, nil, func() { st.expr(e.Body) })
	case *ListComp:
		st.comprehension("list comprehension", e.Generators, e.Elt, nil)
	case *SetComp:
		st.comprehension("set comprehension", e.Generators, e.Elt, nil)
	case *DictComp:
		st.comprehension("dict comprehension", e.Generators, e.Key, e.Value)
	case *GeneratorExp:
		st.comprehension("generator expression", e.Generators, e.Elt, nil)
	case *Yield, *YieldFrom:
		if st.cur.kind == compBlock {
			st.fail("'yield' inside "+st.cur.compName, e)
			return
		}
		children(e, func(n Node) { st.node(n) })
	case *NamedExpr:
		st.namedExpr(e)
	default:
		children(e, func(n Node) { st.node(n) })
	}
}

// comprehension visits the first iterable in the enclosing scope and the
// rest in the comprehension's own.
func (st *symtab) comprehension(name string, gens []*Comprehension, elt, value Expr) {
	st.compIter++
	st.expr(gens[0].Iter)
	st.compIter--
	st.push(compBlock)
	st.cur.compName = name
	st.cur.iterVars = map[string]bool{}
	for i, g := range gens {
		st.target(g.Target)
		if i > 0 {
			st.compIter++
			st.expr(g.Iter)
			st.compIter--
		}
		st.exprs(g.Ifs)
	}
	st.expr(elt)
	st.expr(value)
	st.pop()
}

// target binds a comprehension's iteration variables.
func (st *symtab) target(e Expr) {
	switch e := e.(type) {
	case *Name:
		st.cur.iterVars[e.Id] = true
		st.cur.add(e.Id, symLocal)
	case *Tuple:
		for _, x := range e.Elts {
			st.target(x)
		}
	case *List:
		for _, x := range e.Elts {
			st.target(x)
		}
	case *Starred:
		st.target(e.Value)
	default:
		st.expr(e)
	}
}

func (st *symtab) namedExpr(e *NamedExpr) {
	if st.compIter > 0 {
		st.fail("assignment expression cannot be used in a comprehension iterable expression", e)
		return
	}
	name := e.Target.(*Name).Id
	s := st.cur
	for ; s.kind == compBlock; s = s.parent {
		if s.iterVars[name] {
			st.fail(fmt.Sprintf("assignment expression cannot rebind comprehension iteration variable '%s'", name), e)
			return
		}
	}
	if s != st.cur && s.kind == classBlock {
		st.fail("assignment expression within a comprehension cannot be used in a class body", e)
		return
	}
	st.expr(e.Value)
	s.add(name, symLocal)
}

// analyze resolves nonlocal names: each must be bound by an enclosing
// function. bound holds the names the enclosing functions bind.
func (st *symtab) analyze(s *symScope, bound map[string]bool) {
	for _, name := range s.names {
		f := s.flags[name]
		if f&symNonlocal != 0 {
			if f&symGlobal != 0 {
				st.fail(fmt.Sprintf("name '%s' is nonlocal and global", name), s.directives[name])
				return
			}
			if !bound[name] {
				st.fail(fmt.Sprintf("no binding for nonlocal '%s' found", name), s.directives[name])
				return
			}
		}
	}
	next := map[string]bool{}
	if s.kind != modBlock {
		for n := range bound {
			next[n] = true
		}
	}
	if s.kind == classBlock {
		// Methods can reach the class through the implicit __class__ cell.
		next["__class__"] = true
	}
	for _, name := range s.names {
		f := s.flags[name]
		if f&symGlobal != 0 {
			delete(next, name)
		} else if (s.kind == funcBlock || s.kind == compBlock) && f&(symLocal|symParam) != 0 {
			next[name] = true
		}
	}
	for _, ch := range s.children {
		st.analyze(ch, next)
		if st.c.err != nil {
			return
		}
	}
}
