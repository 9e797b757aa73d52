module sockrepl

go 1.26.8

require (
	github.com/c-bata/go-prompt v0.2.6
	github.com/fatih/color v1.19.0
	github.com/mattn/go-runewidth v0.0.9
	go.starlark.net v0.0.0-20260908191801-89a6a09411d5
	golang.org/x/sys v0.49.0
	golang.org/x/term v0.47.0
)

require (
	github.com/mattn/go-colorable v0.1.14 // indirect
	github.com/mattn/go-isatty v0.0.20 // indirect
	github.com/mattn/go-tty v0.0.3 // indirect
	github.com/pkg/term v1.2.0-beta.2 // indirect
)

replace github.com/c-bata/go-prompt => ./repl/third_party/go-prompt

replace go.starlark.net => ./repl/third_party/starlark
