package repl

import (
	"flag"
	"fmt"
	"io"

	"sockrepl/lessons"
	"sockrepl/repl/python"
)

// lessonRunner runs a lesson's reference code in a fresh, quiet Session.
type lessonRunner struct{ s *Session }

func (r *lessonRunner) Exec(code string) lessons.Last {
	r.s.Exec(code)
	return r.s.last
}

func (r *lessonRunner) Snapshot(last lessons.Last) lessons.Snapshot {
	r.s.last = last
	return r.s.snapshot()
}

func (r *lessonRunner) Close() error { return r.s.Close() }

// Interrupt ends a statement that blocks, as Ctrl-C would: a replay step
// still waiting after lessons.StepTimeout fails instead of hanging.
func (r *lessonRunner) Interrupt() { r.s.Interrupt() }

// NewLessonRunner makes a Runner for one role of a lesson replay.
func NewLessonRunner(role, lang string) (lessons.Runner, error) {
	s, err := NewSession(Options{Role: role, Lang: lang})
	if err != nil {
		return nil, err
	}
	return &lessonRunner{s: s}, nil
}

// LessonsCommand is `sockrepl lessons [--lang L] [--verify [FILE...]]`:
// the catalogue, or a replay of reference solutions against live sockets.
func LessonsCommand(args []string, out, errw io.Writer) int {
	fs := flag.NewFlagSet("lessons", flag.ContinueOnError)
	fs.SetOutput(errw)
	verify := fs.Bool("verify", false, "replay reference solutions against live sockets")
	lang := fs.String("lang", "", "language of the text: en or zh")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	l := pickLang(*lang)
	all, err := lessons.Catalogue()
	if err != nil {
		fmt.Fprintln(errw, err)
		return 1
	}
	if fs.NArg() > 0 {
		all = nil
		for _, name := range fs.Args() {
			data, err := lessons.ReadFile(name)
			if err != nil {
				fmt.Fprintf(errw, "sockrepl: cannot read %s: %s\n", safeText(name), python.OSErrorText(err))
				return 1
			}
			ls, err := lessons.Parse(name, data)
			if err != nil {
				fmt.Fprintln(errw, safeText(err.Error()))
				return 1
			}
			all = append(all, ls)
		}
	}
	if !*verify {
		var st *lessons.Store
		if s, err := lessons.OpenStore(stateDir("")); err == nil {
			st = s
		}
		for _, line := range lessons.Listing(all, l, st) {
			fmt.Fprintln(out, safeText(line))
		}
		return 0
	}
	passed, failed := 0, 0
	for _, ls := range all {
		ok, report := lessons.Verify(ls, l, func(role string) (lessons.Runner, error) {
			return NewLessonRunner(role, l)
		})
		for _, line := range report {
			fmt.Fprintln(out, safeText(line))
		}
		if ok {
			passed++
		} else {
			failed++
		}
	}
	fmt.Fprintf(out, "%d passed, %d failed\n", passed, failed)
	if failed > 0 {
		return 1
	}
	return 0
}
