//go:build linux

package sockets

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"
)

// pyProc is one python3 process that runs snippets on request, so that a
// fuzz target can compare thousands of inputs with CPython without paying
// for a process start each time.
type pyProc struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

// pyServer reads one JSON-encoded snippet per line, runs it in a fresh
// namespace, closes any socket it left open, and answers one JSON line:
// repr(r), or "Class: message" as the pyHarness of pycompare_test prints it.
const pyServer = `
import json, socket, sys
for line in sys.stdin:
    ns = {'socket': socket}
    try:
        exec(json.loads(line), ns)
        out = repr(ns.get('r'))
    except BaseException as e:
        cls = type(e).__name__
        if type(e).__module__ == 'socket':
            cls = 'socket.' + cls
        out = cls + (': ' + str(e) if str(e) else '')
    for v in ns.values():
        if isinstance(v, socket.socket):
            v.close()
    print(json.dumps(out), flush=True)
`

// startPy starts the server for the life of tb. It returns nil when
// python3 is missing: the caller still runs its own checks, without the
// comparison. The process dies with its parent (stdin EOF, or Pdeathsig).
func startPy(tb testing.TB) *pyProc {
	tb.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		tb.Log("python3 not found: no comparison with CPython (.ci/run installs it)")
		return nil
	}
	cmd := exec.Command(py, "-c", pyServer)
	cmd.Stderr = os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	in, err := cmd.StdinPipe()
	if err != nil {
		tb.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	p := &pyProc{cmd: cmd, in: in, out: bufio.NewReader(out)}
	tb.Cleanup(func() {
		in.Close()
		cmd.Wait()
	})
	return p
}

// run returns CPython's outcome of code.
func (p *pyProc) run(tb testing.TB, code string) string {
	tb.Helper()
	line, _ := json.Marshal(code)
	if _, err := p.in.Write(append(line, '\n')); err != nil {
		tb.Fatalf("python3 gone: %v", err)
	}
	reply, err := p.out.ReadBytes('\n')
	if err != nil {
		tb.Fatalf("python3 gone: %v", err)
	}
	var out string
	if err := json.Unmarshal(reply, &out); err != nil {
		tb.Fatalf("python3 answered %q: %v", reply, err)
	}
	return out
}

// pyLit writes v as Python source. ok is false when CPython has no literal
// for it (a str that is not UTF-8: Python strings cannot hold raw bytes).
func pyLit(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return Repr(x), utf8.ValidString(x)
	case float64:
		r := Repr(x)
		if r == "inf" || r == "-inf" || r == "nan" {
			return "float('" + r + "')", true
		}
		return r, true
	case Tuple, []any:
		var items []any
		open, end := "(", ")"
		if t, ok := x.(Tuple); ok {
			items = t
			if len(t) == 1 {
				end = ",)"
			}
		} else {
			items, open, end = x.([]any), "[", "]"
		}
		parts := make([]string, len(items))
		for i, e := range items {
			s, ok := pyLit(e)
			if !ok {
				return "", false
			}
			parts[i] = s
		}
		return open + strings.Join(parts, ", ") + end, true
	}
	return Repr(v), true
}
