package translate

import (
	"sort"
	"strings"
	"unicode/utf8"

	"go.starlark.net/syntax"
)

// The second half of translate works on Starlark's syntax tree: three
// expressions parse in both languages but mean something else in
// Starlark, so they are routed through Python-behaving builtins:
//
//	x % y      -> __mod__(x, y)     printf-style formatting with Python reprs
//	x / y      -> __truediv__(x, y) and // -> __floordiv__: Python's wording
//	                                for float division by zero
//	x == y     -> __eq__(x, y), and the other comparisons and in: an enum
//	                                member equals its int, True equals 1
//	x[i]       -> __getitem__(x, i) bytes give ints; Python's error wording
//	for v in x -> for v in __iter__(x)   str and bytes are iterable
//	a, b = x   -> a, b = __unpack__(x)   and can be unpacked
//
// Assignment targets (x[i] = v) are left alone.

// binaryHelpers are the operators routed through a builtin.
var binaryHelpers = map[syntax.Token]string{
	syntax.PERCENT:    "__mod__(",
	syntax.SLASH:      "__truediv__(",
	syntax.SLASHSLASH: "__floordiv__(",
	syntax.EQL:        "__eq__(",
	syntax.NEQ:        "__ne__(",
	syntax.LT:         "__lt__(",
	syntax.LE:         "__le__(",
	syntax.GT:         "__gt__(",
	syntax.GE:         "__ge__(",
	syntax.IN:         "__in__(",
	syntax.NOT_IN:     "__notin__(",
}

type astEdit struct {
	start, end int
	head       string
	parts      []span
}

type span struct {
	start, end int
	paren      bool // an unparenthesized tuple that needs brackets as an argument
}

// rewriteAST returns the source with the routing applied, or false when
// there is nothing to change or the result would not parse.
func rewriteAST(src string, f *syntax.File) (string, *syntax.File, bool) {
	pm := newPosMap(src)
	stores := map[syntax.Expr]bool{}
	var markStore func(e syntax.Expr)
	markStore = func(e syntax.Expr) {
		switch e := e.(type) {
		case *syntax.IndexExpr:
			stores[e] = true
		case *syntax.ParenExpr:
			markStore(e.X)
		case *syntax.TupleExpr:
			for _, x := range e.List {
				markStore(x)
			}
		case *syntax.ListExpr:
			for _, x := range e.List {
				markStore(x)
			}
		}
	}
	var edits []astEdit
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.AssignStmt:
			markStore(n.LHS)
			if n.Op == syntax.EQ && isUnpacking(n.LHS) {
				// a, b = 'xy' unpacks a str in Python.
				edits = append(edits, astEdit{pm.start(n.RHS), pm.end(n.RHS), "__unpack__(", []span{pm.span(n.RHS)}})
			}
		case *syntax.ForStmt:
			markStore(n.Vars)
			edits = append(edits, astEdit{pm.start(n.X), pm.end(n.X), "__iter__(", []span{pm.span(n.X)}})
		case *syntax.ForClause:
			markStore(n.Vars)
			edits = append(edits, astEdit{pm.start(n.X), pm.end(n.X), "__iter__(", []span{pm.span(n.X)}})
		case *syntax.BinaryExpr:
			if head, ok := binaryHelpers[n.Op]; ok {
				edits = append(edits, astEdit{pm.start(n), pm.end(n), head, []span{pm.span(n.X), pm.span(n.Y)}})
			}
		case *syntax.IndexExpr:
			if !stores[n] {
				edits = append(edits, astEdit{pm.start(n), pm.end(n), "__getitem__(", []span{pm.span(n.X), pm.span(n.Y)}})
			}
		}
		return true
	})
	if len(edits) == 0 {
		return src, nil, false
	}
	sort.SliceStable(edits, func(a, b int) bool {
		if edits[a].start != edits[b].start {
			return edits[a].start < edits[b].start
		}
		return edits[a].end > edits[b].end
	})
	// render copies src[a:b], rewriting edits from index from on; an
	// edit's children are rendered with only the edits after it, so one
	// whose span equals its child's (for x in d[k]) is not applied twice.
	var render func(a, b, from int) string
	render = func(a, b, from int) string {
		var out strings.Builder
		pos := a
		for j := from; j < len(edits); j++ {
			e := edits[j]
			if e.start < pos || e.end > b || e.start >= b {
				continue
			}
			out.WriteString(src[pos:e.start])
			out.WriteString(e.head)
			for k, p := range e.parts {
				if k > 0 {
					out.WriteString(", ")
				}
				if p.paren {
					out.WriteString("(" + render(p.start, p.end, j+1) + ")")
				} else {
					out.WriteString(render(p.start, p.end, j+1))
				}
			}
			out.WriteString(")")
			pos = e.end
		}
		out.WriteString(src[pos:b])
		return out.String()
	}
	out := render(0, len(src), 0)
	rf, err := Options.Parse("<stdin>", out, 0)
	if err != nil {
		return src, nil, false // never make things worse than Starlark's own meaning
	}
	return out, rf, true
}

// isUnpacking reports whether an assignment target is a tuple or list.
func isUnpacking(e syntax.Expr) bool {
	switch e := e.(type) {
	case *syntax.TupleExpr, *syntax.ListExpr:
		return true
	case *syntax.ParenExpr:
		return isUnpacking(e.X)
	}
	return false
}

// posMap converts Starlark positions (line, rune column) to byte offsets.
type posMap struct {
	src        string
	lineStarts []int
}

func newPosMap(src string) *posMap {
	pm := &posMap{src: src, lineStarts: []int{0}}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			pm.lineStarts = append(pm.lineStarts, i+1)
		}
	}
	return pm
}

func (pm *posMap) offset(p syntax.Position) int {
	if p.Line < 1 || int(p.Line) > len(pm.lineStarts) {
		return len(pm.src)
	}
	off := pm.lineStarts[p.Line-1]
	for c := int32(1); c < p.Col && off < len(pm.src); c++ {
		_, n := utf8.DecodeRuneInString(pm.src[off:])
		off += n
	}
	return off
}

func (pm *posMap) start(n syntax.Node) int {
	s, _ := n.Span()
	return pm.offset(s)
}

// end is the offset just past n; Starlark's own Span ends stop before a
// closing bracket for some nodes, so those are handled here.
func (pm *posMap) end(n syntax.Node) int {
	switch n := n.(type) {
	case *syntax.IndexExpr:
		return pm.offset(n.Rbrack) + 1
	case *syntax.SliceExpr:
		return pm.offset(n.Rbrack) + 1
	case *syntax.TupleExpr:
		if n.Lparen.IsValid() {
			return pm.offset(n.Rparen) + 1
		}
		return pm.end(n.List[len(n.List)-1])
	case *syntax.BinaryExpr:
		return pm.end(n.Y)
	case *syntax.CondExpr:
		return pm.end(n.False)
	case *syntax.UnaryExpr:
		if n.X != nil {
			return pm.end(n.X)
		}
	case *syntax.LambdaExpr:
		return pm.end(n.Body)
	case *syntax.DotExpr:
		return pm.end(n.Name)
	}
	_, e := n.Span()
	return pm.offset(e)
}

func (pm *posMap) span(e syntax.Expr) span {
	t, ok := e.(*syntax.TupleExpr)
	return span{start: pm.start(e), end: pm.end(e), paren: ok && !t.Lparen.IsValid()}
}
