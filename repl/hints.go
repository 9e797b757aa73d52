package repl

import (
	"fmt"
	"os"
	"strings"

	"go.starlark.net/starlark"
	"golang.org/x/sys/unix"

	"sockrepl/lessons/words"
	"sockrepl/repl/python"
	"sockrepl/sockets"
)

// hintFor returns the dim line shown after an exception that learners
// meet often, chosen from the real state of the socket that raised it
// (words.Hint's table); "" when there is nothing useful to add.
func (s *Session) hintFor(e *python.PyError) string {
	return words.Hint(s.lang, s.situation(e))
}

// situation gathers what the shell knows about e: the socket whose method
// raised it, that socket's state and history, and who holds the port the
// call named.
func (s *Session) situation(e *python.PyError) words.Situation {
	sit := words.Situation{Errno: e.Errno, Class: e.Class, Msg: e.Msg, Op: e.Op}
	f, ok := s.interp.LastFailedCall(e)
	if !ok {
		return sit
	}
	sk := f.Socket
	if sit.Op == "" {
		sit.Op = f.Method
	}
	st, h := sk.State(), sk.History()
	sit.Known = true
	sit.Name = label(s.interp.SocketNames(), sk, st)
	sit.UDP = sk.Type() == unix.SOCK_DGRAM
	sit.Listening = st.Listening
	sit.NeverConnected = !h.HadPeer && st.Raddr == nil
	sit.Dialed = h.Dialed != nil
	sit.ShutWrite = h.ShutWrite
	sit.Blocking = st.Mode == sockets.ModeBlocking
	switch {
	case e.Errno == int(unix.EADDRINUSE) && sit.Op == "bind" && len(f.Args) > 0:
		sit.Host, sit.Port = addressValue(f.Args[0])
		if sit.Port > 0 {
			sit.Holder, sit.HolderName = s.portHolder(sk, sit.Port)
		}
	case e.Errno == int(unix.ECONNREFUSED) && (sit.Op == "connect" || sit.Op == "connect_ex"):
		sit.Host, sit.Port = hostPort(h.Dialed)
		sit.Holder = words.HolderNobody
		if other := s.shellSocketOn(sk, sit.Port); other != nil {
			sit.Holder, sit.HolderName = words.HolderShell, label(s.interp.SocketNames(), other, other.State())
		}
	}
	return sit
}

// hostPort reads an (host, port) address value; port 0 when it is not one.
func hostPort(addr any) (string, int) {
	switch a := addr.(type) {
	case sockets.Tuple:
		if len(a) >= 2 {
			host, _ := a[0].(string)
			port, _ := a[1].(int)
			return host, port
		}
	}
	return "", 0
}

// addressValue reads a Python (host, port) tuple.
func addressValue(v starlark.Value) (string, int) {
	t, ok := v.(starlark.Tuple)
	if !ok || len(t) < 2 {
		return "", 0
	}
	host, _ := starlark.AsString(t[0])
	port, err := starlark.AsInt32(t[1])
	if err != nil {
		return host, 0
	}
	return host, port
}

// shellSocketOn is another socket of this shell bound to port with the
// same type as sk, or nil.
func (s *Session) shellSocketOn(sk *sockets.Socket, port int) *sockets.Socket {
	for _, other := range s.rt.Sockets() {
		if other == sk || other.Type() != sk.Type() {
			continue
		}
		if _, p := hostPort(other.State().Laddr); p == port {
			return other
		}
	}
	return nil
}

// portHolder says who holds port, for bind's EADDRINUSE: a socket of
// this shell, another program, or only connections in TIME_WAIT.
func (s *Session) portHolder(sk *sockets.Socket, port int) (words.Holder, string) {
	if other := s.shellSocketOn(sk, port); other != nil {
		return words.HolderShell, label(s.interp.SocketNames(), other, other.State())
	}
	rows, err := sockets.ListKernel()
	if err != nil {
		return words.HolderUnknown, ""
	}
	proto := "tcp"
	if sk.Type() == unix.SOCK_DGRAM {
		proto = "udp"
	}
	timeWait := false
	for _, r := range rows {
		if r.LocalPort != port || !strings.HasPrefix(r.Proto, proto) {
			continue
		}
		if r.PID != 0 && r.PID != os.Getpid() && r.State != "TIME_WAIT" {
			return words.HolderProcess, processLabel(r)
		}
		timeWait = timeWait || r.State == "TIME_WAIT"
	}
	if timeWait {
		return words.HolderTimeWait, ""
	}
	return words.HolderUnknown, ""
}

// processLabel names the program that owns a kernel socket: "curl[812]",
// or for another sockrepl its role, "sockrepl --role client[812]", so that
// two terminals of one lesson can tell each other apart.
func processLabel(r sockets.KernelSocket) string {
	name := r.Process
	if name == "sockrepl" || strings.HasPrefix(name, "sockrepl") {
		if role := roleOf(r.PID); role != "" {
			name = "sockrepl --role " + role
		}
	}
	return fmt.Sprintf("%s[%d]", name, r.PID)
}

// roleOf reads another sockrepl's --role from its command line.
func roleOf(pid int) string {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil {
		return ""
	}
	args := strings.Split(strings.TrimRight(string(data), "\x00"), "\x00")
	for i, a := range args {
		switch {
		case (a == "--role" || a == "-role") && i+1 < len(args):
			return safeText(args[i+1])
		case strings.HasPrefix(a, "--role="), strings.HasPrefix(a, "-role="):
			return safeText(a[strings.Index(a, "=")+1:])
		}
	}
	return ""
}
