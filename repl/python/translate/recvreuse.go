package translate

import (
	py "sockrepl/repl/python/translate/pyparse"
)

// Receiving into the previous result's buffer.
//
// CPython's recv loop reuses one malloc'd buffer: `data = conn.recv(n)`
// drops the old bytes object the moment data is rebound, so the next one
// lands in the same memory. sockrepl has no reference counts, and a fresh
// buffer per call costs a 1 GiB loop its page faults (docs/BENCHMARKS.md).
// What the translator can prove instead: that nothing but the variable
// can ever hold the bytes a statement `name = x.recv(n)` assigns (or a
// `while name := x.recv(n):` test, whose value goes only to the test). Then,
// when that statement runs again in the same frame, the bytes still in
// the buffer are referred to by name alone, about to be rebound, and the
// interpreter may receive into it.
//
// The proof is syntactic and conservative. Every read of the name must be
// one that keeps nothing of the bytes once it is done, and runs no code
// while it holds them:
//
//	len(name)   not name   if name:   while name:   x if name else y
//	name == b''   b'\n' in name   (every other operand a constant)
//	print(..., name, ...)   f'...{name!r}...'   (later operands constants or names)
//	x.sendall(name)   x.send(name)   x.sendto(name, addr)   (when x is a socket)
//
// Anything else (an append, a slice, an argument to a function, a
// return, a closure that names it, +=) and the statement keeps its fresh
// buffer. A function variable qualifies when its function's body alone
// names it (no nested def, lambda, class or comprehension does); a
// module-level variable when nothing in the whole program reads it
// otherwise and the program never reaches its namespace another way
// (globals(), vars(), eval...). The interpreter adds what only the run
// can know: len and print still the builtins, the same frame, and for a
// module-level variable, the main program still running on one thread
// (python/recvreuse.go). A socket's send methods keep nothing of their
// data, but x is only known to be a socket at run time: x is lowered as
// $sockonly(x), which stops all reuse the first time it is not one.
//
// A function's reads are walked once per variable, and the sends found
// harmless recorded only if the variable qualifies (sockOnly).

// RecvSite is a statement whose recv may reuse its previous result's
// buffer.
type RecvSite struct {
	// Global: the variable is the module's; only the main program's
	// module-level variables qualify, while it runs on one thread.
	Global bool
}

// forbiddenNames reach a namespace behind the translator's back.
var forbiddenNames = map[string]bool{
	"globals": true, "locals": true, "vars": true, "dir": true, "eval": true, "exec": true,
	"compile": true, "__import__": true, "__builtins__": true, "builtins": true,
}

// candidate is one `name = x.recv(...)` statement, or a
// `while name := x.recv(...):` test.
type candidate struct {
	call   *py.Call
	name   string
	owner  *scope // the function whose local it is; nil for a module variable
	global bool
}

// recvSites finds the recv calls that may reuse a buffer.
func recvSites(a *analysis, m *py.Module, mode Mode) (map[*py.Call]RecvSite, map[*py.Attribute]bool) {
	var cands []candidate
	walkScoped(a, m, a.module, nil, func(n py.Node, s *scope, stack []py.Node) {
		var name string
		var call *py.Call
		switch n := n.(type) {
		case *py.Assign:
			if len(n.Targets) != 1 {
				return
			}
			name, call = recvInto(n.Targets[0], n.Value)
		case *py.NamedExpr:
			if truthTested(n, stack[len(stack)-1]) {
				name, call = recvInto(n.Target, n.Value)
			}
		}
		if call == nil {
			return
		}
		switch {
		case s.kind == functionScope && s.isLocal(name):
			cands = append(cands, candidate{call: call, name: name, owner: s})
		case mode == Exec && (s.kind == moduleScope || s.kind == functionScope && s.globals[name]):
			cands = append(cands, candidate{call: call, name: name, global: true})
		}
	})
	if len(cands) == 0 {
		return nil, nil
	}
	out := map[*py.Call]RecvSite{}
	sockOnly := map[*py.Attribute]bool{}
	verdicts := map[any]bool{}
	for _, c := range cands {
		var key any = c.name // a module variable
		if !c.global {
			key = [2]any{c.owner, c.name}
		}
		ok, seen := verdicts[key]
		if !seen {
			var sends []*py.Attribute
			if c.global {
				ok, sends = onlyHarmlessReads(a, m, a.module, c.name, true)
			} else {
				ok, sends = onlyHarmlessReads(a, c.owner.node, c.owner, c.name, false)
			}
			verdicts[key] = ok
			if ok {
				for _, x := range sends {
					sockOnly[x] = true
				}
			}
		}
		if ok {
			out[c.call] = RecvSite{Global: c.global}
		}
	}
	return out, sockOnly
}

// recvInto matches a name given x.recv(n) or x.recv(n, flags).
func recvInto(target, value py.Expr) (string, *py.Call) {
	name, ok := target.(*py.Name)
	if !ok {
		return "", nil
	}
	call, ok := value.(*py.Call)
	if !ok || len(call.Keywords) != 0 || len(call.Args) == 0 || len(call.Args) > 2 {
		return "", nil
	}
	attr, ok := call.Func.(*py.Attribute)
	if !ok || attr.Attr != "recv" {
		return "", nil
	}
	for _, arg := range call.Args {
		if _, starred := arg.(*py.Starred); starred {
			return "", nil
		}
	}
	return name.Id, call
}

// truthTested: parent only asks whether x is true (not x, if x:,
// while x:, a if x else b), which keeps nothing of it.
func truthTested(x py.Expr, parent py.Node) bool {
	switch p := parent.(type) {
	case *py.UnaryOp:
		return p.Op == py.Not
	case *py.If:
		return p.Test == x
	case *py.While:
		return p.Test == x
	case *py.IfExp:
		return p.Test == x
	}
	return false
}

// onlyHarmlessReads walks root (a function, or the whole module) and
// reports whether every read of name is harmless, and the sends it read
// name into (each harmless only if its receiver is a socket). inner:
// nested scopes are walked too (a module variable); otherwise naming
// name in one fails.
func onlyHarmlessReads(a *analysis, root py.Node, s *scope, name string, inner bool) (bool, []*py.Attribute) {
	ok := true
	var sends []*py.Attribute
	visit := func(n py.Node, at *scope, stack []py.Node) {
		if !ok {
			return
		}
		switch n := n.(type) {
		case *py.Name:
			if forbiddenNames[n.Id] {
				ok = false
				return
			}
			if n.Id != name {
				return
			}
			if !inner && at != s {
				ok = false // a closure or comprehension names it
				return
			}
			if n.Ctx == py.Load {
				harmless, send := harmlessRead(n, at, stack)
				ok = harmless
				if send != nil {
					sends = append(sends, send)
				}
			}
		case *py.AugAssign:
			if t, isName := n.Target.(*py.Name); isName && t.Id == name {
				ok = false // reads it into an operator
			}
		}
	}
	if fd, isDef := root.(*py.FunctionDef); isDef {
		// The body only: defaults and decorators run in the scope around.
		for _, st := range fd.Body {
			walkScoped(a, st, s, []py.Node{fd}, visit)
		}
		return ok, sends
	}
	if _, isMod := root.(*py.Module); !isMod {
		return false, nil // a lambda or async def: not worth the cases
	}
	walkScoped(a, root, s, nil, visit)
	return ok, sends
}

// harmlessRead reports whether the read n of a variable keeps nothing of
// its value and runs no code while holding it; send is the x.sendall of
// a read that is harmless only if x is a socket.
func harmlessRead(n *py.Name, at *scope, stack []py.Node) (ok bool, send *py.Attribute) {
	parent := stack[len(stack)-1]
	if call, isCall := parent.(*py.Call); isCall {
		if attr, isAttr := call.Func.(*py.Attribute); isAttr && sendMethods[attr.Attr] &&
			len(call.Args) >= 1 && len(call.Args) <= 2 && call.Args[0] == py.Expr(n) &&
			len(call.Keywords) == 0 && pureAfter(call.Args, n) {
			return true, attr
		}
	}
	return harmlessUse(n, at, stack), nil
}

// sendMethods keep nothing of the data they send.
var sendMethods = map[string]bool{"sendall": true, "send": true, "sendto": true}

// harmlessUse is harmlessRead for the reads that are harmless whatever
// the values around them.
func harmlessUse(n *py.Name, at *scope, stack []py.Node) bool {
	parent := stack[len(stack)-1]
	if truthTested(n, parent) {
		return true
	}
	switch p := parent.(type) {
	case *py.Compare:
		for _, x := range append([]py.Expr{p.Left}, p.Comparators...) {
			if _, isConst := x.(*py.Constant); !isConst && x != py.Expr(n) {
				return false
			}
		}
		return true
	case *py.Call:
		f, isName := p.Func.(*py.Name)
		if !isName || !builtinAt(at, f.Id) {
			return false
		}
		switch f.Id {
		case "len":
			return len(p.Args) == 1 && len(p.Keywords) == 0 && p.Args[0] == py.Expr(n)
		case "print":
			return pureAfter(p.Args, n) && pureKeywords(p.Keywords)
		}
	case *py.FormattedValue:
		if p.Value != py.Expr(n) || p.FormatSpec != nil || len(stack) < 2 {
			return false
		}
		js, isJoined := stack[len(stack)-2].(*py.JoinedStr)
		if !isJoined {
			return false
		}
		after := false
		for _, v := range js.Values {
			if v == py.Expr(p) {
				after = true
				continue
			}
			if fv, isField := v.(*py.FormattedValue); isField && after && (!pure(fv.Value) || fv.FormatSpec != nil) {
				return false
			}
		}
		return true
	}
	return false
}

// builtinAt reports whether name, read in scope s, is the builtin: no
// function around binds it. (A module-level rebinding is the
// interpreter's to notice.)
func builtinAt(s *scope, name string) bool {
	for ; s != nil; s = s.parent {
		if s.kind != classScope && (s.bound[name] || s.params[name]) && !s.globals[name] && !s.nonlocals[name] {
			return false
		}
	}
	return true
}

// pure: evaluating it runs no code.
func pure(x py.Expr) bool {
	switch x := x.(type) {
	case *py.Constant, *py.Name:
		return true
	case *py.Tuple:
		for _, e := range x.Elts {
			if !pure(e) {
				return false
			}
		}
		return true
	}
	return false
}

// pureAfter: n is among args, and every argument after it is pure.
func pureAfter(args []py.Expr, n *py.Name) bool {
	seen := false
	for _, x := range args {
		if x == py.Expr(n) {
			seen = true
			continue
		}
		if seen && !pure(x) {
			return false
		}
	}
	return seen
}

func pureKeywords(kws []*py.Keyword) bool {
	for _, k := range kws {
		if k.Arg == "" || !pure(k.Value) {
			return false
		}
	}
	return true
}

// walkScoped calls f on n and everything under it, with the scope each
// node is in and its ancestors (outermost first, n's parent last).
func walkScoped(a *analysis, n py.Node, s *scope, stack []py.Node, f func(py.Node, *scope, []py.Node)) {
	f(n, s, stack)
	inner := s
	if ns, ok := a.scopes[n]; ok {
		inner = ns
	}
	stack = append(stack, n)
	py.Children(n, func(c py.Node) {
		walkScoped(a, c, inner, stack, f)
	})
}
