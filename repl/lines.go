package repl

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"

	"sockrepl/repl/python"
	"sockrepl/repl/python/translate"
	"sockrepl/sockets"
)

// RunLines is line mode: it behaves like `python3 -i -q` fed the same
// lines. Results go to opt.Out, each exception's last line to opt.Err, and
// evaluation carries on. It returns the exit status: 0 at end of input,
// exit(n)'s n, or 130 after SIGINT ends a statement.
func RunLines(r io.Reader, opt Options) int {
	// input() reads the next line of the same stream, as in python3 -i.
	in := bufio.NewReader(r)
	opt.Stdin = in
	return withSession(opt, func(s *Session, interrupted *atomic.Bool) int {
		var c translate.Chunker
		for {
			line, readErr := in.ReadString('\n')
			if line != "" || readErr == nil {
				if chunk, ok := c.Add(line); ok {
					if code, done := s.lineResult(s.ExecChunk(chunk), interrupted); done {
						return code
					}
				}
			}
			if readErr != nil {
				break
			}
		}
		if c.Pending() {
			// End of input closes an open block, as a blank line would.
			if code, done := s.lineResult(s.ExecChunk(c.Flush()), interrupted); done {
				return code
			}
		}
		return 0
	})
}

// withSession runs body with a fresh Session whose SIGINT handling is on,
// and closes both afterwards: the set-up line and program modes share.
func withSession(opt Options, body func(s *Session, interrupted *atomic.Bool) int) int {
	var s *Session
	var err error
	keepLowFDsFree(func() { s, err = NewSession(opt) })
	if err != nil {
		io.WriteString(opt.Err, startupError(err)+"\n")
		return 1
	}
	defer s.Close()
	interrupted, stop := s.watchInterrupt()
	defer stop()
	return body(s, interrupted)
}

// lineResult decides whether line mode stops after a statement.
func (s *Session) lineResult(err error, interrupted *atomic.Bool) (int, bool) {
	var ex *python.ExitError
	if errors.As(err, &ex) {
		return ex.Code, true
	}
	if interrupted.Load() {
		return 130, true
	}
	return 0, false
}

// RunProgram runs a whole program, as `python3 FILE.py` or `python3 -c`
// do: no echo; an uncaught exception prints its traceback on stderr and
// ends the program with status 1 (130 for KeyboardInterrupt). name is the
// file's path as tracebacks show it, or "<string>" for -c.
func RunProgram(name, src string, opt Options) int {
	return withSession(opt, func(s *Session, interrupted *atomic.Bool) int {
		_, err := s.interp.Exec(name, src, python.Program)
		if err == nil {
			// Python waits for the threads that are not daemons.
			err = s.interp.WaitThreads()
		}
		s.out.endStatus()
		var ex *python.ExitError
		switch {
		case err == nil:
			return 0
		case errors.As(err, &ex):
			if ex.Message != nil {
				io.WriteString(opt.Err, python.Str(ex.Message)+"\n")
			}
			return ex.Code
		}
		io.WriteString(opt.Err, s.interp.Traceback(err))
		if errors.Is(err, python.ErrInterrupted) {
			return 130
		}
		return 1
	})
}

// CantOpenFile is what python3 says of a program file it cannot read
// (name made absolute, as python3 shows it), after "sockrepl: ".
func CantOpenFile(name string, err error) string {
	return fmt.Sprintf("sockrepl: can't open file %s: %s", sockets.Repr(name), python.OSErrorText(err))
}

// watchInterrupt turns SIGINT into Session.Interrupt for as long as the
// returned stop function has not been called.
func (s *Session) watchInterrupt() (*atomic.Bool, func()) {
	var flag atomic.Bool
	sig := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(sig, syscall.SIGINT)
	go func() {
		for {
			select {
			case <-sig:
				flag.Store(true)
				s.Interrupt()
			case <-done:
				return
			}
		}
	}()
	return &flag, func() {
		signal.Stop(sig)
		close(done)
	}
}

// startupError explains a Session that could not start.
func startupError(err error) string {
	return "sockrepl: cannot start: " + err.Error()
}
