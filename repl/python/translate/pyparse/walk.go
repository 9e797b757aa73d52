package pyparse

// children calls f on each direct child node of n, in field order.
// nil children (absent optional fields, the keys of ** in a Dict) are
// skipped.
func children(n Node, f func(Node)) {
	e := func(x Expr) {
		if x != nil {
			f(x)
		}
	}
	es := func(xs []Expr) {
		for _, x := range xs {
			e(x)
		}
	}
	ss := func(xs []Stmt) {
		for _, x := range xs {
			f(x)
		}
	}
	gens := func(gs []*Comprehension) {
		for _, g := range gs {
			f(g)
		}
	}
	switch n := n.(type) {
	case *Module:
		ss(n.Body)
	case *FunctionDef:
		es(n.DecoratorList)
		f(n.Args)
		e(n.Returns)
		ss(n.Body)
	case *AsyncFunctionDef:
		es(n.DecoratorList)
		f(n.Args)
		e(n.Returns)
		ss(n.Body)
	case *ClassDef:
		es(n.DecoratorList)
		es(n.Bases)
		for _, k := range n.Keywords {
			f(k)
		}
		ss(n.Body)
	case *Return:
		e(n.Value)
	case *Delete:
		es(n.Targets)
	case *Assign:
		es(n.Targets)
		e(n.Value)
	case *AugAssign:
		e(n.Target)
		e(n.Value)
	case *AnnAssign:
		e(n.Target)
		e(n.Annotation)
		e(n.Value)
	case *For:
		e(n.Target)
		e(n.Iter)
		ss(n.Body)
		ss(n.Orelse)
	case *AsyncFor:
		e(n.Target)
		e(n.Iter)
		ss(n.Body)
		ss(n.Orelse)
	case *While:
		e(n.Test)
		ss(n.Body)
		ss(n.Orelse)
	case *If:
		e(n.Test)
		ss(n.Body)
		ss(n.Orelse)
	case *With:
		for _, w := range n.Items {
			f(w)
		}
		ss(n.Body)
	case *AsyncWith:
		for _, w := range n.Items {
			f(w)
		}
		ss(n.Body)
	case *Raise:
		e(n.Exc)
		e(n.Cause)
	case *Try:
		ss(n.Body)
		for _, h := range n.Handlers {
			f(h)
		}
		ss(n.Orelse)
		ss(n.Finalbody)
	case *TryStar:
		ss(n.Body)
		for _, h := range n.Handlers {
			f(h)
		}
		ss(n.Orelse)
		ss(n.Finalbody)
	case *Assert:
		e(n.Test)
		e(n.Msg)
	case *Import:
		for _, a := range n.Names {
			f(a)
		}
	case *ImportFrom:
		for _, a := range n.Names {
			f(a)
		}
	case *ExprStmt:
		e(n.Value)
	case *BoolOp:
		es(n.Values)
	case *NamedExpr:
		e(n.Target)
		e(n.Value)
	case *BinOp:
		e(n.Left)
		e(n.Right)
	case *UnaryOp:
		e(n.Operand)
	case *Lambda:
		f(n.Args)
		e(n.Body)
	case *IfExp:
		e(n.Test)
		e(n.Body)
		e(n.Orelse)
	case *Dict:
		for i := range n.Values {
			if i < len(n.Keys) {
				e(n.Keys[i])
			}
			e(n.Values[i])
		}
	case *Set:
		es(n.Elts)
	case *ListComp:
		e(n.Elt)
		gens(n.Generators)
	case *SetComp:
		e(n.Elt)
		gens(n.Generators)
	case *DictComp:
		e(n.Key)
		e(n.Value)
		gens(n.Generators)
	case *GeneratorExp:
		e(n.Elt)
		gens(n.Generators)
	case *Await:
		e(n.Value)
	case *Yield:
		e(n.Value)
	case *YieldFrom:
		e(n.Value)
	case *Compare:
		e(n.Left)
		es(n.Comparators)
	case *Call:
		e(n.Func)
		es(n.Args)
		for _, k := range n.Keywords {
			f(k)
		}
	case *FormattedValue:
		e(n.Value)
		e(n.FormatSpec)
	case *JoinedStr:
		es(n.Values)
	case *Attribute:
		e(n.Value)
	case *Subscript:
		e(n.Value)
		e(n.Slice)
	case *Starred:
		e(n.Value)
	case *List:
		es(n.Elts)
	case *Tuple:
		es(n.Elts)
	case *Slice:
		e(n.Lower)
		e(n.Upper)
		e(n.Step)
	case *Comprehension:
		e(n.Target)
		e(n.Iter)
		es(n.Ifs)
	case *ExceptHandler:
		e(n.Type)
		ss(n.Body)
	case *Arguments:
		for _, a := range n.Posonlyargs {
			f(a)
		}
		for _, a := range n.Args {
			f(a)
		}
		if n.Vararg != nil {
			f(n.Vararg)
		}
		for _, a := range n.Kwonlyargs {
			f(a)
		}
		es(n.KwDefaults)
		if n.Kwarg != nil {
			f(n.Kwarg)
		}
		es(n.Defaults)
	case *Arg:
		e(n.Annotation)
	case *Keyword:
		e(n.Value)
	case *Withitem:
		e(n.ContextExpr)
		e(n.OptionalVars)
	}
}

// Children calls f on each direct child node of n, in field order, as
// the translator's analyses walk the tree.
func Children(n Node, f func(Node)) { children(n, f) }
