package repl

import (
	"fmt"
	"os"
	"sockrepl/repl/python"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"

	"sockrepl/sockets"
)

// cmdSs lists every TCP, UDP and Unix socket on the machine, like
// `ss -tuanpo`, marking the ones this shell holds. A port keeps the
// sockets whose local or remote port matches; a state name (ss's
// spelling: established, time-wait, listening...) keeps the sockets in
// that state, as `ss state time-wait` does. The timer column is ss -o's:
// which timer runs and when it fires.
func (s *Session) cmdSs(args []string) error {
	port, state := -1, ""
	if len(args) > 2 {
		return s.usage("usage: %%ss [PORT] [STATE]")
	}
	for _, a := range args {
		if p, err := strconv.Atoi(a); err == nil && port < 0 {
			if p < 0 || p > 65535 {
				return s.usage("usage: %%ss [PORT] [STATE]")
			}
			port = p
			continue
		}
		if st := ssState(a); st != "" && state == "" {
			state = st
			continue
		}
		return s.usage("usage: %%ss [PORT] [STATE]")
	}
	rows, err := sockets.ListKernel()
	if err != nil {
		return s.report(python.AsException(err))
	}
	mine := s.inodeNames()
	table := [][]string{{"proto", "state", "local", "peer", "recv-q", "send-q", "timer", "process"}}
	timers := false
	for _, r := range rows {
		if port >= 0 && r.LocalPort != port && r.RemotePort != port {
			continue
		}
		if state != "" && ssState(r.State) != state && !(state == "connected" && connected(r.State)) {
			continue
		}
		if port < 0 && state == "" && r.Proto == "unix" && r.Path == "" && mine[r.Inode] == "" {
			continue // unnamed unix sockets of other programs are noise
		}
		timer := timerText(r)
		timers = timers || timer != ""
		table = append(table, []string{r.Proto, r.State, endText(r.LocalHost, r.LocalPort, r.Path),
			endText(r.RemoteHost, r.RemotePort, ""), fmt.Sprint(r.RecvQ), fmt.Sprint(r.SendQ), timer, s.owner(r, mine)})
	}
	if len(table) == 1 {
		s.out.plain(tr(s.lang, "no sockets match"))
		return nil
	}
	if !timers {
		for i, row := range table {
			table[i] = append(row[:6:6], row[7])
		}
	}
	s.out.plain(tableLines(table)...)
	return nil
}

// ssState is a state name as ss spells it ("time-wait", "fin-wait-1",
// "listening"), from ss's or the kernel's spelling; "" when a is none.
func ssState(a string) string {
	a = strings.ReplaceAll(strings.ToLower(a), "_", "-")
	switch a {
	case "listen", "listening":
		return "listening"
	case "estab", "established":
		return "established"
	case "fin-wait1", "fin-wait-1":
		return "fin-wait-1"
	case "fin-wait2", "fin-wait-2":
		return "fin-wait-2"
	case "syn-sent", "syn-recv", "time-wait", "close-wait", "last-ack", "closing", "closed", "connected":
		return a
	case "new-syn-recv":
		return "syn-recv"
	}
	return ""
}

// connected is ss's "connected" group: every state but listening and
// closed.
func connected(state string) bool {
	st := ssState(state)
	return st != "" && st != "listening" && st != "closed" && state != "UNCONN"
}

// timerText is ss -o's timer, in words: "timewait 42s", "keepalive 1.2s",
// "on 0.4s (3)" for a retransmission with three tries gone unanswered.
func timerText(r sockets.KernelSocket) string {
	if r.TimerKind == "" {
		return ""
	}
	t := fmt.Sprintf("%s %.1fs", r.TimerKind, r.Timer.Seconds())
	if r.TimerKind == "timewait" {
		t = fmt.Sprintf("timewait %.0fs", r.Timer.Seconds())
	}
	if r.Retransmits > 0 {
		t += fmt.Sprintf(" (%d)", r.Retransmits)
	}
	return t
}

func endText(host string, port int, path string) string {
	if path != "" {
		return path
	}
	if host == "" && port == 0 {
		return "*"
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port == 0 {
		return host + ":*"
	}
	return fmt.Sprintf("%s:%d", host, port)
}

// owner says whose socket a row is: this shell's variable, another
// process, or nobody (TIME_WAIT belongs to the kernel alone).
func (s *Session) owner(r sockets.KernelSocket, mine map[uint64]string) string {
	if n, ok := mine[r.Inode]; ok && r.Inode != 0 {
		return tr(s.lang, "this shell: %s", n)
	}
	if r.PID == os.Getpid() {
		return tr(s.lang, "this shell")
	}
	if r.PID != 0 {
		return processLabel(r)
	}
	if r.Inode == 0 && r.Proto != "unix" {
		// TIME_WAIT, or a connection its owner already closed.
		return tr(s.lang, "kernel (no process)")
	}
	return "-"
}

// inodeNames maps the socket inodes this shell holds to variable names.
func (s *Session) inodeNames() map[uint64]string {
	names := s.interp.SocketNames()
	out := map[uint64]string{}
	for _, sk := range s.rt.Sockets() {
		var st unix.Stat_t
		fd := sk.Fileno()
		if fd >= 0 && unix.Fstat(fd, &st) == nil {
			out[st.Ino] = label(names, sk, sockets.State{FD: fd})
		}
	}
	return out
}
