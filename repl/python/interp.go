package python

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"go.starlark.net/starlark"

	"sockrepl/repl/python/translate"
	"sockrepl/repl/python/translate/pyparse"
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
	// Stderr receives what the program writes to sys.stderr. Nil
	// discards it.
	Stderr func(string)
	// ReadLine reads one line of standard input, with its newline, for
	// input() and sys.stdin; io.EOF at the end. Nil means no input.
	ReadLine func() (string, error)
	// Argv is sys.argv: the program's path, then its arguments.
	Argv []string
	// Prelude binds socket, select, struct, time and os before the first
	// statement, so that a learner at the prompt can type
	// socket.socket() at once. A program starts as python3's does,
	// without them.
	Prelude bool
}

// Interp is one Python interpreter: one live global namespace over one
// sockets.Runtime. The shell, the lessons and every test run statements
// through Exec, so all of them take the same path:
//
//	source -> pyparse.Parse -> translate.Lower -> starlark.ExecREPLChunk
type Interp struct {
	rt       *sockets.Runtime
	opt      Options
	globals  *globalNS           // the program's names
	builtins starlark.StringDict // Python's built-in names, read after globals
	helpers  starlark.StringDict // what lowered code calls, by translate.Helper name

	// The global interpreter lock (threads.go): only the Python thread
	// holding it runs Starlark code. current is that thread; main is the
	// program's (the prompt's) own, which Ctrl-C interrupts.
	gil     sync.Mutex
	current *pyThread
	main    *pyThread
	threads threadSet

	mu sync.Mutex // guards each thread's active, and pairs interrupts with their acknowledgement

	sockets  *sockRegistry   // the socket objects, to close those nothing refers to
	echo     starlark.Value  // last value echoed by the running statement
	echoedAt map[EchoPos]int // where the running statement's echoes came from
	programs map[string]*translate.Program
	// recvSites are the compiled programs' recv sites by file identity,
	// mainProgram the file of the program Exec is running (nil between
	// programs and at the prompt), recvGuard off once len or print is a
	// global (recvreuse.go).
	recvSites   map[*string]map[[2]int32]translate.RecvSite
	mainProgram *string
	recvGuard   recvGuard
	recvReused  atomic.Int64 // recvs that reused a buffer, for tests

	modules map[string]starlark.Value
	gens    generators
	iterErr error // what a failed iterator left for its loop (failIteration)
	// iterFailures pairs each loop cancelled by a failed iterator with
	// the error it stands for, for the statement running.
	iterFailures map[*starlark.EvalError]error
	// failed is the last socket method that raised in this statement
	// (LastFailedCall): the shell's hints look at that socket.
	failed FailedCall
	// warned holds the DeprecationWarnings already shown, mainFile the
	// file Exec last ran, __main__'s (warnings.go).
	warned   map[string]bool
	mainFile string
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
	// Echoed counts the values echoed by each expression statement, by
	// where the statement starts (%save writes those as print(repr(...))).
	Echoed map[EchoPos]int
}

// EchoPos is where an expression statement starts: 1-based line and
// column, as pyparse's Lineno and ColOffset+1.
type EchoPos struct{ Line, Col int }

// ExitError is returned by Exec when the program asked to end (exit(),
// quit(), sys.exit(), raise SystemExit) and nothing caught it. Code is
// the exit status; Message, when not nil, is what sys.exit(msg) prints on
// stderr.
type ExitError struct {
	Code    int
	Message starlark.Value
}

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
// and dict methods. It runs once, from the first New, rather than in
// init(), so that importing the package changes nothing.
func setup() {
	setupOnce.Do(func() {
		patchStringMethods()
		patchListMethods()
		// [x] * n is Starlark's own operator: held to the size a list
		// built from a range may have (a repeat of 10**9 items cannot be
		// stopped by the memory watch while it copies for a minute).
		starlark.MaxRepeat = maxElems
	})
}

// New makes an interpreter over rt, which the caller owns and closes.
func New(rt *sockets.Runtime, opt Options) *Interp {
	setup()
	if opt.Print == nil {
		opt.Print = func(string) {}
	}
	if opt.Stderr == nil {
		opt.Stderr = func(string) {}
	}
	if opt.HeapGrowth == 0 {
		opt.HeapGrowth = maxGrowth
	}
	in := &Interp{rt: rt, opt: opt, programs: map[string]*translate.Program{}, modules: newModules(rt)}
	in.builtins = newBuiltins()
	in.helpers = in.newHelpers()
	in.main = &pyThread{name: "MainThread", ident: mainIdent, isMain: true, done: make(chan struct{})}
	in.sockets = &sockRegistry{}
	registries.Store(rt, in.sockets)
	rt.SetWaitHooks(&sockets.WaitHooks{Enter: in.waitEnter, Leave: in.waitLeave, Settled: in.sockets.sweep})
	in.Reset()
	return in
}

// Reset gives the interpreter a fresh set of names: the built-in modules
// and __name__. Sockets are the Runtime's: closing them is the caller's
// choice. Generators left suspended are closed.
func (in *Interp) Reset() {
	in.acquire(in.main)
	defer in.release()
	in.gens.closeAll()
	in.globals = newGlobals(in.modules, in.opt.Prelude)
	in.globals.fallBackTo(in.builtins)
	in.globals.guard = &in.recvGuard
	in.globals.watch(in.sockets)
}

// Close ends what the interpreter still runs: suspended generators, and
// threads (whose waits the caller ends by closing the Runtime next; Wait
// then waits for them).
func (in *Interp) Close() {
	registries.Delete(in.rt)
	in.threads.cancelAll(in)
	in.acquire(in.main)
	in.gens.closeAll()
	in.release()
}

// Wait waits up to a second for every thread to end after Close and the
// Runtime's.
func (in *Interp) Wait() { in.threads.waitAll(time.Second) }

// WaitThreads waits for the threads that are not daemons to finish, as
// Python does before a program exits. Ctrl-C ends the wait.
func (in *Interp) WaitThreads() error { return in.threads.joinNonDaemon(in) }

// Runtime is the sockets runtime the interpreter's socket module uses.
func (in *Interp) Runtime() *sockets.Runtime { return in.rt }

// Globals is a copy of the global namespace, taken now.
func (in *Interp) Globals() starlark.StringDict { return in.globals.Dict() }

// Lookup returns the value of a global name.
func (in *Interp) Lookup(name string) (starlark.Value, bool) {
	return in.globals.Get(name)
}

// Interrupt ends the running statement with KeyboardInterrupt where the
// program is: a blocked call returns, and a busy loop stops at its next
// step. Safe from a signal-handling goroutine.
func (in *Interp) Interrupt() {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.rt.Interrupt()
	if in.main.active != nil {
		in.main.active.Cancel("KeyboardInterrupt")
	}
}

// acknowledge clears an interrupt (or the memory watch's stop) that a
// try statement caught, so that the handler runs. The lock pairs it with
// Interrupt: a Ctrl-C is either wholly before it or wholly after.
func (in *Interp) acknowledge(thread *starlark.Thread) {
	in.mu.Lock()
	defer in.mu.Unlock()
	thread.Uncancel()
	in.rt.ClearInterrupt()
}

// setActive makes thread the Starlark thread the running Python thread
// runs on (its own, or a generator's it resumed); it returns the previous.
func (in *Interp) setActive(thread *starlark.Thread) *starlark.Thread {
	in.mu.Lock()
	defer in.mu.Unlock()
	t := in.current
	if t == nil {
		t = in.main
	}
	prev := t.active
	t.active = thread
	return prev
}

// activeThread is the thread running now, for calls that Starlark makes
// without one (a __repr__, a property, an operator method).
func (in *Interp) activeThread() *starlark.Thread {
	if in != nil {
		in.mu.Lock()
		var t *starlark.Thread
		if in.current != nil {
			t = in.current.active
		}
		in.mu.Unlock()
		if t != nil {
			return t
		}
	}
	return in.newThread("dunder")
}

// call calls fn on the active thread. These calls (a __repr__ calling
// repr(self), a __getattr__ reading a missing attribute) recurse
// without naming themselves, so the recursion limit is checked here.
func (in *Interp) call(fn starlark.Value, args []starlark.Value) (starlark.Value, error) {
	thread := in.activeThread()
	if err := checkRecursion(thread, ""); err != nil {
		return nil, err
	}
	return starlark.Call(thread, fn, args, nil)
}

// newThread makes a Starlark thread that knows this interpreter.
func (in *Interp) newThread(name string) *starlark.Thread {
	t := &starlark.Thread{Name: name}
	if in != nil {
		t.Print = func(_ *starlark.Thread, msg string) { in.opt.Print(msg) }
		t.Host = &threadLocals{in: in}
		in.threads.preemptible(in, t)
	}
	return t
}

// interpOf is the interpreter running thread.
func interpOf(thread *starlark.Thread) *Interp {
	if thread == nil {
		return nil
	}
	if st, ok := thread.Host.(*threadLocals); ok {
		return st.in
	}
	return nil
}

// Exec runs one complete statement or block (Single), or a whole program
// (Program), read from the file name (a path, or "<stdin>"). It returns
// the exception as a *PyError, an *ExitError when the program asked to
// end, or nil.
func (in *Interp) Exec(name, src string, mode Mode) (Result, error) {
	in.acquire(in.main)
	in.reapGenerators()
	in.release()
	in.rt.ClearInterrupt()
	in.echo = nil
	in.echoedAt = nil
	in.iterFailures = nil
	in.failed = FailedCall{}
	prog, err := compile(name, src, mode)
	if err != nil {
		return Result{}, err
	}
	in.programs[name] = prog
	in.noteRecvSites(prog)
	if mode == Program {
		in.mainProgram = prog.FileID
		defer func() { in.mainProgram = nil }()
	}
	in.mainFile = name
	in.acquire(in.main)
	defer in.release()
	thread := in.newThread("main")
	prev := in.setActive(thread)
	stopWatch := watchMemory(in, in.opt.HeapGrowth)
	err = starlark.ExecREPLChunk(prog.File, thread, in.helpers)
	stopWatch()
	in.setActive(prev)
	in.reapGenerators()
	for _, n := range prog.Globals {
		delete(in.helpers, n)
	}
	res := Result{Echoed: in.echoedAt}
	if in.echo != nil {
		in.globals.Set("_", in.echo)
		res.Value = in.echo
	}
	if err != nil {
		var ex *ExitError
		if errors.As(err, &ex) {
			return res, ex
		}
		conv, changed := in.resolveIter(thread, err)
		pe := asPyError(conv)
		if changed {
			pe.raw = err // the loop's cancellation: frames() pairs it with conv
		}
		return res, pe
	}
	return res, nil
}

// compile parses and lowers source.
func compile(name, src string, mode Mode) (*translate.Program, error) {
	if err := checkEncoding(src); err != nil {
		return nil, err
	}
	m, err := pyparse.Parse(name, src)
	if err != nil {
		return nil, syntaxError(err)
	}
	tm := translate.Exec
	if mode == Single {
		tm = translate.Single
	}
	prog, err := translate.Lower(name, src, m, tm)
	if err != nil {
		return nil, asPyError(err)
	}
	return prog, nil
}

// SocketNames maps each socket held in a global variable (directly, or
// inside a tuple such as the result of accept()) to the variable names
// that hold it, sorted.
//
// It takes the global interpreter lock, so that a Python thread running
// meanwhile cannot change the globals under it: call it between
// statements, never from code that Exec runs.
func (in *Interp) SocketNames() map[*sockets.Socket][]string {
	in.acquire(in.main)
	defer in.release()
	names := map[*sockets.Socket][]string{}
	for _, k := range in.globals.SortedNames() {
		if k == "_" {
			continue
		}
		v, _ := in.globals.Get(k)
		switch v := v.(type) {
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

// echo prints the repr of a non-None value, as Python's prompt does.
func (in *Interp) echoValue(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 1 && args[0] != starlark.None {
		// A __repr__ that fails raises here, and _ is None, as CPython's
		// displayhook leaves it.
		s, err := reprOf(thread, args[0])
		if err != nil {
			in.globals.Set("_", starlark.None)
			return nil, err
		}
		in.echo = args[0]
		if in.echoedAt == nil {
			in.echoedAt = map[EchoPos]int{}
		}
		pos := thread.CallFrame(1).Pos
		in.echoedAt[EchoPos{int(pos.Line), int(pos.Col)}]++
		in.opt.Print(s + "\n")
	}
	return starlark.None, nil
}

// checkEncoding refuses what CPython refuses before it tokenizes: NUL
// bytes, and bytes that are not UTF-8.
func checkEncoding(src string) error {
	if strings.IndexByte(src, 0) >= 0 {
		return &PyError{Class: "SyntaxError", Msg: "source code string cannot contain null bytes"}
	}
	if utf8.ValidString(src) {
		return nil
	}
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRuneInString(src[i:])
		if r == utf8.RuneError && n == 1 {
			return pyErrorf("SyntaxError", "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte", src[i], i)
		}
		i += n
	}
	return nil
}
