package pyparse

import "fmt"

// call parses the argument list of a call; e is the function.
func (p *parser) call(st *token, fn Expr) Expr {
	open := p.at()
	p.p++
	c := &Call{Func: fn, Args: []Expr{}, Keywords: []*Keyword{}}
	if !p.is(")") {
		// A generator expression as the sole argument takes the call's
		// parentheses.
		save := p.p
		if !p.is("*") && !p.is("**") {
			first := p.namedOrExpression()
			if p.isKw("for") || p.isKw("async") {
				gens := p.comprehensions()
				if p.is(",") {
					p.errRange("Generator expression must be parenthesized", first.Pos(), lastCompItem(gens))
				}
				close := p.expect(")")
				c.Args = []Expr{&GeneratorExp{Elt: first, Generators: gens, Loc: span(open, close)}}
				c.Loc = p.locFrom(st)
				return c
			}
		}
		p.p = save
		c.Args, c.Keywords = p.callArgs()
	}
	p.expect(")")
	c.Loc = p.locFrom(st)
	return c
}

// lastCompItem is where CPython ends a "must be parenthesized" range.
func lastCompItem(gens []*Comprehension) Loc {
	g := gens[len(gens)-1]
	if len(g.Ifs) > 0 {
		return g.Ifs[len(g.Ifs)-1].Pos()
	}
	return g.Iter.Pos()
}

// namedOrExpression is a positional argument: NAME := expr or expression.
func (p *parser) namedOrExpression() Expr {
	t := p.at()
	if t.kind == tName && !keywords[t.s] {
		if n := p.peekAt(1); n.kind == tOp && n.s == ":=" {
			return p.namedExpression()
		}
	}
	return p.expression()
}

// callArgs parses arguments up to (not including) the closing ')'.
func (p *parser) callArgs() ([]Expr, []*Keyword) {
	args := []Expr{}
	kws := []*Keyword{}
	sawKw, sawDouble := false, false
	// A positional argument after keywords stops CPython's first pass;
	// the rest is read only to word the error, which then points at the
	// furthest token read.
	misplaced := ""
	defer func() {
		if misplaced != "" {
			p.diag--
		}
	}()
	for !p.is(")") {
		t := p.at()
		switch {
		case t.kind == tOp && t.s == "*":
			if sawDouble {
				p.errTok("iterable argument unpacking follows keyword argument unpacking", t)
			}
			p.p++
			v := p.expression()
			args = append(args, &Starred{Value: v, Ctx: Load, Loc: p.locFrom(t)})
		case t.kind == tOp && t.s == "**":
			p.p++
			v := p.expression()
			kws = append(kws, &Keyword{Value: v, Loc: p.locFrom(t)})
			sawDouble = true
		default:
			if t.kind == tName && (!keywords[t.s] || t.s == "True" || t.s == "False" || t.s == "None") && p.peekAt(1).kind == tOp && p.peekAt(1).s == "=" {
				if keywords[t.s] {
					if t.s == "True" || t.s == "False" || t.s == "None" {
						p.errRange(fmt.Sprintf("cannot assign to %s", t.s), span(t, t), span(t, t))
					}
					p.invalid()
				}
				p.p += 2
				v := p.expression()
				if p.isKw("for") {
					p.errRange("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", span(t, t), v.Pos())
				}
				kws = append(kws, &Keyword{Arg: t.s, Value: v, Loc: p.locFrom(t)})
				sawKw = true
				break
			}
			if misplaced == "" && (sawKw || sawDouble) {
				misplaced = "positional argument follows keyword argument"
				if sawDouble {
					misplaced += " unpacking"
				}
				p.diag++
			}
			e := p.namedOrExpression()
			if (p.isKw("for") || p.isKw("async")) && len(args) == 0 && len(kws) == 0 {
				p.invalid()
			}
			if p.isKw("for") || p.isKw("async") {
				gens := p.comprehensions()
				p.errRange("Generator expression must be parenthesized", e.Pos(), lastCompItem(gens))
			}
			if p.is("=") {
				p.keywordTargetError(e)
			}
			args = append(args, e)
		}
		if !p.accept(",") {
			break
		}
	}
	if misplaced != "" {
		p.errTok(misplaced, &p.toks[p.maxAny])
	}
	return args, kws
}

// keywordTargetError reports f(a.b=1) and friends.
func (p *parser) keywordTargetError(e Expr) {
	eq := p.at()
	p.fail(p.newErr(kindSyntax, "expression cannot contain assignment, perhaps you meant \"==\"?",
		e.Pos().Lineno, e.Pos().ColOffset, eq.endLine, eq.endCol))
}

// parameters parses a def's (closing ')') or a lambda's (closing ':')
// parameter list; annotations are allowed only in a def.
func (p *parser) parameters(closing string, annotated bool) *Arguments {
	a := &Arguments{Posonlyargs: []*Arg{}, Args: []*Arg{}, Kwonlyargs: []*Arg{}, KwDefaults: []Expr{}, Defaults: []Expr{}}
	star, slash := false, false
	seenDefault := false
	for !p.is(closing) {
		t := p.at()
		switch {
		case t.kind == tOp && t.s == "/":
			if slash {
				p.errTok("/ may appear only once", t)
			}
			if star {
				p.errTok("/ must be ahead of *", t)
			}
			if len(a.Args) == 0 {
				p.errTok("at least one argument must precede /", t)
			}
			p.p++
			slash = true
			a.Posonlyargs, a.Args = a.Args, []*Arg{}
		case t.kind == tOp && t.s == "*":
			if star {
				p.errTok("* argument may appear only once", t)
			}
			if a.Kwarg != nil {
				p.errTok("arguments cannot follow var-keyword argument", t)
			}
			p.p++
			star = true
			at := t
			if !annotated {
				// A lambda reports it at the token that shows it.
				at = p.at()
			}
			if p.is(",") {
				n := p.peekAt(1)
				if n.kind == tOp && (n.s == closing || n.s == "**") {
					if !annotated {
						at = n
					}
					p.errTok("named arguments must follow bare *", at)
				}
			} else if p.is(closing) || p.is("**") {
				p.errTok("named arguments must follow bare *", at)
			} else {
				a.Vararg = p.param(annotated, true)
				if p.is("=") {
					p.errTok("var-positional argument cannot have default value", p.at())
				}
			}
		case t.kind == tOp && t.s == "**":
			if a.Kwarg != nil {
				p.errTok("arguments cannot follow var-keyword argument", t)
			}
			p.p++
			a.Kwarg = p.param(annotated, false)
			if p.is("=") {
				p.errTok("var-keyword argument cannot have default value", p.at())
			}
		default:
			if a.Kwarg != nil {
				arg := p.param(annotated, false)
				p.errNode("arguments cannot follow var-keyword argument", arg)
			}
			arg := p.param(annotated, false)
			var def Expr
			if p.accept("=") {
				def = p.expression()
			}
			if star {
				a.Kwonlyargs = append(a.Kwonlyargs, arg)
				a.KwDefaults = append(a.KwDefaults, def)
			} else {
				if def != nil {
					seenDefault = true
					a.Defaults = append(a.Defaults, def)
				} else if seenDefault {
					p.errNode("non-default argument follows default argument", arg)
				}
				a.Args = append(a.Args, arg)
			}
		}
		if !p.accept(",") {
			break
		}
	}
	return a
}

func (p *parser) param(annotated, starred bool) *Arg {
	n := p.name()
	arg := &Arg{Arg: n.s, Loc: span(n, n)}
	if annotated && p.accept(":") {
		if starred && p.is("*") {
			arg.Annotation = p.starExpression()
		} else {
			arg.Annotation = p.expression()
		}
		arg.Loc = p.locFrom(n)
	}
	return arg
}
