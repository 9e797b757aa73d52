package repl

// This is the only file that imports go-prompt. v0.2.6 never restores the
// terminal (c-bata/go-prompt#228, #266): it saves termios once and then
// mutates that saved copy into raw mode. ttyParser below restores a state
// saved before go-prompt starts, every time go-prompt hands control to the
// executor and again on every exit path.

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"sockrepl/repl/python/translate"
	"sockrepl/sockets"
	"strings"
	"sync"
	"syscall"
	"time"

	prompt "github.com/c-bata/go-prompt"
	"golang.org/x/sys/unix"
	"golang.org/x/term"
)

// ttyParser wraps go-prompt's parser. TearDown (called before the
// executor runs and when go-prompt exits) restores the terminal state
// saved at start-up, and Setup takes it back. Read hands over one key at a
// time (keys.go).
type ttyParser struct {
	*prompt.PosixParser
	modes *ttyModes
	keys  keySplitter

	mu       sync.Mutex
	injected [][]byte // keys the shell types itself, read before the terminal's
	back     [][]byte // keys go-prompt gave back (Unread), read first of all
}

// Unread takes back a key go-prompt read but could not use, because it
// stopped reading to run the executor (go-prompt patch 3): it comes first
// from the next Read, as it was, so a pasted line is never lost.
func (p *ttyParser) Unread(key []byte) {
	p.mu.Lock()
	p.back = append([][]byte{key}, p.back...)
	p.mu.Unlock()
}

// ctrlC is the key a SIGINT or SIGQUIT at the idle prompt turns into, so
// that go-prompt's own goroutine drops the line and the shell prints
// KeyboardInterrupt between two drawings of the prompt.
var ctrlC = []byte{0x03}

// inject queues a key for go-prompt to read next.
func (p *ttyParser) inject(key []byte) {
	p.mu.Lock()
	p.injected = append(p.injected, key)
	p.mu.Unlock()
}

// TearDown goes straight from go-prompt's raw mode to the running mode
// (ttymode.go, running), not through the cooked mode as go-prompt's own
// TearDown does: a key typed ahead in that moment was echoed as a blank
// row and its Enter read as LF. The way out restores the cooked mode
// (ttyModes.giveBack). go-prompt's TearDown also made its descriptor
// blocking again; that descriptor is its own open of /dev/tty, which
// nothing else reads, so it stays non-blocking.
func (p *ttyParser) TearDown() error {
	p.modes.set(modeRunning)
	return nil
}

// Setup puts the terminal in go-prompt's raw mode, and notes it so that a
// resumed shell can put it back.
func (p *ttyParser) Setup() error {
	p.modes.set(modePrompt)
	return nil
}

// redraw is a key go-prompt knows and ignores (xterm's ESC [ E): reading
// it makes go-prompt draw the prompt again, after fg.
var redraw = []byte("\x1b[E")

// Read returns the next key: one given back by go-prompt, one the shell
// typed itself, else the terminal's next key (keySplitter).
func (p *ttyParser) Read() ([]byte, error) {
	p.mu.Lock()
	if len(p.back) > 0 {
		key := p.back[0]
		p.back = p.back[1:]
		p.mu.Unlock()
		return key, nil
	}
	if len(p.injected) > 0 {
		key := p.injected[0]
		p.injected = p.injected[1:]
		p.mu.Unlock()
		return key, nil
	}
	p.mu.Unlock()
	return p.keys.next(p.PosixParser.Read, func(b []byte) bool { return prompt.GetKey(b) != prompt.NotDefined })
}

// discard drops keys typed while a statement blocked, so they do not run
// as a surprise command afterwards: those go-prompt read before the
// statement ran and, unless the end of the blocked call already flushed
// the terminal (screen.unblocked), those still in the terminal.
func (p *ttyParser) discard(flushed bool) {
	p.mu.Lock()
	p.back = nil
	p.mu.Unlock()
	p.keys.reset()
	if !flushed {
		flushInput()
	}
}

// panicOnTab makes Tab panic inside go-prompt's goroutine, so a test can
// check that even a crash there leaves the terminal restored.
var panicOnTab = os.Getenv("SOCKREPL_TEST_PANIC") == "tab"

// IsTerminal reports whether stdin and stdout are both terminals.
func IsTerminal() bool { return term.IsTerminal(0) && term.IsTerminal(1) }

// RunTerminal runs the interactive shell on the terminal and returns the
// exit status. The terminal is restored on every path.
func RunTerminal(opt Options) (status int) {
	if os.Getenv("TERM") == "dumb" {
		return runDumb(os.Stdin, opt)
	}
	saved, err := term.GetState(0)
	if err != nil {
		fmt.Fprintln(os.Stderr, startupError(err))
		return 1
	}
	cooked, _ := unix.IoctlGetTermios(0, ioctlGetTermios)
	modes := &ttyModes{saved: saved, cooked: cooked}
	restore := modes.giveBack
	defer restore()

	opt.Terminal = true
	opt.ASCII = !localeIsUTF8()
	if opt.Width == nil {
		opt.Width = termWidth
	}
	var s *Session
	var parser *ttyParser
	keepLowFDsFree(func() {
		s, err = NewSession(opt)
		parser = &ttyParser{PosixParser: prompt.NewStandardInputParser(), modes: modes}
	})
	modes.prompt = parser.PosixParser.Setup
	if err != nil {
		fmt.Fprintln(os.Stderr, startupError(err))
		return 1
	}
	defer s.Close()
	// Keys typed while a call blocked are dropped when it returns, before
	// its result is shown: what is typed after that is kept.
	s.out.unblocked = flushInput
	if opt.Demo != "" {
		if err := s.StartDemo(opt.Demo, opt.Role); err != nil {
			restore()
			fmt.Fprintln(os.Stderr, "sockrepl:", safeText(err.Error()))
			return 2
		}
	}
	// input() reads a line typed at the terminal, echoed and editable as
	// the terminal's own line discipline does it; Ctrl-C ends the wait.
	s.readInput = func() (string, error) {
		modes.set(modeCooked)
		defer modes.set(modeRunning)
		fds := []unix.PollFd{{Fd: 0, Events: unix.POLLIN}}
		for {
			if s.rt.Interrupted() {
				return "", sockets.Interrupted("input")
			}
			if n, _ := unix.Poll(fds, 100); n > 0 {
				break
			}
		}
		buf := make([]byte, 4096)
		n, _ := unix.Read(0, buf)
		if n <= 0 {
			return "", io.EOF
		}
		return string(buf[:n]), nil
	}
	if opt.Demo == "" { // a demo opens with the teacher's file
		s.out.plain(banner(s.lang, opt.Role))
	}

	hist := loadHistory(stateDir(opt.StateDir))
	var c translate.Chunker
	var busy sync.Mutex // held while a statement runs
	base, cont := prompts(opt.Role)

	// runChunk runs one complete statement; it reports whether the session
	// ended.
	runChunk := func(chunk translate.Chunk) bool {
		hist.add(chunk.Src)
		err := s.ExecChunk(chunk)
		if blocked, flushed := s.out.tookBlocked(); blocked || isInterrupt(err) {
			parser.discard(flushed)
		}
		ended, _ := s.Ended()
		return ended
	}
	executor := func(input string) {
		busy.Lock()
		defer busy.Unlock()
		modes.set(modeRunning)
		// A demo's next statement: its comments, and a wait for the other
		// terminal, in the running mode so that Ctrl-C ends the wait.
		defer s.demoAnnounce()
		if !c.Pending() && s.demoIsCurrent(input) {
			// Run whole: a block from a file may hold blank lines.
			runChunk(translate.Chunk{Src: input})
			s.demoRan()
			return
		}
		if strings.TrimSpace(input) == "" && !c.Pending() {
			// Enter on an empty line shows what the kernel did meanwhile,
			// e.g. the other terminal's connect() filling the accept queue.
			s.ShowChanges()
			return
		}
		lines := strings.Split(strings.ReplaceAll(input, "\r", "\n"), "\n")
		for i, line := range lines {
			chunk, ok := c.Add(line)
			if !ok && i == len(lines)-1 && len(lines) > 1 && c.Pending() {
				chunk, ok = c.Flush(), true // a recalled multi-line entry is complete
			}
			if !ok {
				continue
			}
			if runChunk(chunk) {
				return
			}
		}
	}
	// atEOF is Ctrl-D on an empty line at a "..." prompt: as in python3,
	// the lines typed so far run (an open block is complete, an open
	// bracket a SyntaxError), and the prompt comes back.
	atEOF := func() {
		busy.Lock()
		defer busy.Unlock()
		modes.set(modeRunning)
		runChunk(c.Flush())
	}

	// Live notices: while the prompt waits for keys, what the other
	// terminal did (a connection queued, bytes arriving, the peer's FIN)
	// is printed above the prompt within half a second, and the line
	// being typed is drawn again below it. go-prompt runs idleNotices in
	// its own goroutine between two drawings (PATCHES.md, patch 4), so
	// nothing prints while the prompt is drawn or a statement runs.
	above := make(chan func() string)
	stopWatch := make(chan struct{})
	var watching sync.WaitGroup
	watching.Add(1)
	go func() {
		defer watching.Done()
		tick := time.NewTicker(noticeEvery)
		defer tick.Stop()
		for {
			select {
			case <-stopWatch:
				return
			case <-tick.C:
			}
			select {
			case <-stopWatch:
				return
			case above <- s.idleNotices:
			}
		}
	}()
	defer func() { close(stopWatch); watching.Wait() }()

	// prompt.New opens /dev/tty for its default parser before our
	// OptionParser replaces it; keep that descriptor off the low numbers too.
	var p *prompt.Prompt
	keepLowFDsFree(func() {
		p = prompt.New(executor, func(d prompt.Document) []prompt.Suggest {
			if panicOnTab && d.LastKeyStroke() == prompt.Tab {
				panic("SOCKREPL_TEST_PANIC=tab")
			}
			return suggestions(s, d)
		}, append(promptColors(s.out.th.prompt),
			prompt.OptionParser(parser),
			prompt.OptionPrintAbove(above),
			prompt.OptionPrefix(base),
			prompt.OptionLivePrefix(func() (string, bool) {
				if c.Pending() {
					return cont, true
				}
				return withDemoMark(base, s.demoMark()), true
			}),
			// A demo's statement is at the prompt, already typed.
			prompt.OptionPrefill(func() string {
				if c.Pending() {
					return ""
				}
				return s.demoText()
			}),
			prompt.OptionHistory(hist.entries),
			prompt.OptionCompletionWordSeparator(wordSeparators),
			prompt.OptionMaxSuggestion(8),
			// Ctrl-C at the prompt (a key in raw mode, or a SIGINT turned into
			// one) drops the line and any half-typed block, as in Python.
			prompt.OptionAddKeyBind(prompt.KeyBind{Key: prompt.ControlC, Fn: func(*prompt.Buffer) {
				c.Reset()
				s.demoAside()
				s.out.exception("KeyboardInterrupt")
			}}),
			// Clearing the line sets a demo's statement aside too.
			prompt.OptionAddKeyBind(prompt.KeyBind{Key: prompt.ControlU, Fn: func(b *prompt.Buffer) {
				if b.Text() == "" {
					s.demoAside()
				}
			}}),
			// Ctrl-Z suspends, as the terminal itself does outside raw mode,
			// with the terminal given back meanwhile. SIGCONT redraws.
			prompt.OptionAddKeyBind(prompt.KeyBind{Key: prompt.ControlZ, Fn: func(*prompt.Buffer) {
				modes.suspend(stopSelf)
			}}),
			prompt.OptionSetExitCheckerOnInput(func(string, bool) bool {
				ended, _ := s.Ended()
				return ended
			}),
		)...)
	})

	// One Notify for the session. Signals ignored at start stay ignored.
	// SIGTSTP is left to the kernel: once Notify has installed Go's handler
	// for it, its default action (stop) cannot be had back.
	sig := make(chan os.Signal, 4)
	handled := []os.Signal{syscall.SIGINT, syscall.SIGQUIT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGCONT}
	notifyUnlessIgnored(sig, handled...)
	defer signal.Reset(handled...)

	done := make(chan int, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				restore()
				fmt.Fprintf(os.Stderr, "sockrepl: internal error: %v\n", r)
				done <- 2
			}
		}()
		if s.demo != nil {
			// The first statement's comments and wait, before its prompt.
			busy.Lock()
			modes.set(modeRunning)
			s.demoAnnounce()
			modes.set(modeCooked)
			busy.Unlock()
		}
		for {
			p.Run() // returns at Ctrl-D on an empty line, or when the session ended
			if ended, _ := s.Ended(); ended || !c.Pending() {
				break
			}
			atEOF()
		}
		if ended, _ := s.Ended(); ended {
			// go-prompt draws one more prompt before it sees the exit.
			os.Stdout.WriteString("\r\x1b[2K")
		}
		done <- 0
	}()
	for {
		select {
		case code := <-done:
			restore()
			if ended, exit := s.Ended(); ended {
				code = exit
			}
			return code
		case sg := <-sig:
			if sg == syscall.SIGCONT {
				// Resumed (fg): the job shell left the terminal in its own
				// mode. Take it back, and draw the prompt again.
				if modes.resume() == modePrompt {
					parser.inject(redraw)
				}
				continue
			}
			if sg == syscall.SIGINT || sg == syscall.SIGQUIT {
				// A statement running is interrupted; at the idle prompt the
				// signal acts as Ctrl-C, in go-prompt's goroutine.
				if busy.TryLock() {
					busy.Unlock()
					parser.inject(ctrlC)
				} else {
					s.Interrupt()
				}
				continue
			}
			// SIGTERM or SIGHUP: stop the running statement, wait briefly
			// for it, and leave with the terminal restored.
			s.Interrupt()
			waitIdle(&busy, time.Second)
			restore()
			os.Stdout.WriteString("\r\n")
			return ExitBySignal(sg.(syscall.Signal)) // as python3, which these signals kill
		}
	}
}

// waitIdle waits until no statement runs, or until the limit.
func waitIdle(busy *sync.Mutex, limit time.Duration) {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if busy.TryLock() {
			busy.Unlock()
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// suggestions adapts Session.Complete to go-prompt. Plain words are
// completed on Tab only, so the menu does not chase every keystroke.
func suggestions(s *Session, d prompt.Document) []prompt.Suggest {
	before := d.TextBeforeCursor()
	word := before
	if i := strings.LastIndexAny(before, wordSeparators); i >= 0 {
		word = before[i+1:]
	}
	tab := d.LastKeyStroke() == prompt.Tab
	if !tab && !strings.Contains(word, ".") && !strings.HasPrefix(strings.TrimSpace(before), "%") {
		return nil
	}
	var out []prompt.Suggest
	for _, c := range s.Complete(before) {
		out = append(out, prompt.Suggest{Text: c.Text, Description: c.Note})
	}
	return out
}

// promptColors gives go-prompt's own drawing the theme's palette (theme.go);
// promptPlain honours --no-color and NO_COLOR.
func promptColors(style promptStyle) []prompt.Option {
	switch style {
	case promptBlue:
		return []prompt.Option{prompt.OptionPrefixTextColor(prompt.Blue)}
	case promptContrast:
		// Black on white and white on black read on any projector; cyan
		// and turquoise, go-prompt's menu colours, wash out.
		fg, bg := prompt.Black, prompt.White
		return []prompt.Option{
			prompt.OptionPrefixTextColor(prompt.DefaultColor), prompt.OptionPreviewSuggestionTextColor(prompt.DefaultColor),
			prompt.OptionSuggestionTextColor(fg), prompt.OptionSuggestionBGColor(bg),
			prompt.OptionSelectedSuggestionTextColor(bg), prompt.OptionSelectedSuggestionBGColor(fg),
			prompt.OptionDescriptionTextColor(fg), prompt.OptionDescriptionBGColor(bg),
			prompt.OptionSelectedDescriptionTextColor(bg), prompt.OptionSelectedDescriptionBGColor(fg),
			prompt.OptionScrollbarThumbColor(fg), prompt.OptionScrollbarBGColor(bg),
		}
	}
	d := prompt.DefaultColor
	return []prompt.Option{
		prompt.OptionPrefixTextColor(d), prompt.OptionPreviewSuggestionTextColor(d),
		prompt.OptionSuggestionTextColor(d), prompt.OptionSuggestionBGColor(d),
		prompt.OptionSelectedSuggestionTextColor(d), prompt.OptionSelectedSuggestionBGColor(d),
		prompt.OptionDescriptionTextColor(d), prompt.OptionDescriptionBGColor(d),
		prompt.OptionSelectedDescriptionTextColor(d), prompt.OptionSelectedDescriptionBGColor(d),
		prompt.OptionScrollbarThumbColor(d), prompt.OptionScrollbarBGColor(d),
	}
}
