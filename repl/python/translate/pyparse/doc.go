// Package pyparse parses Python 3.11 source into a Python syntax tree.
//
// The tree follows Python 3.11's ast module one to one: the same node
// classes with the same field names (Go-cased), the same expression
// contexts and the same positions (1-based lines, 0-based UTF-8 byte
// columns, end positions included), so code that lowers the tree can be
// written against the Python documentation. Dump prints a tree exactly as
// ast.dump(tree, include_attributes=True) does, and the tests use that to
// compare this parser with python3 on a corpus of programs.
//
// Errors are *Error values with CPython's kinds (SyntaxError,
// IndentationError, TabError, RecursionError), messages and positions for
// the common mistakes, and an Incomplete flag that says whether more
// lines could make the input valid (what codeop uses to print "...").
//
// Constant values are typed Go values: nil for None, bool, int64 for
// integers that fit and *big.Int for those that do not, float64, string
// (str, UTF-8; a lone surrogate escape such as "\ud800" is kept as its
// 3-byte WTF-8 encoding), []byte (bytes), Imaginary (a complex literal,
// which the lowering refuses) and Ellipsis.
//
// The parser never panics and never recurses without bound: brackets nest
// at most 200 deep (CPython's limit) and trees about 2990 levels, past
// which a RecursionError-kind Error is returned.
//
// A one-line REPL statement parses in about 3-5 µs of CPU and about 20
// allocations; see BenchmarkParseStatement and docs/TRANSLATOR.md ("The
// parser"), which also says how the tests compare every result with
// python3.
package pyparse
