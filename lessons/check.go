package lessons

import (
	"errors"
	"fmt"
	"runtime/metrics"
	"strings"
	"time"
	"unicode"

	"go.starlark.net/resolve"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// checkOpts are the Starlark options checks are parsed and run with:
// everything the shell allows.
var checkOpts = &syntax.FileOptions{Set: true, While: true, TopLevelControl: true,
	GlobalReassign: true, Recursion: true}

// A check runs after every statement, so a careless or hostile one must
// not hang the shell, eat its memory or ignore Ctrl-C (the shell's Guard).
// A check gets at most maxCheckSteps steps, CheckTimeout of time,
// maxCheckGrowth of heap, and range() of at most maxCheckRange items (a
// builtin looping over a huge range takes no steps and cannot be
// cancelled). A check stopped by any of these is false.
const (
	maxCheckSteps  = 1_000_000
	maxCheckRange  = 1 << 20
	maxCheckGrowth = 256 << 20 // bytes the heap may grow by during a check
)

// heapBytes is the size of the live and not yet collected heap objects.
// Garbage counts as growth until it is collected: a check makes little.
func heapBytes() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}

// CheckTimeout is the time a check may take. A variable, for tests.
var CheckTimeout = time.Second

// CheckStopped is evalCheck's error for a check cut short by a limit or by
// Ctrl-C. Reason says which, in English (a message of words).
type CheckStopped struct{ Reason string }

func (e *CheckStopped) Error() string { return "check stopped: " + e.Reason }

// stepsPerKernelRow is added to the bound for each row of the kernel
// listing a check is given. The listing is machine-wide: after a benchmark
// or during a parallel test run it holds tens of thousands of TIME_WAIT
// rows, and a fixed bound cut short the one pass over them that every
// kernel check makes (any([... for k in kernel]) costs about 15 steps a
// row). A check linear in the listing always finishes; a quadratic one is
// still stopped.
const stepsPerKernelRow = 100

// checkNames are the names a check sees besides constants and builtins.
var checkNames = map[string]bool{"sockets": true, "sock": true, "g": true, "last": true,
	"kernel": true, "role": true, "root": true, "exists": true, "shell": true}

// compileCheck parses st.Check as a Starlark expression and resolves its
// names, so a bad check is reported at load time with its line.
func compileCheck(st *Step, file string) error {
	bad := func(line int, format string, args ...any) error {
		return &ParseError{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	expr, err := checkOpts.ParseExpr(file, st.Check, 0)
	if err != nil {
		line, msg := st.checkLine, err.Error()
		if se, ok := err.(syntax.Error); ok {
			line, msg = st.checkLine+int(se.Pos.Line)-1, se.Msg
		}
		return bad(line, "check is not a Starlark expression: %s", msg)
	}
	// A check cannot change state whatever it calls: it sees views
	// (views.go). The walk only notes what is costly to build.
	syntax.Walk(expr, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.Ident:
			switch n.Name {
			case "kernel":
				st.usesKernel = true
			case "g":
				st.usesGlobals = true
			}
		case *syntax.Literal:
			// A number a check compares with may be a port: its rows
			// stay in the check's `kernel` (scope.go).
			if v, ok := n.Value.(int64); ok && v > 0 && v < 65536 {
				st.ports = append(st.ports, int(v))
			}
		}
		return true
	})
	consts := constants()
	isPredeclared := func(name string) bool {
		if checkNames[name] {
			return true
		}
		if consts == nil { // constants unavailable: accept any constant-like name
			return isConstantName(name)
		}
		_, ok := consts[name]
		return ok
	}
	isUniversal := func(name string) bool { _, ok := starlark.Universe[name]; return ok }
	if _, err := resolve.ExprOptions(checkOpts, expr, isPredeclared, isUniversal); err != nil {
		line, msg := st.checkLine, err.Error()
		if el, ok := err.(resolve.ErrorList); ok && len(el) > 0 {
			line, msg = st.checkLine+int(el[0].Pos.Line)-1, el[0].Msg
		}
		return bad(line, "check: %s", msg)
	}
	return nil
}

func isConstantName(name string) bool {
	for _, r := range name {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '_' {
			return false
		}
	}
	return name != ""
}

// evalCheck runs st's check over s. It reports false with the reason when
// the check is false or fails (a *CheckStopped when a limit or Ctrl-C cut
// it short); it never panics. It returns at the time limit or at Ctrl-C
// even when the check is inside a builtin: the check's goroutine is then
// cancelled, and ends at its next step.
func evalCheck(st *Step, s Snapshot) (ok bool, err error) {
	env := buildEnv(s, st.usesGlobals, st.usesKernel, st.scope)
	env["range"] = starlark.NewBuiltin("range", checkRange)
	thread := &starlark.Thread{Name: "check", Print: func(*starlark.Thread, string) {}}
	steps := uint64(maxCheckSteps)
	if k, ok := env["kernel"].(*starlark.List); ok {
		steps += stepsPerKernelRow * uint64(k.Len())
	}
	thread.SetMaxExecutionSteps(steps)
	stopped := make(chan string, 1)
	cancel := func(reason string) {
		thread.Cancel(reason)
		select {
		case stopped <- reason:
		default:
		}
	}
	if s.Guard != nil {
		defer s.Guard(cancel)()
	}
	type result struct {
		v   starlark.Value
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{err: fmt.Errorf("check panicked: %v", r)}
			}
		}()
		name := fmt.Sprintf("%s:%d", "check", st.checkLine)
		v, err := starlark.EvalOptions(checkOpts, thread, name, st.Check, env)
		done <- result{v, err}
	}()
	timer := time.NewTimer(CheckTimeout)
	defer timer.Stop()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	base := heapBytes()
	overMemory := func() bool { return heapBytes()-base > maxCheckGrowth }
	var r result
wait:
	for {
		select {
		case r = <-done:
			// The watch looks every 10 ms, and on a busy machine the
			// check can end between two looks, or win the select when
			// both are ready: one last look, so that a check that made
			// more than its share is stopped whatever the timing.
			if overMemory() {
				return false, &CheckStopped{Reason: stoppedMemory}
			}
			break wait
		case <-timer.C:
			thread.Cancel("timeout")
			// A check that also went past its memory is told so: the
			// memory is why it was slow (a loaded machine can take a
			// second to hand out 400 MB).
			if overMemory() {
				return false, &CheckStopped{Reason: stoppedMemory}
			}
			return false, &CheckStopped{Reason: stoppedTime}
		case reason := <-stopped:
			return false, &CheckStopped{Reason: stopReason(reason)}
		case <-tick.C:
			if overMemory() {
				thread.Cancel("MemoryError")
				return false, &CheckStopped{Reason: stoppedMemory}
			}
		}
	}
	if r.err != nil {
		text := r.err.Error()
		if ee, ok := r.err.(*starlark.EvalError); ok {
			text = strings.TrimSpace(ee.Error())
			if _, reason, ok := strings.Cut(ee.Error(), "Starlark computation cancelled: "); ok {
				return false, &CheckStopped{Reason: stopReason(strings.TrimSpace(reason))}
			}
		}
		if strings.Contains(text, "frozen") || strings.Contains(text, "cannot be changed") {
			// append, clear, pop... on a copy the check was given (the
			// interpreter rewords some of Starlark's "frozen" errors).
			text += ": what a check sees is a read-only copy; " + lookOnly
		}
		return false, errors.New(text)
	}
	return bool(r.v.Truth()), nil
}

// stopReason says which limit a cancellation reason names.
func stopReason(reason string) string {
	switch {
	case strings.Contains(reason, "too many steps"):
		return stoppedSteps
	case strings.Contains(reason, "MemoryError"):
		return stoppedMemory
	case strings.Contains(reason, "KeyboardInterrupt"):
		return stoppedInterrupt
	}
	return stoppedTime
}

// Why a check was stopped (CheckStopped.Reason).
const (
	stoppedTime      = "it took too long"
	stoppedMemory    = "it used too much memory"
	stoppedSteps     = "it took too many steps"
	stoppedInterrupt = "you pressed Ctrl-C"
)

// checkRange is range() for checks: at most maxCheckRange items.
func checkRange(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := starlark.Call(thread, starlark.Universe["range"], args, kwargs)
	if err != nil {
		return nil, err
	}
	if r, ok := v.(starlark.Sequence); ok && r.Len() > maxCheckRange {
		return nil, fmt.Errorf("range of %d items is too long for a check (at most %d)", r.Len(), maxCheckRange)
	}
	return v, nil
}
