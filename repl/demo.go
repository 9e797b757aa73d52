package repl

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"sockrepl/lessons"
	"sockrepl/repl/python"
	"sockrepl/repl/python/translate"
)

// demo replays a teacher's file (demofile.go) one statement at a time. In
// the terminal each statement appears at the prompt already typed, with
// its comments above it; Enter runs it (edited or not) through the same
// path as a typed statement, and the next one appears. Ctrl-C at the
// prompt (or clearing the line) sets the statement aside: the teacher
// types something else, and the statement comes back at the next prompt.
// Line mode plays the whole file at once, echoing each statement after a
// prompt, as a transcript (runDemoLines).
type demo struct {
	file  *demoFile
	id    string // the progress store's key: "demo:" and the file's absolute path
	role  string
	steps []*demoStep // the steps this terminal plays
	pos   int         // index into steps; len(steps) when finished
	shown bool        // the current step's comments are out and its wait is over
	aside bool        // Ctrl-C set the statement aside until the next prompt
}

// cmdDemo: %demo FILE [ROLE] starts a demo, %demo skip|back|stop moves in
// it, %demo alone says where it is.
func (s *Session) cmdDemo(args []string) error {
	if len(args) == 0 {
		if s.demo == nil {
			return s.usage("usage: %%demo FILE.py [ROLE] | skip | back | stop")
		}
		s.out.plain(tr(s.lang, "demo %s: statement %d of %d", s.demo.file.name, min(s.demo.pos+1, len(s.demo.steps)), len(s.demo.steps)))
		return nil
	}
	switch args[0] {
	case "skip", "back", "stop":
		if len(args) > 1 {
			return s.usage("usage: %%demo FILE.py [ROLE] | skip | back | stop")
		}
		if s.demo == nil {
			return s.usage("no demo is running: %%demo FILE.py starts one")
		}
	}
	switch args[0] {
	case "skip":
		s.demo.move(s.demo.pos + 1)
	case "back":
		s.demo.move(s.demo.pos - 1)
	case "stop":
		s.demo = nil
		s.out.plain(tr(s.lang, "demo stopped"))
	default:
		if len(args) > 2 {
			return s.usage("usage: %%demo FILE.py [ROLE] | skip | back | stop")
		}
		role := s.opt.Role
		if len(args) == 2 {
			role = args[1]
		}
		if err := s.StartDemo(args[0], role); err != nil {
			return s.usage("%v", err)
		}
		if !s.opt.Terminal {
			return s.demoLines()
		}
	}
	return nil
}

// move makes step i current (kept within the file), to be shown afresh.
func (d *demo) move(i int) {
	d.pos = max(0, min(i, len(d.steps)))
	d.shown, d.aside = false, false
}

// StartDemo loads a demo file for role; the error is for the learner.
// The first statement is shown at the next prompt (demoAnnounce).
func (s *Session) StartDemo(name, role string) error {
	data, err := lessons.ReadFile(name)
	if err != nil {
		return errors.New(tr(s.lang, "cannot read %s: %v", name, python.OSErrorText(err)))
	}
	f, err := parseDemo(name, string(data))
	if err != nil {
		return err
	}
	steps := f.forRole(role)
	if steps == nil {
		return errors.New(tr(s.lang, "%s has sections for %s: pick one with --role ROLE or %%demo FILE ROLE", name, strings.Join(f.roles, ", ")))
	}
	if len(f.roles) == 0 {
		role = ""
	}
	path, err := filepath.Abs(name)
	if err != nil {
		path = name
	}
	d := &demo{file: f, id: "demo:" + path, role: role, steps: steps}
	if role != "" {
		// The other terminal waits on this one's record: start it afresh.
		if st := s.progress(); st != nil {
			st.DemoStart(d.id, role, len(steps))
		}
	}
	s.demo = d
	return nil
}

// demoMark is the progress mark in the prompt, "(3/12) ", or "".
func (s *Session) demoMark() string {
	if s.demo == nil || s.demo.pos >= len(s.demo.steps) {
		return ""
	}
	return fmt.Sprintf("(%d/%d) ", s.demo.pos+1, len(s.demo.steps))
}

// demoText is the statement the prompt starts with: the current step's,
// once announced and unless set aside.
func (s *Session) demoText() string {
	d := s.demo
	if d == nil || !d.shown || d.aside || d.pos >= len(d.steps) {
		return ""
	}
	return d.steps[d.pos].src
}

// demoAside sets the current statement aside (Ctrl-C at the prompt).
func (s *Session) demoAside() {
	if s.demo != nil {
		s.demo.aside = true
	}
}

// demoIsCurrent reports whether input, entered at the prompt, is the
// demo's statement: the one pre-filled, edited or not. Once set aside,
// only the statement itself counts, and a % command never does unless it
// is the step.
func (s *Session) demoIsCurrent(input string) bool {
	d := s.demo
	if d == nil || !d.shown || d.pos >= len(d.steps) || strings.TrimSpace(input) == "" {
		return false
	}
	src := d.steps[d.pos].src
	if strings.TrimSpace(input) == strings.TrimSpace(src) {
		return true
	}
	return !d.aside && !strings.HasPrefix(strings.TrimSpace(input), "%")
}

// demoRan records that the current statement ran (whatever its outcome)
// and moves to the next.
func (s *Session) demoRan() {
	d := s.demo
	if d == nil || d.pos >= len(d.steps) {
		return
	}
	if d.role != "" {
		if st := s.progress(); st != nil {
			st.DemoRan(d.id, d.role, d.steps[d.pos].n)
		}
	}
	d.move(d.pos + 1)
}

// demoAnnounce shows the current step, if not yet shown: its comments,
// then, for a section that waits, the wait for the other terminal. At the
// end of the file it says the demo is over. The terminal calls it after
// every prompt's input, with the statement-running terminal mode on, so
// Ctrl-C ends a wait.
func (s *Session) demoAnnounce() {
	d := s.demo
	if d == nil || s.ended {
		return
	}
	d.aside = false
	if d.shown {
		return
	}
	if d.pos >= len(d.steps) {
		if len(d.file.trailing) > 0 {
			s.out.comment(d.file.trailing...)
		}
		s.out.plain(tr(s.lang, "end of the demo"))
		s.demo = nil
		return
	}
	st := d.steps[d.pos]
	if len(st.comments) > 0 {
		s.out.comment(st.comments...)
	}
	if st.waitFor != "" && len(st.waitSteps) > 0 {
		s.demoWait(st)
	}
	d.shown = true
}

// demoPoll is how often a waiting terminal reads the other's progress.
const demoPoll = 100 * time.Millisecond

// demoWait waits until the other role's terminal has run the statements
// this step waits for. The status line says so; Ctrl-C stops waiting and
// leaves the statement to the teacher.
func (s *Session) demoWait(st *demoStep) {
	d := s.demo
	store := s.progress()
	if store == nil {
		s.out.dim(tr(s.lang, "cannot wait for the %s terminal: progress is not saved", st.waitFor))
		return
	}
	if store.DemoHasRun(d.id, st.waitFor, st.waitSteps) {
		return
	}
	what := tr(s.lang, "waiting for the %s terminal", st.waitFor)
	if !s.opt.Terminal || s.opt.Dumb {
		s.out.stderr(what + "\n") // no status line here
	}
	ready, stop, done := make(chan struct{}), make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(demoPoll)
		defer tick.Stop()
		for !store.DemoHasRun(d.id, st.waitFor, st.waitSteps) {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
		close(ready)
	}()
	s.rt.ClearInterrupt()
	_, err := s.rt.WaitChan("", what, ready, nil)
	close(stop)
	<-done
	s.out.endStatus()
	if err != nil {
		s.out.dim(tr(s.lang, "stopped waiting for the %s terminal", st.waitFor))
	}
}

// demoLines plays the demo in line mode (runDemoLines), and returns the
// *python.ExitError of an exit() in it.
func (s *Session) demoLines() error {
	s.runDemoLines()
	if s.ended {
		return &python.ExitError{Code: s.exitCode}
	}
	return nil
}

// runDemoLines plays the whole demo in line mode: each statement's
// comments, then the statement after a prompt, as if typed, then what it
// printed; a two-role section still waits for the other terminal.
func (s *Session) runDemoLines() {
	for s.demo != nil && !s.ended {
		s.demoAnnounce()
		d := s.demo
		if d == nil {
			return
		}
		src := d.steps[d.pos].src
		var b strings.Builder
		for i, l := range strings.Split(src, "\n") {
			if i == 0 {
				b.WriteString(">>> ")
			} else {
				b.WriteString("... ")
			}
			b.WriteString(l + "\n")
		}
		s.out.print(b.String())
		s.ExecChunk(translate.Chunk{Src: src})
		s.demoRan()
	}
}
