package lessons

import (
	"go.starlark.net/starlark"

	"sockrepl/sockets"
)

// Snapshot is the state a check looks at, built by the repl after every
// statement.
//
// Globals and Last.Value are the learner's own values, as the interpreter
// holds them; a check never sees them, only read-only views built from
// them (views.go).
type Snapshot struct {
	Role    string
	Sockets []SocketView        // this shell's sockets, open and closed, oldest first
	Globals starlark.StringDict // the session's globals (a shallow copy)
	Last    Last
	Kernel  func() []sockets.KernelSocket // called lazily, at most once per check round
	Shell   ShellView                     // what the shell's own commands show

	// Guard, when set, lets the shell stop a check: it calls
	// cancel("KeyboardInterrupt") at Ctrl-C, until the function it returns
	// is called.
	Guard func(cancel func(reason string)) (stop func())
}

// SocketView is one socket of the shell and the variable that holds it.
type SocketView struct {
	Name  string // global variable name, or ""
	State sockets.State
}

// ShellView is what the shell itself shows, for steps whose code is a
// shell command (%packets on, %timeline conn).
type ShellView struct {
	Packets  bool         // %packets is capturing
	Timeline TimelineView // the last %timeline drawn; zero before any
}

// TimelineView is one %timeline ladder.
type TimelineView struct {
	Name    string   // the socket it was drawn for ("" for the latest)
	Packets int      // packets on the ladder
	States  []string // every TCP state either end showed, in order, each once
}

// Last is the statement just run.
type Last struct {
	Code  string
	OK    bool
	Error string // exception class, "" when OK
	Errno int
	Value starlark.Value // nil when none
}
