package python

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"
)

// Warnings as CPython's default filters show them: a DeprecationWarning
// is printed when the code that triggered it is the main program's (the
// script, or what was typed at the prompt), once for each message and
// line, and ignored when it comes from an imported module.

// deprecated warns that the builtin the Python code on thread just
// called is deprecated (warnings.warn with stacklevel=2).
func deprecated(thread *starlark.Thread, msg string) {
	in := interpOf(thread)
	if in == nil {
		return
	}
	frames := in.pyFrames(thread.CallStack())
	if len(frames) == 0 {
		return
	}
	f := frames[len(frames)-1]
	if !in.isMainFile(f.file) {
		return
	}
	// CPython's registry lives in the __main__ module and is keyed by
	// text, category and line.
	key := fmt.Sprintf("%d\x00DeprecationWarning\x00%s", f.line, msg)
	in.mu.Lock()
	if in.warned == nil {
		in.warned = map[string]bool{}
	}
	seen := in.warned[key]
	in.warned[key] = true
	in.mu.Unlock()
	if seen {
		return
	}
	text := fmt.Sprintf("%s:%d: DeprecationWarning: %s\n", f.file, f.line, msg)
	// The source line comes from the file, so "<stdin>" and "<string>"
	// have none.
	if !strings.HasPrefix(f.file, "<") && strings.TrimSpace(f.text) != "" {
		text += "  " + strings.TrimSpace(f.text) + "\n"
	}
	in.opt.Stderr(text)
}

// isMainFile reports whether file holds __main__'s code: the program
// (or the prompt's statement) Exec runs, or eval'd text, which runs in
// the caller's namespace.
func (in *Interp) isMainFile(file string) bool {
	return file == in.mainFile || file == "<string>"
}
