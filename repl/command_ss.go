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
// `ss -tuanp`, marking the ones this shell holds. With a port, only the
// sockets whose local or remote port matches.
func (s *Session) cmdSs(args []string) error {
	port := -1
	if len(args) > 1 {
		return s.usage("usage: %%ss [PORT]")
	}
	if len(args) == 1 {
		p, err := strconv.Atoi(args[0])
		if err != nil || p < 0 || p > 65535 {
			return s.usage("usage: %%ss [PORT]")
		}
		port = p
	}
	rows, err := sockets.ListKernel()
	if err != nil {
		return s.report(python.AsException(err))
	}
	mine := s.inodeNames()
	table := [][]string{{"proto", "state", "local", "peer", "recv-q", "send-q", "process"}}
	for _, r := range rows {
		if port >= 0 && r.LocalPort != port && r.RemotePort != port {
			continue
		}
		if port < 0 && r.Proto == "unix" && r.Path == "" && mine[r.Inode] == "" {
			continue // unnamed unix sockets of other programs are noise
		}
		table = append(table, []string{r.Proto, stateText(r), endText(r.LocalHost, r.LocalPort, r.Path),
			endText(r.RemoteHost, r.RemotePort, ""), fmt.Sprint(r.RecvQ), fmt.Sprint(r.SendQ), s.owner(r, mine)})
	}
	if len(table) == 1 {
		s.out.plain(tr(s.lang, "no sockets match"))
		return nil
	}
	s.out.plain(tableLines(table)...)
	return nil
}

func stateText(r sockets.KernelSocket) string {
	if r.State == "TIME_WAIT" && r.Timer > 0 {
		return fmt.Sprintf("TIME_WAIT %.0fs", r.Timer.Seconds())
	}
	return r.State
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
