package pyparse

// The checks CPython's compiler makes after parsing (the symbol table's
// are in symtable.go): __future__ imports, statements and expressions in
// the wrong place, names that cannot be bound, and trees nested too
// deeply to compile.

import "strings"

// maxTreeDepth is how deeply nodes may nest before CPython's compiler
// gives up with RecursionError.
const maxTreeDepth = 2991

func check(p *parser, m *Module) error {
	if err := checkDepth(p, m); err != nil {
		return err
	}
	c := &checker{p: p}
	if c.futureLine = c.future(m.Body); c.err != nil {
		return c.err
	}
	if p.scoped {
		c.symbols(m)
		if c.err != nil {
			return c.err
		}
	}
	c.stmts(m.Body, scope{})
	if c.err != nil {
		return c.err
	}
	return nil
}

// futureFeatures are the names "from __future__ import" knows in 3.11.
var futureFeatures = map[string]bool{
	"nested_scopes": true, "generators": true, "division": true, "absolute_import": true,
	"with_statement": true, "print_function": true, "unicode_literals": true,
	"barry_as_FLUFL": true, "generator_stop": true, "annotations": true,
}

// future checks the __future__ imports as CPython's future.c does before
// anything else: known features only, and no __future__ import after
// another statement on the same line. It returns the line of the last
// good __future__ import (0 if none); the compiler pass refuses the ones
// on later lines.
func (c *checker) future(body []Stmt) int {
	futureLine, prevLine, done := 0, 0, false
	for i, s := range body {
		if i == 0 {
			if e, ok := s.(*ExprStmt); ok {
				if k, ok := e.Value.(*Constant); ok {
					if _, isStr := k.Value.(string); isStr {
						continue // the docstring
					}
				}
			}
		}
		l := s.Pos()
		if done && l.Lineno > prevLine {
			break
		}
		prevLine = l.Lineno
		f, ok := s.(*ImportFrom)
		if !ok || f.Module != "__future__" {
			done = true
			continue
		}
		if done {
			e := c.p.newErr(kindSyntax, "from __future__ imports must occur at the beginning of the file", l.Lineno, l.ColOffset, 0, 0)
			e.Offset-- // future.c gives the 0-based column here
			c.err = e
			return 0
		}
		for _, a := range f.Names {
			switch {
			case a.Name == "braces":
				c.futureFail("not a chance", l)
				return 0
			case !futureFeatures[a.Name]:
				c.futureFail("future feature "+a.Name+" is not defined", l)
				return 0
			}
		}
		futureLine = l.Lineno
	}
	return futureLine
}

func (c *checker) futureFail(msg string, l Loc) {
	c.err = c.p.newErr(kindSyntax, msg, l.Lineno, l.ColOffset, 0, 0)
}

// checkDepth refuses trees deeper than CPython compiles.
func checkDepth(p *parser, n Node) error {
	deepest, at := 0, Node(nil)
	var visit func(n Node, d int)
	visit = func(n Node, d int) {
		if d > deepest {
			deepest, at = d, n
		}
		if d > maxTreeDepth {
			return
		}
		children(n, func(c Node) { visit(c, d+1) })
	}
	visit(n, 0)
	if deepest <= maxTreeDepth {
		return nil
	}
	l := locOf(at)
	e := p.newErr(kindRecursion, "maximum recursion depth exceeded during compilation", max(l.Lineno, 1), l.ColOffset, 0, 0)
	return e
}

type checker struct {
	p          *parser
	err        *Error
	futureLine int // the line of the last good __future__ import
}

// scope is what encloses a statement.
type scope struct {
	function bool // inside a def (or lambda, for expressions)
	async    bool // inside an async def
	loop     bool // inside a loop body, in the same function
	asyncGen bool // inside an async def that yields
}

// hasYield reports whether a function body yields (not counting nested
// functions, classes and lambdas).
func hasYield(body []Stmt) bool {
	found := false
	var visit func(n Node)
	visit = func(n Node) {
		if found {
			return
		}
		switch n.(type) {
		case *Yield, *YieldFrom:
			found = true
			return
		case *FunctionDef, *AsyncFunctionDef, *ClassDef, *Lambda:
			return
		}
		children(n, visit)
	}
	for _, s := range body {
		visit(s)
	}
	return found
}

func (c *checker) fail(msg string, n Node) {
	if c.err != nil {
		return
	}
	l := locOf(n)
	c.err = c.p.newErr(kindSyntax, msg, l.Lineno, l.ColOffset, l.EndLineno, l.EndColOffset)
}

// stmts makes the compiler's placement checks, in source order.
func (c *checker) stmts(body []Stmt, sc scope) {
	for _, s := range body {
		if c.err != nil {
			return
		}
		c.stmt(s, sc)
	}
}

func (c *checker) stmt(s Stmt, sc scope) {
	inLoop := sc
	inLoop.loop = true
	if debugBound(s) {
		c.fail("cannot assign to __debug__", s)
		return
	}
	switch s := s.(type) {
	case *FunctionDef:
		c.exprsOf(s, sc)
		c.stmts(s.Body, scope{function: true})
		return
	case *AsyncFunctionDef:
		c.exprsOf(s, sc)
		c.stmts(s.Body, scope{function: true, async: true, asyncGen: hasYield(s.Body)})
		return
	case *ClassDef:
		for _, d := range s.DecoratorList {
			c.expr(d, sc)
		}
		c.elts(s.Bases, Load, sc)
		c.keywords(s.Keywords, sc)
		c.stmts(s.Body, scope{})
		return
	case *Return:
		if !sc.function {
			c.fail("'return' outside function", s)
		} else if sc.asyncGen && s.Value != nil {
			c.fail("'return' with value in async generator", s)
		}
	case *Break:
		if !sc.loop {
			c.fail("'break' outside loop", s)
		}
	case *Continue:
		if !sc.loop {
			c.fail("'continue' not properly in loop", s)
		}
	case *For:
		c.expr(s.Target, sc)
		c.expr(s.Iter, sc)
		c.stmts(s.Body, inLoop)
		c.stmts(s.Orelse, sc)
		return
	case *AsyncFor:
		if !sc.async {
			c.fail("'async for' outside async function", s)
		}
		c.expr(s.Target, sc)
		c.expr(s.Iter, sc)
		c.stmts(s.Body, inLoop)
		c.stmts(s.Orelse, sc)
		return
	case *While:
		c.expr(s.Test, sc)
		c.stmts(s.Body, inLoop)
		c.stmts(s.Orelse, sc)
		return
	case *AsyncWith:
		if !sc.async {
			c.fail("'async with' outside async function", s)
		}
	case *ImportFrom:
		if s.Module == "__future__" && s.Lineno > c.futureLine {
			c.fail("from __future__ imports must occur at the beginning of the file", s)
		}
	case *Try:
		c.handlers(s.Handlers)
	case *TryStar:
		c.handlers(s.Handlers)
	}
	children(s, func(n Node) {
		switch n := n.(type) {
		case Stmt:
			c.stmt(n, sc)
		case Expr:
			c.expr(n, sc)
		default:
			children(n, func(m Node) {
				switch m := m.(type) {
				case Stmt:
					c.stmt(m, sc)
				case Expr:
					c.expr(m, sc)
				default:
					children(m, func(k Node) {
						if e, ok := k.(Expr); ok {
							c.expr(e, sc)
						}
					})
				}
			})
		}
	})
}

// debugMsg is the compiler's message for binding or deleting __debug__.
func debugMsg(ctx ExprContext) string {
	if ctx == Del {
		return "cannot delete __debug__"
	}
	return "cannot assign to __debug__"
}

// debugBound reports statements that bind __debug__ other than through a
// target expression (those are caught on the Name or Attribute).
func debugBound(s Stmt) bool {
	switch s := s.(type) {
	case *FunctionDef:
		return s.Name == "__debug__" || argsBind(s.Args, "__debug__")
	case *AsyncFunctionDef:
		return s.Name == "__debug__" || argsBind(s.Args, "__debug__")
	case *ClassDef:
		return s.Name == "__debug__"
	case *AnnAssign:
		n, ok := s.Target.(*Name)
		return ok && n.Id == "__debug__"
	case *Import:
		for _, a := range s.Names {
			name := a.Asname
			if name == "" {
				name, _, _ = strings.Cut(a.Name, ".")
			}
			if name == "__debug__" {
				return true
			}
		}
	case *ImportFrom:
		for _, a := range s.Names {
			if a.Asname == "__debug__" || a.Asname == "" && a.Name == "__debug__" {
				return true
			}
		}
	}
	return false
}

func argsBind(a *Arguments, name string) bool {
	for _, x := range allArgs(a) {
		if x.Arg == name {
			return true
		}
	}
	return false
}

// comprehension checks a comprehension: its first iterable belongs to the
// enclosing scope; the rest may await only in an async function, except
// in a generator expression, which then becomes an async generator.
func (c *checker) comprehension(e Expr, gens []*Comprehension, sc scope, elts ...Expr) {
	c.expr(gens[0].Iter, sc)
	inner := sc
	inner.loop = false
	var parts []Expr
	for i, g := range gens {
		if i > 0 {
			parts = append(parts, g.Iter)
		}
		parts = append(parts, g.Ifs...)
	}
	parts = append(parts, elts...)
	if _, isGen := e.(*GeneratorExp); isGen {
		inner.function, inner.async = true, true
	} else if !sc.async {
		async := false
		for _, g := range gens {
			async = async || g.IsAsync == 1
		}
		for _, x := range parts {
			async = async || awaits(x)
		}
		if async {
			c.fail("asynchronous comprehension outside of an asynchronous function", e)
			return
		}
	}
	for i, g := range gens {
		c.expr(g.Target, inner)
		if i > 0 {
			c.expr(g.Iter, inner)
		}
		for _, x := range g.Ifs {
			c.expr(x, inner)
		}
	}
	for _, x := range elts {
		c.expr(x, inner)
	}
}

// awaits reports whether e awaits, outside nested lambdas and generator
// expressions.
func awaits(e Expr) bool {
	found := false
	var visit func(n Node)
	visit = func(n Node) {
		switch n.(type) {
		case *Await:
			found = true
		case *Lambda, *GeneratorExp:
			return
		}
		if !found {
			children(n, visit)
		}
	}
	visit(e)
	return found
}

// elts checks the elements of a display, target list or argument list,
// where a starred item is allowed.
func (c *checker) elts(elts []Expr, ctx ExprContext, sc scope) {
	starred := 0
	for _, x := range elts {
		if s, ok := x.(*Starred); ok {
			starred++
			if ctx == Store && starred == 2 {
				c.fail("multiple starred expressions in assignment", s)
			}
			c.expr(s.Value, sc)
			continue
		}
		c.expr(x, sc)
	}
}

// keywords checks a call's keyword arguments: no name twice.
func (c *checker) keywords(kws []*Keyword, sc scope) {
	for i, k := range kws {
		if k.Arg != "" {
			for _, prev := range kws[:i] {
				if prev.Arg == k.Arg {
					c.fail("keyword argument repeated: "+k.Arg, k)
				}
			}
		}
		c.expr(k.Value, sc)
	}
}

func (c *checker) handlers(hs []*ExceptHandler) {
	for _, h := range hs {
		if h.Name == "__debug__" {
			c.fail("cannot assign to __debug__", h)
		}
	}
	for i, h := range hs {
		if h.Type == nil && i < len(hs)-1 {
			c.fail("default 'except:' must be last", h)
		}
	}
}

// exprsOf checks the expressions of a def or class header.
func (c *checker) exprsOf(s Stmt, sc scope) {
	children(s, func(n Node) {
		switch n := n.(type) {
		case Expr:
			c.expr(n, sc)
		case *Arguments:
			children(n, func(m Node) {
				if e, ok := m.(Expr); ok {
					c.expr(e, sc)
				}
				if a, ok := m.(*Arg); ok && a.Annotation != nil {
					if s, ok := a.Annotation.(*Starred); ok {
						// *args: *Ts (PEP 646)
						c.expr(s.Value, sc)
					} else {
						c.expr(a.Annotation, sc)
					}
				}
			})
		case *Keyword:
			c.expr(n.Value, sc)
		}
	})
}

func (c *checker) expr(e Expr, sc scope) {
	if c.err != nil || e == nil {
		return
	}
	switch e := e.(type) {
	case *Name:
		if e.Id == "__debug__" && e.Ctx != Load {
			c.fail(debugMsg(e.Ctx), e)
		}
	case *Attribute:
		if e.Attr == "__debug__" && e.Ctx != Load {
			c.fail(debugMsg(e.Ctx), e)
		}
	case *Yield, *YieldFrom:
		if !sc.function {
			c.fail("'yield' outside function", e)
		}
	case *Await:
		if !sc.function {
			c.fail("'await' outside function", e)
		} else if !sc.async {
			c.fail("'await' outside async function", e)
		}
	case *Starred:
		if e.Ctx == Store {
			c.fail("starred assignment target must be in a list or tuple", e)
		} else {
			c.fail("can't use starred expression here", e)
		}
		return
	case *Tuple:
		c.elts(e.Elts, e.Ctx, sc)
		return
	case *List:
		c.elts(e.Elts, e.Ctx, sc)
		return
	case *Set:
		c.elts(e.Elts, Load, sc)
		return
	case *Call:
		for _, k := range e.Keywords {
			if k.Arg == "__debug__" {
				c.fail("cannot assign to __debug__", e)
			}
		}
		c.expr(e.Func, sc)
		c.elts(e.Args, Load, sc)
		c.keywords(e.Keywords, sc)
		return
	case *Lambda:
		if argsBind(e.Args, "__debug__") {
			c.fail("cannot assign to __debug__", e)
		}
		for _, d := range e.Args.Defaults {
			c.expr(d, sc)
		}
		for _, d := range e.Args.KwDefaults {
			c.expr(d, sc)
		}
		c.expr(e.Body, scope{function: true})
		return
	case *ListComp:
		c.comprehension(e, e.Generators, sc, e.Elt)
		return
	case *SetComp:
		c.comprehension(e, e.Generators, sc, e.Elt)
		return
	case *DictComp:
		c.comprehension(e, e.Generators, sc, e.Key, e.Value)
		return
	case *GeneratorExp:
		c.comprehension(e, e.Generators, sc, e.Elt)
		return
	}
	children(e, func(n Node) {
		switch n := n.(type) {
		case Expr:
			c.expr(n, sc)
		default:
			children(n, func(m Node) {
				if x, ok := m.(Expr); ok {
					c.expr(x, sc)
				}
			})
		}
	})
}
