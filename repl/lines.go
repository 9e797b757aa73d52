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

// ExitBySignal is the status RunLines, RunProgram and RunTerminal return
// to ask main to end the process by sig, as python3 does: after an
// uncaught KeyboardInterrupt it dies by SIGINT (so that a shell loop
// running it stops too), and SIGTERM or SIGHUP kill it. Statuses are
// otherwise 0..255; this one is negative: -sig.
func ExitBySignal(sig syscall.Signal) int { return -int(sig) }

// RunLines is line mode: it behaves like `python3 -i -q` fed the same
// lines. Results go to opt.Out, each exception's last line to opt.Err, and
// evaluation carries on, also after a SIGINT: one during a statement ends
// it with KeyboardInterrupt, one while input is awaited drops the lines of
// a half-read statement and prints KeyboardInterrupt. It returns the exit
// status: 0 at end of input, or exit(n)'s n.
func RunLines(r io.Reader, opt Options) int {
	return withSession(opt, func(s *Session, sig *interrupts) int {
		var c translate.Chunker
		lines, stop := readLines(r)
		defer stop()
		// input() reads the next line of the same stream, as in python3 -i.
		s.readInput = func() (string, error) { return sig.input(lines) }
		if opt.Demo != "" {
			// The demo plays first, as a transcript; then the input is read.
			if err := s.StartDemo(opt.Demo, opt.Role); err != nil {
				io.WriteString(opt.Err, "sockrepl: "+safeText(err.Error())+"\n")
				return 2
			}
			if code, done := s.lineResult(sig.run(s.demoLines)); done {
				return code
			}
		}
		for {
			line, ok, interrupted := nextLine(lines, sig.idle)
			switch {
			case interrupted:
				c.Reset()
				s.out.exception("KeyboardInterrupt")
				continue
			case !ok && c.Pending():
				// End of input closes an open block, as a blank line would.
				code, _ := s.lineResult(sig.run(func() error { return s.ExecChunk(c.Flush()) }))
				return code
			case !ok:
				return 0
			}
			if chunk, ok := c.Add(line); ok {
				if code, done := s.lineResult(sig.run(func() error { return s.ExecChunk(chunk) })); done {
					return code
				}
			}
		}
	})
}

// nextLine waits for a line (ok false at the end of input) or a SIGINT.
// A line already read comes first: it was typed before the interrupt.
func nextLine(lines <-chan string, idle <-chan struct{}) (line string, ok, interrupted bool) {
	select {
	case line, ok = <-lines:
		return line, ok, false
	default:
	}
	select {
	case line, ok = <-lines:
		return line, ok, false
	case <-idle:
		return "", true, true
	}
}

// readLines reads r line by line in a goroutine of its own, so that a
// SIGINT can be seen while a read waits. stop ends the goroutine unless it
// is blocked in a read, which the end of input or of the process ends.
func readLines(r io.Reader) (<-chan string, func()) {
	ch := make(chan string)
	done := make(chan struct{})
	go func() {
		defer close(ch)
		in := bufio.NewReader(r)
		for {
			line, err := in.ReadString('\n')
			if line != "" {
				select {
				case ch <- line:
				case <-done:
					return
				}
			}
			if err != nil {
				return
			}
		}
	}()
	return ch, func() { close(done) }
}

// withSession runs body with a fresh Session whose SIGINT handling is on,
// and closes both afterwards: the set-up line and program modes share.
func withSession(opt Options, body func(s *Session, sig *interrupts) int) int {
	var s *Session
	var err error
	keepLowFDsFree(func() { s, err = NewSession(opt) })
	if err != nil {
		io.WriteString(opt.Err, startupError(err)+"\n")
		return 1
	}
	defer s.Close()
	sig := watchInterrupts(s)
	defer sig.stop()
	return body(s, sig)
}

// lineResult decides whether line mode stops after a statement.
func (s *Session) lineResult(err error) (int, bool) {
	var ex *python.ExitError
	if errors.As(err, &ex) {
		return ex.Code, true
	}
	return 0, false
}

// RunProgram runs a whole program, as `python3 FILE.py` or `python3 -c`
// do: no echo; an uncaught exception prints its traceback on stderr and
// ends the program with status 1, and an uncaught KeyboardInterrupt ends
// it by SIGINT. name is the file's path as tracebacks show it, or
// "<string>" for -c.
func RunProgram(name, src string, opt Options) int {
	opt.program = true
	return withSession(opt, func(s *Session, sig *interrupts) int {
		err := sig.run(func() error {
			_, err := s.interp.Exec(name, src, python.Program)
			if err == nil {
				// Python waits for the threads that are not daemons.
				err = s.interp.WaitThreads()
			}
			return err
		})
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
			return ExitBySignal(syscall.SIGINT)
		}
		return 1
	})
}

// CantOpenFile is what python3 says of a program file it cannot read
// (name made absolute, as python3 shows it), after "sockrepl: ".
func CantOpenFile(name string, err error) string {
	return fmt.Sprintf("sockrepl: can't open file %s: %s", sockets.Repr(name), python.OSErrorText(err))
}

// interrupts turns SIGINT into Session.Interrupt while a statement runs,
// and into a note on idle while line mode waits for input. A SIGINT that
// was ignored when the process started stays ignored, as in python3.
type interrupts struct {
	running   atomic.Bool
	idle      chan struct{} // a SIGINT came while no statement ran
	inputStop chan struct{} // a SIGINT came while a statement ran: input() stops
	sig       chan os.Signal
	done      chan struct{}
}

func watchInterrupts(s *Session) *interrupts {
	in := &interrupts{idle: make(chan struct{}, 1), inputStop: make(chan struct{}, 1),
		sig: make(chan os.Signal, 1), done: make(chan struct{})}
	notifyUnlessIgnored(in.sig, syscall.SIGINT)
	go func() {
		for {
			select {
			case <-in.sig:
				note := in.idle
				if in.running.Load() {
					s.Interrupt()
					note = in.inputStop
				}
				select {
				case note <- struct{}{}:
				default:
				}
			case <-in.done:
				return
			}
		}
	}()
	return in
}

// run runs a statement with SIGINT aimed at it.
func (in *interrupts) run(f func() error) error {
	select {
	case <-in.inputStop: // an old one, for a statement that has ended
	default:
	}
	in.running.Store(true)
	defer in.running.Store(false)
	return f()
}

// input reads a line for input() from lines; a SIGINT ends the wait.
func (in *interrupts) input(lines <-chan string) (string, error) {
	select {
	case line, ok := <-lines:
		if !ok {
			return "", io.EOF
		}
		return line, nil
	case <-in.inputStop:
		return "", python.ErrInterrupted
	}
}

func (in *interrupts) stop() {
	signal.Stop(in.sig)
	close(in.done)
}

// startupError explains a Session that could not start.
func startupError(err error) string {
	return "sockrepl: cannot start: " + err.Error()
}
