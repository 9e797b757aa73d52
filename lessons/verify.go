package lessons

import (
	"fmt"
	"time"
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

// Verify replays the reference solution of l: one Runner per role (made by
// newRunner, in the order of l.Roles, closed in reverse order), the steps in
// file order, each step's check required false before its code and true
// after. It returns one report line: "ok   01-echo  16 steps" or
// "FAIL 01-echo step 4 (server): what went wrong".
func Verify(l *Lesson, lang string, newRunner func(role string) (Runner, error)) (ok bool, report []string) {
	runners := map[string]Runner{}
	var order []Runner
	defer func() {
		for i := len(order) - 1; i >= 0; i-- {
			_ = order[i].Close()
		}
	}()
	fail := func(st *Step, why string) (bool, []string) {
		return false, []string{tr(lang, "FAIL %s step %d (%s): %s", l.ID, st.N, st.Role, why)}
	}
	for _, role := range l.Roles {
		r, err := newRunner(role)
		if err != nil {
			return false, []string{tr(lang, "FAIL %s: %s", l.ID, tr(lang, "cannot start a session for role %s: %v", role, err))}
		}
		runners[role] = r
		order = append(order, r)
	}
	last := map[string]Last{}
	for _, st := range l.Steps {
		r := runners[st.Role]
		why, err := replayStep(r, st, last, lang)
		if err != nil {
			return fail(st, tr(lang, "the session failed: %v", err))
		}
		if why != "" {
			return fail(st, why)
		}
	}
	return true, []string{tr(lang, "ok   %s  %d steps", l.ID, len(l.Steps))}
}

// replayStep runs one step and says what is wrong with it, or "". err is
// set when the Runner itself panicked.
func replayStep(r Runner, st *Step, last map[string]Last, lang string) (why string, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%v", p)
		}
	}()
	if ok, _ := evalCheck(st, r.Snapshot(last[st.Role])); ok {
		return tr(lang, "check already true before the code ran"), nil
	}
	lst, blocked, err := execStep(r, st.Code)
	if err != nil {
		return "", err
	}
	if blocked {
		return tr(lang, "the code was still blocked after %s and was interrupted", StepTimeout), nil
	}
	last[st.Role] = lst
	snap := r.Snapshot(lst)
	if st.Mistake != nil {
		if made, _ := evalCheck(st.Mistake, snap); made {
			return tr(lang, "the mistake check is true after the step's own code"), nil
		}
	}
	ok, cerr := evalCheck(st, snap)
	if ok {
		return "", nil
	}
	why = tr(lang, "check false after code")
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
