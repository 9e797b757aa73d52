package repl

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mattn/go-runewidth"

	"sockrepl/sockets"
)

// screen owns the session's writers. It keeps the live status line of a
// blocked call apart from ordinary output: anything printed first clears
// the status line, and the call's end replaces it with a one-line summary.
type screen struct {
	mu       sync.Mutex
	out, err io.Writer
	term     bool
	width    func() int
	th       theme
	status   bool // a status line is drawn
	blocked  bool // the running statement showed a status line
	spin     int

	// lines is for a terminal without cursor control (TERM=dumb): the
	// status line is written once, whole, and the summary after it.
	lines     bool
	announced bool // lines: the running call's status line is written

	// cut is set by Ctrl-C (Session.Interrupt) while printing is, and
	// stops that output: echoing an 80 MB repr to a terminal takes minutes.
	cut      atomic.Bool
	printing atomic.Bool
	midLine  bool // program output left the cursor inside a line
	// hinted: the last thing written was a hint or notice (a spaced
	// theme puts an empty line above the first of a run).
	hinted bool
	// unblocked runs when a call that showed a status line ends, before
	// its summary is written: the terminal drops the keys typed blind
	// meanwhile there, so that a line typed once the summary is on the
	// screen is kept (RunTerminal sets it; nil elsewhere).
	unblocked func()
	flushed   bool // unblocked ran since the last status line was drawn
}

// printChunk is how much program output goes out between looks at cut.
const printChunk = 32 << 10

// statusDelay keeps quick calls from flickering a status line.
const statusDelay = 250 * time.Millisecond

func newScreen(out, err io.Writer, th theme, term bool, width func() int) *screen {
	sc := &screen{out: out, err: err, term: term, width: width, th: th}
	if sc.width == nil {
		sc.width = func() int { return 100 }
	}
	return sc
}

func (sc *screen) clearStatusLocked() {
	if sc.status {
		io.WriteString(sc.out, "\r\x1b[K")
		sc.status = false
	}
	sc.announced = false
	sc.hinted = false
}

// print writes program output (echoes, print()) verbatim.
// It stops at Ctrl-C.
func (sc *screen) print(text string) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.clearStatusLocked()
	sc.cut.Store(false)
	sc.printing.Store(true)
	defer sc.printing.Store(false)
	for len(text) > 0 && !sc.cut.Load() {
		n := min(len(text), printChunk)
		io.WriteString(sc.out, text[:n])
		sc.midLine = text[n-1] != '\n'
		text = text[n:]
	}
}

// stderr writes what the program writes to sys.stderr.
func (sc *screen) stderr(text string) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.clearStatusLocked()
	io.WriteString(sc.err, text)
}

// interrupt stops the program output being written (Ctrl-C). Output
// written afterwards goes out: a program may catch KeyboardInterrupt and
// go on.
func (sc *screen) interrupt() {
	if sc.printing.Load() {
		sc.cut.Store(true)
	}
}

// exception writes an exception's last line to the error writer, on a
// line of its own in a terminal.
func (sc *screen) exception(line string) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.clearStatusLocked()
	if sc.term && sc.midLine {
		io.WriteString(sc.out, "\n")
	}
	sc.midLine = false
	fmt.Fprintln(sc.err, paint(sc.th.exception, line))
}

// dim writes a hint line (terminal mode only).
func (sc *screen) dim(line string) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	spaced := sc.th.spaced && !sc.hinted && !sc.midLine
	sc.clearStatusLocked()
	if spaced {
		io.WriteString(sc.out, "\n")
	}
	fmt.Fprintln(sc.out, paint(sc.th.hint, line))
	sc.hinted = true
}

// notice writes one kernel-state change after a statement.
func (sc *screen) notice(line string) { sc.dim("● " + line) }

// plain writes command output (tables, listings), with control
// characters escaped: much of it comes from outside (safeText).
func (sc *screen) plain(lines ...string) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.clearStatusLocked()
	for _, l := range lines {
		fmt.Fprintln(sc.out, safeText(l))
	}
}

// lesson writes lesson text in its own colour; a teacher's file may hold
// anything, so control characters are escaped.
func (sc *screen) lesson(lines ...string) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.clearStatusLocked()
	for _, l := range lines {
		fmt.Fprintln(sc.out, paint(sc.th.lesson, safeText(l)))
	}
}

// comment writes a demo file's comment lines, the teacher's talking
// points, in the theme's comment style; control characters are escaped.
func (sc *screen) comment(lines ...string) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.clearStatusLocked()
	for _, l := range lines {
		fmt.Fprintln(sc.out, paint(sc.th.comment, safeText(l)))
	}
}

// endStatus clears a status line left by a call that ended without a
// Finished report.
func (sc *screen) endStatus() {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.clearStatusLocked()
}

// tookBlocked reports whether a status line was shown since the last
// call (keys typed meanwhile were typed blind, and are dropped), and
// whether the terminal's input was already flushed when the last blocked
// call ended (unblocked).
func (sc *screen) tookBlocked() (blocked, flushed bool) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	blocked, flushed = sc.blocked, sc.flushed
	sc.blocked, sc.flushed = false, false
	return blocked, flushed
}

var spinner = []string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"}

// progress returns the observer that draws the status line from the wait
// helper's reports.
func (sc *screen) progress(lang string) func(sockets.Progress) {
	return func(p sockets.Progress) {
		if p.Elapsed < statusDelay {
			return
		}
		sc.mu.Lock()
		defer sc.mu.Unlock()
		if p.Finished {
			if !sc.status && !sc.announced {
				return
			}
			if sc.blocked && sc.unblocked != nil {
				sc.unblocked()
				sc.flushed = true
			}
			sc.clearStatusLocked()
			fmt.Fprintln(sc.out, paint(sc.th.status, "  "+summaryText(lang, p)))
			return
		}
		if sc.lines {
			if !sc.announced {
				fmt.Fprintln(sc.out, "  "+statusText(lang, p))
				sc.announced, sc.blocked, sc.flushed = true, true, false
			}
			return
		}
		sc.spin = (sc.spin + 1) % len(spinner)
		line := statusFit(spinner[sc.spin]+" ", statusParts(lang, p), sc.width()-1)
		io.WriteString(sc.out, "\r\x1b[K"+paint(sc.th.status, line))
		sc.status, sc.blocked, sc.flushed = true, true, false
	}
}

// cells measures text in terminal cells: a Chinese character takes two.
// Ambiguous characters (·, …, ●) take one, as terminals draw them unless
// told otherwise, whatever the locale says.
var cells = &runewidth.Condition{EastAsianWidth: false}

// fit cuts a line to width cells so that \r can redraw it: a line that
// wrapped would leave a copy on the screen at every redraw.
func fit(s string, width int) string {
	width = max(width, 1)
	if cells.StringWidth(s) <= width {
		return s
	}
	return cells.Truncate(s, width, "…")
}

// statusText is the live line: call, fd, address, kernel reason, bytes
// done, elapsed time and how to interrupt.
func statusText(lang string, p sockets.Progress) string {
	return strings.Join(statusParts(lang, p), " · ")
}

// statusParts are the status line's parts: the call first, the elapsed
// time and "Ctrl-C interrupts" last.
func statusParts(lang string, p sockets.Progress) []string {
	parts := []string{}
	switch {
	case p.Op == "":
		// The shell's own wait (a demo waiting for the other terminal):
		// Detail says what for.
		return []string{p.Detail, seconds(p.Elapsed), tr(lang, "Ctrl-C interrupts")}
	case p.FD >= 0:
		parts = append(parts, tr(lang, "%s() blocking on fd %d", p.Op, p.FD))
	default:
		parts = append(parts, tr(lang, "%s() blocking", p.Op))
	}
	if p.Local != "" {
		parts = append(parts, safeText(p.Local))
	}
	if why := whyText(lang, p); why != "" {
		parts = append(parts, why)
	}
	if p.Total > 0 {
		done, total := sizes(p.Done, p.Total)
		parts = append(parts, tr(lang, "%s of %s sent", done, total))
	}
	return append(parts, seconds(p.Elapsed), tr(lang, "Ctrl-C interrupts"))
}

// statusFit makes the status line fit width cells: the parts between the
// call and the time go first, from the right (the address last), so a
// narrow terminal still shows what blocks, for how long, and how to end
// it; only then is the line cut.
func statusFit(lead string, parts []string, width int) string {
	parts = append([]string(nil), parts...)
	for len(parts) > 3 {
		if line := lead + strings.Join(parts, " · "); cells.StringWidth(line) <= width {
			return line
		}
		parts = append(parts[:len(parts)-3], parts[len(parts)-2:]...)
	}
	return fit(lead+strings.Join(parts, " · "), width)
}

func whyText(lang string, p sockets.Progress) string {
	switch p.Why {
	case sockets.WaitAcceptQueue:
		return tr(lang, "accept queue %d/%d", p.QueueLen, p.Backlog)
	case sockets.WaitRecvBuffer:
		return tr(lang, "receive buffer empty")
	case sockets.WaitSendBuffer:
		queued, buf := sizes(int64(p.SendQ), int64(p.SndBuf))
		return tr(lang, "send buffer full: %s queued of %s", queued, buf)
	case sockets.WaitHandshake:
		return tr(lang, "TCP handshake in progress")
	case sockets.WaitSelect:
		return tr(lang, "no descriptor ready yet")
	case sockets.WaitSleep:
		return tr(lang, "sleeping")
	case sockets.WaitOther:
		return tr(lang, p.Detail) // "queue empty", "thread still running"... (the catalogue has each)
	}
	return ""
}

func summaryText(lang string, p sockets.Progress) string {
	if p.Op == "" {
		return tr(lang, "waited %s", seconds(p.Elapsed))
	}
	if p.Err != nil {
		if e, ok := p.Err.(*sockets.Error); ok && e.Class == "KeyboardInterrupt" {
			return tr(lang, "%s() interrupted after %s", p.Op, seconds(p.Elapsed))
		}
		return tr(lang, "%s() failed after %s", p.Op, seconds(p.Elapsed))
	}
	return tr(lang, "%s() returned after %s", p.Op, seconds(p.Elapsed))
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.1f s", d.Seconds()) }

// size prints a byte count the way people read it: 12 bytes, 2.5 MB.
func size(n int64) string {
	switch {
	case n == 1:
		return "1 byte"
	case n < 10_000:
		return fmt.Sprintf("%d bytes", n)
	case n < 10_000_000:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	case n < 10_000_000_000:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.1f GB", float64(n)/1e9)
}

// sizes prints two byte counts of one figure ("A of B") in B's unit, so
// that a figure never mixes bytes and kB.
func sizes(a, of int64) (string, string) {
	whole := size(of)
	unit, scale := "", 0.0
	switch {
	case of < 10_000:
		return fmt.Sprintf("%d", a), whole
	case of < 10_000_000:
		unit, scale = "kB", 1e3
	case of < 10_000_000_000:
		unit, scale = "MB", 1e6
	default:
		unit, scale = "GB", 1e9
	}
	return fmt.Sprintf("%.1f %s", float64(a)/scale, unit), whole
}
