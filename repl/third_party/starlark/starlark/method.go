package starlark

// A Method is a callable that calls a function with a receiver before
// its arguments: a Python bound method (sockrepl patch 8). When the
// function is a Starlark one, CALL passes the receiver and the arguments
// to it in the thread's arena: no argument tuple is built, and no frame
// is pushed for the method itself.
type Method interface {
	Callable
	// Unbind returns the function and the receiver it is called with.
	Unbind() (fn Value, recv Value)
}

// isMethodOfFunction reports whether v is a Method of a Starlark function,
// which CALL calls directly.
func isMethodOfFunction(v Value) bool {
	m, ok := v.(Method)
	if !ok {
		return false
	}
	fn, _ := m.Unbind()
	return is[*Function](fn)
}

// callMethod calls m's function with its receiver and args, as
// m.CallInternal would, without a tuple of its own: the arguments are
// copied into the callee's locals, so the space is given back at once.
func callMethod(thread *Thread, m Method, args Tuple, kwargs []Tuple) (Value, error) {
	fn, recv := m.Unbind()
	all, base := thread.arena.take(len(args) + 1)
	all[0] = recv
	copy(all[1:], args)
	v, err := Call(thread, fn, all, kwargs)
	thread.arena.give(all, base)
	return v, err
}

// borrowsArgs reports whether CALL may pass fn a slice of its operand
// stack: fn keeps nothing of the tuple once it returns.
func borrowsArgs(fn Value) bool {
	switch fn := fn.(type) {
	case *Function:
		return true
	case *Builtin:
		return fn.borrows
	}
	return isMethodOfFunction(fn)
}
