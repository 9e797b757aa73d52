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

// A MethodOwner is a value whose methods x.f(...) may call without making
// a bound method (sockrepl patch 10): UnboundMethod returns the function
// that reading x.f would bind to x, or nil when x.f is anything else (an
// attribute of the instance, a property, a static method...), which is
// then read as usual. CALL_METHOD calls the function with x first.
type MethodOwner interface {
	Value
	UnboundMethod(name string) Value
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

// callMethod calls m's function with its receiver and args.
func callMethod(thread *Thread, m Method, args Tuple, kwargs []Tuple) (Value, error) {
	fn, recv := m.Unbind()
	return CallWithReceiver(thread, fn, recv, args, kwargs)
}

// CallWithReceiver calls fn with recv before args, as a bound method
// does. A Starlark function, or a builtin that borrows its arguments,
// gets them in the thread's arena: nothing keeps the tuple, so the space
// is given back at once and no tuple is built.
func CallWithReceiver(thread *Thread, fn, recv Value, args Tuple, kwargs []Tuple) (Value, error) {
	if b, ok := fn.(*Builtin); !is[*Function](fn) && !(ok && b.borrows) {
		all := make(Tuple, len(args)+1)
		all[0] = recv
		copy(all[1:], args)
		return Call(thread, fn, all, kwargs)
	}
	all, base := thread.arena.take(len(args) + 1)
	all[0] = recv
	copy(all[1:], args)
	v, err := Call(thread, fn, all, kwargs)
	thread.arena.give(all, base)
	return v, err
}

// An ArgsBorrower is a callable that may promise to keep nothing of its
// args tuple once it returns, as a borrowing builtin does (patch 9):
// a class whose constructor hands the arguments on in a tuple of its own.
type ArgsBorrower interface {
	Callable
	BorrowsArgs() bool
}

// borrowsArgs reports whether CALL may pass fn a slice of its operand
// stack: fn keeps nothing of the tuple once it returns.
func borrowsArgs(fn Value) bool {
	switch fn := fn.(type) {
	case *Function:
		return true
	case *Builtin:
		return fn.borrows
	case ArgsBorrower:
		return fn.BorrowsArgs()
	case *methodProto:
		return fn.b.borrows
	}
	return isMethodOfFunction(fn)
}
