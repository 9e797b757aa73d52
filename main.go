// Command sockrepl is an interactive shell for learning socket programming
// on live OS sockets: Python-style statements, real system calls.
//
//	sockrepl [--role NAME] [--lang en|zh] [--no-color] [--theme NAME] [--repr numeric]   interactive shell
//	sockrepl --demo FILE.py [--role NAME]                a teacher's demo, replayed
//	sockrepl FILE.py | -c CODE                           run a program
//	sockrepl lessons [--verify [FILE...]]                the course
//
// With stdin or stdout not a terminal, it reads statements line by line
// like `python3 -i -q`.
//
// The first socket gets fd 3, as in Python: the runtime must not hold
// cgroup files open (containermaxprocs=0).
//
//go:debug containermaxprocs=0
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"sockrepl/repl"
	"sockrepl/sockets"
)

func main() {
	sockets.PaceCollector()
	exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// exit ends the process with status code, or by a signal when code asks
// for one (repl.ExitBySignal): its default action, restored, then raised.
func exit(code int) {
	if code < 0 {
		sig := syscall.Signal(-code)
		signal.Reset(sig)
		syscall.Kill(os.Getpid(), sig)
		time.Sleep(time.Second) // the signal is on its way
		code = 128 + int(sig)
	}
	os.Exit(code)
}

// lessonsCommand finds the `lessons` subcommand after any global flags
// (`sockrepl --lang zh lessons`), and returns the --lang flags among them
// with the subcommand's own arguments.
func lessonsCommand(args []string) (lang, rest []string, ok bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "lessons" {
			return lang, args[i+1:], true
		}
		if !strings.HasPrefix(a, "-") || a == "-" || a == "--" {
			return nil, nil, false
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch name {
		case "lang", "role":
			flag := []string{a}
			if !hasValue && i+1 < len(args) {
				i++
				flag = append(flag, args[i])
			}
			if name == "lang" {
				lang = append(lang, flag...)
			}
		case "no-color":
		case "repr":
			if !hasValue && i+1 < len(args) {
				i++
			}
		default:
			return nil, nil, false
		}
	}
	return nil, nil, false
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if lang, rest, ok := lessonsCommand(args); ok {
		return repl.LessonsCommand(append(lang, rest...), stdout, stderr)
	}
	if code, ok := labCommand(args); ok {
		return code
	}
	labClient, args := insideLab(args)
	fs := flag.NewFlagSet("sockrepl", flag.ContinueOnError)
	fs.SetOutput(stderr)
	role := fs.String("role", "", "name shown in the prompt and used by two-terminal lessons (server, client)")
	lang := fs.String("lang", "", "language of messages and lessons: en or zh (default from LANG)")
	noColor := fs.Bool("no-color", false, "no colour (NO_COLOR in the environment does the same)")
	theme := fs.String("theme", "", "default, projector (no faint text or cyan: for a projected screen) or plain; SOCKREPL_THEME sets it too")
	demo := fs.String("demo", "", "replay FILE.py: each statement appears at the prompt, Enter runs it (docs/TEACHING.md)")
	code := fs.String("c", "", "run CODE as a program and exit")
	reprs := fs.String("repr", "names", "socket reprs: names (family=AddressFamily.AF_INET, as the source material and Python 3.8-3.10) or numeric (family=2, as Python 3.11-3.13)")
	inLab := fs.Bool("lab", false, "run in a private network of hosts alpha, beta and gamma (no root needed)")
	host := fs.String("host", "alpha", "with --lab: the lab host this shell is")
	var hasCode bool // -c '' runs nothing, as in python3
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sockrepl [--role NAME] [--lang en|zh] [--no-color] [--theme NAME] [--repr names|numeric] [--demo FILE.py] [--lab [--host NAME]] [FILE.py | -c CODE]")
		fmt.Fprintln(stderr, "       sockrepl lessons [--lang en|zh] [--verify [FILE...]]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	fs.Visit(func(f *flag.Flag) { hasCode = hasCode || f.Name == "c" })
	if *reprs != "names" && *reprs != "numeric" {
		fmt.Fprintf(stderr, "sockrepl: --repr takes names or numeric, not %q\n", *reprs)
		return 2
	}
	// A wrong --theme is refused; a wrong SOCKREPL_THEME, set once for
	// every run, falls back to the default theme rather than stop programs.
	if err := repl.CheckTheme(*theme); err != nil {
		fmt.Fprintln(stderr, "sockrepl:", err)
		return 2
	}
	if *theme == "" {
		*theme = repl.ThemeFromEnv()
	}
	if *inLab && labClient == nil {
		return enterLab(*host, args, stderr)
	}
	_, noColorEnv := os.LookupEnv("NO_COLOR")
	opt := repl.Options{Out: stdout, Err: stderr, Role: *role, Lang: *lang,
		Color: !*noColor && !noColorEnv, Theme: *theme, Demo: *demo, NumericReprs: *reprs == "numeric", Lab: labClient}
	if labClient != nil && opt.Role == "" {
		opt.Role = labClient.Host // the prompt says which host this is
	}

	switch {
	case hasCode:
		opt.Color = false
		opt.Argv = append([]string{"-c"}, fs.Args()...)
		opt.Stdin = bufio.NewReader(stdin)
		return repl.RunProgram("<string>", *code, opt)
	case fs.NArg() > 0:
		opt.Color = false
		name, err := filepath.Abs(fs.Arg(0))
		if err != nil {
			name = fs.Arg(0)
		}
		src, err := repl.ReadSource(fs.Arg(0))
		if err != nil {
			fmt.Fprintln(stderr, repl.CantOpenFile(name, err))
			return 2
		}
		opt.Argv = fs.Args()
		opt.Stdin = bufio.NewReader(stdin)
		return repl.RunProgram(name, string(src), opt)
	case repl.IsTerminal():
		return repl.RunTerminal(opt)
	default:
		opt.Color = false
		return repl.RunLines(stdin, opt)
	}
}
