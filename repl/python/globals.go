package python

import (
	"fmt"
	"maps"
	"sort"
	"strings"

	"go.starlark.net/resolve"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Python's globals are one live namespace: a function reads a global when
// it runs, sees later reassignments, and may call a function defined after
// it. Starlark's REPL chunks are separate modules, each with a copy of the
// globals taken when it started, so a function defined in one statement
// kept seeing stale values (x = 1; def f(): return x; x = 2; f() gave 1)
// and could not name a global defined later. So every global a chunk reads
// or writes is rewritten into an attribute of one store object, __G__,
// backed by the session's globals: __G__.x, __G__.x = 1, for __G__.i in ...

const storeName = "__G__"

// globalStore is the session's global namespace as a Starlark value.
type globalStore struct{ in *Interp }

var (
	_ starlark.HasAttrs    = globalStore{}
	_ starlark.HasSetField = globalStore{}
)

func (g globalStore) String() string        { return "<globals>" }
func (g globalStore) Type() string          { return "globals" }
func (g globalStore) Freeze()               {}
func (g globalStore) Truth() starlark.Bool  { return true }
func (g globalStore) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable: globals") }

// Attr reads a global, then a builtin, as Python's name lookup does.
func (g globalStore) Attr(name string) (starlark.Value, error) {
	if v, ok := g.in.globals[name]; ok {
		return v, nil
	}
	if v, ok := starlark.Universe[name]; ok {
		return v, nil
	}
	return nil, nameError(name)
}

func (g globalStore) AttrNames() []string {
	names := make([]string, 0, len(g.in.globals))
	for k := range g.in.globals {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

func (g globalStore) SetField(name string, v starlark.Value) error {
	if isInternal(name) {
		g.in.helpers = nil
	}
	g.in.globals[name] = v
	return nil
}

// isInternal reports the helper names translate and the echo insert:
// they stay plain module-level names.
func isInternal(name string) bool {
	return len(name) > 4 && strings.HasPrefix(name, "__") && strings.HasSuffix(name, "__")
}

// chunkGlobals is what a chunk's module starts with: the store and the
// internal helpers, nothing the learner named.
// The helpers are gathered once and copied for each chunk (its module
// writes its top-level defs into the dict); a learner rebinding a helper
// name makes them be gathered again.
func (in *Interp) chunkGlobals() starlark.StringDict {
	if in.helpers == nil {
		in.helpers = starlark.StringDict{storeName: globalStore{in}}
		for k, v := range in.globals {
			if isInternal(k) {
				in.helpers[k] = v
			}
		}
	}
	return maps.Clone(in.helpers)
}

// shareGlobals resolves the chunk once, treating every free name as
// predeclared, and rewrites each identifier that is global or free at
// file level into an attribute of the store. A top-level def keeps its
// name in the module and is copied into the store right after.
func shareGlobals(f *syntax.File) error {
	err := resolve.REPLChunk(f,
		func(string) bool { return false },
		func(name string) bool { return true },
		func(string) bool { return false })
	if err != nil {
		return err
	}
	r := globalRewriter{}
	f.Stmts = r.stmts(f.Stmts, true)
	return nil
}

type globalRewriter struct{}

func (r globalRewriter) stmts(list []syntax.Stmt, top bool) []syntax.Stmt {
	if len(list) == 0 {
		return list // keep nil: IfStmt.Span tells an absent else by nil
	}
	out := make([]syntax.Stmt, 0, len(list))
	for _, st := range list {
		out = append(out, r.stmt(st))
		if def, ok := st.(*syntax.DefStmt); ok && top {
			// __G__.f = f, so that every use, rewritten to __G__.f, finds it.
			out = append(out, &syntax.AssignStmt{
				OpPos: def.Def, Op: syntax.EQ,
				LHS: storeRef(def.Name),
				RHS: &syntax.Ident{NamePos: def.Name.NamePos, Name: def.Name.Name},
			})
		}
	}
	return out
}

func (r globalRewriter) stmt(st syntax.Stmt) syntax.Stmt {
	switch st := st.(type) {
	case *syntax.AssignStmt:
		st.LHS = r.expr(st.LHS)
		st.RHS = r.expr(st.RHS)
	case *syntax.DefStmt:
		st.Params = r.exprs(st.Params)
		st.Body = r.stmts(st.Body, false)
	case *syntax.ExprStmt:
		st.X = r.expr(st.X)
	case *syntax.ForStmt:
		st.Vars = r.expr(st.Vars)
		st.X = r.expr(st.X)
		st.Body = r.stmts(st.Body, false)
	case *syntax.WhileStmt:
		st.Cond = r.expr(st.Cond)
		st.Body = r.stmts(st.Body, false)
	case *syntax.IfStmt:
		st.Cond = r.expr(st.Cond)
		st.True = r.stmts(st.True, false)
		st.False = r.stmts(st.False, false)
	case *syntax.ReturnStmt:
		if st.Result != nil {
			st.Result = r.expr(st.Result)
		}
	}
	return st
}

func (r globalRewriter) exprs(list []syntax.Expr) []syntax.Expr {
	for i, e := range list {
		list[i] = r.expr(e)
	}
	return list
}

func (r globalRewriter) expr(e syntax.Expr) syntax.Expr {
	switch e := e.(type) {
	case nil:
		return nil
	case *syntax.Ident:
		if b, ok := e.Binding.(*resolve.Binding); ok && !isInternal(e.Name) &&
			(b.Scope == resolve.Global || b.Scope == resolve.Predeclared) {
			return storeRef(e)
		}
	case *syntax.BinaryExpr:
		if e.Op == syntax.EQ {
			// name=value: a keyword argument or a parameter default. The
			// name is not a variable; only the value is rewritten.
			e.Y = r.expr(e.Y)
			return e
		}
		e.X, e.Y = r.expr(e.X), r.expr(e.Y)
	case *syntax.UnaryExpr:
		e.X = r.expr(e.X)
	case *syntax.CallExpr:
		e.Fn = r.expr(e.Fn)
		e.Args = r.exprs(e.Args)
	case *syntax.Comprehension:
		e.Body = r.expr(e.Body)
		for _, c := range e.Clauses {
			switch c := c.(type) {
			case *syntax.ForClause:
				c.Vars, c.X = r.expr(c.Vars), r.expr(c.X)
			case *syntax.IfClause:
				c.Cond = r.expr(c.Cond)
			}
		}
	case *syntax.CondExpr:
		e.Cond, e.True, e.False = r.expr(e.Cond), r.expr(e.True), r.expr(e.False)
	case *syntax.DictExpr:
		for _, entry := range e.List {
			if d, ok := entry.(*syntax.DictEntry); ok {
				d.Key, d.Value = r.expr(d.Key), r.expr(d.Value)
			}
		}
	case *syntax.DotExpr:
		e.X = r.expr(e.X)
	case *syntax.IndexExpr:
		e.X, e.Y = r.expr(e.X), r.expr(e.Y)
	case *syntax.LambdaExpr:
		e.Params = r.exprs(e.Params)
		e.Body = r.expr(e.Body)
	case *syntax.ListExpr:
		e.List = r.exprs(e.List)
	case *syntax.TupleExpr:
		e.List = r.exprs(e.List)
	case *syntax.ParenExpr:
		e.X = r.expr(e.X)
	case *syntax.SliceExpr:
		e.X, e.Lo, e.Hi, e.Step = r.expr(e.X), r.expr(e.Lo), r.expr(e.Hi), r.expr(e.Step)
	}
	return e
}

// storeRef is __G__.name at the identifier's position.
func storeRef(id *syntax.Ident) *syntax.DotExpr {
	return &syntax.DotExpr{
		X:       &syntax.Ident{NamePos: id.NamePos, Name: storeName},
		Dot:     id.NamePos,
		NamePos: id.NamePos,
		Name:    &syntax.Ident{NamePos: id.NamePos, Name: id.Name},
	}
}

// IsInternal reports whether a global is one of the interpreter's own
// helpers rather than a name the learner bound.
func IsInternal(name string) bool { return isInternal(name) }
