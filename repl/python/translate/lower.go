package translate

import (
	"fmt"
	"sort"
	"strconv"

	"go.starlark.net/syntax"

	py "sockrepl/repl/python/translate/pyparse"
)

// The lowering turns a Python syntax tree into a Starlark one, in one
// pass, keeping Python's positions. What Starlark lacks becomes calls of
// Go builtins (the helpers of names.go): a try, with or except body
// becomes a nested def run by $try or $with, a class body a def run by
// $class, a generator's body a def run by $generator. Names follow
// Python's scoping (scope.go): module names are attributes of the global
// store $G, a function's locals are Starlark locals, or slots of its box
// when a nested body assigns them.

// Mode says how a module is run.
type Mode int

const (
	// Single is the prompt's mode: expression statements at module level
	// print their repr (through $echo), as in Python's interactive loop.
	Single Mode = iota
	// Exec runs a program: nothing is echoed.
	Exec
)

// Span is a Python node's source range, for tracebacks: 1-based lines,
// 0-based byte columns, as CPython records them.
type Span struct {
	Line, Col, EndLine, EndCol int
}

// Program is a lowered module.
type Program struct {
	File *syntax.File
	// Globals are the module-level Starlark names the program binds for
	// itself (temporaries, hoisted bodies, defs): the interpreter drops
	// them after running it.
	Globals []string
	spans   map[[2]int32]Span
	comps   map[[2]int32][]CompFrame
	// Source is the Python source, for tracebacks.
	Source string
	// RecvSites are the recv calls (by the position of their '(') that
	// may receive into their previous result's buffer (recvreuse.go).
	RecvSites map[[2]int32]RecvSite
	// FileID tells this program's positions from another's of the same
	// name (syntax.Position.FileID).
	FileID *string
}

// SpanAt returns the Python span of the operation at a position taken
// from a Starlark call frame of this program: each operation that can
// fail is placed where CPython locates it (a call at its '(', a binary
// operation at its operator, a subscript at its '['), and the span is
// the node's whole range, which the traceback underlines.
func (p *Program) SpanAt(pos syntax.Position) (Span, bool) {
	sp, ok := p.spans[[2]int32{pos.Line, pos.Col}]
	return sp, ok
}

// CompFrame is a comprehension around an operation: CPython runs each
// comprehension in a frame of its own ("<listcomp>"), which its traceback
// shows, with Outer (the comprehension, or the call a generator
// expression is given to) underlined in the frame around it.
type CompFrame struct {
	Kind  string // "<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"
	Outer Span
}

// ComprehensionsAt lists the comprehensions around the operation at pos,
// outermost first; Starlark runs comprehensions inline, without frames.
func (p *Program) ComprehensionsAt(pos syntax.Position) []CompFrame {
	return p.comps[[2]int32{pos.Line, pos.Col}]
}

// Options is the Starlark dialect the lowered trees use.
var fileOptions = &syntax.FileOptions{
	Set: true, While: true, TopLevelControl: true, GlobalReassign: true, Recursion: true,
}

// Lower turns a parsed module into a Starlark program.
func Lower(filename, src string, m *py.Module, mode Mode) (*Program, error) {
	a, err := analyse(m)
	if err != nil {
		return nil, withFile(err, filename, src)
	}
	l := &lowerer{a: a, mode: mode, src: src, spans: map[[2]int32]Span{}, lineStarts: lineStarts(src)}
	l.recvSites, l.sockOnly = recvSites(a, m, mode)
	l.file = new(string)
	*l.file = filename
	top := &fnCtx{scope: a.module, module: true}
	stmts := l.stmts(top, m.Body)
	if l.err != nil {
		return nil, withFile(l.err, filename, src)
	}
	stmts = append(top.entry(l), stmts...)
	f := &syntax.File{Path: filename, Stmts: stmts, Options: fileOptions}
	names := make([]string, 0, len(l.moduleNames))
	for n := range l.moduleNames {
		names = append(names, n)
	}
	sort.Strings(names)
	return &Program{File: f, Globals: names, spans: l.spans, comps: l.compAt, Source: src, RecvSites: l.recvAt, FileID: l.file}, nil
}

// withFile completes an Error with where it happened.
func withFile(err error, filename, src string) error {
	if e, ok := err.(*Error); ok && e.Line > 0 {
		e.Filename = filename
		e.Text = lineOf(src, e.Line)
	}
	return err
}

type lowerer struct {
	a    *analysis
	mode Mode
	src  string
	file *string
	err  error

	spans       map[[2]int32]Span
	comps       []CompFrame              // the comprehensions being lowered, outermost first
	compAt      map[[2]int32][]CompFrame // for each marked position inside comprehensions
	lineStarts  []int                    // byte offset of each line, for finding operators
	temps       int
	moduleNames map[string]bool
	loops       []*loopCtx // every Python loop open at this point, innermost last
	genexpCall  *py.Call   // the call whose sole argument is the generator expression being lowered

	recvSites map[*py.Call]RecvSite  // found before lowering
	recvAt    map[[2]int32]RecvSite  // where their calls were placed
	sockOnly  map[*py.Attribute]bool // x.sendall whose x must be a socket
}

// fnCtx is one Starlark function being built: a Python function or
// module, or a synthetic body.
type fnCtx struct {
	parent *fnCtx
	scope  *scope // the Python scope whose variables this function holds
	module bool
	synth  bool   // a try/with/handler body: returns codes
	kind   string // synthetic kind, for the function's name ("try", "except"...)

	hoisted  []syntax.Stmt // synthetic bodies, defined at entry
	prologue []syntax.Stmt // box creation and parameter copies

	// codes this synthetic body may return to the statement that ran it
	brk, cont, ret bool

	// cleanup runs before any return from this function: an except
	// clause's name is unbound when the handler ends.
	cleanup []syntax.Stmt
}

// loopCtx is one Python loop being lowered.
type loopCtx struct {
	fn       *fnCtx
	elseFlag string // set before break when the loop has an else
	broke    bool   // a break targets it
}

// entry is what a function starts with: its box, then its hoisted bodies.
func (fn *fnCtx) entry(l *lowerer) []syntax.Stmt {
	out := append([]syntax.Stmt{}, fn.prologue...)
	return append(out, fn.hoisted...)
}

// fail records the first error, a SyntaxError at node n.
func (l *lowerer) fail(n py.Node, class, format string, args ...any) {
	if l.err == nil {
		e := &Error{Class: class, Msg: fmt.Sprintf(format, args...)}
		if p, ok := n.(interface{ Pos() py.Loc }); ok {
			loc := p.Pos()
			e.Line, e.Col = loc.Lineno, loc.ColOffset+1
		}
		l.err = e
	}
}

// at is a plain position at a node's start.
func (l *lowerer) at(n py.Node) syntax.Position {
	if p, ok := n.(interface{ Pos() py.Loc }); ok {
		loc := p.Pos()
		return syntax.MakePosition(l.file, int32(loc.Lineno), int32(loc.ColOffset+1))
	}
	return syntax.MakePosition(l.file, 1, 1)
}

// mark is the position of an operation that can fail, standing for node
// n's span so that a traceback can point at n: where CPython places the
// operation (see SpanAt). The first node placed at a position keeps it.
func (l *lowerer) mark(n py.Node) syntax.Position {
	loc := n.(interface{ Pos() py.Loc }).Pos()
	line, col := loc.Lineno, loc.ColOffset
	switch e := n.(type) {
	case *py.Call:
		line, col = l.after(e.Func.Pos(), '(')
	case *py.Subscript:
		line, col = l.after(e.Value.Pos(), '[')
	case *py.Attribute:
		line, col = l.after(e.Value.Pos(), '.')
	case *py.BinOp:
		line, col = l.after(e.Left.Pos(), 0)
	case *py.Compare:
		line, col = l.after(e.Left.Pos(), 0)
	}
	key := [2]int32{int32(line), int32(col + 1)}
	if _, taken := l.spans[key]; !taken {
		l.spans[key] = Span{Line: loc.Lineno, Col: loc.ColOffset, EndLine: loc.EndLineno, EndCol: loc.EndColOffset}
		if len(l.comps) > 0 {
			if l.compAt == nil {
				l.compAt = map[[2]int32][]CompFrame{}
			}
			l.compAt[key] = append([]CompFrame(nil), l.comps...)
		}
	}
	return syntax.MakePosition(l.file, key[0], key[1])
}

// after finds the first character after a node that is not a space, a
// closing parenthesis or a comment (or, with want, the first want): the
// operator of a binary operation, the bracket of a call or subscript.
func (l *lowerer) after(loc py.Loc, want byte) (int, int) {
	line, col := loc.EndLineno, loc.EndColOffset
	if line < 1 || line > len(l.lineStarts) {
		return loc.Lineno, loc.ColOffset
	}
	i := l.lineStarts[line-1] + col
	for i < len(l.src) {
		c := l.src[i]
		switch {
		case c == '\n':
			line++
			col = 0
			i++
			continue
		case c == '#':
			for i < len(l.src) && l.src[i] != '\n' {
				i++
			}
			continue
		case want != 0 && c == want, want == 0 && c != ' ' && c != '\t' && c != ')' && c != '\\' && c != '\f' && c != '\r':
			return line, col
		}
		i++
		col++
	}
	return loc.Lineno, loc.ColOffset
}

// lineStarts is the byte offset where each line of src begins.
func lineStarts(src string) []int {
	starts := []int{0}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// temp makes a fresh name for a Starlark temporary of fn.
func (l *lowerer) temp(fn *fnCtx, prefix string) string {
	l.temps++
	name := "$" + prefix + strconv.Itoa(l.temps)
	if fn.module {
		l.moduleName(name)
	}
	return name
}

func (l *lowerer) moduleName(name string) {
	if l.moduleNames == nil {
		l.moduleNames = map[string]bool{}
	}
	l.moduleNames[name] = true
}

// Building blocks of the Starlark tree.

func (l *lowerer) ident(name string, pos syntax.Position) *syntax.Ident {
	return &syntax.Ident{NamePos: pos, Name: name}
}

func (l *lowerer) helper(h Helper, pos syntax.Position) *syntax.Ident {
	return &syntax.Ident{NamePos: pos, Name: string(h)}
}

// call is h(args...) at pos.
func (l *lowerer) call(h Helper, pos syntax.Position, args ...syntax.Expr) *syntax.CallExpr {
	return &syntax.CallExpr{Fn: l.helper(h, pos), Lparen: pos, Args: args, Rparen: pos}
}

func intLit(n int, pos syntax.Position) *syntax.Literal {
	return &syntax.Literal{Token: syntax.INT, TokenPos: pos, Raw: strconv.Itoa(n), Value: int64(n)}
}

func strLit(s string, pos syntax.Position) *syntax.Literal {
	return &syntax.Literal{Token: syntax.STRING, TokenPos: pos, Raw: strconv.Quote(s), Value: s}
}

func noneAt(pos syntax.Position) *syntax.Ident { return &syntax.Ident{NamePos: pos, Name: "None"} }

func tupleOf(pos syntax.Position, list ...syntax.Expr) *syntax.TupleExpr {
	return &syntax.TupleExpr{Lparen: pos, List: list, Rparen: pos}
}

func exprStmt(x syntax.Expr) *syntax.ExprStmt { return &syntax.ExprStmt{X: x} }

func assign(lhs, rhs syntax.Expr, pos syntax.Position) *syntax.AssignStmt {
	return &syntax.AssignStmt{OpPos: pos, Op: syntax.EQ, LHS: lhs, RHS: rhs}
}

func pass(pos syntax.Position) syntax.Stmt {
	return &syntax.BranchStmt{Token: syntax.PASS, TokenPos: pos}
}

// block makes sure a Starlark block is not empty.
func block(stmts []syntax.Stmt, pos syntax.Position) []syntax.Stmt {
	if len(stmts) == 0 {
		return []syntax.Stmt{pass(pos)}
	}
	return stmts
}

func lineOf(src string, n int) string {
	line := 1
	start := 0
	for i := 0; i < len(src); i++ {
		if line == n {
			start = i
			break
		}
		if src[i] == '\n' {
			line++
			if line == n {
				start = i + 1
				break
			}
		}
	}
	if line != n {
		return ""
	}
	end := start
	for end < len(src) && src[end] != '\n' {
		end++
	}
	return src[start:end]
}

func sortStrings(s []string) { sort.Strings(s) }

// Line is line n of the program's source, "" past its end.
func (p *Program) Line(n int) string { return lineOf(p.Source, n) }

// LowerExpr lowers an expression for eval(): the program is one
// expression statement at module level whose value goes to $echo, so
// the interpreter gets it by providing its own $echo for the run.
func LowerExpr(filename, src string, e py.Expr) (*Program, error) {
	m := &py.Module{Body: []py.Stmt{&py.ExprStmt{Value: e, Loc: e.Pos()}}}
	return Lower(filename, src, m, Single)
}
