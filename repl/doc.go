// Package repl is the shell a learner types into.
//
// A Session evaluates Python-style statements with go.starlark.net over the
// sockets package and writes results, exceptions, notices and status lines
// to io.Writers, so tests drive it directly. RunLines gives the python -i
// line mode used by pipes and tests; RunTerminal adapts c-bata/go-prompt
// (terminal.go is the only file that imports it).
//
// Layout: session.go evaluates; chunker.go decides when typed lines form a
// statement; status.go draws the blocking-call line; notice.go reports
// kernel state changes; commands*.go hold the % commands; the Python
// surface (reprs, builtins, modules, error translation) lives in
// pyrepr.go, builtins.go, socket*.go, structmod.go, syntax.go, pyerror.go.
package repl
