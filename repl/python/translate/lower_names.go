package translate

import (
	"strconv"

	"go.starlark.net/syntax"
)

// How a Python name is reached from the code being lowered.
type refKind uint8

const (
	refGlobal refKind = iota // $G.name
	refPlain                 // a Starlark local (or a cell of an enclosing def)
	refBox                   // slot i of the owning scope's box
)

// resolve applies Python's rules: a comprehension's own variables, then
// the current scope's locals and declarations, then enclosing functions
// (skipping class bodies), then the module.
func (l *lowerer) resolve(s *scope, name string) (*scope, refKind) {
	cur := s
	first := true
	for {
		switch cur.kind {
		case moduleScope:
			return cur, refGlobal
		case comprehensionScope:
			if cur.bound[name] {
				return cur, refPlain
			}
		case classScope:
			if first {
				if cur.globals[name] {
					return l.a.module, refGlobal
				}
				if cur.isLocal(name) {
					return cur, refBox
				}
			}
		case functionScope:
			if cur.globals[name] {
				return l.a.module, refGlobal
			}
			if cur.isLocal(name) {
				if _, boxed := cur.slot[name]; boxed {
					return cur, refBox
				}
				return cur, refPlain
			}
		}
		if cur.kind != comprehensionScope {
			first = false
		}
		cur = cur.parent
	}
}

// boxName is the Starlark variable that holds a scope's box.
func boxName(s *scope) string { return "$b" + strconv.Itoa(s.id) }

// nameRef is the expression that reads or assigns name.
func (l *lowerer) nameRef(s *scope, name string, pos syntax.Position) syntax.Expr {
	owner, kind := l.resolve(s, name)
	switch kind {
	case refPlain:
		return l.ident(name, pos)
	case refBox:
		return &syntax.IndexExpr{X: l.ident(boxName(owner), pos), Lbrack: pos, Y: intLit(owner.slot[name], pos), Rbrack: pos}
	}
	return l.global(name, pos)
}

// global is $G.name.
func (l *lowerer) global(name string, pos syntax.Position) *syntax.DotExpr {
	return &syntax.DotExpr{X: l.helper(HGlobals, pos), Dot: pos, NamePos: pos, Name: l.ident(name, pos)}
}

// bindFunction assigns a def's or class's value, held in the Starlark
// variable tmp, to the Python name. A plain local with the same name is
// already bound by the def itself.
func (l *lowerer) bindName(s *scope, name, tmp string, pos syntax.Position) []syntax.Stmt {
	ref := l.nameRef(s, name, pos)
	if id, ok := ref.(*syntax.Ident); ok && id.Name == tmp {
		return nil
	}
	return []syntax.Stmt{assign(ref, l.ident(tmp, pos), pos)}
}

// unbind deletes a name, as del x does (NameError if unbound) and as the
// end of an except clause does to its name (quietly).
func (l *lowerer) unbind(s *scope, name string, quiet bool, pos syntax.Position) syntax.Stmt {
	owner, kind := l.resolve(s, name)
	q := &syntax.Ident{NamePos: pos, Name: "False"}
	if quiet {
		q.Name = "True"
	}
	switch kind {
	case refBox:
		return exprStmt(l.call(HUnbind, pos, l.ident(boxName(owner), pos), intLit(owner.slot[name], pos), strLit(name, pos), q))
	case refGlobal:
		return exprStmt(l.call(HDelGlobal, pos, strLit(name, pos), q))
	}
	return l.declareLocal(s, name, pos) // a confined name ends with its body
}

// declareLocal makes name, when it is a plain Starlark local, local to
// the Starlark function without binding it (if False: name = None). CPython
// makes a name local for x: int or del x alone; without an assignment
// Starlark would take a later read of x for a global.
func (l *lowerer) declareLocal(s *scope, name string, pos syntax.Position) syntax.Stmt {
	if _, kind := l.resolve(s, name); kind != refPlain {
		return pass(pos)
	}
	return &syntax.IfStmt{If: pos, Cond: &syntax.Ident{NamePos: pos, Name: "False"},
		True: []syntax.Stmt{assign(l.ident(name, pos), noneAt(pos), pos)}}
}
