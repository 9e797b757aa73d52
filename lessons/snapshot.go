package lessons

import (
	"go.starlark.net/starlark"

	"sockrepl/sockets"
)

// Snapshot is what a check sees, built by the repl after every statement.
type Snapshot struct {
	Role     string
	Sockets  []SocketView        // this shell's sockets, open and closed, oldest first
	Globals  starlark.StringDict // shallow copy of the session's globals
	Last     Last
	Kernel   func() []sockets.KernelSocket              // called lazily, at most once per check round
	IsSocket func(starlark.Value) (sockets.State, bool) // maps a global that is a socket value to its state
}

// SocketView is one socket of the shell and the variable that holds it.
type SocketView struct {
	Name  string // global variable name, or ""
	State sockets.State
}

// Last is the statement just run.
type Last struct {
	Code  string
	OK    bool
	Error string // exception class, "" when OK
	Errno int
	Value starlark.Value // nil when none
}
