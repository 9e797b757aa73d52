package lessons

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Tutor follows one learner through one lesson in one role. It is not safe
// for concurrent use: the repl calls it from its evaluation loop.
type Tutor struct {
	l     *Lesson
	role  string
	lang  string
	store *Store

	steps []*Step      // this role's steps, in order
	pos   int          // index into steps; len(steps) when finished
	done  map[int]bool // numbers of the steps passed

	// stopped holds the steps whose check a limit or Ctrl-C cut short:
	// they are not checked after every statement any more (a slow check
	// would slow every statement), only by %check.
	stopped map[int]bool

	saveErr error
}

// NewTutor starts (or resumes, from store) lesson l in role. role may be
// "" when the lesson has one role. The error text is for the learner.
func NewTutor(l *Lesson, role, lang string, store *Store) (*Tutor, error) {
	if role == "" {
		if len(l.Roles) != 1 {
			return nil, errors.New(tr(lang, "Lesson %s has the roles %s: pick one, e.g. %%lesson %s %s.", l.ID,
				strings.Join(l.Roles, ", "), shortID(l.ID), l.Roles[0]))
		}
		role = l.Roles[0]
	}
	if !l.HasRole(role) {
		return nil, errors.New(tr(lang, "Lesson %s has no role %q; its roles are %s.", l.ID, role, strings.Join(l.Roles, ", ")))
	}
	t := &Tutor{l: l, role: role, lang: lang, store: store, steps: l.RoleSteps(role), done: map[int]bool{}, stopped: map[int]bool{}}
	if rp := store.get(l.ID, role); rp != nil {
		for _, n := range rp.Done {
			t.done[n] = true
		}
		t.pos = t.resumeAt(rp.At)
	}
	return t, nil
}

// resumeAt is the index of step number at; 0 means finished. A number the
// lesson no longer has (the file changed) resumes at the first step not
// passed.
func (t *Tutor) resumeAt(at int) int {
	if at == 0 {
		return len(t.steps)
	}
	for i, st := range t.steps {
		if st.N == at {
			return i
		}
	}
	for i, st := range t.steps {
		if !t.done[st.N] {
			return i
		}
	}
	return len(t.steps)
}

// Lesson is the lesson being followed.
func (t *Tutor) Lesson() *Lesson { return t.l }

// Role is this terminal's role.
func (t *Tutor) Role() string { return t.role }

// SaveErr is the last error saving progress, or nil.
func (t *Tutor) SaveErr() error { return t.saveErr }

// Current is the step to do now, or nil when the role's steps are done.
func (t *Tutor) Current() *Step {
	if t.pos >= len(t.steps) {
		return nil
	}
	return t.steps[t.pos]
}

// Finished reports whether every step of this role has been passed or
// skipped.
func (t *Tutor) Finished() bool { return t.Current() == nil }

// Intro returns the title, the intro and the current step, for when a
// lesson starts or resumes.
func (t *Tutor) Intro() []string {
	out := []string{tr(t.lang, "Lesson %s: %s", t.l.ID, text(t.l.Title, t.lang))}
	if in := text(t.l.Intro, t.lang); in != "" {
		out = append(out, wrap(in, width(), "  ")...)
	}
	if len(t.l.Roles) > 1 {
		out = append(out, wrap(tr(t.lang, "You are the %s. Each other role runs in a terminal of its own:", t.role), width(), "  ")...)
		for _, r := range t.l.Roles {
			if r != t.role {
				out = append(out, "    "+tr(t.lang, "sockrepl --role %s    then    %%lesson %s %s", r, shortID(t.l.ID), r))
			}
		}
	}
	if t.l.Needs == "root" && !isRoot() {
		out = append(out, wrap(tr(t.lang, "Some steps need root; as another user they show what happens instead."), width(), "  ")...)
	}
	if n := t.stepsNeeding("root"); n > 0 && !isRoot() {
		out = append(out, wrap(tr(t.lang, "%d of this terminal's steps need root: they are skipped here (run sockrepl as root to do them).", n), width(), "  ")...)
	}
	if n := t.stepsNeeding("capture"); n > 0 && !canCapture() {
		out = append(out, wrap(tr(t.lang, "%d of this terminal's steps need packet capture: they are skipped here (run sockrepl as root, or in sockrepl --lab, to do them).", n), width(), "  ")...)
	}
	switch {
	case t.pos > 0 && t.pos < len(t.steps):
		out = append(out, tr(t.lang, "Resuming at step %d (%%lesson reset starts over).", t.steps[t.pos].N))
	case t.pos >= len(t.steps):
		out = append(out, tr(t.lang, "You have been through this lesson before; %lesson reset starts it again."))
	}
	out = append(out, t.skipUnavailable()...)
	return append(out, t.StepText()...)
}

// stepsNeeding counts this role's steps that need root or capture.
func (t *Tutor) stepsNeeding(what string) int {
	n := 0
	for _, st := range t.steps {
		if st.Needs == what {
			n++
		}
	}
	return n
}

// skipUnavailable moves past steps this shell cannot do (they need root, or
// packet capture), counting them as done so that the other terminal's
// `after:` is met.
func (t *Tutor) skipUnavailable() []string {
	var out []string
	for st := t.Current(); st != nil && st.Unavailable(); st = t.Current() {
		msg := "Step %d needs root: skipped. (%s)"
		if st.Needs == "capture" {
			msg = "Step %d needs packet capture: skipped. (%s)"
		}
		out = append(out, wrap(tr(t.lang, msg, st.N, firstSentence(text(st.Say, t.lang))), width(), "")...)
		t.done[st.N] = true
		t.pos++
	}
	if out != nil {
		t.save()
	}
	return out
}

// firstSentence is the start of a step's text, for a one-line mention.
func firstSentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for i, r := range s {
		if r == '.' || r == '。' || r == ':' || r == '：' {
			return s[:i+len(string(r))]
		}
	}
	return truncate(s, 60)
}

// Leftovers warns, when a lesson starts, about sockets already open in the
// shell and variables already set: checks look at every socket and at the
// globals, so an old one can make a step pass early. Nothing when there
// are none.
func (t *Tutor) Leftovers(s Snapshot) []string {
	var names []string
	for _, sv := range s.Sockets {
		if sv.State.Closed {
			continue
		}
		n := sv.Name
		if n == "" {
			n = fmt.Sprintf("fd %d", sv.State.FD)
		}
		names = append(names, n)
	}
	var vars []string
	for name, v := range s.Globals {
		if strings.HasPrefix(name, "_") || v == nil || v.Type() == "module" {
			continue
		}
		vars = append(vars, name)
	}
	sort.Strings(vars)
	var out []string
	switch len(names) {
	case 0:
	case 1:
		out = append(out, wrap(tr(t.lang, "Note: 1 socket from before is still open (%s). Checks look at every socket, so close it first, or start a fresh sockrepl.", names[0]), width(), "")...)
	default:
		out = append(out, wrap(tr(t.lang, "Note: %d sockets from before are still open (%s). Checks look at every socket, so close them first, or start a fresh sockrepl.", len(names), strings.Join(names, ", ")), width(), "")...)
	}
	if len(vars) > 0 {
		out = append(out, wrap(tr(t.lang, "Note: variables from before are still set (%s), and checks look at them too: %%reset clears them (and closes every socket).", strings.Join(vars, ", ")), width(), "")...)
	}
	return out
}

// StepText returns the current step: its heading, text and code.
func (t *Tutor) StepText() []string {
	st := t.Current()
	if st == nil {
		return t.finished()
	}
	var out []string
	if len(t.l.Roles) > 1 {
		out = append(out, tr(t.lang, "Step %d/%d (%s)", st.N, len(t.l.Steps), st.Role))
	} else {
		out = append(out, tr(t.lang, "Step %d/%d", st.N, len(t.l.Steps)))
	}
	out = append(out, wrap(text(st.Say, t.lang), width(), "  ")...)
	if st.After > 0 && !t.hasPassedPartner(st.After) {
		out = append(out, wrap(tr(t.lang, "First wait for the %s terminal to finish step %d.", t.l.Step(st.After).Role, st.After), width(), "  ")...)
	}
	return append(out, t.code(st)...)
}

// hasPassedPartner reports whether the other terminal has recorded step n
// as passed; both terminals of a learner share the progress store.
func (t *Tutor) hasPassedPartner(n int) bool {
	rp := t.store.get(t.l.ID, t.l.Step(n).Role)
	if rp == nil {
		return false
	}
	for _, d := range rp.Done {
		if d == n {
			return true
		}
	}
	return false
}

// code renders a step's code as the learner types it, with prompts.
func (t *Tutor) code(st *Step) []string {
	var out []string
	for i, line := range strings.Split(st.Code, "\n") {
		p := "  ... "
		if i == 0 {
			p = "  >>> "
		}
		out = append(out, p+line)
	}
	return out
}

func (t *Tutor) finished() []string {
	var skipped []string
	for _, st := range t.steps {
		if !t.done[st.N] {
			skipped = append(skipped, fmt.Sprint(st.N))
		}
	}
	if len(skipped) > 0 {
		return wrap(tr(t.lang, "End of lesson %s, with steps not done: %s. %%back goes back to them.", t.l.ID, strings.Join(skipped, ", ")), width(), "")
	}
	out := []string{tr(t.lang, "Lesson %s finished: that was the last of this terminal's %d steps.", t.l.ID, len(t.steps))}
	if len(t.l.Roles) > 1 {
		out = append(out, tr(t.lang, "The other terminal may still have steps to finish."))
	}
	return append(out, tr(t.lang, "%lesson lists the other lessons."))
}

// Observe evaluates the current step's check after a statement. When it
// passes, the step is marked done and the tutor moves on by one step; the
// lines returned say so and show the next step. Nothing when not passed.
func (t *Tutor) Observe(s Snapshot) []string {
	st := t.Current()
	if st == nil || t.stopped[st.N] {
		return nil
	}
	ok, err := evalCheck(st, s)
	if stop, cut := t.cutShort(st, err); cut {
		return stop
	}
	if !ok && err == nil && st.usesKernel {
		// The other end's queues may lag the statement by a softirq: one
		// more look at a fresh listing before calling the step undone.
		time.Sleep(kernelSettle)
		ok, _ = evalCheck(st, s)
	}
	// The step's own word about the mistake it invites comes first: a
	// step can pass with it made (recv(5) of 12 bytes reads something).
	var out []string
	if st.Mistake != nil {
		if made, _ := evalCheck(st.Mistake, s); made {
			out = wrap(text(st.Fix, t.lang), width(), "")
		}
	}
	if !ok {
		return out
	}
	return append(out, t.pass(st)...)
}

// cutShort notes a check stopped by a limit or Ctrl-C, and says so.
func (t *Tutor) cutShort(st *Step, err error) ([]string, bool) {
	var cs *CheckStopped
	if !errors.As(err, &cs) {
		return nil, false
	}
	t.stopped[st.N] = true
	return wrap(tr(t.lang, "The check of step %d was stopped (%s), so it no longer runs after every statement: %%check runs it, %%next skips the step.",
		st.N, tr(t.lang, cs.Reason)), width(), ""), true
}

// kernelSettle is how long Observe waits before looking at the kernel
// listing again.
var kernelSettle = 30 * time.Millisecond

// Check evaluates the current step now and says whether it passed.
func (t *Tutor) Check(s Snapshot) []string {
	st := t.Current()
	if st == nil {
		return t.finished()
	}
	ok, err := evalCheck(st, s)
	if stop, cut := t.cutShort(st, err); cut {
		return stop
	}
	if ok {
		delete(t.stopped, st.N)
		return t.pass(st)
	}
	return []string{tr(t.lang, "Not yet: step %d is not done. %%hint gives a hint, %%show the code.", st.N)}
}

func (t *Tutor) pass(st *Step) []string {
	t.done[st.N] = true
	t.pos++
	t.save()
	out := []string{tr(t.lang, "✓ step %d done", st.N)}
	out = append(out, t.store.Notices(t.lang)...) // a save that failed says so at once
	out = append(out, t.skipUnavailable()...)
	return append(out, t.StepText()...)
}

// Next skips forward one step without passing it.
func (t *Tutor) Next() []string {
	if t.pos >= len(t.steps) {
		return append([]string{tr(t.lang, "There are no more steps.")}, t.finished()...)
	}
	var out []string
	if st := t.Current(); st != nil && !t.done[st.N] {
		out = append(out, tr(t.lang, "Step %d skipped: it is not marked done.", st.N))
	}
	t.pos++
	t.save()
	out = append(out, t.skipUnavailable()...)
	return append(out, t.StepText()...)
}

// Back goes back one step.
func (t *Tutor) Back() []string {
	if t.pos == 0 {
		return append([]string{tr(t.lang, "This is already the first step.")}, t.StepText()...)
	}
	t.pos--
	t.save()
	return t.StepText()
}

// Hint returns the step's hint, and a word about the exception the last
// statement raised when there is one to say.
func (t *Tutor) Hint(last Last) []string {
	var out []string
	if r := reaction(last, t.lang); r != "" {
		out = append(out, wrap(r, width(), "")...)
	}
	st := t.Current()
	if st == nil {
		return append(out, t.finished()...)
	}
	h := text(st.Hint, t.lang)
	if h == "" {
		h = tr(t.lang, "Type the code shown (%show), or your own line that reaches the same goal.")
	}
	return append(out, wrap(h, width(), "")...)
}

// Show returns the code of the current step.
func (t *Tutor) Show() []string {
	st := t.Current()
	if st == nil {
		return t.finished()
	}
	return t.code(st)
}

// Reset goes back to step 1 and clears the saved progress.
func (t *Tutor) Reset() []string {
	t.pos = 0
	t.done = map[int]bool{}
	t.saveErr = t.store.put(t.l.ID, t.role, nil)
	out := append([]string{tr(t.lang, "Progress cleared; back to step 1.")}, t.skipUnavailable()...)
	return append(out, t.StepText()...)
}

// save records the position and the steps passed.
func (t *Tutor) save() {
	rp := &roleProgress{Total: len(t.steps)}
	if st := t.Current(); st != nil {
		rp.At = st.N
	}
	for _, st := range t.steps {
		if t.done[st.N] {
			rp.Done = append(rp.Done, st.N)
		}
	}
	t.saveErr = t.store.put(t.l.ID, t.role, rp)
}

// shortID is the number a learner can type for a lesson: "01" of "01-echo".
func shortID(id string) string {
	if n, _, ok := strings.Cut(id, "-"); ok && n != "" && strings.Trim(n, "0123456789") == "" {
		return n
	}
	return id
}
