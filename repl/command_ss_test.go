package repl

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// %ss keeps the rows of one port and one state, as `ss state time-wait
// sport = :P` does, and shows the timer that runs: TIME_WAIT's countdown
// here, on a connection the client closed first.
func TestSsFiltersByStateAndShowsTimers(t *testing.T) {
	var out bytes.Buffer
	s, err := NewSession(Options{Out: &out, Err: &out, Lang: "en", StateDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	run := func(src string) string {
		t.Helper()
		out.Reset()
		s.Exec(src)
		return out.String()
	}
	// A port of the kernel's choosing: a fixed one could be another test
	// process's at the same moment.
	run("s = socket.socket()\ns.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\ns.bind(('127.0.0.1', 0))\ns.listen()")
	lport := strings.TrimSpace(run("print(s.getsockname()[1])"))
	run("c = socket.create_connection(s.getsockname())\nconn, addr = s.accept()\nport = c.getsockname()[1]")
	got := run("%ss " + lport + " listening")
	if !regexp.MustCompile(`(?m)^tcp\s+LISTEN\s+127\.0\.0\.1:`+lport+`\s`).MatchString(got) || strings.Contains(got, "ESTABLISHED") || strings.Contains(got, "timer") {
		t.Errorf("%%ss %s listening:\n%s", lport, got)
	}
	if got := run("%ss established " + lport); strings.Count(got, "ESTABLISHED") != 2 || strings.Contains(got, "LISTEN ") {
		t.Errorf("%%ss established %s:\n%s", lport, got)
	}
	run("c.close()\nconn.close()\ns.close()")
	port := strings.TrimSpace(run("print(port)"))
	got = run("%ss time-wait " + lport)
	row := regexp.MustCompile(`(?m)^tcp\s+TIME_WAIT\s+127\.0\.0\.1:` + port + `\s+127\.0\.0\.1:` + lport + `\s+0\s+0\s+timewait \d+s\s+kernel \(no process\)$`)
	if !row.MatchString(got) || !strings.Contains(got, "timer") {
		t.Errorf("%%ss time-wait %s: no TIME_WAIT row with its timer for port %s:\n%s", lport, port, got)
	}
	for _, bad := range []string{"%ss 1 2 3", "%ss nosuchstate", "%ss 70000", "%ss 1 2"} {
		if got := run(bad); !strings.Contains(got, "UsageError: usage: %ss [PORT] [STATE]") {
			t.Errorf("%s: %s", bad, got)
		}
	}
}

// %nstat shows the machine's counters and, from the second call on, how
// each moved: a connection refused by a closed port adds to
// Tcp.AttemptFails and Tcp.OutRsts.
func TestNstatShowsCountersAndChanges(t *testing.T) {
	var out bytes.Buffer
	s, err := NewSession(Options{Out: &out, Err: &out, Lang: "en", StateDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Exec("%nstat")
	first := out.String()
	if !strings.Contains(first, "the next %nstat shows how each changed") || !regexp.MustCompile(`(?m)^TcpExt\.ListenOverflows\s+\d+\s+-$`).MatchString(first) {
		t.Errorf("first %%nstat:\n%s", first)
	}
	s.Exec("c = socket.socket()\nc.connect_ex(('127.0.0.1', 1))\nc.close()")
	out.Reset()
	s.Exec("%nstat")
	if got := out.String(); !regexp.MustCompile(`(?m)^Tcp\.OutRsts\s+\d+\s+\+[1-9]\d*$`).MatchString(got) {
		t.Errorf("after a refused connect, Tcp.OutRsts did not climb:\n%s", got)
	}
}
