package repl

import (
	"os"
	"os/signal"
	"sync"

	"golang.org/x/sys/unix"
	"golang.org/x/term"
)

// ttyMode is one of the modes the interactive shell puts the terminal in.
type ttyMode int

const (
	modeCooked  ttyMode = iota // as the shell found it
	modePrompt                 // go-prompt's raw mode, while it reads keys
	modeRunning                // a statement runs: no echo, Ctrl-C is SIGINT
)

// ttyModes applies the terminal mode the shell is in, and applies it again
// when the process is resumed: a job shell gives a resumed job the
// terminal in its own (cooked) mode, so after fg keys would echo over the
// status line, and the prompt would wait for Enter.
type ttyModes struct {
	mu      sync.Mutex
	saved   *term.State
	cooked  *unix.Termios // the same state, for deriving the running mode
	mode    ttyMode
	prompt  func() error // go-prompt's raw mode
	pasteOn bool         // bracketed paste is on
}

// giveBack restores the terminal as the shell found it, on a way out.
func (m *ttyModes) giveBack() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.bracketedPaste(false)
	term.Restore(0, m.saved)
}

func (m *ttyModes) set(mode ttyMode) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.mode = mode
	m.applyLocked()
}

// Bracketed paste (keys.go) is on while go-prompt reads keys, and off
// otherwise: a program run after the shell, or a statement reading the
// terminal, must not get the markers.
const (
	bracketedPasteOn  = "\x1b[?2004h"
	bracketedPasteOff = "\x1b[?2004l"
)

func (m *ttyModes) applyLocked() {
	m.bracketedPaste(m.mode == modePrompt)
	switch m.mode {
	case modePrompt:
		if m.prompt != nil {
			m.prompt()
		}
	case modeRunning:
		running(m.cooked, m.saved)
	default:
		term.Restore(0, m.saved)
	}
}

// bracketedPaste turns bracketed paste on or off, when it changes.
func (m *ttyModes) bracketedPaste(on bool) {
	if on == m.pasteOn {
		return
	}
	m.pasteOn = on
	if on {
		os.Stdout.WriteString(bracketedPasteOn)
	} else {
		os.Stdout.WriteString(bracketedPasteOff)
	}
}

// suspend gives the terminal back as the shell found it, stops the
// process with stop (stopSelf), and on resume applies the mode again.
func (m *ttyModes) suspend(stop func()) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.bracketedPaste(false)
	term.Restore(0, m.saved)
	stop()
	m.applyLocked()
}

// resume applies the mode again (after SIGCONT) and returns it.
func (m *ttyModes) resume() ttyMode {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.applyLocked()
	return m.mode
}

// running sets the terminal for a statement: no echo and no line editing,
// so typed keys do not smear the status line, but ISIG stays on so that
// Ctrl-C raises SIGINT and interrupts a blocked call. NOFLSH keeps Ctrl-C
// from discarding output not yet shown: the shell's own KeyboardInterrupt
// line and prompt, written at once, went with it (the shell stops long
// output itself, screen.print). ICRNL is off, so that Enter typed ahead
// while a statement runs reaches go-prompt as the CR it reads as Enter:
// as LF it followed the line's own CR and the pair was read as one Enter,
// so the Enter that ends a block was lost. The mode is set in one step
// from the cooked state, never through it: a key arriving in cooked mode
// is echoed and translated too.
func running(cooked *unix.Termios, saved *term.State) {
	if cooked == nil {
		term.Restore(0, saved)
		return
	}
	t := *cooked
	t.Lflag &^= unix.ECHO | unix.ICANON
	t.Lflag |= unix.ISIG | unix.NOFLSH
	t.Iflag &^= unix.ICRNL
	t.Cc[unix.VMIN], t.Cc[unix.VTIME] = 1, 0
	unix.IoctlSetTermios(0, ioctlSetTermios, &t)
}

// notifyUnlessIgnored is signal.Notify for the signals that were not
// ignored when the process started: like python3, the shell leaves an
// inherited SIG_IGN (nohup, a background job of a script) alone.
func notifyUnlessIgnored(c chan<- os.Signal, sigs ...os.Signal) {
	var keep []os.Signal
	for _, s := range sigs {
		if !signal.Ignored(s) {
			keep = append(keep, s)
		}
	}
	if len(keep) > 0 {
		signal.Notify(c, keep...)
	}
}

// termWidth is the window's width in columns. A terminal that reports 0
// (script, some docker exec -t, serial lines) or none is taken as 80 wide.
func termWidth() int {
	if w, _, err := term.GetSize(1); err == nil && w > 0 {
		return w
	}
	return 80
}
