package lessons

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.starlark.net/starlark"

	"sockrepl/repl/python"
	"sockrepl/sockets/leakcheck"
)

// hostileShell is a shell holding lessons/testdata/hostile.py's state,
// with f naming a file that must survive.
func hostileShell(t *testing.T) (sh *shell, file string) {
	t.Helper()
	sh = newShell(t)
	file = filepath.Join(t.TempDir(), "victim")
	sh.ok(os.WriteFile(file, []byte("x"), 0o600))
	src, err := os.ReadFile("testdata/hostile.py")
	sh.ok(err)
	sh.exec(fmt.Sprintf("f = %q\n", file) + string(src))
	sh.add("s")
	v, _ := sh.in.Lookup("p")
	p1, _ := python.SocketOf(v.(starlark.Tuple)[1])
	sh.names, sh.socks = append(sh.names, "p[1]"), append(sh.socks, p1)
	return sh, file
}

// TestHostileChecksChangeNothing runs every check of a lesson file written
// to do harm against a learner's live state: each is refused with a
// message that says a check only looks, and afterwards the bytes are still
// queued, the sockets open and blocking, no socket was added, the file is
// on disk and the values are as they were.
func TestHostileChecksChangeNothing(t *testing.T) {
	leakcheck.Check(t)
	sh, file := hostileShell(t)
	l := mustLoad(t, "testdata/hostile.lesson")
	p, _ := sh.in.Lookup("p")
	for _, st := range l.Steps {
		last := Last{Code: st.Code, OK: true}
		if st.Code == "p" {
			last.Value = p
		}
		ok, err := evalCheck(st, sh.snap(last))
		if ok || err == nil || !strings.Contains(err.Error(), lookOnly) {
			t.Errorf("step %d (%s): check %s gave %v, %v; want a refusal saying %q",
				st.N, st.Say["en"], st.Check, ok, err, lookOnly)
		}
	}
	sh.exec("got = p[1].recv(100)\n" +
		"state = (s.fileno() >= 0, p[1].fileno() >= 0, s.gettimeout(), p[1].gettimeout(), len(d), items, len(nested[1]['inner']), buf)")
	for name, want := range map[string]string{
		"got":   `b'secret'`,
		"state": `(True, True, None, None, 3, [1, 2], 1, bytearray(b'abc'))`,
	} {
		if v, _ := sh.in.Lookup(name); v == nil || python.Repr(v) != want {
			t.Errorf("%s = %v after the hostile checks, want %s", name, v, want)
		}
	}
	for _, sk := range sh.rt.Sockets() {
		if sk != sh.socks[0] && sk != sh.socks[1] {
			t.Errorf("a check made a socket: %s", sk.Repr())
		}
	}
	if _, err := os.Stat(file); err != nil {
		t.Errorf("the learner's file is gone: %v", err)
	}
}

// TestViewsStillLook: what the views refuse to do is all they refuse.
// Values inside containers, at any depth, read as they would in Python.
func TestViewsStillLook(t *testing.T) {
	leakcheck.Check(t)
	sh, file := hostileShell(t)
	sh.exec("cyc = [1]\ncyc.append(cyc)\nshared = [7]\ntwice = (shared, shared)")
	p, _ := sh.in.Lookup("p")
	for _, check := range []string{
		"g['p'][1].recvq == 6 and g['p'][1].name == 'p[1]' and g['p'][0].name == 's'",
		"type(g['p'][0]) == 'socket' and g['p'][0] == sock('s') and g['s'] == g['p'][0]",
		"g['d']['conn'].fd == g['p'][1].fd and g['d']['n'] == 1",
		"[v for k, v in g['d'].items() if type(k) == 'socket'] == ['key']",
		"g['nested'][1]['inner'][0].mode == 'blocking' and g['nested'][0][0].kind == 'unix-stream'",
		"type(g['r']) == 'builtin_function_or_method' and type(g['spend']) == 'function'",
		"g['items'] == [1, 2] and type(g['items']) == 'list'",
		"g['buf'] == b'abc' and g['fam'] == AF_UNIX and g['socket'].AF_INET == AF_INET",
		"type(g['os']) == 'module' and type(g['os'].unlink) == 'builtin_function_or_method'",
		"g['f'] == " + fmt.Sprintf("%q", file) + " and exists(g['f'])",
		"len(g['cyc']) == 2 and len(g['cyc'][1][1][1]) == 2",
		"g['twice'][0] == [7] and g['r'] == g['r']",
		"last.value[1].recvq == 6 and last.value[0].name == 's'",
		"[x for x in [1, 2]] + [3] == [1, 2, 3]", // a check's own values are its to build
		"'p' in g and 'print' not in g and '__echo__' not in g",
	} {
		ok, err := evalCheck(stepFor(t, check), sh.snap(Last{OK: true, Value: p}))
		if !ok {
			t.Errorf("%s: %v", check, err)
		}
	}
}
