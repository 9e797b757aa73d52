package repl

import (
	"fmt"
	"sockrepl/repl/python"
	"sort"
	"strings"
	"time"

	"sockrepl/sockets"
)

// command is one % command: ipython-style shell commands that are not
// Python (they are never saved by %save).
type command struct {
	name string
	args string
	help string
	run  func(s *Session, args []string) error
}

// commandTable lists the % commands. It is a function, not a package
// variable set by init(), because cmdHelp lists the table it is in.
func commandTable() []command {
	return []command{
		{"help", "", "list these commands", (*Session).cmdHelp},
		{"ls", "", "this shell's sockets: state, addresses, mode, queues", (*Session).cmdLs},
		{"ss", "[PORT] [STATE]", "every socket on the machine (other processes, TIME_WAIT), with timers", (*Session).cmdSs},
		{"nstat", "", "the kernel's counters of dropped, refused and timed-out connections and datagrams", (*Session).cmdNstat},
		{"trace", "on|raw|off", "print each statement's system calls, strace-style", (*Session).cmdTrace},
		{"packets", "on [PORT]|off", "show the packets this shell's sockets send and receive", (*Session).cmdPackets},
		{"timeline", "[NAME]", "draw one connection's packets and both ends' TCP states", (*Session).cmdTimeline},
		{"lab", "[down|up HOST ...]", "the lab's hosts (sockrepl --lab); unplug a host, add delay or loss", (*Session).cmdLab},
		{"save", "[-f] FILE.py", "write this session's statements as a Python 3 script", (*Session).cmdSave},
		{"reset", "", "close every socket and clear variables", (*Session).cmdReset},
		{"history", "", "what you typed this session", (*Session).cmdHistory},
		{"demo", "FILE.py [ROLE] | skip | back | stop", "replay a file: each statement appears at the prompt", (*Session).cmdDemo},
		{"lesson", "[ID [ROLE] | load FILE | reset]", "list lessons, start one, load a file, restart", (*Session).cmdLesson},
		{"next", "", "skip to the next lesson step", (*Session).cmdNext},
		{"back", "", "go back one lesson step", (*Session).cmdBack},
		{"hint", "", "a hint for this lesson step", (*Session).cmdHint},
		{"show", "", "the code for this lesson step", (*Session).cmdShow},
		{"check", "", "check this lesson step now", (*Session).cmdCheck},
		{"quit", "", "close every socket and leave", (*Session).cmdQuit},
	}
}

// command runs a line that starts with %.
func (s *Session) command(line string) error {
	fields := strings.Fields(strings.TrimPrefix(line, "%"))
	if len(fields) == 0 {
		return s.cmdHelp(nil)
	}
	for _, c := range commandTable() {
		if c.name == fields[0] {
			return c.run(s, fields[1:])
		}
	}
	e := &python.PyError{Class: "UsageError", Msg: safeText(tr(s.lang, "unknown command %%%s: %%help lists them", fields[0]))}
	s.out.exception(e.Error())
	return e
}

// usage reports a % command's misuse. Its arguments (file names, a lesson
// file's parse error) come from outside, so control characters are escaped.
func (s *Session) usage(format string, args ...any) error {
	e := &python.PyError{Class: "UsageError", Msg: safeText(fmt.Sprintf(tr(s.lang, format), args...))}
	s.out.exception(e.Error())
	return e
}

func (s *Session) cmdHelp([]string) error {
	lines := []string{tr(s.lang, "Type Python socket statements; every call is a real system call.")}
	for _, c := range commandTable() {
		lines = append(lines, fmt.Sprintf("  %%%-8s %-34s %s", c.name, c.args, tr(s.lang, c.help)))
	}
	lines = append(lines, tr(s.lang, "help(obj) explains a function; Ctrl-C interrupts a blocked call; Ctrl-D leaves."),
		tr(s.lang, "Enter on an empty line shows what changed in the kernel since your last statement."))
	s.out.plain(lines...)
	return nil
}

func (s *Session) cmdLs([]string) error {
	names := s.interp.SocketNames()
	rows := [][]string{{"name", "fd", "kind", "state", "laddr", "raddr", "mode", "recv-q", "send-q", "queue"}}
	for _, sk := range s.rt.Sockets() {
		st := sk.State()
		queue := "-"
		if st.Listening {
			queue = fmt.Sprintf("%d/%d", st.AcceptQ, st.Backlog)
		}
		state := st.TCPState.String()
		if st.TCPState == sockets.TCPNone {
			state = "-"
		}
		name := strings.Join(names[sk], ",")
		if name == "" {
			name = "-"
		}
		rows = append(rows, []string{name, fmt.Sprint(st.FD), string(st.Kind), state,
			addrText(st.Laddr), addrText(st.Raddr), modeText(st),
			fmt.Sprint(st.RecvQ), fmt.Sprint(st.SendQ), queue})
	}
	if len(rows) == 1 {
		s.out.plain(tr(s.lang, "no open sockets"))
		return nil
	}
	s.out.plain(tableLines(rows)...)
	return nil
}

func modeText(st sockets.State) string {
	if st.Mode == sockets.ModeTimeout && st.Timeout != nil {
		return fmt.Sprintf("timeout %gs", *st.Timeout)
	}
	return st.Mode.String()
}

// addrText prints a socket address the way ss does: host:port, a path,
// @name for the abstract namespace, "-" when unset.
func addrText(v any) string {
	switch a := v.(type) {
	case nil:
		return "-"
	case sockets.Tuple:
		if len(a) >= 2 {
			host := fmt.Sprint(a[0])
			if strings.Contains(host, ":") {
				host = "[" + host + "]"
			}
			return fmt.Sprintf("%s:%v", host, a[1])
		}
	case string:
		if a == "" {
			return "-"
		}
		return a
	case []byte:
		if len(a) > 0 && a[0] == 0 {
			return "@" + string(a[1:])
		}
		return string(a)
	}
	return sockets.Repr(v)
}

// tableLines aligns rows into columns, measured in terminal cells,
// separated by two spaces. Cells are
// escaped first (safeText): process names and socket paths belong to
// anyone on the machine.
// cellWidth is how many terminal cells s takes: its length when it is
// ASCII (a table of 10,000 sockets is), else what runewidth says.
func cellWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return cells.StringWidth(s)
		}
	}
	return len(s)
}

func tableLines(rows [][]string) []string {
	for _, r := range rows {
		for i, c := range r {
			r[i] = safeText(c)
		}
	}
	width := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			width[i] = max(width[i], cellWidth(c))
		}
	}
	out := make([]string, len(rows))
	for j, r := range rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", width[i]-cellWidth(c)+2))
			}
		}
		out[j] = b.String()
	}
	return out
}

// cmdTrace turns on the tracer. "on" shows the calls a Python program
// makes for the statement, as strace shows CPython's; "raw" shows what
// the shell issued to make those calls interruptible.
func (s *Session) cmdTrace(args []string) error {
	if len(args) != 1 {
		return s.usage("usage: %%trace on|raw|off")
	}
	switch args[0] {
	case "on":
		s.tracing = true
		s.rt.SetTracer(s.traceLine(sockets.ViewProgram))
		s.out.dim(tr(s.lang, "tracing on: each statement's system calls as a Python program makes them (%trace raw: as this shell makes them; %trace off: stop)"))
	case "raw":
		s.tracing = true
		s.rt.SetTracer(s.traceLine(sockets.ViewRaw))
		s.out.dim(tr(s.lang, "tracing the shell's own calls: its sockets are O_NONBLOCK in the kernel and it never sleeps inside recv(), accept() or connect() but tries without blocking and waits in poll() on the socket and its wake fd, so that Ctrl-C can end any wait; a Python program makes one blocking call instead (%trace on shows that)"))
	case "off":
		s.tracing = false
		s.rt.SetTracer(nil)
		s.out.dim(tr(s.lang, "tracing off"))
	default:
		return s.usage("usage: %%trace on|raw|off")
	}
	return nil
}

// traceLine prints the calls of one view: strace's "call = result", and
// how long it took when that is long enough to read.
func (s *Session) traceLine(view sockets.TraceView) func(sockets.Trace) {
	return func(t sockets.Trace) {
		if t.View != sockets.ViewBoth && t.View != view {
			return
		}
		line := fmt.Sprintf("  %s = %s", t.Call, t.Result)
		if t.Took >= time.Millisecond {
			line += fmt.Sprintf("  <%.3f s>", t.Took.Seconds())
		}
		s.out.dim(line)
	}
}

func (s *Session) cmdReset([]string) error {
	n := len(s.rt.Sockets())
	for _, sk := range s.rt.Sockets() {
		sk.Close()
	}
	s.interp.Reset()
	s.saved = nil
	s.prev = map[*sockets.Socket]sockets.State{}
	s.known = nil
	if n == 1 {
		s.out.plain(tr(s.lang, "closed 1 socket and cleared every variable"))
	} else {
		s.out.plain(tr(s.lang, "closed %d sockets and cleared every variable", n))
	}
	return nil
}

func (s *Session) cmdHistory([]string) error {
	var lines []string
	for i, in := range s.inputs {
		for j, l := range strings.Split(in, "\n") {
			if j == 0 {
				lines = append(lines, fmt.Sprintf("%4d  %s", i+1, l))
			} else {
				lines = append(lines, "      "+l)
			}
		}
	}
	s.out.plain(lines...)
	return nil
}

func (s *Session) cmdQuit([]string) error {
	s.ended = true
	return &python.ExitError{}
}

// commandNames lists the % commands, for completion.
func commandNames() []string {
	var names []string
	for _, c := range commandTable() {
		names = append(names, "%"+c.name)
	}
	sort.Strings(names)
	return names
}
