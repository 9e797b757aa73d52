package repl

import (
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"sockrepl/lab"
	"sockrepl/sockets"
	"sockrepl/sockets/capture"
)

// peerName names an end that is not this shell's: "[server]" when a
// sockrepl started with --role holds it, else its address. The kernel's
// socket table gives the owning process; a connection still waiting in
// a listener's accept queue has no file yet, so the listener's owner
// stands for it.
func (s *Session) peerName(proto capture.Proto, x, other netip.AddrPort) string {
	name := endpointText(x)
	if s.opt.Lab != nil {
		// Another host of the lab: its sockets are in another network
		// namespace, out of this one's tables, but its name is known.
		if h := lab.HostAt(x.Addr()); h != "" {
			return fmt.Sprintf("%s:%d", h, x.Port())
		}
	}
	rows, err := sockets.ListKernel()
	if err != nil {
		return name
	}
	pid := 0
	for _, r := range rows {
		if !strings.HasPrefix(r.Proto, strings.ToLower(proto.String())) || r.LocalPort != int(x.Port()) || r.PID == 0 {
			continue
		}
		host := parseHost(r.LocalHost)
		exact := host == x.Addr() && r.RemotePort == int(other.Port()) && parseHost(r.RemoteHost) == other.Addr()
		bound := r.RemotePort == 0 && (host == x.Addr() || host.IsUnspecified())
		if exact {
			pid = r.PID
			break
		}
		if bound && pid == 0 {
			pid = r.PID
		}
	}
	if pid == 0 || pid == os.Getpid() {
		return name
	}
	if role, ok := sockreplRole(pid); ok {
		if role == "" {
			return fmt.Sprintf("sockrepl[%d]", pid)
		}
		return "[" + role + "]"
	}
	return name
}

func parseHost(h string) netip.Addr {
	a, err := netip.ParseAddr(h)
	if err != nil {
		return netip.Addr{}
	}
	return a.Unmap()
}

// sockreplRole reads another process's command line: whether it is a
// sockrepl, and its --role.
func sockreplRole(pid int) (string, bool) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
	if err != nil {
		return "", false
	}
	args := strings.Split(strings.TrimRight(string(data), "\x00"), "\x00")
	if len(args) == 0 || filepath.Base(args[0]) != "sockrepl" {
		return "", false
	}
	for i, a := range args[1:] {
		a = strings.TrimLeft(a, "-")
		if v, ok := strings.CutPrefix(a, "role="); ok {
			return v, true
		}
		if a == "role" && i+2 < len(args) {
			return args[i+2], true
		}
	}
	return "", true
}
