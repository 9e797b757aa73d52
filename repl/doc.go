// Package repl is the shell a learner types into.
//
// A Session runs statements through one python.Interp and writes results,
// exceptions, notices and status lines to io.Writers, so tests drive it
// directly. RunLines gives the python -i line mode used by pipes and
// tests; RunProgram runs FILE.py and -c; RunTerminal adapts
// c-bata/go-prompt (terminal.go is the only file that imports it).
//
// Layout: session.go runs statements and reports them; lines.go holds
// line and program modes; terminal.go the interactive terminal; screen.go
// output and the blocking-call status line, in the colours of theme.go;
// notice.go reports kernel state changes; commands.go and command_*.go
// the % commands; packets.go, packets_peer.go and timeline.go %packets
// and %timeline; demo.go and demofile.go replay a teacher's file;
// savescript.go is what %save writes; paste.go reads pasted sessions;
// complete.go and history.go the rest of what the learner sees. Every
// message and exception hint is in two languages in lessons/words, which
// the lessons share; i18n.go adapts it. The language itself lives in repl/python (the
// interpreter) and repl/python/translate (Python source to Starlark).
package repl
