// Package translate turns Python source into the Starlark syntax tree
// that the interpreter evaluates, and decides when typed lines form a
// statement (chunk.go).
//
// pyparse parses Python 3.11 into a Python syntax tree; Lower (lower*.go)
// lowers that tree in one pass into a Starlark one, keeping Python's
// positions. Names follow Python's scoping (scope.go). What Starlark
// lacks becomes calls of the helpers named in names.go, which the
// interpreter provides: try, with and except bodies become nested
// functions run by $try and $with, classes are built by $class,
// generators run by $generator. recvreuse.go finds the recv statements
// whose variable alone can hold the bytes (Program.RecvSites), for the
// interpreter to receive into the old buffer. The package imports nothing of
// sockrepl's but its own pyparse.
package translate
