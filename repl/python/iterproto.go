package python

import "go.starlark.net/starlark"

// pyIterator is a Go value that is its own iterator, as Python's file
// objects and struct's unpack_iterator are: next(it) takes one item, a
// for loop takes the rest, and iter(it) is it.
type pyIterator interface {
	starlark.Iterable
	// next returns the next item, or false at the end.
	next(thread *starlark.Thread) (starlark.Value, bool, error)
}

// iterateNext is the Starlark iterator of a pyIterator: it consumes the
// same items next() would. Without a thread (a Starlark builtin looping
// over it), an error ends the loop unreported.
func iterateNext(it pyIterator) starlark.Iterator { return threadIter{it, nil}.Iterate() }

// threadIter is a pyIterator looped over by a for statement, with the
// loop's thread, so that an error (a closed file) is raised in the loop.
type threadIter struct {
	it     pyIterator
	thread *starlark.Thread
}

func (t threadIter) String() string        { return t.it.String() }
func (t threadIter) Type() string          { return t.it.Type() }
func (t threadIter) Freeze()               {}
func (t threadIter) Truth() starlark.Bool  { return true }
func (t threadIter) Hash() (uint32, error) { return t.it.Hash() }
func (t threadIter) Iterate() starlark.Iterator {
	return &funcIterator{thread: t.thread, step: func() (starlark.Value, bool, error) { return t.it.next(t.thread) }}
}
