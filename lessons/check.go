package lessons

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"go.starlark.net/resolve"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// checkOpts are the Starlark options checks are parsed and run with:
// everything the shell allows.
var checkOpts = &syntax.FileOptions{Set: true, While: true, TopLevelControl: true,
	GlobalReassign: true, Recursion: true}

// maxCheckSteps bounds a check's work, so a careless comprehension over a
// huge range cannot hang the shell after every statement.
const maxCheckSteps = 1_000_000

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
	"kernel": true, "role": true, "root": true, "exists": true}

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
		if id, ok := n.(*syntax.Ident); ok {
			switch id.Name {
			case "kernel":
				st.usesKernel = true
			case "g":
				st.usesGlobals = true
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
// the check is false or fails; it never panics.
func evalCheck(st *Step, s Snapshot) (ok bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			ok, err = false, fmt.Errorf("check panicked: %v", r)
		}
	}()
	env := buildEnv(s, st.usesGlobals, st.usesKernel)
	thread := &starlark.Thread{Name: "check", Print: func(*starlark.Thread, string) {}}
	steps := uint64(maxCheckSteps)
	if k, ok := env["kernel"].(*starlark.List); ok {
		steps += stepsPerKernelRow * uint64(k.Len())
	}
	thread.SetMaxExecutionSteps(steps)
	name := fmt.Sprintf("%s:%d", "check", st.checkLine)
	v, err := starlark.EvalOptions(checkOpts, thread, name, st.Check, env)
	if err != nil {
		text := err.Error()
		if ee, ok := err.(*starlark.EvalError); ok {
			text = strings.TrimSpace(ee.Msg)
		}
		if strings.Contains(text, "frozen") || strings.Contains(text, "cannot be changed") {
			// append, clear, pop... on a copy the check was given (the
			// interpreter rewords some of Starlark's "frozen" errors).
			text += ": what a check sees is a read-only copy; " + lookOnly
		}
		return false, errors.New(text)
	}
	return bool(v.Truth()), nil
}
