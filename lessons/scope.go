package lessons

import (
	"os"
	"regexp"
	"strconv"

	"go.starlark.net/starlark"

	"sockrepl/sockets"
)

// The kernel listing is machine-wide. After a benchmark it holds tens of
// thousands of TIME_WAIT rows that no lesson is about, and a check that
// walks them all costs as much as they are many. So a check's `kernel`
// holds only the rows that concern the lesson: those on a port the lesson
// names (in a check or in its code) or that one of the shell's sockets
// uses, Unix sockets bound to a path the lesson names or a socket of the
// shell uses, and every socket of this process. The filter runs in Go,
// before the check sees a row, so a check costs the same on a busy machine
// as on an idle one.

// scope is what of the kernel listing concerns one lesson.
type scope struct {
	ports map[int]bool
	paths map[string]bool
}

var (
	// codePort is a port in an address tuple of a step's code:
	// ('127.0.0.1', 61010), ('', 61031), ('::1', 61200, 0, 0).
	codePort = regexp.MustCompile(`\(\s*(?:'[^']*'|"[^"]*")\s*,\s*(\d{1,5})\s*[,)]`)
	// codePath is a Unix socket's name in a step's code: a string that
	// starts with / or with a NUL (the abstract namespace).
	codePath = regexp.MustCompile(`'(/[^']*|\\x00[^']*)'|"(/[^"]*|\\x00[^"]*)"`)
)

// lessonScope collects the ports and paths a lesson names.
func lessonScope(l *Lesson) *scope {
	sc := &scope{ports: map[int]bool{}, paths: map[string]bool{}}
	for _, st := range l.Steps {
		for _, p := range st.ports {
			sc.ports[p] = true
		}
		for _, code := range []string{st.Code, st.Alt, st.Wrong} {
			for _, m := range codePort.FindAllStringSubmatch(code, -1) {
				if p, err := strconv.Atoi(m[1]); err == nil && p > 0 && p < 65536 {
					sc.ports[p] = true
				}
			}
			for _, m := range codePath.FindAllStringSubmatch(code, -1) {
				path := m[1] + m[2]
				if len(path) > 4 && path[:4] == `\x00` {
					path = "@" + path[4:] // as /proc/net/unix shows an abstract name
				}
				sc.paths[path] = true
			}
		}
	}
	return sc
}

// filter keeps the rows of the listing that concern the lesson, given the
// shell's sockets and the ports of the addresses its globals hold (a UDP
// server learns its peer's port only from recvfrom). A nil scope keeps
// every row.
func (sc *scope) filter(rows []sockets.KernelSocket, socks []SocketView, addrPorts []int) []sockets.KernelSocket {
	if sc == nil {
		return rows
	}
	ports := make(map[int]bool, len(sc.ports)+2*len(socks))
	for p := range sc.ports {
		ports[p] = true
	}
	paths := make(map[string]bool, len(sc.paths)+len(socks))
	for p := range sc.paths {
		paths[p] = true
	}
	for _, sv := range socks {
		for _, a := range []any{sv.State.Laddr, sv.State.Raddr} {
			switch a := a.(type) {
			case sockets.Tuple:
				if _, p := hostPort(a); p > 0 {
					ports[p] = true
				}
			case string:
				paths[a] = true
			case []byte:
				if len(a) > 0 && a[0] == 0 {
					paths["@"+string(a[1:])] = true
				}
			}
		}
	}
	for _, p := range addrPorts {
		ports[p] = true
	}
	pid := os.Getpid()
	out := make([]sockets.KernelSocket, 0, 64)
	for _, k := range rows {
		switch {
		case k.PID == pid,
			k.Proto == "unix" && k.Path != "" && paths[k.Path],
			k.Proto != "unix" && (ports[k.LocalPort] || ports[k.RemotePort]):
			out = append(out, k)
		}
	}
	return out
}

// globalPorts are the ports of the inet addresses the learner's globals
// hold: ('127.0.0.1', 50321) and (host, port, flowinfo, scope_id) tuples,
// alone or as the second item of a (data, address) pair.
func globalPorts(globals starlark.StringDict) []int {
	var out []int
	var visit func(v starlark.Value, depth int)
	visit = func(v starlark.Value, depth int) {
		t, ok := v.(starlark.Tuple)
		if !ok || depth > 1 {
			return
		}
		if (len(t) == 2 || len(t) == 4) && isString(t[0]) {
			if p, err := starlark.AsInt32(t[1]); err == nil && p > 0 && p < 65536 {
				out = append(out, p)
			}
			return
		}
		for _, el := range t {
			visit(el, depth+1)
		}
	}
	for _, v := range globals {
		visit(v, 0)
	}
	return out
}

func isString(v starlark.Value) bool {
	_, ok := v.(starlark.String)
	return ok
}
