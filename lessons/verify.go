package lessons

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"sockrepl/sockets/capture"
)

// Runner executes a lesson's code in one role's fresh session; the repl
// implements it.
type Runner interface {
	Exec(code string) Last
	Snapshot(last Last) Snapshot
	Close() error
}

// Interrupter is a Runner that can stop a statement that blocks. Verify
// interrupts a step still running after StepTimeout; a Runner without it
// is waited for however long it takes.
type Interrupter interface {
	Interrupt()
}

// StepTimeout bounds one step of a replay (see Interrupter).
var StepTimeout = 30 * time.Second

// settle is how long a replay waits for a check that is false right after
// its code to come true, looking every settleStep.
var settle, settleStep = time.Second, 20 * time.Millisecond

// isRoot reports whether steps marked `needs: root` can run; tests replace
// it.
var isRoot = func() bool { return os.Geteuid() == 0 }

// canCapture says whether packet capture works here (a variable, so
// tests can say otherwise).
var canCapture = capture.Available

// Verify replays lesson l and returns one report line: "ok   01-echo  16
// steps" or "FAIL 01-echo step 4 (server): what went wrong".
//
// The first replay runs the reference solution: one Runner per role (made
// by newRunner, in the order of l.Roles, closed in reverse order), the
// steps in file order, each step's check required false before its code
// and true after. At the end no socket may be left open in any role, and
// no Unix socket's path left on disk.
//
// When steps give an `alt` or a `wrong` solution, a second replay, in
// fresh Runners, tries them: before a step's code (or its alt, which then
// replaces the code), its wrong answer runs and the check must stay false.
//
// Steps that need root or packet capture are skipped without it.
func Verify(l *Lesson, lang string, newRunner func(role string) (Runner, error)) (ok bool, report []string) {
	r := replay{l: l, lang: lang, newRunner: newRunner}
	if ok, report := r.run(false); !ok {
		return false, report
	}
	alts, wrongs := 0, 0
	for _, st := range l.Steps {
		if st.Unavailable() {
			continue
		}
		if st.Alt != "" {
			alts++
		}
		if st.Wrong != "" {
			wrongs++
		}
	}
	if alts+wrongs > 0 {
		if ok, report := r.run(true); !ok {
			return false, report
		}
	}
	line := tr(lang, "ok   %s  %d steps", l.ID, len(l.Steps))
	if alts+wrongs > 0 {
		line += tr(lang, ", %d other solutions and %d wrong answers tried", alts, wrongs)
	}
	if r.skipped > 0 {
		line += tr(lang, "; %d steps need root and were skipped", r.skipped)
	}
	if r.skippedCapture > 0 {
		line += tr(lang, "; %d steps need packet capture and were skipped", r.skippedCapture)
	}
	return true, []string{line}
}

// replay is one run of a lesson through fresh Runners.
type replay struct {
	l         *Lesson
	lang      string
	newRunner func(role string) (Runner, error)

	skipped        int             // root steps skipped (reference replay)
	skippedCapture int             // capture steps skipped (reference replay)
	paths          map[string]bool // Unix socket paths seen bound
}

func (rp *replay) run(alt bool) (ok bool, report []string) {
	l, lang := rp.l, rp.lang
	runners := map[string]Runner{}
	var order []Runner
	defer func() {
		for i := len(order) - 1; i >= 0; i-- {
			_ = order[i].Close()
		}
	}()
	fail := func(st *Step, why string) (bool, []string) {
		if alt {
			why += tr(lang, " (in the replay of alt and wrong solutions)")
		}
		return false, []string{tr(lang, "FAIL %s step %d (%s): %s", l.ID, st.N, st.Role, why)}
	}
	for _, role := range l.Roles {
		r, err := rp.newRunner(role)
		if err != nil {
			return false, []string{tr(lang, "FAIL %s: %s", l.ID, tr(lang, "cannot start a session for role %s: %v", role, err))}
		}
		runners[role] = r
		order = append(order, r)
	}
	rp.paths = map[string]bool{}
	last := map[string]Last{}
	for _, st := range l.Steps {
		if st.Unavailable() {
			if !alt && st.Needs == "capture" {
				rp.skippedCapture++
			} else if !alt {
				rp.skipped++
			}
			continue
		}
		why, err := rp.step(runners[st.Role], st, last, alt)
		if err != nil {
			return fail(st, tr(lang, "the session failed: %v", err))
		}
		if why != "" {
			return fail(st, why)
		}
	}
	if alt {
		return true, nil
	}
	// Everything the lesson opened is closed again.
	for _, role := range l.Roles {
		var open []string
		for _, sv := range runners[role].Snapshot(last[role]).Sockets {
			if !sv.State.Closed {
				n := sv.Name
				if n == "" {
					n = fmt.Sprintf("fd %d", sv.State.FD)
				}
				open = append(open, n)
			}
		}
		if len(open) > 0 {
			return false, []string{tr(lang, "FAIL %s: %s", l.ID, tr(lang, "the lesson leaves sockets open in the %s terminal: %s", role, strings.Join(open, ", ")))}
		}
	}
	for _, p := range sortedKeys(rp.paths) {
		if _, err := os.Lstat(p); err == nil {
			return false, []string{tr(lang, "FAIL %s: %s", l.ID, tr(lang, "the lesson leaves the socket file %s on disk", p))}
		}
	}
	return true, nil
}

// step runs one step and says what is wrong with it, or "". err is set
// when the Runner itself panicked.
func (rp *replay) step(r Runner, st *Step, last map[string]Last, alt bool) (why string, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%v", p)
		}
	}()
	lang := rp.lang
	if ok, _ := evalCheck(st, r.Snapshot(last[st.Role])); ok {
		return tr(lang, "check already true before the code ran"), nil
	}
	code := st.Code
	if alt {
		if st.Wrong != "" {
			lst, blocked, err := execStep(r, st.Wrong)
			if err != nil {
				return "", err
			}
			if blocked {
				return tr(lang, "the wrong answer was still blocked after %s and was interrupted", StepTimeout), nil
			}
			last[st.Role] = lst
			if ok, _ := evalCheck(st, r.Snapshot(lst)); ok {
				return tr(lang, "the check accepts the wrong answer %s", quoteCode(st.Wrong)), nil
			}
		}
		if st.Alt != "" {
			code = st.Alt
		}
	}
	lst, blocked, err := execStep(r, code)
	if err != nil {
		return "", err
	}
	if blocked {
		return tr(lang, "the code was still blocked after %s and was interrupted", StepTimeout), nil
	}
	last[st.Role] = lst
	after := r.Snapshot(lst)
	for _, sv := range after.Sockets {
		if p, ok := sv.State.Laddr.(string); ok && p != "" {
			rp.paths[p] = true
		}
	}
	if st.Mistake != nil {
		if made, _ := evalCheck(st.Mistake, after); made {
			return tr(lang, "the mistake check is true after the step's own code"), nil
		}
	}
	ok, cerr := evalCheck(st, after)
	for wait := time.Duration(0); !ok && wait < settle; wait += settleStep {
		// Loopback delivers a segment in a softirq that may run a moment
		// after send() returns, so a check on the peer's queue can be
		// early: look again before calling it false.
		time.Sleep(settleStep)
		ok, cerr = evalCheck(st, r.Snapshot(lst))
	}
	if ok {
		return "", nil
	}
	why = tr(lang, "check false after code")
	if alt && st.Alt != "" {
		why = tr(lang, "check false after the other solution %s", quoteCode(st.Alt))
	}
	if lst.Error != "" {
		e := lst.Error
		if lst.Errno != 0 {
			e += fmt.Sprintf(" [Errno %d]", lst.Errno)
		}
		why += "; " + tr(lang, "the code raised %s", e)
	}
	if cerr != nil {
		why += ": " + cerr.Error()
	}
	return why, nil
}

// quoteCode shows code in a one-line report.
func quoteCode(code string) string {
	code = strings.ReplaceAll(code, "\n", " ⏎ ")
	return "`" + truncate(code, 60) + "`"
}

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// execStep runs code, interrupting it after StepTimeout when r can be
// interrupted. The goroutine it starts always ends before it returns.
func execStep(r Runner, code string) (last Last, blocked bool, err error) {
	in, ok := r.(Interrupter)
	if !ok || StepTimeout <= 0 {
		return r.Exec(code), false, nil
	}
	type result struct {
		last  Last
		panic any
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- result{panic: p}
			}
		}()
		done <- result{last: r.Exec(code)}
	}()
	timer := time.NewTimer(StepTimeout)
	defer timer.Stop()
	var res result
	select {
	case res = <-done:
	case <-timer.C:
		in.Interrupt()
		res, blocked = <-done, true
	}
	if res.panic != nil {
		return Last{}, false, fmt.Errorf("%v", res.panic)
	}
	return res.last, blocked, nil
}
