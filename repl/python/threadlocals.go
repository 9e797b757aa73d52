package python

import "go.starlark.net/starlark"

// threadLocals is what this package keeps per Starlark thread, in the
// thread's Host field (starlark patch 17): read with a type assertion on
// every caught exception, f-string and generator step, where
// Thread.Local hashed a string key each time.
type threadLocals struct {
	in       *Interp      // the interpreter running the thread
	handling handling     // the exceptions being handled (control.go)
	repr     reprSlot     // a failing __repr__'s error (reprcheck.go)
	gen      *genChannels // set on a generator's own thread (generator.go)
}

// localsOf is thread's locals, made on first use for a thread this package
// did not make (it then knows no interpreter).
func localsOf(thread *starlark.Thread) *threadLocals {
	if st, ok := thread.Host.(*threadLocals); ok {
		return st
	}
	st := &threadLocals{}
	thread.Host = st
	return st
}
