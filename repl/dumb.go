package repl

import (
	"io"
	"strings"

	"sockrepl/repl/python/translate"
)

// prompts are the primary and continuation prompts, with the role.
func prompts(role string) (base, cont string) {
	base = ">>> "
	if role != "" {
		base = "[" + role + "] >>> "
	}
	return base, strings.Repeat(" ", len(base)-4) + "... "
}

// demoLines shows a demo's statement above a dumb terminal's prompt, as
// a lesson shows its code.
func demoLines(src string) []string {
	var out []string
	for i, l := range strings.Split(src, "\n") {
		p := "  ... "
		if i == 0 {
			p = "  >>> "
		}
		out = append(out, p+l)
	}
	return out
}

// withDemoMark puts a demo's progress mark, "(3/12) ", before the >>>.
func withDemoMark(base, mark string) string {
	if mark == "" {
		return base
	}
	return strings.TrimSuffix(base, ">>> ") + mark + ">>> "
}

// runDumb is the interactive shell on a terminal without cursor control
// (TERM=dumb: an Emacs shell buffer, some serial consoles), where
// go-prompt's drawing would be raw escape sequences. It reads lines as
// line mode does, with prompts, hints and notices, no colour, and the
// status line of a blocked call written once as a whole line. The terminal
// keeps its own line editing; Ctrl-C is SIGINT, Ctrl-D ends the input (at
// a "..." prompt it runs the lines typed, and reading goes on, as in
// python3).
func runDumb(r io.Reader, opt Options) int {
	opt.Terminal, opt.Dumb, opt.Color = true, true, false
	if opt.Width == nil {
		opt.Width = termWidth
	}
	return withSession(opt, func(s *Session, sig *interrupts) int {
		if opt.Demo == "" { // a demo opens with the teacher's file
			s.out.plain(banner(s.lang, opt.Role))
		}
		base, cont := prompts(opt.Role)
		var c translate.Chunker
		lines, stop := readLines(r)
		defer func() { stop() }()
		// input() reads the next line typed.
		s.readInput = func() (string, error) { return sig.input(lines) }
		if opt.Demo != "" {
			if err := s.StartDemo(opt.Demo, opt.Role); err != nil {
				io.WriteString(opt.Err, "sockrepl: "+safeText(err.Error())+"\n")
				return 2
			}
		}
		for {
			// A demo's next statement cannot be typed for the teacher here:
			// it is shown above the prompt, and Enter on an empty line runs it.
			demoText := ""
			if !c.Pending() && s.demo != nil {
				sig.run(func() error { s.demoAnnounce(); return nil })
				if demoText = s.demoText(); demoText != "" {
					s.out.plain(demoLines(demoText)...)
				}
			}
			if c.Pending() {
				io.WriteString(opt.Out, cont)
			} else {
				io.WriteString(opt.Out, withDemoMark(base, s.demoMark()))
			}
			line, ok, interrupted := nextLine(lines, sig.idle)
			switch {
			case interrupted:
				io.WriteString(opt.Out, "\n")
				c.Reset()
				s.out.exception("KeyboardInterrupt")
				continue
			case !ok && c.Pending():
				io.WriteString(opt.Out, "\n")
				if code, done := s.lineResult(sig.run(func() error { return s.ExecChunk(c.Flush()) })); done {
					return code
				}
				stop()
				lines, stop = readLines(r) // a terminal reads on after Ctrl-D
				continue
			case !ok:
				io.WriteString(opt.Out, "\n")
				return 0
			}
			if demoText != "" && (strings.TrimSpace(line) == "" || strings.TrimSpace(line) == strings.TrimSpace(demoText)) {
				code, done := s.lineResult(sig.run(func() error { return s.ExecChunk(translate.Chunk{Src: demoText}) }))
				s.demoRan()
				if done {
					return code
				}
				continue
			}
			if strings.TrimSpace(line) == "" && !c.Pending() {
				s.ShowChanges()
				continue
			}
			if chunk, ok := c.Add(line); ok {
				if code, done := s.lineResult(sig.run(func() error { return s.ExecChunk(chunk) })); done {
					return code
				}
			}
		}
	})
}
