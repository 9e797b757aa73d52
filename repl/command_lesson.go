package repl

import (
	"strings"

	"sockrepl/repl/python"

	"go.starlark.net/starlark"

	"sockrepl/lessons"
	"sockrepl/sockets"
)

// cmdLesson: %lesson lists, %lesson ID [ROLE] starts, %lesson load FILE
// starts a teacher's file, %lesson reset restarts the current one.
func (s *Session) cmdLesson(args []string) error {
	all, err := lessons.Catalogue()
	if err != nil {
		// A broken lesson file is named; the others still work.
		s.out.exception(err.Error())
	}
	switch {
	case len(args) == 0:
		s.out.plain(lessons.Listing(all, s.lang, s.progress())...)
		s.lessonLines(nil) // a damaged progress file is said once
		s.out.plain(tr(s.lang, "start one with %lesson ID [ROLE], e.g. %lesson 1 server"))
		return nil
	case args[0] == "reset":
		if s.tutor == nil {
			return s.usage("no lesson is running: %%lesson lists them")
		}
		s.lessonLines(s.tutor.Reset())
		return nil
	case args[0] == "load":
		if len(args) < 2 {
			return s.usage("usage: %%lesson load FILE [ROLE]")
		}
		data, err := lessons.ReadFile(args[1])
		if err != nil {
			return s.usage("cannot read %s: %v", args[1], python.OSErrorText(err))
		}
		l, err := lessons.Parse(args[1], data)
		if err != nil {
			return s.usage("%v", err)
		}
		return s.startLesson(l, args[2:])
	}
	l := lessons.Find(all, args[0])
	if l == nil {
		return s.usage("no lesson %s: %%lesson lists them", args[0])
	}
	return s.startLesson(l, args[1:])
}

func (s *Session) startLesson(l *lessons.Lesson, args []string) error {
	role := s.opt.Role
	if len(args) > 0 {
		role = args[0]
		// This terminal was started for one role of a two-terminal
		// lesson: playing another here would leave that one without a
		// terminal, and the prompt would say the wrong role.
		if mine := s.opt.Role; mine != "" && role != mine && l.HasRole(mine) && l.HasRole(role) {
			return s.usage("this terminal is the %s (sockrepl --role %s): type %%lesson %s %s here, and play the %s in a terminal started with --role %s",
				mine, mine, args0(l), mine, role, role)
		}
	}
	if len(l.Roles) == 1 {
		role = l.Roles[0]
	}
	t, err := lessons.NewTutor(l, role, s.lang, s.progress())
	if err != nil {
		return s.usage("%v", err)
	}
	s.tutor = t
	s.lessonLines(t.Intro())
	s.lessonLines(t.Leftovers(s.snapshot()))
	return nil
}

// progress opens the lesson progress file the first time a lesson
// command needs it: a session that never uses lessons touches nothing in
// the learner's home. nil (no saving) when it cannot be opened, which is
// said once.
func (s *Session) progress() *lessons.Store {
	if s.store == nil && !s.storeFailed {
		st, err := lessons.OpenStore(stateDir(s.opt.StateDir))
		if err != nil {
			s.storeFailed = true
			s.out.lesson(lessons.UnsavedNotice(s.lang, err))
		}
		s.store = st
	}
	return s.store
}

func (s *Session) tutorOrUsage() bool {
	if s.tutor == nil {
		s.usage("no lesson is running: %%lesson lists them")
		return false
	}
	return true
}

func (s *Session) cmdNext([]string) error {
	if s.tutorOrUsage() {
		s.lessonLines(s.tutor.Next())
	}
	return nil
}

func (s *Session) cmdBack([]string) error {
	if s.tutorOrUsage() {
		s.lessonLines(s.tutor.Back())
	}
	return nil
}

func (s *Session) cmdHint([]string) error {
	if s.tutorOrUsage() {
		s.lessonLines(s.tutor.Hint(s.last))
	}
	return nil
}

func (s *Session) cmdShow([]string) error {
	if s.tutorOrUsage() {
		s.lessonLines(s.tutor.Show())
	}
	return nil
}

func (s *Session) cmdCheck([]string) error {
	if s.tutorOrUsage() {
		s.lessonLines(s.tutor.Check(s.snapshot()))
	}
	return nil
}

// lessonLines prints lesson text: in a terminal with its own colour,
// in line mode as plain text.
func (s *Session) lessonLines(lines []string) {
	lines = append(lines, s.store.Notices(s.lang)...)
	if len(lines) > 0 {
		s.out.lesson(lines...)
	}
}

// snapshot is the state a lesson check looks at; lessons turns it into
// read-only views.
func (s *Session) snapshot() lessons.Snapshot {
	names := s.interp.SocketNames()
	snap := lessons.Snapshot{
		Role:    s.opt.Role,
		Globals: starlark.StringDict{},
		Last:    s.last,
		Kernel: func() []sockets.KernelSocket {
			rows, _ := sockets.ListKernel()
			return rows
		},
		// Ctrl-C stops a check as it stops a statement.
		Guard: func(cancel func(string)) func() {
			s.mu.Lock()
			s.checkCancel = cancel
			s.mu.Unlock()
			return func() {
				s.mu.Lock()
				s.checkCancel = nil
				s.mu.Unlock()
			}
		},
	}
	if s.tutor != nil {
		snap.Role = s.tutor.Role()
	}
	snap.Shell = lessons.ShellView{Timeline: s.timeline}
	if s.wire != nil {
		s.wire.mu.Lock()
		snap.Shell.Packets = s.wire.cap != nil
		s.wire.mu.Unlock()
	}
	for k, v := range s.interp.Globals() {
		snap.Globals[k] = v
	}
	s.snapshotStates()
	for _, sk := range s.known {
		st := sk.State()
		snap.Sockets = append(snap.Sockets, lessons.SocketView{Name: label(names, sk, st), State: st})
	}
	return snap
}

// args0 is the short way to name a lesson: its number.
func args0(l *lessons.Lesson) string {
	if i := strings.IndexByte(l.ID, '-'); i > 0 {
		return l.ID[:i]
	}
	return l.ID
}

// afterWireCommand lets a lesson step whose code is %packets or %timeline
// see it done: the command becomes the last statement, and the tutor looks.
func (s *Session) afterWireCommand(cmd string, err error) {
	name := strings.Fields(cmd)[0]
	if name != "%packets" && name != "%timeline" {
		return
	}
	s.last = lessons.Last{Code: cmd, OK: err == nil}
	if s.tutor != nil {
		s.lessonLines(s.tutor.Observe(s.snapshot()))
	}
}
