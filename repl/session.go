package repl

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"go.starlark.net/starlark"

	"sockrepl/lab"
	"sockrepl/lessons"
	"sockrepl/repl/python"
	"sockrepl/repl/python/translate"
	"sockrepl/sockets"
)

// Options configures a Session.
type Options struct {
	Out, Err io.Writer
	Role     string // shown in the prompt and used by two-terminal lessons
	Lang     string // "en" or "zh"; "" picks from LANG / LC_ALL
	Color    bool
	Theme    string // ThemeDefault, ThemeProjector or ThemePlain; "" is the default
	Terminal bool   // interactive: status lines, notices and hints
	ASCII    bool   // the terminal is not UTF-8: write ASCII only (asciiWriter)
	Dumb     bool   // the terminal has no cursor control: status as whole lines
	StateDir string // history and lesson progress; "" means the XDG default
	// NumericReprs prints socket reprs as CPython 3.11-3.13 do
	// (family=2, type=1) instead of by name (--repr numeric).
	NumericReprs bool
	Width        func() int
	// Argv is sys.argv for a program: its path, then its arguments.
	Argv []string
	// Demo is a demo file to play from the start (--demo), for Role.
	Demo string
	// Stdin is where input() and sys.stdin read, in line and program
	// mode (in the terminal the shell reads the terminal itself).
	Stdin *bufio.Reader

	program bool // RunProgram: globals start as python3's, without the prompt's modules
	// Lab is the lab this shell runs in (sockrepl --lab), for %lab.
	Lab *lab.Client
}

// Session evaluates statements against one set of globals and sockets.
type Session struct {
	opt    Options
	lang   string
	rt     *sockets.Runtime
	interp *python.Interp
	out    *screen

	mu          sync.Mutex          // guards checkCancel
	checkCancel func(reason string) // stops the lesson check running, if any

	saved       []savedStmt // statements that ran without an exception, for %save
	inputs      []string    // everything typed, for %history
	prev        map[*sockets.Socket]sockets.State
	watch       *sockets.Watch               // which sockets may have changed, with many open (notice.go)
	names       map[*sockets.Socket][]string // the variables holding each socket, at the last notices
	known       []*sockets.Socket            // every socket seen after a statement, closed ones too
	last        lessons.Last
	tutor       *lessons.Tutor
	store       *lessons.Store
	storeFailed bool                   // OpenStore failed once: said, not retried
	value       starlark.Value         // the last value the running statement echoed
	echoed      map[python.EchoPos]int // where the running statement's echoes came from
	// readInput, set by the terminal, reads a line typed at the terminal
	// while a statement runs (input()).
	readInput func() (string, error)
	tracing   bool
	demo      *demo                // the demo being played (demo.go), or nil
	wire      *wire                // %packets and %timeline (packets.go); nil until first used
	timeline  lessons.TimelineView // the last %timeline drawn, for lesson checks
	counters  map[string]int64     // the kernel's counters at the last %nstat
	ended     bool                 // exit() or %quit
	exitCode  int
}

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
	rt.SetNumericReprs(opt.NumericReprs)
	s := &Session{
		opt:  opt,
		lang: pickLang(opt.Lang),
		rt:   rt,
		prev: map[*sockets.Socket]sockets.State{},
	}
	if opt.ASCII {
		opt.Out, opt.Err = asciiWriter{opt.Out}, asciiWriter{opt.Err}
	}
	s.out = newScreen(opt.Out, opt.Err, pickTheme(opt.Theme, opt.Color), opt.Terminal, opt.Width)
	s.out.lines = opt.Dumb
	s.interp = python.New(rt, python.Options{
		Print:    s.out.print,
		Stderr:   s.out.stderr,
		ReadLine: s.readLine,
		Argv:     opt.Argv,
		Prelude:  !opt.program,
	})
	if opt.Terminal {
		rt.SetObserver(s.out.progress(s.lang))
	}
	return s, nil
}

// readLine reads a line of standard input for the program: from the
// terminal when the shell has one, else from Options.Stdin.
func (s *Session) readLine() (string, error) {
	if s.readInput != nil {
		return s.readInput()
	}
	if s.opt.Stdin == nil {
		return "", io.EOF
	}
	return s.opt.Stdin.ReadString('\n')
}

// Close closes every socket the session opened and its wake fd.
func (s *Session) Close() error {
	s.stopCapture()
	if s.watch != nil {
		s.watch.Close()
	}
	s.interp.Close()
	err := s.rt.Close()
	s.interp.Wait()
	return err
}

// Interrupt ends the running statement with KeyboardInterrupt: a blocked
// call returns, and a busy loop stops at its next step. Safe from a
// signal-handling goroutine.
func (s *Session) Interrupt() {
	s.out.interrupt()
	s.interp.Interrupt()
	s.mu.Lock()
	if s.checkCancel != nil {
		s.checkCancel("KeyboardInterrupt")
	}
	s.mu.Unlock()
}

// Ended reports whether exit(), quit() or %quit was called, and the status.
func (s *Session) Ended() (bool, int) { return s.ended, s.exitCode }

// Exec runs one complete statement or block, or a % command, and prints
// what it produces. It returns the exception (already printed), a
// *python.ExitError when the session should end, or nil.
func (s *Session) Exec(src string) error { return s.ExecChunk(translate.Chunk{Src: src}) }

// ExecChunk is Exec for a chunk the chunker made, which may carry the
// syntax error that the typed lines can only end in.
func (s *Session) ExecChunk(c translate.Chunk) (err error) {
	src := c.Src
	defer func() {
		// A bug of ours must not cost the learner the shell or its sockets.
		if r := recover(); r != nil {
			err = s.report(&python.PyError{Class: "SystemError", Msg: fmt.Sprintf("sockrepl internal error: %v", r)})
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
		s.showPacketsBetween()
		err := s.command(cmd)
		s.afterWireCommand(cmd, err)
		return err
	}
	s.wireBefore()
	err = s.run(c, python.Single)
	s.afterStatement(src, err)
	var ex *python.ExitError
	if errors.As(err, &ex) {
		return ex
	}
	if err == nil {
		s.saved = append(s.saved, savedStmt{src: src, echoed: s.echoed})
		return nil
	}
	return err
}

// run evaluates one chunk of Python source. In Single mode expression
// statements echo their values, as at Python's prompt.
func (s *Session) run(c translate.Chunk, mode python.Mode) error {
	s.value, s.echoed = nil, nil
	if c.Err != nil {
		return s.report(python.AsException(c.Err))
	}
	res, err := s.interp.Exec("<stdin>", c.Src, mode)
	s.out.endStatus()
	s.value, s.echoed = res.Value, res.Echoed
	if err != nil {
		var ex *python.ExitError
		if errors.As(err, &ex) {
			s.ended, s.exitCode = true, ex.Code
			if ex.Message != nil {
				s.out.stderr(python.Str(ex.Message) + "\n") // exit("message")
			}
			return ex
		}
		return s.report(python.AsException(err))
	}
	return nil
}

// report prints an exception the way Python's prompt ends a traceback,
// with a hint in terminal mode, and returns it.
func (s *Session) report(e *python.PyError) error {
	for _, line := range s.interp.Summary(e) {
		s.out.exception(line)
	}
	if s.opt.Terminal {
		if h := s.hintFor(e); h != "" {
			for _, l := range s.wrapped(h) {
				s.out.dim(l)
			}
		}
	}
	return e
}

// afterStatement records the outcome for lessons and prints what changed
// in the kernel since the last statement.
func (s *Session) afterStatement(src string, err error) {
	s.last = lessons.Last{Code: src, OK: err == nil, Value: s.value}
	var pe *python.PyError
	if errors.As(err, &pe) {
		s.last.Error, s.last.Errno = pe.Class, pe.Errno
	}
	s.interp.SettleAfterStatement() // close what the statement left unreferenced, as CPython does
	if s.opt.Terminal {
		s.ShowChanges()
	} else {
		s.interp.Unreferenced() // python3 -i says nothing of them either
		s.showPackets()
	}
	if s.tutor != nil {
		s.lessonLines(s.tutor.Observe(s.snapshot()))
	}
}

// isInterrupt reports whether a statement ended with KeyboardInterrupt.
func isInterrupt(err error) bool { return errors.Is(err, python.ErrInterrupted) }

// wrapped cuts a long line of the shell's own at word boundaries to the
// terminal's width; unchanged when the width is unknown.
func (s *Session) wrapped(text string) []string {
	if s.opt.Width == nil {
		return []string{text}
	}
	return lessons.Wrap(text, s.opt.Width()-1)
}
