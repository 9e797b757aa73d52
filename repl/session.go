package repl

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"sockrepl/lessons"
	"sockrepl/sockets"
)

// Options configures a Session.
type Options struct {
	Out, Err io.Writer
	Role     string // shown in the prompt and used by two-terminal lessons
	Lang     string // "en" or "zh"; "" picks from LANG / LC_ALL
	Color    bool
	Terminal bool   // interactive: status lines, notices and hints
	StateDir string // history and lesson progress; "" means the XDG default
	Width    func() int
}

// Session evaluates statements against one set of globals and sockets.
type Session struct {
	opt     Options
	lang    string
	rt      *sockets.Runtime
	globals starlark.StringDict
	helpers starlark.StringDict // chunkGlobals' cache of the internal names
	out     *screen

	mu     sync.Mutex // guards thread
	thread *starlark.Thread

	echo     starlark.Value // last value echoed by the running statement
	echoAny  bool           // whether anything was echoed
	saved    []string       // statements that ran without an exception, for %save
	inputs   []string       // everything typed, for %history
	prev     map[*sockets.Socket]sockets.State
	known    []*sockets.Socket // every socket seen after a statement, closed ones too
	last     lessons.Last
	tutor    *lessons.Tutor
	store    *lessons.Store
	tracing  bool
	ended    bool // exit() or %quit
	exitCode int
}

// ExitError is returned by Exec when the statement ended the session
// (exit(), quit(), %quit). Code is the exit status asked for.
type ExitError struct{ Code int }

func (e *ExitError) Error() string { return fmt.Sprintf("exit(%d)", e.Code) }

// NewSession makes a Session with its own Runtime.
func NewSession(opt Options) (*Session, error) {
	if opt.Out == nil {
		opt.Out = io.Discard
	}
	if opt.Err == nil {
		opt.Err = io.Discard
	}
	rt, err := sockets.NewRuntime()
	if err != nil {
		return nil, err
	}
	s := &Session{
		opt:  opt,
		lang: pickLang(opt.Lang),
		rt:   rt,
		prev: map[*sockets.Socket]sockets.State{},
	}
	s.out = newScreen(opt.Out, opt.Err, opt.Color, opt.Terminal, opt.Width)
	s.resetGlobals()
	if opt.Terminal {
		rt.SetObserver(s.out.progress(s.lang))
	}
	return s, nil
}

// resetGlobals gives the session a fresh set of names: the built-in
// modules and functions, plus the echo hook the evaluator inserts.
func (s *Session) resetGlobals() {
	s.globals = starlark.StringDict{}
	for k, v := range newPredeclared(s.rt) {
		s.globals[k] = v
	}
	s.globals[echoHook] = starlark.NewBuiltin(echoHook, s.echoBuiltin)
	s.helpers = nil
}

// Close closes every socket the session opened and its wake fd.
func (s *Session) Close() error { return s.rt.Close() }

// Interrupt ends the running statement with KeyboardInterrupt: a blocked
// call returns, and a busy loop stops at its next step. Safe from a
// signal-handling goroutine.
func (s *Session) Interrupt() {
	s.rt.Interrupt()
	s.mu.Lock()
	if s.thread != nil {
		s.thread.Cancel("KeyboardInterrupt")
	}
	s.mu.Unlock()
}

// Ended reports whether exit(), quit() or %quit was called, and the status.
func (s *Session) Ended() (bool, int) { return s.ended, s.exitCode }

// Exec runs one complete statement or block, or a % command, and prints
// what it produces. It returns the exception (already printed), an
// *ExitError when the session should end, or nil.
func (s *Session) Exec(src string) (err error) {
	defer func() {
		// A bug of ours must not cost the learner the shell or its sockets.
		if r := recover(); r != nil {
			err = s.report(&PyError{Class: "SystemError", Msg: fmt.Sprintf("sockrepl internal error: %v", r)})
		}
	}()
	if strings.TrimSpace(src) == "" {
		return nil
	}
	s.inputs = append(s.inputs, src)
	if s.opt.Terminal && s.opt.Width != nil {
		lessons.SetWidth(s.opt.Width()) // the window may have been resized
	}
	if cmd := strings.TrimSpace(src); strings.HasPrefix(cmd, "%") {
		return s.command(cmd)
	}
	err = s.run(src, true)
	s.afterStatement(src, err)
	var ex *ExitError
	if errors.As(err, &ex) {
		return ex
	}
	if err == nil {
		s.saved = append(s.saved, src)
		return nil
	}
	return err
}

// run evaluates Python-style source. With echo, expression statements
// outside functions print their repr, as at Python's prompt.
func (s *Session) run(src string, echo bool) error {
	s.rt.ClearInterrupt()
	s.echo, s.echoAny = nil, false
	if strings.HasSuffix(src, "\n"+blockEndMarker) { // the chunker's; a NUL typed at a line's end is the parser's to refuse
		// An empty block is CPython's IndentationError, named by its header.
		if _, err := translate(strings.TrimSuffix(src, "\n"+blockEndMarker)); err != nil && asPyError(err).Class == "IndentationError" {
			return s.report(asPyError(err))
		}
		return s.report(&PyError{Class: "SyntaxError", Msg: "invalid syntax"})
	}
	_, f, err := translateFile(src)
	if err != nil {
		return s.report(asPyError(err))
	}
	if echo {
		addEcho(f)
	}
	if err := shareGlobals(f); err != nil {
		return s.report(asPyError(err))
	}
	thread := &starlark.Thread{Name: "main", Print: func(_ *starlark.Thread, msg string) { s.out.print(msg) }}
	s.mu.Lock()
	s.thread = thread
	s.mu.Unlock()
	stopWatch := watchMemory(thread)
	err = starlark.ExecREPLChunk(f, thread, s.chunkGlobals())
	stopWatch()
	s.mu.Lock()
	s.thread = nil
	s.mu.Unlock()
	s.out.endStatus()
	if s.echoAny {
		s.globals["_"] = s.echo
	}
	if err != nil {
		var preq *exitRequest
		if errors.As(err, &preq) {
			s.ended, s.exitCode = true, preq.code
			return &ExitError{Code: preq.code}
		}
		return s.report(asPyError(err))
	}
	return nil
}

// report prints an exception the way Python's prompt ends a traceback,
// with a hint in terminal mode, and returns it.
func (s *Session) report(e *PyError) error {
	s.out.exception(e.Error())
	if s.opt.Terminal {
		if h := hintFor(s.lang, e); h != "" {
			s.out.dim(h)
		}
	}
	return e
}

// afterStatement records the outcome for lessons and prints what changed
// in the kernel since the last statement.
func (s *Session) afterStatement(src string, err error) {
	s.last = lessons.Last{Code: src, OK: err == nil, Value: s.echo}
	var pe *PyError
	if errors.As(err, &pe) {
		s.last.Error, s.last.Errno = pe.Class, pe.Errno
	}
	if s.opt.Terminal {
		s.ShowChanges()
	}
	if s.tutor != nil {
		s.lessonLines(s.tutor.Observe(s.snapshot()))
	}
}

// isInterrupt reports whether a statement ended with KeyboardInterrupt.
func isInterrupt(err error) bool {
	var pe *PyError
	return errors.As(err, &pe) && pe.Class == "KeyboardInterrupt"
}

const echoHook = "__echo__"

// echoBuiltin prints the repr of a non-None value, as Python's prompt does.
func (s *Session) echoBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 1 && args[0] != starlark.None {
		s.echo, s.echoAny = args[0], true
		s.out.print(pyRepr(args[0]) + "\n")
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
