package python

import (
	"errors"
	"fmt"
	"sort"
	"sync"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"sockrepl/repl/python/translate"
	"sockrepl/sockets"
)

// Options configures an Interp.
type Options struct {
	// Print receives what print() and help() write, and the reprs that
	// expression statements echo. Nil discards them.
	Print func(string)
	// HeapGrowth is how much the heap may grow while one statement runs
	// before it ends in MemoryError; 0 means the default (limits.go).
	HeapGrowth int64
}

// Interp is one Python interpreter: one live global namespace over one
// sockets.Runtime. The shell, the lessons and every test run statements
// through Exec, so all of them take the same path.
type Interp struct {
	rt      *sockets.Runtime
	opt     Options
	globals starlark.StringDict
	helpers starlark.StringDict // chunkGlobals' cache of the internal names

	mu     sync.Mutex // guards thread
	thread *starlark.Thread

	echo    starlark.Value // last value echoed by the running statement
	echoAny bool
}

// Mode says how Exec treats expression statements.
type Mode int

const (
	// Single is the prompt's mode: an expression statement outside a def
	// prints its repr, as Python's interactive loop does.
	Single Mode = iota
	// Program runs source as a file: nothing is echoed.
	Program
)

// Result is what a statement left behind besides its output.
type Result struct {
	// Value is the last value echoed (Single mode), or nil.
	Value starlark.Value
}

// ExitError is returned by Exec when the statement asked to end the
// program (exit(), quit(), sys.exit()). Code is the exit status.
type ExitError struct{ Code int }

func (e *ExitError) Error() string { return fmt.Sprintf("SystemExit: %d", e.Code) }

// Named errors for errors.Is: how a statement that did not finish ended.
var (
	// ErrInterrupted matches a statement ended by Ctrl-C (KeyboardInterrupt).
	ErrInterrupted = errors.New("KeyboardInterrupt")
	// ErrNoMemory matches a statement stopped by the memory watch.
	ErrNoMemory = errors.New("MemoryError")
)

var setupOnce sync.Once

// setup patches Starlark's method tables with Python's str, bytes, list
// and dict methods, and tells the translator the built-in modules. It
// runs once, from the first New, rather than in init(), so that importing
// the package changes nothing.
func setup() {
	setupOnce.Do(func() {
		patchStringMethods()
		patchListMethods()
		translate.SetModules(moduleTable())
	})
}

// New makes an interpreter over rt, which the caller owns and closes.
func New(rt *sockets.Runtime, opt Options) *Interp {
	setup()
	if opt.Print == nil {
		opt.Print = func(string) {}
	}
	if opt.HeapGrowth == 0 {
		opt.HeapGrowth = maxGrowth
	}
	in := &Interp{rt: rt, opt: opt}
	in.Reset()
	return in
}

// Reset gives the interpreter a fresh set of names: the built-in modules
// and functions, plus the echo hook the evaluator inserts. Sockets are the
// Runtime's: closing them is the caller's choice.
func (in *Interp) Reset() {
	in.globals = starlark.StringDict{}
	for k, v := range newPredeclared(in.rt) {
		in.globals[k] = v
	}
	in.globals[echoHook] = starlark.NewBuiltin(echoHook, in.echoBuiltin)
	in.helpers = nil
}

// Runtime is the sockets runtime the interpreter's socket module uses.
func (in *Interp) Runtime() *sockets.Runtime { return in.rt }

// Globals is the live global namespace. Callers may read it; only the
// interpreter writes it.
func (in *Interp) Globals() starlark.StringDict { return in.globals }

// Lookup returns the value of a global name.
func (in *Interp) Lookup(name string) (starlark.Value, bool) {
	v, ok := in.globals[name]
	return v, ok
}

// Interrupt ends the running statement with KeyboardInterrupt: a blocked
// call returns, and a busy loop stops at its next step. Safe from a
// signal-handling goroutine.
func (in *Interp) Interrupt() {
	in.rt.Interrupt()
	in.mu.Lock()
	if in.thread != nil {
		in.thread.Cancel("KeyboardInterrupt")
	}
	in.mu.Unlock()
}

// Exec runs one complete statement or block (or a whole program in
// Program mode). It returns the exception as a *PyError, an *ExitError
// when the program asked to end, or nil.
func (in *Interp) Exec(src string, mode Mode) (Result, error) {
	in.rt.ClearInterrupt()
	in.echo, in.echoAny = nil, false
	_, f, err := translate.File(src)
	if err != nil {
		return Result{}, asPyError(err)
	}
	if mode == Single {
		addEcho(f)
	}
	if err := shareGlobals(f); err != nil {
		return Result{}, asPyError(err)
	}
	thread := &starlark.Thread{Name: "main", Print: func(_ *starlark.Thread, msg string) { in.opt.Print(msg) }}
	in.mu.Lock()
	in.thread = thread
	in.mu.Unlock()
	stopWatch := watchMemory(thread, in.opt.HeapGrowth)
	err = starlark.ExecREPLChunk(f, thread, in.chunkGlobals())
	stopWatch()
	in.mu.Lock()
	in.thread = nil
	in.mu.Unlock()
	var res Result
	if in.echoAny {
		in.globals["_"] = in.echo
		res.Value = in.echo
	}
	if err != nil {
		var ex *ExitError
		if errors.As(err, &ex) {
			return res, ex
		}
		return res, asPyError(err)
	}
	return res, nil
}

// SocketNames maps each socket held in a global variable (directly, or
// inside a tuple such as the result of accept()) to the variable names
// that hold it, sorted.
func (in *Interp) SocketNames() map[*sockets.Socket][]string {
	names := map[*sockets.Socket][]string{}
	keys := make([]string, 0, len(in.globals))
	for k := range in.globals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if k == "_" {
			continue
		}
		switch v := in.globals[k].(type) {
		case starlark.Tuple:
			for i, el := range v {
				if sk, ok := SocketOf(el); ok {
					names[sk] = append(names[sk], fmt.Sprintf("%s[%d]", k, i))
				}
			}
		default:
			if sk, ok := SocketOf(v); ok {
				names[sk] = append(names[sk], k)
			}
		}
	}
	return names
}

const echoHook = "__echo__"

// echoBuiltin prints the repr of a non-None value, as Python's prompt does.
func (in *Interp) echoBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 1 && args[0] != starlark.None {
		in.echo, in.echoAny = args[0], true
		in.opt.Print(Repr(args[0]) + "\n")
	}
	return starlark.None, nil
}

// addEcho wraps every expression statement outside a def in a call to
// the echo hook: Python's prompt prints those, even inside loops.
func addEcho(f *syntax.File) {
	var walk func(stmts []syntax.Stmt)
	walk = func(stmts []syntax.Stmt) {
		for i, st := range stmts {
			switch st := st.(type) {
			case *syntax.ExprStmt:
				start, end := st.X.Span()
				stmts[i] = &syntax.ExprStmt{X: &syntax.CallExpr{
					Fn:     &syntax.Ident{NamePos: start, Name: echoHook},
					Lparen: start,
					Args:   []syntax.Expr{st.X},
					Rparen: end,
				}}
			case *syntax.IfStmt:
				walk(st.True)
				walk(st.False)
			case *syntax.ForStmt:
				walk(st.Body)
			case *syntax.WhileStmt:
				walk(st.Body)
			}
		}
	}
	walk(f.Stmts)
}
